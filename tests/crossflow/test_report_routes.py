"""``GET /reports/<name>.csv|json|xlsx``: the same figures as GraphQL, as files BI tools read.

The exports are parsed back (CSV with its BOM, JSON, the workbook) and compared with the
month built in ``tests/support/report_data.py``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import AsyncIterator

import httpx
import openpyxl
import pytest
from tortoise.context import TortoiseContext

from core.rate_limit import MemoryTokenBucket, RedisTokenBucket
from core.security import hash_api_token, new_api_token
from core.settings import Settings
from core.tabular import Table, to_csv, to_xlsx
from crossflow.app import create_app
from models import ApiToken
from models.enums import Role
from resolvers.reports.aggregates import BUILT_IN
from tests.conftest import GraphQLClient
from tests.support.report_data import MONTH, build_march

TASK_STATUS = [
    ["month", "departmentCode", "departmentName", "status", "count"],
    ["2025-03", "sales", "销售部", "PENDING", "1"],
    ["2025-03", "sales", "销售部", "IN_PROGRESS", "1"],
    ["2025-03", "sales", "销售部", "SUBMITTED", "1"],
    ["2025-03", "design", "设计部", "IN_PROGRESS", "1"],
    ["2025-03", "design", "设计部", "COMPLETED", "2"],
]


async def bi_token(role: Role = Role.BI) -> str:
    raw = new_api_token()
    await ApiToken.create(name="BI", token_hash=hash_api_token(raw), prefix=raw[:8], role=role)
    return raw


def bearer(token: str | None) -> dict[str, str]:
    return {"authorization": f"Bearer {token}"} if token else {}


async def test_task_status_csv_has_a_bom_a_header_and_the_figures(
    client: GraphQLClient, demo: None
) -> None:
    await build_march()
    token = await bi_token()
    response = await client.http.get(
        "/reports/task-status-by-department.csv", params={"month": MONTH}, headers=bearer(token)
    )
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert "task-status-by-department.csv" in response.headers["content-disposition"]
    # UTF-8 with a byte order mark, so that Excel opens 销售部 as 销售部
    assert response.content.startswith(b"\xef\xbb\xbf")
    parsed = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert parsed == TASK_STATUS


async def test_json_and_xlsx_carry_the_same_rows(client: GraphQLClient, demo: None) -> None:
    await build_march()
    token = await bi_token()
    overdue = await client.http.get(
        "/reports/overdue-by-department.json", params={"month": MONTH}, headers=bearer(token)
    )
    assert overdue.status_code == 200
    assert overdue.json() == [
        {
            "departmentCode": "sales",
            "departmentName": "销售部",
            "tasks": 1,
            "overdue": 1,
            "completedLate": 0,
            "completedOnTime": 0,
            "notYetDue": 0,
            "overdueRate": 1.0,
        },
        {
            "departmentCode": "design",
            "departmentName": "设计部",
            "tasks": 4,
            "overdue": 1,
            "completedLate": 2,
            "completedOnTime": 1,
            "notYetDue": 0,
            "overdueRate": 0.75,
        },
    ]
    workbook = await client.http.get(
        "/reports/collaboration-response-times.xlsx", params={"month": MONTH}, headers=bearer(token)
    )
    assert workbook.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(workbook.content)).active
    assert sheet is not None
    values = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert values[0] == [
        "fromDepartmentCode",
        "fromDepartmentName",
        "toDepartmentCode",
        "toDepartmentName",
        "count",
        "answered",
        "open",
        "averageHoursToAnswer",
    ]
    assert sorted(values[1:], key=str) == sorted(
        [
            ["sales", "销售部", "finance", "财务部", 1, 1, 0, 2],
            ["design", "设计部", "rnd", "研发部", 3, 2, 1, 15],
            [None, None, "rnd", "研发部", 1, 0, 1, None],
        ],
        key=str,
    )


async def test_every_built_in_report_downloads_in_every_format(
    client: GraphQLClient, demo: None
) -> None:
    await build_march()
    token = await bi_token()
    for name in BUILT_IN:
        for fmt in ("csv", "json", "xlsx"):
            response = await client.http.get(f"/reports/{name}.{fmt}", headers=bearer(token))
            assert response.status_code == 200, (name, fmt, response.text)


async def test_departments_by_code_and_a_head_sees_their_own(
    client: GraphQLClient, demo: None
) -> None:
    await build_march()
    token = await bi_token()
    only = await client.http.get(
        "/reports/task-status-by-department.json",
        params={"month": MONTH, "department": "design"},
        headers=bearer(token),
    )
    assert {row["departmentCode"] for row in only.json()} == {"design"}
    unknown = await client.http.get(
        "/reports/task-status-by-department.json",
        params={"department": "nowhere"},
        headers=bearer(token),
    )
    assert unknown.status_code == 400
    assert unknown.json()["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    bad_date = await client.http.get(
        "/reports/task-status-by-department.json", params={"from": "March"}, headers=bearer(token)
    )
    assert bad_date.status_code == 400
    head = await client.sign_in("sales_head")
    own = await client.http.get(
        "/reports/task-status-by-department.csv",
        params={"month": MONTH},
        headers=bearer(head.token),
    )
    parsed = list(csv.reader(io.StringIO(own.content.decode("utf-8-sig"))))
    assert parsed == TASK_STATUS[:4]


async def test_no_token_is_401_and_an_employee_is_403(client: GraphQLClient, demo: None) -> None:
    path = "/reports/task-status-by-department.csv"
    anonymous = await client.http.get(path)
    assert anonymous.status_code == 401
    assert anonymous.headers["www-authenticate"] == "Bearer"
    assert anonymous.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    forged = await client.http.get(path, headers=bearer("cft_not-a-real-token"))
    assert forged.status_code == 401
    staff = await client.sign_in("design_staff")
    refused = await client.http.get(path, headers=bearer(staff.token))
    assert refused.status_code == 403
    assert refused.json()["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    # an unknown report or format is simply not there
    token = await bi_token()
    assert (
        await client.http.get("/reports/salaries.csv", headers=bearer(token))
    ).status_code == 404
    assert (
        await client.http.get("/reports/task-status-by-department.pdf", headers=bearer(token))
    ).status_code == 404


@pytest.fixture
async def limited(db: TortoiseContext, settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    """The app with a limit of two report requests per minute."""
    app = create_app(settings.model_copy(update={"reports_rate_per_minute": 2}), manage_orm=False)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
        yield http


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
async def test_a_token_over_its_rate_gets_429_with_retry_after(
    limited: httpx.AsyncClient,
) -> None:
    first, second = await bi_token(), await bi_token()
    path = "/reports/overdue-by-department.json"
    statuses = [(await limited.get(path, headers=bearer(first))).status_code for _ in range(2)]
    assert statuses == [200, 200]
    refused = await limited.get(path, headers=bearer(first))
    assert refused.status_code == 429
    assert refused.json()["errors"][0]["extensions"]["code"] == "RATE_LIMITED"
    # two per minute: the next token is 30 seconds away
    assert 1 <= int(refused.headers["retry-after"]) <= 30
    # the bucket is per token: another BI tool is not slowed down
    assert (await limited.get(path, headers=bearer(second))).status_code == 200


async def test_the_memory_bucket_refills_at_its_rate(monkeypatch: pytest.MonkeyPatch) -> None:
    clock = [1000.0]
    monkeypatch.setattr("core.rate_limit.time.monotonic", lambda: clock[0])
    bucket = MemoryTokenBucket(rate_per_minute=60)
    assert [await bucket.take("k") for _ in range(60)] == [0.0] * 60
    assert await bucket.take("k") == pytest.approx(1.0)
    clock[0] += 2.0  # two tokens back
    assert [await bucket.take("k") for _ in range(2)] == [0.0, 0.0]
    assert await bucket.take("k") > 0


@pytest.mark.redis
async def test_the_redis_bucket_is_shared_by_replicas(redis_url: str) -> None:
    # two server replicas, each with its own limiter on the same Redis
    one, two = RedisTokenBucket(redis_url, 3), RedisTokenBucket(redis_url, 3)
    try:
        waits = [await one.take("token:7"), await two.take("token:7"), await one.take("token:7")]
        assert waits == [0.0, 0.0, 0.0]
        assert 0 < await two.take("token:7") <= 20.5
        assert await two.take("token:8") == 0.0
    finally:
        await one.close()
        await two.close()


async def test_the_redis_bucket_falls_back_to_memory_when_redis_is_away() -> None:
    bucket = RedisTokenBucket("redis://127.0.0.1:1/0", 1)
    try:
        assert await bucket.take("k") == 0.0
        assert await bucket.take("k") > 0
    finally:
        await bucket.close()


def test_exports_defuse_spreadsheet_formulas() -> None:
    table = Table(["text", "n"], [{"text": "=HYPERLINK(1)", "n": -3}, {"text": "@x", "n": 1.5}])
    parsed = list(csv.reader(io.StringIO(to_csv(table).decode("utf-8-sig"))))
    assert parsed == [["text", "n"], ["'=HYPERLINK(1)", "-3"], ["'@x", "1.5"]]
    sheet = openpyxl.load_workbook(io.BytesIO(to_xlsx(table, "t"))).active
    assert sheet is not None
    assert sheet["A2"].value == "=HYPERLINK(1)" and sheet["A2"].data_type == "s"
    assert sheet["B2"].value == -3
