"""Database setup: the Tortoise configuration for SQLite or PostgreSQL, and migrations.

``TORTOISE_ORM`` is what Tortoise's own CLI (``tortoise makemigrations``) reads through
``[tool.tortoise]`` in pyproject.toml; the app and ``crossflow migrate`` build the same
configuration from the process settings.
"""

from __future__ import annotations

import importlib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import asyncpg
from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.backends.base.config_generator import expand_db_url
from tortoise.connection import get_connection
from tortoise.context import TortoiseContext
from tortoise.exceptions import OperationalError
from tortoise.migrations.api import migrate as run_migrations

from core import participation_log, replica
from core.settings import Settings, get_settings

APP_LABEL = "models"
MODEL_MODULES = ["models", "core.outbox_message"]
MIGRATIONS_MODULE = "models.migrations"


def connection_config(settings: Settings) -> dict[str, Any]:
    """The ``default`` connection: SQLite with immediate transactions, or PostgreSQL."""
    if settings.uses_sqlite:
        if settings.database_url:
            path = settings.database_url.removeprefix("sqlite://")
        else:
            path = str(settings.sqlite_path)
        return {
            "engine": "core.sqlite_engine",
            "credentials": {"file_path": path, "busy_timeout": 15000, "synchronous": "NORMAL"},
        }
    assert settings.database_url is not None
    return _postgres_config(settings.database_url, settings)


def _postgres_config(url: str, settings: Settings) -> dict[str, Any]:
    config = expand_db_url(url)
    config["credentials"].setdefault("minsize", 1)
    config["credentials"].setdefault("maxsize", settings.db_pool_max_size)
    config["credentials"]["connection_class"] = PooledConnection
    # asyncpg prepares and keeps statements up to 15 kB per connection; a scoped viewer's
    # compiled page carries their requirement ids (~21 kB for a department head of 1,800),
    # and above the limit PostgreSQL plans it again on every request (3-7 ms).
    config["credentials"].setdefault("max_cacheable_statement_size", 128 * 1024)
    # PostgreSQL compiles a plan to machine code once its cost estimate passes
    # jit_above_cost; for this API's statements (a page, a to-do list, a report's sums) the
    # compiling cost 50-700 ms where running took milliseconds (docs/decisions.md).
    server_settings = config["credentials"].setdefault("server_settings", {})
    server_settings.setdefault("jit", "off")
    return config


class PooledConnection(asyncpg.Connection):
    """A pooled connection released without asyncpg's reset query.

    asyncpg resets a connection each time the pool takes it back (``SELECT
    pg_advisory_unlock_all(); CLOSE ALL; UNLISTEN *; RESET ALL``): one more round trip per
    query, a fifth of a short request's database time. CrossFlow never leaves session state
    on a pooled connection (no ``SET``, ``LISTEN``, cursors or session advisory locks: the
    migration lock has its own connection), and an open transaction is still rolled back
    on release, so the reset has nothing to undo.
    """

    def get_reset_query(self) -> str:
        return ""


def ensure_data_dir(settings: Settings) -> None:
    """Create the data folder (SQLite file, uploaded files) before first use."""
    settings.data_dir.mkdir(parents=True, exist_ok=True)


def tortoise_config(settings: Settings) -> dict[str, Any]:
    """The whole Tortoise configuration for these settings.

    With a read replica, its router is installed; the replica's own connection is opened
    by :func:`init_orm` (``core.replica.attach`` says why it is not listed here).
    """
    config: dict[str, Any] = {
        "connections": {"default": connection_config(settings)},
        "apps": {
            APP_LABEL: {
                "models": MODEL_MODULES,
                "default_connection": "default",
                "migrations": MIGRATIONS_MODULE,
            }
        },
        "use_tz": True,
        "timezone": "UTC",
    }
    if settings.database_replica_url:
        config["routers"] = [replica.ReplicaRouter]
    return config


async def init_orm(
    ctx: TortoiseContext, settings: Settings, *, global_fallback: bool = False
) -> None:
    """Initialise ``ctx`` (current) for these settings, the read replica's client included."""
    await ctx.init(config=tortoise_config(settings), _enable_global_fallback=global_fallback)
    if settings.database_replica_url:
        replica.attach(ctx, _postgres_config(settings.database_replica_url, settings))


def reporting_connection() -> BaseDBAsyncClient:
    """The connection the reports' SQL runs on: the replica inside ``replica_reads``.

    Everywhere else (the worker building the monthly analysis, any read-to-write) the
    primary: only the BI paths opt in (``core/replica.py``).
    """
    return get_connection(replica.current_connection())


async def open_orm(settings: Settings, *, global_fallback: bool = True) -> TortoiseContext:
    """Initialise the ORM for a long-running process (server, worker).

    The global fallback makes the context visible to every task of the process: uvicorn
    runs requests in tasks that do not inherit the lifespan's context variables.
    """
    ensure_data_dir(settings)
    ctx = TortoiseContext()
    with ctx:  # current while it initialises, in this task only
        await init_orm(ctx, settings, global_fallback=global_fallback)
    return ctx


async def close_orm(ctx: TortoiseContext) -> None:
    """Close the connections of a context made by :func:`open_orm` (and drop the fallback)."""
    await replica.detach(ctx)
    await ctx.close_connections()


@asynccontextmanager
async def orm(settings: Settings | None = None) -> AsyncIterator[TortoiseContext]:
    """The ORM for one command or task: opened, current while the block runs, closed."""
    ctx = await open_orm(settings or get_settings(), global_fallback=False)
    try:
        with ctx:
            yield ctx
    finally:
        await close_orm(ctx)


async def migrate(settings: Settings, *, fresh_from_models: bool = False) -> None:
    """Apply every committed migration that the database has not seen yet.

    ``fresh_from_models`` (the demo): a database without any table yet is created from the
    models in one step and its migrations are recorded as applied. Tortoise re-renders
    every model for each operation it applies, so replaying the history on a new SQLite
    file costs seconds of the demo's start; the result is the same schema
    (``tests/crossflow/test_fresh_schema.py`` compares them), and later migrations apply
    to it as to any other database.
    """
    ensure_data_dir(settings)
    async with _migration_lock(settings):
        ctx = TortoiseContext()
        with ctx:
            try:
                config = tortoise_config(settings)
                fake = fresh_from_models and await _create_if_empty(ctx, config)
                await run_migrations(config=config, fake=fake)
            finally:
                await ctx.close_connections()


async def _create_if_empty(ctx: TortoiseContext, config: dict[str, Any]) -> bool:
    """Create the models' tables in a database that has none; whether it did."""
    await ctx.init(config=config)
    connection = ctx.connections.get("default")
    if _is_sqlite(config):
        query = "SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'"
    else:
        query = (
            "SELECT count(*) AS n FROM information_schema.tables"
            " WHERE table_schema = current_schema()"
        )
    rows = await connection.execute_query_dict(query)
    if rows[0]["n"]:
        return False
    await create_schema(ctx)
    return True


async def create_schema(ctx: TortoiseContext) -> None:
    """The models' tables, and on PostgreSQL the participation log that migration 0018
    installs beside them (``core/participation_log.py``): a database made from the models
    (the demo's, the tests') then works as a migrated one does."""
    await ctx.generate_schemas(safe=False)
    await participation_log.install(ctx.connections.get("default"))


def committed_migrations() -> list[str]:
    """The names of the migrations this code ships, in order."""
    package = importlib.import_module(MIGRATIONS_MODULE)
    assert package.__file__ is not None
    return sorted(path.stem for path in Path(package.__file__).parent.glob("[0-9]*.py"))


async def pending_migrations() -> list[str]:
    """Migrations this code ships that the database has not applied (all, without the table).

    A server upgraded before ``crossflow migrate`` ran would fail on the first query that
    touches a new column; ``/readyz`` reports this instead, so no traffic reaches it.
    """
    query = f"SELECT name FROM tortoise_migrations WHERE app = '{APP_LABEL}'"
    try:
        _, rows = await get_connection("default").execute_query(query)
    except OperationalError:
        return committed_migrations()
    applied = {row["name"] for row in rows}
    return [name for name in committed_migrations() if name not in applied]


def _is_sqlite(config: dict[str, Any]) -> bool:
    return bool(config["connections"]["default"]["engine"] == "core.sqlite_engine")


#: Any constant shared by every CrossFlow process: the key of PostgreSQL's advisory lock.
MIGRATION_LOCK_KEY = 0x43_46_4C_4F  # "CFLO"


@asynccontextmanager
async def _migration_lock(settings: Settings) -> AsyncIterator[None]:
    """Let one process migrate at a time: replicas started together migrate once.

    On PostgreSQL a session advisory lock held on a separate connection; the others wait,
    then find nothing left to apply. SQLite serialises writers by itself.
    """
    if settings.uses_sqlite or not settings.database_url:
        yield
        return
    connection = await asyncpg.connect(
        settings.database_url.replace("postgres://", "postgresql://", 1)
    )
    try:
        await connection.execute("SELECT pg_advisory_lock($1)", MIGRATION_LOCK_KEY)
        try:
            yield
        finally:
            await connection.execute("SELECT pg_advisory_unlock($1)", MIGRATION_LOCK_KEY)
    finally:
        await connection.close()


TORTOISE_ORM = tortoise_config(get_settings())
