"""Requirements (需求), the departments involved, review rounds and sign-offs."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Annotated

import strawberry
from strawberry import relay

import models
from resolvers import listing
from resolvers.access import delegations
from resolvers.access.scope import scoped
from resolvers.errors import BadUserInput, NotFound
from resolvers.forms import reading as form_reading
from resolvers.requirements import lifecycle as requirements
from resolvers.requirements import reviews
from resolvers.requirements.signoff import content_hash
from resolvers.workflow import NOT_FOUND_MESSAGE
from schema.access.permissions import CanWrite, SignedIn
from schema.base import Info, ModelNode, count_children, load_children, load_one
from schema.enums import Priority, RequirementStatus, ReviewDecision, RoundOutcome, SignOffMode
from schema.filters import RequirementFilter, RequirementOrder
from schema.forms.fields import custom_field_values
from schema.ids import decode_id, decode_ids
from schema.pagination import After, Connection, First, ordering, paginate
from schema.requirements.inputs import (
    CreateRequirementInput,
    DepartmentContributionInput,
    ReviewRequirementInput,
    SetDelegateInput,
    UpdateRequirementInput,
)

if TYPE_CHECKING:
    from schema.archives.outcomes import FeedbackType, ResultReportType
    from schema.files.attachments import AttachmentType, MeetingType
    from schema.forms.fields import CustomFieldValueType
    from schema.people.departments import DepartmentType
    from schema.people.users import DelegationType, UserType
    from schema.requirements.signoff import AddedSignerType, ReviewHandoverType
    from schema.tasks.task import TaskType
    from schema.templates.scenarios import (
        CreateRequirementFromTemplateInput,
        RequirementTemplateType,
    )

UserRef = Annotated["UserType", strawberry.lazy("schema.people.users")]
DepartmentRef = Annotated["DepartmentType", strawberry.lazy("schema.people.departments")]
DelegationRef = Annotated["DelegationType", strawberry.lazy("schema.people.users")]
TaskRef = Annotated["TaskType", strawberry.lazy("schema.tasks.task")]
AttachmentRef = Annotated["AttachmentType", strawberry.lazy("schema.files.attachments")]
MeetingRef = Annotated["MeetingType", strawberry.lazy("schema.files.attachments")]
ResultReportRef = Annotated["ResultReportType", strawberry.lazy("schema.archives.outcomes")]
FeedbackRef = Annotated["FeedbackType", strawberry.lazy("schema.archives.outcomes")]
RequirementTemplateRef = Annotated[
    "RequirementTemplateType", strawberry.lazy("schema.templates.scenarios")
]
CustomFieldValueRef = Annotated["CustomFieldValueType", strawberry.lazy("schema.forms.fields")]
AddedSignerRef = Annotated["AddedSignerType", strawberry.lazy("schema.requirements.signoff")]
HandoverRef = Annotated["ReviewHandoverType", strawberry.lazy("schema.requirements.signoff")]


@strawberry.type(name="Requirement", description="The Requirement Form (需求申请表)")
class RequirementType(ModelNode):
    model = models.Requirement

    id: relay.NodeID[int]
    code: str = strawberry.field(description="Human code, e.g. XQ202407001")
    title: str = strawberry.field(description="Requirement name (需求名称)")
    background: str = strawberry.field(description="Background (需求背景)")
    goals: str = strawberry.field(description="Goals (需求目标)")
    deliverables: str = strawberry.field(description="Expected deliverables (交付物)")
    acceptance_criteria: str = strawberry.field(description="Acceptance criteria (验收标准)")
    data_needs: str = strawberry.field(description="Data needs list (数据需求清单)")
    contact: str = strawberry.field(description="How to reach the initiator (联系方式)")
    expected_by: date | None = strawberry.field(
        description="Expected completion day (期望完成时间), YYYY-MM-DD"
    )
    priority: Priority = strawberry.field(description="NORMAL or URGENT (紧急)")
    status: RequirementStatus = strawberry.field(description="Where it stands in its workflow")
    current_round: int = strawberry.field(
        description="The number of the latest review round; 0 before the first submission"
    )
    version: int = strawberry.field(
        description="Raised by every edit; send it back in updateRequirement to detect a CONFLICT"
    )
    created_at: datetime = strawberry.field(description="When it was raised, UTC")
    updated_at: datetime = strawberry.field(description="When it last changed, UTC")
    submitted_at: datetime | None = strawberry.field(
        description="When it was last submitted for review, UTC"
    )
    approved_at: datetime | None = strawberry.field(
        description="When every involved department had approved, UTC"
    )
    initiated_at: datetime | None = strawberry.field(
        description="When the admin confirmed initiation (立项), UTC"
    )
    completed_at: datetime | None = strawberry.field(description="When it was completed, UTC")
    archived_at: datetime | None = strawberry.field(
        description="When it was archived into the knowledge base (知识库), UTC"
    )
    cancelled_at: datetime | None = strawberry.field(description="When it was cancelled, UTC")
    form_version: int | None = strawberry.field(
        description="The requirement form version its custom fields were written against"
    )
    signoff_mode: SignOffMode = strawberry.field(
        description="How the reviewing heads sign off: ALL (会签) or ANY (或签)"
    )
    acceptance_mode: SignOffMode = strawberry.field(
        description="How the acceptance group decides each task's results: ALL or ANY"
    )

    @strawberry.field(
        description="Values of the admin-defined fields (自定义字段), typed, read with the "
        "definitions it was written against (retired fields included)"
    )
    async def custom_fields(
        self, root: models.Requirement, info: Info
    ) -> list[CustomFieldValueRef]:
        return await custom_field_values(info, root)

    template_version: int | None = strawberry.field(
        description="The version of the scenario template it was made with (null: none)"
    )

    @strawberry.field(description="The scenario template (需求模板) it was made from, if any")
    async def template(self, root: models.Requirement, info: Info) -> RequirementTemplateRef | None:
        return await load_one(info, models.RequirementTemplate, root.template_id)

    @strawberry.field(description="The person who raised it (发起人)")
    async def initiator(self, root: models.Requirement, info: Info) -> UserRef | None:
        return await load_one(info, models.User, root.initiator_id)

    @strawberry.field(description="The initiator's department when it was raised (发起部门)")
    async def initiating_department(
        self, root: models.Requirement, info: Info
    ) -> DepartmentRef | None:
        return await load_one(info, models.Department, root.initiating_department_id)

    @strawberry.field(description="The lead and helping departments (涉及部门)")
    async def involved_departments(
        self, root: models.Requirement, info: Info
    ) -> list[InvolvedDepartmentType]:
        return await load_children(info, models.RequirementDepartment, "requirement_id", root.id)

    @strawberry.field(description="The tasks the work was split into, in order")
    async def tasks(self, root: models.Requirement, info: Info) -> list[TaskRef]:
        return await load_children(info, models.Task, "requirement_id", root.id, "seq")

    @strawberry.field(description="How many tasks the work was split into (one GROUP BY per page)")
    async def task_count(self, root: models.Requirement, info: Info) -> int:
        return await count_children(info, models.Task, "requirement_id", root.id)

    @strawberry.field(description="The Collaboration Result Report, once written")
    async def result_report(self, root: models.Requirement, info: Info) -> ResultReportRef | None:
        reports = await load_children(info, models.ResultReport, "requirement_id", root.id)
        return reports[0] if reports else None

    @strawberry.field(description="Participants' feedback forms")
    async def feedback(self, root: models.Requirement, info: Info) -> list[FeedbackRef]:
        return await load_children(info, models.Feedback, "requirement_id", root.id)

    @strawberry.field(
        description="Meetings booked about it (会议预约), the earliest first, with their "
        "attendees and the .ics invite (icsUrl, signed by signDownloadLink for a plain link)"
    )
    async def meetings(self, root: models.Requirement, info: Info) -> list[MeetingRef]:
        return await load_children(
            info, models.Meeting, "requirement_id", root.id, "starts_at", "id"
        )

    @strawberry.field(
        description="Files of the requirement form (附件); with includeTasks, its tasks' too"
    )
    async def attachments(
        self,
        root: models.Requirement,
        info: Info,
        include_tasks: Annotated[
            bool, strawberry.argument(description="Also the files attached to its tasks")
        ] = False,
    ) -> list[AttachmentRef]:
        rows = await load_children(info, models.Attachment, "requirement_id", root.id, "id")
        return rows if include_tasks else [row for row in rows if row.task_id is None]

    @strawberry.field(description="Every review round, the first first")
    async def review_rounds(self, root: models.Requirement, info: Info) -> list[ReviewRoundType]:
        return await load_children(info, models.ReviewRound, "requirement_id", root.id, "number")


@strawberry.type(name="InvolvedDepartment", description="A department involved (涉及部门)")
class InvolvedDepartmentType:
    is_lead: bool = strawberry.field(description="True for the lead department (牵头部门)")
    contribution: str = strawberry.field(description="What this department provides")

    @strawberry.field(description="The department")
    async def department(self, root: models.RequirementDepartment, info: Info) -> DepartmentRef:
        return await load_one(info, models.Department, root.department_id)


@strawberry.type(name="ReviewRound", description="One pass of the involved heads (审核轮次)")
class ReviewRoundType(ModelNode):
    model = models.ReviewRound

    id: relay.NodeID[int]
    number: int = strawberry.field(description="1 for the first submission, then +1 each")
    outcome: RoundOutcome = strawberry.field(description="OPEN until decided")
    opened_at: datetime = strawberry.field(description="When the round was opened, UTC")
    closed_at: datetime | None = strawberry.field(
        description="When the round was decided, UTC; null while OPEN"
    )

    @strawberry.field(description="The departments' sign-offs in this round")
    async def reviews(self, root: models.ReviewRound, info: Info) -> list[ReviewType]:
        return await load_children(info, models.Review, "round_id", root.id)

    @strawberry.field(description="Departments a reviewer added to this round (加签)")
    async def added_signers(self, root: models.ReviewRound, info: Info) -> list[AddedSignerRef]:
        return await load_children(info, models.RoundSigner, "round_id", root.id)

    @strawberry.field(description="Reviews handed over in this round (转交), oldest first")
    async def handovers(self, root: models.ReviewRound, info: Info) -> list[HandoverRef]:
        return await load_children(info, models.ReviewHandover, "round_id", root.id)


@strawberry.type(name="Review", description="An electronic sign-off (电子签批)")
class ReviewType(ModelNode):
    model = models.Review

    id: relay.NodeID[int]
    decision: ReviewDecision = strawberry.field(description="Approve or reject")
    comment: str = strawberry.field(description="The reviewer's comment (审核意见)")
    claimed_tasks: list[str] = strawberry.field(description="Tasks the department takes on")
    signed_at: datetime = strawberry.field(description="When it was signed, UTC")
    content_hash: str = strawberry.field(
        description="SHA-256 of the requirement content that was signed"
    )

    @strawberry.field(description="The department signed for")
    async def department(self, root: models.Review, info: Info) -> DepartmentRef | None:
        return await load_one(info, models.Department, root.department_id)

    @strawberry.field(description="Who signed")
    async def signed_by(self, root: models.Review, info: Info) -> UserRef | None:
        return await load_one(info, models.User, root.signed_by_id)

    @strawberry.field(description="The requirement was edited after this sign-off")
    async def content_changed_since_approval(self, root: models.Review, info: Info) -> bool:
        requirement = await load_one(info, models.Requirement, root.requirement_id)
        involved = await load_children(
            info, models.RequirementDepartment, "requirement_id", root.requirement_id
        )
        current = content_hash(requirement, [link.department_id for link in involved])
        return current != root.content_hash

    @strawberry.field(description="The head a delegate signed for (X on behalf of Y)")
    async def on_behalf_of(self, root: models.Review, info: Info) -> UserRef | None:
        return await load_one(info, models.User, root.on_behalf_of_id)


def requirement_form(
    data: CreateRequirementInput | UpdateRequirementInput | CreateRequirementFromTemplateInput,
) -> requirements.RequirementForm:
    """The use case's form from any of the requirement inputs (those without ``version``:
    none)."""
    departments = data.involved_department_ids
    return requirements.RequirementForm(
        title=data.title,
        background=data.background,
        goals=data.goals,
        deliverables=data.deliverables,
        acceptance_criteria=data.acceptance_criteria,
        data_needs=data.data_needs,
        contact=data.contact,
        expected_by=data.expected_by,
        priority=data.priority,
        involved_department_ids=None
        if departments is None
        else decode_ids(departments, "Department", "involvedDepartmentIds"),
        version=getattr(data, "version", None),
        custom_fields=data.custom_fields,  # type: ignore[arg-type]  # checked by the use case
        contributions=_contributions(data.contributions),
    )


def _contributions(
    rows: list[DepartmentContributionInput] | None,
) -> dict[int, str] | None:
    """Contributions by department id; naming a department twice is refused."""
    if rows is None:
        return None
    ids = decode_ids([row.department_id for row in rows], "Department", "contributions")
    if len(set(ids)) != len(ids):
        raise BadUserInput("同一部门只能填写一次 (a department named twice)", field="contributions")
    return {department_id: row.contribution for department_id, row in zip(ids, rows, strict=True)}


def _requirement_id(value: strawberry.ID, field: str = "id") -> int:
    return decode_id(value, "Requirement", field)


@strawberry.type
class RequirementQueries:
    @strawberry.field(
        description="A requirement by its code (XQ202407001). Visible to its participants "
        "(initiator, involved and assisting departments' members, assignees) and to people "
        "@mentioned on its tasks; ADMIN, EXECUTIVE and BI see all; otherwise NOT_FOUND",
        permission_classes=[SignedIn],
    )
    async def requirement(
        self,
        info: Info,
        code: Annotated[str, strawberry.argument(description="The requirement code, XQ…")],
    ) -> RequirementType:
        viewer = info.context.require_viewer()
        row = await scoped(models.Requirement, viewer, code=code).first()
        if row is None:
            raise NotFound(NOT_FOUND_MESSAGE)
        return row  # type: ignore[return-value]

    @strawberry.field(
        description="Requirements you may see (as for `requirement`: participants; ADMIN, "
        "EXECUTIVE and BI all); newest first unless orderBy says otherwise",
        permission_classes=[SignedIn],
    )
    async def requirements(
        self,
        info: Info,
        filter: Annotated[
            RequirementFilter | None, strawberry.argument(description="Only those matching it")
        ] = None,
        order_by: Annotated[
            RequirementOrder | None,
            strawberry.argument(description="Sort order; default newest first"),
        ] = None,
        first: First = None,
        after: After = None,
    ) -> Connection[RequirementType]:
        viewer = info.context.require_viewer()
        criteria = filter.criteria() if filter else listing.RequirementCriteria()
        if filter and filter.custom_fields:
            raw = [condition.raw() for condition in filter.custom_fields]
            criteria.custom_fields = await form_reading.field_conditions(raw)
        order = ordering(order_by, listing.REQUIREMENT_SORTS)
        return await paginate(listing.requirements(viewer, criteria), first, after, order=order)


@strawberry.type
class RequirementMutations:
    @strawberry.mutation(
        description="Raise a requirement as a draft (草稿), as the initiator. Errors: "
        "UNAUTHENTICATED; FORBIDDEN (read-only token); BAD_USER_INPUT (the field named)",
        permission_classes=[CanWrite],
    )
    async def create_requirement(
        self,
        info: Info,
        input: Annotated[CreateRequirementInput, strawberry.argument(description="The form")],
    ) -> RequirementType:
        viewer = info.context.require_viewer()
        return await requirements.create_requirement(viewer, requirement_form(input))  # type: ignore[return-value]

    @strawberry.mutation(
        description="Edit a DRAFT or PENDING_MODIFICATION requirement (initiator). Errors: "
        "UNAUTHENTICATED; FORBIDDEN (read-only token, not the initiator); NOT_FOUND; "
        "INVALID_TRANSITION (other status); CONFLICT (stale version); BAD_USER_INPUT",
        permission_classes=[CanWrite],
    )
    async def update_requirement(
        self,
        info: Info,
        input: Annotated[UpdateRequirementInput, strawberry.argument(description="The changes")],
    ) -> RequirementType:
        viewer = info.context.require_viewer()
        return await requirements.update_requirement(  # type: ignore[return-value]
            viewer, _requirement_id(input.id), requirement_form(input)
        )

    @strawberry.mutation(
        description="Submit for review (待审核), opening a review round; notifies the heads. "
        "Errors: UNAUTHENTICATED; FORBIDDEN (read-only token, not the initiator); NOT_FOUND; "
        "INVALID_TRANSITION (not DRAFT or PENDING_MODIFICATION); BAD_USER_INPUT (a key point "
        "or required field not filled in, the first named)",
        permission_classes=[CanWrite],
    )
    async def submit_requirement(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="The requirement's id")],
    ) -> RequirementType:
        viewer = info.context.require_viewer()
        return await requirements.submit_requirement(viewer, _requirement_id(id))  # type: ignore[return-value]

    @strawberry.mutation(
        description="Withdraw before initiation (initiator or ADMIN). Errors: "
        "UNAUTHENTICATED; FORBIDDEN (read-only token, not the initiator or ADMIN); NOT_FOUND; "
        "INVALID_TRANSITION (INITIATED or later); BAD_USER_INPUT",
        permission_classes=[CanWrite],
    )
    async def cancel_requirement(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="The requirement's id")],
    ) -> RequirementType:
        viewer = info.context.require_viewer()
        return await requirements.cancel_requirement(viewer, _requirement_id(id))  # type: ignore[return-value]

    @strawberry.mutation(
        description="Sign off (电子签批) as an involved department's head or active delegate; "
        "it becomes APPROVED with the last approval under 会签 (ALL), the first under 或签 "
        "(ANY), once every added signer (加签) approved; a rejection sends it back. Errors: "
        "UNAUTHENTICATED; FORBIDDEN (read-only token, not an involved head or delegate); "
        "NOT_FOUND; INVALID_TRANSITION (not PENDING_REVIEW, already reviewed this round); "
        "BAD_USER_INPUT (a rejection without a comment)",
        permission_classes=[CanWrite],
    )
    async def review_requirement(
        self,
        info: Info,
        input: Annotated[ReviewRequirementInput, strawberry.argument(description="The sign-off")],
    ) -> RequirementType:
        viewer = info.context.require_viewer()
        data = reviews.ReviewInput(
            requirement_id=_requirement_id(input.requirement_id, "requirementId"),
            approve=input.approve,
            comment=input.comment,
            claimed_tasks=input.claimed_tasks,
            department_id=None
            if input.department_id is None
            else decode_id(input.department_id, "Department", "departmentId"),
        )
        return await reviews.review_requirement(viewer, data)  # type: ignore[return-value]

    @strawberry.mutation(
        description="Confirm initiation (确认立项), ADMIN only. Errors: UNAUTHENTICATED; "
        "FORBIDDEN (not ADMIN); NOT_FOUND; INVALID_TRANSITION (not APPROVED); BAD_USER_INPUT",
        permission_classes=[CanWrite],
    )
    async def confirm_requirement(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="The requirement's id")],
    ) -> RequirementType:
        viewer = info.context.require_viewer()
        return await requirements.confirm_requirement(viewer, _requirement_id(id))  # type: ignore[return-value]

    @strawberry.mutation(
        description="Name a delegate for your reviews and acceptances (代理审批), as a "
        "department head. Errors: UNAUTHENTICATED; FORBIDDEN (read-only token, not a head); "
        "BAD_USER_INPUT (the field named: the period; a delegate who is you, unknown, or "
        "neither in your department nor a head)",
        permission_classes=[CanWrite],
    )
    async def set_delegate(
        self,
        info: Info,
        input: Annotated[SetDelegateInput, strawberry.argument(description="Who and when")],
    ) -> DelegationRef:
        viewer = info.context.require_viewer()
        return await delegations.set_delegate(  # type: ignore[return-value]
            viewer,
            decode_id(input.delegate_id, "User", "delegateId"),
            input.starts_at,
            input.ends_at,
            input.note,
        )
