"""Which departments a review round asks and when it is decided, under 会签 (ALL) and 或签 (ANY).

A round asks the reviewing departments (every involved one but the lead) and the
departments a reviewer added (加签). Who may sign for each (the head, the head's active
delegate, or the person a review was handed to, 转交) is the policy's answer:
``policy.review_authorities``.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from tortoise.backends.base.client import BaseDBAsyncClient

from core.queries import int_column
from models import Requirement, Review, ReviewRound, RoundSigner
from models.enums import ReviewDecision, SignOffMode
from resolvers.access import policy
from resolvers.access.policy import head_ids


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
    reviewing = frozenset(await policy.reviewing_department_ids(requirement.id, conn))
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


async def reviewer_ids(
    round_id: int, department_ids: Collection[int], conn: BaseDBAsyncClient
) -> list[int]:
    """Who is told that these departments' review waits: the person a review was handed
    to, otherwise the head and their active delegates."""
    people: list[int] = []
    ordinary: list[int] = []
    for department_id in department_ids:
        given = await policy.handover(round_id, department_id, conn)
        if given is None:
            ordinary.append(department_id)
        else:
            people.append(given.to_user_id)
    return list(dict.fromkeys([*people, *await head_ids(ordinary, conn)]))
