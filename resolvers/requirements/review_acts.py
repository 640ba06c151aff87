"""What the Chinese approval products offer around a sign-off besides approving:
choosing 会签/或签 while drafting, 加签 (add a signer), 转交 (hand a review over) and
催办 (nudge a pending reviewer).
"""

from __future__ import annotations

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from core import clock, outbox
from models import (
    Requirement,
    ReviewHandover,
    ReviewReminder,
    ReviewRound,
    RoundSigner,
    User,
)
from models.enums import NotificationKind, RequirementStatus, SignOffMode
from resolvers import audit, signer_acts
from resolvers.access import policy
from resolvers.access.auth import Viewer
from resolvers.access.policy import head_ids
from resolvers.errors import BadUserInput, Forbidden
from resolvers.notifications.notify import notify_about
from resolvers.requirements import signoff_rounds
from resolvers.workdays import WorkCalendar
from resolvers.workflow import ensure_state, load_visible

S = RequirementStatus


async def set_signoff_modes(
    viewer: Viewer,
    requirement_id: int,
    signoff_mode: SignOffMode | None,
    acceptance_mode: SignOffMode | None,
) -> Requirement:
    """The initiator chooses the modes while the requirement is a DRAFT (the template's
    are copied when it is made from one); once submitted, the heads sign under known rules."""
    policy.require_writer(viewer)
    async with in_transaction() as conn:
        requirement = await load_visible(Requirement, viewer, requirement_id, conn, lock=True)
        policy.require_initiator(viewer, requirement)
        ensure_state(requirement, (S.DRAFT,), "setSignOffModes")
        before = {
            "signoff_mode": str(requirement.signoff_mode),
            "acceptance_mode": str(requirement.acceptance_mode),
        }
        if signoff_mode is not None:
            requirement.signoff_mode = signoff_mode
        if acceptance_mode is not None:
            requirement.acceptance_mode = acceptance_mode
        requirement.version += 1
        await requirement.save(
            using_db=conn,
            update_fields=["signoff_mode", "acceptance_mode", "version", "updated_at"],
        )
        await audit.record(
            viewer,
            "requirement.signoff_modes",
            "Requirement",
            requirement.id,
            subject_code=requirement.code,
            before=before,
            after={
                "signoff_mode": str(requirement.signoff_mode),
                "acceptance_mode": str(requirement.acceptance_mode),
            },
            using_db=conn,
        )
    return requirement


async def _open_round(
    viewer: Viewer, requirement_id: int, action: str, conn: BaseDBAsyncClient
) -> tuple[Requirement, ReviewRound, signoff_rounds.RoundSigners]:
    requirement = await load_visible(Requirement, viewer, requirement_id, conn, lock=True)
    ensure_state(requirement, (S.PENDING_REVIEW,), action)
    round_ = await ReviewRound.get(
        requirement_id=requirement.id,
        number=requirement.current_round,
        using_db=conn,
    )
    return requirement, round_, await signoff_rounds.round_signers(requirement, round_, conn)


async def _my_pending_authority(
    viewer: Viewer,
    requirement: Requirement,
    round_: ReviewRound,
    signers: signoff_rounds.RoundSigners,
    department_id: int | None,
    conn: BaseDBAsyncClient,
) -> policy.HeadAuthority:
    """The viewer's authority over a department of the round that has not signed yet."""
    wanted = signers.pending if department_id is None else signers.pending & {department_id}
    found = await policy.review_authorities(viewer, requirement, round_, wanted, conn)
    if not found:
        raise Forbidden(
            "仅本轮尚未签批的审核人可加签或转交 (only a reviewer who has not signed yet this round)"
        )
    return found[0]


async def add_signer(viewer: Viewer, requirement_id: int, user_id: int) -> Requirement:
    """加签: a reviewer still to sign adds another head; the round now waits for that head's
    department too, in either mode."""
    policy.require_writer(viewer)
    async with in_transaction() as conn:
        requirement, round_, signers = await _open_round(viewer, requirement_id, "addSigner", conn)
        await _my_pending_authority(viewer, requirement, round_, signers, None, conn)
        lead = requirement.initiating_department_id
        department = await signer_acts.added_department(user_id, {*signers.asked, lead}, conn)
        await RoundSigner.create(
            round_id=round_.id, department_id=department, added_by_id=viewer.user_id, using_db=conn
        )
        await audit.record(
            viewer,
            "requirement.add_signer",
            "Requirement",
            requirement.id,
            subject_code=requirement.code,
            after={"round": round_.number, "departmentId": department, "userId": user_id},
            using_db=conn,
        )
        await notify_about(
            requirement,
            await head_ids([department], conn),
            NotificationKind.REVIEW_REQUESTED,
            conn,
        )
    outbox.kick()
    return requirement


async def hand_over_review(
    viewer: Viewer, requirement_id: int, to_user_id: int, department_id: int | None = None
) -> Requirement:
    """转交: hand my pending review to an active member of the same department, who then
    signs it on the head's behalf (and nobody else does)."""
    policy.require_writer(viewer)
    async with in_transaction() as conn:
        requirement, round_, signers = await _open_round(
            viewer, requirement_id, "handOverReview", conn
        )
        authority = await _my_pending_authority(
            viewer, requirement, round_, signers, department_id, conn
        )
        await signer_acts.check_handover_target(
            viewer, to_user_id, authority.department_id, {requirement.initiator_id}, conn
        )
        assert viewer.user_id is not None
        await ReviewHandover.create(
            round_id=round_.id,
            department_id=authority.department_id,
            from_user_id=viewer.user_id,
            to_user_id=to_user_id,
            head_id=authority.head_user_id,
            using_db=conn,
        )
        await audit.record(
            viewer,
            "requirement.hand_over_review",
            "Requirement",
            requirement.id,
            subject_code=requirement.code,
            after={
                "round": round_.number,
                "departmentId": authority.department_id,
                "toUserId": to_user_id,
            },
            on_behalf_of_id=authority.on_behalf_of_id,
            using_db=conn,
        )
        await notify_about(requirement, [to_user_id], NotificationKind.REVIEW_REQUESTED, conn)
    outbox.kick()
    return requirement


async def remind_reviewer(viewer: Viewer, requirement_id: int, department_id: int) -> Requirement:
    """催办: the initiator nudges a department whose sign-off is pending: its head and the
    head's active delegates (or the person the review was handed to) are notified. At most
    once per working day and department; again the same day is RATE_LIMITED."""
    policy.require_writer(viewer)
    calendar = await WorkCalendar.load()
    now = clock.now()
    day = signer_acts.nudge_day(calendar, now)
    async with in_transaction() as conn:
        requirement, round_, signers = await _open_round(
            viewer, requirement_id, "remindReviewer", conn
        )
        policy.require_initiator(viewer, requirement)
        if department_id not in signers.pending:
            raise BadUserInput(
                "该部门本轮无待签批的审核 (no pending sign-off of that department)",
                field="departmentId",
            )
        if (
            await ReviewReminder.filter(round_id=round_.id, department_id=department_id, day=day)
            .using_db(conn)
            .exists()
        ):
            raise signer_acts.nudged_already(calendar, day, now)
        await ReviewReminder.create(
            round_id=round_.id,
            department_id=department_id,
            sent_by_id=viewer.user_id,
            day=day,
            using_db=conn,
        )
        sender = await User.get(id=viewer.user_id, using_db=conn)
        await notify_about(
            requirement,
            await signoff_rounds.reviewer_ids(round_.id, [department_id], conn),
            NotificationKind.REVIEW_REMINDER,
            conn,
            sender=sender.display_name,
        )
    outbox.kick()
    return requirement
