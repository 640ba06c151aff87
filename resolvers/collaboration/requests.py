"""Collaboration requests (协作请求): a participant asks another department for help on a task.

Raising a request makes the addressed department's members participants of the requirement
(``resolvers/access/scope.py``), so they can read the task they are asked to help with.

Every request says by when the help is needed (``expected_by``, required): the
COLLABORATION_DUE warning rule watches that time as the other rules watch deadlines. The
addressed department answers (ANSWERED), answers in part (PARTLY_ANSWERED, with what is
still open; it stays on the clock and can be answered fully or declined later) or declines
(DECLINED, with why), so an asker is never left with a request that silently goes nowhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from core import clock, outbox
from models import CollaborationRequest, Department, Requirement, Task, User
from models.enums import CollaborationStatus, NotificationKind
from resolvers import audit
from resolvers.access import policy
from resolvers.access.auth import Viewer
from resolvers.access.policy import head_ids
from resolvers.errors import BadUserInput
from resolvers.notifications.notify import member_ids, notify
from resolvers.tasks.lifecycle import NOTE_LIMIT, UNFINISHED, as_utc, task_in_context
from resolvers.workflow import ensure_state, ensure_writable, load_visible, touch_task

C = CollaborationStatus


@dataclass
class CollaborationInput:
    """What help is needed, from which department, by when."""

    task_id: int
    to_department_id: int
    content: str = ""
    expected_by: datetime | None = None


def _checked_text(value: str, name: str, label: str) -> str:
    text = value.strip()
    if not text:
        raise BadUserInput(f"请填写{label} ({name} is required)", field=name)
    if len(text) > NOTE_LIMIT:
        raise BadUserInput(f"{name}过长 (too long, at most {NOTE_LIMIT})", field=name)
    return text


async def create_collaboration_request(
    viewer: Viewer, data: CollaborationInput
) -> CollaborationRequest:
    """A participant asks a department for help; its head and members are notified.

    Accepted work needs no more help, so a COMPLETED task refuses new requests.
    """
    policy.require_writer(viewer)
    async with in_transaction() as conn:
        task, requirement = await task_in_context(viewer, data.task_id, conn)
        await policy.require_participant(viewer, requirement.id)
        ensure_writable(requirement)
        ensure_state(task, UNFINISHED, "createCollaborationRequest")
        department = await Department.get_or_none(
            id=data.to_department_id, is_active=True, using_db=conn
        )
        if department is None:
            raise BadUserInput("被请求部门不存在 (unknown department)", field="toDepartmentId")
        content = _checked_text(data.content, "content", "需要的协助")
        expected_by = as_utc(data.expected_by, "expectedBy")
        if expected_by is None:
            raise BadUserInput("请填写期望完成时间 (expectedBy is required)", field="expectedBy")
        if expected_by <= clock.now():
            raise BadUserInput(
                "期望完成时间须晚于现在 (expectedBy is in the past)", field="expectedBy"
            )
        assert viewer.user_id is not None
        request = await CollaborationRequest.create(
            task_id=task.id,
            requirement_id=requirement.id,
            from_user_id=viewer.user_id,
            from_department_id=viewer.department_id,
            to_department_id=department.id,
            content=content,
            expected_by=expected_by,
            status=C.OPEN,
            using_db=conn,
        )
        await touch_task(task.id, conn)
        await audit.record(
            viewer,
            "collaboration.create",
            "CollaborationRequest",
            request.id,
            subject_code=task.code,
            to_state=C.OPEN,
            note=f"to {department.code}: {content}",
            using_db=conn,
        )
        asking = await _asker_label(viewer, conn)
        await notify(
            [*await head_ids([department.id], conn), *await member_ids(department.id, conn)],
            NotificationKind.COLLABORATION_REQUEST,
            {"title": task.title, "code": task.code, "department": asking, "content": content},
            subject_type="CollaborationRequest",
            subject_id=request.id,
            subject_code=task.code,
            conn=conn,
            exclude=viewer.user_id,
        )
    outbox.kick()
    return request


async def _asker_label(viewer: Viewer, conn: BaseDBAsyncClient) -> str:
    """The requesting department's name, or the person's when they belong to none."""
    if viewer.department_id is not None:
        department = await Department.get_or_none(id=viewer.department_id, using_db=conn)
        if department is not None:
            return department.name
    user = await User.get(id=viewer.user_id, using_db=conn)
    return user.display_name


#: States a request can still be answered or declined from.
UNSETTLED = (C.OPEN, C.PARTLY_ANSWERED)
OUTCOME_WORDS = {
    C.PARTLY_ANSWERED: ("部分答复", "partly answered"),
    C.DECLINED: ("被拒绝", "declined"),
}


async def answer_collaboration_request(
    viewer: Viewer, request_id: int, answer: str, *, partly: bool = False, reason: str = ""
) -> CollaborationRequest:
    """The addressed department answers (its members or head); the requester is notified.

    ``partly``: the answer covers part of the help; ``reason`` says what is still open.
    """
    text = _checked_text(answer, "answer", "答复")
    open_part = _checked_text(reason, "reason", "尚未解决的部分") if partly else ""
    return await _settle(
        viewer,
        request_id,
        C.PARTLY_ANSWERED if partly else C.ANSWERED,
        answer=text,
        reason=open_part,
        action="answerCollaborationRequest",
    )


async def decline_collaboration_request(
    viewer: Viewer, request_id: int, reason: str
) -> CollaborationRequest:
    """The addressed department cannot help and says why; the requester is notified."""
    why = _checked_text(reason, "reason", "拒绝原因")
    return await _settle(
        viewer,
        request_id,
        C.DECLINED,
        answer=None,
        reason=why,
        action="declineCollaborationRequest",
    )


async def _settle(
    viewer: Viewer,
    request_id: int,
    to: CollaborationStatus,
    *,
    answer: str | None,
    reason: str,
    action: str,
) -> CollaborationRequest:
    """Record the addressed department's answer, partial answer or refusal."""
    policy.require_writer(viewer)
    async with in_transaction() as conn:
        request = await load_visible(CollaborationRequest, viewer, request_id, conn, lock=True)
        await policy.require_addressed_department(viewer, request)
        requirement = await Requirement.get(id=request.requirement_id, using_db=conn)
        ensure_writable(requirement)
        ensure_state(request, UNSETTLED, action)
        assert viewer.user_id is not None
        previous = request.status
        request.status = to
        if answer is not None:
            request.answer = answer
        request.reason = reason
        request.answered_by_id = viewer.user_id
        request.answered_at = clock.now()
        await request.save(
            using_db=conn,
            update_fields=[
                "status",
                "answer",
                "reason",
                "answered_by_id",
                "answered_at",
                "updated_at",
            ],
        )
        task = await Task.get(id=request.task_id, using_db=conn)
        await touch_task(task.id, conn)
        await audit.record(
            viewer,
            "collaboration.answer" if to is C.ANSWERED else f"collaboration.{to.lower()}",
            "CollaborationRequest",
            request.id,
            subject_code=task.code,
            from_state=str(previous),
            to_state=str(to),
            note=" / ".join(part for part in (answer or "", reason) if part),
            using_db=conn,
        )
        await notify(
            [request.from_user_id],
            NotificationKind.COLLABORATION_DECLINED
            if to is C.DECLINED
            else NotificationKind.COLLABORATION_ANSWERED,
            _notice(task, to, request.answer, reason),
            subject_type="CollaborationRequest",
            subject_id=request.id,
            subject_code=task.code,
            conn=conn,
            exclude=viewer.user_id,
        )
    outbox.kick()
    return request


def _notice(task: Task, to: CollaborationStatus, answer: str, reason: str) -> dict[str, str]:
    """The notification's fields: a partial answer says what is still open."""
    if to is C.DECLINED:
        return {"title": task.title, "code": task.code, "reason": reason}
    if to is C.PARTLY_ANSWERED:
        answer = f"{answer}（尚未解决 still open：{reason}）"
    return {"title": task.title, "code": task.code, "answer": answer}
