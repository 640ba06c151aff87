"""Requirements (需求), the departments involved, review rounds and sign-offs."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Annotated

import strawberry
from strawberry import relay

import models
from schema.base import Info, ModelNode, load_children, load_one
from schema.enums import Priority, RequirementStatus, ReviewDecision, RoundOutcome

if TYPE_CHECKING:
    from schema.departments import DepartmentType
    from schema.users import UserType

UserRef = Annotated["UserType", strawberry.lazy("schema.users")]
DepartmentRef = Annotated["DepartmentType", strawberry.lazy("schema.departments")]


@strawberry.type(name="Requirement", description="The Requirement Form (需求申请表)")
class RequirementType(ModelNode):
    model = models.Requirement

    id: relay.NodeID[int]
    code: str = strawberry.field(description="Human code, e.g. XQ202407001")
    title: str
    background: str
    goals: str
    deliverables: str
    acceptance_criteria: str
    data_needs: str
    contact: str
    expected_by: date | None
    priority: Priority
    status: RequirementStatus
    current_round: int
    version: int
    created_at: datetime
    updated_at: datetime
    submitted_at: datetime | None
    approved_at: datetime | None
    initiated_at: datetime | None
    completed_at: datetime | None
    archived_at: datetime | None
    cancelled_at: datetime | None

    @strawberry.field(description="The person who raised it (发起人)")
    async def initiator(self, root: models.Requirement, info: Info) -> UserRef | None:
        return await load_one(info, models.User, root.initiator_id)

    @strawberry.field
    async def initiating_department(
        self, root: models.Requirement, info: Info
    ) -> DepartmentRef | None:
        return await load_one(info, models.Department, root.initiating_department_id)

    @strawberry.field(description="The lead and helping departments (涉及部门)")
    async def involved_departments(
        self, root: models.Requirement, info: Info
    ) -> list[InvolvedDepartmentType]:
        return await load_children(info, models.RequirementDepartment, "requirement_id", root.id)

    @strawberry.field(description="Every review round, the first first")
    async def review_rounds(self, root: models.Requirement, info: Info) -> list[ReviewRoundType]:
        return await load_children(info, models.ReviewRound, "requirement_id", root.id, "number")


@strawberry.type(name="InvolvedDepartment")
class InvolvedDepartmentType:
    is_lead: bool
    contribution: str = strawberry.field(description="What this department provides")

    @strawberry.field
    async def department(self, root: models.RequirementDepartment, info: Info) -> DepartmentRef:
        return await load_one(info, models.Department, root.department_id)


@strawberry.type(name="ReviewRound", description="One pass of the involved heads (审核轮次)")
class ReviewRoundType(ModelNode):
    model = models.ReviewRound

    id: relay.NodeID[int]
    number: int
    outcome: RoundOutcome
    opened_at: datetime
    closed_at: datetime | None

    @strawberry.field
    async def reviews(self, root: models.ReviewRound, info: Info) -> list[ReviewType]:
        return await load_children(info, models.Review, "round_id", root.id)


@strawberry.type(name="Review", description="An electronic sign-off (电子签批)")
class ReviewType(ModelNode):
    model = models.Review

    id: relay.NodeID[int]
    decision: ReviewDecision
    comment: str
    claimed_tasks: list[str] = strawberry.field(description="Tasks the department takes on")
    signed_at: datetime
    content_hash: str = strawberry.field(
        description="SHA-256 of the requirement content that was signed"
    )

    @strawberry.field
    async def department(self, root: models.Review, info: Info) -> DepartmentRef | None:
        return await load_one(info, models.Department, root.department_id)

    @strawberry.field(description="Who signed")
    async def signed_by(self, root: models.Review, info: Info) -> UserRef | None:
        return await load_one(info, models.User, root.signed_by_id)

    @strawberry.field(description="The head a delegate signed for (X on behalf of Y)")
    async def on_behalf_of(self, root: models.Review, info: Info) -> UserRef | None:
        return await load_one(info, models.User, root.on_behalf_of_id)
