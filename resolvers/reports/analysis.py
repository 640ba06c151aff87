"""The monthly Collaboration Analysis Report (协作分析报告) for management, DOMAIN.md step 6.

A background job (``workers/reports.py``) builds the report of a Beijing calendar month:
on the first day of each month for the month before (``crossflow/scheduler.py``), and
whenever the admin asks (``generateAnalysisReport``). It gathers the month's figures with
the same grouped statements as ``reports { … }`` plus the feedback and suggestion texts,
renders an HTML page with charts and an Excel workbook, and stores both in the month's row:
building again replaces them, so running the job twice (two schedulers) is harmless.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.expressions import Q
from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from core import clock, outbox
from core.tabular import XLSX_MEDIA_TYPE
from models import AnalysisReport, FeedbackItem, FeedbackItemDepartment, Suggestion
from models.enums import AnalysisReportStatus, FeedbackKind, SuggestionStatus
from resolvers import audit
from resolvers.access import policy
from resolvers.access.auth import Viewer
from resolvers.archives.handoffs import tell_executives_report_ready
from resolvers.errors import BadUserInput, NotFound
from resolvers.reports import aggregates as reports
from resolvers.reports.aggregates import ReportScope
from resolvers.workflow import NOT_FOUND_MESSAGE

#: The Dramatiq actor that builds a report (``workers/reports.py``), staged by name.
ACTOR = "build_analysis_report"
#: The columns a list of reports reads: never the stored documents themselves.
LIST_FIELDS = (
    "id",
    "month",
    "status",
    "summary",
    "requested_by_id",
    "requested_at",
    "generated_at",
    "error",
    "created_at",
    "updated_at",
)


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


async def request_analysis_report(viewer: Viewer, month: str) -> AnalysisReport:
    """The admin asks for a month's report: queued now, built by the background job.

    The row is marked QUEUED and the job staged in the same transaction (the outbox), so a
    crash between the two loses nothing. A report already built stays downloadable until
    the new build replaces it.
    """
    policy.require_writer(viewer)
    policy.require_admin(viewer)
    key = month_key(month)
    if key > clock.today().strftime("%Y-%m"):
        raise BadUserInput("不能生成未来月份的报告 (the month has not begun)", field="month")
    for attempt in (1, 2):
        try:
            report = await _queue(viewer, key)
            break
        except IntegrityError:  # another admin created the row meanwhile: update it instead
            if attempt == 2:
                raise
    outbox.kick()
    return report


async def _queue(viewer: Viewer, key: str) -> AnalysisReport:
    async with in_transaction() as conn:
        report = await AnalysisReport.filter(month=key).using_db(conn).select_for_update().first()
        previous = report.status if report is not None else ""
        if report is None:
            report = AnalysisReport(month=key)
        report.status = AnalysisReportStatus.QUEUED
        report.requested_by_id = viewer.user_id
        report.requested_at = clock.now()
        await report.save(using_db=conn)
        await outbox.stage(ACTOR, key, using_db=conn)
        await audit.record(
            viewer,
            "analysis_report.generate",
            "AnalysisReport",
            report.id,
            subject_code=key,
            from_state=previous,
            to_state=AnalysisReportStatus.QUEUED,
            using_db=conn,
        )
    return report


async def build_analysis_report(month: str) -> AnalysisReport:
    """Build and store the report of ``month`` (the background job's work), replacing any."""
    from resolvers.reports.analysis_html import render_html
    from resolvers.reports.analysis_workbook import render_workbook

    key = month_key(month)
    analysis = await collect(key)
    html, xlsx = render_html(analysis), render_workbook(analysis)
    for attempt in (1, 2):
        try:
            return await _store(key, analysis, html, xlsx)
        except IntegrityError:  # a second scheduler created the row meanwhile
            if attempt == 2:
                raise
    raise AssertionError("unreachable")


async def _store(key: str, analysis: MonthAnalysis, html: str, xlsx: bytes) -> AnalysisReport:
    async with in_transaction() as conn:
        report = await AnalysisReport.filter(month=key).using_db(conn).select_for_update().first()
        if report is None:
            report = AnalysisReport(month=key)
        newly_ready = report.status != AnalysisReportStatus.READY
        report.html = html
        report.xlsx = xlsx
        report.summary = analysis.summary()
        report.status = AnalysisReportStatus.READY
        report.generated_at = analysis.generated_at
        report.error = ""
        await report.save(using_db=conn)
        if newly_ready:
            await tell_executives_report_ready(report, conn)
    outbox.kick()
    return report


async def mark_failed(month: str, error: BaseException) -> None:
    """Record why a build failed; an earlier successful build stays downloadable."""
    await AnalysisReport.filter(month=month_key(month)).update(
        status=AnalysisReportStatus.FAILED, error=f"{type(error).__name__}: {error}"[:1000]
    )


def analysis_reports(viewer: Viewer) -> QuerySet[AnalysisReport]:
    """The stored reports (ADMIN and EXECUTIVE), without their documents."""
    policy.require_analysis_reader(viewer)
    return AnalysisReport.all().only(*LIST_FIELDS)


@dataclass(frozen=True)
class StoredDocument:
    content: bytes
    media_type: str
    file_name: str


async def stored_document(viewer: Viewer, month: str, kind: str) -> StoredDocument:
    """A built report's HTML page or workbook (ADMIN and EXECUTIVE); NOT_FOUND until built."""
    policy.require_analysis_reader(viewer)
    key = month_key(month)
    column = "html" if kind == "html" else "xlsx"  # read only the document asked for
    rows = await AnalysisReport.filter(month=key, generated_at__not_isnull=True).values_list(
        column, flat=True
    )
    if not rows:
        raise NotFound(NOT_FOUND_MESSAGE)
    if kind == "html":
        return StoredDocument(
            str(rows[0]).encode(), "text/html; charset=utf-8", f"协作分析报告-{key}.html"
        )
    return StoredDocument(bytes(rows[0] or b""), XLSX_MEDIA_TYPE, f"协作分析报告-{key}.xlsx")
