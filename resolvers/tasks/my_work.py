"""待办事项 (my work): everything waiting for the viewer, gathered for one query.

A head sees what awaits their department through ``policy.head_authority``'s rules (as the
head, or as an active delegate, 代理审批); everything is further limited by the viewer's
scope (``resolvers.access.scope``), so the list never shows what the viewer could not open.
Each list is capped at ``LIMIT`` (newest first): a to-do list, not a search.
"""

from __future__ import annotations

from dataclasses import dataclass

from tortoise.expressions import Subquery

from models import CollaborationRequest, Feedback, Requirement, Task
from models.enums import CollaborationStatus, RequirementStatus, Role, TaskStatus
from resolvers.access import policy
from resolvers.access.auth import Viewer
from resolvers.access.scope import scoped
from resolvers.tasks.my_work_facts import Facts, read_facts

LIMIT = 100


@dataclass(frozen=True)
class MyWork:
    """What awaits the viewer, each list newest first."""

    reviews: list[Requirement]
    acceptances: list[Task]
    collaboration_requests: list[CollaborationRequest]
    tasks: list[Task]
    feedback: list[Requirement]


async def _reviews(viewer: Viewer, facts: Facts) -> list[Requirement]:
    """PENDING_REVIEW requirements with a department I sign for still to sign this round:
    a reviewing department I head (or stand in for), one added to the round (加签), or a
    review handed over to me (转交); not one I, or my head, handed on to someone else."""
    pairs = set(facts.pairs)
    latest = {
        (round_id, dept): (requirement_id, to)
        for round_id, requirement_id, dept, to in facts.handovers
    }  # last wins
    pairs |= {
        (requirement_id, department_id)
        for (_, department_id), (requirement_id, to_user_id) in latest.items()
        if to_user_id == viewer.user_id
    }
    if not pairs:
        return []
    candidates = await scoped(Requirement, viewer, id__in={r for r, _ in pairs}).order_by("-id")
    open_round = {
        requirement.id: round_id
        for requirement in candidates
        if (round_id := facts.rounds.get(requirement.id, {}).get(requirement.current_round))
        is not None
    }
    still_to_review = set()
    for requirement_id, department_id in pairs:
        round_id = open_round.get(requirement_id)
        if round_id is None or (round_id, department_id) in facts.reviewed:
            continue
        given = latest.get((round_id, department_id))
        if given is not None and given[1] != viewer.user_id:
            continue  # handed over to someone else: theirs now
        still_to_review.add(requirement_id)
    waiting = [r for r in candidates if r.id in still_to_review]
    return waiting[:LIMIT]


async def _acceptances(viewer: Viewer, facts: Facts) -> list[Task]:
    """Submitted results whose acceptance group (验收小组) I hold a seat in now, as the policy
    says (``policy.acceptance_group_ids``): as initiator, heading (or standing in for) a
    reviewing or added (加签) department whose seat was not handed on, or as the receiver of
    a handed-over seat (转交). Candidates are gathered by indexed queries (the facts), then
    checked."""
    groups = await policy.acceptance_group_ids(set(facts.results))
    held = [result_id for result_id, people in groups.items() if viewer.user_id in people]
    if not held:
        return []
    tasks = await (
        scoped(Task, viewer, status=TaskStatus.SUBMITTED, id__in={facts.results[r] for r in held})
        .order_by("-submitted_at", "-id")
        .limit(LIMIT)
    )
    # 会签: what I already decided waits for the others, not for me
    return [task for task in tasks if task.id not in facts.decided]


async def _feedback(viewer: Viewer) -> list[Requirement]:
    """Finished requirements I took part in and have not given feedback on (反馈表)."""
    participant = Viewer(
        user_id=viewer.user_id,
        role=Role.EMPLOYEE,
        department_id=viewer.department_id,
        username=viewer.username,
    )
    given = Feedback.filter(author_id=viewer.user_id).values("requirement_id")
    return await (
        scoped(
            Requirement,
            participant,
            status__in=[RequirementStatus.COMPLETED, RequirementStatus.ARCHIVED],
        )
        .exclude(id__in=Subquery(given))
        .order_by("-id")
        .limit(LIMIT)
    )


async def my_work(viewer: Viewer) -> MyWork:
    """The viewer's to-do lists; API tokens (no person) have none."""
    if viewer.user_id is None:
        return MyWork([], [], [], [], [])
    facts = await read_facts(viewer.user_id)
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
        reviews=await _reviews(viewer, facts),
        acceptances=await _acceptances(viewer, facts),
        collaboration_requests=list(requests),
        tasks=list(tasks),
        feedback=await _feedback(viewer),
    )
