"""Attachments (附件) with a version history: the same name again is a new version."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tortoise import fields

from models.base import TimestampedModel

if TYPE_CHECKING:
    from models.requirements import Requirement
    from models.tasks import Task
    from models.users import User


class Attachment(TimestampedModel):
    """A named file of a requirement or a task, its content lives in its versions."""

    requirement: fields.ForeignKeyRelation[Requirement] = fields.ForeignKeyField(
        "models.Requirement", related_name="attachments", on_delete=fields.CASCADE
    )
    task: fields.ForeignKeyNullableRelation[Task] = fields.ForeignKeyField(
        "models.Task", related_name="attachments", null=True, on_delete=fields.CASCADE
    )
    file_name = fields.CharField(max_length=255)
    uploaded_by: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="attachments", on_delete=fields.RESTRICT
    )
    current_version = fields.IntField(default=1)

    requirement_id: int
    task_id: int | None
    uploaded_by_id: int

    class Meta:
        table = "attachment"
        indexes = (("requirement_id", "task_id", "file_name"),)


class AttachmentVersion(TimestampedModel):
    """One stored file: content-addressed by SHA-256, with a change note by whoever uploaded it."""

    attachment: fields.ForeignKeyRelation[Attachment] = fields.ForeignKeyField(
        "models.Attachment", related_name="versions", on_delete=fields.CASCADE
    )
    number = fields.IntField()
    sha256 = fields.CharField(max_length=64)
    size = fields.BigIntField()
    content_type = fields.CharField(max_length=128)
    storage_path = fields.CharField(max_length=512)
    change_note = fields.TextField(default="")
    uploaded_by: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="attachment_versions", on_delete=fields.RESTRICT
    )

    attachment_id: int
    uploaded_by_id: int

    class Meta:
        table = "attachment_version"
        unique_together = (("attachment", "number"),)
        ordering = ["attachment_id", "number"]
