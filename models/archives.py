"""Result reports (协作成果报告) and the read-only knowledge base (知识库) of archives."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tortoise import fields

from models.base import TimestampedModel

if TYPE_CHECKING:
    from models.requirements import Requirement
    from models.users import User


class ResultReport(TimestampedModel):
    """The report the initiator writes once every task is accepted."""

    requirement: fields.OneToOneRelation[Requirement] = fields.OneToOneField(
        "models.Requirement", related_name="result_report", on_delete=fields.CASCADE
    )
    author: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="result_reports", on_delete=fields.RESTRICT
    )
    goal_achievement = fields.TextField()
    contributions = fields.TextField(default="")
    problems = fields.TextField(default="")

    requirement_id: int
    author_id: int

    class Meta:
        table = "result_report"


class Archive(TimestampedModel):
    """A frozen record of a finished requirement, searchable by Chinese words.

    ``search_text`` holds the text segmented into words (jieba) joined by spaces, so a plain
    token match finds "推广" inside "新品上市推广方案" on SQLite and PostgreSQL alike.
    """

    requirement: fields.OneToOneRelation[Requirement] = fields.OneToOneField(
        "models.Requirement", related_name="archive", on_delete=fields.CASCADE
    )
    archived_by: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="archives", on_delete=fields.RESTRICT
    )
    title = fields.CharField(max_length=200)
    summary = fields.TextField(default="")
    search_text = fields.TextField(default="")
    snapshot: fields.Field[dict[str, Any]] = fields.JSONField(default=dict)
    #: Confidential archives are read by the requirement's participants only.
    #: The others are read by every employee (知识库, for later collaborations to learn from).
    confidential = fields.BooleanField(default=False, db_default=False)

    requirement_id: int
    archived_by_id: int

    class Meta:
        table = "archive"
        ordering = ["-created_at", "-id"]
