"""Reschedule requests (延期申请): the assignee asks ahead of time, the initiator decides.

The source asks the assignee to explain a delay one day ahead (提前1天说明原因). A request
made later (less than one working day before the deadline, or after it) is still accepted —
refusing it would hide the delay — but it is flagged ``late`` for everyone to see
(docs/decisions.md). One request per task waits at a time; an approval moves the deadline
through the same use case as ``rescheduleTask`` (history, audit, new warning instance).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from tortoise.transactions import in_transaction

from core import clock, outbox
from core.settings import get_settings
from models import RescheduleRequest, User
from models.enums import NotificationKind, RescheduleRequestStatus
from resolvers import audit
from resolvers.access import policy
from resolvers.access.auth import Viewer
from resolvers.errors import BadUserInput, InvalidTransition, NotFound
from resolvers.notifications.notify import notify_about
from resolvers.notifications.texts import beijing_time
from resolvers.tasks.lifecycle import NOTE_LIMIT, UNFINISHED, as_utc, task_in_context
from resolvers.tasks.reschedule import RescheduleInput, apply_reschedule
from resolvers.workdays import Fallback, WorkCalendar
from resolvers.workflow import NOT_FOUND_MESSAGE, ensure_state, ensure_writable

P = RescheduleRequestStatus


@dataclass
class RescheduleAsk:
    """What the assignee asks: why, and until when."""

    task_id: int
    reason: str
    new_deadline: datetime | None


def _text(value: str, field: str, label: str) -> str:
    value = value.strip()
    if not value:
        raise BadUserInput(f"请填写{label} ({field} is required)", field=field)
    if len(value) > NOTE_LIMIT:
        raise BadUserInput(f"{label}过长 (too long, at most {NOTE_LIMIT})", field=field)
    return value


async def is_late(deadline: datetime | None, now: datetime) -> bool:
    """Less than one working day before the deadline (or after it)."""
    if deadline is None:
        return False
    calendar = await WorkCalendar.load(Fallback(get_settings().calendar_fallback))
    return calendar.add_working_days(now, 1) > deadline


async def request_reschedule(viewer: Viewer, ask: RescheduleAsk) -> RescheduleRequest:
    """The assignee asks to move their task's deadline later; the initiator is told."""
    policy.require_writer(viewer)
    reason = _text(ask.reason, "reason", "原因")
    new_deadline = as_utc(ask.new_deadline, "newDeadline")
    async with in_transaction() as conn:
        task, requirement = await task_in_context(viewer, ask.task_id, conn)
        policy.require_assignee(viewer, task)
        ensure_writable(requirement)
        ensure_state(task, UNFINISHED, "requestReschedule")
        if new_deadline is None or new_deadline <= max(clock.now(), task.deadline or clock.now()):
            raise BadUserInput(
                "新截止时间须晚于现在和当前截止时间 (newDeadline must be later than now and "
                "than the current deadline)",
                field="newDeadline",
            )
        if (
            await RescheduleRequest.filter(task_id=task.id, status=P.PENDING)
            .using_db(conn)
            .exists()
        ):
            raise InvalidTransition(
                "已有待决定的延期申请 (a request for this task is already waiting)",
                action="requestReschedule",
            )
        assert viewer.user_id is not None
        late = await is_late(task.deadline, clock.now())
        request = await RescheduleRequest.create(
            task_id=task.id,
            requested_by_id=viewer.user_id,
            reason=reason,
            deadline_before=task.deadline,
            new_deadline=new_deadline,
            late=late,
            using_db=conn,
        )
        await audit.record(
            viewer,
            "task.reschedule_request",
            "Task",
            task.id,
            subject_code=task.code,
            note=reason,
            after={"new_deadline": new_deadline.isoformat(), "late": late},
            using_db=conn,
        )
        requester = await User.filter(id=viewer.user_id).using_db(conn).get()
        await notify_about(
            task,
            [requirement.initiator_id],
            NotificationKind.RESCHEDULE_REQUESTED,
            conn,
            exclude=viewer.user_id,
            requester=requester.display_name,
            deadline=beijing_time(new_deadline),
            late="（未提前1个工作日）" if late else "",
            reason=reason,
        )
    outbox.kick()
    return request


async def decide_reschedule(
    viewer: Viewer, request_id: int, approve: bool, note: str
) -> RescheduleRequest:
    """The initiator (or the admin) approves — the deadline moves — or declines with a note;
    the assignee is told either way."""
    policy.require_writer(viewer)
    note = note.strip()
    if not approve:
        note = _text(note, "note", "驳回说明")
    if len(note) > NOTE_LIMIT:
        raise BadUserInput(f"说明过长 (too long, at most {NOTE_LIMIT})", field="note")
    async with in_transaction() as conn:
        found = await RescheduleRequest.filter(id=request_id).using_db(conn).first()
        if found is None:
            raise NotFound(NOT_FOUND_MESSAGE)
        task, requirement = await task_in_context(viewer, found.task_id, conn)
        request = await (
            RescheduleRequest.filter(id=request_id).using_db(conn).select_for_update().get()
        )
        policy.require_initiator_or_admin(viewer, requirement)
        ensure_writable(requirement)
        ensure_state(request, (P.PENDING,), "decideRescheduleRequest")
        if approve:
            ensure_state(task, UNFINISHED, "decideRescheduleRequest")
            data = RescheduleInput(
                task_id=task.id,
                reason=request.reason,
                solution=note or "同意延期申请 (reschedule request approved)",
                new_deadline=request.new_deadline,
            )
            await apply_reschedule(
                viewer, task, data, conn, requested_by_id=request.requested_by_id
            )
        request.status = P.APPROVED if approve else P.DECLINED
        request.decided_by_id = viewer.user_id
        request.decided_at = clock.now()
        request.decision_note = note
        await request.save(
            using_db=conn,
            update_fields=["status", "decided_by_id", "decided_at", "decision_note", "updated_at"],
        )
        await audit.record(
            viewer,
            "task.reschedule_decision",
            "Task",
            task.id,
            subject_code=task.code,
            from_state=P.PENDING,
            to_state=request.status,
            note=note,
            using_db=conn,
        )
        await notify_about(
            task,
            [request.requested_by_id],
            NotificationKind.RESCHEDULE_DECIDED,
            conn,
            exclude=viewer.user_id,
            decision="已批准" if approve else "被驳回",
            decision_en="approved" if approve else "declined",
            note=note,
        )
    outbox.kick()
    return request
