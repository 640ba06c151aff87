"""Handling a delay (step 4, 进度跟踪与风险预警): reason, solution and a new deadline.

A delay is handled, not just warned about: the initiator (or the admin) records reason,
solution and new deadline (原因、解决方案、新节点), directly or by approving the assignee's
reschedule request (``resolvers/tasks/reschedule_requests.py``), which comes here too.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from core import clock, outbox
from models import Task, TaskReschedule
from models.enums import NotificationKind
from resolvers import audit
from resolvers.access import policy
from resolvers.access.auth import Viewer
from resolvers.access.policy import head_ids
from resolvers.errors import BadUserInput
from resolvers.notifications.notify import notify_about
from resolvers.notifications.texts import beijing_time
from resolvers.tasks.lifecycle import NOTE_LIMIT, UNFINISHED, as_utc, start_of, task_in_context
from resolvers.workflow import ensure_state, ensure_writable


@dataclass
class RescheduleInput:
    """A handled delay: reason (原因), solution (解决方案), new deadline (新节点)."""

    task_id: int
    reason: str = ""
    solution: str = ""
    new_deadline: datetime | None = None


def _check_reschedule(data: RescheduleInput, task: Task) -> datetime:
    data.reason, data.solution = data.reason.strip(), data.solution.strip()
    for name, value in (("reason", data.reason), ("solution", data.solution)):
        if not value:
            raise BadUserInput(
                f"请填写{'原因' if name == 'reason' else '解决方案'} ({name} is required)",
                field=name,
            )
        if len(value) > NOTE_LIMIT:
            raise BadUserInput(f"{name}过长 (too long, at most {NOTE_LIMIT})", field=name)
    deadline = as_utc(data.new_deadline, "newDeadline")
    if deadline is None:
        raise BadUserInput("请填写新节点 (newDeadline is required)", field="newDeadline")
    if deadline <= clock.now():
        raise BadUserInput("新节点须晚于现在 (newDeadline is in the past)", field="newDeadline")
    if task.start_date is not None and deadline <= start_of(task.start_date):
        raise BadUserInput(
            "新节点须晚于开始日期 (newDeadline must come after the start date)",
            field="newDeadline",
        )
    return deadline


async def reschedule_task(viewer: Viewer, data: RescheduleInput) -> Task:
    """Move a task's deadline with reason and solution (the initiator or the admin)."""
    policy.require_writer(viewer)
    async with in_transaction() as conn:
        task, requirement = await task_in_context(viewer, data.task_id, conn)
        policy.require_initiator_or_admin(viewer, requirement)
        ensure_writable(requirement)
        ensure_state(task, UNFINISHED, "rescheduleTask")
        await apply_reschedule(viewer, task, data, conn)
    outbox.kick()
    return task


async def apply_reschedule(
    viewer: Viewer,
    task: Task,
    data: RescheduleInput,
    conn: BaseDBAsyncClient,
    requested_by_id: int | None = None,
) -> None:
    """Validate and record a reschedule of a task locked by the caller, and tell people.

    The history row keeps the old and new deadline and who asked for it: the viewer, or
    for an approved reschedule request its assignee (``requested_by_id``); the approver is
    in the request and the audit. Raising ``deadline_instance`` opens a new warning
    instance, so warnings about the old deadline do not block the new ones.
    """
    new_deadline = _check_reschedule(data, task)
    assert viewer.user_id is not None
    old_deadline = task.deadline
    await TaskReschedule.create(
        task_id=task.id,
        requested_by_id=requested_by_id or viewer.user_id,
        reason=data.reason,
        solution=data.solution,
        old_deadline=old_deadline,
        new_deadline=new_deadline,
        using_db=conn,
    )
    task.deadline = new_deadline
    task.deadline_instance += 1
    task.version += 1
    await task.save(
        using_db=conn, update_fields=["deadline", "deadline_instance", "version", "updated_at"]
    )
    await audit.record(
        viewer,
        "task.reschedule",
        "Task",
        task.id,
        subject_code=task.code,
        note=f"{data.reason} / {data.solution}",
        before={"deadline": old_deadline.isoformat() if old_deadline else None},
        after={"deadline": new_deadline.isoformat()},
        using_db=conn,
    )
    await notify_about(
        task,
        [task.assignee_id, *await head_ids([task.executing_department_id], conn)],
        NotificationKind.TASK_RESCHEDULED,
        conn,
        exclude=viewer.user_id,
        deadline=beijing_time(new_deadline),
        reason=data.reason,
    )
