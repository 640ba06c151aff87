"""Requirements (需求) with their involved departments, review rounds and reviews."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tortoise import fields

from models.base import TimestampedModel
from models.enums import Priority, RequirementStatus, ReviewDecision, RoundOutcome, SignOffMode

if TYPE_CHECKING:
    from models.departments import Department
    from models.templates import RequirementTemplate
    from models.users import User


class Requirement(TimestampedModel):
    """The Requirement Form (需求申请表): what a department needs from others, and why."""

    code = fields.CharField(max_length=32, unique=True)
    title = fields.CharField(max_length=200)
    background = fields.TextField(default="")
    goals = fields.TextField(default="")
    deliverables = fields.TextField(default="")
    acceptance_criteria = fields.TextField(default="")
    data_needs = fields.TextField(default="")
    contact = fields.CharField(max_length=64, default="")
    expected_by = fields.DateField(null=True)
    priority = fields.CharEnumField(Priority, max_length=16, default=Priority.NORMAL)
    status = fields.CharEnumField(RequirementStatus, max_length=24, default=RequirementStatus.DRAFT)
    initiator: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="initiated_requirements", on_delete=fields.RESTRICT
    )
    initiating_department: fields.ForeignKeyNullableRelation[Department] = fields.ForeignKeyField(
        "models.Department",
        related_name="initiated_requirements",
        null=True,
        on_delete=fields.SET_NULL,
    )
    #: The number of the current review round (0 before the first submission).
    current_round = fields.IntField(default=0)
    #: Optimistic concurrency: every write checks and raises it.
    version = fields.IntField(default=1)
    submitted_at = fields.DatetimeField(null=True)
    approved_at = fields.DatetimeField(null=True)
    initiated_at = fields.DatetimeField(null=True)
    completed_at = fields.DatetimeField(null=True)
    archived_at = fields.DatetimeField(null=True)
    cancelled_at = fields.DatetimeField(null=True)
    template: fields.ForeignKeyNullableRelation[RequirementTemplate] = fields.ForeignKeyField(
        "models.RequirementTemplate",
        related_name="requirements",
        null=True,
        on_delete=fields.SET_NULL,
    )
    #: The template version the requirement was made with (its snapshot stays readable).
    template_version = fields.IntField(null=True)
    #: The requirement form version (fields of no template) it was made with.
    form_version = fields.IntField(null=True)
    #: Admin-defined field values by key, as validated when they were written.
    custom_fields: fields.Field[dict[str, Any]] = fields.JSONField(default=dict)
    #: 会签 (ALL reviewing heads approve) or 或签 (the first approval decides).
    signoff_mode = fields.CharEnumField(
        SignOffMode, max_length=8, default=SignOffMode.ALL, db_default="ALL"
    )
    #: How the acceptance group (验收小组) decides a task's results: ALL members or ANY one.
    acceptance_mode = fields.CharEnumField(
        SignOffMode, max_length=8, default=SignOffMode.ALL, db_default="ALL"
    )

    initiator_id: int
    initiating_department_id: int | None
    template_id: int | None

    class Meta:
        table = "requirement"
        ordering = ["-id"]
        indexes = (("status", "created_at"), ("initiator_id", "status"))

    def __str__(self) -> str:
        return f"{self.code} {self.title}"

    def __admin_repr__(self, request: object) -> str:
        return str(self)


class RequirementDepartment(TimestampedModel):
    """A department involved in a requirement: the lead or a helper, and what it provides."""

    requirement: fields.ForeignKeyRelation[Requirement] = fields.ForeignKeyField(
        "models.Requirement", related_name="involvements", on_delete=fields.CASCADE
    )
    department: fields.ForeignKeyRelation[Department] = fields.ForeignKeyField(
        "models.Department", related_name="involvements", on_delete=fields.RESTRICT
    )
    is_lead = fields.BooleanField(default=False)
    contribution = fields.CharField(max_length=255, default="")

    requirement_id: int
    department_id: int

    class Meta:
        table = "requirement_department"
        unique_together = (("requirement", "department"),)
        indexes = (("department_id", "requirement_id"),)


class ReviewRound(TimestampedModel):
    """One pass of the involved heads over a submitted version of the requirement."""

    requirement: fields.ForeignKeyRelation[Requirement] = fields.ForeignKeyField(
        "models.Requirement", related_name="review_rounds", on_delete=fields.CASCADE
    )
    number = fields.IntField()
    outcome = fields.CharEnumField(RoundOutcome, max_length=16, default=RoundOutcome.OPEN)
    opened_at = fields.DatetimeField()
    closed_at = fields.DatetimeField(null=True)

    requirement_id: int

    class Meta:
        table = "review_round"
        unique_together = (("requirement", "number"),)
        indexes = (("outcome", "opened_at"),)


class Review(TimestampedModel):
    """The electronic sign-off (电子签批) of a department in a round: approve or reject.

    ``content_hash`` is the SHA-256 of the requirement content the signer saw, so a later
    edit shows as "content changed since approval".
    """

    round: fields.ForeignKeyRelation[ReviewRound] = fields.ForeignKeyField(
        "models.ReviewRound", related_name="reviews", on_delete=fields.CASCADE
    )
    requirement: fields.ForeignKeyRelation[Requirement] = fields.ForeignKeyField(
        "models.Requirement", related_name="reviews", on_delete=fields.CASCADE
    )
    department: fields.ForeignKeyRelation[Department] = fields.ForeignKeyField(
        "models.Department", related_name="reviews", on_delete=fields.RESTRICT
    )
    decision = fields.CharEnumField(ReviewDecision, max_length=16)
    comment = fields.TextField(default="")
    claimed_tasks: fields.Field[list[str]] = fields.JSONField(default=list)
    signed_by: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="reviews_signed", on_delete=fields.RESTRICT
    )
    on_behalf_of: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="reviews_delegated", null=True, on_delete=fields.RESTRICT
    )
    signed_at = fields.DatetimeField()
    content_hash = fields.CharField(max_length=64)

    round_id: int
    requirement_id: int
    department_id: int
    signed_by_id: int
    on_behalf_of_id: int | None

    class Meta:
        table = "review"
        unique_together = (("round", "department"),)
        indexes = (("requirement_id", "department_id"),)
