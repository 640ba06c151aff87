"""The acceptance group (验收小组) decides on submitted results, under 会签 or 或签.

The group is the initiator and the reviewing departments' heads (or their delegates):
``policy.acceptance_seats``. Under ALL every seat must accept and any rejection sends the
task back; under ANY the first decision of any seat decides. A department added to a
submission (加签, ``acceptance_acts.py``) must accept too, in either mode. Each seat's decision is a
``ResultSignoff`` row ("X on behalf of Y" when a delegate decides); what is accepted is
exactly the file versions the result was submitted with (``ResultVersion``).
"""

from __future__ import annotations

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from core import clock, outbox
from core.queries import int_column
from models import (
    Attachment,
    AttachmentVersion,
    DepartmentHead,
    Requirement,
    ResultSigner,
    ResultSignoff,
    ResultVersion,
    Task,
    TaskResult,
)
from models.enums import NotificationKind, ResultDecision, SignOffMode, TaskStatus
from resolvers import audit
from resolvers.access import policy
from resolvers.access.auth import Viewer
from resolvers.errors import BadUserInput, Forbidden, InvalidTransition
from resolvers.notifications.notify import notify_about
from resolvers.workflow import ensure_state, ensure_writable, load_visible, transition


async def pin_versions(
    result: TaskResult, attachment_ids: list[int], conn: BaseDBAsyncClient
) -> None:
    """Record the version of each file the result is submitted with: a later upload under
    the same name is a new version that this result (and its acceptance) does not cover."""
    attachments = await Attachment.filter(id__in=attachment_ids).using_db(conn)
    for attachment in attachments:
        version = await AttachmentVersion.get(
            attachment_id=attachment.id, number=attachment.current_version, using_db=conn
        )
        await ResultVersion.create(result_id=result.id, version_id=version.id, using_db=conn)


async def group_seats(requirement: Requirement, conn: BaseDBAsyncClient) -> set[str]:
    """Every seat of the group that someone can fill now: the initiator's, and each
    reviewing department that has a head (a headless department cannot hold ALL up)."""
    departments = await policy.acceptance_group_department_ids(requirement)
    headed = await int_column(
        DepartmentHead.filter(department_id__in=departments).using_db(conn), "department_id"
    )
    return {policy.INITIATOR_SEAT, *(policy.department_seat(d) for d in headed)}


async def pending_result(task: Task, conn: BaseDBAsyncClient) -> TaskResult | None:
    """The submission awaiting the group's decision, if any (the latest undecided one)."""
    return (
        await TaskResult.filter(task_id=task.id, decision=ResultDecision.PENDING)
        .using_db(conn)
        .order_by("-id")
        .first()
    )


async def added_seats(result: TaskResult, conn: BaseDBAsyncClient) -> set[str]:
    """The seats added to a submission (加签): each must accept, in either mode."""
    added = await int_column(
        ResultSigner.filter(result_id=result.id).using_db(conn), "department_id"
    )
    return {policy.department_seat(d) for d in added}


async def review_task_result(viewer: Viewer, task_id: int, accept: bool, comment: str) -> Task:
    """One group member accepts (确认完成) or rejects with what to change.

    The task is COMPLETED when the group has accepted (every seat under ALL, the first
    under ANY) and back IN_PROGRESS on any rejection; otherwise it stays SUBMITTED.
    """
    policy.require_writer(viewer)
    comment = comment.strip()
    if not accept and not comment:
        raise BadUserInput("驳回需说明修改要求 (say what to change)", field="comment")
    if len(comment) > 5_000:
        raise BadUserInput("意见过长 (comment too long)", field="comment")
    async with in_transaction() as conn:
        task = await load_visible(Task, viewer, task_id, conn, lock=True)
        requirement = await Requirement.get(id=task.requirement_id, using_db=conn)
        result = await pending_result(task, conn)
        seats = await policy.acceptance_seats(viewer, requirement, result.id if result else None)
        if not seats:
            raise Forbidden("仅验收小组可验收 (only the acceptance group decides)")
        ensure_writable(requirement)
        ensure_state(task, (TaskStatus.SUBMITTED,), "reviewTaskResult")
        if result is None:
            raise InvalidTransition("没有待验收的成果 (nothing to decide)", status=str(task.status))
        rows = await ResultSignoff.filter(result_id=result.id).using_db(conn)
        decided = {row.seat for row in rows}
        mine = [(seat, authority) for seat, authority in seats if seat not in decided]
        if not mine:
            raise InvalidTransition(
                "您已验收过这次提交 (you already decided on these results)",
                status=str(task.status),
                action="reviewTaskResult",
            )
        seat, authority = mine[0]
        now = clock.now()
        decision = ResultDecision.ACCEPTED if accept else ResultDecision.REJECTED
        assert viewer.user_id is not None
        try:
            await ResultSignoff.create(
                result_id=result.id,
                seat=seat,
                decision=decision,
                comment=comment,
                signed_by_id=viewer.user_id,
                on_behalf_of_id=authority.on_behalf_of_id,
                signed_at=now,
                using_db=conn,
            )
        except IntegrityError as exc:
            raise InvalidTransition(
                "您已验收过这次提交 (you already decided on these results)",
                status=str(task.status),
                action="reviewTaskResult",
            ) from exc
        accepted = {row.seat for row in rows if row.decision == ResultDecision.ACCEPTED}
        if accept:
            accepted.add(seat)
        added = await added_seats(result, conn)
        done = not accept or (
            added <= accepted
            and (
                SignOffMode(requirement.acceptance_mode) is SignOffMode.ANY
                or await group_seats(requirement, conn) <= accepted
            )
        )
        if not done:
            await _record_partial(viewer, task, authority, comment, conn)
        else:
            await _decide(viewer, task, result, decision, authority, comment, conn)
    outbox.kick()
    return task


async def _record_partial(
    viewer: Viewer,
    task: Task,
    authority: policy.HeadAuthority,
    comment: str,
    conn: BaseDBAsyncClient,
) -> None:
    """An acceptance that does not yet complete the group's: audited, the task unchanged."""
    await audit.record(
        viewer,
        "task.accept_partial",
        "Task",
        task.id,
        subject_code=task.code,
        note=comment[:500],
        on_behalf_of_id=authority.on_behalf_of_id,
        using_db=conn,
    )


async def _decide(
    viewer: Viewer,
    task: Task,
    result: TaskResult,
    decision: ResultDecision,
    authority: policy.HeadAuthority,
    comment: str,
    conn: BaseDBAsyncClient,
) -> None:
    """The group's decision: the result decided, the task COMPLETED or back IN_PROGRESS."""
    accept = decision is ResultDecision.ACCEPTED
    result.decision = decision
    result.decided_by_id = viewer.user_id
    result.decided_at = clock.now()
    result.decision_comment = comment
    await result.save(using_db=conn)
    if accept:
        task.progress = 100
    await transition(
        viewer,
        task,
        TaskStatus.COMPLETED if accept else TaskStatus.IN_PROGRESS,
        "task.review_result",
        conn,
        stamp="completed_at" if accept else None,
        fields=["progress"],
        note=comment[:500],
        on_behalf_of_id=authority.on_behalf_of_id,
    )
    await notify_about(
        task,
        [task.assignee_id],
        NotificationKind.RESULT_ACCEPTED if accept else NotificationKind.RESULT_REJECTED,
        conn,
        comment=comment,
    )
