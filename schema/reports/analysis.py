"""The monthly Collaboration Analysis Report (协作分析报告): listed here, downloaded over HTTP.

The documents themselves are not GraphQL fields: the HTML page and the workbook are
downloaded from ``GET /reports/analysis/<month>.html`` and ``.xlsx`` with the same bearer
token (``crossflow/report_routes.py``).
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry
from strawberry import relay
from strawberry.scalars import JSON
from tortoise.queryset import QuerySet

import models
from resolvers.access.auth import Viewer
from resolvers.keyset import Ordering
from resolvers.reports import analysis
from schema.access.permissions import CanWrite, SignedIn
from schema.base import Info, ModelNode, load_one
from schema.enums import AnalysisReportStatus
from schema.pagination import NEWEST_FIRST, After, Connection, First, paginate

if TYPE_CHECKING:
    from schema.people.users import UserType

UserRef = Annotated["UserType", strawberry.lazy("schema.people.users")]


@strawberry.type(
    name="AnalysisReport",
    description="The monthly Collaboration Analysis Report (协作分析报告) of one Beijing month",
)
class AnalysisReportType(ModelNode):
    model = models.AnalysisReport

    id: relay.NodeID[int]
    month: str = strawberry.field(description="YYYY-MM")
    status: AnalysisReportStatus = strawberry.field(
        description="Of the latest build; a READY report stays downloadable while it is rebuilt"
    )
    requested_at: datetime | None = strawberry.field(
        description="When the latest build was asked for, UTC"
    )
    generated_at: datetime | None = strawberry.field(
        description="When the stored documents were built; null until the first build"
    )
    error: str = strawberry.field(description="Why the latest build failed, if it did")
    created_at: datetime = strawberry.field(description="When it was first asked for, UTC")
    updated_at: datetime = strawberry.field(description="When it last changed, UTC")

    @strawberry.field(description="Headline numbers: requirements, tasks, overdue rate, …")
    def summary(self, root: models.AnalysisReport) -> JSON:
        return root.summary  # type: ignore[return-value]

    @strawberry.field(description="Who asked for the latest build (null: the monthly schedule)")
    async def requested_by(self, root: models.AnalysisReport, info: Info) -> UserRef | None:
        return await load_one(info, models.User, root.requested_by_id)

    @strawberry.field(description="GET with the bearer token: the HTML page with charts")
    def html_url(self, root: models.AnalysisReport) -> str | None:
        return f"/reports/analysis/{root.month}.html" if root.generated_at else None

    @strawberry.field(description="GET with the bearer token: the Excel workbook")
    def xlsx_url(self, root: models.AnalysisReport) -> str | None:
        return f"/reports/analysis/{root.month}.xlsx" if root.generated_at else None


def analysis_report_list(viewer: Viewer) -> tuple[QuerySet[models.AnalysisReport], Ordering]:
    """The rows and order of ``analysisReports``: the resolver's and the compiled path's."""
    return analysis.analysis_reports(viewer), NEWEST_FIRST


@strawberry.type
class AnalysisQueries:
    @strawberry.field(
        description="Monthly Collaboration Analysis Reports (ADMIN and EXECUTIVE), newest first",
        permission_classes=[SignedIn],
    )
    async def analysis_reports(
        self, info: Info, first: First = None, after: After = None
    ) -> Connection[AnalysisReportType]:
        rows, order = analysis_report_list(info.context.require_viewer())
        return await paginate(rows, first, after, order=order)


@strawberry.type
class AnalysisMutations:
    @strawberry.mutation(
        description=(
            'Build (or rebuild) the Collaboration Analysis Report of a month, e.g. "2026-10",'
            " in the background (ADMIN); the report is QUEUED until it is READY. Errors:"
            " UNAUTHENTICATED; FORBIDDEN (not ADMIN); BAD_USER_INPUT (not YYYY-MM, or a month"
            " that has not begun)"
        ),
        permission_classes=[CanWrite],
    )
    async def generate_analysis_report(
        self,
        info: Info,
        month: Annotated[str, strawberry.argument(description="A Beijing month, YYYY-MM")],
    ) -> AnalysisReportType:
        viewer = info.context.require_viewer()
        return await analysis.request_analysis_report(viewer, month)  # type: ignore[return-value]
