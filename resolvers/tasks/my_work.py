"""待办事项 (my work): everything waiting for the viewer, gathered for one query.

A head sees what awaits their department through ``policy.head_authority``'s rules (as the
head, or as an active delegate, 代理审批); everything is further limited by the viewer's
scope (``resolvers.access.scope``), so the list never shows what the viewer could not open.
Each list is capped at ``LIMIT`` (newest first): a to-do list, not a search.
"""

from __future__ import annotations

from dataclasses import dataclass

from tortoise.expressions import Q

from core import clock
from core.queries import int_column
from models import (
    CollaborationRequest,
    Delegation,
    DepartmentHead,
    Feedback,
    Requirement,
    ResultSignoff,
    Review,
    ReviewHandover,
    ReviewRound,
    RoundSigner,
    Task,
    TaskResult,
)
from models.enums import (
    CollaborationStatus,
    RequirementStatus,
    ResultDecision,
    Role,
    RoundOutcome,
    TaskStatus,
)
from resolvers.access import policy
from resolvers.access.auth import Viewer
from resolvers.access.scope import scoped

LIMIT = 100


@dataclass(frozen=True)
class MyWork:
    """What awaits the viewer, each list newest first."""

    reviews: list[Requirement]
    acceptances: list[Task]
    collaboration_requests: list[CollaborationRequest]
    tasks: list[Task]
    feedback: list[Requirement]


async def headed_department_ids(viewer: Viewer) -> set[int]:
    """Departments the viewer acts for as head now: their own, and delegated ones."""
    if viewer.user_id is None:
        return set()
    now = clock.now()
    heads_for_me = await int_column(
        Delegation.filter(
            delegate_id=viewer.user_id, revoked_at=None, starts_at__lte=now, ends_at__gt=now
        ),
        "head_id",
    )
    return set(
        await int_column(
            DepartmentHead.filter(user_id__in=[viewer.user_id, *heads_for_me]), "department_id"
        )
    )


async def _reviews(viewer: Viewer, departments: set[int]) -> list[Requirement]:
    """PENDING_REVIEW requirements with a department I sign for still to sign this round:
    a reviewing department I head (or stand in for), one added to the round (加签), or a
    review handed over to me (转交); not one I, or my head, handed on to someone else."""
    open_rounds = RoundOutcome.OPEN
    pending = RequirementStatus.PENDING_REVIEW
    pairs: set[tuple[int, int]] = set()
    if departments:
        pairs |= set(
            await policy.reviewing_links(
                department_id__in=departments, requirement__status=pending
            ).values_list("requirement_id", "department_id")
        )
        pairs |= set(
            await RoundSigner.filter(
                department_id__in=departments,
                round__outcome=open_rounds,
                round__requirement__status=pending,
            ).values_list("round__requirement_id", "department_id")
        )
    handed = (
        await ReviewHandover.filter(round__outcome=open_rounds, round__requirement__status=pending)
        .filter(Q(to_user_id=viewer.user_id) | Q(department_id__in=list(departments) or [0]))
        .order_by("id")
        .values("round_id", "round__requirement_id", "department_id", "to_user_id")
    )
    latest = {(row["round_id"], row["department_id"]): row for row in handed}  # last wins
    pairs |= {
        (row["round__requirement_id"], row["department_id"])
        for row in latest.values()
        if row["to_user_id"] == viewer.user_id
    }
    if not pairs:
        return []
    candidates = await scoped(Requirement, viewer, id__in={r for r, _ in pairs}).order_by("-id")
    current = {requirement.id: requirement.current_round for requirement in candidates}
    open_round = {
        row.requirement_id: row.id
        for row in await ReviewRound.filter(requirement_id__in=list(current))
        if row.number == current[row.requirement_id]
    }
    reviewed = set(
        await Review.filter(round_id__in=list(open_round.values())).values_list(
            "round_id", "department_id"
        )
    )
    still_to_review = set()
    for requirement_id, department_id in pairs:
        round_id = open_round.get(requirement_id)
        if round_id is None or (round_id, department_id) in reviewed:
            continue
        given = latest.get((round_id, department_id))
        if given is not None and given["to_user_id"] != viewer.user_id:
            continue  # handed over to someone else: theirs now
        still_to_review.add(requirement_id)
    waiting = [r for r in candidates if r.id in still_to_review]
    return waiting[:LIMIT]


async def _acceptances(viewer: Viewer, departments: set[int]) -> list[Task]:
    """Submitted results whose acceptance group (验收小组) I hold a seat in now, as the policy
    says (``policy.acceptance_group_ids``): as initiator, heading (or standing in for) a
    reviewing or added (加签) department whose seat was not handed on, or as the receiver of
    a handed-over seat (转交). Candidates are gathered by indexed queries, then checked."""
    pending = TaskResult.filter(decision=ResultDecision.PENDING, task__status=TaskStatus.SUBMITTED)
    mine = await int_column(Requirement.filter(initiator_id=viewer.user_id), "id")
    involved = (
        await int_column(policy.reviewing_links(department_id__in=departments), "requirement_id")
        if departments
        else []
    )
    candidates = set(
        await int_column(pending.filter(task__requirement_id__in=[*mine, *involved] or [0]), "id")
    )
    candidates |= set(
        await int_column(
            pending.filter(
                Q(added_signers__department_id__in=list(departments) or [0])
                | Q(handovers__to_user_id=viewer.user_id)
            ),
            "id",
        )
    )
    groups = await policy.acceptance_group_ids(candidates)
    held = [result_id for result_id, people in groups.items() if viewer.user_id in people]
    if not held:
        return []
    task_ids = await int_column(TaskResult.filter(id__in=held), "task_id")
    tasks = await (
        scoped(Task, viewer, status=TaskStatus.SUBMITTED, id__in=task_ids)
        .order_by("-submitted_at", "-id")
        .limit(LIMIT)
    )
    decided = set(  # 会签: what I already decided waits for the others, not for me
        await ResultSignoff.filter(
            signed_by_id=viewer.user_id,
            result__decision=ResultDecision.PENDING,
            result__task_id__in=[task.id for task in tasks],
        ).values_list("result__task_id", flat=True)
    )
    return [task for task in tasks if task.id not in decided]


async def _feedback(viewer: Viewer) -> list[Requirement]:
    """Finished requirements I took part in and have not given feedback on (反馈表)."""
    participant = Viewer(
        user_id=viewer.user_id,
        role=Role.EMPLOYEE,
        department_id=viewer.department_id,
        username=viewer.username,
    )
    given = await int_column(Feedback.filter(author_id=viewer.user_id), "requirement_id")
    return await (
        scoped(
            Requirement,
            participant,
            status__in=[RequirementStatus.COMPLETED, RequirementStatus.ARCHIVED],
        )
        .exclude(id__in=given)
        .order_by("-id")
        .limit(LIMIT)
    )


async def my_work(viewer: Viewer) -> MyWork:
    """The viewer's to-do lists; API tokens (no person) have none."""
    if viewer.user_id is None:
        return MyWork([], [], [], [], [])
    departments = await headed_department_ids(viewer)
    requests = (
        await scoped(
            CollaborationRequest,
            viewer,
            to_department_id=viewer.department_id,
            status=CollaborationStatus.OPEN,
        )
        .order_by("-id")
        .limit(LIMIT)
        if viewer.department_id is not None
        else []
    )
    tasks = await (
        scoped(Task, viewer, assignee_id=viewer.user_id)
        .exclude(status=TaskStatus.COMPLETED)
        .order_by("deadline", "-id")
        .limit(LIMIT)
    )
    return MyWork(
        reviews=await _reviews(viewer, departments),
        acceptances=await _acceptances(viewer, departments),
        collaboration_requests=list(requests),
        tasks=list(tasks),
        feedback=await _feedback(viewer),
    )
