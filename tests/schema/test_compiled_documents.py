"""A document of several roots on the compiled path, in one statement (issue 19).

A page often asks for several lists at once (a dashboard: the viewer's tasks, their
notifications, the requirements of their department). Each root is planned on its own and
their statements are sent as one (``schema.compiled.statements.together``). Each document
runs through both servers of ``tests/schema/conftest.py`` (compiled path on and off, one
PostgreSQL database) for six kinds of viewer and must answer the same JSON, the compiled
path answering it itself; a root it cannot answer (an object that is not there or not
visible) leaves the whole document to the generic executor, which words the error.
"""

from __future__ import annotations

from typing import Any

import pytest
from strawberry.relay import to_base64

from models import (
    Archive,
    Notification,
    Requirement,
    RequirementDepartment,
    RequirementTemplate,
    User,
)
from models.enums import NotificationKind
from tests.conftest import GraphQLClient
from tests.schema.test_compiled import _vary_the_tasks
from tests.schema.test_compiled_lists import _same, answered_alike
from tests.schema.test_compiled_roots import MENTIONED, _clients, _mention
from tests.schema.test_participation_kept import _their_department_involved
from tests.security.test_api2_cached_viewer import listening
from tests.support.sql_log import counted_statements
from tests.support.workbench_documents import as_apollo_sends, workbench_document

pytestmark = pytest.mark.postgres

DASHBOARD = """query($first: Int) {
  myTasks(first: $first) { totalCount edges { cursor node { code deadline
    requirement { code initiator { displayName } } } } pageInfo { hasNextPage endCursor } }
  notifications(first: 3) { edges { node { title kind } } }
  requirements(first: $first, orderBy: {field: CREATED_AT, direction: DESC}) {
    totalCount edges { node { code title taskCount initiatingDepartment { name } } } }
}"""
#: One field twice under two keys, with the same page and other selections: each root
#: keeps its own statement (their keys differ only by the root's key)
TWICE = """{ soon: tasks(first: 4, orderBy: {field: DEADLINE}) { edges { node { code deadline } } }
  all: tasks(first: 4, orderBy: {field: DEADLINE}) { edges { node { code title } } } }"""
OBJECT_AND_PAGE = """query($code: String!, $id: ID!) {
  requirement(code: $code) { code title tasks { code assignee { displayName } } }
  node(id: $id) { __typename id ... on Requirement { code initiator { username } } }
  users(first: 2) { edges { node { username department { name } } } }
}"""
#: The workbench's edit page (a requirement and the departments to choose from) and its
#: signed-in person, as Apollo sends them
EDITABLE = as_apollo_sends(workbench_document("EditableRequirement"))
VIEWER = as_apollo_sends(workbench_document("Viewer"))
TEMPLATES = as_apollo_sends(workbench_document("RequirementTemplates"))
DIRECTORY = """{ me: viewer { username department { name head { displayName } } }
  departments { code name head { username department { code } } } }"""
EMPTY_AND_MISSING = """query($code: String!) {
  archives(first: 5, search: "没有这样的归档") { totalCount edges { node { title } } }
  task(code: $code) { code title }
}"""


async def _requests() -> list[tuple[str, dict[str, Any]]]:
    await _vary_the_tasks()
    code, task_code = await _mention(MENTIONED)
    requirement = await Requirement.get(code=code)
    admin = await User.get(username="admin")
    await Archive.create(requirement=requirement, archived_by=admin, title="归档")
    await Notification.create(recipient=admin, kind=NotificationKind.MENTION, title="提及")
    first_template = await RequirementTemplate.all().order_by("id").first()
    assert first_template is not None
    await RequirementTemplate.filter(id=first_template.id).update(enabled=False)
    node = {"code": code, "id": to_base64("Requirement", requirement.id)}
    return [
        (DASHBOARD, {"first": 5}),
        (DASHBOARD, {"first": 5}),  # a second time: its kept statements
        (TWICE, {}),
        (TWICE, {}),
        (OBJECT_AND_PAGE, node),
        (EDITABLE, {"code": code}),
        (VIEWER, {}),
        (DIRECTORY, {}),
        (TEMPLATES, {}),
        (EMPTY_AND_MISSING, {"code": task_code}),
        (EMPTY_AND_MISSING, {"code": "RW-NOT-THERE"}),
    ]


@pytest.mark.parametrize("backend", ["postgres"], indirect=True)
async def test_a_document_of_several_roots_answers_as_the_generic_executor(
    apps: tuple[GraphQLClient, GraphQLClient],
) -> None:
    # given the demo, a person @mentioned on one task, an archive, a notification, a
    # disabled template, and documents of several roots (connections, one object, a node,
    # the workbench's edit page, the signed-in person, the departments, the templates, an
    # empty page, a task not there)
    requests = await _requests()
    # when each is sent to both servers by every kind of viewer, then the answers are the
    # same, and the compiled path answered every one without errors itself
    answers = await answered_alike(apps, requests)
    # and the documents asked for something: each root's rows, in each one's own order
    admin = answers["admin", 0]["data"]
    assert len(admin["requirements"]["edges"]) == 5 and admin["notifications"]["edges"]
    soon, every = answers["admin", 2]["data"]["soon"], answers["admin", 2]["data"]["all"]
    assert [e["node"]["code"] for e in soon["edges"]] == [e["node"]["code"] for e in every["edges"]]
    assert "title" in every["edges"][0]["node"] and "title" not in soon["edges"][0]["node"]
    deadlines = [e["node"]["deadline"] for e in soon["edges"]]
    assert deadlines == sorted(deadlines, key=lambda d: (d is None, d))
    found, missing = answers["admin", 9], answers["admin", 10]
    assert found["data"]["archives"]["totalCount"] == 0 and found["data"]["task"]["code"]
    assert missing["data"] is None  # task(code) is non-null: the error nulls the whole data
    assert missing["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    # the person @mentioned reads the requirement and the node, as the generic path does
    mentioned = answers["mentioned", 4]["data"]
    assert mentioned["requirement"]["code"] == mentioned["node"]["code"]
    # the edit page lists the active departments in display order; each person reads
    # themselves (a BI token is no person: null)
    editable = answers["market_staff", 5]["data"]
    assert editable["requirement"]["code"] and len(editable["departments"]) > 3
    assert answers["market_staff", 6]["data"]["viewer"]["username"] == "market_staff"
    assert answers["bi", 6]["data"]["viewer"] is None
    assert answers["admin", 7]["data"]["me"]["username"] == "admin"
    # the ADMIN lists the disabled templates too, an employee the enabled ones
    listed = {v: answers[v, 8]["data"]["requirementTemplates"] for v in ("admin", "market_staff")}
    assert all(t["enabled"] for t in listed["market_staff"])
    assert len(listed["admin"]) > len(listed["market_staff"]) > 0


@pytest.mark.parametrize("backend", ["postgres"], indirect=True)
@pytest.mark.parametrize("username", ["admin", "market_head", "market_staff"])
async def test_a_document_of_several_roots_is_at_most_two_statements(
    apps: tuple[GraphQLClient, GraphQLClient], redis_url: str, username: str
) -> None:
    # given the server as it runs (a known viewer from the access cache) and a dashboard
    # of three lists with nested relations, read once
    compiled, _ = apps
    await _vary_the_tasks()
    viewer = await compiled.sign_in(username)
    async with listening(redis_url):
        for first in (5, 50):
            await viewer.data(DASHBOARD, {"first": first})
            # when it is read again at a page of 5 and of 50
            with counted_statements() as statements:
                data = await viewer.data(DASHBOARD, {"first": first})
            # then it costs the viewer's requirement ids (if kept ones need proving, they
            # are proven in the statement) and one statement for the three roots
            assert len(statements) <= 2, statements
            assert sum(' AS "r2"' in statement for statement in statements) == 1
            assert len(data["requirements"]["edges"]) <= first


@pytest.mark.parametrize("backend", ["postgres"], indirect=True)
async def test_kept_requirement_ids_are_proven_for_a_document_of_several_roots(
    apps: tuple[GraphQLClient, GraphQLClient],
) -> None:
    # given a head whose requirement ids the server keeps after a first dashboard read
    await _vary_the_tasks()
    fast, slow = await _clients(apps, "market_head", MENTIONED)
    document = """{ notifications(first: 1) { totalCount }
      requirements(first: 50) { totalCount edges { node { code } } } }"""

    async def codes() -> set[str]:
        answer, _ = await _same(fast, slow, document, {})
        return {edge["node"]["code"] for edge in answer["data"]["requirements"]["edges"]}

    before = await codes()
    assert await codes() == before  # kept
    # when their department is involved in one more requirement
    gained = await _their_department_involved("market_head")
    # then the very next read of the document shows it, and hides it once taken off
    assert await codes() == before | {gained}
    market = (await User.get(username="market_head")).department_id
    await RequirementDepartment.filter(requirement__code=gained, department_id=market).delete()
    assert await codes() == before
