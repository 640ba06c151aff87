"""Tasks (任务) with their progress updates, reschedules and submitted results."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Annotated

import strawberry
from strawberry import relay

import models
from crossflow import clock
from models.enums import TaskStatus as TaskStatusEnum
from schema.base import Info, ModelNode, load_children, load_one, load_through
from schema.enums import Priority, ResultDecision, TaskStatus

if TYPE_CHECKING:
    from schema.departments import DepartmentType
    from schema.requirements import RequirementType
    from schema.users import UserType

UserRef = Annotated["UserType", strawberry.lazy("schema.users")]
DepartmentRef = Annotated["DepartmentType", strawberry.lazy("schema.departments")]
RequirementRef = Annotated["RequirementType", strawberry.lazy("schema.requirements")]


@strawberry.type(name="Task", description="A task with exactly one responsible person (责任人)")
class TaskType(ModelNode):
    model = models.Task

    id: relay.NodeID[int]
    code: str = strawberry.field(description="Human code, e.g. RW202407001-01")
    title: str
    description: str
    start_date: date | None
    deadline: datetime | None
    priority: Priority
    status: TaskStatus
    progress: int = strawberry.field(description="Latest reported progress, 0-100")
    acceptance_criteria: str
    remarks: str
    last_progress_at: datetime | None
    started_at: datetime | None
    submitted_at: datetime | None
    completed_at: datetime | None
    version: int
    created_at: datetime

    @strawberry.field(description="Deadline passed and not completed (shown as 延迟 DELAYED)")
    def is_overdue(self, root: models.Task) -> bool:
        return (
            root.deadline is not None
            and root.status != TaskStatusEnum.COMPLETED
            and root.deadline < clock.now()
        )

    @strawberry.field
    async def requirement(self, root: models.Task, info: Info) -> RequirementRef | None:
        return await load_one(info, models.Requirement, root.requirement_id)

    @strawberry.field(description="The department that owns the task (执行部门)")
    async def executing_department(self, root: models.Task, info: Info) -> DepartmentRef | None:
        return await load_one(info, models.Department, root.executing_department_id)

    @strawberry.field(description="The one responsible person; empty only for a draft task")
    async def assignee(self, root: models.Task, info: Info) -> UserRef | None:
        return await load_one(info, models.User, root.assignee_id)

    @strawberry.field(description="Departments that help (协助部门)")
    async def assisting_departments(self, root: models.Task, info: Info) -> list[DepartmentRef]:
        return await load_through(
            info,
            models.TaskAssistingDepartment,
            "task_id",
            root.id,
            models.Department,
            "department_id",
        )

    @strawberry.field(description="Progress reports, newest first")
    async def progress_updates(self, root: models.Task, info: Info) -> list[ProgressUpdateType]:
        return await load_children(
            info, models.ProgressUpdate, "task_id", root.id, "-created_at", "-id"
        )

    @strawberry.field(description="Deadline changes with reason and solution, oldest first")
    async def reschedules(self, root: models.Task, info: Info) -> list[TaskRescheduleType]:
        return await load_children(info, models.TaskReschedule, "task_id", root.id, "id")

    @strawberry.field(description="Submitted results and their acceptance decisions")
    async def results(self, root: models.Task, info: Info) -> list[TaskResultType]:
        return await load_children(info, models.TaskResult, "task_id", root.id, "id")


@strawberry.type(name="ProgressUpdate", description="A progress report (进度更新)")
class ProgressUpdateType(ModelNode):
    model = models.ProgressUpdate

    id: relay.NodeID[int]
    percent: int
    summary: str
    problems: str
    support_needed: str
    created_at: datetime

    @strawberry.field
    async def author(self, root: models.ProgressUpdate, info: Info) -> UserRef | None:
        return await load_one(info, models.User, root.author_id)

    @strawberry.field
    async def task(self, root: models.ProgressUpdate, info: Info) -> TaskType | None:
        return await load_one(info, models.Task, root.task_id)


@strawberry.type(
    name="TaskReschedule", description="A handled delay: reason, solution, new deadline"
)
class TaskRescheduleType(ModelNode):
    model = models.TaskReschedule

    id: relay.NodeID[int]
    reason: str
    solution: str
    old_deadline: datetime | None
    new_deadline: datetime
    created_at: datetime

    @strawberry.field
    async def requested_by(self, root: models.TaskReschedule, info: Info) -> UserRef | None:
        return await load_one(info, models.User, root.requested_by_id)

    @strawberry.field
    async def task(self, root: models.TaskReschedule, info: Info) -> TaskType | None:
        return await load_one(info, models.Task, root.task_id)


@strawberry.type(name="TaskResult", description="Submitted results (提交成果) and their acceptance")
class TaskResultType(ModelNode):
    model = models.TaskResult

    id: relay.NodeID[int]
    note: str
    decision: ResultDecision
    decided_at: datetime | None
    decision_comment: str
    created_at: datetime

    @strawberry.field
    async def submitted_by(self, root: models.TaskResult, info: Info) -> UserRef | None:
        return await load_one(info, models.User, root.submitted_by_id)

    @strawberry.field
    async def decided_by(self, root: models.TaskResult, info: Info) -> UserRef | None:
        return await load_one(info, models.User, root.decided_by_id)

    @strawberry.field
    async def task(self, root: models.TaskResult, info: Info) -> TaskType | None:
        return await load_one(info, models.Task, root.task_id)
