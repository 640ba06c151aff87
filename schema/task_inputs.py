"""The inputs of the task mutations: the task form, progress reports and reschedules."""

from __future__ import annotations

from datetime import date, datetime

import strawberry

from schema.enums import Priority


@strawberry.input(description="The Task Assignment form (任务分配): one responsible person")
class CreateTaskInput:
    requirement_id: strawberry.ID
    title: str = strawberry.field(description="SMART: 设计部：完成主视觉图初稿（7月15日前）")
    executing_department_id: strawberry.ID
    assignee_id: strawberry.ID | None = strawberry.field(
        default=None, description="Required: the one responsible person (责任人)"
    )
    description: str = ""
    assisting_department_ids: list[strawberry.ID] = strawberry.field(default_factory=list)
    start_date: date | None = None
    deadline: datetime | None = strawberry.field(default=None, description="With a time zone")
    priority: Priority = Priority.NORMAL
    acceptance_criteria: str = ""


@strawberry.input(description="Changes to an unfinished task; omitted = unchanged")
class UpdateTaskInput:
    id: strawberry.ID
    title: str | None = None
    executing_department_id: strawberry.ID | None = None
    assignee_id: strawberry.ID | None = None
    description: str | None = None
    assisting_department_ids: list[strawberry.ID] | None = None
    start_date: date | None = None
    deadline: datetime | None = strawberry.field(
        default=None, description="Of a started task: use rescheduleTask"
    )
    priority: Priority | None = None
    acceptance_criteria: str | None = None
    version: int | None = strawberry.field(
        default=None, description="The version you edited; a newer one is a CONFLICT"
    )


@strawberry.input(description="A concrete progress update (进度更新)")
class ReportProgressInput:
    task_id: strawberry.ID
    percent: int = strawberry.field(description="0-100")
    summary: str = strawberry.field(description="What was done, concretely (not 正在做)")
    problems: str = ""
    support_needed: str = ""


@strawberry.input(description="A handled delay: reason, solution and new deadline (all required)")
class RescheduleTaskInput:
    task_id: strawberry.ID
    reason: str = strawberry.field(default="", description="原因 (required)")
    solution: str = strawberry.field(default="", description="解决方案 (required)")
    new_deadline: datetime | None = strawberry.field(
        default=None, description="新节点, in the future, with a time zone (required)"
    )
