"""API1 broken object level authorisation: what standing in for a head opens, and for how long.

Issue #18: a delegate of another department was accepted and then could not act
(NOT_FOUND). A running delegation now makes the delegate a participant of the head's
departments' requirements, and a head added to a review round (加签) one of that
requirement; neither reaches further, and neither outlives the mandate.
"""

from __future__ import annotations

from datetime import timedelta

from strawberry.relay import to_base64

from core import clock
from models import Delegation, Requirement, ReviewRound, RoundSigner, User
from tests.conftest import GraphQLClient
from tests.support.review_data import pending_review

READ = "query($id: ID!) { node(id: $id) { ... on Requirement { code } } }"


async def reads(client: GraphQLClient, username: str, requirement: Requirement) -> bool:
    caller = await client.sign_in(username)
    body = await caller.post(READ, {"id": to_base64("Requirement", requirement.id)})
    return bool((body.get("data") or {}).get("node"))


async def stand_in(head: str, delegate: str, starts: timedelta, ends: timedelta) -> Delegation:
    return await Delegation.create(
        head=await User.get(username=head),
        delegate=await User.get(username=delegate),
        starts_at=clock.now() + starts,
        ends_at=clock.now() + ends,
    )


async def test_a_delegate_reads_the_heads_requirements_only_while_it_runs(
    client: GraphQLClient, demo: None
) -> None:
    # given a requirement sales reviews and one it does not
    sales = await pending_review("market_staff", ("sales",))
    other = await pending_review("market_staff", ("finance",))
    # and the legal head standing in for the sales head
    delegation = await stand_in("sales_head", "legal_head", -timedelta(hours=1), timedelta(days=1))
    # then the legal head reads the sales one, not the other
    assert await reads(client, "legal_head", sales)
    assert not await reads(client, "legal_head", other)
    # when the delegation is revoked, the sales one is closed again
    delegation.revoked_at = clock.now()
    await delegation.save(update_fields=["revoked_at"])
    assert not await reads(client, "legal_head", sales)


async def test_a_delegation_not_yet_begun_or_ended_opens_nothing(
    client: GraphQLClient, demo: None
) -> None:
    sales = await pending_review("market_staff", ("sales",))
    await stand_in("sales_head", "legal_head", timedelta(days=1), timedelta(days=2))
    await stand_in("sales_head", "finance_head", -timedelta(days=3), -timedelta(days=1))
    assert not await reads(client, "legal_head", sales)
    assert not await reads(client, "finance_head", sales)


async def test_an_added_signer_opens_the_requirement_to_the_head_not_their_staff(
    client: GraphQLClient, demo: None
) -> None:
    # given the legal department added to the round of a requirement sales reviews
    sales = await pending_review("market_staff", ("sales",))
    round_ = await ReviewRound.get(requirement=sales, number=1)
    await RoundSigner.create(
        round=round_,
        department_id=(await User.get(username="legal_head")).department_id,
        added_by=await User.get(username="sales_head"),
    )
    # then the legal head reads it (to sign), a legal employee does not
    assert await reads(client, "legal_head", sales)
    assert not await reads(client, "legal_staff", sales)
