"""Human codes (XQ202407001, RW202407001-01, FK…, YJ…), unique under concurrent creation.

A counter row per prefix and month is created if missing and incremented with one
``UPDATE … RETURNING`` inside the creating transaction: the row lock (PostgreSQL) or the
immediate write lock (SQLite) serialises concurrent creators, so no two get the same number.
"""

from __future__ import annotations

from datetime import datetime

from tortoise.backends.base.client import BaseDBAsyncClient

from core import clock

REQUIREMENT = "XQ"
FEEDBACK = "FK"
SUGGESTION = "YJ"


async def _increment(key: str, conn: BaseDBAsyncClient) -> int:
    if conn.capabilities.dialect == "postgres":
        insert = 'INSERT INTO code_counter ("key", "value") VALUES ($1, 0) ON CONFLICT DO NOTHING'
        update = 'UPDATE code_counter SET "value" = "value" + 1 WHERE "key" = $1 RETURNING "value"'
    else:
        insert = 'INSERT INTO code_counter ("key", "value") VALUES (?, 0) ON CONFLICT DO NOTHING'
        update = 'UPDATE code_counter SET "value" = "value" + 1 WHERE "key" = ? RETURNING "value"'
    await conn.execute_query(insert, [key])
    rows = await conn.execute_query_dict(update, [key])
    return int(rows[0]["value"])


async def next_monthly_code(
    prefix: str, conn: BaseDBAsyncClient, at: datetime | None = None
) -> str:
    """The next code of ``prefix`` for the month of ``at`` (Beijing time): ``XQ202407001``."""
    moment = (at or clock.now()).astimezone(clock.BUSINESS_TZ)
    key = f"{prefix}{moment:%Y%m}"
    return f"{key}{await _increment(key, conn):03d}"


async def next_task_code(requirement_code: str, conn: BaseDBAsyncClient) -> tuple[str, int]:
    """The next task code of a requirement and its sequence: ``RW202407001-01``, 1."""
    stem = "RW" + requirement_code.removeprefix(REQUIREMENT)
    seq = await _increment(stem, conn)
    return f"{stem}-{seq:02d}", seq
