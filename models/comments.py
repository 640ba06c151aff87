"""Task comments (评论) and the people they @mention."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tortoise import fields

from models.base import TimestampedModel

if TYPE_CHECKING:
    from models.tasks import Task
    from models.users import User


class Comment(TimestampedModel):
    """A remark on a task, ``@username`` in the body mentions (and notifies) that user."""

    task: fields.ForeignKeyRelation[Task] = fields.ForeignKeyField(
        "models.Task", related_name="comments", on_delete=fields.CASCADE
    )
    author: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="comments", on_delete=fields.RESTRICT
    )
    body = fields.TextField()

    task_id: int
    author_id: int

    class Meta:
        table = "comment"
        ordering = ["created_at", "id"]
        indexes = (("task_id", "created_at"),)


class Mention(TimestampedModel):
    """A user named in a comment."""

    comment: fields.ForeignKeyRelation[Comment] = fields.ForeignKeyField(
        "models.Comment", related_name="mentions", on_delete=fields.CASCADE
    )
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="mentions", on_delete=fields.CASCADE
    )

    comment_id: int
    user_id: int

    class Meta:
        table = "mention"
        unique_together = (("comment", "user"),)
        # whether anyone's @mentions name a person (their scope, read ahead with their ids)
        indexes = (("user_id",),)
