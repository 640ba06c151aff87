"""Reports and aggregates for management and BI (报表): grouped counts and lead times.

Every report is one grouped SQL statement (``GROUP BY`` with conditional counts and
averages), so its cost is a handful of result rows whatever the number of tasks; no row
of the underlying tables is read into Python. The same functions serve the GraphQL
``reports { … }`` fields, the CSV/JSON/XLSX downloads under ``/reports/`` and the monthly
analysis report, with the same scope: :func:`resolvers.access.policy.report_departments`.

Departments are the executing department for tasks, the initiating department for
requirements, the reviewing department for reviews, and the departments a feedback names.
Months and dates are Beijing calendar months and dates.

This module holds the counting reports and the catalogue of downloads (``BUILT_IN``); the
row shapes are in ``rows.py`` and the lead-time reports in ``lead_times.py``.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from core import clock
from models.enums import CollaborationStatus, FeedbackKind, TaskStatus
from resolvers.reports import cells
from resolvers.reports.lead_times import (
    acceptance_lead_time,
    requirement_cycle_time,
    review_lead_time,
    task_cycle_time,
)
from resolvers.reports.rows import (
    CollaborationRow,
    FeedbackRow,
    LeadTimeRow,
    OverdueRow,
    RequirementFlowRow,
    TaskStatusRow,
    department_fields,
)
from resolvers.reports.scope import (
    ReportFilter,
    ReportScope,
    month_period,
    parse_month,
    period_of,
    scope_for,
)
from resolvers.reports.sql import (
    LAST_IF_NULL,
    as_hours,
    as_int,
    statement,
    status_order,
    where,
)

#: The report functions and row types of ``lead_times`` and ``rows`` are named here too:
#: this module is the one door to the reports for the API, the downloads and the analysis.
__all__ = [
    "BUILT_IN",
    "CollaborationRow",
    "FeedbackRow",
    "LeadTimeRow",
    "OverdueRow",
    "ReportFilter",
    "ReportScope",
    "RequirementFlowRow",
    "TaskStatusRow",
    "acceptance_lead_time",
    "collaboration_response_times",
    "feedback_by_kind",
    "freshness",
    "month_period",
    "overdue_by_department",
    "parse_month",
    "period_of",
    "requirement_cycle_time",
    "requirements_by_department",
    "review_lead_time",
    "scope_for",
    "task_cycle_time",
    "tasks_by_status",
]


async def requirements_by_department(scope: ReportScope) -> list[RequirementFlowRow]:
    """Requirements raised (first submitted) and completed in the period, by initiating department.

    A requirement is raised when review round 1 opens; ``submitted_at`` moves with each
    resubmission and only stands in for rows without rounds.
    """
    rows = await cells.either(scope, "requirements", cells.requirements, _live_requirements)
    return [
        RequirementFlowRow(
            **department_fields(row),
            raised=as_int(row["raised"]),
            completed=as_int(row["completed"]),
        )
        for row in rows
    ]


async def _live_requirements(scope: ReportScope) -> list[dict[str, Any]]:
    sql = statement(scope.batch)
    raised_at = "COALESCE(rr.opened_at, r.submitted_at)"

    def inside(column: str) -> str:
        return " AND ".join([f"{column} IS NOT NULL", *sql.within(column, scope.period)])

    raised, completed = inside(raised_at), inside("r.completed_at")
    either = f"(({raised}) OR ({completed}))"
    filters = where([either, *sql.among("r.initiating_department_id", scope.departments)])
    return await sql.rows(
        "SELECT r.initiating_department_id AS department_id, d.code AS department_code,"
        " d.name AS department_name,"
        f" SUM(CASE WHEN {raised} THEN 1 ELSE 0 END) AS raised,"
        f" SUM(CASE WHEN {completed} THEN 1 ELSE 0 END) AS completed"
        " FROM requirement r"
        " LEFT JOIN review_round rr ON rr.requirement_id = r.id AND rr.number = 1"
        " JOIN department d ON d.id = r.initiating_department_id"
        f" {filters}"
        " GROUP BY r.initiating_department_id, d.code, d.name, d.sort_order"
        " ORDER BY d.sort_order, r.initiating_department_id"
    )


async def tasks_by_status(scope: ReportScope) -> list[TaskStatusRow]:
    """Task counts by creation month × executing department × current status."""
    rows = await cells.either(
        scope, "tasks_by_status", cells.tasks_by_status, _live_tasks_by_status
    )
    return [
        TaskStatusRow(
            month=row["month"],
            **department_fields(row),
            status=TaskStatus(row["status"]),
            count=as_int(row["count"]),
        )
        for row in rows
    ]


async def _live_tasks_by_status(scope: ReportScope) -> list[dict[str, Any]]:
    sql = statement(scope.batch)
    month = sql.month("t.created_at")
    filters = where(
        [
            *sql.within("t.created_at", scope.period),
            *sql.among("t.executing_department_id", scope.departments),
        ]
    )
    return await sql.rows(
        f"SELECT {month} AS month, t.executing_department_id AS department_id,"
        " d.code AS department_code, d.name AS department_name, t.status AS status,"
        " COUNT(*) AS count"
        " FROM task t JOIN department d ON d.id = t.executing_department_id"
        f" {filters}"
        f" GROUP BY {month}, t.executing_department_id, d.code, d.name, d.sort_order, t.status"
        f" ORDER BY month, d.sort_order, t.executing_department_id, {status_order('t.status')}"
    )


async def overdue_by_department(scope: ReportScope) -> list[OverdueRow]:
    """Tasks due in the period: overdue now, completed late or on time, not yet due.

    The overdue rate is (overdue + completed late) over the tasks whose outcome is known
    (every task due in the period except those whose deadline is still ahead), ``None``
    when there are none. Read from a snapshot, "now" is the instant of its refresh.
    """
    rows = await cells.either(scope, "overdue", cells.overdue, _live_overdue)
    result = []
    for row in rows:
        tasks, overdue = as_int(row["tasks"]), as_int(row["overdue"])
        late, on_time = as_int(row["completed_late"]), as_int(row["completed_on_time"])
        known = overdue + late + on_time
        result.append(
            OverdueRow(
                **department_fields(row),
                tasks=tasks,
                overdue=overdue,
                completed_late=late,
                completed_on_time=on_time,
                not_yet_due=tasks - known,
                overdue_rate=round((overdue + late) / known, 4) if known else None,
            )
        )
    return result


async def _live_overdue(scope: ReportScope) -> list[dict[str, Any]]:
    sql = statement(scope.batch)
    now = sql.param(clock.now())
    done = sql.param(TaskStatus.COMPLETED.value)
    filters = where(
        [
            "t.deadline IS NOT NULL",
            *sql.within("t.deadline", scope.period),
            *sql.among("t.executing_department_id", scope.departments),
        ]
    )
    return await sql.rows(
        "SELECT t.executing_department_id AS department_id, d.code AS department_code,"
        " d.name AS department_name, COUNT(*) AS tasks,"
        f" SUM(CASE WHEN t.status <> {done} AND t.deadline < {now} THEN 1 ELSE 0 END)"
        " AS overdue,"
        f" SUM(CASE WHEN t.status = {done} AND t.completed_at > t.deadline THEN 1 ELSE 0 END)"
        " AS completed_late,"
        f" SUM(CASE WHEN t.status = {done} AND t.completed_at <= t.deadline THEN 1 ELSE 0 END)"
        " AS completed_on_time"
        " FROM task t JOIN department d ON d.id = t.executing_department_id"
        f" {filters}"
        " GROUP BY t.executing_department_id, d.code, d.name, d.sort_order"
        " ORDER BY d.sort_order, t.executing_department_id"
    )


async def collaboration_response_times(scope: ReportScope) -> list[CollaborationRow]:
    """The department × department matrix of collaboration requests raised in the period.

    A DEPT_HEAD sees the cells where their department asks or is asked.
    """
    rows = await cells.either(scope, "collaboration", cells.collaboration, _live_collaboration)
    return [
        CollaborationRow(
            **department_fields(row, "from_department"),
            **department_fields(row, "to_department"),
            count=as_int(row["count"]),
            answered=as_int(row["answered"]),
            open=as_int(row["open_count"]),
            average_hours_to_answer=as_hours(row["average_hours"]),
        )
        for row in rows
    ]


async def _live_collaboration(scope: ReportScope) -> list[dict[str, Any]]:
    sql = statement(scope.batch)
    hours = sql.hours("c.answered_at", "c.created_at")
    open_status = sql.param(CollaborationStatus.OPEN.value)
    department_filter: list[str] = []
    if scope.departments is not None:
        asked = sql.among("c.from_department_id", scope.departments)
        answering = sql.among("c.to_department_id", scope.departments)
        department_filter = [f"({asked[0]} OR {answering[0]})"]
    filters = where([*sql.within("c.created_at", scope.period), *department_filter])
    return await sql.rows(
        "SELECT c.from_department_id AS from_department_id, fd.code AS from_department_code,"
        " fd.name AS from_department_name, c.to_department_id AS to_department_id,"
        " td.code AS to_department_code, td.name AS to_department_name, COUNT(*) AS count,"
        " SUM(CASE WHEN c.answered_at IS NOT NULL THEN 1 ELSE 0 END) AS answered,"
        f" SUM(CASE WHEN c.status = {open_status} THEN 1 ELSE 0 END) AS open_count,"
        f" AVG(CASE WHEN c.answered_at IS NOT NULL THEN {hours} END) AS average_hours"
        " FROM collaboration_request c"
        " LEFT JOIN department fd ON fd.id = c.from_department_id"
        " JOIN department td ON td.id = c.to_department_id"
        f" {filters}"
        " GROUP BY c.from_department_id, fd.code, fd.name, fd.sort_order,"
        " c.to_department_id, td.code, td.name, td.sort_order"
        f" ORDER BY {LAST_IF_NULL.format('fd.sort_order')}, c.from_department_id,"
        " td.sort_order, c.to_department_id"
    )


async def feedback_by_kind(scope: ReportScope) -> list[FeedbackRow]:
    """Feedback item counts by kind and the department the item names (none: names no
    department), given in the period: a form with praise and a problem counts once for each."""
    rows = await cells.either(scope, "feedback", cells.feedback, _live_feedback)
    return [
        FeedbackRow(
            kind=FeedbackKind(row["kind"]), **department_fields(row), count=as_int(row["count"])
        )
        for row in rows
    ]


async def _live_feedback(scope: ReportScope) -> list[dict[str, Any]]:
    sql = statement(scope.batch)
    filters = where(
        [
            *sql.within("f.created_at", scope.period),
            *sql.among("fd.department_id", scope.departments),
        ]
    )
    return await sql.rows(
        "SELECT i.kind AS kind, fd.department_id AS department_id, d.code AS department_code,"
        " d.name AS department_name, COUNT(DISTINCT i.id) AS count"
        " FROM feedback_item i JOIN feedback f ON f.id = i.feedback_id"
        " LEFT JOIN feedback_item_department fd ON fd.item_id = i.id"
        " LEFT JOIN department d ON d.id = fd.department_id"
        f" {filters}"
        " GROUP BY i.kind, fd.department_id, d.code, d.name, d.sort_order"
        f" ORDER BY i.kind, {LAST_IF_NULL.format('d.sort_order')}, fd.department_id"
    )


async def freshness(scope: ReportScope) -> tuple[datetime, bool]:
    """When the figures read through ``scope`` were true, and whether they were computed live.

    The refresh of the snapshot they were read from, or now when computed from the tables.
    """
    snapshot = await scope.snapshot.get() if scope.snapshot is not None else None
    return (clock.now(), True) if snapshot is None else (snapshot.refreshed_at, False)


ReportFunction = Callable[[ReportScope], Awaitable[list[Any]]]


@dataclass(frozen=True)
class BuiltInReport:
    """A report that can be downloaded by name: its use case and the type of its rows."""

    function: ReportFunction
    row_type: type[Any]


#: The built-in reports by the name of their download (``/reports/<name>.csv``).
BUILT_IN: dict[str, BuiltInReport] = {
    "requirements-by-department": BuiltInReport(requirements_by_department, RequirementFlowRow),
    "task-status-by-department": BuiltInReport(tasks_by_status, TaskStatusRow),
    "overdue-by-department": BuiltInReport(overdue_by_department, OverdueRow),
    "collaboration-response-times": BuiltInReport(collaboration_response_times, CollaborationRow),
    "task-cycle-time": BuiltInReport(task_cycle_time, LeadTimeRow),
    "requirement-cycle-time": BuiltInReport(requirement_cycle_time, LeadTimeRow),
    "review-lead-time": BuiltInReport(review_lead_time, LeadTimeRow),
    "acceptance-lead-time": BuiltInReport(acceptance_lead_time, LeadTimeRow),
    "feedback-by-kind": BuiltInReport(feedback_by_kind, FeedbackRow),
}
