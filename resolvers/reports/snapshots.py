"""Report snapshots: every report's figures grouped by Beijing day, refreshed by the worker.

Aggregating every task on each request cost ~0.5 s at 200,000 tasks; a BI tool polling a
dashboard repeats that for figures that change slowly. A refresh (the ``refresh_reports``
actor, enqueued by the scheduler every minute) stores each report once, grouped by Beijing
day × department (× status, kind, addressed department) in ``report_cell``, inside one
repeatable-read transaction, so all reports of a snapshot describe the same committed data
as of ``refreshed_at``. Readers then sum the cells of their period and departments
(``resolvers/reports/cells.py``): any viewer's scope, any period of whole days.

PostgreSQL only: on SQLite (the demo, one user) the reports stay live and a refresh does
nothing. Until the first refresh, readers compute live too, never an empty report.
"""

from __future__ import annotations

import asyncio
import time
import weakref
from collections.abc import Awaitable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.connection import get_connection
from tortoise.transactions import in_transaction

from core import clock
from models.enums import CollaborationStatus, TaskStatus
from resolvers.reports.measures import LEAD_TIMES
from resolvers.reports.sql import BUSINESS_TZ_NAME, report_connection

#: Snapshots kept: the newest, and the one before for readers that looked it up just before.
KEPT = 2
#: The transaction advisory lock one refresh holds (any constant no other lock uses).
REFRESH_LOCK_KEY = 0x63665F7265706F72
#: How long a process reuses the newest snapshot it looked up (see :func:`latest`).
LOOKUP_SECONDS = 1.0


@dataclass(frozen=True)
class Snapshot:
    """A committed refresh: its id (the cells' key) and the instant its figures describe."""

    id: int
    refreshed_at: datetime


@dataclass
class Reading:
    """What the reports of one request read: the snapshots, the departments allowed, live.

    Kept while :func:`watching` runs, so a cache of whole answers
    (``crossflow/report_answers.py``) keeps a response only if it was computed from exactly
    what its key names: no other snapshot (or none), no other scope, nothing live.
    """

    snapshot_ids: set[int | None] = field(default_factory=set)
    allowed: set[frozenset[int] | None] = field(default_factory=set)
    live: bool = False

    def only(self, snapshot_id: int, allowed: frozenset[int] | None) -> bool:
        """Whether nothing but this snapshot and these departments went into the answer."""
        return not self.live and self.snapshot_ids <= {snapshot_id} and self.allowed <= {allowed}


_reading: ContextVar[Reading | None] = ContextVar("crossflow_report_reading", default=None)


@contextmanager
def watching() -> Iterator[Reading]:
    """Note what the reports run in this block (and the tasks it starts) read."""
    reading = Reading()
    token = _reading.set(reading)
    try:
        yield reading
    finally:
        _reading.reset(token)


def reading() -> Reading | None:
    """The :class:`Reading` of the block this runs in, if one is watched."""
    return _reading.get()


#: The newest snapshot per connection, and until when (monotonic) it is reused.
_looked_up: weakref.WeakKeyDictionary[BaseDBAsyncClient, tuple[float, Snapshot | None]] = (
    weakref.WeakKeyDictionary()
)


class SnapshotChoice:
    """The snapshot one request reads, looked up once, at its first report read.

    Looked up where the cells are then read (:func:`report_connection` at that moment, a
    replica if reads are routed there), so a lagging replica never gets a snapshot id it
    does not hold yet; shared by every report of the request, so they agree with ``asOf``.
    """

    def __init__(self) -> None:
        self._lookup: asyncio.Future[Snapshot | None] | None = None

    def get(self) -> Awaitable[Snapshot | None]:
        if self._lookup is None:
            self._lookup = asyncio.ensure_future(latest())
        return self._lookup


def _day(column: str) -> str:
    """The Beijing date of an instant column (the cells' ``day``)."""
    return f"(({column}) AT TIME ZONE '{BUSINESS_TZ_NAME}')::date"


#: The cells of every report, one ``SELECT`` each ($1 is the snapshot id, further values in
#: :func:`_values`). Columns: day, department, peer, label, count, count_2, count_3, count_4,
#: seconds. Each groups by Beijing day what its live statement filters its period on
#: (``aggregates.py``, ``lead_times.py``), with the same conditions.
_RAISED_AT = "COALESCE(rr.opened_at, r.submitted_at)"
FILLS: dict[str, str] = {
    "requirements": (
        "SELECT day, department_id, NULL::int, '', SUM(raised), SUM(completed), 0, 0, 0 FROM ("
        f" SELECT {_day(_RAISED_AT)} AS day, r.initiating_department_id AS department_id,"
        " 1 AS raised, 0 AS completed FROM requirement r"
        " LEFT JOIN review_round rr ON rr.requirement_id = r.id AND rr.number = 1"
        f" WHERE {_RAISED_AT} IS NOT NULL"
        f" UNION ALL SELECT {_day('r.completed_at')}, r.initiating_department_id, 0, 1"
        " FROM requirement r WHERE r.completed_at IS NOT NULL"
        ") x GROUP BY day, department_id"
    ),
    "tasks_by_status": (
        f"SELECT {_day('t.created_at')}, t.executing_department_id, NULL::int, t.status, COUNT(*),"
        " 0, 0, 0, 0 FROM task t GROUP BY 1, 2, 4"
    ),
    "overdue": (
        f"SELECT {_day('t.deadline')}, t.executing_department_id, NULL::int, '', COUNT(*),"
        " SUM(CASE WHEN t.status <> $3 AND t.deadline < $2 THEN 1 ELSE 0 END),"
        " SUM(CASE WHEN t.status = $3 AND t.completed_at > t.deadline THEN 1 ELSE 0 END),"
        " SUM(CASE WHEN t.status = $3 AND t.completed_at <= t.deadline THEN 1 ELSE 0 END), 0"
        " FROM task t WHERE t.deadline IS NOT NULL GROUP BY 1, 2"
    ),
    **{
        name: (
            f"SELECT {_day(lead.later)}, {lead.department}, NULL::int, '', COUNT(*), 0, 0, 0,"
            f" SUM(EXTRACT(EPOCH FROM ({lead.later} - {lead.earlier}))) FROM {lead.sql_from}"
            f" WHERE {lead.later} IS NOT NULL AND {lead.earlier} IS NOT NULL GROUP BY 1, 2"
        )
        for name, lead in LEAD_TIMES.items()
    },
    "collaboration": (
        f"SELECT {_day('c.created_at')}, c.from_department_id, c.to_department_id, '',"
        " COUNT(*), SUM(CASE WHEN c.answered_at IS NOT NULL THEN 1 ELSE 0 END),"
        " SUM(CASE WHEN c.status = $2 THEN 1 ELSE 0 END), 0,"
        " SUM(CASE WHEN c.answered_at IS NOT NULL"
        " THEN EXTRACT(EPOCH FROM (c.answered_at - c.created_at)) ELSE 0 END)"
        " FROM collaboration_request c GROUP BY 1, 2, 3"
    ),
    "feedback": (
        f"SELECT {_day('f.created_at')}, fd.department_id, NULL::int, i.kind, COUNT(DISTINCT i.id),"
        " 0, 0, 0, 0 FROM feedback_item i JOIN feedback f ON f.id = i.feedback_id"
        " LEFT JOIN feedback_item_department fd ON fd.item_id = i.id GROUP BY 1, 2, 4"
    ),
}
_INSERT = (
    "INSERT INTO report_cell (snapshot_id, report, day, department_id, peer_department_id,"
    " label, count, count_2, count_3, count_4, seconds)"
    " SELECT $1, '{report}', cells.* FROM ({select}) AS cells"
)


def _values(report: str, now: datetime) -> list[Any]:
    """The values a fill binds after the snapshot id: "now" and the statuses it compares."""
    if report == "overdue":
        return [now, TaskStatus.COMPLETED.value]
    if report == "collaboration":
        return [CollaborationStatus.OPEN.value]
    return []


def _postgres(conn: BaseDBAsyncClient) -> bool:
    return bool(conn.capabilities.dialect == "postgres")


async def latest() -> Snapshot | None:
    """The newest committed snapshot where reports read, ``None`` if never refreshed or SQLite.

    Looked up at most once per :data:`LOOKUP_SECONDS` per process and database connection
    (a replica may hold an older one than the primary): a dashboard's requests then cost
    no statement for it, and the answer still names the snapshot it was read from.
    """
    conn = report_connection()
    if not _postgres(conn):
        return None
    known = _looked_up.get(conn)
    if known is not None and known[0] > time.monotonic():
        snapshot = known[1]
    else:
        rows = await conn.execute_query_dict(
            "SELECT id, refreshed_at FROM report_snapshot ORDER BY id DESC LIMIT 1"
        )
        snapshot = Snapshot(rows[0]["id"], rows[0]["refreshed_at"]) if rows else None
        _looked_up[conn] = (time.monotonic() + LOOKUP_SECONDS, snapshot)
    watched = _reading.get()
    if watched is not None:
        watched.snapshot_ids.add(snapshot.id if snapshot is not None else None)
    return snapshot


def forget() -> None:
    """Look the newest snapshot up again at the next read (after a refresh or a removal)."""
    _looked_up.clear()


async def refresh() -> Snapshot | None:
    """Compute every report's cells as of now in one snapshot, drop all but the newest two.

    One repeatable-read transaction: every statement sees the same committed data, and
    readers see the whole snapshot or none of it. A refresh asked while another runs (two
    schedulers) does nothing and gives ``None``, as on SQLite, where reports are live.
    """
    if not _postgres(get_connection("default")):
        return None
    started = time.monotonic()
    async with in_transaction() as conn:
        await conn.execute_script("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        locked = await conn.execute_query_dict(
            "SELECT pg_try_advisory_xact_lock($1) AS locked", [REFRESH_LOCK_KEY]
        )
        if not locked[0]["locked"]:  # another process is refreshing: its snapshot will do
            return None
        now = clock.now()
        inserted = await conn.execute_query_dict(
            "INSERT INTO report_snapshot (refreshed_at, took_ms) VALUES ($1, 0) RETURNING id",
            [now],
        )
        snapshot = Snapshot(inserted[0]["id"], now)
        for report, select in FILLS.items():
            await conn.execute_query(
                _INSERT.format(report=report, select=select),
                [snapshot.id, *_values(report, now)],
            )
        await conn.execute_query(
            "UPDATE report_snapshot SET took_ms = $1 WHERE id = $2",
            [round((time.monotonic() - started) * 1000), snapshot.id],
        )
        await conn.execute_query(
            "DELETE FROM report_snapshot WHERE id < (SELECT MIN(id) FROM"
            " (SELECT id FROM report_snapshot ORDER BY id DESC LIMIT $1) AS kept)",
            [KEPT],
        )
    forget()
    return snapshot
