"""Reading a people file (CSV or XLSX) into a ``Snapshot``, with each bad row's reason.

One person per row. Headers may be English or Chinese (工号, 用户名, 姓名, 邮箱, 语言,
部门编码, 部门名称, 上级部门编码, 是否负责人); the department tree comes from the rows.
The stable key is the employee number, or the username when the row has none.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator

from openpyxl import load_workbook

from resolvers.people.records import DepartmentRecord, PersonRecord, Snapshot

#: Column -> the header names accepted for it (compared lower-cased, spaces as "_").
COLUMNS: dict[str, tuple[str, ...]] = {
    "employee_number": ("employee_number", "employee_no", "工号"),
    "username": ("username", "用户名", "账号"),
    "display_name": ("display_name", "name", "姓名"),
    "email": ("email", "e-mail", "mail", "邮箱"),
    "language": ("language", "语言"),
    "department_code": ("department_code", "department", "部门编码"),
    "department_name": ("department_name", "部门名称", "部门"),
    "parent_department_code": ("parent_department_code", "parent_code", "上级部门编码"),
    "is_head": ("is_head", "head", "是否负责人", "负责人"),
}
REQUIRED = ("username", "display_name", "department_code")
YES = {"1", "true", "yes", "y", "x", "是", "√"}
NO = {"", "0", "false", "no", "n", "否"}
#: A file of more rows is refused before any row is checked.
MAX_ROWS = 100_000


class PeopleFileError(ValueError):
    """The file as a whole cannot be read (format, headers, size)."""


def read_people_file(data: bytes, file_name: str, *, deactivate_missing: bool) -> Snapshot:
    """The file's departments, people and heads; bad rows land in ``refusals``."""
    rows = _xlsx_rows(data) if file_name.lower().endswith(".xlsx") else _csv_rows(data)
    header = next(rows, None)
    if header is None:
        raise PeopleFileError("the file is empty")
    columns = _columns(header)
    snapshot = Snapshot(present=set() if deactivate_missing else None)
    departments: dict[str, DepartmentRecord] = {}
    for number, cells in enumerate(rows, start=2):
        if number > MAX_ROWS + 1:
            raise PeopleFileError(f"more than {MAX_ROWS} rows")
        row = {name: _cell(cells, index) for name, index in columns.items()}
        if not any(row.values()):
            continue
        where = f"row {number}"
        problems = [f"{name} is empty" for name in REQUIRED if not row.get(name)]
        department = _department(row, where, departments, problems)
        is_head = row.get("is_head", "").lower()
        if is_head not in YES | NO:
            problems.append(f"is_head {row.get('is_head')!r} is neither yes nor no")
        key = row.get("employee_number") or row.get("username", "")
        if problems:
            snapshot.refusals.append((where, "; ".join(problems)))
            continue
        if snapshot.present is not None:
            snapshot.present.add(key)
        snapshot.people.append(
            PersonRecord(
                key=key,
                username=row["username"],
                display_name=row["display_name"],
                email=row.get("email", ""),
                language=row.get("language") or None,
                department_code=department,
                where=where,
            )
        )
        if is_head in YES:
            if snapshot.heads.get(department):
                snapshot.refusals.append((where, f"department {department} has two heads"))
            snapshot.heads[department] = key
    snapshot.departments = list(departments.values())
    return snapshot


def _department(
    row: dict[str, str], where: str, known: dict[str, DepartmentRecord], problems: list[str]
) -> str:
    code = row.get("department_code", "")
    name = row.get("department_name") or code
    parent = row.get("parent_department_code") or None
    seen = known.get(code)
    if seen is None:
        if code:
            known[code] = DepartmentRecord(code, name, code, parent, where)
    elif (seen.name, seen.parent_code) != (name, parent):
        problems.append(f"department {code} is named or placed differently in {seen.where}")
    return code


def _columns(header: list[str]) -> dict[str, int]:
    names = [str(h or "").strip().lower().replace(" ", "_") for h in header]
    columns: dict[str, int] = {}
    for column, aliases in COLUMNS.items():
        for index, name in enumerate(names):
            if name in aliases and column not in columns:
                columns[column] = index
    missing = [name for name in REQUIRED if name not in columns]
    if missing:
        raise PeopleFileError(f"the header row lacks the columns {', '.join(missing)}")
    return columns


def _cell(cells: list[str], index: int) -> str:
    return cells[index].strip() if index < len(cells) else ""


def _csv_rows(data: bytes) -> Iterator[list[str]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise PeopleFileError("a CSV file must be UTF-8") from exc
    yield from csv.reader(io.StringIO(text))


def _xlsx_rows(data: bytes) -> Iterator[list[str]]:
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise PeopleFileError("not a readable XLSX workbook") from exc
    try:
        sheet = book.worksheets[0]
        for values in sheet.iter_rows(values_only=True):
            yield [_text(v) for v in values]
    finally:
        book.close()


def _text(value: object) -> str:
    """A cell as text; employee numbers typed as numbers stay without ``.0``."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
