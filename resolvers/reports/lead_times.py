"""Lead-time reports: how long things took, as a count and an average in hours.

Each is the same grouped statement over a different pair of timestamps (``LEAD_TIMES`` in
``measures.py``, one definition for the live statement and the snapshot's cells), so one
query builder (:func:`_lead_times`) serves task cycle time, requirement cycle time, review
and acceptance lead time. Scope and period as in ``resolvers/reports/aggregates.py``.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from resolvers.reports import cells
from resolvers.reports.measures import LEAD_TIMES, LeadTime
from resolvers.reports.rows import LeadTimeRow, department_fields
from resolvers.reports.scope import ReportScope
from resolvers.reports.sql import as_hours, as_int, statement, where


async def _live(lead: LeadTime, scope: ReportScope) -> list[dict[str, Any]]:
    """Count and average hours from ``earlier`` to ``later``, finished in the period."""
    sql = statement(scope.batch)
    later, department = lead.later, lead.department
    filters = where(
        [
            f"{later} IS NOT NULL",
            f"{lead.earlier} IS NOT NULL",
            *sql.within(later, scope.period),
            *sql.among(department, scope.departments),
        ]
    )
    return await sql.rows(
        f"SELECT {department} AS department_id, d.code AS department_code,"
        " d.name AS department_name, COUNT(*) AS count,"
        f" AVG({sql.hours(later, lead.earlier)}) AS average_hours"
        f" FROM {lead.sql_from} JOIN department d ON d.id = {department}"
        f" {filters}"
        f" GROUP BY {department}, d.code, d.name, d.sort_order"
        f" ORDER BY d.sort_order, {department}"
    )


async def _lead_times(name: str, scope: ReportScope) -> list[LeadTimeRow]:
    """The rows of one lead time, from the snapshot when it covers the scope, else live."""
    rows = await cells.either(
        scope,
        name,
        partial(cells.lead_times, name),
        partial(_live, LEAD_TIMES[name]),
    )
    return [
        LeadTimeRow(
            **department_fields(row),
            count=as_int(row["count"]),
            average_hours=as_hours(row["average_hours"]),
        )
        for row in rows
    ]


async def task_cycle_time(scope: ReportScope) -> list[LeadTimeRow]:
    """Tasks completed in the period: hours from start to completion, by executing department."""
    return await _lead_times("task_cycle_time", scope)


async def requirement_cycle_time(scope: ReportScope) -> list[LeadTimeRow]:
    """Requirements completed in the period: hours from first submission to completion.

    The first submission is when review round 1 opened (``submitted_at`` moves with each
    resubmission), by the initiating department.
    """
    return await _lead_times("requirement_cycle_time", scope)


async def review_lead_time(scope: ReportScope) -> list[LeadTimeRow]:
    """Reviews signed in the period: hours from the round opening to the signature."""
    return await _lead_times("review_lead_time", scope)


async def acceptance_lead_time(scope: ReportScope) -> list[LeadTimeRow]:
    """Results decided in the period: hours from submission to the acceptance decision."""
    return await _lead_times("acceptance_lead_time", scope)
