"""Meetings about a delay (会议预约): booking with an iCalendar invite, minutes (纪要).

Step 4 of the source: "a delayed task: the initiator holds an online meeting, and the
outcome is recorded as reason, solution and new deadline". The invite is an ``.ics`` any
calendar imports; the minutes start from a draft filled in from the task's latest delay
record, so the meeting discusses the facts instead of retyping them.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from icalendar import Calendar, Event, vCalAddress, vText
from tortoise.connection import get_connection
from tortoise.transactions import in_transaction

from core import clock, outbox
from core.queries import int_column
from models import Meeting, MeetingAttendee, Requirement, Task, TaskReschedule, User
from models.enums import NotificationKind, RequirementStatus
from resolvers import audit
from resolvers.access import policy
from resolvers.access.auth import Viewer
from resolvers.errors import BadUserInput, InvalidTransition
from resolvers.notifications.notify import notify
from resolvers.notifications.texts import beijing_time, business_date
from resolvers.workflow import ensure_state, ensure_writable, load_visible, snapshot

S = RequirementStatus
#: Meetings need people who take part: not a lone draft, not a cancelled requirement
#: (ARCHIVED is refused as read-only before this check).
MEETING_STATES = tuple(s for s in S if s not in (S.DRAFT, S.CANCELLED, S.ARCHIVED))
MIN_MINUTES, MAX_MINUTES = 5, 480
MAX_ATTENDEES = 100
MAX_AHEAD = timedelta(days=366)
MINUTES_LIMIT = 20_000
DECISION_LIMIT = 1_000
MAX_DECISIONS = 50


@dataclass
class MeetingForm:
    requirement_id: int
    title: str
    starts_at: datetime
    duration_minutes: int
    attendee_ids: list[int]
    task_id: int | None = None


def _validate(form: MeetingForm) -> None:
    form.title = form.title.strip()
    if not 2 <= len(form.title) <= 200:
        raise BadUserInput("会议主题需2到200个字 (a title of 2 to 200 characters)", field="title")
    if form.starts_at.tzinfo is None:
        raise BadUserInput("时间需带时区 (times need a time zone)", field="startsAt")
    now = clock.now()
    if form.starts_at <= now:
        raise BadUserInput(
            "会议时间须晚于当前时间 (startsAt must be in the future)", field="startsAt"
        )
    if form.starts_at > now + MAX_AHEAD:
        raise BadUserInput("会议时间须在一年以内 (at most a year ahead)", field="startsAt")
    if not MIN_MINUTES <= form.duration_minutes <= MAX_MINUTES:
        raise BadUserInput(
            f"会议时长需{MIN_MINUTES}到{MAX_MINUTES}分钟 (5 to 480 minutes)",
            field="durationMinutes",
        )
    form.attendee_ids = list(dict.fromkeys(form.attendee_ids))
    if not 1 <= len(form.attendee_ids) <= MAX_ATTENDEES:
        raise BadUserInput(
            f"请邀请1到{MAX_ATTENDEES}位参会人 (invite 1 to {MAX_ATTENDEES} people)",
            field="attendeeIds",
        )


async def schedule_meeting(viewer: Viewer, form: MeetingForm) -> Meeting:
    """Book a meeting (initiator or ADMIN) and invite the attendees in-app."""
    policy.require_writer(viewer)
    assert viewer.user_id is not None
    async with in_transaction() as conn:
        requirement = await load_visible(Requirement, viewer, form.requirement_id, conn, lock=True)
        policy.require_initiator_or_admin(viewer, requirement)
        ensure_writable(requirement)
        ensure_state(requirement, MEETING_STATES, "scheduleMeeting")
        _validate(form)
        task = None
        if form.task_id is not None:
            task = (
                await Task.filter(id=form.task_id, requirement_id=requirement.id)
                .using_db(conn)
                .first()
            )
            if task is None:
                raise BadUserInput(
                    "任务不属于该需求 (no such task on this requirement)", field="taskId"
                )
        active = await int_column(
            User.filter(id__in=form.attendee_ids, is_active=True).using_db(conn), "id"
        )
        if len(active) != len(form.attendee_ids):
            raise BadUserInput(
                "参会人不存在或已停用 (unknown or inactive user)", field="attendeeIds"
            )
        meeting = await Meeting.create(
            requirement_id=requirement.id,
            task_id=form.task_id,
            organizer_id=viewer.user_id,
            title=form.title,
            starts_at=form.starts_at,
            duration_minutes=form.duration_minutes,
            uid=f"{uuid.uuid4()}@crossflow",
            using_db=conn,
        )
        for user_id in form.attendee_ids:
            await MeetingAttendee.create(meeting_id=meeting.id, user_id=user_id, using_db=conn)
        subject_code = task.code if task else requirement.code
        await audit.record(
            viewer,
            "meeting.schedule",
            "Meeting",
            meeting.id,
            subject_code=subject_code,
            after={
                **snapshot(meeting, ("title", "starts_at", "duration_minutes", "uid")),
                "taskId": form.task_id,
                "attendeeIds": form.attendee_ids,
            },
            using_db=conn,
        )
        await notify(
            form.attendee_ids,
            NotificationKind.MEETING_SCHEDULED,
            {"title": meeting.title, "starts_at": beijing_time(meeting.starts_at)},
            subject_type="Meeting",
            subject_id=meeting.id,
            subject_code=subject_code,
            conn=conn,
            exclude=viewer.user_id,
        )
    outbox.kick()
    return meeting


@dataclass(frozen=True)
class Decision:
    """One decision of the meeting and the person who carries it out."""

    decision: str
    owner_id: int


async def record_minutes(
    viewer: Viewer, meeting_id: int, minutes: str, decisions: list[Decision]
) -> Meeting:
    """Record (or correct) the minutes and decisions once the meeting has begun.

    A correction overwrites the minutes; the audit entry keeps what was there before.
    """
    policy.require_writer(viewer)
    async with in_transaction() as conn:
        meeting = await load_visible(Meeting, viewer, meeting_id, conn, lock=True)
        requirement = await Requirement.get(id=meeting.requirement_id, using_db=conn)
        policy.require_minutes_taker(viewer, meeting, requirement)
        ensure_writable(requirement)
        if meeting.starts_at > clock.now():
            raise InvalidTransition(
                "会议尚未开始，不能记录纪要 (the meeting has not started yet)",
                status="SCHEDULED",
                action="recordMeetingMinutes",
            )
        text = minutes.strip()
        if not 1 <= len(text) <= MINUTES_LIMIT:
            raise BadUserInput(
                f"请填写纪要，最多{MINUTES_LIMIT}字 (minutes are required)", field="minutes"
            )
        items = [Decision(d.decision.strip(), d.owner_id) for d in decisions]
        if not 1 <= len(items) <= MAX_DECISIONS or any(
            not 1 <= len(d.decision) <= DECISION_LIMIT for d in items
        ):
            raise BadUserInput(
                "请至少记录一项决议，每项不超过1000字 (at least one decision)", field="decisions"
            )
        owners = {d.owner_id for d in items}
        if await User.filter(id__in=owners).using_db(conn).count() != len(owners):
            raise BadUserInput("决议负责人不存在 (unknown decision owner)", field="decisions")
        fields = ("minutes", "decisions", "minutes_recorded_at")
        before = snapshot(meeting, fields)
        meeting.minutes = text
        meeting.decisions = [{"decision": d.decision, "ownerId": d.owner_id} for d in items]
        meeting.minutes_recorded_at = clock.now()
        await meeting.save(using_db=conn, update_fields=[*fields, "updated_at"])
        await audit.record(
            viewer,
            "meeting.minutes",
            "Meeting",
            meeting.id,
            subject_code=requirement.code,
            before=before,
            after=snapshot(meeting, fields),
            using_db=conn,
        )
    return meeting


@dataclass(frozen=True)
class MinutesDraft:
    """A pre-filled draft of the minutes: the task's state and its latest delay record."""

    meeting: Meeting
    requirement: Requirement
    task: Task | None
    reschedule: TaskReschedule | None
    text: str


async def minutes_draft(viewer: Viewer, meeting_id: int) -> MinutesDraft:
    """The minutes as far as the platform already knows them, as fields and as text.

    The text reads like the source's example ("设计部增派1人支持，延期2天完成") so the
    organiser edits rather than writes it.
    """
    conn = get_connection("default")
    # the requirement and the task come with the meeting, in its statement
    meeting = await load_visible(Meeting, viewer, meeting_id, conn, related=("requirement", "task"))
    requirement: Requirement = meeting.requirement
    task: Task | None = meeting.task
    reschedule = None
    if task is not None:
        reschedule = (
            await TaskReschedule.filter(task_id=task.id)
            .using_db(conn)
            .order_by("-created_at", "-id")
            .first()
        )
    return MinutesDraft(
        meeting, requirement, task, reschedule, _draft_text(requirement, task, reschedule)
    )


def _draft_text(
    requirement: Requirement, task: Task | None, reschedule: TaskReschedule | None
) -> str:
    if task is None:
        return f"需求：{requirement.title}（{requirement.code}）"
    new_deadline = (
        business_date(reschedule.new_deadline, today_year=clock.today().year) if reschedule else ""
    )
    return "\n".join(
        [
            f"任务：{task.title}（{task.code}）",
            f"当前进度：{task.progress}%",
            f"延迟原因：{reschedule.reason if reschedule else ''}",
            f"解决方案：{reschedule.solution if reschedule else ''}",
            f"新节点：{new_deadline}",
        ]
    )


async def invite(viewer: Viewer, meeting_id: int) -> bytes:
    """The meeting's iCalendar invite (RFC 5545), for viewers who may read its requirement.

    Times are in UTC, which every calendar converts to its own zone; people without an
    e-mail address are left out of ORGANIZER/ATTENDEE, as a ``mailto:`` needs one.
    """
    conn = get_connection("default")
    meeting = await load_visible(Meeting, viewer, meeting_id, conn)
    requirement = await Requirement.get(id=meeting.requirement_id, using_db=conn)
    task = await Task.get_or_none(id=meeting.task_id, using_db=conn) if meeting.task_id else None
    organizer = await User.get(id=meeting.organizer_id, using_db=conn)
    attendee_ids = await int_column(
        MeetingAttendee.filter(meeting_id=meeting.id).using_db(conn), "user_id"
    )
    attendees = await User.filter(id__in=attendee_ids).using_db(conn).order_by("id")
    description = [f"需求：{requirement.code}「{requirement.title}」"]
    if task is not None:
        description.append(f"任务：{task.code}「{task.title}」")
    description.append(f"时长：{meeting.duration_minutes}分钟")

    event = Event()
    event.add("uid", meeting.uid)
    event.add("dtstamp", meeting.created_at.astimezone(UTC))
    event.add("dtstart", meeting.starts_at.astimezone(UTC))
    event.add(
        "dtend", (meeting.starts_at + timedelta(minutes=meeting.duration_minutes)).astimezone(UTC)
    )
    event.add("summary", meeting.title)
    event.add("description", "\n".join(description))
    event.add("sequence", 0)
    if organizer.email:
        event.add("organizer", _address(organizer))
    for user in attendees:
        if user.email:
            event.add("attendee", _address(user, attendee=True), encode=False)
    calendar = Calendar()
    calendar.add("prodid", "-//CrossFlow//Meetings//ZH")
    calendar.add("version", "2.0")
    calendar.add("method", "REQUEST")
    calendar.add_component(event)
    return bytes(calendar.to_ical())


def _address(user: User, *, attendee: bool = False) -> vCalAddress:
    address = vCalAddress(f"mailto:{user.email}")
    address.params["cn"] = vText(user.display_name)
    if attendee:
        address.params["role"] = vText("REQ-PARTICIPANT")
        address.params["partstat"] = vText("NEEDS-ACTION")
        address.params["rsvp"] = vText("TRUE")
    return address
