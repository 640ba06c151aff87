"""What a report covers: a period of Beijing dates or months, and the departments in scope.

The request (``ReportFilter``) is checked against the viewer's rights once
(:func:`scope_for`, rules in ``resolvers/access/policy.py``) and becomes a ``ReportScope`` that
every report function of ``resolvers/reports/aggregates.py`` takes, with the snapshot whose
figures it reads (``resolvers/reports/snapshots.py``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from core import clock
from resolvers.access import policy
from resolvers.access.auth import Viewer
from resolvers.errors import BadUserInput
from resolvers.reports.batch import StatementBatch
from resolvers.reports.snapshots import SnapshotChoice, reading
from resolvers.reports.sql import Period

MONTH_PATTERN = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")


@dataclass(frozen=True)
class ReportFilter:
    """What a caller asks for: Beijing dates (both inclusive) or one month, and departments."""

    start: date | None = None
    end: date | None = None
    month: str | None = None
    department_ids: list[int] | None = None


@dataclass(frozen=True)
class ReportScope:
    """A report request checked against the viewer: the period and the departments."""

    period: Period = field(default_factory=Period)
    #: ``None``: every department.
    departments: frozenset[int] | None = None
    #: Read the newest refreshed figures (``snapshots.py``); ``None``: compute from the tables.
    snapshot: SnapshotChoice | None = None
    #: Runs the statements of reports read side by side as one (``batch.py``).
    batch: StatementBatch = field(default_factory=StatementBatch, compare=False)


def parse_month(value: str, field_name: str = "month") -> tuple[int, int]:
    """``(year, month)`` of ``YYYY-MM``, or BAD_USER_INPUT naming the field."""
    match = MONTH_PATTERN.match(value.strip())
    if match is None:
        raise BadUserInput(f"{field_name}应为YYYY-MM格式 (month must be YYYY-MM)", field=field_name)
    return int(match.group(1)), int(match.group(2))


def start_of_day(day: date) -> datetime:
    """Midnight in Beijing of ``day``, as a UTC instant."""
    return datetime.combine(day, time(), clock.BUSINESS_TZ).astimezone(UTC)


def month_period(year: int, month: int) -> Period:
    """The instants of a Beijing calendar month."""
    following = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return Period(start_of_day(date(year, month, 1)), start_of_day(following))


def period_of(report_filter: ReportFilter) -> Period:
    """The instants a filter covers: a month, or from ``start`` to the end of ``end``."""
    if report_filter.month is not None:
        if report_filter.start is not None or report_filter.end is not None:
            raise BadUserInput("month不能与from/to同时使用 (month or from/to)", field="month")
        return month_period(*parse_month(report_filter.month))
    if report_filter.start and report_filter.end and report_filter.start > report_filter.end:
        raise BadUserInput("to不能早于from (to is before from)", field="to")
    return Period(
        start_of_day(report_filter.start) if report_filter.start else None,
        start_of_day(report_filter.end + timedelta(days=1)) if report_filter.end else None,
    )


async def scope_for(viewer: Viewer, report_filter: ReportFilter | None = None) -> ReportScope:
    """Check the viewer's report rights and narrow the request to what they may read.

    The scope reads the newest refreshed snapshot when there is one (the API and the
    downloads), live figures otherwise; which one is decided at its first report read.
    """
    allowed = await policy.report_departments(viewer)
    watched = reading()
    if watched is not None:
        watched.allowed.add(allowed)
    report_filter = report_filter or ReportFilter()
    departments = allowed
    if report_filter.department_ids is not None:
        asked = frozenset(report_filter.department_ids)
        departments = asked if allowed is None else asked & allowed
    return ReportScope(period_of(report_filter), departments, SnapshotChoice())
