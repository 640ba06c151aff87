"""The panel's CSV export, defused like every CSV the product writes.

starlette-admin's own CSV exporter writes cell text as typed: a requirement titled
``=HYPERLINK("http://evil","点击")`` became a live formula in the spreadsheet of whoever
opened the export. This exporter writes each text cell through ``tabular.defused`` (the
function ``/reports`` CSV uses), and UTF-8 with a byte order mark as the reports do, so
that Excel reads the Chinese text too.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from starlette_admin.export.csv import CsvExporter
from starlette_admin.fields import BaseField

from core.tabular import defused


class DefusedCsvExporter(CsvExporter):
    """CSV whose text cells can never start a formula."""

    async def generate(self, fields: list[BaseField], rows: list[dict[str, Any]]) -> bytes:
        output = io.StringIO()
        writer = csv.writer(output, **self.fmtparams)
        writer.writerow([defused(str(f.label or f.name)) for f in fields])
        for row in rows:
            values = [row.get(f.name, "") for f in fields]
            writer.writerow([defused(v) if isinstance(v, str) else v for v in values])
        return output.getvalue().encode("utf-8-sig")
