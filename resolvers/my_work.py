"""待办事项 (my work): everything waiting for the viewer, gathered for one query.

A head sees what awaits their department through ``policy.head_authority``'s rules (as the
head, or as an active delegate, 代理审批); everything is further limited by the viewer's
scope (``resolvers.scope``), so the list never shows what the viewer could not open.
Each list is capped at ``LIMIT`` (newest first): a to-do list, not a search.
"""

from __future__ import annotations

from dataclasses import dataclass

from crossflow import clock
from models import (
    CollaborationRequest,
    Delegation,
    DepartmentHead,
    Feedback,
    Requirement,
    RequirementDepartment,
    Review,
    ReviewRound,
    Task,
)
from models.enums import CollaborationStatus, RequirementStatus, Role, TaskStatus
from resolvers.auth import Viewer
from resolvers.scope import scoped
from resolvers.workflow import int_column

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
    """PENDING_REVIEW requirements with a department of mine still to review this round."""
    if not departments:
        return []
    asked = await RequirementDepartment.filter(
        department_id__in=departments,
        is_lead=False,
        requirement__status=RequirementStatus.PENDING_REVIEW,
    ).values_list("requirement_id", "department_id")
    if not asked:
        return []
    candidates = await scoped(Requirement, viewer, id__in={r for r, _ in asked}).order_by("-id")
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
    still_to_review = {
        requirement_id
        for requirement_id, department_id in asked
        if (open_round.get(requirement_id), department_id) not in reviewed
    }
    waiting = [r for r in candidates if r.id in still_to_review]
    return waiting[:LIMIT]


async def _acceptances(viewer: Viewer, departments: set[int]) -> list[Task]:
    """Submitted results in requirements whose acceptance group (验收小组) includes me: as
    initiator, or heading a reviewing department (``policy.acceptance_group_department_ids``)."""
    mine = await int_column(Requirement.filter(initiator_id=viewer.user_id), "id")
    involved = (
        await int_column(
            RequirementDepartment.filter(department_id__in=departments, is_lead=False),
            "requirement_id",
        )
        if departments
        else []
    )
    requirement_ids = set(mine) | set(involved)
    if not requirement_ids:
        return []
    return await (
        scoped(Task, viewer, status=TaskStatus.SUBMITTED, requirement_id__in=requirement_ids)
        .order_by("-submitted_at", "-id")
        .limit(LIMIT)
    )


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
