"""In-app notifications, deliveries on other channels, and the outbox of messages to send."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tortoise import fields

from models.base import TimestampedModel
from models.enums import Channel, DeliveryStatus, NotificationKind

if TYPE_CHECKING:
    from models.users import User


class Notification(TimestampedModel):
    """A message in the inbox of a user (待办/通知), made idempotent by ``dedup_key``."""

    recipient: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="notifications", on_delete=fields.CASCADE
    )
    kind = fields.CharEnumField(NotificationKind, max_length=32)
    title = fields.CharField(max_length=255)
    body = fields.TextField(default="")
    subject_type = fields.CharField(max_length=32, default="")
    subject_id = fields.IntField(null=True)
    subject_code = fields.CharField(max_length=40, default="")
    dedup_key = fields.CharField(max_length=160, unique=True, null=True)
    read_at = fields.DatetimeField(null=True)

    recipient_id: int

    class Meta:
        table = "notification"
        ordering = ["-created_at", "-id"]
        indexes = (("recipient_id", "read_at"), ("recipient_id", "created_at"))


class Delivery(TimestampedModel):
    """One send of a notification on one channel (e-mail, webhook), sent at most once."""

    notification: fields.ForeignKeyNullableRelation[Notification] = fields.ForeignKeyField(
        "models.Notification", related_name="deliveries", null=True, on_delete=fields.CASCADE
    )
    channel = fields.CharEnumField(Channel, max_length=16)
    target = fields.CharField(max_length=1024)
    dedup_key = fields.CharField(max_length=200, unique=True)
    payload: fields.Field[dict[str, Any]] = fields.JSONField(default=dict)
    status = fields.CharEnumField(DeliveryStatus, max_length=16, default=DeliveryStatus.PENDING)
    attempts = fields.IntField(default=0)
    last_error = fields.TextField(default="")
    sent_at = fields.DatetimeField(null=True)
    #: Held until then: the recipient's quiet hours were in force when it was staged.
    not_before = fields.DatetimeField(null=True)

    notification_id: int | None

    class Meta:
        table = "delivery"
        indexes = (("status", "created_at"),)
