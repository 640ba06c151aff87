"""Tables for BI downloads: report rows as CSV, JSON or an Excel workbook (openpyxl).

CSV is UTF-8 with a byte order mark and a header row: without the mark Excel reads the
bytes in the local code page and garbles Chinese. Text that a spreadsheet would take for a
formula (``=``, ``+``, ``-``, ``@`` first) is defused, in CSV with a leading apostrophe as
OWASP advises and in XLSX by storing it as a string, so a feedback text cannot run a
formula on a manager's machine.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from enum import Enum
from typing import Any

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

CSV_MEDIA_TYPE = "text/csv; charset=utf-8"
JSON_MEDIA_TYPE = "application/json"
XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclasses.dataclass(frozen=True)
class Table:
    """Named columns and rows of plain values (str, int, float, bool, None)."""

    columns: list[str]
    rows: list[dict[str, Any]]


def camel(name: str) -> str:
    """``department_code`` → ``departmentCode`` (the GraphQL field names)."""
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


def plain(value: Any) -> Any:
    """A value JSON, CSV and Excel all take: enums by value, instants in ISO 8601."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    return value


def from_rows(row_type: type[Any], rows: Iterable[Any]) -> Table:
    """A table of dataclass rows; internal ``*_id`` keys are left out (codes identify)."""
    names = [f.name for f in dataclasses.fields(row_type) if not f.name.endswith("_id")]
    return Table(
        [camel(name) for name in names],
        [{camel(name): plain(getattr(row, name)) for name in names} for row in rows],
    )


def flatten(data: Any) -> Table:
    """The first list (or Relay connection) in a GraphQL result, one row per item.

    Nested objects become dotted columns (``department.code``); nested lists become JSON
    text. Without any list the whole result is one row.
    """
    items = _first_list(data)
    rows = [_flat(item) for item in (items if items is not None else [data])]
    columns = list(dict.fromkeys(key for row in rows for key in row))
    return Table(columns, rows)


def _first_list(value: Any) -> list[Any] | None:
    if isinstance(value, list):
        return value
    if not isinstance(value, dict):
        return None
    edges = value.get("edges")
    if isinstance(edges, list):
        return [edge.get("node") if isinstance(edge, dict) else edge for edge in edges]
    for child in value.values():
        found = _first_list(child)
        if found is not None:
            return found
    return None


def _flat(value: Any, prefix: str = "") -> dict[str, Any]:
    if not isinstance(value, dict):
        return {prefix or "value": _scalar(value)}
    flat: dict[str, Any] = {}
    for key, child in value.items():
        name = f"{prefix}.{key}" if prefix else key
        if isinstance(child, dict):
            flat.update(_flat(child, name))
        else:
            flat[name] = _scalar(child)
    return flat


def _scalar(value: Any) -> Any:
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return plain(value)


def _csv_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return str(value)


def to_csv(table: Table) -> bytes:
    """CSV with a header row, UTF-8 with BOM, CRLF line ends (what Excel expects)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(table.columns)
    for row in table.rows:
        writer.writerow([_csv_text(row.get(column)) for column in table.columns])
    return buffer.getvalue().encode("utf-8-sig")


def to_json(table: Table) -> bytes:
    """A JSON list of objects, one per row."""
    return json.dumps(table.rows, ensure_ascii=False).encode()


def write_sheet(sheet: Worksheet, table: Table, headers: Sequence[str] | None = None) -> None:
    """Write a header row and the rows; widen columns to their content."""
    sheet.append(list(headers or table.columns))
    for row in table.rows:
        sheet.append([None for _ in table.columns])
        for index, column in enumerate(table.columns, start=1):
            cell = sheet.cell(row=sheet.max_row, column=index, value=row.get(column))
            if isinstance(cell.value, str):
                cell.data_type = "s"  # never a formula, whatever the text starts with
    titles = list(headers or table.columns)
    for index, column in enumerate(table.columns, start=1):
        texts = [titles[index - 1], *(str(row.get(column) or "") for row in table.rows[:200])]
        longest = max(_display_width(text) for text in texts)
        sheet.column_dimensions[get_column_letter(index)].width = min(60, max(8, longest + 2))
    sheet.freeze_panes = "A2"


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
