"""Who signs a review round and when it is decided, under 会签 (ALL) and 或签 (ANY).

A round asks the reviewing departments (every involved one but the lead) and the
departments a reviewer added (加签). For each, the head or the head's active delegate signs,
unless the review was handed over (转交): then only the person it was handed to signs.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from tortoise.backends.base.client import BaseDBAsyncClient

from models import Requirement, Review, ReviewHandover, ReviewRound, RoundSigner, User
from models.enums import ReviewDecision, SignOffMode
from resolvers.access import policy
from resolvers.access.auth import Viewer
from resolvers.errors import Forbidden
from resolvers.notifications.notify import head_ids
from resolvers.requirements.lifecycle import reviewing_department_ids
from resolvers.workflow import int_column


@dataclass(frozen=True)
class RoundSigners:
    """The departments a round asks, and which of them have decided."""

    reviewing: frozenset[int]
    added: frozenset[int]
    approved: frozenset[int]
    decided: frozenset[int]

    @property
    def asked(self) -> frozenset[int]:
        return self.reviewing | self.added

    @property
    def pending(self) -> frozenset[int]:
        return self.asked - self.decided

    def complete(self, mode: SignOffMode) -> bool:
        """Approved: every added signer approved, and every reviewing department (ALL) or
        at least one of them (ANY)."""
        if not self.added <= self.approved:
            return False
        if mode is SignOffMode.ANY:
            return bool(self.reviewing & self.approved)
        return self.reviewing <= self.approved


async def round_signers(
    requirement: Requirement, round_: ReviewRound, conn: BaseDBAsyncClient
) -> RoundSigners:
    reviewing = frozenset(await reviewing_department_ids(requirement.id, conn))
    added = frozenset(
        await int_column(RoundSigner.filter(round_id=round_.id).using_db(conn), "department_id")
    )
    rows = (
        await Review.filter(round_id=round_.id)
        .using_db(conn)
        .values_list("department_id", "decision")
    )
    approved = frozenset(d for d, decision in rows if decision == ReviewDecision.APPROVE)
    return RoundSigners(reviewing, added, approved, frozenset(d for d, _ in rows))


async def handover(
    round_id: int, department_id: int, conn: BaseDBAsyncClient | None = None
) -> ReviewHandover | None:
    """The latest handing-over of the department's review in the round, if any."""
    return (
        await ReviewHandover.filter(round_id=round_id, department_id=department_id)
        .using_db(conn)
        .order_by("-id")
        .first()
    )


async def authorities(
    viewer: Viewer,
    requirement: Requirement,
    round_: ReviewRound,
    departments: Collection[int],
    conn: BaseDBAsyncClient,
) -> list[policy.HeadAuthority]:
    """The departments of ``departments`` the viewer may sign for in this round.

    A handed-over review is signed by the person it was handed to, on behalf of the head,
    and by nobody else (it left the head's hands). Otherwise the head or their delegate
    signs, as :func:`policy.reviewer_authorities` says.
    """
    found: list[policy.HeadAuthority] = []
    ordinary: list[int] = []
    for department_id in sorted(departments):
        given = await handover(round_.id, department_id, conn)
        if given is None:
            ordinary.append(department_id)
        elif (
            given.to_user_id == viewer.user_id
            and await User.filter(id=given.to_user_id, is_active=True).using_db(conn).exists()
        ):
            found.append(policy.HeadAuthority(department_id, given.head_id, given.head_id))
    if ordinary:
        found += await policy.reviewer_authorities(viewer, requirement, ordinary)
    if viewer.user_id == requirement.initiator_id and any(a.on_behalf_of_id for a in found):
        raise Forbidden(
            "发起人不能代理审核自己的需求 (the initiator cannot sign their own requirement on"
            " a head's behalf)"
        )
    return found


async def reviewer_ids(
    round_id: int, department_ids: Collection[int], conn: BaseDBAsyncClient
) -> list[int]:
    """Who is told that these departments' review waits: the person a review was handed
    to, otherwise the head and their active delegates."""
    people: list[int] = []
    ordinary: list[int] = []
    for department_id in department_ids:
        given = await handover(round_id, department_id, conn)
        if given is None:
            ordinary.append(department_id)
        else:
            people.append(given.to_user_id)
    return list(dict.fromkeys([*people, *await head_ids(ordinary, conn)]))
