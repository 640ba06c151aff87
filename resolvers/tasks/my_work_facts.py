"""The facts ``myWork`` decides its lists from, and the lists' rows: two statements.

Each fact is a small keyed select written as a Tortoise queryset, exactly the question the
to-do list asked one query at a time before (issue 19: a statement per question cost ~25
round trips for a head with work in every list). They are rendered with shared parameters
and sent as one ``UNION ALL``, each row tagged with its kind, integers only, so the same
text runs on PostgreSQL and SQLite. The departments the viewer heads (or stands in for)
are a subquery inside every fact that needs them instead of a read of their own.

The rows come in a second statement of the same form: the ids of each list's queryset (in
the viewer's scope, as ``resolvers/tasks/my_work.py`` builds it, the ids the facts named
written in), to which the row of its table is joined by kind (:data:`ROWS`), and the person
and department a row names for its nested fields; model instances are built from those
columns as Tortoise builds them from its own select. Not one statement: the scope in each
list made PostgreSQL plan ~40 ms and misjudge the rows (hashing whole tables to join forty;
with lookups instead, JIT compiled for 0.7 s), while known ids keep every list small.
Where the decision is Python's (the latest hand-over wins, whose acceptance group a
submission has) the rows are a superset the lists are cut from.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any

from tortoise.connection import get_connection
from tortoise.expressions import Q, Subquery
from tortoise.models import Model
from tortoise.queryset import QuerySet, ValuesListQuery

from core import clock, union_rows
from core.replica import current_connection
from models import (
    CollaborationRequest,
    Delegation,
    Department,
    DepartmentHead,
    Requirement,
    ResultSignoff,
    Review,
    ReviewHandover,
    ReviewRound,
    RoundSigner,
    Task,
    TaskResult,
    User,
)
from models.enums import RequirementStatus, ResultDecision, RoundOutcome, TaskStatus
from resolvers.access import policy
from resolvers.tasks.my_work_seats import SeatFacts, SeatKind, seat_queries

#: The widest fact (a hand-over: id, round or result, requirement or department, …)
_WIDTH = 5


#: The seat facts' kinds (``my_work_seats.py``), after the to-do list's own
SEAT_KINDS = frozenset(int(kind) for kind in SeatKind)


class Kind(IntEnum):
    """What a fact row says; its columns in the order of the comment."""

    LINK = 1  # requirement, department: a department I head reviews a requirement under review
    SIGNER = 2  # requirement, department: a department I head was added to an open round (加签)
    HANDOVER = 3  # id, round, requirement, department, receiver: a review handed over (转交)
    ROUND = 4  # id, requirement, number: a round of a requirement of the three above
    REVIEWED = 5  # round, department: a review given in such a round
    RESULT = 6  # result, task, requirement, initiator: a pending submission I may accept
    DECIDED = 7  # task: a pending submission I already signed (会签)
    # the lists' rows, joined to the statement (:data:`ROWS`), in no particular order
    FEEDBACK = 8  # requirement: finished, mine, no feedback of mine yet
    MY_TASK = 9  # task: mine and not completed
    REQUIREMENT = 10  # requirement: one the review facts or RESULT name, in my scope
    ACCEPTANCE = 11  # task: submitted, of a submission of RESULT, in my scope
    REQUEST = 12  # collaboration request: open, to my department, in my scope


#: The table each row kind joins, by its alias in the statement
ROWS: dict[Kind, tuple[str, type[Model]]] = {
    Kind.FEEDBACK: ("r", Requirement),
    Kind.REQUIREMENT: ("r", Requirement),
    Kind.MY_TASK: ("t", Task),
    Kind.ACCEPTANCE: ("t", Task),
    Kind.REQUEST: ("c", CollaborationRequest),
}
#: The person a row names for its nested fields (initiator, assignee, asking person), and
#: a request's department, by alias: joined (each by its own key, so an index finds it)
#: when the viewer's scope admits every person and department
_DIRECTORY: dict[str, tuple[type[Model], str]] = {
    "ur": (User, '"r"."initiator_id"'),
    "ut": (User, '"t"."assignee_id"'),
    "uc": (User, '"c"."from_user_id"'),
    "dc": (Department, '"c"."to_department_id"'),
}


@dataclass
class Facts:
    """The facts of one viewer, by kind (``HANDOVER`` in id order, so the latest is last)."""

    pairs: set[tuple[int, int]] = field(default_factory=set)
    handovers: list[tuple[int, int, int, int]] = field(default_factory=list)
    rounds: dict[int, dict[int, int]] = field(default_factory=lambda: defaultdict(dict))
    reviewed: set[tuple[int, int]] = field(default_factory=set)
    results: dict[int, tuple[int, int]] = field(default_factory=dict)
    decided: set[int] = field(default_factory=set)
    rows: dict[Kind, dict[int, Any]] = field(default_factory=lambda: defaultdict(dict))
    #: The people and departments the rows name (when joined), by id
    directory: dict[tuple[type[Model], int], Model] = field(default_factory=dict)
    #: Who sits in the acceptance groups of ``results`` (``my_work_seats.py``)
    seats: SeatFacts = field(default_factory=SeatFacts)


def headed_departments(user_id: int) -> Subquery:
    """The departments the person acts for as head now: their own, and those whose head
    delegated to them (代理审批) for a period running now."""
    now = clock.now()
    heads_for_me = Delegation.filter(
        delegate_id=user_id, revoked_at=None, starts_at__lte=now, ends_at__gt=now
    ).values("head_id")
    return Subquery(
        DepartmentHead.filter(Q(user_id=user_id) | Q(user_id__in=Subquery(heads_for_me))).values(
            "department_id"
        )
    )


def _review_sources(user_id: int) -> dict[Kind, QuerySet[Any]]:
    """Who owes a review: the reviewing departments I head, those added to an open round,
    and the reviews handed over to me or away from a department I head."""
    pending = RequirementStatus.PENDING_REVIEW
    return {
        Kind.LINK: policy.reviewing_links(
            department_id__in=headed_departments(user_id), requirement__status=pending
        ),
        Kind.SIGNER: RoundSigner.filter(
            department_id__in=headed_departments(user_id),
            round__outcome=RoundOutcome.OPEN,
            round__requirement__status=pending,
        ),
        Kind.HANDOVER: ReviewHandover.filter(
            round__outcome=RoundOutcome.OPEN, round__requirement__status=pending
        ).filter(Q(to_user_id=user_id) | Q(department_id__in=headed_departments(user_id))),
    }


_REQUIREMENT_OF = {
    Kind.LINK: "requirement_id",
    Kind.SIGNER: "round__requirement_id",
    Kind.HANDOVER: "round__requirement_id",
}


def candidate_requirements(user_id: int, path: str) -> Q:
    """``path`` names a requirement one of the review facts is about."""
    sources = _review_sources(user_id)
    conditions = []
    for kind, column in _REQUIREMENT_OF.items():
        lookup: dict[str, Any] = {f"{path}__in": Subquery(sources[kind].values(column))}
        conditions.append(Q(**lookup))
    return Q(*conditions, join_type=Q.OR)


def result_sources(user_id: int) -> list[QuerySet[TaskResult]]:
    """Pending submissions whose acceptance group I may sit in (the policy decides): of a
    requirement I raised, or one a department I head reviews, or with a department I head
    added (加签), or handed over to me (转交)."""
    pending = TaskResult.filter(decision=ResultDecision.PENDING, task__status=TaskStatus.SUBMITTED)
    mine = Requirement.filter(initiator_id=user_id).values("id")
    involved = policy.reviewing_links(department_id__in=headed_departments(user_id))
    added_or_handed = Q(added_signers__department_id__in=headed_departments(user_id)) | Q(
        handovers__to_user_id=user_id
    )
    return [
        pending.filter(task__requirement_id__in=Subquery(mine)),
        pending.filter(task__requirement_id__in=Subquery(involved.values("requirement_id"))),
        pending.filter(added_or_handed),
    ]


def fact_queries(user_id: int) -> list[tuple[int, ValuesListQuery[Any]]]:
    """Each fact as a queryset of up to :data:`_WIDTH` integer columns."""
    reviews = _review_sources(user_id)
    pending = result_sources(user_id)
    return [
        (Kind.LINK, reviews[Kind.LINK].values_list("requirement_id", "department_id")),
        (Kind.SIGNER, reviews[Kind.SIGNER].values_list("round__requirement_id", "department_id")),
        (
            Kind.HANDOVER,
            reviews[Kind.HANDOVER].values_list(
                "id", "round_id", "round__requirement_id", "department_id", "to_user_id"
            ),
        ),
        (
            Kind.ROUND,
            ReviewRound.filter(candidate_requirements(user_id, "requirement_id")).values_list(
                "id", "requirement_id", "number"
            ),
        ),
        (
            Kind.REVIEWED,
            Review.filter(candidate_requirements(user_id, "round__requirement_id")).values_list(
                "round_id", "department_id"
            ),
        ),
        *(
            (
                Kind.RESULT,
                q.values_list(
                    "id", "task_id", "task__requirement_id", "task__requirement__initiator_id"
                ),
            )
            for q in pending
        ),
        (
            Kind.DECIDED,
            ResultSignoff.filter(
                signed_by_id=user_id, result__decision=ResultDecision.PENDING
            ).values_list("result__task_id"),
        ),
        *seat_queries(user_id, pending),
    ]


def joined(union_sql: str, directory: bool) -> str:
    """The rows of :data:`ROWS` joined to their ids by kind (and, if ``directory``, the
    person and department each names). The ids are few (known ids, or a list's hundred at
    most), so each row is an index lookup."""
    tables: dict[str, tuple[type[Model], list[int]]] = {}
    for kind, (alias, model) in ROWS.items():
        tables.setdefault(alias, (model, []))[1].append(int(kind))
    lookups = [union_rows.by_kind(alias, model, kinds) for alias, (model, kinds) in tables.items()]
    if directory:
        lookups += [union_rows.by_key(a, model, key) for a, (model, key) in _DIRECTORY.items()]
    return union_rows.joined(union_sql, _WIDTH, lookups)


def render_facts(user_id: int) -> tuple[str, list[Any]]:
    """The statement of the viewer's facts, and its parameters."""
    return union_rows.union(fact_queries(user_id), _WIDTH)


def render_rows(lists: list[tuple[Kind, QuerySet[Any]]], directory: bool) -> tuple[str, list[Any]]:
    """The statement of the rows of ``lists`` (with the people and departments they name
    if ``directory``), and its parameters."""
    ids = [(int(kind), rows.values_list("id")) for kind, rows in lists]
    union_sql, params = union_rows.union(ids, _WIDTH)
    return joined(union_sql, directory), params


async def read_facts(
    sql: str, params: list[Any], directory: bool = False, facts: Facts | None = None
) -> Facts:
    """The facts (:func:`render_facts`) or rows (:func:`render_rows`) of a statement, added
    to ``facts``."""
    _, rows = await get_connection(current_connection()).execute_query(sql, params)
    facts = facts or Facts()
    handovers: list[tuple[int, int, int, int, int]] = []
    for row in rows:
        c = [row[f"c{n}"] for n in range(_WIDTH)]
        if row["k"] in SEAT_KINDS:
            facts.seats.add(SeatKind(row["k"]), c)
            continue
        kind = Kind(row["k"])
        if kind in ROWS:
            alias, model = ROWS[kind]
            found = union_rows.instance(model, alias, row)
            if found is not None:  # joined in the same statement: always
                facts.rows[kind][found.pk] = found
            if directory:
                for other, (related, _) in _DIRECTORY.items():
                    named = union_rows.instance(related, other, row)
                    if named is not None:
                        facts.directory[(related, named.pk)] = named
        elif kind in (Kind.LINK, Kind.SIGNER):
            facts.pairs.add((int(c[0]), int(c[1])))
        elif kind is Kind.HANDOVER:
            handovers.append((int(c[0]), int(c[1]), int(c[2]), int(c[3]), int(c[4])))
        elif kind is Kind.ROUND:
            facts.rounds[int(c[1])][int(c[2])] = int(c[0])
        elif kind is Kind.REVIEWED:
            facts.reviewed.add((int(c[0]), int(c[1])))
        elif kind is Kind.RESULT:
            facts.results[int(c[0])] = (int(c[1]), int(c[2]))
            facts.seats.initiators[int(c[2])] = int(c[3])
        else:
            facts.decided.add(int(c[0]))
    if handovers:
        facts.handovers = [(r, q, d, to) for _, r, q, d, to in sorted(handovers)]
    return facts
