"""After completion: the feedback form (协作反馈表) and process suggestions (流程优化建议).

The use cases are ``resolvers/feedback/forms.py``; a form's rows are
``schema/feedback/items.py`` and the admin's follow-up ``schema/feedback/follow_ups.py``.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Annotated

import strawberry
from strawberry import relay
from tortoise.queryset import QuerySet

import models
from resolvers import listing
from resolvers.access.auth import Viewer
from resolvers.feedback import forms as feedback
from resolvers.keyset import Ordering
from schema.access.permissions import CanWrite, SignedIn
from schema.base import Info, ModelNode, load_children, load_one, load_through
from schema.enums import FeedbackKind, SuggestionStatus
from schema.feedback.items import FeedbackItemInput, FeedbackItemType, feedback_items
from schema.filters import SuggestionFilter, SuggestionOrder
from schema.ids import decode_id, decode_optional_id
from schema.pagination import After, Connection, First, ordering, paginate

if TYPE_CHECKING:
    from schema.people.departments import DepartmentType
    from schema.people.users import UserType
    from schema.requirements.requirement import RequirementType

UserRef = Annotated["UserType", strawberry.lazy("schema.people.users")]
DepartmentRef = Annotated["DepartmentType", strawberry.lazy("schema.people.departments")]
RequirementRef = Annotated["RequirementType", strawberry.lazy("schema.requirements.requirement")]


@strawberry.type(name="Feedback", description="The Collaboration Feedback Form (协作反馈表)")
class FeedbackType(ModelNode):
    model = models.Feedback

    id: relay.NodeID[int]
    code: str = strawberry.field(description="Human code, e.g. FK202407001")
    kind: FeedbackKind = strawberry.field(description="The first item's kind (see items)")
    content: str = strawberry.field(description="The first item's text (反馈内容; see items)")
    proposal: str = strawberry.field(description="The first item's proposal (see items)")
    handling_result: str = strawberry.field(
        description="The first item's handling result (处理结果; see items); empty until written"
    )
    handled_at: datetime | None = strawberry.field(
        description="When the first item's handling result was last written, UTC"
    )
    created_at: datetime = strawberry.field(description="When it was given, UTC")
    updated_at: datetime = strawberry.field(
        description="When this record last changed (UTC); filter or sort by it to load changes"
    )

    @strawberry.field(description="The completed requirement it is about")
    async def requirement(self, root: models.Feedback, info: Info) -> RequirementRef | None:
        return await load_one(info, models.Requirement, root.requirement_id)

    @strawberry.field(description="The participant who gave it")
    async def author(self, root: models.Feedback, info: Info) -> UserRef | None:
        return await load_one(info, models.User, root.author_id)

    @strawberry.field(description="The author's department when it was given")
    async def author_department(self, root: models.Feedback, info: Info) -> DepartmentRef | None:
        return await load_one(info, models.Department, root.author_department_id)

    @strawberry.field(description="The admin who wrote the first item's handling result")
    async def handled_by(self, root: models.Feedback, info: Info) -> UserRef | None:
        return await load_one(info, models.User, root.handled_by_id)

    @strawberry.field(description="The form's rows in order: praise, problems, suggestions")
    async def items(self, root: models.Feedback, info: Info) -> list[FeedbackItemType]:
        return await load_children(info, models.FeedbackItem, "feedback_id", root.id, "position")

    @strawberry.field(description="People any of its items names (praised, or in a problem)")
    async def people(self, root: models.Feedback, info: Info) -> list[UserRef]:
        return await load_through(
            info, models.FeedbackPerson, "feedback_id", root.id, models.User, "user_id"
        )

    @strawberry.field(description="Departments any of its items is about")
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
    contact: str = strawberry.field(description="How to reach the proposer (联系方式)")
    pain_point: str = strawberry.field(description="The problem seen today (痛点)")
    proposal: str = strawberry.field(description="The proposed change (建议方案)")
    expected_effect: str = strawberry.field(description="The expected effect (预期效果)")
    status: SuggestionStatus = strawberry.field(description="The admin's evaluation")
    evaluation_note: str = strawberry.field(description="The admin's note on the evaluation")
    evaluated_at: datetime | None = strawberry.field(description="When it was evaluated, UTC")
    remarks: str = strawberry.field(description="Remarks (备注), written by the admin")
    planned_for: date | None = strawberry.field(
        description="When an adopted or planned suggestion takes effect (e.g. 计划8月上线)"
    )
    created_at: datetime = strawberry.field(description="When it was submitted, UTC")
    updated_at: datetime = strawberry.field(
        description="When this record last changed (UTC); filter or sort by it to load changes"
    )

    @strawberry.field(description="The department it concerns, if named")
    async def department(self, root: models.Suggestion, info: Info) -> DepartmentRef | None:
        return await load_one(info, models.Department, root.department_id)

    @strawberry.field(description="Who proposed it")
    async def proposer(self, root: models.Suggestion, info: Info) -> UserRef | None:
        return await load_one(info, models.User, root.proposer_id)

    @strawberry.field(description="The admin who evaluated it")
    async def evaluated_by(self, root: models.Suggestion, info: Info) -> UserRef | None:
        return await load_one(info, models.User, root.evaluated_by_id)


@strawberry.input(description="The Collaboration Feedback Form (协作反馈表)")
class SubmitFeedbackInput:
    requirement_id: strawberry.ID = strawberry.field(
        description="The requirement (global id), COMPLETED or ARCHIVED"
    )
    items: list[FeedbackItemInput] = strawberry.field(
        default_factory=list,
        description=f"The form's rows (1 to {feedback.MAX_ITEMS}): praise, problems and "
        "suggestions together, each naming its departments and people. Leave empty only "
        "when giving one item through the single-kind fields below",
    )
    kind: FeedbackKind | None = strawberry.field(
        default=None, description="Single-kind form (older clients): the one item's kind"
    )
    content: str | None = strawberry.field(
        default=None, description="Single-kind form (older clients): the one item's text"
    )
    department_ids: list[strawberry.ID] = strawberry.field(
        default_factory=list,
        description="Single-kind form (older clients): departments it is about (global ids)",
    )
    person_ids: list[strawberry.ID] = strawberry.field(
        default_factory=list,
        description="Single-kind form (older clients): people it names (global User ids)",
    )
    proposal: str = strawberry.field(
        default="", description="Single-kind form (older clients): what you propose"
    )


@strawberry.input(description="A Process Improvement Suggestion (流程优化建议表)")
class CreateSuggestionInput:
    pain_point: str = strawberry.field(description="The problem seen today (痛点); required")
    proposal: str = strawberry.field(description="The proposed change; required")
    expected_effect: str = strawberry.field(default="", description="The expected effect")
    contact: str = strawberry.field(default="", description="How to reach you")
    department_id: strawberry.ID | None = strawberry.field(
        default=None, description="The department it concerns (global id)"
    )


@strawberry.input(description="The admin's evaluation of a suggestion")
class EvaluateSuggestionInput:
    id: strawberry.ID = strawberry.field(description="The suggestion's global id")
    status: SuggestionStatus = strawberry.field(
        description="ADOPTED, PLANNED or REJECTED (not SUBMITTED)"
    )
    note: str = strawberry.field(default="", description="Why (评估意见)")
    remarks: str | None = strawberry.field(
        default=None, description="Remarks (备注), replacing the old ones; null keeps them"
    )
    planned_for: date | None = strawberry.field(
        default=None,
        description="When it takes effect (YYYY-MM-DD, not in the past); required for PLANNED",
    )


def suggestion_list(
    viewer: Viewer, filter: SuggestionFilter | None, order_by: SuggestionOrder | None
) -> tuple[QuerySet[models.Suggestion], Ordering]:
    """The rows and order of ``suggestions``: the resolver's and the compiled path's."""
    statuses = list(filter.statuses or []) if filter else []
    return listing.suggestions(viewer, statuses), ordering(order_by, listing.SUGGESTION_SORTS)


@strawberry.type
class FeedbackQueries:
    @strawberry.field(
        description="Improvement suggestions, readable by everyone signed in; newest first "
        "unless orderBy says otherwise",
        permission_classes=[SignedIn],
    )
    async def suggestions(
        self,
        info: Info,
        filter: Annotated[
            SuggestionFilter | None, strawberry.argument(description="Only those matching it")
        ] = None,
        order_by: Annotated[
            SuggestionOrder | None,
            strawberry.argument(description="Sort order; default newest first"),
        ] = None,
        first: First = None,
        after: After = None,
    ) -> Connection[SuggestionType]:
        queryset, order = suggestion_list(info.context.require_viewer(), filter, order_by)
        return await paginate(queryset, first, after, order=order)


@strawberry.type
class FeedbackMutations:
    @strawberry.mutation(
        description="Give feedback (协作反馈表) once per requirement, as a participant, after "
        "completion: one or more items (praise, problems, suggestions). Errors: "
        "UNAUTHENTICATED; FORBIDDEN (read-only token, not a participant); NOT_FOUND; "
        "INVALID_TRANSITION (not COMPLETED or ARCHIVED, already given); BAD_USER_INPUT (the "
        "field named, e.g. items.1.personIds; no items, too many, items mixed with kind)",
        permission_classes=[CanWrite],
    )
    async def submit_feedback(
        self,
        info: Info,
        input: Annotated[SubmitFeedbackInput, strawberry.argument(description="The form")],
    ) -> FeedbackType:
        viewer = info.context.require_viewer()
        data = feedback.FeedbackInput(
            requirement_id=decode_id(input.requirement_id, "Requirement", "requirementId"),
            items=feedback_items(input),
            single=not input.items,
        )
        return await feedback.submit_feedback(viewer, data)  # type: ignore[return-value]

    @strawberry.mutation(
        description="Propose a process improvement (流程优化建议), any employee. Errors: "
        "UNAUTHENTICATED; FORBIDDEN (read-only token); BAD_USER_INPUT (the field named)",
        permission_classes=[CanWrite],
    )
    async def create_suggestion(
        self,
        info: Info,
        input: Annotated[CreateSuggestionInput, strawberry.argument(description="The proposal")],
    ) -> SuggestionType:
        viewer = info.context.require_viewer()
        data = feedback.SuggestionInput(
            pain_point=input.pain_point,
            proposal=input.proposal,
            expected_effect=input.expected_effect,
            contact=input.contact,
            department_id=decode_optional_id(input.department_id, "Department", "departmentId"),
        )
        return await feedback.create_suggestion(viewer, data)  # type: ignore[return-value]

    @strawberry.mutation(
        description="Evaluate a suggestion, ADMIN only, with remarks and the planned date. "
        "Errors: UNAUTHENTICATED; FORBIDDEN (not ADMIN); NOT_FOUND; BAD_USER_INPUT (status "
        "SUBMITTED, PLANNED without plannedFor, the field named)",
        permission_classes=[CanWrite],
    )
    async def evaluate_suggestion(
        self,
        info: Info,
        input: Annotated[
            EvaluateSuggestionInput, strawberry.argument(description="The evaluation")
        ],
    ) -> SuggestionType:
        viewer = info.context.require_viewer()
        return await feedback.evaluate_suggestion(  # type: ignore[return-value]
            viewer,
            decode_id(input.id, "Suggestion", "id"),
            input.status,
            input.note,
            remarks=input.remarks,
            planned_for=input.planned_for,
        )
