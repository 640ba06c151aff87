"""Reschedule requests (延期申请): the assignee asks, the initiator approves or declines."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry
from strawberry import relay

import models
from resolvers.tasks import reschedule_requests as requests
from schema.access.permissions import CanWrite
from schema.base import Info, ModelNode, load_one
from schema.enums import RescheduleRequestStatus
from schema.ids import decode_id

if TYPE_CHECKING:
    from schema.people.users import UserType
    from schema.tasks.task import TaskType

UserRef = Annotated["UserType", strawberry.lazy("schema.people.users")]
TaskRef = Annotated["TaskType", strawberry.lazy("schema.tasks.task")]


@strawberry.type(
    name="RescheduleRequest",
    description="An assignee's request to move a task's deadline, and the initiator's decision",
)
class RescheduleRequestType(ModelNode):
    model = models.RescheduleRequest

    id: relay.NodeID[int]
    reason: str = strawberry.field(description="Why the task needs more time (原因)")
    deadline_before: datetime | None = strawberry.field(
        description="The deadline when it was asked, UTC"
    )
    new_deadline: datetime = strawberry.field(description="The deadline asked for, UTC")
    late: bool = strawberry.field(
        description="Asked less than one working day before the deadline, or after it "
        "(the source asks one day ahead: 提前1天说明原因); still accepted"
    )
    status: RescheduleRequestStatus = strawberry.field(description="Waiting or decided")
    decided_at: datetime | None = strawberry.field(description="When it was decided, UTC")
    decision_note: str = strawberry.field(description="The decider's note; may be empty")
    created_at: datetime = strawberry.field(description="When it was asked, UTC")

    @strawberry.field(description="Who asked (the task's assignee)")
    async def requested_by(self, root: models.RescheduleRequest, info: Info) -> UserRef | None:
        return await load_one(info, models.User, root.requested_by_id)

    @strawberry.field(description="Who decided (the initiator or ADMIN); null while waiting")
    async def decided_by(self, root: models.RescheduleRequest, info: Info) -> UserRef | None:
        return await load_one(info, models.User, root.decided_by_id)

    @strawberry.field(description="The task it is about")
    async def task(self, root: models.RescheduleRequest, info: Info) -> TaskRef | None:
        return await load_one(info, models.Task, root.task_id)


@strawberry.input(description="Ask to move your task's deadline later")
class RequestRescheduleInput:
    task_id: strawberry.ID = strawberry.field(description="The task's global id")
    reason: str = strawberry.field(description="Why it needs more time (原因)")
    new_deadline: datetime = strawberry.field(
        description="The deadline asked for, with a time zone; later than now and than the "
        "current deadline"
    )


@strawberry.input(description="Approve or decline a reschedule request")
class DecideRescheduleRequestInput:
    id: strawberry.ID = strawberry.field(description="The request's global id")
    approve: bool = strawberry.field(description="True: the deadline moves; false: it stays")
    note: str = strawberry.field(
        default="", description="A note to the assignee; required when declining"
    )


@strawberry.type
class RescheduleRequestMutations:
    @strawberry.mutation(
        description="The assignee asks to move their task's deadline; the initiator is told. "
        "A request less than one working day ahead is accepted and flagged late. Errors: "
        "UNAUTHENTICATED; FORBIDDEN (read-only token, not the assignee, archived); NOT_FOUND; "
        "INVALID_TRANSITION (task COMPLETED, a request already waiting); BAD_USER_INPUT "
        "(the field named)",
        permission_classes=[CanWrite],
    )
    async def request_reschedule(
        self,
        info: Info,
        input: Annotated[RequestRescheduleInput, strawberry.argument(description="The request")],
    ) -> RescheduleRequestType:
        ask = requests.RescheduleAsk(
            task_id=decode_id(input.task_id, "Task", "taskId"),
            reason=input.reason,
            new_deadline=input.new_deadline,
        )
        found = await requests.request_reschedule(info.context.require_viewer(), ask)
        return found  # type: ignore[return-value]

    @strawberry.mutation(
        description="The initiator (or ADMIN) approves a reschedule request, moving the "
        "deadline as rescheduleTask does, or declines it with a note; the assignee is told. "
        "Errors: UNAUTHENTICATED; FORBIDDEN (read-only token, not the initiator or ADMIN, "
        "archived); NOT_FOUND; INVALID_TRANSITION (already decided, task COMPLETED); "
        "BAD_USER_INPUT (note missing when declining, the new deadline already past)",
        permission_classes=[CanWrite],
    )
    async def decide_reschedule_request(
        self,
        info: Info,
        input: Annotated[
            DecideRescheduleRequestInput, strawberry.argument(description="The decision")
        ],
    ) -> RescheduleRequestType:
        found = await requests.decide_reschedule(
            info.context.require_viewer(),
            decode_id(input.id, "RescheduleRequest", "id"),
            input.approve,
            input.note,
        )
        return found  # type: ignore[return-value]
