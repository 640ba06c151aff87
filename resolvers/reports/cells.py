"""Report rows summed from a snapshot's per-day cells instead of the tables (PostgreSQL).

Each function returns the same columns, grouping and order as the report's live statement
(``aggregates.py``, ``lead_times.py``), so the row-building code after it is shared. A
scope reads cells when it carries a snapshot choice, a snapshot exists and its period is made
of whole Beijing days (:func:`cut_of`), as every period of the API and the downloads is.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from core import clock
from resolvers.reports.scope import ReportScope
from resolvers.reports.snapshots import Snapshot, reading
from resolvers.reports.sql import LAST_IF_NULL, Statement, statement, status_order, where

#: A report's result rows, as its statement gives them.
Rows = list[dict[str, Any]]


@dataclass(frozen=True)
class Cut:
    """The cells one report sums: a snapshot, and its Beijing days ``[start, end)``."""

    snapshot: Snapshot
    start: date | None
    end: date | None


#: Rows already summed, by report, cut and departments. A snapshot never changes, so they
#: stay right; the oldest go first, and a new snapshot's keys replace an old one's.
_summed: OrderedDict[tuple[str, Cut, frozenset[int] | None], Rows] = OrderedDict()
SUMMED_KEPT = 1024


class _MidDay(Exception):
    """A period bound that is not a Beijing midnight: the cells cannot answer it."""


def _day(instant: datetime | None) -> date | None:
    """The Beijing date starting at ``instant`` (``None`` for an open side)."""
    if instant is None:
        return None
    local = instant.astimezone(clock.BUSINESS_TZ)
    if (local.hour, local.minute, local.second, local.microsecond) != (0, 0, 0, 0):
        raise _MidDay
    return local.date()


async def cut_of(scope: ReportScope) -> Cut | None:
    """The cells to sum when the scope reads a snapshot that exists; ``None``: compute live."""
    if scope.snapshot is None:
        return None
    try:
        start, end = _day(scope.period.start), _day(scope.period.end)
    except _MidDay:
        return None
    snapshot = await scope.snapshot.get()
    return None if snapshot is None else Cut(snapshot, start, end)


async def either(
    scope: ReportScope,
    report: str,
    from_cells: Callable[[ReportScope, Cut], Awaitable[Rows]],
    live: Callable[[ReportScope], Awaitable[Rows]],
) -> Rows:
    """The rows of ``report`` from the snapshot's cells when they can answer, else live.

    Sums of a snapshot are kept in the process: a dashboard asking again before the next
    refresh costs no statement. (Department names come with them, as of the first read.)
    """
    cut = await cut_of(scope)
    if cut is None:
        watched = reading()
        if watched is not None:
            watched.live = True
        return await live(scope)
    key = (report, cut, scope.departments)
    rows = _summed.get(key)
    if rows is None:
        rows = _summed[key] = await from_cells(scope, cut)
        while len(_summed) > SUMMED_KEPT:
            _summed.popitem(last=False)
    else:
        _summed.move_to_end(key)
    return rows


def _where(sql: Statement, cut: Cut, report: str, *extra: str) -> str:
    return where(
        [
            f"c.snapshot_id = {sql.param(cut.snapshot.id)}",
            f"c.report = {sql.param(report)}",
            f"c.day >= {sql.param(cut.start)}" if cut.start is not None else "",
            f"c.day < {sql.param(cut.end)}" if cut.end is not None else "",
            *extra,
        ]
    )


def _by_department(sums: str, filters: str) -> str:
    """Sums by ``c.department_id`` with the department's code and name, in its order."""
    return (
        "SELECT c.department_id AS department_id, d.code AS department_code,"
        f" d.name AS department_name, {sums}"
        f" FROM report_cell c JOIN department d ON d.id = c.department_id {filters}"
        " GROUP BY c.department_id, d.code, d.name, d.sort_order"
        " ORDER BY d.sort_order, c.department_id"
    )


async def requirements(scope: ReportScope, cut: Cut) -> Rows:
    sql = statement(scope.batch)
    filters = _where(sql, cut, "requirements", *_among(sql, scope))
    sums = "SUM(c.count) AS raised, SUM(c.count_2) AS completed"
    return await sql.rows(_by_department(sums, filters))


async def tasks_by_status(scope: ReportScope, cut: Cut) -> Rows:
    sql = statement(scope.batch)
    filters = _where(sql, cut, "tasks_by_status", *_among(sql, scope))
    month = "to_char(c.day, 'YYYY-MM')"
    return await sql.rows(
        f"SELECT {month} AS month, c.department_id AS department_id,"
        " d.code AS department_code, d.name AS department_name, c.label AS status,"
        " SUM(c.count) AS count"
        f" FROM report_cell c JOIN department d ON d.id = c.department_id {filters}"
        f" GROUP BY {month}, c.department_id, d.code, d.name, d.sort_order, c.label"
        f" ORDER BY month, d.sort_order, c.department_id, {status_order('c.label')}"
    )


async def overdue(scope: ReportScope, cut: Cut) -> Rows:
    sql = statement(scope.batch)
    filters = _where(sql, cut, "overdue", *_among(sql, scope))
    sums = (
        "SUM(c.count) AS tasks, SUM(c.count_2) AS overdue, SUM(c.count_3) AS completed_late,"
        " SUM(c.count_4) AS completed_on_time"
    )
    return await sql.rows(_by_department(sums, filters))


async def lead_times(name: str, scope: ReportScope, cut: Cut) -> Rows:
    sql = statement(scope.batch)
    filters = _where(sql, cut, name, *_among(sql, scope))
    sums = "SUM(c.count) AS count, SUM(c.seconds) / SUM(c.count) / 3600.0 AS average_hours"
    return await sql.rows(_by_department(sums, filters))


async def collaboration(scope: ReportScope, cut: Cut) -> Rows:
    """The department × department matrix; a head's rows are where they ask or are asked."""
    sql = statement(scope.batch)
    extra: list[str] = []
    if scope.departments is not None:
        asking = sql.among("c.department_id", scope.departments)[0]
        asked = sql.among("c.peer_department_id", scope.departments)[0]
        extra = [f"({asking} OR {asked})"]
    filters = _where(sql, cut, "collaboration", *extra)
    return await sql.rows(
        "SELECT c.department_id AS from_department_id, fd.code AS from_department_code,"
        " fd.name AS from_department_name, c.peer_department_id AS to_department_id,"
        " td.code AS to_department_code, td.name AS to_department_name,"
        " SUM(c.count) AS count, SUM(c.count_2) AS answered, SUM(c.count_3) AS open_count,"
        " CASE WHEN SUM(c.count_2) > 0 THEN SUM(c.seconds) / SUM(c.count_2) / 3600.0 END"
        " AS average_hours"
        " FROM report_cell c LEFT JOIN department fd ON fd.id = c.department_id"
        f" JOIN department td ON td.id = c.peer_department_id {filters}"
        " GROUP BY c.department_id, fd.code, fd.name, fd.sort_order,"
        " c.peer_department_id, td.code, td.name, td.sort_order"
        f" ORDER BY {LAST_IF_NULL.format('fd.sort_order')}, c.department_id,"
        " td.sort_order, c.peer_department_id"
    )


async def feedback(scope: ReportScope, cut: Cut) -> Rows:
    sql = statement(scope.batch)
    filters = _where(sql, cut, "feedback", *_among(sql, scope))
    return await sql.rows(
        "SELECT c.label AS kind, c.department_id AS department_id, d.code AS department_code,"
        " d.name AS department_name, SUM(c.count) AS count"
        f" FROM report_cell c LEFT JOIN department d ON d.id = c.department_id {filters}"
        " GROUP BY c.label, c.department_id, d.code, d.name, d.sort_order"
        f" ORDER BY c.label, {LAST_IF_NULL.format('d.sort_order')}, c.department_id"
    )


def _among(sql: Statement, scope: ReportScope) -> list[str]:
    return sql.among("c.department_id", scope.departments)
