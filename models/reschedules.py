"""Reschedule requests: the assignee asks ahead of time (提前说明原因), the initiator decides."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tortoise import fields

from models.base import TimestampedModel
from models.enums import RescheduleRequestStatus

if TYPE_CHECKING:
    from models.tasks import Task
    from models.users import User


class RescheduleRequest(TimestampedModel):
    """A request to move a task's deadline, and the initiator's decision on it."""

    task: fields.ForeignKeyRelation[Task] = fields.ForeignKeyField(
        "models.Task", related_name="reschedule_requests", on_delete=fields.CASCADE
    )
    requested_by: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="reschedule_requests", on_delete=fields.RESTRICT
    )
    reason = fields.TextField()
    deadline_before = fields.DatetimeField(null=True)
    new_deadline = fields.DatetimeField()
    #: Asked later than one working day before the deadline (the source asks for one day).
    late = fields.BooleanField(default=False)
    status = fields.CharEnumField(
        RescheduleRequestStatus, max_length=16, default=RescheduleRequestStatus.PENDING
    )
    decided_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="reschedule_decisions", null=True, on_delete=fields.RESTRICT
    )
    decided_at = fields.DatetimeField(null=True)
    decision_note = fields.TextField(default="")

    task_id: int
    requested_by_id: int
    decided_by_id: int | None

    class Meta:
        table = "reschedule_request"
        indexes = (("task_id", "status"),)
