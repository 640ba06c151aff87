"""Which seats a requirement's review and acceptance have, read in bulk: the structure the
policy (``resolvers.access.policy``) turns into who may act and who is told.

Kept apart from the policy so the acceptance group's seats are written once and answered in
bulk, by indexed queries, for the to-do list and the warning scan as for one decision.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient
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


async def acceptance_seat_map(
    result_ids: Collection[int], conn: BaseDBAsyncClient | None = None
) -> dict[int, AcceptanceSeats]:
    """Each submission's acceptance seats, in four queries whatever the number of results."""
    wanted = list(result_ids)
    if not wanted:
        return {}
    seats = {
        row["id"]: AcceptanceSeats(
            row["task__requirement_id"], row["task__requirement__initiator_id"]
        )
        for row in await TaskResult.filter(id__in=wanted)
        .using_db(conn)
        .values("id", "task__requirement_id", "task__requirement__initiator_id")
    }
    reviewing: dict[int, list[int]] = defaultdict(list)
    for requirement_id, department_id in (
        await reviewing_links(requirement_id__in={s.requirement_id for s in seats.values()})
        .using_db(conn)
        .order_by("id")
        .values_list("requirement_id", "department_id")
    ):
        reviewing[requirement_id].append(department_id)
    added: dict[int, list[int]] = defaultdict(list)
    for result_id, department_id in (
        await ResultSigner.filter(result_id__in=wanted)
        .using_db(conn)
        .order_by("id")
        .values_list("result_id", "department_id")
    ):
        added[result_id].append(department_id)
    for row in (
        await ResultHandover.filter(result_id__in=wanted)
        .using_db(conn)
        .order_by("id")
        .values("result_id", "department_id", "head_id", "to_user_id", "to_user__is_active")
    ):
        seats[row["result_id"]].handed[row["department_id"]] = HandedSeat(
            row["head_id"], row["to_user_id"], bool(row["to_user__is_active"])
        )
    for result_id, seat in seats.items():
        departments = [*reviewing[seat.requirement_id], *added[result_id]]
        seat.headed = [d for d in dict.fromkeys(departments) if d not in seat.handed]
    return seats
