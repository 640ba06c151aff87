"""API8 (security misconfiguration) — database errors are classified, never all "outages".

Every driver error used to be SERVICE_UNAVAILABLE ("retry") and was logged as an outage:
a caller could fill the operators' alerts with values the database refuses. Now only a
failure to reach the database is an outage; a refused value is the caller's
BAD_USER_INPUT; anything else is an internal error, answered without details. The errors
here are the real ones each backend raises.
"""

from __future__ import annotations

import base64
import json
import logging
import socket
import sqlite3
from pathlib import Path

import asyncpg
import pytest
from tortoise.connection import get_connection
from tortoise.exceptions import TransactionManagementError

from core.db_errors import Kind, classify
from core.settings import Settings
from models import Department, Requirement
from tests.conftest import GraphQLClient

PAGE = "query($after: String) { requirements(first: 2, after: $after) {"
PAGE += " edges { node { id } } pageInfo { endCursor } } }"


def beyond_any_key(cursor: str) -> str:
    """The same cursor, pointing past the largest integer a key column (or SQLite) holds."""
    payload = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    payload[2] = 2**64
    return base64.urlsafe_b64encode(json.dumps(payload).encode()).decode().rstrip("=")


async def test_a_value_the_database_refuses_is_bad_input_and_no_outage(
    client: GraphQLClient, demo: None, caplog: pytest.LogCaptureFixture
) -> None:
    # given a head paging through requirements, with a cursor whose key no column holds
    head = await client.sign_in("market_head")
    first = await head.data(PAGE)
    cursor = beyond_any_key(first["requirements"]["pageInfo"]["endCursor"])
    caplog.set_level(logging.INFO)
    # when the next page is asked for with it
    body = await head.post(PAGE, {"after": cursor})
    # then it is the caller's BAD_USER_INPUT, without the driver's words
    error = body["errors"][0]
    assert error["extensions"]["code"] == "BAD_USER_INPUT", error
    assert "asyncpg" not in json.dumps(body) and "sqlite" not in json.dumps(body).lower()
    # and nothing was logged as an outage or as a bug
    assert not [r for r in caplog.records if "unavailable" in r.getMessage()]
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


async def real_error(coroutine: object) -> BaseException:
    """The exception the awaited database call raises (it must raise)."""
    try:
        await coroutine  # type: ignore[misc]
    except Exception as exc:
        return exc
    raise AssertionError("the database accepted it")


async def test_an_integer_no_column_holds_is_bad_input(demo: None) -> None:
    # given a key beyond 64 bits; when the ORM looks it up, then the refusal is bad input
    error = await real_error(Requirement.filter(id=2**64).first())
    assert classify(error) is Kind.BAD_INPUT


async def test_a_constraint_the_code_should_have_checked_is_internal(demo: None) -> None:
    # given a department code already taken; when a second one is inserted
    taken = await Department.all().order_by("id").first()
    assert taken is not None
    error = await real_error(Department.create(code=taken.code, name="重复", name_en="Dup"))
    # then it is an internal error (a bug to fix), not an outage nor the caller's input
    assert classify(error) is Kind.INTERNAL


async def test_sql_the_code_got_wrong_is_internal_not_an_outage(demo: None) -> None:
    # given a statement naming a table that does not exist
    error = await real_error(get_connection("default").execute_query("SELECT * FROM no_such"))
    # then it is internal (it was SERVICE_UNAVAILABLE: OperationalError meant "outage")
    assert classify(error) is Kind.INTERNAL


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def test_a_database_that_cannot_be_reached_is_an_outage(
    backend: str, settings: Settings, tmp_path: Path
) -> None:
    # given a database server that is not there (PostgreSQL) or a file that cannot open
    if backend == "postgres":
        error = await real_error(
            asyncpg.connect(host="127.0.0.1", port=closed_port(), user="x", timeout=2)
        )
    else:
        with pytest.raises(sqlite3.OperationalError) as raised:
            sqlite3.connect(tmp_path / "no-such-folder" / "crossflow.sqlite3")
        error = raised.value
    # then it is SERVICE_UNAVAILABLE: the client may retry, the operator is told
    assert classify(error) is Kind.UNAVAILABLE


async def test_sqlite_locked_past_the_busy_timeout_is_an_outage(tmp_path: Path) -> None:
    # given a SQLite file whose write lock another connection holds
    path = tmp_path / "locked.sqlite3"
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    waiter = sqlite3.connect(path, timeout=0, isolation_level=None)
    # when another transaction begins the way core/sqlite_engine.py begins one
    with pytest.raises(sqlite3.OperationalError) as raised:
        waiter.execute("BEGIN IMMEDIATE")
    holder.close()
    waiter.close()
    locked = raised.value
    # then the lock (raw, or as the engine re-raises it) is an outage, not a bug
    assert classify(locked) is Kind.UNAVAILABLE
    try:
        raise TransactionManagementError(locked) from locked
    except TransactionManagementError as wrapped:
        assert classify(wrapped) is Kind.UNAVAILABLE
