"""Generated people files (XLSX and CSV) for the import tests."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from openpyxl import Workbook

HEADER = [
    "employee_number",
    "username",
    "display_name",
    "email",
    "language",
    "department_code",
    "department_name",
    "parent_department_code",
    "is_head",
]


def company(people: int, departments: int) -> list[list[str]]:
    """``people`` rows spread over ``departments`` under one root; each department's first
    person is its head."""
    rows: list[list[str]] = [
        ["E00000", "imp_ceo", "总经理", "ceo@example.test", "zh", "imp-root", "总部", "", "是"]
    ]
    for n in range(1, people):
        dept = n % departments
        rows.append(
            [
                f"E{n:05d}",
                f"imp_{n:05d}",
                f"员工{n:05d}",
                f"imp_{n:05d}@example.test",
                "en" if n % 7 == 0 else "zh",
                f"imp-d{dept:02d}",
                f"部门{dept:02d}",
                "imp-root",
                "是" if n <= departments else "",
            ]
        )
    return rows


def xlsx(rows: Iterable[list[str]], header: list[str] = HEADER) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def csv_bytes(rows: Iterable[list[str]], header: list[str] = HEADER) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")
