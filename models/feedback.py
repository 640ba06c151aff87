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
    """Feedback of one participant on a completed requirement (once per participant); its
    rows are its items (``FeedbackItem``)."""

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
    """A person the feedback names in any of its items (praised for what they did, or
    involved in a problem): the union of its items' people, for readers of the whole form."""

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
    """A department the feedback is about in any of its items (praised, or where a problem
    arose): the union of its items' departments."""

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


class FeedbackItem(TimestampedModel):
    """One row of a person's feedback form: a praise, a problem or a suggestion, with what
    it says, what the author proposes, and the admin's 处理结果 for this row alone (the
    source's form gives each row its own handling result: a praise needs none, a problem
    its own fix). The feedback's own kind, content, proposal and handling columns mirror
    its first item, for readers and clients of the single-kind form."""

    feedback: fields.ForeignKeyRelation[Feedback] = fields.ForeignKeyField(
        "models.Feedback", related_name="items", on_delete=fields.CASCADE
    )
    position = fields.SmallIntField(description="Order on the form, from 0")
    kind = fields.CharEnumField(FeedbackKind, max_length=16)
    content = fields.TextField()
    proposal = fields.TextField(default="")
    handling_result = fields.TextField(default="")
    handled_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="feedback_items_handled", null=True, on_delete=fields.RESTRICT
    )
    handled_at = fields.DatetimeField(null=True)

    feedback_id: int
    handled_by_id: int | None

    class Meta:
        table = "feedback_item"
        unique_together = (("feedback", "position"),)
        indexes = (("kind", "created_at"),)


class FeedbackItemPerson(TimestampedModel):
    """A person one feedback item names."""

    item: fields.ForeignKeyRelation[FeedbackItem] = fields.ForeignKeyField(
        "models.FeedbackItem", related_name="people", on_delete=fields.CASCADE
    )
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="feedback_item_naming", on_delete=fields.RESTRICT
    )

    item_id: int
    user_id: int

    class Meta:
        table = "feedback_item_person"
        unique_together = (("item", "user"),)


class FeedbackItemDepartment(TimestampedModel):
    """A department one feedback item is about."""

    item: fields.ForeignKeyRelation[FeedbackItem] = fields.ForeignKeyField(
        "models.FeedbackItem", related_name="departments", on_delete=fields.CASCADE
    )
    department: fields.ForeignKeyRelation[Department] = fields.ForeignKeyField(
        "models.Department", related_name="feedback_items_received", on_delete=fields.RESTRICT
    )

    item_id: int
    department_id: int

    class Meta:
        table = "feedback_item_department"
        unique_together = (("item", "department"),)


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
