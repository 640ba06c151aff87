"""The compiled task list answers exactly what the generic executor answers, in one statement.

Every case runs the same document with the same variables against two apps on the same
PostgreSQL database: the server as it runs (compiled path on) and the same server with
the compiled path off (every field through the generic executor and its dataloaders).
The response bodies must be byte-for-byte the same JSON once parsed, for each kind of
viewer, so scope, scalar formats, cursors and errors cannot drift apart.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from core import clock
from models import Comment, Task, User
from models.enums import Role
from tests.conftest import GraphQLClient
from tests.schema.test_bi_tokens import token_for
from tests.support.sql_log import counted_statements

pytestmark = pytest.mark.postgres

FULL_NODE = """
  __typename id code title description startDate deadline priority status progress
  acceptanceCriteria remarks lastProgressAt startedAt submittedAt completedAt version
  createdAt updatedAt isOverdue commentCount
  requirement { __typename id code title status priority expectedBy createdAt initiatedAt
    initiator { id displayName role department { name nameEn } }
    initiatingDepartment { code name isActive } }
  executingDepartment { id code name nameEn isActive }
  assignee { id username displayName role isActive language department { id name } }
"""
DOCUMENTS: dict[str, tuple[str, dict[str, Any]]] = {
    "the bench page": (
        """query TaskPage($first: Int!) { tasks(first: $first) { edges { node {
          code title requirement { title } assignee { displayName department { name } }
          commentCount } } } }""",
        {"first": 50},
    ),
    "every compiled field": (
        f"""query($first: Int) {{ tasks(first: $first) {{ __typename totalCount
          pageInfo {{ hasNextPage hasPreviousPage startCursor endCursor __typename }}
          edges {{ __typename cursor node {{ {FULL_NODE} }} }} }} }}""",
        {"first": 100},
    ),
    "aliases and fragments": (
        """query { list: myTasks(first: 5) { e: edges { c: cursor n: node { ...T
          ... on Task { who: assignee { name: displayName } } } } } }
          fragment T on Task { theCode: code late: isOverdue }""",
        {},
    ),
    "ordered by deadline, a filter, literal arguments": (
        """{ tasks(first: 7, orderBy: {field: DEADLINE, direction: DESC},
          filter: {statuses: [PENDING, IN_PROGRESS, SUBMITTED]}) {
          pageInfo { endCursor hasNextPage } edges { cursor node { code deadline } } } }""",
        {},
    ),
    "ordered by code ascending, from variables": (
        """query($o: TaskOrder, $f: TaskFilter, $n: Int) { tasks(first: $n, orderBy: $o,
          filter: $f) { edges { cursor node { code priority progress } } } }""",
        {"o": {"field": "CODE", "direction": "ASC"}, "f": {"overdue": False}, "n": 3},
    ),
    "changed since, ordered by the last change": (
        """query($since: DateTime) { tasks(first: 4, orderBy: {field: UPDATED_AT},
          filter: {updatedAt: {from: $since}}) {
          pageInfo { endCursor hasNextPage } edges { cursor node { code updatedAt } } } }""",
        {"since": "2020-01-01T00:00:00+08:00"},
    ),
    "an empty page": ("{ tasks(first: 0) { edges { cursor } pageInfo { hasNextPage } } }", {}),
}
REFUSED: dict[str, tuple[str, dict[str, Any]]] = {
    "a page too large": ("query($n: Int) { tasks(first: $n) { edges { cursor } } }", {"n": 101}),
    "a broken cursor": ('{ tasks(after: "nonsense") { edges { cursor } } }', {}),
    "a variable of the wrong type": (
        "query($n: Int) { tasks(first: $n) { edges { cursor } } }",
        {"n": "ten"},
    ),
    "an unknown field": ("{ tasks { edges { node { secret } } } }", {}),
}
VIEWERS = ["admin", "market_head", "market_staff", "design_staff", "legal_staff"]


async def _vary_the_tasks() -> None:
    """Drafts without an assignee or deadline, comments, an overdue task, microseconds."""
    tasks = await Task.all().order_by("id")
    now = clock.now()
    for index, task in enumerate(tasks):
        if index % 4 == 0:
            task.deadline = now - timedelta(days=2, microseconds=index)
        elif index % 4 == 1:
            task.deadline = None
        elif index % 4 == 2:
            task.deadline = now.replace(microsecond=0) + timedelta(days=index)
        await task.save(update_fields=["deadline"])
        author = await User.get(username="admin")
        for n in range(index % 3):
            await Comment.create(task=task, author=author, body=f"c{n}")


@pytest.mark.parametrize("backend", ["postgres"], indirect=True)
async def test_compiled_pages_equal_the_generic_executor_for_every_viewer(
    apps: tuple[GraphQLClient, GraphQLClient],
) -> None:
    # given the demo's tasks with varied deadlines and comments, and the two servers
    compiled, generic = apps
    await _vary_the_tasks()
    bi = await token_for(Role.BI)
    for viewer in [*VIEWERS, None]:
        token = bi if viewer is None else (await compiled.sign_in(viewer)).token
        fast, slow = GraphQLClient(compiled.http, token), GraphQLClient(generic.http, token)
        for name, (document, variables) in DOCUMENTS.items():
            # when both answer the same request
            expected = await slow.post(document, variables)
            with counted_statements() as statements:
                answered = await fast.post(document, variables)
            if viewer is None and "myTasks" in document:  # a token acting for nobody
                assert answered == expected and "FORBIDDEN" in str(expected["errors"])
                continue
            # then the answers are the same, and they are answers, not refusals
            assert "errors" not in expected, (viewer, name, expected)
            assert answered == expected, (viewer, name)
            # and the compiled one read the token, the viewer's requirements (unless they
            # read everything), the page and a count if one was asked for
            reads = [s for s in statements if not s.startswith('UPDATE "api_token"')]
            budget = (2 if viewer == "admin" else 3) + ("totalCount" in document)
            assert len(reads) <= budget, (viewer, name, statements)


@pytest.mark.parametrize("backend", ["postgres"], indirect=True)
async def test_the_next_page_follows_the_compiled_cursor(
    apps: tuple[GraphQLClient, GraphQLClient],
) -> None:
    # given a first page from the compiled path
    compiled, generic = apps
    await _vary_the_tasks()
    token = (await compiled.sign_in("admin")).token
    fast, slow = GraphQLClient(compiled.http, token), GraphQLClient(generic.http, token)
    document = """query($after: String) { tasks(first: 4, after: $after,
      orderBy: {field: DEADLINE}) { pageInfo { endCursor hasNextPage hasPreviousPage }
      edges { node { code } } } }"""
    seen: list[str] = []
    after = None
    while True:
        # when each next page is asked for after the previous page's end cursor
        page = await fast.data(document, {"after": after})
        assert page == await slow.data(document, {"after": after})
        seen.extend(edge["node"]["code"] for edge in page["tasks"]["edges"])
        if not page["tasks"]["pageInfo"]["hasNextPage"]:
            break
        after = page["tasks"]["pageInfo"]["endCursor"]
    # then every task came exactly once
    assert sorted(seen) == sorted(await Task.all().values_list("code", flat=True))


@pytest.mark.parametrize("backend", ["postgres"], indirect=True)
async def test_refusals_are_the_generic_executors(
    apps: tuple[GraphQLClient, GraphQLClient],
) -> None:
    # given a signed-in viewer and an anonymous one
    compiled, generic = apps
    token = (await compiled.sign_in("market_staff")).token
    for who in (token, None):
        for name, (document, variables) in REFUSED.items():
            # when a request the compiled path cannot answer is sent to both servers
            answered = await GraphQLClient(compiled.http, who).post(document, variables)
            expected = await GraphQLClient(generic.http, who).post(document, variables)
            # then both refuse it the same way, with a code
            assert answered == expected, (name, answered, expected)
            assert answered["errors"][0]["extensions"]["code"], name
    anonymous = await GraphQLClient(compiled.http).post(
        DOCUMENTS["the bench page"][0], {"first": 5}
    )
    assert anonymous["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


@pytest.mark.parametrize("backend", ["postgres"], indirect=True)
@pytest.mark.parametrize("first", [10, 100])
@pytest.mark.parametrize(("username", "expected"), [("admin", 2), ("market_head", 2)])
async def test_a_compiled_page_is_at_most_two_statements_at_any_size(
    apps: tuple[GraphQLClient, GraphQLClient], first: int, username: str, expected: int
) -> None:
    # given a signed-in ADMIN (reads everything) or department head (reads their part)
    compiled, _ = apps
    viewer = await compiled.sign_in(username)
    document, _ = DOCUMENTS["the bench page"]
    await viewer.data(document, {"first": first})
    # when the bench's page is asked for
    with counted_statements() as statements:
        await viewer.data(document, {"first": first})
    # then the statements are the token's user and the page (the head's requirement ids
    # kept from the first request, proven current by the page's own guard)
    assert len(statements) == expected, statements
    assert 't."id" AS "id"' in statements[-1], statements
    assert ('"fresh"' in statements[-1]) == (username == "market_head"), statements


@pytest.mark.parametrize("backend", ["postgres"], indirect=True)
async def test_a_scope_too_wide_to_read_ahead_gives_the_same_page(
    apps: tuple[GraphQLClient, GraphQLClient], monkeypatch: pytest.MonkeyPatch
) -> None:
    # given a read-ahead limit below the head's number of requirements
    monkeypatch.setattr("resolvers.access.participation.READ_AHEAD_LIMIT", 1)
    compiled, generic = apps
    await _vary_the_tasks()
    token = (await compiled.sign_in("market_head")).token
    document, variables = DOCUMENTS["every compiled field"]
    # when the head's page is asked for
    with counted_statements() as statements:
        answered = await GraphQLClient(compiled.http, token).post(document, variables)
    # then the scope stays a subquery in the page's statement, with the same answer
    assert answered == await GraphQLClient(generic.http, token).post(document, variables)
    assert "errors" not in answered and len(answered["data"]["tasks"]["edges"]) > 1
    assert any('IN (SELECT "id"' in s for s in statements if 't."id" AS "id"' in s)
