"""Feedback (协作反馈表) after completion, and process-improvement suggestions (流程优化建议表)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tortoise import fields

from models.base import TimestampedModel
from models.enums import FeedbackKind, SuggestionStatus

if TYPE_CHECKING:
    from models.departments import Department
    from models.requirements import Requirement
    from models.users import User


class Feedback(TimestampedModel):
    """Feedback of one participant on a completed requirement (once per participant)."""

    code = fields.CharField(max_length=32, unique=True)
    requirement: fields.ForeignKeyRelation[Requirement] = fields.ForeignKeyField(
        "models.Requirement", related_name="feedback", on_delete=fields.CASCADE
    )
    author: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="feedback", on_delete=fields.RESTRICT
    )
    author_department: fields.ForeignKeyNullableRelation[Department] = fields.ForeignKeyField(
        "models.Department", related_name="feedback_given", null=True, on_delete=fields.SET_NULL
    )
    kind = fields.CharEnumField(FeedbackKind, max_length=16)
    content = fields.TextField()
    proposal = fields.TextField(default="")
    handling_result = fields.TextField(default="")
    handled_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="feedback_handled", null=True, on_delete=fields.RESTRICT
    )
    handled_at = fields.DatetimeField(null=True)

    requirement_id: int
    author_id: int
    author_department_id: int | None
    handled_by_id: int | None

    class Meta:
        table = "feedback"
        unique_together = (("requirement", "author"),)
        indexes = (("kind", "created_at"),)


class FeedbackPerson(TimestampedModel):
    """A person a feedback item names (praised for what they did, or involved in a problem)."""

    feedback: fields.ForeignKeyRelation[Feedback] = fields.ForeignKeyField(
        "models.Feedback", related_name="people", on_delete=fields.CASCADE
    )
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="feedback_naming", on_delete=fields.RESTRICT
    )

    feedback_id: int
    user_id: int

    class Meta:
        table = "feedback_person"
        unique_together = (("feedback", "user"),)


class FeedbackDepartment(TimestampedModel):
    """A department a feedback is about (praised, or where a problem arose)."""

    feedback: fields.ForeignKeyRelation[Feedback] = fields.ForeignKeyField(
        "models.Feedback", related_name="departments", on_delete=fields.CASCADE
    )
    department: fields.ForeignKeyRelation[Department] = fields.ForeignKeyField(
        "models.Department", related_name="feedback_received", on_delete=fields.RESTRICT
    )

    feedback_id: int
    department_id: int

    class Meta:
        table = "feedback_department"
        unique_together = (("feedback", "department"),)


class Suggestion(TimestampedModel):
    """A proposal to improve the process, evaluated by the admin (已采纳, 计划中, 不采纳)."""

    code = fields.CharField(max_length=32, unique=True)
    department: fields.ForeignKeyNullableRelation[Department] = fields.ForeignKeyField(
        "models.Department", related_name="suggestions", null=True, on_delete=fields.SET_NULL
    )
    proposer: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="suggestions", on_delete=fields.RESTRICT
    )
    contact = fields.CharField(max_length=64, default="")
    pain_point = fields.TextField()
    proposal = fields.TextField()
    expected_effect = fields.TextField(default="")
    status = fields.CharEnumField(
        SuggestionStatus, max_length=16, default=SuggestionStatus.SUBMITTED
    )
    evaluation_note = fields.TextField(default="")
    evaluated_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="suggestions_evaluated", null=True, on_delete=fields.RESTRICT
    )
    evaluated_at = fields.DatetimeField(null=True)
    remarks = fields.TextField(default="")
    #: When an adopted or planned suggestion is to take effect (e.g. 计划8月上线).
    planned_for = fields.DateField(null=True)

    department_id: int | None
    proposer_id: int
    evaluated_by_id: int | None

    class Meta:
        table = "suggestion"
        indexes = (("status", "created_at"),)
