"""Attachments (附件) with versions, meetings (会议) with minutes."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated, Any

import strawberry
from strawberry import relay
from strawberry.file_uploads import Upload
from strawberry.scalars import JSON

import models
from resolvers.collaboration import meetings
from resolvers.files import attachments
from schema.access.permissions import CanWrite, SignedIn
from schema.base import Info, ModelNode, load_children, load_one, load_through
from schema.ids import decode_id, decode_ids, decode_optional_id

if TYPE_CHECKING:
    from schema.people.users import UserType
    from schema.requirements.requirement import RequirementType
    from schema.tasks.task import TaskRescheduleType, TaskType

UserRef = Annotated["UserType", strawberry.lazy("schema.people.users")]
TaskRef = Annotated["TaskType", strawberry.lazy("schema.tasks.task")]
RequirementRef = Annotated["RequirementType", strawberry.lazy("schema.requirements.requirement")]
TaskRescheduleRef = Annotated["TaskRescheduleType", strawberry.lazy("schema.tasks.task")]


def _path_id(type_name: str, pk: int) -> str:
    """A global id for a URL path: the HTTP routes in ``crossflow/downloads.py`` take it."""
    return str(relay.GlobalID(type_name, str(pk)))


@strawberry.type(name="Attachment", description="A named file with its version history")
class AttachmentType(ModelNode):
    model = models.Attachment

    id: relay.NodeID[int]
    file_name: str = strawberry.field(
        description="The file's name; uploading it again adds a version"
    )
    current_version: int = strawberry.field(description="The number of the newest version")
    created_at: datetime = strawberry.field(description="When the first version was uploaded, UTC")

    @strawberry.field(description="The requirement the file belongs to")
    async def requirement(self, root: models.Attachment, info: Info) -> RequirementRef | None:
        return await load_one(info, models.Requirement, root.requirement_id)

    @strawberry.field(description="The task it was attached to; null: the requirement's own")
    async def task(self, root: models.Attachment, info: Info) -> TaskRef | None:
        return await load_one(info, models.Task, root.task_id)

    @strawberry.field(description="Who uploaded the first version")
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
    number: int = strawberry.field(description="1 for the first upload, then +1 each")
    sha256: str = strawberry.field(description="SHA-256 of the content, hex")
    size: int = strawberry.field(description="Size in bytes")
    content_type: str = strawberry.field(description="Media type, identified from the content")
    change_note: str = strawberry.field(description="What changed (变更说明)")
    created_at: datetime = strawberry.field(description="When it was uploaded, UTC")

    @strawberry.field(description="Who uploaded this version")
    async def uploaded_by(self, root: models.AttachmentVersion, info: Info) -> UserRef | None:
        return await load_one(info, models.User, root.uploaded_by_id)

    @strawberry.field(
        description="GET it with the same bearer token (Authorization header) as /graphql; "
        "BI tokens may not (FORBIDDEN)"
    )
    def download_url(self, root: models.AttachmentVersion) -> str:
        return f"/files/{_path_id('AttachmentVersion', root.id)}"


@strawberry.type(name="Meeting", description="A meeting about a delay (会议预约) and its minutes")
class MeetingType(ModelNode):
    model = models.Meeting

    id: relay.NodeID[int]
    title: str = strawberry.field(description="The subject (会议主题)")
    starts_at: datetime = strawberry.field(description="When it starts, UTC")
    duration_minutes: int = strawberry.field(description="Length in minutes (5-480)")
    minutes: str = strawberry.field(description="The minutes (会议纪要); empty until recorded")
    decisions: JSON = strawberry.field(description='[{"decision": str, "ownerId": int}]')
    minutes_recorded_at: datetime | None = strawberry.field(
        description="When the minutes were recorded, UTC"
    )

    @strawberry.field(description="The requirement it is about")
    async def requirement(self, root: models.Meeting, info: Info) -> RequirementRef | None:
        return await load_one(info, models.Requirement, root.requirement_id)

    @strawberry.field(description="The (delayed) task it is about, if any")
    async def task(self, root: models.Meeting, info: Info) -> TaskRef | None:
        return await load_one(info, models.Task, root.task_id)

    @strawberry.field(description="Who booked it")
    async def organizer(self, root: models.Meeting, info: Info) -> UserRef | None:
        return await load_one(info, models.User, root.organizer_id)

    @strawberry.field(description="The people invited")
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
    decision: str = strawberry.field(description="What was decided (决议)")
    owner_id: strawberry.Private[int]

    @strawberry.field(description="Who carries it out")
    async def owner(self, info: Info) -> UserRef | None:
        return await load_one(info, models.User, self.owner_id)


@strawberry.type(
    name="MeetingMinutesDraft",
    description="Minutes pre-filled from the task and its latest delay record (纪要草稿)",
)
class MeetingMinutesDraftType:
    meeting: MeetingType = strawberry.field(description="The meeting")
    text: str = strawberry.field(
        description="Ready to edit: 任务, 当前进度, 延迟原因, 解决方案, 新节点"
    )
    task: TaskRef | None = strawberry.field(description="The meeting's task, if any")
    task_code: str | None = strawberry.field(description="The task's code (任务)")
    task_title: str | None = strawberry.field(description="The task's title")
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
    requirement_id: strawberry.ID = strawberry.field(
        description="The requirement (global id); you must be a participant"
    )
    task_id: strawberry.ID | None = strawberry.field(
        default=None, description="One of its tasks (global id); null: the requirement's file"
    )
    note: str = strawberry.field(
        default="", description="Change note (变更说明); the same name again adds a version"
    )


@strawberry.input(description="Book a meeting about a requirement or a delayed task (会议预约)")
class ScheduleMeetingInput:
    requirement_id: strawberry.ID = strawberry.field(description="The requirement (global id)")
    title: str = strawberry.field(description="The subject, 2-200 characters")
    starts_at: datetime = strawberry.field(description="In the future, with a time zone")
    duration_minutes: int = strawberry.field(description="5 to 480")
    attendee_ids: list[strawberry.ID] = strawberry.field(
        description="People to invite (global User ids), at most 100; they are notified"
    )
    task_id: strawberry.ID | None = strawberry.field(
        default=None, description="The task it is about (global id)"
    )


@strawberry.input(description="A decision taken in a meeting and who carries it out")
class MeetingDecisionInput:
    decision: str = strawberry.field(description="What was decided")
    owner_id: strawberry.ID = strawberry.field(description="Who carries it out (global User id)")


@strawberry.input(description="The minutes (纪要) and the decisions taken, each with an owner")
class RecordMeetingMinutesInput:
    meeting_id: strawberry.ID = strawberry.field(description="The meeting (global id), started")
    minutes: str = strawberry.field(description="The minutes text")
    decisions: list[MeetingDecisionInput] = strawberry.field(
        description="The decisions, each with an owner"
    )


@strawberry.type
class FileQueries:
    @strawberry.field(
        description="A draft of the minutes, pre-filled from the task's latest delay record",
        permission_classes=[SignedIn],
    )
    async def meeting_minutes_draft(
        self,
        info: Info,
        meeting_id: Annotated[
            strawberry.ID, strawberry.argument(description="The meeting's global id")
        ],
    ) -> MeetingMinutesDraftType:
        viewer = info.context.require_viewer()
        draft = await meetings.minutes_draft(viewer, decode_id(meeting_id, "Meeting", "meetingId"))
        return MeetingMinutesDraftType.of(draft)


@strawberry.type
class FileMutations:
    @strawberry.mutation(
        description="Upload a file (multipart, with the X-CrossFlow-CSRF header); "
        "the same name again is a new version. Errors: UNAUTHENTICATED; FORBIDDEN (read-only "
        "token, not a participant, archived); NOT_FOUND; INVALID_TRANSITION (requirement "
        "CANCELLED); BAD_USER_INPUT (file empty, too large or of a type not allowed)",
        permission_classes=[CanWrite],
    )
    async def upload_attachment(
        self,
        info: Info,
        input: Annotated[UploadAttachmentInput, strawberry.argument(description="The file")],
    ) -> AttachmentType:
        viewer = info.context.require_viewer()
        upload: Any = input.file
        data = attachments.UploadInput(
            file=upload,
            requirement_id=decode_id(input.requirement_id, "Requirement", "requirementId"),
            task_id=decode_optional_id(input.task_id, "Task", "taskId"),
            note=input.note,
        )
        return await attachments.upload_attachment(viewer, data, info.context.settings)  # type: ignore[return-value]

    @strawberry.mutation(
        description="Book a meeting and invite people (initiator or ADMIN); an iCalendar "
        "invite is at icsUrl. Errors: UNAUTHENTICATED; FORBIDDEN (read-only token, not the "
        "initiator or ADMIN, archived); NOT_FOUND; INVALID_TRANSITION (requirement DRAFT or "
        "CANCELLED); BAD_USER_INPUT (the field named)",
        permission_classes=[CanWrite],
    )
    async def schedule_meeting(
        self,
        info: Info,
        input: Annotated[ScheduleMeetingInput, strawberry.argument(description="The booking")],
    ) -> MeetingType:
        viewer = info.context.require_viewer()
        form = meetings.MeetingForm(
            requirement_id=decode_id(input.requirement_id, "Requirement", "requirementId"),
            task_id=decode_optional_id(input.task_id, "Task", "taskId"),
            title=input.title,
            starts_at=input.starts_at,
            duration_minutes=input.duration_minutes,
            attendee_ids=decode_ids(input.attendee_ids, "User", "attendeeIds"),
        )
        return await meetings.schedule_meeting(viewer, form)  # type: ignore[return-value]

    @strawberry.mutation(
        description="Record the minutes and decisions (organizer, initiator or ADMIN). "
        "Errors: UNAUTHENTICATED; FORBIDDEN (read-only token, none of those, archived); "
        "NOT_FOUND; INVALID_TRANSITION (the meeting has not started); BAD_USER_INPUT",
        permission_classes=[CanWrite],
    )
    async def record_meeting_minutes(
        self,
        info: Info,
        input: Annotated[RecordMeetingMinutesInput, strawberry.argument(description="The minutes")],
    ) -> MeetingType:
        viewer = info.context.require_viewer()
        decisions = [
            meetings.Decision(item.decision, decode_id(item.owner_id, "User", "decisions"))
            for item in input.decisions
        ]
        return await meetings.record_minutes(  # type: ignore[return-value]
            viewer, decode_id(input.meeting_id, "Meeting", "meetingId"), input.minutes, decisions
        )
