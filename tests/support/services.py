"""Private PostgreSQL and Redis servers for the test session (a pytest plugin).

Why private servers: tests must never touch a developer's or the machine's own
PostgreSQL/Redis (which may hold real data and listen on the default ports), and
each test needs a clean database. pytest-postgresql and pytest-redis start
throw-away servers on random free ports in pytest's temp dir; we add:

* a pg_ctl wrapper so PostgreSQL can be started when the tests run as root (CI);
* one fresh, uniquely named PostgreSQL database per test (``postgres_url``);
* skip-or-fail rules: a laptop without the server binaries skips these tests,
  while CI sets ``CROSSFLOW_REQUIRE_SERVICES=1`` so a missing server is an error,
  never a silently green run.
"""

from __future__ import annotations

import glob
import os
import re
import shutil
import stat
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn
from urllib.parse import quote

import psycopg
import pytest
import redis
from psycopg import sql
from pytest_postgresql import factories as pg_factories
from pytest_postgresql.executors import PostgreSQLExecutor
from pytest_redis import factories as redis_factories
from pytest_redis.executor import RedisExecutor

REQUIRE_ENV = "CROSSFLOW_REQUIRE_SERVICES"
PG_CTL_WRAPPER = Path(__file__).with_name("pg_ctl_unprivileged.sh")
"""Runs the real pg_ctl (named by ``CROSSFLOW_PG_CTL_REAL``) unprivileged when root."""


def _is_executable(path: str) -> bool:
    return os.path.isfile(path) and os.access(path, os.X_OK)


def _version_key(pg_ctl: str) -> tuple[int, ...]:
    """Sort key for /usr/lib/postgresql/<version>/bin/pg_ctl, so 16 beats 9.6."""
    version = Path(pg_ctl).parent.parent.name
    return tuple(int(p) for p in version.split(".") if p.isdigit()) or (0,)


def find_pg_ctl() -> str | None:
    """Locate pg_ctl: $CROSSFLOW_PG_CTL (exclusively, if set), Debian's newest, then PATH.

    Debian does not put pg_ctl on PATH, hence the /usr/lib/postgresql probe.
    """
    explicit = os.environ.get("CROSSFLOW_PG_CTL")
    if explicit:
        return explicit if _is_executable(explicit) else None
    debian = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), key=_version_key, reverse=True)
    for candidate in debian:
        if _is_executable(candidate):
            return candidate
    return shutil.which("pg_ctl")


def find_redis_server() -> str | None:
    """Locate redis-server: $CROSSFLOW_REDIS_SERVER (exclusively, if set), then PATH."""
    explicit = os.environ.get("CROSSFLOW_REDIS_SERVER")
    if explicit:
        return explicit if _is_executable(explicit) else None
    return shutil.which("redis-server")


def _unavailable(what: str) -> NoReturn:
    """Skip (developer machine) or fail (CI, ``CROSSFLOW_REQUIRE_SERVICES=1``)."""
    if os.environ.get(REQUIRE_ENV) == "1":
        pytest.fail(f"{what}, but {REQUIRE_ENV}=1 requires it", pytrace=False)
    pytest.skip(f"{what} (install it, or set {REQUIRE_ENV}=1 to make this an error)")


@dataclass(frozen=True)
class PostgresServer:
    """Connection facts of the session's private PostgreSQL server (trust auth)."""

    host: str
    port: int
    user: str
    password: str | None = None

    def dsn(self, dbname: str) -> str:
        """URL for ``dbname`` in the form tortoise-orm, asyncpg and libpq all accept."""
        auth = quote(self.user, safe="")
        if self.password:
            auth += ":" + quote(self.password, safe="")
        return f"postgres://{auth}@{self.host}:{self.port}/{dbname}"


@dataclass(frozen=True)
class RedisServer:
    """Connection facts of the session's private Redis server."""

    host: str
    port: int

    def url(self, db: int = 0) -> str:
        return f"redis://{self.host}:{self.port}/{db}"


# The factories read their arguments at import time. pg_ctl is always the wrapper
# (it passes straight through when not root); the real binary is handed over via
# the environment by ``postgres_server``. fsync and friends are off: test data is
# disposable and durability only costs time. Ports: a random free one (unless
# --postgresql-port / --redis-port say otherwise); port-for avoids registered ports
# such as 5432/6379, so the machine's own servers are never touched.
crossflow_postgresql_proc = pg_factories.postgresql_proc(
    executable=str(PG_CTL_WRAPPER),
    postgres_options="-c synchronous_commit=off -c full_page_writes=off",
)
crossflow_redis_proc = redis_factories.redis_proc(
    executable=find_redis_server() or "redis-server",
)


@pytest.fixture(scope="session")
def postgres_server(request: pytest.FixtureRequest) -> PostgresServer:
    """Start (once per session) a private PostgreSQL server; skip/fail if not installed."""
    real_pg_ctl = find_pg_ctl()
    if real_pg_ctl is None:
        _unavailable(
            "PostgreSQL server binaries (pg_ctl) not found: looked at $CROSSFLOW_PG_CTL, "
            "/usr/lib/postgresql/*/bin/pg_ctl and PATH (Debian: apt-get install postgresql)"
        )
    os.environ["CROSSFLOW_PG_CTL_REAL"] = real_pg_ctl
    # git does not always keep the executable bit (zip downloads, some checkouts).
    mode = PG_CTL_WRAPPER.stat().st_mode
    if not mode & stat.S_IXUSR:
        PG_CTL_WRAPPER.chmod(mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    proc: PostgreSQLExecutor = request.getfixturevalue("crossflow_postgresql_proc")
    return PostgresServer(host=proc.host, port=proc.port, user=proc.user, password=proc.password)


@pytest.fixture
def postgres_url(postgres_server: PostgresServer, request: pytest.FixtureRequest) -> Iterator[str]:
    """A fresh empty database per test, as a tortoise-style URL; force-dropped afterwards."""
    slug = re.sub(r"[^a-z0-9]+", "_", request.node.name.lower())[:40].strip("_")
    name = f"cf_{slug}_{uuid.uuid4().hex[:8]}"
    admin = postgres_server.dsn("postgres")
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield postgres_server.dsn(name)
    finally:
        # FORCE terminates connections a test (or a leaked pool) left open.
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )


@pytest.fixture(scope="session")
def redis_server(request: pytest.FixtureRequest) -> RedisServer:
    """Start (once per session) a private Redis server; skip/fail if not installed."""
    if find_redis_server() is None:
        _unavailable(
            "redis-server not found: looked at $CROSSFLOW_REDIS_SERVER and PATH "
            "(Debian: apt-get install redis-server)"
        )
    proc: RedisExecutor = request.getfixturevalue("crossflow_redis_proc")
    return RedisServer(host=proc.host, port=proc.port)


@pytest.fixture
def redis_url(redis_server: RedisServer) -> Iterator[str]:
    """``redis://host:port/0`` on the private server, empty at start and flushed afterwards."""
    url = redis_server.url(0)
    with redis.Redis.from_url(url) as client:
        client.flushdb()
        yield url
        client.flushdb()
