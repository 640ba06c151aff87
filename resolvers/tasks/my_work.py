"""待办事项 (my work): everything waiting for the viewer, gathered for one query.

A head sees what awaits their department through ``policy.head_authority``'s rules (as the
head, or as an active delegate, 代理审批); everything is further limited by the viewer's
scope (``resolvers.access.scope``), so the list never shows what the viewer could not open.
Each list is capped at ``LIMIT`` (newest first): a to-do list, not a search.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tortoise.expressions import Q, Subquery
from tortoise.models import Model
from tortoise.queryset import QuerySet

from models import CollaborationRequest, Feedback, Requirement, Task
from models.enums import CollaborationStatus, RequirementStatus, Role, TaskStatus
from resolvers.access import policy
from resolvers.access.auth import Viewer
from resolvers.access.scope import scope_of, scoped
from resolvers.tasks.my_work_facts import Facts, Kind, read_facts

LIMIT = 100


@dataclass(frozen=True)
class MyWork:
    """What awaits the viewer, each list newest first."""

    reviews: list[Requirement]
    acceptances: list[Task]
    collaboration_requests: list[CollaborationRequest]
    tasks: list[Task]
    feedback: list[Requirement]
    #: Rows the lists name that the viewer may read, for the nested fields' loaders
    related: tuple[Model, ...] = ()


def _review_pairs(
    viewer: Viewer, facts: Facts
) -> tuple[set[tuple[int, int]], dict[tuple[int, int], tuple[int, int]]]:
    """The (requirement, department) reviews I may owe, and the latest hand-over of each
    (round, department) as (requirement, receiver): a reviewing department I head (or
    stand in for), one added to the round (加签), or a review handed over to me (转交)."""
    latest = {
        (round_id, dept): (requirement_id, to)
        for round_id, requirement_id, dept, to in facts.handovers
    }  # last wins
    pairs = set(facts.pairs) | {
        (requirement_id, department_id)
        for (_, department_id), (requirement_id, to_user_id) in latest.items()
        if to_user_id == viewer.user_id
    }
    return pairs, latest


def _reviews(viewer: Viewer, facts: Facts, candidates: list[Requirement]) -> list[Requirement]:
    """PENDING_REVIEW requirements with a department I sign for still to sign this round;
    not one I, or my head, handed on to someone else. ``candidates``: the requirements of
    :func:`_review_pairs` in my scope, newest first."""
    pairs, latest = _review_pairs(viewer, facts)
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


async def _held(viewer: Viewer, facts: Facts) -> dict[int, int]:
    """The tasks (with their requirements) of submitted results whose acceptance group
    (验收小组) I hold a seat in now, as the policy says (``policy.acceptance_group_ids``):
    as initiator, heading (or standing in for) a reviewing or added (加签) department whose
    seat was not handed on, or as the receiver of a handed-over seat (转交). Candidates are
    the facts' (indexed queries), then checked."""
    groups = await policy.acceptance_group_ids(set(facts.results))
    return {
        facts.results[result_id][0]: facts.results[result_id][1]
        for result_id, people in groups.items()
        if viewer.user_id in people
    }


def _acceptance_rows(viewer: Viewer, held: dict[int, int]) -> QuerySet[Task]:
    return (
        scoped(Task, viewer, status=TaskStatus.SUBMITTED, id__in=set(held))
        .order_by("-submitted_at", "-id")
        .limit(LIMIT)
    )


def _feedback_rows(viewer: Viewer) -> QuerySet[Requirement]:
    """Finished requirements I took part in and have not given feedback on (反馈表)."""
    participant = Viewer(
        user_id=viewer.user_id,
        role=Role.EMPLOYEE,
        department_id=viewer.department_id,
        username=viewer.username,
    )
    given = Feedback.filter(author_id=viewer.user_id).values("requirement_id")
    return (
        scoped(
            Requirement,
            participant,
            status__in=[RequirementStatus.COMPLETED, RequirementStatus.ARCHIVED],
        )
        .exclude(id__in=Subquery(given))
        .order_by("-id")
        .limit(LIMIT)
    )


def _my_task_rows(viewer: Viewer) -> QuerySet[Task]:
    return (
        scoped(Task, viewer, assignee_id=viewer.user_id)
        .exclude(status=TaskStatus.COMPLETED)
        .order_by("deadline", "-id")
        .limit(LIMIT)
    )


async def _requirements(viewer: Viewer, facts: Facts, held: dict[int, int]) -> list[Requirement]:
    """In one statement, newest first: the feedback list's rows (the facts' ids) and the
    requirements of the reviews I may owe and of the submissions I accept, in my scope."""
    wanted = {r for r, _ in _review_pairs(viewer, facts)[0]} | set(held.values())
    conditions = [Q(id__in=Subquery(scoped(Requirement, viewer, id__in=wanted).values("id")))]
    if facts.feedback:
        conditions.append(Q(id__in=facts.feedback))
    if not wanted and not facts.feedback:
        return []
    rows = Requirement.filter(Q(*conditions, join_type=Q.OR)).select_related("initiator")
    return list(await rows.order_by("-id"))


async def _tasks(
    viewer: Viewer, facts: Facts, held: dict[int, int]
) -> tuple[list[Task], list[Task]]:
    """(my tasks, the submissions I accept), in one statement unless a task is in both or
    more than a list's worth await me (then the acceptances are read on their own)."""
    merged = len(held) <= LIMIT and not set(held) & facts.my_tasks
    conditions = [Q(id__in=facts.my_tasks)] if facts.my_tasks else []
    if held and merged:
        conditions.append(Q(id__in=Subquery(_acceptance_rows(viewer, held).values("id"))))
    rows: list[Task] = []
    if conditions:
        query = Task.filter(Q(*conditions, join_type=Q.OR)).select_related("assignee")
        rows = list(await query.order_by("deadline", "-id"))
    mine = [task for task in rows if task.id in facts.my_tasks]
    if merged:
        accepting = _newest_submitted_first([t for t in rows if t.id in held])
    else:
        accepting = list(await _acceptance_rows(viewer, held).select_related("assignee"))
    # 会签: what I already decided waits for the others, not for me
    return mine, [task for task in accepting if task.id not in facts.decided]


def _newest_submitted_first(tasks: list[Task]) -> list[Task]:
    """``ORDER BY submitted_at DESC, id DESC`` as the database answers it: PostgreSQL puts
    a missing time first in descending order, SQLite last."""
    nulls_first = Task._meta.db.capabilities.dialect == "postgres"
    dated = sorted((t for t in tasks if t.submitted_at), key=lambda t: (t.submitted_at, t.id))
    undated = sorted((t for t in tasks if not t.submitted_at), key=lambda t: t.id)
    ordered = [*dated, *undated] if nulls_first else [*undated, *dated]
    return ordered[::-1]


async def my_work(viewer: Viewer) -> MyWork:
    """The viewer's to-do lists; API tokens (no person) have none.

    Statements: the facts (with the ids of the feedback and task lists), the policy's
    acceptance groups when there are submissions to check, then one each for the
    requirements, the tasks and the collaboration requests. The people, departments and
    requirements those rows name come along (``related``), for the nested fields."""
    if viewer.user_id is None:
        return MyWork([], [], [], [], [], ())
    lists: dict[Kind, QuerySet[Any]] = {
        Kind.FEEDBACK: _feedback_rows(viewer),
        Kind.MY_TASK: _my_task_rows(viewer),
    }
    facts = await read_facts(viewer.user_id, lists)
    held = await _held(viewer, facts)
    requirements = await _requirements(viewer, facts, held)
    tasks, acceptances = await _tasks(viewer, facts, held)
    requests = (
        await scoped(
            CollaborationRequest,
            viewer,
            to_department_id=viewer.department_id,
            status=CollaborationStatus.OPEN,
        )
        .select_related("from_user", "to_department")
        .order_by("-id")
        .limit(LIMIT)
        if viewer.department_id is not None
        else []
    )
    candidates = [r for r in requirements if r.id not in facts.feedback]
    return MyWork(
        reviews=_reviews(viewer, facts, candidates),
        acceptances=acceptances,
        collaboration_requests=list(requests),
        tasks=tasks,
        feedback=[r for r in requirements if r.id in facts.feedback],
        related=_related(viewer, candidates, [*tasks, *acceptances], list(requests)),
    )


def _related(
    viewer: Viewer,
    requirements: list[Requirement],
    tasks: list[Task],
    requests: list[CollaborationRequest],
) -> tuple[Model, ...]:
    """Rows the lists' nested fields ask for, read with them: the requirements in my scope
    (read through it above), and people and departments when my scope admits every one
    (``scope_of`` is ``None``), as the loaders would have returned them."""
    found: list[Model] = list(requirements)
    joined: list[Any] = [
        *(r.initiator for r in requirements),
        *(t.assignee for t in tasks if t.assignee_id is not None),
        *(c.from_user for c in requests),
        *(c.to_department for c in requests),
    ]
    found += [row for row in joined if row is not None and scope_of(type(row), viewer) is None]
    return tuple(found)
