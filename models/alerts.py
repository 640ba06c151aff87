"""Warnings (预警): the rules the admin tunes, the alerts they fired, webhook channels."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tortoise import fields

from core.channels import WebhookFormat
from models.base import TimestampedModel
from models.enums import ThresholdUnit, WarningRuleKind

if TYPE_CHECKING:
    from models.departments import Department
    from models.tasks import Task
    from models.users import User


class WarningRule(TimestampedModel):
    """One kind of warning with its thresholds per priority, recipients and channels."""

    kind = fields.CharEnumField(WarningRuleKind, max_length=24, unique=True)
    name = fields.CharField(max_length=64)
    name_en = fields.CharField(max_length=64, default="")
    enabled = fields.BooleanField(default=True)
    threshold_normal = fields.IntField()
    threshold_urgent = fields.IntField()
    unit = fields.CharEnumField(ThresholdUnit, max_length=16)
    #: Values of :class:`models.enums.Recipient`.
    recipients: fields.Field[list[str]] = fields.JSONField(default=list)
    #: Values of :class:`models.enums.Channel`.
    channels: fields.Field[list[str]] = fields.JSONField(default=list)
    version = fields.IntField(default=1)
    updated_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="warning_rules_updated", null=True, on_delete=fields.SET_NULL
    )
    #: The scan has looked at every threshold crossing up to this instant (its watermark).
    #: Cleared when the rule changes, so a wider threshold is looked at again.
    scanned_until = fields.DatetimeField(null=True)

    updated_by_id: int | None

    class Meta:
        table = "warning_rule"
        ordering = ["id"]

    def __str__(self) -> str:
        return self.name

    def __admin_repr__(self, request: object) -> str:
        return str(self)


class Alert(TimestampedModel):
    """A warning recorded once under its key (rule, subject, threshold instance)."""

    rule: fields.ForeignKeyRelation[WarningRule] = fields.ForeignKeyField(
        "models.WarningRule", related_name="alerts", on_delete=fields.CASCADE
    )
    subject_type = fields.CharField(max_length=32)
    subject_id = fields.IntField()
    subject_code = fields.CharField(max_length=40, default="")
    instance = fields.IntField(default=0)
    dedup_key = fields.CharField(max_length=128, unique=True)
    task: fields.ForeignKeyNullableRelation[Task] = fields.ForeignKeyField(
        "models.Task", related_name="alerts", null=True, on_delete=fields.CASCADE
    )
    fired_at = fields.DatetimeField()
    details: fields.Field[dict[str, Any]] = fields.JSONField(default=dict)
    #: Found in quiet hours: delivered as part of a digest from this instant on.
    held_until = fields.DatetimeField(null=True)
    released_at = fields.DatetimeField(null=True)

    rule_id: int
    task_id: int | None

    class Meta:
        table = "alert"
        indexes = (("subject_type", "subject_id"), ("fired_at",), ("released_at", "held_until"))


class WebhookChannel(TimestampedModel):
    """A group-bot or generic JSON webhook that receives warnings."""

    name = fields.CharField(max_length=128)
    format = fields.CharEnumField(WebhookFormat, max_length=16, default=WebhookFormat.GENERIC)
    url = fields.CharField(max_length=1024)
    secret = fields.CharField(max_length=255, default="")
    enabled = fields.BooleanField(default=True)
    #: The departments whose people and warnings it serves (none named: every one).
    departments: fields.ManyToManyRelation[Department] = fields.ManyToManyField(
        "models.Department", related_name="webhook_channels", through="webhook_channel_department"
    )

    class Meta:
        table = "webhook_channel"
