"""The audit log: every state change and every admin write, who and when, before and after."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tortoise import fields
from tortoise.models import Model

if TYPE_CHECKING:
    from models.users import User


class AuditEntry(Model):
    """An append-only record, no API writes or edits it except by appending."""

    id = fields.BigIntField(primary_key=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    actor: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="audit_entries", null=True, on_delete=fields.SET_NULL
    )
    #: Who acted, as text, kept even if the user is later removed ("system" for workers).
    actor_label = fields.CharField(max_length=128)
    on_behalf_of: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="audit_entries_delegated", null=True, on_delete=fields.SET_NULL
    )
    action = fields.CharField(max_length=64)
    subject_type = fields.CharField(max_length=32)
    subject_id = fields.BigIntField(null=True)
    subject_code = fields.CharField(max_length=40, default="")
    from_state = fields.CharField(max_length=32, default="")
    to_state = fields.CharField(max_length=32, default="")
    note = fields.TextField(default="")
    before: fields.Field[dict[str, Any] | None] = fields.JSONField(null=True)
    after: fields.Field[dict[str, Any] | None] = fields.JSONField(null=True)
    via = fields.CharField(max_length=16, default="api")

    actor_id: int | None
    on_behalf_of_id: int | None

    class Meta:
        table = "audit_entry"
        ordering = ["-id"]
        indexes = (("subject_type", "subject_id"), ("created_at",))
