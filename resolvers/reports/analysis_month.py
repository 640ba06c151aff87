"""The figures of one month's Collaboration Analysis Report, gathered once and read by the
renderers.

The HTML page (``analysis_html``) and the workbook (``analysis_workbook``) render what this
module collects, and ``analysis`` (the use cases: queue, build, read) calls both renderers:
keeping the data apart from the use cases is what lets each renderer import it at the top
without a circle back through ``analysis``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from tortoise.expressions import Q

from core import clock
from models import FeedbackItem, FeedbackItemDepartment, Suggestion
from models.enums import FeedbackKind, SuggestionStatus
from resolvers.reports import aggregates as reports
from resolvers.reports.aggregates import ReportScope


@dataclass(frozen=True)
class FeedbackText:
    """One feedback item of the month as written (表扬, 问题, 建议)."""

    kind: FeedbackKind
    code: str
    requirement_code: str
    requirement_title: str
    author_department: str
    departments: str
    content: str
    proposal: str
    created_at: datetime


@dataclass(frozen=True)
class SuggestionText:
    """An improvement suggestion raised or evaluated in the month, with its evaluation."""

    code: str
    department: str
    pain_point: str
    proposal: str
    expected_effect: str
    status: SuggestionStatus
    evaluation_note: str
    evaluated_at: datetime | None
    created_at: datetime


@dataclass
class MonthAnalysis:
    """Everything the report of one month shows."""

    month: str
    generated_at: datetime
    requirements: list[reports.RequirementFlowRow] = field(default_factory=list)
    tasks: list[reports.TaskStatusRow] = field(default_factory=list)
    overdue: list[reports.OverdueRow] = field(default_factory=list)
    task_cycle: list[reports.LeadTimeRow] = field(default_factory=list)
    requirement_cycle: list[reports.LeadTimeRow] = field(default_factory=list)
    review: list[reports.LeadTimeRow] = field(default_factory=list)
    acceptance: list[reports.LeadTimeRow] = field(default_factory=list)
    collaboration: list[reports.CollaborationRow] = field(default_factory=list)
    feedback_counts: list[reports.FeedbackRow] = field(default_factory=list)
    feedback: list[FeedbackText] = field(default_factory=list)
    suggestions: list[SuggestionText] = field(default_factory=list)

    @property
    def title(self) -> str:
        year, month = self.month.split("-")
        return f"{year}年{int(month)}月 协作分析报告"

    def summary(self) -> dict[str, Any]:
        """The headline numbers, from the aggregate rows (a dozen departments at most)."""
        known = sum(r.overdue + r.completed_late + r.completed_on_time for r in self.overdue)
        late = sum(r.overdue + r.completed_late for r in self.overdue)
        answered = [r for r in self.collaboration if r.average_hours_to_answer is not None]
        weight = sum(r.answered for r in answered)
        return {
            "requirementsRaised": sum(r.raised for r in self.requirements),
            "requirementsCompleted": sum(r.completed for r in self.requirements),
            "tasksCreated": sum(r.count for r in self.tasks),
            "tasksDue": sum(r.tasks for r in self.overdue),
            "overdueRate": round(late / known, 4) if known else None,
            "collaborationRequests": sum(r.count for r in self.collaboration),
            "collaborationOpen": sum(r.open for r in self.collaboration),
            "averageHoursToAnswer": round(
                sum((r.average_hours_to_answer or 0) * r.answered for r in answered) / weight, 2
            )
            if weight
            else None,
            "feedback": len(self.feedback),
            "suggestions": len(self.suggestions),
        }


def month_key(value: str, field_name: str = "month") -> str:
    """The canonical ``YYYY-MM`` of a month, or BAD_USER_INPUT naming the field."""
    year, month = reports.parse_month(value, field_name)
    return f"{year:04d}-{month:02d}"


def previous_month(moment: datetime | None = None) -> str:
    """The Beijing calendar month before the one ``moment`` (default: now) falls in."""
    local = (moment or clock.now()).astimezone(clock.BUSINESS_TZ)
    year, month = (local.year - 1, 12) if local.month == 1 else (local.year, local.month - 1)
    return f"{year:04d}-{month:02d}"


async def collect(month: str) -> MonthAnalysis:
    """The month's figures for every department (the report is for management)."""
    scope = ReportScope(reports.month_period(*reports.parse_month(month)), None)
    return MonthAnalysis(
        month=month,
        generated_at=clock.now(),
        requirements=await reports.requirements_by_department(scope),
        tasks=await reports.tasks_by_status(scope),
        overdue=await reports.overdue_by_department(scope),
        task_cycle=await reports.task_cycle_time(scope),
        requirement_cycle=await reports.requirement_cycle_time(scope),
        review=await reports.review_lead_time(scope),
        acceptance=await reports.acceptance_lead_time(scope),
        collaboration=await reports.collaboration_response_times(scope),
        feedback_counts=await reports.feedback_by_kind(scope),
        feedback=await _feedback_texts(scope),
        suggestions=await _suggestions(scope),
    )


async def _feedback_texts(scope: ReportScope) -> list[FeedbackText]:
    """The month's feedback items as written, with the departments each names (two
    statements); each item of a form is its own text, under its own kind."""
    start, end = scope.period.start, scope.period.end
    rows = (
        await FeedbackItem.filter(feedback__created_at__gte=start, feedback__created_at__lt=end)
        .order_by("kind", "feedback_id", "position")
        .values(
            "id",
            "kind",
            "content",
            "proposal",
            "feedback__code",
            "feedback__created_at",
            "feedback__requirement__code",
            "feedback__requirement__title",
            "feedback__author_department__name",
        )
    )
    named: dict[int, list[str]] = {}
    links = (
        await FeedbackItemDepartment.filter(item_id__in=[row["id"] for row in rows])
        .order_by("id")
        .values_list("item_id", "department__name")
    )
    for item_id, name in links:
        named.setdefault(int(item_id), []).append(str(name))
    return [
        FeedbackText(
            kind=FeedbackKind(row["kind"]),
            code=row["feedback__code"],
            requirement_code=row["feedback__requirement__code"] or "",
            requirement_title=row["feedback__requirement__title"] or "",
            author_department=row["feedback__author_department__name"] or "",
            departments="、".join(named.get(row["id"], [])),
            content=row["content"],
            proposal=row["proposal"],
            created_at=row["feedback__created_at"],
        )
        for row in rows
    ]


async def _suggestions(scope: ReportScope) -> list[SuggestionText]:
    """Suggestions raised or evaluated in the month."""
    start, end = scope.period.start, scope.period.end
    rows = (
        await Suggestion.filter(
            Q(created_at__gte=start, created_at__lt=end)
            | Q(evaluated_at__gte=start, evaluated_at__lt=end)
        )
        .order_by("id")
        .values(
            "code",
            "department__name",
            "pain_point",
            "proposal",
            "expected_effect",
            "status",
            "evaluation_note",
            "evaluated_at",
            "created_at",
        )
    )
    return [
        SuggestionText(
            code=row["code"],
            department=row["department__name"] or "",
            pain_point=row["pain_point"],
            proposal=row["proposal"],
            expected_effect=row["expected_effect"],
            status=SuggestionStatus(row["status"]),
            evaluation_note=row["evaluation_note"],
            evaluated_at=row["evaluated_at"],
            created_at=row["created_at"],
        )
        for row in rows
    ]
