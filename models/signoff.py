"""The rows around sign-off and acceptance that the Chinese approval products name:
加签 (an added signer), 转交 (a handed-over review), 催办 (a nudge), for review rounds and
for the acceptance group alike, and the acceptance group's individual decisions with the
exact file versions they accepted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tortoise import fields

from models.base import TimestampedModel
from models.enums import ResultDecision

if TYPE_CHECKING:
    from models.attachments import AttachmentVersion
    from models.departments import Department
    from models.requirements import ReviewRound
    from models.tasks import TaskResult
    from models.users import User


class RoundSigner(TimestampedModel):
    """加签: a reviewing head adds another head's department to the current round.

    The round is not complete until that department has signed too, in either mode.
    """

    round: fields.ForeignKeyRelation[ReviewRound] = fields.ForeignKeyField(
        "models.ReviewRound", related_name="added_signers", on_delete=fields.CASCADE
    )
    department: fields.ForeignKeyRelation[Department] = fields.ForeignKeyField(
        "models.Department", related_name="added_signings", on_delete=fields.RESTRICT
    )
    added_by: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="signers_added", on_delete=fields.RESTRICT
    )

    round_id: int
    department_id: int
    added_by_id: int

    class Meta:
        table = "round_signer"
        unique_together = (("round", "department"),)


class ReviewHandover(TimestampedModel):
    """转交: a department's pending review in a round handed to a person of that department.

    While it stands, that person (and nobody else) signs for the department in the round.
    """

    round: fields.ForeignKeyRelation[ReviewRound] = fields.ForeignKeyField(
        "models.ReviewRound", related_name="handovers", on_delete=fields.CASCADE
    )
    department: fields.ForeignKeyRelation[Department] = fields.ForeignKeyField(
        "models.Department", related_name="review_handovers", on_delete=fields.RESTRICT
    )
    from_user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="reviews_handed_over", on_delete=fields.RESTRICT
    )
    to_user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="reviews_received", on_delete=fields.RESTRICT
    )
    #: The head the review belongs to, so the sign-off records "X on behalf of Y".
    head: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="reviews_handed_for", on_delete=fields.RESTRICT
    )

    round_id: int
    department_id: int
    from_user_id: int
    to_user_id: int
    head_id: int

    class Meta:
        table = "review_handover"
        indexes = (("round_id", "department_id"),)


class ReviewReminder(TimestampedModel):
    """催办: the initiator nudged a department's pending review (once per working day)."""

    round: fields.ForeignKeyRelation[ReviewRound] = fields.ForeignKeyField(
        "models.ReviewRound", related_name="reminders", on_delete=fields.CASCADE
    )
    department: fields.ForeignKeyRelation[Department] = fields.ForeignKeyField(
        "models.Department", related_name="review_reminders", on_delete=fields.RESTRICT
    )
    sent_by: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="reminders_sent", on_delete=fields.RESTRICT
    )
    #: The Beijing working day it was sent on: one per department, round and day.
    day = fields.DateField()

    round_id: int
    department_id: int
    sent_by_id: int

    class Meta:
        table = "review_reminder"
        unique_together = (("round", "department", "day"),)


class ResultSignoff(TimestampedModel):
    """One acceptance group member's decision on submitted results.

    ``seat`` is ``initiator`` or ``dept:<id>`` (a reviewing department's head, or their
    delegate), so each seat decides once per submission.
    """

    result: fields.ForeignKeyRelation[TaskResult] = fields.ForeignKeyField(
        "models.TaskResult", related_name="signoffs", on_delete=fields.CASCADE
    )
    seat = fields.CharField(max_length=32)
    decision = fields.CharEnumField(ResultDecision, max_length=16)
    comment = fields.TextField(default="")
    signed_by: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="result_signoffs", on_delete=fields.RESTRICT
    )
    on_behalf_of: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User",
        related_name="result_signoffs_delegated",
        null=True,
        on_delete=fields.RESTRICT,
    )
    signed_at = fields.DatetimeField()

    result_id: int
    signed_by_id: int
    on_behalf_of_id: int | None

    class Meta:
        table = "result_signoff"
        unique_together = (("result", "seat"),)


class ResultVersion(TimestampedModel):
    """A file version a result was submitted with: what its acceptance accepts (pinned)."""

    result: fields.ForeignKeyRelation[TaskResult] = fields.ForeignKeyField(
        "models.TaskResult", related_name="pinned_versions", on_delete=fields.CASCADE
    )
    version: fields.ForeignKeyRelation[AttachmentVersion] = fields.ForeignKeyField(
        "models.AttachmentVersion", related_name="pinned_by", on_delete=fields.RESTRICT
    )

    result_id: int
    version_id: int

    class Meta:
        table = "result_version"
        unique_together = (("result", "version"),)


class ResultSigner(TimestampedModel):
    """加签 in acceptance: a member of the acceptance group adds another head's department
    to one submission's decision, which then also waits for that department's acceptance."""

    result: fields.ForeignKeyRelation[TaskResult] = fields.ForeignKeyField(
        "models.TaskResult", related_name="added_signers", on_delete=fields.CASCADE
    )
    department: fields.ForeignKeyRelation[Department] = fields.ForeignKeyField(
        "models.Department", related_name="added_acceptances", on_delete=fields.RESTRICT
    )
    added_by: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="acceptance_signers_added", on_delete=fields.RESTRICT
    )

    result_id: int
    department_id: int
    added_by_id: int

    class Meta:
        table = "result_signer"
        unique_together = (("result", "department"),)


class ResultHandover(TimestampedModel):
    """转交 in acceptance: a department's pending acceptance of one submission handed to a
    person of that department, who then (and nobody else) decides for it."""

    result: fields.ForeignKeyRelation[TaskResult] = fields.ForeignKeyField(
        "models.TaskResult", related_name="handovers", on_delete=fields.CASCADE
    )
    department: fields.ForeignKeyRelation[Department] = fields.ForeignKeyField(
        "models.Department", related_name="acceptance_handovers", on_delete=fields.RESTRICT
    )
    from_user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="acceptances_handed_over", on_delete=fields.RESTRICT
    )
    to_user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="acceptances_received", on_delete=fields.RESTRICT
    )
    #: The head the acceptance belongs to, so the decision records "X on behalf of Y".
    head: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="acceptances_handed_for", on_delete=fields.RESTRICT
    )

    result_id: int
    department_id: int
    from_user_id: int
    to_user_id: int
    head_id: int

    class Meta:
        table = "result_handover"
        indexes = (("result_id", "department_id"),)


class ResultReminder(TimestampedModel):
    """催办 in acceptance: the initiator nudged a department's pending acceptance of one
    submission (once per working day)."""

    result: fields.ForeignKeyRelation[TaskResult] = fields.ForeignKeyField(
        "models.TaskResult", related_name="reminders", on_delete=fields.CASCADE
    )
    department: fields.ForeignKeyRelation[Department] = fields.ForeignKeyField(
        "models.Department", related_name="acceptance_reminders", on_delete=fields.RESTRICT
    )
    sent_by: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="acceptance_reminders_sent", on_delete=fields.RESTRICT
    )
    #: The Beijing working day it was sent on: one per department, submission and day.
    day = fields.DateField()

    result_id: int
    department_id: int
    sent_by_id: int

    class Meta:
        table = "result_reminder"
        unique_together = (("result", "department", "day"),)
