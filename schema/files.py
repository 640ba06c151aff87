"""Attachments (附件) with versions, meetings (会议) with minutes."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry
from strawberry import relay
from strawberry.scalars import JSON

import models
from schema.base import Info, ModelNode, load_children, load_one, load_through

if TYPE_CHECKING:
    from schema.requirements import RequirementType
    from schema.tasks import TaskType
    from schema.users import UserType

UserRef = Annotated["UserType", strawberry.lazy("schema.users")]
TaskRef = Annotated["TaskType", strawberry.lazy("schema.tasks")]
RequirementRef = Annotated["RequirementType", strawberry.lazy("schema.requirements")]


@strawberry.type(name="Attachment", description="A named file with its version history")
class AttachmentType(ModelNode):
    model = models.Attachment

    id: relay.NodeID[int]
    file_name: str
    current_version: int
    created_at: datetime

    @strawberry.field
    async def requirement(self, root: models.Attachment, info: Info) -> RequirementRef | None:
        return await load_one(info, models.Requirement, root.requirement_id)

    @strawberry.field
    async def task(self, root: models.Attachment, info: Info) -> TaskRef | None:
        return await load_one(info, models.Task, root.task_id)

    @strawberry.field
    async def uploaded_by(self, root: models.Attachment, info: Info) -> UserRef | None:
        return await load_one(info, models.User, root.uploaded_by_id)

    @strawberry.field(description="Every stored version, the first first")
    async def versions(self, root: models.Attachment, info: Info) -> list[AttachmentVersionType]:
        return await load_children(
            info, models.AttachmentVersion, "attachment_id", root.id, "number"
        )


@strawberry.type(name="AttachmentVersion", description="One stored file, by content hash")
class AttachmentVersionType(ModelNode):
    model = models.AttachmentVersion

    id: relay.NodeID[int]
    number: int
    sha256: str
    size: int
    content_type: str
    change_note: str
    created_at: datetime

    @strawberry.field
    async def uploaded_by(self, root: models.AttachmentVersion, info: Info) -> UserRef | None:
        return await load_one(info, models.User, root.uploaded_by_id)


@strawberry.type(name="Meeting", description="A meeting about a delay (会议预约) and its minutes")
class MeetingType(ModelNode):
    model = models.Meeting

    id: relay.NodeID[int]
    title: str
    starts_at: datetime
    duration_minutes: int
    minutes: str
    decisions: JSON = strawberry.field(description='[{"decision": str, "ownerId": int}]')
    minutes_recorded_at: datetime | None

    @strawberry.field
    async def requirement(self, root: models.Meeting, info: Info) -> RequirementRef | None:
        return await load_one(info, models.Requirement, root.requirement_id)

    @strawberry.field
    async def task(self, root: models.Meeting, info: Info) -> TaskRef | None:
        return await load_one(info, models.Task, root.task_id)

    @strawberry.field
    async def organizer(self, root: models.Meeting, info: Info) -> UserRef | None:
        return await load_one(info, models.User, root.organizer_id)

    @strawberry.field
    async def attendees(self, root: models.Meeting, info: Info) -> list[UserRef]:
        return await load_through(
            info, models.MeetingAttendee, "meeting_id", root.id, models.User, "user_id"
        )
