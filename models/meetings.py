"""Meetings (会议预约) about a delayed task, with their minutes (纪要)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tortoise import fields

from models.base import TimestampedModel

if TYPE_CHECKING:
    from models.requirements import Requirement
    from models.tasks import Task
    from models.users import User


class Meeting(TimestampedModel):
    """An online meeting with attendees, ``uid`` is the iCalendar UID of its invite."""

    requirement: fields.ForeignKeyRelation[Requirement] = fields.ForeignKeyField(
        "models.Requirement", related_name="meetings", on_delete=fields.CASCADE
    )
    task: fields.ForeignKeyNullableRelation[Task] = fields.ForeignKeyField(
        "models.Task", related_name="meetings", null=True, on_delete=fields.CASCADE
    )
    organizer: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="meetings_organized", on_delete=fields.RESTRICT
    )
    title = fields.CharField(max_length=200)
    starts_at = fields.DatetimeField()
    duration_minutes = fields.IntField(default=30)
    uid = fields.CharField(max_length=128, unique=True)
    minutes = fields.TextField(default="")
    #: ``[{"decision": str, "ownerId": int}]`` recorded with the minutes.
    decisions: fields.Field[list[dict[str, Any]]] = fields.JSONField(default=list)
    minutes_recorded_at = fields.DatetimeField(null=True)

    requirement_id: int
    task_id: int | None
    organizer_id: int

    class Meta:
        table = "meeting"
        indexes = (("requirement_id", "starts_at"),)


class MeetingAttendee(TimestampedModel):
    """A person invited to a meeting."""

    meeting: fields.ForeignKeyRelation[Meeting] = fields.ForeignKeyField(
        "models.Meeting", related_name="attendees", on_delete=fields.CASCADE
    )
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="meetings_attended", on_delete=fields.CASCADE
    )

    meeting_id: int
    user_id: int

    class Meta:
        table = "meeting_attendee"
        unique_together = (("meeting", "user"),)
