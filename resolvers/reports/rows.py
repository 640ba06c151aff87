"""The rows of the built-in reports (报表): one frozen dataclass per report shape.

The GraphQL types (``schema/reports/aggregates.py``), the downloads and the monthly
analysis read these fields; a column added here is a column of every download.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from models.enums import FeedbackKind, TaskStatus


@dataclass(frozen=True)
class RequirementFlowRow:
    """Requirements first submitted (raised) and completed in the period, by department."""

    department_id: int
    department_code: str
    department_name: str
    raised: int
    completed: int


@dataclass(frozen=True)
class TaskStatusRow:
    """Tasks created in a month, by executing department and current status."""

    month: str
    department_id: int
    department_code: str
    department_name: str
    status: TaskStatus
    count: int


@dataclass(frozen=True)
class OverdueRow:
    """Tasks whose deadline falls in the period, by executing department."""

    department_id: int
    department_code: str
    department_name: str
    tasks: int
    overdue: int
    completed_late: int
    completed_on_time: int
    not_yet_due: int
    overdue_rate: float | None


@dataclass(frozen=True)
class LeadTimeRow:
    """How many things finished in the period and their average duration in hours."""

    department_id: int
    department_code: str
    department_name: str
    count: int
    average_hours: float | None


@dataclass(frozen=True)
class CollaborationRow:
    """Collaboration requests raised in the period, from one department to another."""

    from_department_id: int | None
    from_department_code: str | None
    from_department_name: str | None
    to_department_id: int
    to_department_code: str
    to_department_name: str
    count: int
    answered: int
    open: int
    average_hours_to_answer: float | None


@dataclass(frozen=True)
class FeedbackRow:
    """Feedback given in the period, by kind and the department it is about."""

    kind: FeedbackKind
    department_id: int | None
    department_code: str | None
    department_name: str | None
    count: int


def department_fields(row: dict[str, Any], prefix: str = "department") -> dict[str, Any]:
    """The id, code and name columns of one department in a result row, by their prefix."""
    return {
        f"{prefix}_id": row[f"{prefix}_id"],
        f"{prefix}_code": row[f"{prefix}_code"],
        f"{prefix}_name": row[f"{prefix}_name"],
    }
