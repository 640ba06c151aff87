"""Step 4 of the process (进度跟踪与风险预警): the requirement board.

The board reads the requirement's tasks once, a few columns each, and counts them in Python:
a requirement has tens of tasks, and lagging (进度滞后) needs each unfinished task's dates
anyway (in Python: the arithmetic on instants differs between SQLite and PostgreSQL), so one
read serves the counts and the lagging alike, two statements in all with the requirement's.
Handling a delay is ``resolvers/tasks/reschedule.py``.
"""

from __future__ import annotations

from dataclasses import dataclass

from core import clock
from models import Requirement, Task
from models.enums import TaskStatus
from resolvers.access.auth import Viewer
from resolvers.access.scope import scoped
from resolvers.errors import NotFound
from resolvers.tasks.lagging import is_lagging
from resolvers.workflow import NOT_FOUND_MESSAGE

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

    Delayed (延迟) is derived: the deadline has passed and the task is not COMPLETED;
    pending assignment (待分配) is a task without an assignee.
    """
    requirement = await scoped(Requirement, viewer, id=requirement_id).first()
    if requirement is None:
        raise NotFound(NOT_FOUND_MESSAGE)
    tasks = await Task.filter(requirement_id=requirement.id).only(
        "id", "status", "start_date", "started_at", "deadline", "progress", "assignee_id"
    )
    now = clock.now()
    by_status = dict.fromkeys(S, 0)
    for task in tasks:
        by_status[S(task.status)] += 1
    unfinished = [task for task in tasks if task.status != S.COMPLETED]
    return Board(
        requirement=requirement,
        by_status=by_status,
        delayed=sum(1 for t in unfinished if t.deadline is not None and t.deadline < now),
        pending_assignment=sum(1 for task in tasks if task.assignee_id is None),
        lagging=sum(1 for task in unfinished if is_lagging(task, now)),
    )
