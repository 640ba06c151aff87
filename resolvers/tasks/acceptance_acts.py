"""加签, 转交 and 催办 for the acceptance group (验收小组), as a review round has them.

The acts work on the submission awaiting the group (the task SUBMITTED, its latest
undecided ``TaskResult``); their shared rules are ``resolvers/signer_acts.py`` and who may
act is the policy's (``policy.acceptance_seats``). A department seat is what is added,
handed over and nudged; the initiator's own seat is never handed over (the initiator
speaks for the lead department and writes the result report).
"""

from __future__ import annotations

from dataclasses import dataclass

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from core import clock, outbox
from core.queries import int_column
from models import (
    Requirement,
    ResultHandover,
    ResultReminder,
    ResultSigner,
    ResultSignoff,
    Task,
    TaskResult,
)
from models.enums import NotificationKind, TaskStatus
from resolvers import audit, signer_acts
from resolvers.access import policy
from resolvers.access.auth import Viewer
from resolvers.errors import BadUserInput, Forbidden, InvalidTransition
from resolvers.notifications.notify import notify_about
from resolvers.tasks.acceptance import added_seats, group_seats, pending_result
from resolvers.workdays import WorkCalendar
from resolvers.workflow import ensure_state, ensure_writable, load_visible


@dataclass(frozen=True)
class Pending:
    """A submission awaiting the group, with the seats asked and those still to decide."""

    task: Task
    requirement: Requirement
    result: TaskResult
    asked: frozenset[str]
    pending: frozenset[str]


async def _pending(viewer: Viewer, task_id: int, action: str, conn: BaseDBAsyncClient) -> Pending:
    task = await load_visible(Task, viewer, task_id, conn, lock=True)
    requirement = await Requirement.get(id=task.requirement_id, using_db=conn)
    ensure_writable(requirement)
    ensure_state(task, (TaskStatus.SUBMITTED,), action)
    result = await pending_result(task, conn)
    if result is None:
        raise InvalidTransition(
            "没有待验收的成果 (nothing awaits acceptance)", status=str(task.status), action=action
        )
    asked = frozenset(await group_seats(requirement, conn) | await added_seats(result, conn))
    decided = (
        await ResultSignoff.filter(result_id=result.id)
        .using_db(conn)
        .values_list("seat", flat=True)
    )
    return Pending(task, requirement, result, asked, asked - {str(s) for s in decided})


async def _my_pending_seat(
    viewer: Viewer, pending: Pending, department_id: int | None
) -> policy.HeadAuthority:
    """The viewer's authority over a department seat of the group that has not decided."""
    seats = await policy.acceptance_seats(viewer, pending.requirement, pending.result.id)
    mine = [
        authority
        for seat, authority in seats
        if seat != policy.INITIATOR_SEAT
        and seat in pending.pending
        and department_id in (None, authority.department_id)
    ]
    if not mine:
        raise Forbidden(
            "仅尚未验收的验收小组成员（部门席位）可加签或转交 (only a member of the acceptance"
            " group who has not decided yet, for a department)"
        )
    return mine[0]


async def add_acceptance_signer(viewer: Viewer, task_id: int, user_id: int) -> Task:
    """加签: a group member still to decide adds another head; the submission then also
    waits for that head's department's acceptance, in either mode."""
    policy.require_writer(viewer)
    async with in_transaction() as conn:
        pending = await _pending(viewer, task_id, "addAcceptanceSigner", conn)
        seats = await policy.acceptance_seats(viewer, pending.requirement, pending.result.id)
        if not any(seat in pending.pending for seat, _ in seats):
            raise Forbidden(
                "仅尚未验收的验收小组成员可加签 (only a member of the acceptance group who has"
                " not decided yet)"
            )
        group = await policy.acceptance_group_department_ids(pending.requirement)
        added = await int_column(
            ResultSigner.filter(result_id=pending.result.id).using_db(conn), "department_id"
        )
        lead = pending.requirement.initiating_department_id
        department = await signer_acts.added_department(user_id, {*group, *added, lead}, conn)
        await ResultSigner.create(
            result_id=pending.result.id,
            department_id=department,
            added_by_id=viewer.user_id,
            using_db=conn,
        )
        await audit.record(
            viewer,
            "task.add_acceptance_signer",
            "Task",
            pending.task.id,
            subject_code=pending.task.code,
            after={"resultId": pending.result.id, "departmentId": department, "userId": user_id},
            using_db=conn,
        )
        await notify_about(
            pending.task,
            await policy.head_ids([department], conn),
            NotificationKind.RESULT_SUBMITTED,
            conn,
        )
    outbox.kick()
    return pending.task


async def hand_over_acceptance(
    viewer: Viewer, task_id: int, to_user_id: int, department_id: int | None = None
) -> Task:
    """转交: hand my pending acceptance for a department to another active member of it,
    who then decides on the head's behalf (and nobody else does)."""
    policy.require_writer(viewer)
    async with in_transaction() as conn:
        pending = await _pending(viewer, task_id, "handOverAcceptance", conn)
        authority = await _my_pending_seat(viewer, pending, department_id)
        excluded = {pending.requirement.initiator_id, pending.task.assignee_id}
        await signer_acts.check_handover_target(
            viewer, to_user_id, authority.department_id, excluded, conn
        )
        assert viewer.user_id is not None
        await ResultHandover.create(
            result_id=pending.result.id,
            department_id=authority.department_id,
            from_user_id=viewer.user_id,
            to_user_id=to_user_id,
            head_id=authority.head_user_id,
            using_db=conn,
        )
        await audit.record(
            viewer,
            "task.hand_over_acceptance",
            "Task",
            pending.task.id,
            subject_code=pending.task.code,
            after={
                "resultId": pending.result.id,
                "departmentId": authority.department_id,
                "toUserId": to_user_id,
            },
            on_behalf_of_id=authority.on_behalf_of_id,
            using_db=conn,
        )
        await notify_about(pending.task, [to_user_id], NotificationKind.RESULT_SUBMITTED, conn)
    outbox.kick()
    return pending.task


async def remind_acceptor(viewer: Viewer, task_id: int, department_id: int) -> Task:
    """催办: the initiator nudges a department whose acceptance is pending: its head and
    the head's active delegates (or the person it was handed to) are told again. At most
    once per working day and department (the review nudge's rule); again is RATE_LIMITED.
    The notice is the submission's own (RESULT_SUBMITTED: results await your acceptance)."""
    policy.require_writer(viewer)
    calendar = await WorkCalendar.load()
    now = clock.now()
    day = signer_acts.nudge_day(calendar, now)
    async with in_transaction() as conn:
        pending = await _pending(viewer, task_id, "remindAcceptor", conn)
        policy.require_initiator(viewer, pending.requirement)
        if policy.department_seat(department_id) not in pending.pending:
            raise BadUserInput(
                "该部门对这次提交无待验收 (no pending acceptance of that department)",
                field="departmentId",
            )
        result_id = pending.result.id
        if (
            await ResultReminder.filter(result_id=result_id, department_id=department_id, day=day)
            .using_db(conn)
            .exists()
        ):
            raise signer_acts.nudged_already(calendar, day, now)
        await ResultReminder.create(
            result_id=result_id,
            department_id=department_id,
            sent_by_id=viewer.user_id,
            day=day,
            using_db=conn,
        )
        given = (
            await ResultHandover.filter(result_id=result_id, department_id=department_id)
            .using_db(conn)
            .order_by("-id")
            .first()
        )
        recipients = [given.to_user_id] if given else await policy.head_ids([department_id], conn)
        await audit.record(
            viewer,
            "task.remind_acceptor",
            "Task",
            pending.task.id,
            subject_code=pending.task.code,
            after={"resultId": result_id, "departmentId": department_id},
            using_db=conn,
        )
        await notify_about(
            pending.task,
            recipients,
            NotificationKind.RESULT_SUBMITTED,
            conn,
        )
    outbox.kick()
    return pending.task
