"""BI and report reads on a PostgreSQL streaming replica (``CROSSFLOW_DATABASE_REPLICA_URL``).

Why explicit: a global "every read goes to the replica" router would break read-your-writes
for the workflow (a transition followed by a read of the task in the same request would see
the replica's older row). So nothing reads from the replica unless a BI path asks for it
with :func:`replica_reads` (the report downloads, the GraphQL report fields, queries made
with a BI token: ``crossflow/replica_reads.py``). Inside that block :class:`ReplicaRouter`
sends Tortoise's model reads there and ``core.db.reporting_connection`` hands the reports'
raw SQL the same connection; writes always go to the primary.

Before a block reads from the replica, its lag is measured (at most once per
``CROSSFLOW_REPLICA_LAG_CHECK_SECONDS``): a replica that does not answer, or lags more than
``CROSSFLOW_REPLICA_MAX_LAG_SECONDS``, is passed over for the primary, said in a log line and
counted in ``crossflow_replica_fallbacks``. The chosen :class:`ReadSource` states how stale
the answer may be, for the response's headers and GraphQL extensions.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

import orjson
from prometheus_client import Counter, Gauge
from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.connection import get_connection
from tortoise.context import TortoiseContext
from tortoise.exceptions import ConfigurationError

from core.settings import Settings

log = logging.getLogger("crossflow.replica")

PRIMARY = "default"
REPLICA = "replica"
#: How long a lag measurement may take before the replica counts as unavailable.
CHECK_TIMEOUT_SECONDS = 2.0

#: The primary's WAL position now, for the replica to be compared with.
PRIMARY_LSN_SQL = "SELECT pg_current_wal_lsn()::text AS lsn"
#: How far the replica's replay trails that position, in seconds: 0 once it has replayed
#: it (or it is no standby at all), else the time since its last replayed commit, an upper
#: bound (the primary may have written nothing else since). Comparing with the primary's
#: position needs no monitoring privilege (``pg_stat_wal_receiver`` shows its columns only
#: to ``pg_read_all_stats``), and catches a replica cut off from its primary.
LAG_SQL = (
    "SELECT (CASE WHEN NOT pg_is_in_recovery() THEN 0"
    " WHEN pg_last_wal_replay_lsn() >= $1::text::pg_lsn THEN 0"
    " ELSE COALESCE(EXTRACT(EPOCH FROM clock_timestamp() - pg_last_xact_replay_timestamp()),"
    " 'Infinity') END)::float8 AS lag"
)

REPLICA_LAG = Gauge(
    "crossflow_replica_lag_seconds",
    "Replay lag of the read replica at its last measurement (absent without a replica)",
    multiprocess_mode="max",
)
REPLICA_READS = Counter(
    "crossflow_replica_reads",
    "BI and report reads by the database that answered them (replica, primary)",
    ["source"],
)
REPLICA_FALLBACKS = Counter(
    "crossflow_replica_fallbacks",
    "BI and report reads the primary answered although a replica is configured, by reason",
    ["reason"],
)


@dataclass(frozen=True)
class ReadSource:
    """Which database answers a BI read, and how stale its answer may be."""

    connection: str
    #: On the replica: its lag at the last measurement plus that measurement's age.
    staleness_seconds: float | None = None
    #: Why the primary answers although a replica is configured (``None``: it does not).
    fallback: str | None = None

    @property
    def on_replica(self) -> bool:
        return self.connection == REPLICA

    def describe(self) -> dict[str, Any]:
        """The statement made to the client (GraphQL ``extensions.readFrom``)."""
        return {
            "source": "replica" if self.on_replica else "primary",
            "stalenessSeconds": (
                round(self.staleness_seconds, 3) if self.staleness_seconds is not None else 0
            ),
            "fallback": self.fallback,
        }

    def stated_in(self, body: bytes) -> bytes:
        """A compiled GraphQL body (``{"data":…}``) with this statement as
        ``extensions.readFrom``, as the generic executor's answer carries it."""
        statement = orjson.dumps({"readFrom": self.describe()})
        return body[:-1] + b',"extensions":' + statement + b"}"

    def headers(self) -> dict[str, str]:
        """The same statement as response headers (the report downloads)."""
        described = self.describe()
        headers = {
            "X-CrossFlow-Read-From": described["source"],
            "X-CrossFlow-Staleness-Seconds": str(described["stalenessSeconds"]),
        }
        if self.fallback:
            headers["X-CrossFlow-Replica-Fallback"] = self.fallback
        return headers


PRIMARY_SOURCE = ReadSource(PRIMARY)
_reading: ContextVar[ReadSource | None] = ContextVar("crossflow_replica_reading", default=None)


def current_connection() -> str:
    """The connection alias BI reads use here: the chosen source inside :func:`replica_reads`."""
    source = _reading.get()
    return source.connection if source is not None else PRIMARY


class ReplicaRouter:
    """Tortoise's router (installed only with a replica): reads follow :func:`replica_reads`.

    Outside that block, and for every write, it names the primary, exactly what the model's
    own connection would be (a transaction's connection included: Tortoise looks the alias
    up in the task's connections).
    """

    def db_for_read(self, model: type) -> str:
        return current_connection()

    def db_for_write(self, model: type) -> str:
        return PRIMARY


@dataclass
class _Measurement:
    client: BaseDBAsyncClient
    at: float
    lag: float | None
    error: str | None


_last: _Measurement | None = None


async def _measure(client: BaseDBAsyncClient) -> _Measurement:
    try:
        position = await get_connection(PRIMARY).execute_query_dict(PRIMARY_LSN_SQL)
        rows = await asyncio.wait_for(
            client.execute_query_dict(LAG_SQL, [position[0]["lsn"]]),
            timeout=CHECK_TIMEOUT_SECONDS,
        )
    except Exception as exc:  # any failure to answer: the primary takes over
        return _Measurement(client, time.monotonic(), None, f"unavailable ({type(exc).__name__})")
    lag = float(rows[0]["lag"])
    REPLICA_LAG.set(lag)
    return _Measurement(client, time.monotonic(), lag, None)


async def _measurement(client: BaseDBAsyncClient, settings: Settings) -> _Measurement:
    """The last measurement of this replica, renewed once it is older than the interval."""
    global _last
    last = _last
    fresh = (
        last is not None
        and last.client is client
        and time.monotonic() - last.at < settings.replica_lag_check_seconds
    )
    if fresh:
        assert last is not None
        return last
    measured = await _measure(client)
    _log_change(last, measured, settings)
    _last = measured
    return measured


def _fallback_reason(measured: _Measurement, settings: Settings) -> str | None:
    if measured.error is not None:
        return f"replica {measured.error}"
    assert measured.lag is not None
    if measured.lag > settings.replica_max_lag_seconds:
        return f"replica lags {measured.lag:.1f} s (bound {settings.replica_max_lag_seconds:g} s)"
    return None


def _log_change(last: _Measurement | None, measured: _Measurement, settings: Settings) -> None:
    """One line when the replica stops or starts answering BI reads, not one per read."""
    reason = _fallback_reason(measured, settings)
    was_usable = last is None or _fallback_reason(last, settings) is None
    if reason is not None and was_usable:
        log.warning("BI reads fall back to the primary: %s", reason)
    elif reason is None and not was_usable:
        log.info("BI reads use the replica again (lag %.1f s)", measured.lag or 0.0)


async def choose(settings: Settings) -> ReadSource:
    """The source of the next BI read: the replica when it answers within the lag bound."""
    if not settings.database_replica_url:
        return PRIMARY_SOURCE
    try:
        client = get_connection(REPLICA)
    except (ConfigurationError, KeyError):  # this process's ORM was opened without it
        return PRIMARY_SOURCE
    measured = await _measurement(client, settings)
    reason = _fallback_reason(measured, settings)
    if reason is not None:
        return ReadSource(PRIMARY, None, reason)
    assert measured.lag is not None
    return ReadSource(REPLICA, measured.lag + (time.monotonic() - measured.at))


@asynccontextmanager
async def replica_reads(settings: Settings) -> AsyncIterator[ReadSource]:
    """Run the block's reads on the replica (or the primary it falls back to)."""
    source = await choose(settings)
    REPLICA_READS.labels("replica" if source.on_replica else "primary").inc()
    if source.fallback is not None:
        REPLICA_FALLBACKS.labels("lagging" if "lags" in source.fallback else "unavailable").inc()
    token = _reading.set(source)
    try:
        yield source
    finally:
        _reading.reset(token)


async def status(settings: Settings) -> str | None:
    """The replica's state for ``/readyz`` ("ok …" either way: the primary can answer)."""
    if not settings.database_replica_url:
        return None
    source = await choose(settings)
    if source.fallback:
        return f"ok (primary answers BI reads: {source.fallback})"
    return f"ok (lag {source.staleness_seconds or 0.0:.1f} s)"


def attach(ctx: TortoiseContext, config: dict[str, Any]) -> None:
    """Open the replica's client in an initialised context, outside Tortoise's own config.

    Tortoise's ``in_transaction()`` without a connection name refuses to run once its
    configuration holds two connections, and CrossFlow calls it that way throughout. So the
    replica is configured only long enough to create its client, which then stays in the
    context's connections, where the router and :func:`choose` find it by name; it opens
    its pool on first use (a replica that is down does not stop the start).
    """
    connections = ctx.connections
    connections.db_config[REPLICA] = config
    try:
        connections.get(REPLICA)
    finally:
        del connections.db_config[REPLICA]


async def detach(ctx: TortoiseContext) -> None:
    """Close the replica's client (Tortoise closes only the connections of its config)."""
    client = ctx.connections.discard(REPLICA)
    if client is not None:
        await client.close()
