"""Step 4 of the process (进度跟踪与风险预警): the requirement board.

The board counts in SQL (GROUP BY and conditional counts), so its cost does not grow with
the number of tasks read into Python. Handling a delay is ``resolvers/tasks/reschedule.py``.
"""

from __future__ import annotations

from dataclasses import dataclass

from tortoise.expressions import Q
from tortoise.functions import Count

from core import clock
from models import Requirement, Task
from models.enums import TaskStatus
from resolvers.access.auth import Viewer
from resolvers.access.scope import scoped
from resolvers.errors import NotFound
from resolvers.tasks.lagging import lagging_count
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
