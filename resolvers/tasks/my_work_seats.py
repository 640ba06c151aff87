"""Whose acceptance group (验收小组) I sit in, read with the rest of the to-do list's facts.

Asking the policy (``policy.acceptance_group_ids``) cost six statements more whenever
submissions awaited acceptance: the seats' four, the heads and their delegations (two more
once a delegation runs). The same rows, restricted to the viewer, are read here as facts of
the facts statement (``my_work_facts.py``): each pending submission's reviewing links,
added departments (加签) and hand-overs (转交), and who the viewer acts for (their
headships, the delegations to them running now, and what naming a delegate asks of the
heads who made them). The rules that decide are the policy's own, over these rows
(``resolvers/access/acting.py``, ``seats.seat_map``), so the to-do list and a decision
never disagree on who sits.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any

from tortoise.expressions import Q, Subquery
from tortoise.queryset import QuerySet, ValuesListQuery

from core import clock
from core.union_rows import flag
from models import Delegation, DepartmentHead, TaskResult, User
from resolvers.access.acting import Person, acting, group_of, may_name
from resolvers.access.seats import (
    HANDOVER_COLUMNS,
    LINK_COLUMNS,
    SIGNER_COLUMNS,
    HandedSeat,
    handed_row,
    seat_map_of_facts,
    seat_rows,
)


class SeatKind(IntEnum):
    """What a seat fact row says; its columns in the order of the comment (after the to-do
    list's own kinds, ``my_work_facts.Kind``)."""

    LINK = 13  # id, requirement, department: a reviewing link of a pending submission's requirement
    SIGNER = 14  # id, result, department: a department added to a pending submission (加签)
    HANDOVER = 15  # id, result, department, head, receiver: a seat handed over, receiver active
    HANDOVER_IDLE = 16  # the same, to a receiver no longer active
    DELEGATION = 17  # id, head: a delegation to me running now (代理审批), me active
    PERSON = 18  # id, department, active: me, and each head who delegated to me
    HEADED = 19  # person, department: a headship of one of PERSON


def seat_queries(
    user_id: int, pending: list[QuerySet[TaskResult]]
) -> list[tuple[int, ValuesListQuery[Any]]]:
    """The seat facts of the submissions ``pending`` name (the to-do list's candidates)."""
    results = Q(*(Q(result_id__in=Subquery(q.values("id"))) for q in pending), join_type=Q.OR)
    requirements = Q(
        *(Q(requirement_id__in=Subquery(q.values("task__requirement_id"))) for q in pending),
        join_type=Q.OR,
    )
    now = clock.now()
    to_me = Delegation.filter(
        delegate_id=user_id,
        revoked_at=None,
        starts_at__lte=now,
        ends_at__gt=now,
        delegate__is_active=True,
    )
    heads_for_me = Subquery(to_me.values("head_id"))
    seats = seat_rows(results, requirements)
    return [
        (SeatKind.LINK, seats.links.values_list(*LINK_COLUMNS)),
        (SeatKind.SIGNER, seats.signers.values_list(*SIGNER_COLUMNS)),
        *(
            (kind, seats.handovers.filter(to_user__is_active=active).values_list(*HANDOVER_COLUMNS))
            for kind, active in ((SeatKind.HANDOVER, True), (SeatKind.HANDOVER_IDLE, False))
        ),
        (SeatKind.DELEGATION, to_me.values_list("id", "head_id")),
        (
            SeatKind.PERSON,
            User.filter(Q(id=user_id) | Q(id__in=heads_for_me))
            .annotate(active=flag("is_active"))
            .values_list("id", "department_id", "active"),
        ),
        (
            SeatKind.HEADED,
            DepartmentHead.filter(Q(user_id=user_id) | Q(user_id__in=heads_for_me)).values_list(
                "user_id", "department_id"
            ),
        ),
    ]


@dataclass
class SeatFacts:
    """The seat facts of one viewer, as read (rows in id order where the order decides)."""

    initiators: dict[int, int] = field(default_factory=dict)
    links: list[tuple[int, int, int]] = field(default_factory=list)
    signers: list[tuple[int, int, int]] = field(default_factory=list)
    handovers: list[tuple[int, int, int, HandedSeat]] = field(default_factory=list)
    delegations: list[tuple[int, int]] = field(default_factory=list)
    people: dict[int, Person] = field(default_factory=dict)
    headed: dict[int, set[int]] = field(default_factory=lambda: defaultdict(set))

    def add(self, kind: SeatKind, c: list[Any]) -> None:
        """One fact row's integer columns ``c``."""
        if kind is SeatKind.LINK:
            self.links.append((int(c[0]), int(c[1]), int(c[2])))
        elif kind is SeatKind.SIGNER:
            self.signers.append((int(c[0]), int(c[1]), int(c[2])))
        elif kind in (SeatKind.HANDOVER, SeatKind.HANDOVER_IDLE):
            self.handovers.append(handed_row(tuple(c), kind is SeatKind.HANDOVER))
        elif kind is SeatKind.DELEGATION:
            self.delegations.append((int(c[0]), int(c[1])))
        elif kind is SeatKind.PERSON:
            department = None if c[1] is None else int(c[1])
            self.people[int(c[0])] = Person(department, bool(c[2]))
        else:
            self.headed[int(c[0])].add(int(c[1]))

    def held(self, user_id: int, results: dict[int, tuple[int, int]]) -> set[int]:
        """The submissions of ``results`` (result → task, requirement) whose acceptance group
        the viewer ``user_id`` sits in, as ``policy.acceptance_group_ids`` decides."""
        delegations = [(head, user_id) for _, head in sorted(self.delegations)]
        headships = [
            (department, person)
            for person, departments in self.headed.items()
            if self.people.get(person, Person(None, False)).active
            for department in departments
        ]
        acting_for = acting(headships, delegations, may_name(delegations, self.people, self.headed))
        seats = seat_map_of_facts(
            {
                pk: (requirement, self.initiators[requirement])
                for pk, (_, requirement) in results.items()
            },
            self.links,
            self.signers,
            self.handovers,
        )
        return {pk for pk, seat in seats.items() if user_id in group_of(seat, acting_for)}
