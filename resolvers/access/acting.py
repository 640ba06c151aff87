"""Who acts as a department's head (代理审批), and who sits in an acceptance group, decided
from rows already read: the rules themselves, without a query.

``policy.heads_and_delegates`` and ``policy.acceptance_group_ids`` read the rows for any
departments and submissions; the to-do list (``resolvers/tasks/my_work_facts.py``) reads
the same rows for one viewer inside its facts statement, so that a head's list costs the
same two statements with submissions awaiting acceptance as without. Both decide here, so
each rule is written once whoever reads its rows.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from resolvers.access.seats import AcceptanceSeats


@dataclass(frozen=True)
class Person:
    """What naming a delegate asks of a person: their department and whether active."""

    department_id: int | None
    active: bool


def may_name(
    pairs: Collection[tuple[int, int]],
    people: dict[int, Person],
    headed: dict[int, set[int]],
) -> set[tuple[int, int]]:
    """The (head, delegate) pairs where the head may name the delegate: an active member of
    a department the head heads or belongs to, or another department's head.

    Anyone else would sign for a department they have no part in: issue #14 saw a head name
    an employee of another department, who then approved their own requirement for the head.
    ``people`` and ``headed`` (person → departments they head) cover everyone in ``pairs``.
    """
    allowed = set()
    for head, delegate in pairs:
        named = people.get(delegate)
        if named is None or not named.active:
            continue
        own = headed.get(head, set())
        naming = people.get(head)
        if naming is not None and naming.department_id is not None:
            own = own | {naming.department_id}
        if headed.get(delegate) or (named.department_id is not None and named.department_id in own):
            allowed.add((head, delegate))
    return allowed


def acting(
    headships: Iterable[tuple[int, int]],
    delegations: Iterable[tuple[int, int]],
    allowed: set[tuple[int, int]],
) -> dict[int, list[int]]:
    """Each department's acting people: its head, then the head's delegates.

    ``headships`` are (department, head) with the head active; ``delegations`` (head,
    delegate) running now with the delegate active, in the order they were made; only the
    ``allowed`` pairs (:func:`may_name`) count.
    """
    delegates: dict[int, list[int]] = defaultdict(list)
    for head_id, delegate_id in delegations:
        if (head_id, delegate_id) in allowed:
            delegates[head_id].append(delegate_id)
    return {dept: [user, *delegates.get(user, [])] for dept, user in headships}


def group_of(seat: AcceptanceSeats, acting_for: dict[int, list[int]]) -> list[int]:
    """Who sits in a submission's acceptance group (验收小组), once each: the initiator,
    whoever acts as head of each department seat not handed over, and the active receiver
    of each handed-over seat (转交)."""
    people = [seat.initiator_id, *(u for d in seat.headed for u in acting_for.get(d, []))]
    people += [h.to_user_id for h in seat.handed.values() if h.to_user_active]
    return list(dict.fromkeys(people))
