"""Step 2: the electronic sign-off (电子签批) of each involved department, round by round."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from core import clock, outbox
from core.queries import int_column
from models import Department, Requirement, Review, ReviewRound, User
from models.enums import (
    NotificationKind,
    RequirementStatus,
    ReviewDecision,
    Role,
    RoundOutcome,
    SignOffMode,
)
from resolvers.access import policy
from resolvers.access.auth import Viewer
from resolvers.errors import BadUserInput, Forbidden, InvalidTransition
from resolvers.notifications.notify import notify_about
from resolvers.requirements.signoff import content_hash
from resolvers.requirements.signoff_rounds import RoundSigners, round_signers
from resolvers.workflow import ensure_state, load_visible, transition

S = RequirementStatus
NOT_A_REVIEWER = "仅涉及部门负责人或其代理人可审核 (only an involved head or their delegate)"


@dataclass
class ReviewInput:
    requirement_id: int
    approve: bool
    comment: str = ""
    claimed_tasks: list[str] = field(default_factory=list)
    #: Which involved department the viewer signs for, when they may sign for several.
    department_id: int | None = None


async def review_requirement(viewer: Viewer, data: ReviewInput) -> Requirement:
    """A head (or their active delegate) signs off: approve with claimed tasks, or reject.

    Any rejection sends the requirement back for changes, in both modes. The round is
    APPROVED by the last approval under 会签 (ALL), by the first under 或签 (ANY), and in
    either mode only once every added signer (加签) approved. Concurrent reviewers are
    serialised on the requirement's row.
    """
    policy.require_writer(viewer)
    comment = data.comment.strip()
    claims = [c.strip() for c in data.claimed_tasks if c.strip()]
    if not data.approve and not comment:
        raise BadUserInput("驳回需填写具体意见 (a rejection needs a comment)", field="comment")
    if len(comment) > 5_000 or len(claims) > 50 or any(len(c) > 200 for c in claims):
        raise BadUserInput("审核意见或认领任务过长 (comment or claims too long)", field="comment")
    async with in_transaction() as conn:
        requirement = await load_visible(Requirement, viewer, data.requirement_id, conn, lock=True)
        if requirement.status is not S.PENDING_REVIEW:
            await _refuse_outsiders(viewer, requirement, conn)
        ensure_state(requirement, (S.PENDING_REVIEW,), "reviewRequirement")
        round_ = await ReviewRound.get(
            requirement_id=requirement.id, number=requirement.current_round, using_db=conn
        )
        signers = await round_signers(requirement, round_, conn)
        wanted = signers.asked
        if data.department_id is not None:
            wanted = wanted & {data.department_id}
        authorities = await policy.review_authorities(viewer, requirement, round_, wanted, conn)
        if not authorities:
            raise Forbidden(NOT_A_REVIEWER)
        pending = [a for a in authorities if a.department_id in signers.pending]
        if not pending:
            raise InvalidTransition(
                "本轮已审核 (your department already reviewed this round)",
                status=str(requirement.status),
                action="reviewRequirement",
            )
        authority = pending[0]
        lead = requirement.initiating_department_id
        involved = [*signers.reviewing, *([lead] if lead else [])]
        now = clock.now()
        assert viewer.user_id is not None
        try:
            await Review.create(
                round_id=round_.id,
                requirement_id=requirement.id,
                department_id=authority.department_id,
                decision=ReviewDecision.APPROVE if data.approve else ReviewDecision.REJECT,
                comment=comment,
                claimed_tasks=claims,
                signed_by_id=viewer.user_id,
                on_behalf_of_id=authority.on_behalf_of_id,
                signed_at=now,
                content_hash=content_hash(requirement, involved),
                using_db=conn,
            )
        except IntegrityError as exc:
            raise InvalidTransition(
                "本轮已审核 (your department already reviewed this round)",
                status=str(requirement.status),
                action="reviewRequirement",
            ) from exc
        department = await Department.get(id=authority.department_id, using_db=conn)
        about: dict[str, Any] = {"department": department.name, "comment": comment}
        target, stamp = requirement.status, None
        if not data.approve:
            target = S.PENDING_MODIFICATION
            await _close_round(round_, RoundOutcome.REJECTED, now, conn)
            await notify_about(
                requirement,
                [requirement.initiator_id],
                NotificationKind.REVIEW_REJECTED,
                conn,
                **about,
            )
        elif RoundSigners(
            signers.reviewing,
            signers.added,
            signers.approved | {authority.department_id},
            signers.decided,
        ).complete(SignOffMode(requirement.signoff_mode)):
            target, stamp = S.APPROVED, "approved_at"
            await _close_round(round_, RoundOutcome.APPROVED, now, conn)
            admins = await int_column(
                User.filter(role=Role.ADMIN, is_active=True).using_db(conn), "id"
            )
            await notify_about(
                requirement,
                [requirement.initiator_id, *admins],
                NotificationKind.REQUIREMENT_APPROVED,
                conn,
                **about,
            )
        verdict = "approve" if data.approve else "reject"
        await transition(
            viewer,
            requirement,
            target,
            "requirement.review",
            conn,
            stamp=stamp,
            note=f"{department.code}: {verdict} {comment}".strip(),
            on_behalf_of_id=authority.on_behalf_of_id,
        )
    outbox.kick()
    return requirement


async def _refuse_outsiders(
    viewer: Viewer, requirement: Requirement, conn: BaseDBAsyncClient
) -> None:
    """Outside review, someone who would never sign is told so (FORBIDDEN) before being
    told the requirement is not waiting for review."""
    reviewing = await policy.reviewing_department_ids(requirement.id, conn)
    if not await policy.reviewer_authorities(viewer, requirement, reviewing):
        raise Forbidden(NOT_A_REVIEWER)


async def _close_round(
    round_: ReviewRound, outcome: RoundOutcome, now: datetime, conn: BaseDBAsyncClient
) -> None:
    round_.outcome = outcome
    round_.closed_at = now
    await round_.save(using_db=conn, update_fields=["outcome", "closed_at", "updated_at"])
