"""Attachments (附件) with versions, meetings (会议) with minutes."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated, Any

import strawberry
from strawberry import relay
from strawberry.file_uploads import Upload
from strawberry.scalars import JSON

import models
from resolvers import attachments, meetings
from schema.base import Info, ModelNode, load_children, load_one, load_through
from schema.ids import decode_id, decode_ids
from schema.permissions import CanWrite, SignedIn

if TYPE_CHECKING:
    from schema.requirements import RequirementType
    from schema.tasks import TaskRescheduleType, TaskType
    from schema.users import UserType

UserRef = Annotated["UserType", strawberry.lazy("schema.users")]
TaskRef = Annotated["TaskType", strawberry.lazy("schema.tasks")]
RequirementRef = Annotated["RequirementType", strawberry.lazy("schema.requirements")]
TaskRescheduleRef = Annotated["TaskRescheduleType", strawberry.lazy("schema.tasks")]


def _path_id(type_name: str, pk: int) -> str:
    """A global id for a URL path: the HTTP routes in ``crossflow/downloads.py`` take it."""
    return str(relay.GlobalID(type_name, str(pk)))


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

    @strawberry.field(
        description="GET it with the same bearer token (Authorization header) as /graphql"
    )
    def download_url(self, root: models.AttachmentVersion) -> str:
        return f"/files/{_path_id('AttachmentVersion', root.id)}"


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

    @strawberry.field(description="The decisions with their owners, typed (see decisions)")
    def decision_items(self, root: models.Meeting) -> list[MeetingDecisionType]:
        return [
            MeetingDecisionType(decision=str(item["decision"]), owner_id=int(item["ownerId"]))
            for item in root.decisions
        ]

    @strawberry.field(
        description="The iCalendar invite: GET it with the bearer token (Authorization header)"
    )
    def ics_url(self, root: models.Meeting) -> str:
        return f"/meetings/{_path_id('Meeting', root.id)}.ics"


@strawberry.type(name="MeetingDecision", description="A decision of a meeting and its owner")
class MeetingDecisionType:
    decision: str
    owner_id: strawberry.Private[int]

    @strawberry.field
    async def owner(self, info: Info) -> UserRef | None:
        return await load_one(info, models.User, self.owner_id)


@strawberry.type(
    name="MeetingMinutesDraft",
    description="Minutes pre-filled from the task and its latest delay record (纪要草稿)",
)
class MeetingMinutesDraftType:
    meeting: MeetingType
    text: str = strawberry.field(
        description="Ready to edit: 任务, 当前进度, 延迟原因, 解决方案, 新节点"
    )
    task: TaskRef | None
    task_code: str | None
    task_title: str | None
    progress: int | None = strawberry.field(description="The task's current progress, 0-100")
    reason: str | None = strawberry.field(description="延迟原因, from the latest reschedule")
    solution: str | None = strawberry.field(description="解决方案, from the latest reschedule")
    new_deadline: datetime | None = strawberry.field(description="新节点")
    reschedule: TaskRescheduleRef | None = strawberry.field(
        description="The delay record the draft was filled from"
    )

    @classmethod
    def of(cls, draft: meetings.MinutesDraft) -> MeetingMinutesDraftType:
        task, reschedule = draft.task, draft.reschedule
        return cls(
            meeting=draft.meeting,  # type: ignore[arg-type]
            text=draft.text,
            task=task,  # type: ignore[arg-type]
            task_code=task.code if task else None,
            task_title=task.title if task else None,
            progress=task.progress if task else None,
            reason=reschedule.reason if reschedule else None,
            solution=reschedule.solution if reschedule else None,
            new_deadline=reschedule.new_deadline if reschedule else None,
            reschedule=reschedule,  # type: ignore[arg-type]
        )


@strawberry.input(description="A file for a requirement or one of its tasks (multipart request)")
class UploadAttachmentInput:
    file: Upload = strawberry.field(
        description="pdf, doc/docx, xls/xlsx, ppt/pptx, png, jpeg, gif, webp, csv, txt or zip"
    )
    requirement_id: strawberry.ID
    task_id: strawberry.ID | None = None
    note: str = strawberry.field(
        default="", description="Change note (变更说明); the same name again adds a version"
    )


@strawberry.input(description="Book a meeting about a requirement or a delayed task (会议预约)")
class ScheduleMeetingInput:
    requirement_id: strawberry.ID
    title: str
    starts_at: datetime = strawberry.field(description="In the future, with a time zone")
    duration_minutes: int = strawberry.field(description="5 to 480")
    attendee_ids: list[strawberry.ID]
    task_id: strawberry.ID | None = None


@strawberry.input
class MeetingDecisionInput:
    decision: str
    owner_id: strawberry.ID


@strawberry.input(description="The minutes (纪要) and the decisions taken, each with an owner")
class RecordMeetingMinutesInput:
    meeting_id: strawberry.ID
    minutes: str
    decisions: list[MeetingDecisionInput]


def _optional(value: strawberry.ID | None, type_name: str, field: str) -> int | None:
    return None if value is None else decode_id(value, type_name, field)


@strawberry.type
class FileQueries:
    @strawberry.field(
        description="A draft of the minutes, pre-filled from the task's latest delay record",
        permission_classes=[SignedIn],
    )
    async def meeting_minutes_draft(
        self, info: Info, meeting_id: strawberry.ID
    ) -> MeetingMinutesDraftType:
        viewer = info.context.require_viewer()
        draft = await meetings.minutes_draft(viewer, decode_id(meeting_id, "Meeting", "meetingId"))
        return MeetingMinutesDraftType.of(draft)


@strawberry.type
class FileMutations:
    @strawberry.mutation(
        description="Upload a file (multipart, with the X-CrossFlow-CSRF header); "
        "the same name again is a new version",
        permission_classes=[CanWrite],
    )
    async def upload_attachment(self, info: Info, input: UploadAttachmentInput) -> AttachmentType:
        viewer = info.context.require_viewer()
        upload: Any = input.file
        data = attachments.UploadInput(
            file=upload,
            requirement_id=decode_id(input.requirement_id, "Requirement", "requirementId"),
            task_id=_optional(input.task_id, "Task", "taskId"),
            note=input.note,
        )
        return await attachments.upload_attachment(viewer, data, info.context.settings)  # type: ignore[return-value]

    @strawberry.mutation(
        description="Book a meeting and invite people (initiator or ADMIN)",
        permission_classes=[CanWrite],
    )
    async def schedule_meeting(self, info: Info, input: ScheduleMeetingInput) -> MeetingType:
        viewer = info.context.require_viewer()
        form = meetings.MeetingForm(
            requirement_id=decode_id(input.requirement_id, "Requirement", "requirementId"),
            task_id=_optional(input.task_id, "Task", "taskId"),
            title=input.title,
            starts_at=input.starts_at,
            duration_minutes=input.duration_minutes,
            attendee_ids=decode_ids(input.attendee_ids, "User", "attendeeIds"),
        )
        return await meetings.schedule_meeting(viewer, form)  # type: ignore[return-value]

    @strawberry.mutation(
        description="Record the minutes and decisions (organizer, initiator or ADMIN)",
        permission_classes=[CanWrite],
    )
    async def record_meeting_minutes(
        self, info: Info, input: RecordMeetingMinutesInput
    ) -> MeetingType:
        viewer = info.context.require_viewer()
        decisions = [
            meetings.Decision(item.decision, decode_id(item.owner_id, "User", "decisions"))
            for item in input.decisions
        ]
        return await meetings.record_minutes(  # type: ignore[return-value]
            viewer, decode_id(input.meeting_id, "Meeting", "meetingId"), input.minutes, decisions
        )
