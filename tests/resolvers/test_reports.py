"""``reports { … }``: exact figures for a known month, the role scope, constant SQL.

Every test runs on SQLite and PostgreSQL: the grouped statements are raw SQL written for
both dialects, so both must give the same numbers.
"""

from __future__ import annotations

from typing import Any

import pytest
from strawberry.relay import to_base64

from core import outbox
from core.security import hash_api_token, new_api_token
from models import ApiToken, Department, Task
from models.enums import Role, TaskStatus
from tests.conftest import GraphQLClient
from tests.support.report_data import MONTH, MonthBuilder, at, build_march
from tests.support.sql_log import counted_statements

EVERYTHING = """query($filter: ReportFilterInput) { reports(filter: $filter) {
  requirementsByDepartment { departmentCode raised completed }
  tasksByStatus { month departmentCode status count department { code name } }
  overdueByDepartment { departmentCode tasks overdue completedLate completedOnTime notYetDue
    overdueRate }
  taskCycleTime { departmentCode count averageHours }
  requirementCycleTime { departmentCode count averageHours }
  reviewLeadTime { departmentCode count averageHours }
  acceptanceLeadTime { departmentCode count averageHours }
  collaborationResponseTimes { fromDepartmentCode toDepartmentCode count answered open
    averageHoursToAnswer toDepartment { code } }
  feedbackByKind { kind departmentCode count }
} }"""
MARCH = {"filter": {"month": MONTH}}


async def bi_client(client: GraphQLClient) -> GraphQLClient:
    raw = new_api_token()
    await ApiToken.create(name="BI", token_hash=hash_api_token(raw), prefix=raw[:8], role=Role.BI)
    return GraphQLClient(client.http, raw)


def rows(data: dict[str, Any], report: str, *keys: str) -> list[tuple[Any, ...]]:
    return [tuple(row[key] for key in keys) for row in data["reports"][report]]


async def test_every_report_gives_the_exact_figures_of_the_month(
    client: GraphQLClient, demo: None
) -> None:
    # given a month with known requirements, tasks, reviews, requests and feedback
    await build_march()
    admin = await client.sign_in("admin")
    # when the admin asks for that month's reports
    data = await admin.data(EVERYTHING, MARCH)
    # then every figure is the one the data makes
    assert rows(data, "requirementsByDepartment", "departmentCode", "raised", "completed") == [
        ("market", 1, 2),
        ("sales", 1, 0),
    ]
    assert rows(data, "tasksByStatus", "month", "departmentCode", "status", "count") == [
        ("2025-03", "sales", "PENDING", 1),
        ("2025-03", "sales", "IN_PROGRESS", 1),
        ("2025-03", "sales", "SUBMITTED", 1),
        ("2025-03", "design", "IN_PROGRESS", 1),
        ("2025-03", "design", "COMPLETED", 2),
    ]
    assert data["reports"]["tasksByStatus"][0]["department"] == {"code": "sales", "name": "销售部"}
    overdue = rows(
        data,
        "overdueByDepartment",
        "departmentCode",
        "tasks",
        "overdue",
        "completedLate",
        "completedOnTime",
        "notYetDue",
        "overdueRate",
    )
    assert overdue == [("sales", 1, 1, 0, 0, 0, 1.0), ("design", 4, 1, 2, 1, 0, 0.75)]
    keys = ("departmentCode", "count", "averageHours")
    assert rows(data, "taskCycleTime", *keys) == [("design", 3, 148.0)]
    assert rows(data, "requirementCycleTime", *keys) == [("market", 2, 372.0)]
    assert rows(data, "reviewLeadTime", *keys) == [("finance", 1, 24.0), ("design", 2, 5.0)]
    assert rows(data, "acceptanceLeadTime", *keys) == [("design", 2, 30.0)]
    cells = rows(
        data,
        "collaborationResponseTimes",
        "fromDepartmentCode",
        "toDepartmentCode",
        "count",
        "answered",
        "open",
        "averageHoursToAnswer",
    )
    assert sorted(cells, key=str) == sorted(
        [
            ("design", "rnd", 3, 2, 1, 15.0),
            ("sales", "finance", 1, 1, 0, 2.0),
            (None, "rnd", 1, 0, 1, None),
        ],
        key=str,
    )
    assert sorted(
        rows(data, "feedbackByKind", "kind", "departmentCode", "count"), key=str
    ) == sorted(
        [
            ("PRAISE", "rnd", 2),
            ("PRAISE", "sales", 1),
            ("PROBLEM", "design", 1),
            ("SUGGESTION", None, 1),
        ],
        key=str,
    )


async def test_dates_and_departments_narrow_the_reports(client: GraphQLClient, demo: None) -> None:
    await build_march()
    admin = await client.sign_in("admin")
    design = await Department.get(code="design")
    # from/to are Beijing dates, both inclusive: 3 March 00:00 to 4 March 24:00
    first_days = {"filter": {"from": "2025-03-03", "to": "2025-03-04"}}
    data = await admin.data(EVERYTHING, first_days)
    assert rows(data, "tasksByStatus", "departmentCode", "status", "count") == [
        ("sales", "PENDING", 1),
        ("sales", "SUBMITTED", 1),
        ("design", "IN_PROGRESS", 1),
    ]
    only_design = {
        "filter": {"month": MONTH, "departmentIds": [to_base64("Department", design.id)]}
    }
    data = await admin.data(EVERYTHING, only_design)
    assert {row["departmentCode"] for row in data["reports"]["tasksByStatus"]} == {"design"}
    # a month with from/to, or a malformed month, is bad input naming the field
    body = await admin.post(EVERYTHING, {"filter": {"month": "2025-3"}})
    assert body["errors"][0]["extensions"] == {"code": "BAD_USER_INPUT", "field": "month"}
    mixed = {"filter": {"month": MONTH, "from": "2025-03-01"}}
    assert await admin.error_code(EVERYTHING, mixed) == "BAD_USER_INPUT"
    backwards = {"filter": {"from": "2025-03-05", "to": "2025-03-01"}}
    assert await admin.error_code(EVERYTHING, backwards) == "BAD_USER_INPUT"


@pytest.mark.parametrize("username", ["admin", "ceo", "bi"])
async def test_admin_executive_and_bi_see_every_department(
    client: GraphQLClient, demo: None, username: str
) -> None:
    await build_march()
    reader = await bi_client(client) if username == "bi" else await client.sign_in(username)
    data = await reader.data(EVERYTHING, MARCH)
    assert {row["departmentCode"] for row in data["reports"]["tasksByStatus"]} == {
        "design",
        "sales",
    }
    assert len(data["reports"]["collaborationResponseTimes"]) == 3


async def test_a_department_head_sees_their_own_department_only(
    client: GraphQLClient, demo: None
) -> None:
    await build_march()
    head = await client.sign_in("design_head")
    data = await head.data(EVERYTHING, MARCH)
    reports = data["reports"]
    assert rows(data, "tasksByStatus", "departmentCode", "status", "count") == [
        ("design", "IN_PROGRESS", 1),
        ("design", "COMPLETED", 2),
    ]
    assert rows(data, "overdueByDepartment", "departmentCode", "tasks") == [("design", 4)]
    assert rows(data, "reviewLeadTime", "departmentCode", "count") == [("design", 2)]
    assert reports["requirementsByDepartment"] == []
    # the cells where design asks or is asked; feedback that names design
    assert rows(data, "collaborationResponseTimes", "fromDepartmentCode", "toDepartmentCode") == [
        ("design", "rnd")
    ]
    assert rows(data, "feedbackByKind", "kind", "departmentCode") == [("PROBLEM", "design")]
    # asking for another department gives nothing of it
    sales = await Department.get(code="sales")
    other = {"filter": {"month": MONTH, "departmentIds": [to_base64("Department", sales.id)]}}
    assert (await head.data(EVERYTHING, other))["reports"]["tasksByStatus"] == []
    # the head of rnd sees the requests rnd was asked
    rnd = await (await client.sign_in("rnd_head")).data(EVERYTHING, MARCH)
    assert sorted(rows(rnd, "collaborationResponseTimes", "fromDepartmentCode"), key=str) == [
        ("design",),
        (None,),
    ]


@pytest.mark.parametrize("username", ["design_staff", None])
async def test_an_employee_or_anonymous_gets_no_report(
    client: GraphQLClient, demo: None, username: str | None
) -> None:
    await build_march()
    caller = await client.sign_in(username) if username else client
    body = await caller.post(EVERYTHING, MARCH)
    assert body["data"] == {"reports": None}
    assert body["errors"][0]["extensions"]["code"] == (
        "FORBIDDEN" if username else "UNAUTHENTICATED"
    )


async def test_a_report_costs_the_same_statements_whatever_the_data_size(
    client: GraphQLClient, demo: None, backend: str
) -> None:
    # given the month, and a reader whose token is already checked once
    built = await build_march()
    admin = await client.sign_in("admin")
    await admin.data(EVERYTHING, MARCH)  # warm the per-process caches
    await outbox.drain()  # a relay started by an earlier write would be counted too
    with counted_statements() as small:
        before = await admin.data(EVERYTHING, MARCH)
    # when the month gets many more tasks, requests and reviews in more departments
    builder: MonthBuilder = built["builder"]
    for index, code in enumerate(["it", "legal", "office", "tech", "finance"] * 8):
        task = await builder.task(
            built["r1"], code, TaskStatus.PENDING, at(3, 10), at(3, 11 + index % 5)
        )
        await builder.collaboration(task, code, "design", at(3, 12), index % 7 or None)
    assert await Task.filter(executing_department__code="legal").count() >= 8
    await outbox.drain()
    with counted_statements() as large:
        after = await admin.data(EVERYTHING, MARCH)
    # then the figures grew but the number of statements did not
    assert len(after["reports"]["tasksByStatus"]) > len(before["reports"]["tasksByStatus"])

    # the department names load through a dataloader whose batches depend on when the
    # resolvers reach it (one or two batches); everything else is the same statements
    def department_loads(statements: list[str]) -> int:
        return sum(1 for x in statements if 'FROM "department" WHERE "id" IN' in x)

    assert 1 <= department_loads(small) <= 2 and 1 <= department_loads(large) <= 2
    assert len(large) - department_loads(large) == len(small) - department_loads(small), (
        small,
        large,
    )
    # and the nine reports are one statement on PostgreSQL (one round trip), nine in-process
    report_statements = [s for s in large if "GROUP BY" in s]
    assert len(report_statements) == (1 if backend == "postgres" else 9)
    assert sum(s.count("GROUP BY") for s in report_statements) == 9


async def test_months_and_dates_are_beijing_ones(client: GraphQLClient, demo: None) -> None:
    # given tasks created just after midnight in Beijing (the evening before in UTC)
    built = await build_march()
    builder: MonthBuilder = built["builder"]
    for created in (at(3, 1, 0), at(4, 1, 0), at(2, 28, 23)):
        await builder.task(built["r1"], "legal", TaskStatus.PENDING, created, None)
    admin = await client.sign_in("admin")
    legal = await Department.get(code="legal")
    only_legal = [to_base64("Department", legal.id)]
    three_months = {"from": "2025-02-01", "to": "2025-04-30", "departmentIds": only_legal}
    data = await admin.data(EVERYTHING, {"filter": three_months})
    # then each is counted in its Beijing month
    assert rows(data, "tasksByStatus", "month", "count") == [
        ("2025-02", 1),
        ("2025-03", 1),
        ("2025-04", 1),
    ]
    # and a Beijing date covers its whole Beijing day
    one_day = {"from": "2025-03-01", "to": "2025-03-01", "departmentIds": only_legal}
    data = await admin.data(EVERYTHING, {"filter": one_day})
    assert rows(data, "tasksByStatus", "month", "count") == [("2025-03", 1)]
