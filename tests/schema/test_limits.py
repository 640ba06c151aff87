"""Request limits: depth, aliases, tokens, estimated cost, time; production hardening.

Every refusal is a GraphQL error with ``extensions.code`` in an HTTP 200 response.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import httpx
import pytest
from graphql import parse

from core.settings import Mode, Settings
from crossflow.app import create_app
from models import Department, User
from resolvers.access.auth import tokens_for
from schema import schema
from schema.cost import estimate_cost
from tests.conftest import GraphQLClient

#: 100 requirements, 20 tasks each, 20 comments each, 20 mentions each.
TOO_COSTLY = """{ requirements(first: 100) { edges { node { tasks { comments {
  mentions { username } } } } } } }"""
TOO_COSTLY_COST = 100 + 100 * 20 + 100 * 20 * 20 + 100 * 20 * 20 * 20


@asynccontextmanager
async def app_client(
    settings: Settings, username: str | None = "admin", **changes: Any
) -> AsyncIterator[GraphQLClient]:
    """A client of an app whose settings differ from the test's by ``changes``.

    Signs in by issuing the token directly: production refuses the demo password.
    """
    changed = settings.model_copy(update=changes)
    app = create_app(changed, manage_orm=False)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
        token = None
        if username is not None:
            user = await User.get(username=username)
            token = tokens_for(changed).issue(user.id, user.token_epoch)
        yield GraphQLClient(http, token)


def nested(depth: int) -> str:
    """A query ``depth`` levels deep as graphql-depth-limit counts (the root field is level 0),
    without lists below the page: assignee > department > head > … (so the cost stays 1)."""
    chain = ["assignee"] + ["department" if n % 2 == 0 else "head" for n in range(depth - 4)]
    leaf = "code" if chain[-1] == "department" else "username"
    inner = leaf
    for name in reversed(chain):
        inner = f"{name} {{ {inner} }}"
    return f"{{ tasks(first: 1) {{ edges {{ node {{ {inner} }} }} }} }}"


async def test_a_query_deeper_than_the_limit_is_refused(client: GraphQLClient, demo: None) -> None:
    admin = await client.sign_in("admin")
    await admin.data(nested(12))
    body = await admin.post(nested(13))
    error = body["errors"][0]
    assert error["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"
    assert "depth" in error["message"]
    assert body.get("data") is None


async def test_too_many_aliases_are_refused(client: GraphQLClient, demo: None) -> None:
    admin = await client.sign_in("admin")
    ok = " ".join(f"a{n}: viewer {{ username }}" for n in range(20))
    await admin.data(f"{{ {ok} }}")
    # the batching attack: one request, many password guesses
    guesses = " ".join(
        f'g{n}: login(input: {{username: "admin", password: "guess{n}"}}) {{ token }}'
        for n in range(21)
    )
    body = await client.post(f"mutation {{ {guesses} }}")
    assert body["errors"][0]["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"
    assert "aliases" in body["errors"][0]["message"]


async def test_a_document_with_too_many_tokens_is_refused(
    client: GraphQLClient, demo: None
) -> None:
    admin = await client.sign_in("admin")
    fields = " ".join(["username"] * 5_000)
    body = await admin.post(f"{{ viewer {{ {fields} }} }}")
    assert body["errors"][0]["extensions"]["code"] == "GRAPHQL_PARSE_FAILED"
    assert "tokens" in body["errors"][0]["message"]


async def test_a_query_that_may_return_too_many_nodes_is_refused_before_it_runs(
    client: GraphQLClient, demo: None
) -> None:
    admin = await client.sign_in("admin")
    body = await admin.post(TOO_COSTLY)
    assert body["data"] is None
    assert body["errors"][0]["extensions"] == {
        "code": "QUERY_TOO_COSTLY",
        "cost": TOO_COSTLY_COST,
        "maxCost": 50_000,
    }
    # the same shape with smaller pages is fine
    await admin.data(
        "{ requirements(first: 5) { edges { node { tasks { comments { body } } } } } }"
    )


async def test_the_cost_follows_variables(client: GraphQLClient, demo: None) -> None:
    admin = await client.sign_in("admin")
    query = """query($n: Int = 100) { requirements(first: $n) { edges { node {
      tasks { comments { mentions { username } } } } } } }"""
    assert await admin.error_code(query) == "QUERY_TOO_COSTLY"
    assert await admin.error_code(query, {"n": 7}) == "QUERY_TOO_COSTLY"  # 58,947
    await admin.data(query, {"n": 5})


async def test_the_limits_are_settings(
    settings: Settings, db: None, demo: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with app_client(settings, graphql_max_cost=100, graphql_max_depth=4) as admin:
        body = await admin.post("{ tasks(first: 101) { edges { node { code } } } }")
        # out-of-range first is the list's own refusal, not a cost
        assert body["errors"][0]["extensions"] == {"code": "BAD_USER_INPUT", "field": "first"}
        too_costly = await admin.post(
            "{ tasks(first: 20) { edges { node { comments { body } } } } }"
        )
        assert too_costly["errors"][0]["extensions"]["code"] == "QUERY_TOO_COSTLY"
        assert too_costly["errors"][0]["extensions"]["cost"] == 20 + 400
        assert await admin.error_code(nested(5)) == "GRAPHQL_VALIDATION_FAILED"


async def test_a_slow_query_is_cut_off_at_its_time_budget(
    settings: Settings, db: None, demo: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def slow() -> list[Department]:
        await asyncio.sleep(30)
        return []

    monkeypatch.setattr(Department, "filter", lambda *args, **kwargs: slow())
    async with app_client(settings, graphql_timeout_seconds=0.3) as admin:
        started = time.monotonic()
        response = await admin.http.post(
            "/graphql",
            json={"query": "{ departments { code } }"},
            headers={"authorization": f"Bearer {admin.token}"},
        )
        assert time.monotonic() - started < 5
        assert response.status_code == 200
        body = response.json()
        assert body["data"] is None
        assert body["errors"][0]["extensions"] == {"code": "TIMEOUT", "timeoutSeconds": 0.3}
        # a fast query on the same server is unaffected
        assert (await admin.data("{ viewer { username } }"))["viewer"]["username"] == "admin"


async def test_production_hides_the_schema(settings: Settings, db: None, demo: None) -> None:
    introspection = "{ __schema { types { name } } }"
    typo = "{ viewer { usernme } }"
    async with app_client(settings, mode=Mode.PRODUCTION) as admin:
        assert await admin.error_code(introspection) == "GRAPHQL_VALIDATION_FAILED"
        assert await admin.error_code('{ __type(name: "Task") { name } }') == (
            "GRAPHQL_VALIDATION_FAILED"
        )
        assert (await admin.data("{ viewer { __typename } }"))["viewer"] == {"__typename": "User"}
        message = (await admin.post(typo))["errors"][0]["message"]
        assert "Did you mean" not in message and "username" not in message
        page = await admin.http.get("/graphql", headers={"accept": "text/html"})
        assert page.status_code != 200 or "graphiql" not in page.text.lower()
    async with app_client(settings, mode=Mode.DEMO) as admin:
        types = (await admin.data(introspection))["__schema"]["types"]
        assert {"name": "Task"} in types
        assert "Did you mean 'username'" in (await admin.post(typo))["errors"][0]["message"]
        page = await admin.http.get("/graphql", headers={"accept": "text/html"})
        assert page.status_code == 200 and "graphiql" in page.text.lower()


def cost(query: str, variables: dict[str, Any] | None = None) -> int:
    return estimate_cost(schema._schema, parse(query), None, variables)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("{ viewer { username department { name } } }", 0),
        ("{ departments { code } }", 20),
        ("{ tasks { edges { node { code } } } }", 20),
        ("{ tasks(first: 50) { totalCount edges { node { code } } } }", 50),
        ("{ tasks(first: 50) { edges { node { comments { body } } } } }", 50 + 50 * 20),
        ("{ tasks(first: 500) { edges { node { code } } } }", 100),
        ("{ tasks(first: -3) { edges { node { code } } } }", 0),
        ("{ a: tasks(first: 10) { totalCount } b: tasks(first: 30) { totalCount } }", 40),
        (
            """{ tasks(first: 10) { edges { node { ...T } } } }
            fragment T on Task { comments { body } assistingDepartments { code } }""",
            10 + 200 + 200,
        ),
        (
            '{ node(id: "x") { ... on Requirement { tasks { code } } ... on Task { code } } }',
            20,
        ),
        ("{ __schema { types { fields { name } } } }", 0),
    ],
)
def test_the_cost_estimate(query: str, expected: int) -> None:
    assert cost(query) == expected


def test_the_cost_estimate_reads_variables_and_their_defaults() -> None:
    query = "query($n: Int = 40) { users(first: $n) { edges { node { username } } } }"
    assert cost(query) == 40
    assert cost(query, {"n": 3}) == 3
    assert cost(query, {"n": None}) == 20
    assert cost("query($n: Int) { users(first: $n) { totalCount } }") == 20
