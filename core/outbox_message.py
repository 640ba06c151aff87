"""The outbox's own table: the kernel owns it, so the relay needs nothing from the layers above.

Registered in the ``models`` app beside the domain tables (``core.db.MODEL_MODULES``), so the
migrations and the app label are unchanged.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from tortoise import fields
from tortoise.models import Model


class OutboxStatus(StrEnum):
    PENDING = "PENDING"
    SENT = "SENT"
    #: Failed ``outbox_max_attempts`` times: left aside until an admin retries it.
    PARKED = "PARKED"


class OutboxMessage(Model):
    """A background message written in the same transaction as the change that caused it.

    A relay enqueues pending rows to the broker after commit (and again after a crash or a
    broker outage), so a message is never lost and never reaches a worker before its data.
    """

    id = fields.IntField(primary_key=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)
    actor = fields.CharField(max_length=128)
    args: fields.Field[list[Any]] = fields.JSONField(default=list)
    status = fields.CharEnumField(OutboxStatus, max_length=16, default=OutboxStatus.PENDING)
    attempts = fields.IntField(default=0)
    sent_at = fields.DatetimeField(null=True)
    last_error = fields.TextField(default="")
    #: The request that caused the message (its X-Request-ID), bound again while it runs.
    request_id = fields.CharField(max_length=64, default="", db_default="")
    #: After a failure, the relay leaves the row alone until then (exponential backoff).
    next_attempt_at = fields.DatetimeField(null=True)

    class Meta:
        table = "outbox_message"
        indexes = (("status", "id"),)
