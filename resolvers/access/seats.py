"""Which seats a requirement's review and acceptance have, read in bulk: the structure the
policy (``resolvers.access.policy``) turns into who may act and who is told.

Kept apart from the policy so the acceptance group's seats are written once and answered in
bulk, by indexed queries, for the to-do list and the warning scan as for one decision.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.expressions import Q
from tortoise.queryset import QuerySet

from models import RequirementDepartment, ResultHandover, ResultSigner, TaskResult


def reviewing_links(**filters: Any) -> QuerySet[RequirementDepartment]:
    """The involved departments that review: every one but the lead (牵头部门, the
    initiator's own), which the initiator speaks for (docs/decisions.md). The one place
    this rule is written; the acceptance group is drawn from the same departments."""
    return RequirementDepartment.filter(is_lead=False, **filters)


@dataclass(frozen=True)
class HandedSeat:
    """A department seat handed over (转交): who handed it on, and who holds it now."""

    head_id: int
    to_user_id: int
    to_user_active: bool


@dataclass
class AcceptanceSeats:
    """One submission's acceptance group (验收小组) seats: the initiator's; the departments
    whose head (or delegate) sits — the reviewing ones and those added (加签), less those
    handed over; and the handed-over seats (转交), the latest hand-over of each winning."""

    requirement_id: int
    initiator_id: int
    headed: list[int] = field(default_factory=list)
    handed: dict[int, HandedSeat] = field(default_factory=dict)


@dataclass(frozen=True)
class SeatRows:
    """The rows a set of submissions' seats are made of, chosen by conditions that may be
    subqueries of a caller's own rows (the to-do list's and the warning scan's facts
    statements): the reviewing links of their requirements, the departments added to them,
    and their hand-overs. :func:`seat_map` decides from them."""

    links: QuerySet[RequirementDepartment]
    signers: QuerySet[ResultSigner]
    handovers: QuerySet[ResultHandover]


#: Each kind of seat row's integer columns, as the facts statements read them.
LINK_COLUMNS = ("id", "requirement_id", "department_id")
SIGNER_COLUMNS = ("id", "result_id", "department_id")
HANDOVER_COLUMNS = ("id", "result_id", "department_id", "head_id", "to_user_id")


def handed_row(c: tuple[Any, ...], active: bool) -> tuple[int, int, int, HandedSeat]:
    """(id, result, department, seat) of a hand-over row's :data:`HANDOVER_COLUMNS`, its
    receiver ``active`` or not (read as two branches, so no boolean column is needed)."""
    return int(c[0]), int(c[1]), int(c[2]), HandedSeat(int(c[3]), int(c[4]), active)


def seat_map_of_facts(
    results: dict[int, tuple[int, int]],
    links: Iterable[tuple[Any, ...]],
    signers: Iterable[tuple[Any, ...]],
    handovers: Iterable[tuple[int, int, int, HandedSeat]],
) -> dict[int, AcceptanceSeats]:
    """:func:`seat_map` of fact rows that lead with their own id, in any order (a
    ``UNION ALL`` keeps none): :data:`LINK_COLUMNS`, :data:`SIGNER_COLUMNS` and
    :func:`handed_row` rows, each kind put back in the order it was made."""
    return seat_map(
        results,
        [(r, d) for _, r, d in sorted(links)],
        [(r, d) for _, r, d in sorted(signers)],
        [(r, d, seat) for _, r, d, seat in sorted(handovers, key=lambda h: h[0])],
    )


def seat_rows(results: Q, requirements: Q) -> SeatRows:
    """The seat rows of the submissions ``results`` selects (a condition on ``result_id``)
    and of their requirements (``requirements``, on ``requirement_id``)."""
    return SeatRows(
        links=reviewing_links().filter(requirements),
        signers=ResultSigner.filter(results),
        handovers=ResultHandover.filter(results),
    )


async def acceptance_seat_map(
    result_ids: Collection[int], conn: BaseDBAsyncClient | None = None
) -> dict[int, AcceptanceSeats]:
    """Each submission's acceptance seats, in four queries whatever the number of results."""
    wanted = list(result_ids)
    if not wanted:
        return {}
    results = {
        row["id"]: (row["task__requirement_id"], row["task__requirement__initiator_id"])
        for row in await TaskResult.filter(id__in=wanted)
        .using_db(conn)
        .values("id", "task__requirement_id", "task__requirement__initiator_id")
    }
    reviewing = (
        await reviewing_links(requirement_id__in={r for r, _ in results.values()})
        .using_db(conn)
        .order_by("id")
        .values_list("requirement_id", "department_id")
    )
    added = (
        await ResultSigner.filter(result_id__in=wanted)
        .using_db(conn)
        .order_by("id")
        .values_list("result_id", "department_id")
    )
    handed = [
        (result_id, department_id, HandedSeat(head_id, to_user_id, bool(active)))
        for result_id, department_id, head_id, to_user_id, active in await ResultHandover.filter(
            result_id__in=wanted
        )
        .using_db(conn)
        .order_by("id")
        .values_list("result_id", "department_id", "head_id", "to_user_id", "to_user__is_active")
    ]
    return seat_map(results, reviewing, added, handed)


def seat_map(
    results: dict[int, tuple[int, int]],
    reviewing: Iterable[tuple[int, int]],
    added: Iterable[tuple[int, int]],
    handed: Iterable[tuple[int, int, HandedSeat]],
) -> dict[int, AcceptanceSeats]:
    """The seats of each submission of ``results`` (result → requirement, initiator), from
    its requirement's reviewing links (requirement, department), the departments added to
    it (result, department) and its hand-overs (result, department, seat), each in the
    order they were made: the latest hand-over of a department wins.

    The one definition of the seats, whoever read the rows: :func:`acceptance_seat_map`
    here, the to-do list's facts statement (``resolvers/tasks/my_work_facts.py``) there."""
    seats = {
        pk: AcceptanceSeats(requirement, initiator)
        for pk, (requirement, initiator) in results.items()
    }
    by_requirement: dict[int, list[int]] = defaultdict(list)
    for requirement_id, department_id in reviewing:
        by_requirement[requirement_id].append(department_id)
    by_result: dict[int, list[int]] = defaultdict(list)
    for result_id, department_id in added:
        by_result[result_id].append(department_id)
    for result_id, department_id, seat in handed:
        if result_id in seats:
            seats[result_id].handed[department_id] = seat
    for result_id, found in seats.items():
        departments = [*by_requirement[found.requirement_id], *by_result[result_id]]
        found.headed = [d for d in dict.fromkeys(departments) if d not in found.handed]
    return seats
