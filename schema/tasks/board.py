"""The requirement board (需求看板) as the API shows it: the counts of a requirement's tasks."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import strawberry

from resolvers.reports import board
from schema.enums import TaskStatus

if TYPE_CHECKING:
    from schema.requirements.requirement import RequirementType

RequirementRef = Annotated["RequirementType", strawberry.lazy("schema.requirements.requirement")]


@strawberry.type(name="TaskStatusCount", description="How many tasks have one status")
class TaskStatusCountType:
    status: TaskStatus = strawberry.field(description="The status")
    count: int = strawberry.field(description="How many of the requirement's tasks have it")


@strawberry.type(
    name="RequirementBoard",
    description="The requirement board (需求看板): 总任务10项，已完成6项，进行中3项，延迟1项",
)
class RequirementBoardType:
    total: int = strawberry.field(description="All tasks of the requirement (总任务)")
    delayed: int = strawberry.field(description="Deadline passed and not COMPLETED (延迟)")
    completed: int = strawberry.field(description="Tasks in status COMPLETED (已完成)")
    in_progress: int = strawberry.field(description="Tasks in status IN_PROGRESS")
    pending_assignment: int = strawberry.field(description="Tasks without a responsible person")
    lagging: int = strawberry.field(
        description="Unfinished tasks whose progress trails the time elapsed (进度滞后)"
    )
    summary: str = strawberry.field(description="The board in one sentence, as the source says it")

    @strawberry.field(description="Every task status with its count (zero included)")
    def by_status(self, root: board.Board) -> list[TaskStatusCountType]:
        return [TaskStatusCountType(status=s, count=n) for s, n in root.by_status.items()]

    @strawberry.field(description="The requirement the board shows")
    def requirement(self, root: board.Board) -> RequirementRef:
        return root.requirement  # type: ignore[return-value]
