"""Lead-time reports: how long things took, as a count and an average in hours.

Each is the same grouped statement over a different pair of timestamps, so one query
builder (:func:`_lead_times`) serves task cycle time, requirement cycle time, review and
acceptance lead time. Scope and period as in ``resolvers/reports/aggregates.py``.
"""

from __future__ import annotations

from resolvers.reports.rows import LeadTimeRow, department_fields
from resolvers.reports.scope import ReportScope
from resolvers.reports.sql import as_hours, as_int, statement, where


async def _lead_times(
    sql_from: str, department: str, later: str, earlier: str, scope: ReportScope
) -> list[LeadTimeRow]:
    """Count and average hours from ``earlier`` to ``later``, finished in the period."""
    sql = statement()
    filters = where(
        [
            f"{later} IS NOT NULL",
            f"{earlier} IS NOT NULL",
            *sql.within(later, scope.period),
            *sql.among(department, scope.departments),
        ]
    )
    rows = await sql.rows(
        f"SELECT {department} AS department_id, d.code AS department_code,"
        " d.name AS department_name, COUNT(*) AS count,"
        f" AVG({sql.hours(later, earlier)}) AS average_hours"
        f" FROM {sql_from} JOIN department d ON d.id = {department}"
        f" {filters}"
        f" GROUP BY {department}, d.code, d.name, d.sort_order"
        f" ORDER BY d.sort_order, {department}"
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
    return await _lead_times(
        "task t", "t.executing_department_id", "t.completed_at", "t.started_at", scope
    )


async def requirement_cycle_time(scope: ReportScope) -> list[LeadTimeRow]:
    """Requirements completed in the period: hours from first submission to completion.

    The first submission is when review round 1 opened (``submitted_at`` moves with each
    resubmission), by the initiating department.
    """
    first = "COALESCE(rr.opened_at, r.submitted_at)"
    return await _lead_times(
        "requirement r LEFT JOIN review_round rr ON rr.requirement_id = r.id AND rr.number = 1",
        "r.initiating_department_id",
        "r.completed_at",
        first,
        scope,
    )


async def review_lead_time(scope: ReportScope) -> list[LeadTimeRow]:
    """Reviews signed in the period: hours from the round opening to the signature."""
    return await _lead_times(
        "review v JOIN review_round rr ON rr.id = v.round_id",
        "v.department_id",
        "v.signed_at",
        "rr.opened_at",
        scope,
    )


async def acceptance_lead_time(scope: ReportScope) -> list[LeadTimeRow]:
    """Results decided in the period: hours from submission to the acceptance decision."""
    return await _lead_times(
        "task_result x JOIN task t ON t.id = x.task_id",
        "t.executing_department_id",
        "x.decided_at",
        "x.created_at",
        scope,
    )
