"""Comments with @mentions, and collaboration requests (协作请求) between departments."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry
from strawberry import relay

import models
from resolvers import collaboration, comments
from schema.base import Info, ModelNode, load_one, load_through
from schema.enums import CollaborationStatus
from schema.ids import decode_id
from schema.permissions import CanWrite

if TYPE_CHECKING:
    from schema.departments import DepartmentType
    from schema.tasks import TaskType
    from schema.users import UserType

UserRef = Annotated["UserType", strawberry.lazy("schema.users")]
DepartmentRef = Annotated["DepartmentType", strawberry.lazy("schema.departments")]
TaskRef = Annotated["TaskType", strawberry.lazy("schema.tasks")]


@strawberry.type(name="Comment", description="A remark on a task; @username mentions notify")
class CommentType(ModelNode):
    model = models.Comment

    id: relay.NodeID[int]
    body: str
    created_at: datetime

    @strawberry.field
    async def author(self, root: models.Comment, info: Info) -> UserRef | None:
        return await load_one(info, models.User, root.author_id)

    @strawberry.field
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
    content: str
    expected_by: datetime | None
    status: CollaborationStatus
    answer: str
    answered_at: datetime | None
    created_at: datetime
    updated_at: datetime = strawberry.field(
        description="When this record last changed (UTC); filter or sort by it to load changes"
    )

    @strawberry.field
    async def task(self, root: models.CollaborationRequest, info: Info) -> TaskRef | None:
        return await load_one(info, models.Task, root.task_id)

    @strawberry.field
    async def from_user(self, root: models.CollaborationRequest, info: Info) -> UserRef | None:
        return await load_one(info, models.User, root.from_user_id)

    @strawberry.field
    async def from_department(
        self, root: models.CollaborationRequest, info: Info
    ) -> DepartmentRef | None:
        return await load_one(info, models.Department, root.from_department_id)

    @strawberry.field(description="The department asked for help")
    async def to_department(
        self, root: models.CollaborationRequest, info: Info
    ) -> DepartmentRef | None:
        return await load_one(info, models.Department, root.to_department_id)

    @strawberry.field
    async def answered_by(self, root: models.CollaborationRequest, info: Info) -> UserRef | None:
        return await load_one(info, models.User, root.answered_by_id)


@strawberry.input(description="A remark on a task; @username mentions notify that person")
class AddCommentInput:
    task_id: strawberry.ID
    body: str = strawberry.field(description="1-5000 characters")


@strawberry.input(description="Ask a department for help (协作请求)")
class CreateCollaborationRequestInput:
    task_id: strawberry.ID
    to_department_id: strawberry.ID
    content: str = strawberry.field(default="", description="What help is needed (required)")
    expected_by: datetime | None = strawberry.field(
        default=None, description="When the help is needed, in the future, with a time zone"
    )


@strawberry.input(description="The addressed department's answer")
class AnswerCollaborationRequestInput:
    id: strawberry.ID
    answer: str


@strawberry.type
class CollaborationMutations:
    @strawberry.mutation(
        description="Comment on a task (participants); @mentions notify",
        permission_classes=[CanWrite],
    )
    async def add_comment(self, info: Info, input: AddCommentInput) -> CommentType:
        viewer = info.context.require_viewer()
        task_id = decode_id(input.task_id, "Task", "taskId")
        return await comments.add_comment(viewer, task_id, input.body)  # type: ignore[return-value]

    @strawberry.mutation(
        description="Ask another department for help (participants)",
        permission_classes=[CanWrite],
    )
    async def create_collaboration_request(
        self, info: Info, input: CreateCollaborationRequestInput
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
        description="Answer a request addressed to your department",
        permission_classes=[CanWrite],
    )
    async def answer_collaboration_request(
        self, info: Info, input: AnswerCollaborationRequestInput
    ) -> CollaborationRequestType:
        viewer = info.context.require_viewer()
        request_id = decode_id(input.id, "CollaborationRequest", "id")
        return await collaboration.answer_collaboration_request(  # type: ignore[return-value]
            viewer, request_id, input.answer
        )
