"""After the work: result reports, the archive (知识库), feedback and suggestions."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry
from strawberry import relay
from strawberry.scalars import JSON

import models
from resolvers import archives, feedback, listing, results
from schema.base import Info, ModelNode, load_one, load_through
from schema.enums import FeedbackKind, SuggestionStatus
from schema.filters import ArchiveFilter, ArchiveOrder, SuggestionFilter, SuggestionOrder
from schema.ids import decode_id, decode_ids
from schema.pagination import Connection, ordering, paginate
from schema.permissions import CanWrite, SignedIn

if TYPE_CHECKING:
    from schema.departments import DepartmentType
    from schema.requirements import RequirementType
    from schema.tasks import TaskType
    from schema.users import UserType

UserRef = Annotated["UserType", strawberry.lazy("schema.users")]
DepartmentRef = Annotated["DepartmentType", strawberry.lazy("schema.departments")]
RequirementRef = Annotated["RequirementType", strawberry.lazy("schema.requirements")]
TaskRef = Annotated["TaskType", strawberry.lazy("schema.tasks")]


@strawberry.type(name="ResultReport", description="The Collaboration Result Report (协作成果报告)")
class ResultReportType(ModelNode):
    model = models.ResultReport

    id: relay.NodeID[int]
    goal_achievement: str
    contributions: str
    problems: str
    created_at: datetime

    @strawberry.field
    async def requirement(self, root: models.ResultReport, info: Info) -> RequirementRef | None:
        return await load_one(info, models.Requirement, root.requirement_id)

    @strawberry.field
    async def author(self, root: models.ResultReport, info: Info) -> UserRef | None:
        return await load_one(info, models.User, root.author_id)


@strawberry.type(name="Archive", description="A read-only record in the knowledge base (知识库)")
class ArchiveType(ModelNode):
    model = models.Archive

    id: relay.NodeID[int]
    title: str
    summary: str
    created_at: datetime
    updated_at: datetime = strawberry.field(
        description="When this record last changed (UTC); filter or sort by it to load changes"
    )

    @strawberry.field
    async def requirement(self, root: models.Archive, info: Info) -> RequirementRef | None:
        return await load_one(info, models.Requirement, root.requirement_id)

    @strawberry.field
    async def archived_by(self, root: models.Archive, info: Info) -> UserRef | None:
        return await load_one(info, models.User, root.archived_by_id)

    @strawberry.field(description="The whole record as archived: form, tasks, progress, report")
    def snapshot(self, root: models.Archive) -> JSON:
        return root.snapshot  # type: ignore[return-value]


@strawberry.type(name="Feedback", description="The Collaboration Feedback Form (协作反馈表)")
class FeedbackType(ModelNode):
    model = models.Feedback

    id: relay.NodeID[int]
    code: str = strawberry.field(description="Human code, e.g. FK202407001")
    kind: FeedbackKind
    content: str
    proposal: str
    handling_result: str
    created_at: datetime
    updated_at: datetime = strawberry.field(
        description="When this record last changed (UTC); filter or sort by it to load changes"
    )

    @strawberry.field
    async def requirement(self, root: models.Feedback, info: Info) -> RequirementRef | None:
        return await load_one(info, models.Requirement, root.requirement_id)

    @strawberry.field
    async def author(self, root: models.Feedback, info: Info) -> UserRef | None:
        return await load_one(info, models.User, root.author_id)

    @strawberry.field
    async def author_department(self, root: models.Feedback, info: Info) -> DepartmentRef | None:
        return await load_one(info, models.Department, root.author_department_id)

    @strawberry.field(description="Departments the feedback is about")
    async def departments(self, root: models.Feedback, info: Info) -> list[DepartmentRef]:
        return await load_through(
            info,
            models.FeedbackDepartment,
            "feedback_id",
            root.id,
            models.Department,
            "department_id",
        )


@strawberry.type(name="Suggestion", description="A process improvement suggestion (流程优化建议表)")
class SuggestionType(ModelNode):
    model = models.Suggestion

    id: relay.NodeID[int]
    code: str = strawberry.field(description="Human code, e.g. YJ202407001")
    contact: str
    pain_point: str
    proposal: str
    expected_effect: str
    status: SuggestionStatus
    evaluation_note: str
    evaluated_at: datetime | None
    remarks: str
    created_at: datetime
    updated_at: datetime = strawberry.field(
        description="When this record last changed (UTC); filter or sort by it to load changes"
    )

    @strawberry.field
    async def department(self, root: models.Suggestion, info: Info) -> DepartmentRef | None:
        return await load_one(info, models.Department, root.department_id)

    @strawberry.field
    async def proposer(self, root: models.Suggestion, info: Info) -> UserRef | None:
        return await load_one(info, models.User, root.proposer_id)

    @strawberry.field
    async def evaluated_by(self, root: models.Suggestion, info: Info) -> UserRef | None:
        return await load_one(info, models.User, root.evaluated_by_id)


@strawberry.input(description="Deliverables and a completion note (提交成果)")
class SubmitTaskResultInput:
    task_id: strawberry.ID
    note: str
    attachment_ids: list[strawberry.ID] = strawberry.field(default_factory=list)


@strawberry.input(description="The acceptance group's decision: accept, or reject with changes")
class ReviewTaskResultInput:
    task_id: strawberry.ID
    accept: bool
    comment: str = ""


@strawberry.input(description="The Collaboration Result Report (协作成果报告)")
class SubmitResultReportInput:
    requirement_id: strawberry.ID
    goal_achievement: str
    contributions: str = ""
    problems: str = ""


@strawberry.input(description="The Collaboration Feedback Form (协作反馈表)")
class SubmitFeedbackInput:
    requirement_id: strawberry.ID
    kind: FeedbackKind
    content: str
    department_ids: list[strawberry.ID] = strawberry.field(default_factory=list)
    proposal: str = ""


@strawberry.input(description="A Process Improvement Suggestion (流程优化建议表)")
class CreateSuggestionInput:
    pain_point: str
    proposal: str
    expected_effect: str = ""
    contact: str = ""
    department_id: strawberry.ID | None = None


@strawberry.input(description="The admin's evaluation of a suggestion")
class EvaluateSuggestionInput:
    id: strawberry.ID
    status: SuggestionStatus
    note: str = ""


@strawberry.type
class OutcomeQueries:
    @strawberry.field(
        description="Archived records (知识库) containing every word of `search`, newest first",
        permission_classes=[SignedIn],
    )
    async def archives(
        self,
        info: Info,
        search: str | None = None,
        filter: ArchiveFilter | None = None,
        order_by: ArchiveOrder | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> Connection[ArchiveType]:
        viewer = info.context.require_viewer()
        words = " ".join(text for text in (search, filter and filter.search) if text)
        queryset = listing.archives(viewer, words or None, filter.updated() if filter else None)
        order = ordering(order_by, listing.ARCHIVE_SORTS)
        return await paginate(queryset, first, after, order=order)

    @strawberry.field(
        description="Improvement suggestions; newest first unless orderBy says otherwise",
        permission_classes=[SignedIn],
    )
    async def suggestions(
        self,
        info: Info,
        filter: SuggestionFilter | None = None,
        order_by: SuggestionOrder | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> Connection[SuggestionType]:
        viewer = info.context.require_viewer()
        statuses = list(filter.statuses or []) if filter else []
        order = ordering(order_by, listing.SUGGESTION_SORTS)
        return await paginate(listing.suggestions(viewer, statuses), first, after, order=order)


@strawberry.type
class OutcomeMutations:
    @strawberry.mutation(
        description="Hand in results (the assignee)", permission_classes=[CanWrite]
    )
    async def submit_task_result(self, info: Info, input: SubmitTaskResultInput) -> TaskRef:
        viewer = info.context.require_viewer()
        data = results.ResultSubmission(
            task_id=decode_id(input.task_id, "Task", "taskId"),
            note=input.note,
            attachment_ids=decode_ids(input.attachment_ids, "Attachment", "attachmentIds"),
        )
        return await results.submit_task_result(viewer, data)  # type: ignore[return-value]

    @strawberry.mutation(
        description="Accept or reject results (acceptance group)", permission_classes=[CanWrite]
    )
    async def review_task_result(self, info: Info, input: ReviewTaskResultInput) -> TaskRef:
        viewer = info.context.require_viewer()
        task_id = decode_id(input.task_id, "Task", "taskId")
        return await results.review_task_result(viewer, task_id, input.accept, input.comment)  # type: ignore[return-value]

    @strawberry.mutation(
        description="Write the result report (the initiator)", permission_classes=[CanWrite]
    )
    async def submit_result_report(
        self, info: Info, input: SubmitResultReportInput
    ) -> RequirementRef:
        viewer = info.context.require_viewer()
        data = results.ReportInput(
            requirement_id=decode_id(input.requirement_id, "Requirement", "requirementId"),
            goal_achievement=input.goal_achievement,
            contributions=input.contributions,
            problems=input.problems,
        )
        return await results.submit_result_report(viewer, data)  # type: ignore[return-value]

    @strawberry.mutation(
        description="Archive into the knowledge base (ADMIN)", permission_classes=[CanWrite]
    )
    async def archive_requirement(self, info: Info, id: strawberry.ID) -> RequirementRef:
        viewer = info.context.require_viewer()
        return await archives.archive_requirement(viewer, decode_id(id, "Requirement", "id"))  # type: ignore[return-value]

    @strawberry.mutation(
        description="Give feedback once per requirement (participants)",
        permission_classes=[CanWrite],
    )
    async def submit_feedback(self, info: Info, input: SubmitFeedbackInput) -> FeedbackType:
        viewer = info.context.require_viewer()
        data = feedback.FeedbackInput(
            requirement_id=decode_id(input.requirement_id, "Requirement", "requirementId"),
            kind=input.kind,
            content=input.content,
            department_ids=decode_ids(input.department_ids, "Department", "departmentIds"),
            proposal=input.proposal,
        )
        return await feedback.submit_feedback(viewer, data)  # type: ignore[return-value]

    @strawberry.mutation(description="Propose a process improvement", permission_classes=[CanWrite])
    async def create_suggestion(self, info: Info, input: CreateSuggestionInput) -> SuggestionType:
        viewer = info.context.require_viewer()
        data = feedback.SuggestionInput(
            pain_point=input.pain_point,
            proposal=input.proposal,
            expected_effect=input.expected_effect,
            contact=input.contact,
            department_id=None
            if input.department_id is None
            else decode_id(input.department_id, "Department", "departmentId"),
        )
        return await feedback.create_suggestion(viewer, data)  # type: ignore[return-value]

    @strawberry.mutation(description="Evaluate a suggestion (ADMIN)", permission_classes=[CanWrite])
    async def evaluate_suggestion(
        self, info: Info, input: EvaluateSuggestionInput
    ) -> SuggestionType:
        viewer = info.context.require_viewer()
        return await feedback.evaluate_suggestion(  # type: ignore[return-value]
            viewer, decode_id(input.id, "Suggestion", "id"), input.status, input.note
        )
