"""Reports for management and BI (报表): ``reports { … }`` and saved reports.

Each field of ``Reports`` runs one grouped statement (``resolvers/reports/aggregates.py``)
when it is selected, over the refreshed snapshot's cells (or live before the first refresh);
the rights, the department scope and the snapshot are settled once, in ``reports``. Saved
reports are the allow-list of query documents BI tools pull by name over HTTP.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Annotated, Any

import strawberry
from strawberry import relay
from tortoise.queryset import QuerySet

import models
from core import clock
from resolvers.access.auth import Viewer
from resolvers.keyset import Ordering
from resolvers.reports import aggregates as reports
from resolvers.reports import saved as saved_reports
from resolvers.reports.aggregates import ReportFilter, ReportScope
from schema.access.permissions import CanWrite, SignedIn
from schema.base import Info, ModelNode, load_one
from schema.enums import FeedbackKind, TaskStatus
from schema.ids import decode_id, decode_ids
from schema.pagination import NEWEST_FIRST, After, Connection, First, paginate

if TYPE_CHECKING:
    from schema.people.departments import DepartmentType
    from schema.people.users import UserType

DepartmentRef = Annotated["DepartmentType", strawberry.lazy("schema.people.departments")]
UserRef = Annotated["UserType", strawberry.lazy("schema.people.users")]


@strawberry.input(
    description="The period and departments of a report: Beijing dates or one month (YYYY-MM)"
)
class ReportFilterInput:
    start: date | None = strawberry.field(
        default=None, name="from", description="First Beijing date, inclusive"
    )
    end: date | None = strawberry.field(
        default=None, name="to", description="Last Beijing date, inclusive"
    )
    month: str | None = strawberry.field(
        default=None, description="A Beijing calendar month, e.g. 2026-10 (not with from/to)"
    )
    department_ids: list[strawberry.ID] | None = strawberry.field(
        default=None, description="Only these departments (within what the viewer may read)"
    )

    def to_filter(self) -> ReportFilter:
        return ReportFilter(
            start=self.start,
            end=self.end,
            month=self.month,
            department_ids=None
            if self.department_ids is None
            else decode_ids(self.department_ids, "Department", "departmentIds"),
        )


async def _department(info: Info, pk: int | None) -> Any:
    return await load_one(info, models.Department, pk)


@strawberry.type(
    name="RequirementFlow",
    description="Requirements raised (first submitted) and completed, by initiating department",
)
class RequirementFlowType:
    department_code: str = strawberry.field(description="The department's code")
    department_name: str = strawberry.field(description="The department's Chinese name")
    raised: int = strawberry.field(description="Requirements first submitted in the period")
    completed: int = strawberry.field(description="Requirements completed in the period")

    @strawberry.field(description="The initiating department")
    async def department(self, root: reports.RequirementFlowRow, info: Info) -> DepartmentRef:
        return await _department(info, root.department_id)


@strawberry.type(
    name="TaskStatusByDepartment",
    description="Tasks created in a month (Beijing), by executing department and current status",
)
class TaskStatusByDepartmentType:
    month: str = strawberry.field(description="YYYY-MM, the Beijing month the task was created")
    department_code: str = strawberry.field(description="The department's code")
    department_name: str = strawberry.field(description="The department's Chinese name")
    status: TaskStatus = strawberry.field(description="The tasks' current status")
    count: int = strawberry.field(description="How many tasks")

    @strawberry.field(description="The executing department")
    async def department(self, root: reports.TaskStatusRow, info: Info) -> DepartmentRef:
        return await _department(info, root.department_id)


@strawberry.type(
    name="DepartmentOverdue",
    description="Tasks whose deadline falls in the period, by executing department",
)
class DepartmentOverdueType:
    department_code: str = strawberry.field(description="The department's code")
    department_name: str = strawberry.field(description="The department's Chinese name")
    tasks: int = strawberry.field(description="Tasks due in the period")
    overdue: int = strawberry.field(description="Not completed, deadline passed (延迟)")
    completed_late: int = strawberry.field(description="Completed after their deadline")
    completed_on_time: int = strawberry.field(description="Completed by their deadline")
    not_yet_due: int = strawberry.field(description="Not completed, deadline still ahead")
    overdue_rate: float | None = strawberry.field(
        description="(overdue + completedLate) / (tasks - notYetDue); null when nothing is due yet"
    )

    @strawberry.field(description="The executing department")
    async def department(self, root: reports.OverdueRow, info: Info) -> DepartmentRef:
        return await _department(info, root.department_id)


@strawberry.type(
    name="DepartmentLeadTime",
    description="How many finished in the period, and their average duration in hours",
)
class DepartmentLeadTimeType:
    department_code: str = strawberry.field(description="The department's code")
    department_name: str = strawberry.field(description="The department's Chinese name")
    count: int = strawberry.field(description="How many finished in the period")
    average_hours: float | None = strawberry.field(
        description="Their average duration in hours; null when none finished"
    )

    @strawberry.field(description="The department")
    async def department(self, root: reports.LeadTimeRow, info: Info) -> DepartmentRef:
        return await _department(info, root.department_id)


@strawberry.type(
    name="CollaborationCell",
    description="Collaboration requests raised in the period from one department to another",
)
class CollaborationCellType:
    from_department_code: str | None = strawberry.field(
        description="The asking department's code; null if the asker had none"
    )
    from_department_name: str | None = strawberry.field(description="The asking department's name")
    to_department_code: str = strawberry.field(description="The addressed department's code")
    to_department_name: str = strawberry.field(description="The addressed department's name")
    count: int = strawberry.field(description="Requests raised in the period")
    answered: int = strawberry.field(description="Of those, answered")
    open: int = strawberry.field(description="Not answered yet")
    average_hours_to_answer: float | None = strawberry.field(
        description="Average hours from request to answer; null when none was answered"
    )

    @strawberry.field(description="The asking department")
    async def from_department(
        self, root: reports.CollaborationRow, info: Info
    ) -> DepartmentRef | None:
        return await _department(info, root.from_department_id)

    @strawberry.field(description="The addressed department")
    async def to_department(self, root: reports.CollaborationRow, info: Info) -> DepartmentRef:
        return await _department(info, root.to_department_id)


@strawberry.type(
    name="FeedbackCount",
    description="Feedback given in the period, by kind and the department it names",
)
class FeedbackCountType:
    kind: FeedbackKind = strawberry.field(description="Praise, problem or suggestion")
    department_code: str | None = strawberry.field(
        description="Null for feedback that names no department"
    )
    department_name: str | None = strawberry.field(description="The named department's name")
    count: int = strawberry.field(description="How many feedback forms")

    @strawberry.field(description="The department the feedback names; null if none")
    async def department(self, root: reports.FeedbackRow, info: Info) -> DepartmentRef | None:
        return await _department(info, root.department_id)


@strawberry.type(
    name="Reports",
    description=(
        "Grouped aggregates for management and BI, read from a snapshot the worker refreshes"
        " every minute (asOf says when), computed live before the first refresh. ADMIN,"
        " EXECUTIVE and BI see every department, a DEPT_HEAD their own"
    ),
)
class ReportsType:
    scope: strawberry.Private[ReportScope]
    requested_at: strawberry.Private[datetime]

    @strawberry.field(
        description=(
            "When the figures were true (UTC): the refresh of the snapshot they were read"
            " from, or the time of this request when computed live (see live). Overdue"
            " counts what was overdue at that instant"
        )
    )
    async def as_of(self) -> datetime:
        snapshot = await self.scope.snapshot.get() if self.scope.snapshot else None
        return snapshot.refreshed_at if snapshot is not None else self.requested_at

    @strawberry.field(
        description=(
            "True when computed from the tables for this request (no refresh yet, or SQLite),"
            " false when read from the refreshed snapshot"
        )
    )
    async def live(self) -> bool:
        return self.scope.snapshot is None or await self.scope.snapshot.get() is None

    @strawberry.field(description="Requirements raised and completed, by initiating department")
    async def requirements_by_department(self) -> list[RequirementFlowType]:
        return await reports.requirements_by_department(self.scope)  # type: ignore[return-value]

    @strawberry.field(description="Tasks by status × executing department × creation month")
    async def tasks_by_status(self) -> list[TaskStatusByDepartmentType]:
        return await reports.tasks_by_status(self.scope)  # type: ignore[return-value]

    @strawberry.field(description="Overdue rate of the tasks due in the period, by department")
    async def overdue_by_department(self) -> list[DepartmentOverdueType]:
        return await reports.overdue_by_department(self.scope)  # type: ignore[return-value]

    @strawberry.field(description="Tasks completed in the period: started → completed, hours")
    async def task_cycle_time(self) -> list[DepartmentLeadTimeType]:
        return await reports.task_cycle_time(self.scope)  # type: ignore[return-value]

    @strawberry.field(
        description="Requirements completed in the period: first submitted → completed, hours"
    )
    async def requirement_cycle_time(self) -> list[DepartmentLeadTimeType]:
        return await reports.requirement_cycle_time(self.scope)  # type: ignore[return-value]

    @strawberry.field(
        description="Reviews signed in the period: round opened → signed, hours, by department"
    )
    async def review_lead_time(self) -> list[DepartmentLeadTimeType]:
        return await reports.review_lead_time(self.scope)  # type: ignore[return-value]

    @strawberry.field(
        description="Results decided in the period: submitted → accepted or rejected, hours"
    )
    async def acceptance_lead_time(self) -> list[DepartmentLeadTimeType]:
        return await reports.acceptance_lead_time(self.scope)  # type: ignore[return-value]

    @strawberry.field(
        description="Collaboration requests as a department × department matrix (from → to)"
    )
    async def collaboration_response_times(self) -> list[CollaborationCellType]:
        return await reports.collaboration_response_times(self.scope)  # type: ignore[return-value]

    @strawberry.field(description="Feedback counts by kind and the department it names")
    async def feedback_by_kind(self) -> list[FeedbackCountType]:
        return await reports.feedback_by_kind(self.scope)  # type: ignore[return-value]


@strawberry.type
class ReportQueries:
    @strawberry.field(
        description=(
            "Reports and aggregates (ADMIN, EXECUTIVE, BI; a DEPT_HEAD for their own"
            " department). Others: FORBIDDEN"
        ),
        permission_classes=[SignedIn],
    )
    async def reports(
        self,
        info: Info,
        filter: Annotated[
            ReportFilterInput | None,
            strawberry.argument(description="Period and departments; default: everything"),
        ] = None,
    ) -> ReportsType | None:
        viewer = info.context.require_viewer()
        report_filter = filter.to_filter() if filter is not None else None
        return ReportsType(
            scope=await reports.scope_for(viewer, report_filter), requested_at=clock.now()
        )


@strawberry.type(
    name="SavedReport",
    description=(
        "A named GraphQL query (persisted query) that BI tools pull as"
        " GET /reports/saved/<name>.json or .csv"
    ),
)
class SavedReportType(ModelNode):
    model = models.SavedReport

    id: relay.NodeID[int]
    name: str = strawberry.field(description="The slug in the download address")
    title: str = strawberry.field(description="A human title")
    description: str = strawberry.field(description="What the report shows")
    document: str = strawberry.field(description="The GraphQL query document it runs")
    created_at: datetime = strawberry.field(description="When it was first saved, UTC")
    updated_at: datetime = strawberry.field(description="When it was last saved, UTC")

    @strawberry.field(description="The admin who saved it")
    async def created_by(self, root: models.SavedReport, info: Info) -> UserRef | None:
        return await load_one(info, models.User, root.created_by_id)

    @strawberry.field(description="Download address of the result as JSON (add .csv for CSV)")
    def json_url(self, root: models.SavedReport) -> str:
        return f"/reports/saved/{root.name}.json"


@strawberry.input(description="A saved report: its slug, title and GraphQL query document")
class SaveReportInput:
    name: str = strawberry.field(description="Lower-case letters, digits and hyphens")
    title: str = strawberry.field(description="A human title, 1-200 characters")
    document: str = strawberry.field(description="One query operation (fragments allowed)")
    description: str = strawberry.field(default="", description="What the report shows")


def saved_report_list(viewer: Viewer) -> tuple[QuerySet[models.SavedReport], Ordering]:
    """The rows and order of ``savedReports``: the resolver's and the compiled path's."""
    return saved_reports.saved_reports(viewer), NEWEST_FIRST


@strawberry.type
class SavedReportQueries:
    @strawberry.field(
        description="Saved reports BI tools may pull by name (whoever may read reports)",
        permission_classes=[SignedIn],
    )
    async def saved_reports(
        self, info: Info, first: First = None, after: After = None
    ) -> Connection[SavedReportType]:
        rows, order = saved_report_list(info.context.require_viewer())
        return await paginate(rows, first, after, order=order)


@strawberry.type
class SavedReportMutations:
    @strawberry.mutation(
        description="Save a query under a name, replacing one of the same name, ADMIN only. "
        "Errors: UNAUTHENTICATED; FORBIDDEN (not ADMIN); CONFLICT (saved meanwhile: retry); "
        "BAD_USER_INPUT (name, title, or a document that is not one valid query)",
        permission_classes=[CanWrite],
    )
    async def save_report(
        self,
        info: Info,
        input: Annotated[SaveReportInput, strawberry.argument(description="The report")],
    ) -> SavedReportType:
        viewer = info.context.require_viewer()
        data = saved_reports.SavedReportInput(
            name=input.name,
            title=input.title,
            document=input.document,
            description=input.description,
        )
        graphql_schema = info._raw_info.schema
        return await saved_reports.save_report(viewer, graphql_schema, data)  # type: ignore[return-value]

    @strawberry.mutation(
        description="Delete a saved report, ADMIN only. Errors: UNAUTHENTICATED; FORBIDDEN "
        "(not ADMIN); NOT_FOUND; BAD_USER_INPUT (not a SavedReport id)",
        permission_classes=[CanWrite],
    )
    async def delete_report(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="The report's global id")],
    ) -> SavedReportType:
        viewer = info.context.require_viewer()
        return await saved_reports.delete_report(viewer, decode_id(id, "SavedReport", "id"))  # type: ignore[return-value]
