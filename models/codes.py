"""Counters behind the human codes (XQ202407001, FK…, YJ…)."""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model


class CodeCounter(Model):
    """The last number used for a prefix and month, e.g. key ``XQ202407`` → 3.

    Incremented with ``UPDATE … SET value = value + 1`` inside the creating transaction:
    unique under concurrency on SQLite and PostgreSQL, unlike ``max(code) + 1``.
    """

    key = fields.CharField(max_length=32, primary_key=True)
    value = fields.IntField(default=0)

    class Meta:
        table = "code_counter"
