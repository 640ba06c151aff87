"""Tables for BI downloads: report rows as CSV, JSON or an Excel workbook (openpyxl).

Rows keep their values typed (instants, dates, numbers) until a format writes them, so each
reader gets the type it expects: an XLSX cell holds a real date, datetime or number (never
text that looks like one); CSV and JSON write instants in UTC as ISO 8601 without
microseconds, ``2026-10-08T02:00:00Z`` (``pandas.read_csv(parse_dates=…)``, Power BI and
Excel's Power Query all read it), and dates as ``YYYY-MM-DD``. Excel has no time zones: an
XLSX datetime is the UTC instant, which its column title does not repeat.

CSV is UTF-8 with a byte order mark and a header row (also when there are no rows): without
the mark Excel reads the bytes in the local code page and garbles Chinese. Text that a
spreadsheet would take for a formula (``=``, ``+``, ``-``, ``@`` first) is defused, in CSV
with a leading apostrophe as OWASP advises and in XLSX by storing it as a string, so a
feedback text cannot run a formula on a manager's machine.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any, get_args, get_type_hints

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

CSV_MEDIA_TYPE = "text/csv; charset=utf-8"
JSON_MEDIA_TYPE = "application/json"
XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
#: Excel number formats of typed cells (ISO order, readable in every locale).
DATETIME_FORMAT = "yyyy-mm-dd hh:mm:ss"
DATE_FORMAT = "yyyy-mm-dd"


@dataclasses.dataclass(frozen=True)
class Table:
    """Named columns and rows of plain values (str, int, float, Decimal, bool, date,
    an aware datetime, or None)."""

    columns: list[str]
    rows: list[dict[str, Any]]


def camel(name: str) -> str:
    """``department_code`` → ``departmentCode`` (the GraphQL field names)."""
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


def plain(value: Any) -> Any:
    """A value every format writes: enums by value; instants, dates and numbers stay typed."""
    if isinstance(value, Enum):
        return value.value
    return value


def instant_text(value: datetime) -> str:
    """An instant as CSV and JSON write it: UTC, whole seconds, ``Z``."""
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _text_of(value: Any) -> Any:
    """Instants and dates as their ISO text (for CSV and JSON); anything else unchanged."""
    if isinstance(value, datetime):
        return instant_text(value)
    if isinstance(value, date):
        return value.isoformat()
    return value


def from_rows(row_type: type[Any], rows: Iterable[Any]) -> Table:
    """A table of dataclass rows; internal ``*_id`` keys are left out (codes identify).

    A field declared ``float`` is written as one even when the database answered a whole
    number (an average of 148 hours), so a column has one type in every reader.
    """
    names = [f.name for f in dataclasses.fields(row_type) if not f.name.endswith("_id")]
    hints = get_type_hints(row_type)
    decimals = {name for name in names if float in (hints[name], *get_args(hints[name]))}

    def value(row: Any, name: str) -> Any:
        found = plain(getattr(row, name))
        return float(found) if name in decimals and found is not None else found

    return Table(
        [camel(name) for name in names],
        [{camel(name): value(row, name) for name in names} for row in rows],
    )


def defused(text: str) -> str:
    """``text`` as a spreadsheet shows it and never evaluates (OWASP's CSV injection advice).

    A cell starting like a formula gets a leading apostrophe. Every CSV the product writes
    goes through here: ``/reports`` and the admin panel's exports (``admin_ui/export.py``).
    """
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def _csv_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    value = _text_of(value)
    return defused(value) if isinstance(value, str) else str(value)


def to_csv(table: Table) -> bytes:
    """CSV with a header row, UTF-8 with BOM, CRLF line ends (what Excel expects)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(table.columns)
    for row in table.rows:
        writer.writerow([_csv_text(row.get(column)) for column in table.columns])
    return buffer.getvalue().encode("utf-8-sig")


def to_json(table: Table) -> bytes:
    """A JSON list of objects, one per row; instants and dates as in CSV."""
    return json.dumps(table.rows, ensure_ascii=False, default=_json_value).encode()


def _json_value(value: Any) -> Any:
    if isinstance(value, (datetime, date)):
        return _text_of(value)
    if isinstance(value, Decimal):
        return float(value)
    raise TypeError(f"not JSON: {type(value).__name__}")


def write_sheet(sheet: Worksheet, table: Table, headers: Sequence[str] | None = None) -> None:
    """Write a header row and the rows; widen columns to their content."""
    sheet.append(list(headers or table.columns))
    for row in table.rows:
        sheet.append([None for _ in table.columns])
        for index, column in enumerate(table.columns, start=1):
            value = row.get(column)
            cell = sheet.cell(row=sheet.max_row, column=index, value=_cell_value(value))
            if isinstance(value, str):
                cell.data_type = "s"  # never a formula, whatever the text starts with
            elif isinstance(value, datetime):
                cell.number_format = DATETIME_FORMAT
            elif isinstance(value, date):
                cell.number_format = DATE_FORMAT
    titles = list(headers or table.columns)
    for index, column in enumerate(table.columns, start=1):
        texts = [titles[index - 1], *(_csv_text(row.get(column)) for row in table.rows[:200])]
        longest = max(_display_width(text) for text in texts)
        sheet.column_dimensions[get_column_letter(index)].width = min(60, max(8, longest + 2))
    sheet.freeze_panes = "A2"


def _cell_value(value: Any) -> Any:
    """What openpyxl stores: an instant as its naive UTC time (Excel has no zones)."""
    if isinstance(value, datetime):
        return value.astimezone(UTC).replace(tzinfo=None, microsecond=0)
    return value


def _display_width(text: str) -> int:
    """Characters as wide as they print: a Chinese character takes two columns."""
    return sum(2 if ord(char) >= 0x2E80 else 1 for char in text)


def to_xlsx(table: Table, title: str) -> bytes:
    """A workbook with one sheet of the table."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = title[:31]
    write_sheet(sheet, table)
    return workbook_bytes(workbook)


def workbook_bytes(workbook: Workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
