"""The monthly Collaboration Analysis Report (协作分析报告) for management, DOMAIN.md step 6.

A background job (``workers/reports.py``) builds the report of a Beijing calendar month:
on the first day of each month for the month before (``crossflow/scheduler.py``), and
whenever the admin asks (``generateAnalysisReport``). It gathers the month's figures with
the same grouped statements as ``reports { … }`` plus the feedback and suggestion texts,
renders an HTML page with charts and an Excel workbook, and stores both in the month's row:
building again replaces them, so running the job twice (two schedulers) is harmless.
"""

from __future__ import annotations

from dataclasses import dataclass

from tortoise.exceptions import IntegrityError
from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from core import actor_refs, clock, outbox
from core.tabular import XLSX_MEDIA_TYPE
from models import AnalysisReport
from models.enums import AnalysisReportStatus
from resolvers import audit
from resolvers.access import policy
from resolvers.access.auth import Viewer
from resolvers.access.scope import scoped
from resolvers.archives.handoffs import tell_executives_report_ready
from resolvers.errors import BadUserInput, NotFound
from resolvers.reports import analysis_html, analysis_workbook
from resolvers.reports.analysis_month import MonthAnalysis, collect, month_key
from resolvers.reports.analysis_month import (
    previous_month as previous_month,  # read by the scheduler
)
from resolvers.workflow import NOT_FOUND_MESSAGE

#: The Dramatiq actor that builds a report (``workers/reports.py``), staged by name.
ACTOR = actor_refs.BUILD_ANALYSIS_REPORT
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
    key = month_key(month)
    analysis = await collect(key)
    html = analysis_html.render_html(analysis)
    xlsx = analysis_workbook.render_workbook(analysis)
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
    """The stored reports in the viewer's scope (``admin_and_executive``), FORBIDDEN to
    others, without their documents: the resolver's rows and the compiled path's."""
    policy.require_analysis_reader(viewer)
    return scoped(AnalysisReport, viewer).only(*LIST_FIELDS)


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
