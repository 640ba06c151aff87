"""SQL statements per read, for every field of ``Query`` (issue 19): no N+1 anywhere.

Each field of the schema's ``Query`` type has an entry in :data:`CASES`: a representative
document with nested relations, the viewer who sends it and the most statements it may
cost, measured on PostgreSQL with the demo data (and some rows more, so that every list has
more than five entries). A new Query field without an entry fails the test, so its cost is
looked at when it is added. Connections are read at pages of 5 and 50 and must cost the
same: a statement per row is a bug, a new statement per page a decision to make on purpose.

The roots the compiled path serves (``schema.compiled.plan.ROOTS``) cost at most two
statements (the viewer's requirement ids when their scope needs them, and the page) at
pages of 10 and 100 with nested lists. The others are pinned at what they cost today.

Requests are counted as a server runs them: its hub listening on Redis, so a known viewer
comes from the access cache (``core/access_cache.py``) and costs no statement.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest
from strawberry.relay import to_base64

from core import clock
from models import (
    AnalysisReport,
    Archive,
    Delegation,
    Department,
    Notification,
    Requirement,
    RequirementDepartment,
    SavedReport,
    Suggestion,
    Task,
    User,
)
from models.enums import NotificationKind
from schema import schema as app_schema
from schema.compiled.plan import ROOTS
from tests.conftest import GraphQLClient
from tests.resolvers.test_meetings import DRAFT, schedule
from tests.resolvers.test_reports import EVERYTHING
from tests.schema.test_compiled_roots import REQUIREMENT_FIELDS
from tests.schema.test_query_counts import seed_tasks
from tests.security.test_api2_cached_viewer import listening
from tests.support.compiled_lists import attach_files
from tests.support.sql_log import counted_statements

pytestmark = [pytest.mark.postgres, pytest.mark.redis]

Variables = Callable[[GraphQLClient], Awaitable[dict[str, Any]]]
#: Who of the compiled roots' viewers may read the report lists (the others: FORBIDDEN)
REPORT_READERS = {"savedReports": {"admin", "market_head"}, "analysisReports": {"admin"}}


@dataclass(frozen=True)
class Case:
    """A Query field's representative read: its document, viewer and statement budget.

    ``variables`` computes the document's variables (ids of rows) once the data is there;
    a document with ``$first`` is a connection, read at pages of 5 and 50.
    """

    document: str
    viewer: str
    most: int
    variables: Variables | None = None


async def _q3_requirement(_: GraphQLClient) -> dict[str, Any]:
    q3 = await Requirement.get(title="2024年Q3新品上市推广方案")
    return {"id": to_base64("Requirement", q3.id), "code": q3.code}


async def _q3_task(_: GraphQLClient) -> dict[str, Any]:
    q3 = await Requirement.get(title="2024年Q3新品上市推广方案")
    return {"code": (await q3.tasks.all().order_by("seq").first().values("code"))["code"]}


async def _due_soon(_: GraphQLClient) -> dict[str, Any]:
    return {"input": {"kind": "DUE_SOON"}}


async def _meeting(viewer: GraphQLClient) -> dict[str, Any]:
    return {"id": (await schedule(viewer))["id"]}


TASK_NODE = """code title deadline isOverdue commentCount requirement { code title }
  assignee { displayName department { name } } executingDepartment { name }"""
#: A requirement with its relations, lists and counts (the whole of REQUIREMENT_FIELDS, with
#: review rounds and their reviews, files and their versions, is too costly for a page of
#: 100 and is read one requirement at a time: the ``requirement`` case)
REQUIREMENT_NODE = """code title status taskCount initiator { displayName department { name } }
  initiatingDepartment { name } involvedDepartments { isLead department { name } }
  tasks { code status assignee { displayName } attachments { fileName } }
  reviewRounds { number outcome closedAt } attachments { fileName uploadedBy { displayName } }"""
CASES: dict[str, Case] = {
    "viewer": Case("{ viewer { username displayName department { name } } }", "market_staff", 2),
    "companySignIn": Case("{ companySignIn }", "market_staff", 0),
    "node": Case(
        """query($id: ID!) { node(id: $id) { id ... on Requirement { code
          initiator { displayName } initiatingDepartment { name } } } }""",
        "market_staff",
        2,
        _q3_requirement,
    ),
    "departments": Case("{ departments { code name head { displayName } } }", "market_staff", 2),
    "users": Case(
        """query($first: Int) { users(first: $first) { totalCount
          edges { node { username displayName department { name } } } } }""",
        "market_staff",
        2,
    ),
    "requirement": Case(
        f"query($code: String!) {{ requirement(code: $code) {{ {REQUIREMENT_FIELDS} }} }}",
        "market_head",
        2,
        _q3_requirement,
    ),
    "requirements": Case(
        f"""query($first: Int) {{ requirements(first: $first) {{
          edges {{ node {{ {REQUIREMENT_NODE} }} }} }} }}""",
        "market_head",
        2,
    ),
    "requirementForm": Case(
        "{ requirementForm { version fields { key label type options { value label } } } }",
        "market_staff",
        2,
    ),
    "requirementTemplates": Case(
        """{ requirementTemplates { key name tasks { title }
          departments { isLead department { name } onDuty { displayName } } } }""",
        "market_staff",
        1,
    ),
    "archives": Case(
        """query($first: Int) { archives(first: $first) { edges { node { title
          requirement { code initiator { displayName } } archivedBy { displayName } } } } }""",
        "market_staff",
        2,
    ),
    "suggestions": Case(
        """query($first: Int) { suggestions(first: $first) { totalCount edges { node {
          code status proposer { displayName } department { name } } } } }""",
        "market_staff",
        2,
    ),
    "task": Case(
        f"query($code: String!) {{ task(code: $code) {{ {TASK_NODE} }} }}",
        "market_head",
        2,
        _q3_task,
    ),
    "tasks": Case(
        f"query($first: Int) {{ tasks(first: $first) {{ edges {{ node {{ {TASK_NODE} }} }} }} }}",
        "market_head",
        2,
    ),
    "myTasks": Case(
        f"query($first: Int) {{ myTasks(first: $first) {{ edges {{ node {{ {TASK_NODE} }} }} }} }}",
        "design_staff",
        2,
    ),
    "requirementBoard": Case(
        """query($id: ID!) { requirementBoard(requirementId: $id) { total delayed completed
          inProgress lagging summary byStatus { status count } requirement { code } } }""",
        "market_staff",
        2,
        _q3_requirement,
    ),
    "meetingMinutesDraft": Case(DRAFT, "market_staff", 2, _meeting),
    "warningRules": Case(
        "{ warningRules { kind name enabled recipients channels updatedBy { displayName } } }",
        "admin",
        1,
    ),
    # the detector's dry run: the rule, the templates' thresholds and the calendar; then
    # the rule's own read with the warnings already sent and the recipients (every rule:
    # test_warning_preview.py)
    "previewWarningRule": Case(
        """query($input: WarningRuleInput!) { previewWarningRule(input: $input) { count
          items { subjectCode title recipients { displayName department { name } } } } }""",
        "admin",
        2,
        _due_soon,
    ),
    "notifications": Case(
        """query($first: Int) { notifications(first: $first) { totalCount
          edges { node { kind title readAt } } } }""",
        "market_staff",
        2,
    ),
    "notificationPreferences": Case(
        "{ notificationPreferences { kinds { kind channels personal } quietHours { start } } }",
        "market_staff",
        2,
    ),
    "reports": Case(EVERYTHING, "admin", 2),  # every report: one statement, and departments
    "savedReports": Case(
        """query($first: Int) { savedReports(first: $first) { totalCount
          edges { node { name title createdBy { displayName department { name } } } } } }""",
        "market_head",
        2,
    ),
    "analysisReports": Case(
        """query($first: Int) { analysisReports(first: $first) { totalCount
          edges { node { month status summary requestedBy { displayName } } } } }""",
        "ceo",
        2,
    ),
    "myWork": Case(
        """{ myWork { total reviews { code initiator { displayName } }
          acceptances { code requirement { code } } tasks { code assignee { displayName } }
          collaborationRequests { content fromUser { displayName } toDepartment { name } }
          feedback { code } } }""",
        "market_head",
        2,
    ),
    "delegations": Case(
        """{ delegations(includeEnded: true) { startsAt isActive head { displayName }
          delegate { displayName department { name } } } }""",
        "logistics_head",
        2,
    ),
}


async def _more_rows(count: int = 60) -> None:
    """More than five of every listed kind: tasks, requirements (marketing takes part in
    them) with archives and files (the demo's have review rounds too), suggestions,
    notifications, saved and analysis reports; and delegations of the logistics head. A few
    notifications for the viewers of the compiled roots' test too."""
    await seed_tasks(count)
    await attach_files()
    admin = await User.get(username="admin")
    staff = await User.get(username="market_staff")
    market = await Department.get(code="market")
    for n, requirement in enumerate(await Requirement.filter(code__startswith="XQ209901")):
        await RequirementDepartment.get_or_create(
            requirement=requirement, department=market, defaults={"is_lead": False}
        )
        await Archive.create(requirement=requirement, archived_by=admin, title=f"归档{n}")
    for n in range(8):
        await Suggestion.create(
            code=f"JY20990{n}",
            proposer=staff,
            department_id=staff.department_id,
            pain_point="慢",
            proposal=f"建议{n}",
        )
        await Notification.create(
            recipient=staff, kind=NotificationKind.TASK_ASSIGNED, title=f"通知{n}"
        )
        await SavedReport.create(
            name=f"report-{n}",
            title=f"报表{n}",
            document="{ departments { code } }",
            created_by=admin,
        )
        await AnalysisReport.create(month=f"2025-{n + 1:02d}", requested_by=admin)
    for username in ("admin", "market_head", "design_staff"):  # the compiled roots' viewers
        recipient = await User.get(username=username)
        for n in range(3):
            await Notification.create(
                recipient=recipient, kind=NotificationKind.MENTION, title=f"提及{n}"
            )
    now = clock.now()
    head = await User.get(username="logistics_head")
    for username in ("logistics_staff", "design_head"):
        await Delegation.create(
            head=head,
            delegate=await User.get(username=username),
            starts_at=now - timedelta(hours=1),
            ends_at=now + timedelta(days=7),
        )


def test_every_query_field_has_a_case() -> None:
    # given the schema's Query fields, when compared with the table, then each has an entry
    query = app_schema._schema.query_type
    assert query is not None
    assert sorted(query.fields) == sorted(CASES)
    # and the roots the compiled path serves are held to two statements
    assert {root: min(CASES[root].most, 2) for root in ROOTS} == {r: CASES[r].most for r in ROOTS}


async def _statements(
    viewer: GraphQLClient, document: str, variables: dict[str, Any]
) -> tuple[int, dict[str, Any]]:
    """(SQL statements, data) of one read, after one that warmed the per-process caches."""
    await viewer.data(document, variables)
    with counted_statements() as statements:
        data = await viewer.data(document, variables)
    return len(statements), data


def _rows(data: dict[str, Any]) -> int:
    (connection,) = data.values()
    return len(connection["edges"])


@pytest.mark.parametrize("backend", ["postgres"], indirect=True)
async def test_every_query_field_reads_within_its_pinned_statements(
    apps: tuple[GraphQLClient, GraphQLClient], redis_url: str
) -> None:
    # given the demo with more than five of every listed kind, and the server as it runs
    # (its hub listening on Redis, so a known viewer is read from the access cache)
    compiled, _ = apps
    await _more_rows()
    async with listening(redis_url):
        measured = {name: await _measure(compiled, case) for name, case in CASES.items()}
    # then no read costs more than its entry allows, and a page of 50 what a page of 5 does
    over = {
        name: count
        for name, count in measured.items()
        if isinstance(count, tuple) or count > CASES[name].most
    }
    assert over == {}, measured


async def _measure(compiled: GraphQLClient, case: Case) -> int | tuple[int, int]:
    """The statements of the case's read; of pages of 5 and 50 if they differ."""
    viewer = await compiled.sign_in(case.viewer)
    variables = await case.variables(viewer) if case.variables else {}
    # when each field's document is read (a connection at pages of 5 and of 50)
    if "$first" not in case.document:
        count, _ = await _statements(viewer, case.document, variables)
        return count
    small, page = await _statements(viewer, case.document, {**variables, "first": 5})
    large, longer = await _statements(viewer, case.document, {**variables, "first": 50})
    assert (_rows(page), _rows(longer) > 5) == (5, True), (case.document, page, longer)
    return small if small == large else (small, large)


@pytest.mark.parametrize("backend", ["postgres"], indirect=True)
@pytest.mark.parametrize("first", [10, 100])
@pytest.mark.parametrize("username", ["admin", "market_head", "design_staff"])
async def test_a_compiled_root_is_at_most_two_statements_at_any_page_size(
    apps: tuple[GraphQLClient, GraphQLClient], redis_url: str, first: int, username: str
) -> None:
    # given more tasks than a page of 100, and an ADMIN, a department head or an employee
    compiled, _ = apps
    await _more_rows(110)
    viewer = await compiled.sign_in(username)
    codes = {
        "requirement": (await _q3_requirement(viewer))["code"],
        "task": (await _q3_task(viewer))["code"],
    }
    async with listening(redis_url):
        counts = {
            root: await _compiled_read(viewer, username, root, first, codes) for root in ROOTS
        }
    # then each costs the viewer's requirement ids (if their scope needs them) and the page
    assert counts == {root: min(count, 2) for root, count in counts.items()}, counts


async def _compiled_read(
    viewer: GraphQLClient, username: str, root: str, first: int, codes: dict[str, str]
) -> int:
    """The statements of a compiled root's read with nested relations, lists and counts."""
    case = CASES[root]
    if "$first" in case.document:
        variables: dict[str, Any] = {"first": first}
    elif root == "node":
        variables = await _q3_requirement(viewer)
    else:  # task(code), requirement(code); viewer and departments take no argument
        variables = {"code": codes[root]} if root in codes else {}
    if username not in REPORT_READERS.get(root, {username}):
        # refused (FORBIDDEN, the generic executor's answer): counted all the same
        await viewer.post(case.document, variables)
        with counted_statements() as statements:
            refused = await viewer.post(case.document, variables)
        assert refused["errors"][0]["extensions"]["code"] == "FORBIDDEN", (root, refused)
        return len(statements)
    count, data = await _statements(viewer, case.document, variables)
    # a page of rows, unless the viewer has no tasks of their own (the ADMIN and the head)
    empty = root == "myTasks" and not await Task.exists(assignee__username=username)
    assert "$first" not in case.document or _rows(data) > 0 or empty, (root, data)
    return count
