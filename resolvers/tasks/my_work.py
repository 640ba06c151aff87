"""待办事项 (my work): everything waiting for the viewer, gathered for one query.

A head sees what awaits their department through ``policy.head_authority``'s rules (as the
head, or as an active delegate, 代理审批); everything is further limited by the viewer's
scope (``resolvers.access.scope``), so the list never shows what the viewer could not open.
Each list is capped at ``LIMIT`` (newest first): a to-do list, not a search.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from tortoise.expressions import Subquery
from tortoise.models import Model
from tortoise.queryset import QuerySet

from core import clock, union_rows
from models import CollaborationRequest, Department, Feedback, Requirement, Task, User
from models.enums import CollaborationStatus, RequirementStatus, Role, TaskStatus
from resolvers.access.auth import Viewer
from resolvers.access.scope import scope_of, scoped
from resolvers.tasks.my_work_facts import (
    Facts,
    Kind,
    read_facts,
    render_facts,
    render_rows,
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


def _held(viewer: Viewer, facts: Facts) -> set[int]:
    """The tasks of submitted results whose acceptance group (验收小组) I hold a seat in now,
    as the policy says (``policy.acceptance_group_ids``, over the rows the facts read:
    ``my_work_seats.py``): as initiator, heading (or standing in for) a reviewing or added
    (加签) department whose seat was not handed on, or as the receiver of a handed-over
    seat (转交)."""
    assert viewer.user_id is not None
    held = facts.seats.held(viewer.user_id, facts.results)
    return {facts.results[result_id][0] for result_id in held}


def _acceptances(facts: Facts, held: set[int]) -> list[Task]:
    """The submitted tasks in my scope whose group I sit in, less those I already signed
    (会签: they wait for the others), newest submission first (as many as a list holds)."""
    rows = facts.rows[Kind.ACCEPTANCE].items()
    tasks = [task for pk, task in rows if pk in held and pk not in facts.decided]
    return _in_order(tasks, "-submitted_at", "-id")[:LIMIT]


def _in_order(rows: list[Any], *order_by: str) -> list[Any]:
    """The rows of a list (which come unordered) as its queryset's ``ORDER BY`` has them."""
    return union_rows.in_database_order(rows, order_by, Task._meta.db.capabilities.dialect)


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


def _lists(
    viewer: Viewer, requirement_ids: list[int], task_ids: list[int]
) -> list[tuple[Kind, QuerySet[Any]]]:
    """The rows the lists are drawn from, each a queryset in the viewer's scope: the
    finished requirements, my tasks and the requests as the lists hold them; the
    requirements the facts name (reviews, submissions) and the submitted tasks, for the
    facts to decide. One part per table: each copy of the scope costs PostgreSQL planning."""
    lists: list[tuple[Kind, QuerySet[Any]]] = [
        (Kind.FEEDBACK, _feedback_rows(viewer)),
        (Kind.MY_TASK, _my_task_rows(viewer)),
    ]
    if requirement_ids:
        lists.append((Kind.REQUIREMENT, scoped(Requirement, viewer, id__in=requirement_ids)))
    if task_ids:
        submitted = scoped(Task, viewer, status=TaskStatus.SUBMITTED, id__in=task_ids)
        lists.append((Kind.ACCEPTANCE, submitted))
    if viewer.department_id is not None:
        requests = scoped(
            CollaborationRequest,
            viewer,
            to_department_id=viewer.department_id,
            status=CollaborationStatus.OPEN,
        )
        lists.append((Kind.REQUEST, requests.order_by("-id").limit(LIMIT)))
    return lists


#: Stand-ins the statements are rendered with, once per kind of viewer and number of ids:
#: rendering the querysets (the scope's subqueries in each list) cost ~90 ms of Python for
#: a head, the text is the same for every viewer of a kind (as ``participation.py`` keeps
#: its union), and a kept text lets the driver reuse its prepared statement.
_USER, _DEPARTMENT, _REQUIREMENTS, _TASKS = -7_401, -7_402, -8_000_000, -9_000_000
_KEPT = 256
_RENDERED: OrderedDict[tuple[Any, ...], tuple[str, list[Any]]] = OrderedDict()


def _kept(
    key: tuple[Any, ...], render: Callable[[], tuple[str, list[Any]]]
) -> tuple[str, list[Any]]:
    if key in _RENDERED:
        _RENDERED.move_to_end(key)
        return _RENDERED[key]
    sql, values = _RENDERED[key] = render()
    # every stand-in must be a parameter: one written into the text would answer for them
    assert not any(str(s)[:5] in sql for s in (_USER, _DEPARTMENT, _REQUIREMENTS, _TASKS)), key
    if len(_RENDERED) > _KEPT:
        _RENDERED.popitem(last=False)
    return sql, values


def _filled(values: list[Any], own: dict[int, Any]) -> list[Any]:
    """A kept statement's parameters with the viewer's keys, ids and the time now in place
    of the stand-ins (a flag is never one: ``False == 0``)."""
    now = clock.now()
    return [
        now
        if isinstance(v, datetime)
        else own.get(v, v)
        if isinstance(v, int) and not isinstance(v, bool)
        else v
        for v in values
    ]


def _facts_statement(viewer: Viewer) -> tuple[str, list[Any]]:
    assert viewer.user_id is not None
    dialect = Task._meta.db.capabilities.dialect
    sql, values = _kept(("facts", dialect), lambda: render_facts(_USER))
    return sql, _filled(values, {_USER: viewer.user_id})


def _rows_statement(
    viewer: Viewer, requirement_ids: list[int], task_ids: list[int], directory: bool
) -> tuple[str, list[Any]]:
    """The rows' statement: kept per kind of viewer and number of ids, rendered for the
    viewer alone when their requirement ids were read ahead (written into the text)."""
    if viewer.requirement_ids is not None:
        return render_rows(_lists(viewer, requirement_ids, task_ids), directory)
    dialect = Task._meta.db.capabilities.dialect
    has_department = viewer.department_id is not None
    shape = (len(requirement_ids), len(task_ids), directory)
    key = ("rows", dialect, viewer.role, has_department, viewer.api_token_id is not None, shape)
    stand_ins = (
        [_REQUIREMENTS - n for n in range(len(requirement_ids))],
        [_TASKS - n for n in range(len(task_ids))],
    )
    stand_in = replace(viewer, user_id=_USER, department_id=_DEPARTMENT if has_department else None)
    sql, values = _kept(key, lambda: render_rows(_lists(stand_in, *stand_ins), directory))
    own: dict[int, Any] = {_USER: viewer.user_id, _DEPARTMENT: viewer.department_id}
    own.update(zip(stand_ins[0], requirement_ids, strict=True))
    own.update(zip(stand_ins[1], task_ids, strict=True))
    return sql, _filled(values, own)


async def my_work(viewer: Viewer) -> MyWork:
    """The viewer's to-do lists; API tokens (no person) have none.

    Two statements, whatever awaits: the facts (who sits in which acceptance group
    among them), then every list's rows (with the people and departments they name when
    the viewer's scope admits them all)."""
    if viewer.user_id is None:
        return MyWork([], [], [], [], [], ())
    directory = scope_of(User, viewer) is None and scope_of(Department, viewer) is None
    facts = await read_facts(*_facts_statement(viewer))
    reviewed = {r for r, _ in facts.pairs} | {r for _, r, _, _ in facts.handovers}
    accepted = {requirement for _, requirement in facts.results.values()}
    requirement_ids = sorted(reviewed | accepted)
    task_ids = sorted({task for task, _ in facts.results.values()})
    statement = _rows_statement(viewer, requirement_ids, task_ids, directory)
    await read_facts(*statement, directory, facts)
    held = _held(viewer, facts) if facts.results else set()
    rows = {kind: list(found.values()) for kind, found in facts.rows.items()}
    newest = {kind: sorted(found, key=lambda r: -r.pk) for kind, found in rows.items()}
    candidates = [r for r in newest.get(Kind.REQUIREMENT, []) if r.id in reviewed]
    tasks = _in_order(rows.get(Kind.MY_TASK, []), "deadline", "-id")
    acceptances = _acceptances(facts, held)
    related = [*rows.get(Kind.REQUIREMENT, []), *facts.directory.values()]
    return MyWork(
        reviews=_reviews(viewer, facts, candidates),
        acceptances=acceptances,
        collaboration_requests=newest.get(Kind.REQUEST, []),
        tasks=tasks,
        feedback=newest.get(Kind.FEEDBACK, []),
        related=tuple(related),
    )
