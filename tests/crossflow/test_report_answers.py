"""Repeated report reads answered from the process (``crossflow/report_answers.py``).

A kept answer must be, byte for byte, what the generic executor gives without any keeping
(an app with ``graphql_compiled`` off), for every kind of reader; never another scope's;
gone the moment a new snapshot is refreshed; never an error.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from strawberry.relay import to_base64
from tortoise.context import TortoiseContext

from core.settings import Settings
from crossflow.app import create_app
from crossflow.report_answers import ReportAnswers
from models import Department, DepartmentHead, Task, User
from models.enums import TaskStatus
from resolvers.reports import snapshots
from tests.conftest import GraphQLClient
from tests.resolvers.test_reports import bi_client
from tests.security.test_api2_cached_viewer import listening
from tests.support.report_data import MONTH, at, build_march
from tests.support.sql_log import counted_statements

pytestmark = pytest.mark.parametrize("backend", ["postgres"], indirect=True)

#: Variables, aliases, directives, inline and named fragments (one spread in two places).
DASHBOARD = """query Dashboard($filter: ReportFilterInput, $names: Boolean!) {
  figures: reports(filter: $filter) {
    asOf live __typename
    requirementsByDepartment { ...Flow }
    overdue: overdueByDepartment { departmentCode tasks overdue rate: overdueRate
      department @include(if: $names) { ...Dept } }
    tasksByStatus { month status count department { code name __typename } }
    ... on Reports { feedbackByKind { kind departmentCode count } }
    collaborationResponseTimes { fromDepartment { code } toDepartment { ...Dept } count open }
    taskCycleTime { departmentCode count averageHours }
  }
  everything: reports { reviewLeadTime { departmentCode count } acceptanceLeadTime { count } }
}
fragment Flow on RequirementFlow { departmentCode raised completed department { ...Dept } }
fragment Dept on Department { id code name nameEn }
query Other { reports { live } }"""
READERS = ["admin", "ceo", "design_head", "rnd_head", "bi"]


async def _variables() -> list[dict[str, Any]]:
    design = await Department.get(code="design")
    return [
        {"names": True},
        {"names": False, "filter": {"month": MONTH}},
        {"names": True, "filter": {"departmentIds": [to_base64("Department", design.id)]}},
    ]


@pytest.fixture
async def generic(db: TortoiseContext, settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    """The same app with every request through the generic executor (nothing kept)."""
    app = create_app(settings.model_copy(update={"graphql_compiled": False}), manage_orm=False)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
        yield http


def _answers_of(client: GraphQLClient) -> ReportAnswers:
    """The kept answers of the client's app."""
    app: Any = client.http._transport.app  # type: ignore[attr-defined]
    view = next(route.endpoint for route in app.routes if getattr(route, "path", "") == "/graphql")
    answers: ReportAnswers = view.reports
    return answers


async def _reader(client: GraphQLClient, username: str) -> GraphQLClient:
    return await bi_client(client) if username == "bi" else await client.sign_in(username)


async def _post(
    http: httpx.AsyncClient, token: str | None, variables: dict[str, Any], operation: str
) -> httpx.Response:
    headers = {"authorization": f"Bearer {token}"} if token else {}
    body = {"query": DASHBOARD, "variables": variables, "operationName": operation}
    return await http.post("/graphql", json=body, headers=headers)


async def _same_as_generic(
    client: GraphQLClient,
    generic: httpx.AsyncClient,
    reader: GraphQLClient,
    variables: dict[str, Any],
    operation: str = "Dashboard",
) -> bytes:
    """Asked twice (the second answered from the process), equal to the generic answer."""
    expected = await _post(generic, reader.token, variables, operation)
    for _ in range(2):
        answer = await _post(client.http, reader.token, variables, operation)
        assert answer.status_code == expected.status_code == 200
        assert answer.content == expected.content
        assert answer.headers["content-type"] == expected.headers["content-type"]
    return answer.content


async def test_a_kept_answer_is_the_generic_executors_for_every_reader(
    client: GraphQLClient, generic: httpx.AsyncClient, demo: None
) -> None:
    # given a month of data and a refreshed snapshot
    await build_march()
    await snapshots.refresh()
    kept = _answers_of(client)
    for username in READERS:
        reader = await _reader(client, username)
        for variables in await _variables():
            # when a reader asks the same report twice, then both answers are the generic one
            body = await _same_as_generic(client, generic, reader, variables)
            assert b'"errors"' not in body and b'"live":false' in body
        await _same_as_generic(client, generic, reader, {}, "Other")
    # and each (reader's scope, variables, operation) was kept once: the roles ADMIN,
    # EXECUTIVE and BI, and each head's departments, apart
    assert len(kept._answers) == len(READERS) * 4


async def test_two_heads_never_see_each_others_answer(
    client: GraphQLClient, generic: httpx.AsyncClient, demo: None
) -> None:
    # given a snapshot and two heads of different departments
    await build_march()
    await snapshots.refresh()
    design, rnd = await client.sign_in("design_head"), await client.sign_in("rnd_head")
    variables = {"names": True}
    # when they ask the same document in turn, each answer kept after the first
    answers = {}
    for reader in (design, rnd, design, rnd):
        answers[reader.token] = await _same_as_generic(client, generic, reader, variables)
    # then each got their own figures (each equal to the generic executor's for them)
    assert answers[design.token] != answers[rnd.token]
    assert b'"departmentCode":"design"' in answers[design.token]
    assert b'"departmentCode":"design"' not in answers[rnd.token]


async def test_an_employee_is_refused_each_time_and_nothing_is_kept(
    client: GraphQLClient, generic: httpx.AsyncClient, demo: None
) -> None:
    # given a snapshot
    await snapshots.refresh()
    kept = _answers_of(client)
    for username in ("design_staff", None):
        caller = await client.sign_in(username) if username else client
        for _ in range(2):
            # when an employee (or nobody) asks, then they are refused as without keeping
            answer = await _post(client.http, caller.token, {"names": True}, "Dashboard")
            expected = await _post(generic, caller.token, {"names": True}, "Dashboard")
            assert answer.content == expected.content
            error = answer.json()["errors"][0]["extensions"]["code"]
            assert error == ("FORBIDDEN" if username else "UNAUTHENTICATED")
    # and nothing was kept
    assert not kept._answers


async def test_an_error_or_live_figures_are_never_kept(
    client: GraphQLClient, generic: httpx.AsyncClient, demo: None
) -> None:
    # given the ADMIN and no snapshot yet: the figures are live
    admin = await client.sign_in("admin")
    kept = _answers_of(client)
    for _ in range(2):
        answer = await _post(client.http, admin.token, {"names": True}, "Dashboard")
        expected = await _post(generic, admin.token, {"names": True}, "Dashboard")
        figures, generic_figures = answer.json()["data"], expected.json()["data"]
        assert figures["figures"].pop("live") is generic_figures["figures"].pop("live") is True
        figures["figures"].pop("asOf"), generic_figures["figures"].pop("asOf")  # the request's
        assert figures == generic_figures
    assert not kept._answers
    # given a snapshot: a refused filter (month with from/to) is not kept either
    await snapshots.refresh()
    bad = {"names": True, "filter": {"month": MONTH, "from": "2025-03-01"}}
    body = await _same_as_generic(client, generic, admin, bad)
    assert b"BAD_USER_INPUT" in body
    # nor a missing variable, refused before execution
    await _same_as_generic(client, generic, admin, {})
    assert not kept._answers


async def test_only_report_fields_are_kept(
    client: GraphQLClient, generic: httpx.AsyncClient, demo: None
) -> None:
    # given a snapshot and the ADMIN
    await snapshots.refresh()
    admin = await client.sign_in("admin")
    kept = _answers_of(client)
    # when documents reach people (a department's head) or another root field
    for query in (
        "{ reports { tasksByStatus { department { head { username } } } } }",
        "{ viewer { username } reports { live } }",
        "{ reports { tasksByStatus { department { ... on Node { id } } } } }",
        "{ __typename reports { live } }",
    ):
        for _ in range(2):
            body = {"query": query}
            headers = {"authorization": f"Bearer {admin.token}"}
            answer = await client.http.post("/graphql", json=body, headers=headers)
            expected = await generic.post("/graphql", json=body, headers=headers)
            assert answer.content == expected.content
    # then none is kept (they are answered by the executor every time) but the last, whose
    # root __typename reads nothing
    assert [key.query for key in kept._answers] == ["{ __typename reports { live } }"]


async def test_a_refresh_changes_the_answer_at_once(
    client: GraphQLClient, generic: httpx.AsyncClient, demo: None
) -> None:
    # given an answer kept from a snapshot
    built = await build_march()
    await snapshots.refresh()
    admin = await client.sign_in("admin")
    variables = {"names": False, "filter": {"month": MONTH}}
    before = await _same_as_generic(client, generic, admin, variables)
    # when the data changes, the snapshot still answers: the kept answer stays right
    await Task.filter(id=built["t3"].id).update(status=TaskStatus.COMPLETED, completed_at=at(3, 16))
    assert await _same_as_generic(client, generic, admin, variables) == before
    # when the worker refreshes
    await snapshots.refresh()
    # then the next answer is the new snapshot's, the same as the generic executor's
    after = await _same_as_generic(client, generic, admin, variables)
    assert after != before


async def test_a_repeated_report_costs_one_statement_without_redis(
    client: GraphQLClient, demo: None
) -> None:
    # given a snapshot and a report asked once
    await snapshots.refresh()
    admin = await client.sign_in("admin")
    await _post(client.http, admin.token, {"names": True}, "Dashboard")
    # when it is asked again, then only the viewer is read (no cache of viewers without Redis)
    with counted_statements() as statements:
        answer = await _post(client.http, admin.token, {"names": True}, "Dashboard")
    assert answer.status_code == 200 and len(statements) <= 1, statements


@pytest.mark.redis
async def test_a_repeated_report_costs_no_statement_with_the_viewer_cached(
    client: GraphQLClient, demo: None, redis_url: str
) -> None:
    # given the viewer cache trusted (Redis subscribed) and a snapshot
    await snapshots.refresh()
    async with listening(redis_url):
        for username in ("admin", "bi", "design_head"):
            reader = await _reader(client, username)
            await _post(client.http, reader.token, {"names": True}, "Dashboard")
            # when the report is asked again
            with counted_statements() as statements:
                answer = await _post(client.http, reader.token, {"names": True}, "Dashboard")
            assert answer.status_code == 200 and b'"errors"' not in answer.content
            # then nothing is read but, once a second, which snapshot is the newest and which
            # departments a head heads
            lookups = [sql for sql in statements if "FROM report_snapshot" in sql]
            rights = [sql for sql in statements if "department_head" in sql]
            assert len(lookups) <= 1 and len(statements) == len(lookups) + len(rights)
            assert len(rights) <= (1 if username == "design_head" else 0), statements


async def test_a_headship_given_or_taken_counts_within_a_second(
    client: GraphQLClient, generic: httpx.AsyncClient, demo: None
) -> None:
    # given a head whose report is kept
    await build_march()
    await snapshots.refresh()
    head = await client.sign_in("design_head")
    kept = await _same_as_generic(client, generic, head, {"names": True})
    assert b'"departmentCode":"rnd"' not in kept
    # when they are given R&D's headship too
    user = await User.get(username="design_head")
    rnd = await Department.get(code="rnd")
    await DepartmentHead.filter(department_id=rnd.id).update(user_id=user.id)
    await asyncio.sleep(snapshots.LOOKUP_SECONDS + 0.1)
    # then after that second their answer is the generic executor's, with R&D's figures
    wider = await _same_as_generic(client, generic, head, {"names": True})
    assert b'"departmentCode":"rnd"' in wider
    # when it is taken again, then after that second R&D is gone from their answer
    await DepartmentHead.filter(department_id=rnd.id).delete()
    await asyncio.sleep(snapshots.LOOKUP_SECONDS + 0.1)
    assert await _same_as_generic(client, generic, head, {"names": True}) == kept
