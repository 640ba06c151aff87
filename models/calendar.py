"""Working-calendar overrides (工作日历): an admin decision on a date beats the package data."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tortoise import fields

from models.base import TimestampedModel

if TYPE_CHECKING:
    from models.users import User


class CalendarOverride(TimestampedModel):
    """Whether one date is a working day (e.g. a 2027 holiday the package cannot know)."""

    day = fields.DateField(unique=True)
    is_workday = fields.BooleanField()
    note = fields.CharField(max_length=255, default="")
    created_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="calendar_overrides", null=True, on_delete=fields.SET_NULL
    )

    created_by_id: int | None

    class Meta:
        table = "calendar_override"
        ordering = ["day"]
