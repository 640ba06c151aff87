"""Where people come from: account sources, and the record of each import or directory sync."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from tortoise import fields
from tortoise.models import Model


class AccountSource(StrEnum):
    """Who owns an account's identity: the panel (local), an import file, a directory, an IdP.

    It decides how the person signs in (``resolvers/access/credentials.py``) and which runs may
    change or deactivate them: a sync never touches an account of another source.
    """

    LOCAL = "LOCAL"
    IMPORT = "IMPORT"
    LDAP = "LDAP"
    OIDC = "OIDC"


class SyncStatus(StrEnum):
    RUNNING = "RUNNING"
    #: Applied (or, for a dry run, computed) without refusals.
    SUCCEEDED = "SUCCEEDED"
    #: Nothing applied: some rows or entries were refused (an import refuses the whole file).
    REFUSED = "REFUSED"
    #: The run itself failed (directory unreachable, bad bind): nothing applied.
    FAILED = "FAILED"


class PeopleSyncRun(Model):
    """One import of a people file or one directory sync: what it changed and refused.

    The panel's sync report. The last successful LDAP run's ``watermark`` (the directory's
    highest ``modifyTimestamp`` seen) is where the next incremental run starts.
    """

    id = fields.IntField(primary_key=True)
    source = fields.CharEnumField(AccountSource, max_length=16)
    status = fields.CharEnumField(SyncStatus, max_length=16, default=SyncStatus.RUNNING)
    dry_run = fields.BooleanField(default=False)
    #: A run that read every entry's attributes (the first, or one asked for), not only changes.
    full = fields.BooleanField(default=False)
    started_at = fields.DatetimeField(auto_now_add=True)
    finished_at = fields.DatetimeField(null=True)
    #: Who started it: a username, ``scheduler``, ``cli``.
    started_by = fields.CharField(max_length=128, default="")
    #: The file's name for an import.
    file_name = fields.CharField(max_length=255, default="")
    created = fields.IntField(default=0)
    updated = fields.IntField(default=0)
    deactivated = fields.IntField(default=0)
    unchanged = fields.IntField(default=0)
    refused = fields.IntField(default=0)
    #: Each change: ``{"action", "key", "username", "fields"}``.
    changes: fields.Field[list[dict[str, Any]]] = fields.JSONField(default=list)
    #: Each refusal: ``{"where" (row number or DN), "reason"}``.
    refusals: fields.Field[list[dict[str, Any]]] = fields.JSONField(default=list)
    watermark = fields.DatetimeField(null=True)
    error = fields.TextField(default="")

    class Meta:
        table = "people_sync_run"
        ordering = ["-id"]
        indexes = (("source", "status"),)

    def __str__(self) -> str:
        return f"{self.source} #{self.id} {self.status}"

    def __admin_repr__(self, request: object) -> str:
        return str(self)


class DirectorySettings(Model):
    """The directory connection and mapping as edited in the panel (one row, ``id`` 1).

    A value set here overrides the ``CROSSFLOW_LDAP_*`` environment variable of the same
    name for every process (read at each sync and each directory sign-in), so an
    administrator can connect a directory without a redeploy. The bind password is kept
    apart, never shown back, and audited only as "changed".
    """

    id = fields.IntField(primary_key=True)
    #: Setting name (``ldap_url``, ``ldap_attr_username`` …) -> value.
    values: fields.Field[dict[str, Any]] = fields.JSONField(default=dict)
    bind_password = fields.CharField(max_length=255, default="")
    updated_at = fields.DatetimeField(auto_now=True)
    updated_by = fields.CharField(max_length=128, default="")

    class Meta:
        table = "directory_settings"
