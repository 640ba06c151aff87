"""Collaboration requests (协作请求): one department asking another for help on a task."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tortoise import fields

from models.base import TimestampedModel
from models.enums import CollaborationStatus

if TYPE_CHECKING:
    from models.departments import Department
    from models.requirements import Requirement
    from models.tasks import Task
    from models.users import User


class CollaborationRequest(TimestampedModel):
    """What help is needed, from which department, by when, and the answer."""

    task: fields.ForeignKeyRelation[Task] = fields.ForeignKeyField(
        "models.Task", related_name="collaboration_requests", on_delete=fields.CASCADE
    )
    requirement: fields.ForeignKeyRelation[Requirement] = fields.ForeignKeyField(
        "models.Requirement", related_name="collaboration_requests", on_delete=fields.CASCADE
    )
    from_user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="collaboration_requests_sent", on_delete=fields.RESTRICT
    )
    from_department: fields.ForeignKeyNullableRelation[Department] = fields.ForeignKeyField(
        "models.Department",
        related_name="collaboration_requests_sent",
        null=True,
        on_delete=fields.SET_NULL,
    )
    to_department: fields.ForeignKeyRelation[Department] = fields.ForeignKeyField(
        "models.Department",
        related_name="collaboration_requests_received",
        on_delete=fields.RESTRICT,
    )
    content = fields.TextField()
    expected_by = fields.DatetimeField(null=True)
    status = fields.CharEnumField(
        CollaborationStatus, max_length=16, default=CollaborationStatus.OPEN
    )
    answer = fields.TextField(default="")
    answered_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="collaboration_answers", null=True, on_delete=fields.RESTRICT
    )
    answered_at = fields.DatetimeField(null=True)
    #: Why it was declined, or what a partial answer still leaves open.
    reason = fields.TextField(default="", db_default="")

    task_id: int
    requirement_id: int
    from_user_id: int
    from_department_id: int | None
    to_department_id: int
    answered_by_id: int | None

    class Meta:
        table = "collaboration_request"
        indexes = (("status", "created_at"), ("to_department_id", "status"))
