"""A requirement's review rounds (审核轮次) and electronic sign-offs (电子签批) as the API
shows them; signing is a mutation of ``requirement.py`` (reviewRequirement)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry
from strawberry import relay

import models
from resolvers.requirements.signoff import content_hash
from schema.base import Info, ModelNode, load_children, load_one
from schema.enums import ReviewDecision, RoundOutcome

if TYPE_CHECKING:
    from schema.people.departments import DepartmentType
    from schema.people.users import UserType
    from schema.requirements.signoff import AddedSignerType, ReviewHandoverType

UserRef = Annotated["UserType", strawberry.lazy("schema.people.users")]
DepartmentRef = Annotated["DepartmentType", strawberry.lazy("schema.people.departments")]
AddedSignerRef = Annotated["AddedSignerType", strawberry.lazy("schema.requirements.signoff")]
HandoverRef = Annotated["ReviewHandoverType", strawberry.lazy("schema.requirements.signoff")]


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
