"""The inputs of the task mutations: the task form, progress reports and reschedules."""

from __future__ import annotations

from datetime import date, datetime

import strawberry

from schema.enums import Priority


@strawberry.input(description="The Task Assignment form (任务分配): one responsible person")
class CreateTaskInput:
    requirement_id: strawberry.ID = strawberry.field(
        description="The requirement (global id), INITIATED or IN_PROGRESS"
    )
    title: str = strawberry.field(description="SMART: 设计部：完成主视觉图初稿（7月15日前）")
    executing_department_id: strawberry.ID = strawberry.field(
        description="The department that owns the task (执行部门, global id)"
    )
    assignee_id: strawberry.ID | None = strawberry.field(
        default=None, description="Required: the one responsible person (责任人)"
    )
    description: str = strawberry.field(default="", description="Details of the task")
    assisting_department_ids: list[strawberry.ID] = strawberry.field(
        default_factory=list, description="Departments that help (协助部门, global ids)"
    )
    start_date: date | None = strawberry.field(
        default=None, description="Planned start day (YYYY-MM-DD)"
    )
    deadline: datetime | None = strawberry.field(default=None, description="With a time zone")
    priority: Priority = strawberry.field(default=Priority.NORMAL, description="NORMAL or URGENT")
    acceptance_criteria: str = strawberry.field(
        default="", description="How the results will be judged (验收标准)"
    )


@strawberry.input(description="Changes to an unfinished task; omitted = unchanged")
class UpdateTaskInput:
    id: strawberry.ID = strawberry.field(description="The task's global id")
    title: str | None = strawberry.field(default=None, description="A new title")
    executing_department_id: strawberry.ID | None = strawberry.field(
        default=None, description="A new executing department (global id)"
    )
    assignee_id: strawberry.ID | None = strawberry.field(
        default=None, description="A new responsible person (global id); they are notified"
    )
    description: str | None = strawberry.field(default=None, description="New details")
    assisting_department_ids: list[strawberry.ID] | None = strawberry.field(
        default=None, description="The assisting departments, replacing the old list"
    )
    start_date: date | None = strawberry.field(
        default=None, description="A new planned start day (YYYY-MM-DD)"
    )
    deadline: datetime | None = strawberry.field(
        default=None, description="Of a started task: use rescheduleTask"
    )
    priority: Priority | None = strawberry.field(default=None, description="A new priority")
    acceptance_criteria: str | None = strawberry.field(
        default=None, description="New acceptance criteria (验收标准)"
    )
    version: int | None = strawberry.field(
        default=None, description="The version you edited; a newer one is a CONFLICT"
    )


@strawberry.input(description="A concrete progress update (进度更新)")
class ReportProgressInput:
    task_id: strawberry.ID = strawberry.field(description="The task's global id")
    percent: int = strawberry.field(description="0-100")
    summary: str = strawberry.field(description="What was done, concretely (not 正在做)")
    problems: str = strawberry.field(default="", description="Problems met (遇到的问题)")
    support_needed: str = strawberry.field(default="", description="Support needed (需要的支持)")


@strawberry.input(description="A handled delay: reason, solution and new deadline (all required)")
class RescheduleTaskInput:
    task_id: strawberry.ID = strawberry.field(description="The task's global id")
    reason: str = strawberry.field(default="", description="原因 (required)")
    solution: str = strawberry.field(default="", description="解决方案 (required)")
    new_deadline: datetime | None = strawberry.field(
        default=None, description="新节点, in the future, with a time zone (required)"
    )
