"""Health checks tell a load balancer whether the process can serve."""

from __future__ import annotations

import socket
from collections.abc import AsyncIterator

import httpx
import pytest
from tortoise.connection import get_connection

from core import db
from core.settings import Settings
from crossflow.app import create_app


@pytest.fixture
async def migrated(settings: Settings) -> AsyncIterator[None]:
    """The test's database with every migration applied (and recorded), the ORM open."""
    await db.migrate(settings, fresh_from_models=True)
    async with db.orm(settings):
        yield


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def _get(settings: Settings, path: str) -> httpx.Response:
    app = create_app(settings, manage_orm=False)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
        return await http.get(path)


async def test_healthz_and_readyz_answer_when_the_database_answers(
    migrated: None, settings: Settings
) -> None:
    assert (await _get(settings, "/healthz")).json() == {"status": "ok"}
    ready = await _get(settings, "/readyz")
    assert ready.status_code == 200
    assert ready.json()["database"] == "ok"
    assert ready.json()["migrations"] == "ok"


async def test_readyz_is_503_while_a_migration_is_pending(
    migrated: None, settings: Settings
) -> None:
    # given a database on which the newest migration has not been applied
    newest = db.committed_migrations()[-1]
    await get_connection("default").execute_query(
        f"DELETE FROM tortoise_migrations WHERE name = '{newest}'"
    )
    # when the load balancer asks whether the server is ready
    ready = await _get(settings, "/readyz")
    # then it is not, and the answer says what to do
    assert ready.status_code == 503
    assert ready.json()["migrations"] == f"pending: {newest} (run crossflow migrate)"


@pytest.mark.redis
async def test_readyz_checks_a_real_redis_broker(
    migrated: None, settings: Settings, redis_url: str
) -> None:
    settings.redis_url = redis_url
    ready = await _get(settings, "/readyz")
    assert ready.status_code == 200
    assert ready.json()["broker"] == "ok"


async def test_readyz_is_503_when_the_broker_is_unreachable(
    migrated: None, settings: Settings
) -> None:
    settings.redis_url = f"redis://127.0.0.1:{_closed_port()}/0"
    ready = await _get(settings, "/readyz")
    assert ready.status_code == 503
    assert ready.json()["status"] == "not ready"
    assert ready.json()["broker"].startswith("unavailable")
