"""Exports typed as their readers expect: pandas reads dates as dates and numbers as numbers.

A BI tool pulls the built-in reports and saved reports over the lists docs/api.md promises
(tasks, requirements, archives), incrementally by ``updatedAt``, as CSV and XLSX. CSV
writes instants as UTC ISO 8601 without microseconds (``…Z``); XLSX cells hold real
datetimes, dates and numbers.
"""

from __future__ import annotations

import dataclasses
import io
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal

import openpyxl
import pandas as pd
from pandas.api import types
from strawberry.relay import to_base64

from core import clock
from core.tabular import Table, to_csv, to_json, to_xlsx
from models import Task
from models.enums import Role
from resolvers.access.api_tokens import create_api_token
from resolvers.reports import aggregates as reports
from tests.conftest import GraphQLClient
from tests.support.report_data import MONTH, build_march

BEIJING = timezone(timedelta(hours=8))
SAVED = {
    "changed-tasks": """query($since: DateTime) { tasks(first: 100,
      orderBy: {field: UPDATED_AT}, filter: {updatedAt: {from: $since}}) { edges { node {
      code status progress commentCount deadline startDate createdAt updatedAt
      requirement { code } executingDepartment { code } } } } }""",
    "changed-requirements": """query($since: DateTime) { requirements(first: 100,
      orderBy: {field: UPDATED_AT}, filter: {updatedAt: {from: $since}}) { edges { node {
      code status expectedBy taskCount createdAt updatedAt } } } }""",
    "changed-archives": """query($since: DateTime) { archives(first: 100,
      orderBy: {field: UPDATED_AT}, filter: {updatedAt: {from: $since}}) { edges { node {
      title createdAt updatedAt requirement { code } } } } }""",
}
INSTANTS = {
    "changed-tasks": ["deadline", "createdAt", "updatedAt"],
    "changed-requirements": ["createdAt", "updatedAt"],
    "changed-archives": ["createdAt", "updatedAt"],
}


def test_csv_and_json_write_utc_instants_without_microseconds_and_xlsx_real_values() -> None:
    # given a row with an instant in Beijing time (with microseconds), a date and numbers
    instant = datetime(2026, 10, 8, 10, 0, 0, 123456, tzinfo=BEIJING)
    table = Table(
        ["at", "day", "count", "hours", "amount", "text"],
        [
            {
                "at": instant,
                "day": date(2026, 10, 8),
                "count": 3,
                "hours": 1.5,
                "amount": Decimal("12.30"),
                "text": "=1+1",
            }
        ],
    )
    # when it is written as CSV and JSON
    csv_text = to_csv(table).decode("utf-8-sig")
    # then the instant is UTC, whole seconds, with Z; the formula stays defused
    assert csv_text.splitlines()[1] == "2026-10-08T02:00:00Z,2026-10-08,3,1.5,12.30,'=1+1"
    assert b'"at": "2026-10-08T02:00:00Z"' in to_json(table)
    # and in XLSX the cells hold a datetime (the UTC time), a date and numbers
    sheet = openpyxl.load_workbook(io.BytesIO(to_xlsx(table, "t"))).active
    assert sheet is not None
    at, day, count, hours, amount, text = (cell for cell in sheet[2])
    assert at.value == datetime(2026, 10, 8, 2, 0, 0) and at.is_date
    assert day.is_date and day.value.date() == date(2026, 10, 8)
    assert (count.value, hours.value, float(amount.value)) == (3, 1.5, 12.3)
    assert text.data_type == "s" and text.value == "=1+1"


async def test_a_bi_token_pulls_every_built_in_report_into_pandas_with_typed_columns(
    client: GraphQLClient, demo: None
) -> None:
    # given a month of collaboration and a BI token
    await build_march()
    token = (await create_api_token(None, name="pandas", role=Role.BI, via="cli")).secret
    headers = {"authorization": f"Bearer {token}"}
    for name, report in reports.BUILT_IN.items():
        numeric = {
            tabular_name(f.name): f.type
            for f in dataclasses.fields(report.row_type)
            if f.type in ("int", "float | None") and not f.name.endswith("_id")
        }
        dates = (
            ["month"] if "month" in {f.name for f in dataclasses.fields(report.row_type)} else []
        )
        for fmt in ("csv", "xlsx"):
            # when it pulls the report
            response = await client.http.get(
                f"/reports/{name}.{fmt}", params={"month": MONTH}, headers=headers
            )
            assert response.status_code == 200, (name, response.text)
            body = io.BytesIO(response.content)
            frame = (
                pd.read_csv(body, encoding="utf-8-sig", parse_dates=dates)
                if fmt == "csv"
                else pd.read_excel(body, engine="openpyxl", parse_dates=dates)
            )
            # then it has rows, counts are integers and averages and rates floats (Excel has
            # one number type: XLSX columns are numeric), months are dates
            assert len(frame) > 0, (name, fmt)
            for column, kind in numeric.items():
                check = types.is_integer_dtype if kind == "int" else types.is_float_dtype
                if fmt == "xlsx":
                    check = types.is_numeric_dtype
                assert check(frame[column]), (name, fmt, column, frame[column].dtype)
            for column in dates:
                assert types.is_datetime64_any_dtype(frame[column]), (name, fmt, column)


def tabular_name(field: str) -> str:
    head, *rest = field.split("_")
    return head + "".join(part.title() for part in rest)


async def test_saved_reports_over_the_lists_load_incrementally_into_pandas_typed(
    client: GraphQLClient, demo: None
) -> None:
    # given saved reports over tasks, requirements and archives changed since a moment
    admin = await client.sign_in("admin")
    for name, document in SAVED.items():
        await admin.data(
            "mutation($i: SaveReportInput!) { saveReport(input: $i) { id } }",
            {"i": {"name": name, "title": name, "document": document}},
        )
    token = (await create_api_token(None, name="pandas", role=Role.BI, via="cli")).secret
    headers = {"authorization": f"Bearer {token}"}
    since = clock.now().isoformat()
    # and after that moment, one task got a progress report
    designer = await client.sign_in("design_staff")
    visual = await Task.get(title="完成主视觉图初稿")
    await designer.data(
        "mutation($t: ID!) { reportProgress(input: {taskId: $t, percent: 80,"
        ' summary: "三套风格定稿完成"}) { progress } }',
        {"t": to_base64("Task", visual.id)},
    )
    expected_rows = {"changed-tasks": 1, "changed-requirements": 0, "changed-archives": 0}
    for name, instants in INSTANTS.items():
        for fmt in ("csv", "xlsx"):
            # when the BI tool pulls what changed since its last pull
            response = await client.http.get(
                f"/reports/saved/{name}.{fmt}", params={"since": since}, headers=headers
            )
            assert response.status_code == 200, (name, response.text)
            body = io.BytesIO(response.content)
            frame = (
                pd.read_csv(body, encoding="utf-8-sig", parse_dates=instants)
                if fmt == "csv"
                else pd.read_excel(body, engine="openpyxl")
            )
            # then it gets the changed rows only, under the header row even when none changed
            assert len(frame) == expected_rows[name], (name, fmt)
            assert set(instants) <= set(frame.columns), (name, fmt)
            if name == "changed-tasks":
                assert types.is_integer_dtype(frame["progress"]), fmt
                assert types.is_integer_dtype(frame["commentCount"]), fmt
                assert list(frame["progress"]) == [80]
                for column in instants:
                    assert types.is_datetime64_any_dtype(frame[column]), (fmt, column)
                changed = pd.Timestamp(frame["updatedAt"][0])
                if fmt == "csv":  # an aware UTC instant
                    assert str(frame["updatedAt"].dt.tz) == "UTC"
                    assert changed >= pd.Timestamp(since).floor("s")
                else:  # Excel has no zones: the UTC wall time
                    assert changed >= pd.Timestamp(since).tz_convert(UTC).tz_localize(None).floor(
                        "s"
                    )
    # and a full pull (no since) of the archive reads the archived record with its instants
    full = await client.http.get("/reports/saved/changed-archives.csv", headers=headers)
    frame = pd.read_csv(
        io.BytesIO(full.content), encoding="utf-8-sig", parse_dates=["createdAt", "updatedAt"]
    )
    assert len(frame) == 1 and types.is_datetime64_any_dtype(frame["createdAt"])
    assert frame["createdAt"][0].microsecond == 0
