"""Comments with @mentions, and collaboration requests (协作请求) between departments."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry
from strawberry import relay

import models
from resolvers.collaboration import comments
from resolvers.collaboration import requests as collaboration
from schema.access.permissions import CanWrite
from schema.base import Info, ModelNode, load_one, load_through
from schema.enums import CollaborationStatus
from schema.ids import decode_id

if TYPE_CHECKING:
    from schema.people.departments import DepartmentType
    from schema.people.users import UserType
    from schema.tasks.task import TaskType

UserRef = Annotated["UserType", strawberry.lazy("schema.people.users")]
DepartmentRef = Annotated["DepartmentType", strawberry.lazy("schema.people.departments")]
TaskRef = Annotated["TaskType", strawberry.lazy("schema.tasks.task")]


@strawberry.type(name="Comment", description="A remark on a task; @username mentions notify")
class CommentType(ModelNode):
    model = models.Comment

    id: relay.NodeID[int]
    body: str = strawberry.field(description="The text, with @username mentions")
    created_at: datetime = strawberry.field(description="When it was written, UTC")

    @strawberry.field(description="Who wrote it")
    async def author(self, root: models.Comment, info: Info) -> UserRef | None:
        return await load_one(info, models.User, root.author_id)

    @strawberry.field(description="The task commented on")
    async def task(self, root: models.Comment, info: Info) -> TaskRef | None:
        return await load_one(info, models.Task, root.task_id)

    @strawberry.field(description="Users @mentioned in the body")
    async def mentions(self, root: models.Comment, info: Info) -> list[UserRef]:
        return await load_through(
            info, models.Mention, "comment_id", root.id, models.User, "user_id"
        )


@strawberry.type(name="CollaborationRequest", description="A request for help (协作请求)")
class CollaborationRequestType(ModelNode):
    model = models.CollaborationRequest

    id: relay.NodeID[int]
    content: str = strawberry.field(description="What help is needed")
    expected_by: datetime | None = strawberry.field(
        description="When it is needed (expected response time), UTC; null only for requests "
        "raised before it was required"
    )
    status: CollaborationStatus = strawberry.field(
        description="OPEN until answered, answered in part or declined"
    )
    answer: str = strawberry.field(description="The answer given; empty while OPEN")
    reason: str = strawberry.field(
        description="Why it was declined, or what a partial answer leaves open; else empty"
    )
    answered_at: datetime | None = strawberry.field(description="When it was answered, UTC")
    created_at: datetime = strawberry.field(description="When it was raised, UTC")
    updated_at: datetime = strawberry.field(
        description="When this record last changed (UTC); filter or sort by it to load changes"
    )

    @strawberry.field(description="The task the help is for")
    async def task(self, root: models.CollaborationRequest, info: Info) -> TaskRef | None:
        return await load_one(info, models.Task, root.task_id)

    @strawberry.field(description="Who asked")
    async def from_user(self, root: models.CollaborationRequest, info: Info) -> UserRef | None:
        return await load_one(info, models.User, root.from_user_id)

    @strawberry.field(description="The asking person's department")
    async def from_department(
        self, root: models.CollaborationRequest, info: Info
    ) -> DepartmentRef | None:
        return await load_one(info, models.Department, root.from_department_id)

    @strawberry.field(description="The department asked for help")
    async def to_department(
        self, root: models.CollaborationRequest, info: Info
    ) -> DepartmentRef | None:
        return await load_one(info, models.Department, root.to_department_id)

    @strawberry.field(description="Who answered; null while OPEN")
    async def answered_by(self, root: models.CollaborationRequest, info: Info) -> UserRef | None:
        return await load_one(info, models.User, root.answered_by_id)


@strawberry.input(description="A remark on a task; @username mentions notify that person")
class AddCommentInput:
    task_id: strawberry.ID = strawberry.field(description="The task (global id)")
    body: str = strawberry.field(description="1-5000 characters")


@strawberry.input(description="Ask a department for help (协作请求)")
class CreateCollaborationRequestInput:
    task_id: strawberry.ID = strawberry.field(description="The unfinished task (global id)")
    to_department_id: strawberry.ID = strawberry.field(
        description="The department asked (global id)"
    )
    expected_by: datetime = strawberry.field(
        description="When the help is needed (expected response time), in the future, with a "
        "time zone; the COLLABORATION_DUE warning watches it"
    )
    content: str = strawberry.field(default="", description="What help is needed (required)")


@strawberry.input(description="The addressed department's answer")
class AnswerCollaborationRequestInput:
    id: strawberry.ID = strawberry.field(description="The request's global id")
    answer: str = strawberry.field(description="The answer; required")
    partly: bool = strawberry.field(
        default=False,
        description="true: the answer covers part of the help (PARTLY_ANSWERED); say what is "
        "still open in `reason`",
    )
    reason: str = strawberry.field(
        default="", description="What is still open; required when `partly` is true"
    )


@strawberry.input(description="The addressed department declines a request, saying why")
class DeclineCollaborationRequestInput:
    id: strawberry.ID = strawberry.field(description="The request's global id")
    reason: str = strawberry.field(description="Why it cannot help; required")


@strawberry.type
class CollaborationMutations:
    @strawberry.mutation(
        description="Comment on a task (participants, or a person @mentioned on it); "
        "@mentions notify. Errors: UNAUTHENTICATED; FORBIDDEN (read-only token, neither, "
        "archived); NOT_FOUND; BAD_USER_INPUT (the field named, too many mentions); "
        "RATE_LIMITED (too many comments; extensions.retryAfterSeconds)",
        permission_classes=[CanWrite],
    )
    async def add_comment(
        self,
        info: Info,
        input: Annotated[AddCommentInput, strawberry.argument(description="The comment")],
    ) -> CommentType:
        viewer = info.context.require_viewer()
        task_id = decode_id(input.task_id, "Task", "taskId")
        return await comments.add_comment(  # type: ignore[return-value]
            viewer,
            task_id,
            input.body,
            settings=info.context.settings,
            limiter=info.context.comment_limiter,
        )

    @strawberry.mutation(
        description="Ask another department for help (participants); its head and members are "
        "notified. "
        "Errors: UNAUTHENTICATED; FORBIDDEN (read-only token, not a participant, archived); "
        "NOT_FOUND; INVALID_TRANSITION (task COMPLETED); BAD_USER_INPUT (the field named)",
        permission_classes=[CanWrite],
    )
    async def create_collaboration_request(
        self,
        info: Info,
        input: Annotated[
            CreateCollaborationRequestInput, strawberry.argument(description="The request")
        ],
    ) -> CollaborationRequestType:
        viewer = info.context.require_viewer()
        data = collaboration.CollaborationInput(
            task_id=decode_id(input.task_id, "Task", "taskId"),
            to_department_id=decode_id(input.to_department_id, "Department", "toDepartmentId"),
            content=input.content,
            expected_by=input.expected_by,
        )
        return await collaboration.create_collaboration_request(viewer, data)  # type: ignore[return-value]

    @strawberry.mutation(
        description="Answer a request addressed to your department (its members or head), "
        "fully or in part (partly: true, with what is still open); the asker is notified. "
        "Errors: UNAUTHENTICATED; FORBIDDEN (read-only token, not the addressed department, "
        "archived); NOT_FOUND; INVALID_TRANSITION (already answered or declined); "
        "BAD_USER_INPUT",
        permission_classes=[CanWrite],
    )
    async def answer_collaboration_request(
        self,
        info: Info,
        input: Annotated[
            AnswerCollaborationRequestInput, strawberry.argument(description="The answer")
        ],
    ) -> CollaborationRequestType:
        viewer = info.context.require_viewer()
        request_id = decode_id(input.id, "CollaborationRequest", "id")
        return await collaboration.answer_collaboration_request(  # type: ignore[return-value]
            viewer, request_id, input.answer, partly=input.partly, reason=input.reason
        )

    @strawberry.mutation(
        description="Decline a request addressed to your department (its members or head), "
        "saying why (DECLINED); the asker is notified. Errors: UNAUTHENTICATED; FORBIDDEN "
        "(read-only token, not the addressed department, archived); NOT_FOUND; "
        "INVALID_TRANSITION (already answered or declined); BAD_USER_INPUT (no reason)",
        permission_classes=[CanWrite],
    )
    async def decline_collaboration_request(
        self,
        info: Info,
        input: Annotated[
            DeclineCollaborationRequestInput, strawberry.argument(description="The refusal")
        ],
    ) -> CollaborationRequestType:
        viewer = info.context.require_viewer()
        request_id = decode_id(input.id, "CollaborationRequest", "id")
        return await collaboration.decline_collaboration_request(  # type: ignore[return-value]
            viewer, request_id, input.reason
        )
