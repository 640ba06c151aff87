"""Step 4 of the process (进度跟踪与风险预警): the requirement board, and handling a delay.

The board counts in SQL (GROUP BY and conditional counts), so its cost does not grow with
the number of tasks read into Python. A delay is handled, not just warned about: the
initiator records reason, solution and new deadline (原因、解决方案、新节点).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.expressions import Q
from tortoise.functions import Count
from tortoise.transactions import in_transaction

from core import clock, outbox
from models import Requirement, Task, TaskReschedule
from models.enums import NotificationKind, TaskStatus
from resolvers import audit
from resolvers.access import policy
from resolvers.access.auth import Viewer
from resolvers.access.policy import head_ids
from resolvers.access.scope import scoped
from resolvers.errors import BadUserInput, NotFound
from resolvers.notifications.notify import notify_about
from resolvers.notifications.texts import beijing_time
from resolvers.tasks.lagging import lagging_count
from resolvers.tasks.lifecycle import NOTE_LIMIT, UNFINISHED, as_utc, start_of, task_in_context
from resolvers.workflow import NOT_FOUND_MESSAGE, ensure_state, ensure_writable

S = TaskStatus


@dataclass(frozen=True)
class Board:
    """The requirement board (需求看板): task counts, by status and as the source states them."""

    requirement: Requirement
    by_status: dict[TaskStatus, int]
    delayed: int
    pending_assignment: int
    #: Unfinished tasks whose progress trails the time elapsed
    #: (进度滞后, resolvers/tasks/lagging.py).
    lagging: int = 0

    @property
    def total(self) -> int:
        return sum(self.by_status.values())

    @property
    def completed(self) -> int:
        return self.by_status[S.COMPLETED]

    @property
    def in_progress(self) -> int:
        return self.by_status[S.IN_PROGRESS]

    @property
    def summary(self) -> str:
        """The source's sentence: 总任务10项，已完成6项，进行中3项，延迟1项 (and 待分配 drafts)."""
        sentence = (
            f"总任务{self.total}项，已完成{self.completed}项，"
            f"进行中{self.in_progress}项，延迟{self.delayed}项"
        )
        if self.pending_assignment:
            sentence += f"，待分配{self.pending_assignment}项"
        return sentence


async def requirement_board(viewer: Viewer, requirement_id: int) -> Board:
    """The board of a requirement the viewer may read (participants, ADMIN, EXECUTIVE).

    One statement: a row per status with conditional counts, so the cost is a few rows
    whatever the number of tasks. Delayed (延迟) is derived: the deadline has passed and
    the task is not COMPLETED.
    """
    requirement = await scoped(Requirement, viewer, id=requirement_id).first()
    if requirement is None:
        raise NotFound(NOT_FOUND_MESSAGE)
    rows = (
        await Task.filter(requirement_id=requirement.id)
        .annotate(
            count=Count("id"),
            delayed=Count("id", _filter=Q(deadline__lt=clock.now()) & ~Q(status=S.COMPLETED)),
            unassigned=Count("id", _filter=Q(assignee_id=None)),
        )
        .group_by("status")
        .values("status", "count", "delayed", "unassigned")
    )
    by_status = dict.fromkeys(S, 0)
    for row in rows:
        by_status[S(row["status"])] = int(row["count"])
    return Board(
        requirement=requirement,
        by_status=by_status,
        delayed=sum(int(row["delayed"] or 0) for row in rows),
        pending_assignment=sum(int(row["unassigned"] or 0) for row in rows),
        lagging=await lagging_count(requirement.id),
    )


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
    viewer: Viewer, task: Task, data: RescheduleInput, conn: BaseDBAsyncClient
) -> None:
    """Validate and record a reschedule of a task locked by the caller, and tell people.

    The history row keeps the old and new deadline; raising ``deadline_instance`` opens a
    new warning instance, so warnings about the old deadline do not block the new ones.
    An approved reschedule request (``resolvers/tasks/reschedule_requests.py``) comes here too.
    """
    new_deadline = _check_reschedule(data, task)
    assert viewer.user_id is not None
    old_deadline = task.deadline
    await TaskReschedule.create(
        task_id=task.id,
        requested_by_id=viewer.user_id,
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
