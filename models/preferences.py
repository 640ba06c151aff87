"""Who hears what where: channels per notification kind (personal and organisation-wide)
and personal quiet hours."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tortoise import fields

from models.base import TimestampedModel
from models.enums import NotificationKind

if TYPE_CHECKING:
    from models.users import User


class NotificationDefault(TimestampedModel):
    """The organisation's channels for one kind (set by the admin in the panel).

    Applies to everyone who has not chosen for that kind. The in-app inbox is always kept.
    """

    kind = fields.CharEnumField(NotificationKind, max_length=32, unique=True)
    #: Values of :class:`models.enums.Channel`.
    channels: fields.Field[list[str]] = fields.JSONField(default=list)

    class Meta:
        table = "notification_default"

    def __admin_repr__(self, request: object) -> str:
        return str(self.kind)


class NotificationPreference(TimestampedModel):
    """A person's own channels for one kind, overriding the organisation's default."""

    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="notification_preferences", on_delete=fields.CASCADE
    )
    kind = fields.CharEnumField(NotificationKind, max_length=32)
    channels: fields.Field[list[str]] = fields.JSONField(default=list)

    user_id: int

    class Meta:
        table = "notification_preference"
        unique_together = (("user_id", "kind"),)


class QuietHours(TimestampedModel):
    """A person's daily quiet period (Beijing time): e-mail and webhooks wait until it ends.

    Minutes after midnight; ``start_minute > end_minute`` spans midnight (22:00-08:00).
    """

    user: fields.OneToOneRelation[User] = fields.OneToOneField(
        "models.User", related_name="quiet_hours", on_delete=fields.CASCADE
    )
    start_minute = fields.IntField()
    end_minute = fields.IntField()

    user_id: int

    class Meta:
        table = "quiet_hours"
