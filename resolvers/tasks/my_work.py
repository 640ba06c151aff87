"""待办事项 (my work): everything waiting for the viewer, gathered for one query.

A head sees what awaits their department through ``policy.head_authority``'s rules (as the
head, or as an active delegate, 代理审批); everything is further limited by the viewer's
scope (``resolvers.access.scope``), so the list never shows what the viewer could not open.
Each list is capped at ``LIMIT`` (newest first): a to-do list, not a search.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tortoise.expressions import Subquery
from tortoise.models import Model
from tortoise.queryset import QuerySet

from models import CollaborationRequest, Department, Feedback, Requirement, Task, User
from models.enums import CollaborationStatus, RequirementStatus, Role, TaskStatus
from resolvers.access import policy
from resolvers.access.auth import Viewer
from resolvers.access.scope import scope_of, scoped
from resolvers.tasks.my_work_facts import (
    Facts,
    Kind,
    candidate_requirements,
    of_results,
    read_facts,
)

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
    not one I, or my head, handed on to someone else. ``candidates``: the requirements the
    review facts name (those of :func:`_review_pairs` and more), in my scope, newest first."""
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


async def _held(viewer: Viewer, facts: Facts) -> set[int]:
    """The tasks of submitted results whose acceptance group (验收小组) I hold a seat in now,
    as the policy says (``policy.acceptance_group_ids``): as initiator, heading (or standing
    in for) a reviewing or added (加签) department whose seat was not handed on, or as the
    receiver of a handed-over seat (转交). Candidates are the facts' (indexed queries)."""
    groups = await policy.acceptance_group_ids(set(facts.results))
    return {
        facts.results[result_id][0]
        for result_id, people in groups.items()
        if viewer.user_id in people
    }


def _acceptances(facts: Facts, held: set[int]) -> list[Task]:
    """The submitted tasks in my scope whose group I sit in, newest submission first (as
    many as a list holds), less those I already signed (会签: they wait for the others)."""
    tasks = [task for task in facts.rows[Kind.ACCEPTANCE] if task.id in held]
    newest = _ordered(tasks, "submitted_at", descending=True)[:LIMIT]
    return [task for task in newest if task.id not in facts.decided]


def _ordered(rows: list[Any], name: str, descending: bool) -> list[Any]:
    """``ORDER BY name [DESC], id DESC`` as the database answers it: PostgreSQL sorts a
    missing value above every other, SQLite below (the lists' rows come unordered)."""
    high = Task._meta.db.capabilities.dialect == "postgres"
    dated = [row for row in rows if getattr(row, name) is not None]
    undated = sorted((row for row in rows if getattr(row, name) is None), key=lambda r: -r.pk)
    if descending:
        dated.sort(key=lambda r: (getattr(r, name), r.pk), reverse=True)
        return [*undated, *dated] if high else [*dated, *undated]
    dated.sort(key=lambda r: (getattr(r, name), -r.pk))
    return [*dated, *undated] if high else [*undated, *dated]


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


def _lists(viewer: Viewer) -> dict[Kind, QuerySet[Any]]:
    """The rows the lists are drawn from, each a queryset in the viewer's scope (read with
    the facts): the finished requirements, my tasks and the requests as the lists hold
    them; the requirements the reviews may name, and the tasks (and their requirements) of
    the submissions whose group I may sit in, for the facts to decide."""
    assert viewer.user_id is not None
    user_id = viewer.user_id
    lists: dict[Kind, QuerySet[Any]] = {
        Kind.FEEDBACK: _feedback_rows(viewer),
        Kind.MY_TASK: _my_task_rows(viewer),
        Kind.CANDIDATE: scoped(Requirement, viewer).filter(candidate_requirements(user_id, "id")),
        Kind.ACCEPTANCE: scoped(Task, viewer, status=TaskStatus.SUBMITTED).filter(
            of_results(user_id, "task_id")
        ),
        Kind.ACCEPTED: scoped(Requirement, viewer).filter(
            of_results(user_id, "task__requirement_id")
        ),
    }
    if viewer.department_id is not None:
        lists[Kind.REQUEST] = (
            scoped(
                CollaborationRequest,
                viewer,
                to_department_id=viewer.department_id,
                status=CollaborationStatus.OPEN,
            )
            .order_by("-id")
            .limit(LIMIT)
        )
    return lists


async def my_work(viewer: Viewer) -> MyWork:
    """The viewer's to-do lists; API tokens (no person) have none.

    One statement reads the facts and every list's rows (with the people and departments
    they name when the viewer's scope admits them all); the policy's acceptance groups
    follow when submissions await a check (``policy.acceptance_group_ids``)."""
    if viewer.user_id is None:
        return MyWork([], [], [], [], [], ())
    directory = scope_of(User, viewer) is None and scope_of(Department, viewer) is None
    facts = await read_facts(viewer.user_id, _lists(viewer), directory)
    held = await _held(viewer, facts) if facts.results else set()
    newest = {kind: sorted(rows, key=lambda r: -r.pk) for kind, rows in facts.rows.items()}
    candidates = newest.get(Kind.CANDIDATE, [])
    tasks = _ordered(facts.rows[Kind.MY_TASK], "deadline", descending=False)
    acceptances = _acceptances(facts, held)
    related = [*candidates, *facts.rows[Kind.ACCEPTED], *facts.directory.values()]
    return MyWork(
        reviews=_reviews(viewer, facts, candidates),
        acceptances=acceptances,
        collaboration_requests=newest.get(Kind.REQUEST, []),
        tasks=tasks,
        feedback=newest.get(Kind.FEEDBACK, []),
        related=tuple(related),
    )
