"""Shared fixtures: a database per backend, the app, signed-in GraphQL clients.

Every test that asks for ``db`` runs twice: on SQLite (a file, with the production engine)
and on a private PostgreSQL server (skipped when its binaries are missing, unless
``CROSSFLOW_REQUIRE_SERVICES=1``).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from tortoise.backends.base import executor
from tortoise.context import TortoiseContext

from core.db import create_schema, tortoise_config
from core.settings import Mode, Settings, configure
from crossflow.app import create_app

pytest_plugins = ["tests.support.services"]

BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]

#: A browser test that timed out waiting for the page runs once more (docs/decisions.md,
#: "Browser tests get one retry on a timeout"); any other failure fails at once.
BROWSER_TIMEOUTS = [PlaywrightTimeout]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.get_closest_marker("browser") is not None:
            item.add_marker(pytest.mark.flaky(reruns=1, only_rerun=BROWSER_TIMEOUTS))


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def settings(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Settings]:
    """Demo-mode settings on the test's own database, installed for the process."""
    database_url = None
    if backend == "postgres":
        database_url = request.getfixturevalue("postgres_url")
    current = configure(
        Settings(
            mode=Mode.DEMO,
            data_dir=tmp_path / "data",
            database_url=database_url,
            secret_key="test-secret-key",
            _env_file=None,  # type: ignore[call-arg]
        )
    )
    yield current
    configure(Settings(_env_file=None))  # type: ignore[call-arg]


@pytest.fixture(autouse=True)
def _fresh_statement_cache() -> Iterator[None]:
    """Tortoise caches INSERT statements per connection name, not per dialect."""
    executor.EXECUTOR_CACHE.clear()
    yield
    executor.EXECUTOR_CACHE.clear()


@pytest.fixture
async def db(settings: Settings) -> AsyncIterator[TortoiseContext]:
    """An initialised ORM with an empty schema, active for the test."""
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    async with TortoiseContext() as ctx:
        await ctx.init(config=tortoise_config(settings))
        await create_schema(ctx)
        yield ctx


@pytest.fixture
async def demo(db: TortoiseContext) -> None:
    """The demo organisation and requirements."""
    from crossflow.demo import load_demo_data

    await load_demo_data()


@dataclass
class GraphQLClient:
    """Posts GraphQL documents to the app over HTTP, as a frontend would."""

    http: httpx.AsyncClient
    token: str | None = None

    async def post(self, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
        headers = {"authorization": f"Bearer {self.token}"} if self.token else {}
        response = await self.http.post(
            "/graphql", json={"query": query, "variables": variables or {}}, headers=headers
        )
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        return body

    async def data(self, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
        """The ``data`` of a query that must succeed."""
        body = await self.post(query, variables)
        assert not body.get("errors"), body["errors"]
        result: dict[str, Any] = body["data"]
        return result

    async def error_code(self, query: str, variables: dict[str, Any] | None = None) -> str:
        """The ``extensions.code`` of the first error of a query that must fail."""
        body = await self.post(query, variables)
        assert body.get("errors"), body
        code: str = body["errors"][0]["extensions"]["code"]
        return code

    async def sign_in(self, username: str, password: str = "demo") -> GraphQLClient:
        """A client carrying the bearer token of ``username``.

        Demo users get the same ids in every test database and tokens are signed with the
        tests' fixed key, so a demo user's token is reused across tests: argon2 makes each
        real sign-in cost ~0.1 s. The sign-in tests themselves always call ``login``.
        """
        cached = _TOKENS.get((username, password))
        if cached is not None and await self._still_valid(cached, username):
            return GraphQLClient(self.http, cached)
        data = await self.data(
            "mutation($u: String!, $p: String!) { login(input: {username: $u, password: $p})"
            " { token } }",
            {"u": username, "p": password},
        )
        _TOKENS[(username, password)] = data["login"]["token"]
        return GraphQLClient(self.http, data["login"]["token"])

    async def _still_valid(self, token: str, username: str) -> bool:
        viewer = await GraphQLClient(self.http, token).post("{ viewer { username } }")
        return (viewer.get("data") or {}).get("viewer") == {"username": username}


_TOKENS: dict[tuple[str, str], str] = {}


@pytest.fixture
async def client(db: TortoiseContext, settings: Settings) -> AsyncIterator[GraphQLClient]:
    """An anonymous client of the app (the test's ORM context serves its requests)."""
    app = create_app(settings, manage_orm=False)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
        yield GraphQLClient(http)
