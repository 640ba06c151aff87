"""Requirements (需求) and the departments involved; their review rounds and sign-offs are
in ``review_types.py``, added signers and handovers in ``signoff.py``."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry
from strawberry import relay

import models
from resolvers.access import delegations
from resolvers.access.scope import scoped
from resolvers.errors import BadUserInput, NotFound
from resolvers.requirements import lifecycle as requirements
from resolvers.requirements import reviews
from resolvers.workflow import NOT_FOUND_MESSAGE
from schema.access.permissions import CanWrite, SignedIn
from schema.base import Info, ModelNode, count_children, load_children, load_one
from schema.conversion import to_use_case
from schema.enums import RequirementStatus, SignOffMode
from schema.filters import RequirementFilter, RequirementOrder, requirement_list
from schema.forms.fields import custom_field_values
from schema.ids import decode_id, decode_ids, decode_optional_id
from schema.pagination import After, Connection, First, paginate
from schema.requirements.inputs import (
    CreateRequirementInput,
    DepartmentContributionInput,
    ReviewRequirementInput,
    SetDelegateInput,
    UpdateRequirementInput,
)
from schema.requirements.review_types import ReviewRoundType
from schema.requirements.standard_fields import standard_fields

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
@standard_fields(role="shown", after="code")
class RequirementType(ModelNode):
    model = models.Requirement

    id: relay.NodeID[int]
    code: str = strawberry.field(description="Human code, e.g. XQ202407001")
    # the standard fields of the form: resolvers/requirements/form.py
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


def requirement_form(
    data: CreateRequirementInput | UpdateRequirementInput | CreateRequirementFromTemplateInput,
) -> requirements.RequirementForm:
    """The use case's form from any of the requirement inputs (those without ``version``:
    none)."""
    departments = data.involved_department_ids
    return to_use_case(
        data,
        requirements.RequirementForm,
        involved_department_ids=None
        if departments is None
        else decode_ids(departments, "Department", "involvedDepartmentIds"),
        contributions=_contributions(data.contributions),
        template_id=None,  # the template's own use case sets it, never a client
        taken=("id",),  # an update's requirement, read by the caller
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
        rows, order = await requirement_list(viewer, filter, order_by)
        return await paginate(rows, first, after, order=order)


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
        data = to_use_case(
            input,
            reviews.ReviewInput,
            requirement_id=_requirement_id(input.requirement_id, "requirementId"),
            department_id=decode_optional_id(input.department_id, "Department", "departmentId"),
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
