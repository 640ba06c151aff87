"""Raw SQL for reports: one grouped statement per report, written once for both dialects.

Reports group by a Beijing calendar month and average durations in hours, which Tortoise's
query builder cannot express portably; the few dialect differences (placeholders, month
bucketing, hour arithmetic) live here and nowhere else. Values always travel as bound
parameters, never inside the SQL text.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from tortoise.backends.base.client import BaseDBAsyncClient

from core.db import reporting_connection

if TYPE_CHECKING:
    from resolvers.reports.batch import StatementBatch

#: Rows without a department sort after the others (SQLite and PostgreSQL disagree on NULLs).
LAST_IF_NULL = "COALESCE({}, 2147483647)"
#: The business time zone (China has no daylight saving time, so a fixed offset is exact).
BUSINESS_TZ_NAME = "Asia/Shanghai"
BUSINESS_UTC_OFFSET_HOURS = 8


@dataclass(frozen=True)
class Period:
    """A half-open range of instants ``[start, end)`` in UTC; ``None`` leaves a side open."""

    start: datetime | None = None
    end: datetime | None = None


class Statement:
    """Collects bound values and writes the dialect's placeholders and expressions.

    With a ``batch`` (a request's, ``batch.py``), it runs together with the other report
    statements the request starts at the same moment.
    """

    def __init__(self, conn: BaseDBAsyncClient, batch: StatementBatch | None = None) -> None:
        self.conn = conn
        self.batch = batch
        self.dialect: str = conn.capabilities.dialect
        self.values: list[Any] = []

    @property
    def postgres(self) -> bool:
        return self.dialect == "postgres"

    def param(self, value: Any) -> str:
        """A numbered placeholder bound to ``value`` (``?n`` on SQLite, ``$n`` on PostgreSQL).

        Numbered, so a placeholder may be used anywhere in the text, and more than once.
        """
        self.values.append(value)
        return f"{'$' if self.postgres else '?'}{len(self.values)}"

    def params(self, values: Iterable[Any]) -> str:
        return ", ".join(self.param(value) for value in values)

    def month(self, column: str) -> str:
        """The Beijing calendar month of an instant column, as ``YYYY-MM`` text."""
        if self.postgres:
            return f"to_char({column} AT TIME ZONE '{BUSINESS_TZ_NAME}', 'YYYY-MM')"
        return f"strftime('%Y-%m', {column}, '+{BUSINESS_UTC_OFFSET_HOURS} hours')"

    def hours(self, later: str, earlier: str) -> str:
        """The hours from ``earlier`` to ``later`` (two instant expressions), fractional."""
        if self.postgres:
            return f"(EXTRACT(EPOCH FROM ({later} - {earlier})) / 3600.0)"
        return f"((julianday({later}) - julianday({earlier})) * 24.0)"

    def within(self, column: str, period: Period) -> list[str]:
        """Conditions that keep ``column`` inside ``period``.

        Instants are stored in UTC (SQLite compares them as text in the same format the
        bound values take), so the comparison can use an index on the column.
        """
        conditions: list[str] = []
        if period.start is not None:
            conditions.append(f"{column} >= {self.param(period.start)}")
        if period.end is not None:
            conditions.append(f"{column} < {self.param(period.end)}")
        return conditions

    def among(self, column: str, ids: frozenset[int] | None) -> list[str]:
        """A condition keeping ``column`` in ``ids`` (none when ``ids`` is ``None``: all)."""
        if ids is None:
            return []
        if not ids:
            return ["1 = 0"]
        return [f"{column} IN ({self.params(sorted(ids))})"]

    async def rows(self, sql: str) -> list[dict[str, Any]]:
        """Run the statement once and return its rows as dicts."""
        if self.batch is not None:
            return await self.batch.rows(self.conn, sql, self.values)
        return list(await self.conn.execute_query_dict(sql, self.values))


def report_connection() -> BaseDBAsyncClient:
    """The connection every report read goes through: the live statements and the snapshot.

    The one place that chooses where reports read, so they can be routed elsewhere (a read
    replica) without touching the reports; the refresh writes through the default one.
    Inside ``core.replica.replica_reads`` (the BI paths) that is the read replica.
    """
    return reporting_connection()


def status_order(column: str) -> str:
    """Task statuses in the order of their lifecycle, for sorting report rows."""
    return (
        f"CASE {column} WHEN 'PENDING' THEN 0 WHEN 'IN_PROGRESS' THEN 1"
        " WHEN 'SUBMITTED' THEN 2 ELSE 3 END"
    )


def statement(batch: StatementBatch | None = None) -> Statement:
    return Statement(report_connection(), batch)


def where(conditions: Iterable[str]) -> str:
    """``WHERE a AND b`` for the non-empty conditions, or nothing."""
    kept = [condition for condition in conditions if condition]
    return f"WHERE {' AND '.join(kept)}" if kept else ""


def as_int(value: Any) -> int:
    return int(value or 0)


def as_hours(value: Any) -> float | None:
    """An average number of hours (PostgreSQL gives a Decimal), rounded to hundredths."""
    if value is None:
        return None
    return round(float(value), 2)
