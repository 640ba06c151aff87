"""Comments with @mentions, and collaboration requests (协作请求) between departments."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry
from strawberry import relay

import models
from schema.base import Info, ModelNode, load_one, load_through
from schema.enums import CollaborationStatus

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
