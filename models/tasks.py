"""Tasks (任务) with one responsible person, their progress, reschedules and results."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tortoise import fields

from models.base import TimestampedModel
from models.enums import Priority, ResultDecision, TaskStatus

if TYPE_CHECKING:
    from models.departments import Department
    from models.requirements import Requirement
    from models.users import User


class Task(TimestampedModel):
    """The Task Assignment & Progress form (任务分配与进度跟踪表)."""

    code = fields.CharField(max_length=40, unique=True)
    requirement: fields.ForeignKeyRelation[Requirement] = fields.ForeignKeyField(
        "models.Requirement", related_name="tasks", on_delete=fields.CASCADE
    )
    #: The ``NN`` of ``RW202407001-NN``: the number of the task within its requirement.
    seq = fields.IntField()
    title = fields.CharField(max_length=200)
    description = fields.TextField(default="")
    executing_department: fields.ForeignKeyRelation[Department] = fields.ForeignKeyField(
        "models.Department", related_name="executed_tasks", on_delete=fields.RESTRICT
    )
    #: Exactly one responsible person (责任人), empty only for a generated draft task.
    assignee: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="assigned_tasks", null=True, on_delete=fields.RESTRICT
    )
    start_date = fields.DateField(null=True)
    deadline = fields.DatetimeField(null=True)
    priority = fields.CharEnumField(Priority, max_length=16, default=Priority.NORMAL)
    status = fields.CharEnumField(TaskStatus, max_length=16, default=TaskStatus.PENDING)
    progress = fields.IntField(default=0)
    acceptance_criteria = fields.TextField(default="")
    remarks = fields.TextField(default="")
    last_progress_at = fields.DatetimeField(null=True)
    started_at = fields.DatetimeField(null=True)
    submitted_at = fields.DatetimeField(null=True)
    completed_at = fields.DatetimeField(null=True)
    #: Raised by each reschedule, so warnings about the old deadline do not block new ones.
    deadline_instance = fields.IntField(default=0)
    version = fields.IntField(default=1)

    requirement_id: int
    executing_department_id: int
    assignee_id: int | None

    class Meta:
        table = "task"
        ordering = ["requirement_id", "seq"]
        unique_together = (("requirement", "seq"),)
        indexes = (
            ("status", "deadline"),
            ("status", "last_progress_at"),
            ("status", "started_at"),
            ("status", "submitted_at"),
            ("status", "updated_at"),
            ("assignee_id", "status"),
            ("executing_department_id", "deadline"),
            # lists by deadline, NULLS LAST (resolvers/keyset.py); the descending order has
            # its own index on PostgreSQL (migration 0016)
            ("deadline", "id"),
        )

    def __str__(self) -> str:
        return f"{self.code} {self.title}"

    def __admin_repr__(self, request: object) -> str:
        return str(self)


class TaskAssistingDepartment(TimestampedModel):
    """A department that helps with a task without owning it (协助部门)."""

    task: fields.ForeignKeyRelation[Task] = fields.ForeignKeyField(
        "models.Task", related_name="assisting", on_delete=fields.CASCADE
    )
    department: fields.ForeignKeyRelation[Department] = fields.ForeignKeyField(
        "models.Department", related_name="assisted_tasks", on_delete=fields.RESTRICT
    )

    task_id: int
    department_id: int

    class Meta:
        table = "task_assisting_department"
        unique_together = (("task", "department"),)
        indexes = (("department_id", "task_id"),)


class ProgressUpdate(TimestampedModel):
    """A concrete progress report (进度更新): percent, what blocks, what help is needed."""

    task: fields.ForeignKeyRelation[Task] = fields.ForeignKeyField(
        "models.Task", related_name="progress_updates", on_delete=fields.CASCADE
    )
    author: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="progress_updates", on_delete=fields.RESTRICT
    )
    percent = fields.IntField()
    summary = fields.TextField()
    problems = fields.TextField(default="")
    support_needed = fields.TextField(default="")

    task_id: int
    author_id: int

    class Meta:
        table = "progress_update"
        ordering = ["-created_at", "-id"]
        indexes = (("task_id", "created_at"),)


class TaskReschedule(TimestampedModel):
    """A delay handled: reason (原因), solution (解决方案) and the new deadline (新节点)."""

    task: fields.ForeignKeyRelation[Task] = fields.ForeignKeyField(
        "models.Task", related_name="reschedules", on_delete=fields.CASCADE
    )
    requested_by: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="reschedules", on_delete=fields.RESTRICT
    )
    reason = fields.TextField()
    solution = fields.TextField()
    old_deadline = fields.DatetimeField(null=True)
    new_deadline = fields.DatetimeField()

    task_id: int
    requested_by_id: int

    class Meta:
        table = "task_reschedule"
        indexes = (("task_id", "created_at"),)


class TaskResult(TimestampedModel):
    """Submitted results (提交成果) and the decision of the acceptance group on them."""

    task: fields.ForeignKeyRelation[Task] = fields.ForeignKeyField(
        "models.Task", related_name="results", on_delete=fields.CASCADE
    )
    submitted_by: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="results_submitted", on_delete=fields.RESTRICT
    )
    note = fields.TextField()
    attachment_ids: fields.Field[list[int]] = fields.JSONField(default=list)
    decision = fields.CharEnumField(ResultDecision, max_length=16, default=ResultDecision.PENDING)
    decided_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="results_decided", null=True, on_delete=fields.RESTRICT
    )
    decided_at = fields.DatetimeField(null=True)
    decision_comment = fields.TextField(default="")

    task_id: int
    submitted_by_id: int
    decided_by_id: int | None

    class Meta:
        table = "task_result"
        indexes = (("decision", "created_at"), ("task_id", "created_at"))
