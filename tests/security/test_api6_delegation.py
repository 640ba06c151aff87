"""API6 (sensitive business flows): a delegation cannot launder a sign-off.

Issue #14: the sales head named the marketing employee who had raised a requirement as
delegate, who then approved their own requirement "on behalf of" the sales head. A head
now names only a member of their own department or another head; a delegate never signs
a requirement they raised; and the signer's authority is read again when they sign.
"""

from __future__ import annotations

from datetime import timedelta

from strawberry.relay import to_base64

from core import clock
from models import Delegation, Department, Requirement, Review, User
from models.enums import RequirementStatus
from resolvers.access.auth import Viewer
from resolvers.errors import Forbidden
from resolvers.requirements.reviews import ReviewInput, review_requirement
from tests.conftest import GraphQLClient
from tests.support.review_data import REVIEW, pending_review, review_input

SET_DELEGATE = (
    "mutation($input: SetDelegateInput!) { setDelegate(input: $input) { delegate { username } } }"
)


def naming(delegate: User) -> dict[str, object]:
    return {
        "input": {
            "delegateId": to_base64("User", delegate.id),
            "startsAt": clock.now().isoformat(),
            "endsAt": (clock.now() + timedelta(days=7)).isoformat(),
        }
    }


async def delegation(head: str, delegate: str) -> Delegation:
    """A running delegation, recorded directly (its naming rules are tested above)."""
    return await Delegation.create(
        head=await User.get(username=head),
        delegate=await User.get(username=delegate),
        starts_at=clock.now() - timedelta(hours=1),
        ends_at=clock.now() + timedelta(days=3),
    )


async def still_waiting(requirement: Requirement) -> bool:
    await requirement.refresh_from_db()
    return (
        requirement.status is RequirementStatus.PENDING_REVIEW
        and not await Review.filter(requirement_id=requirement.id).exists()
    )


async def test_a_head_cannot_name_an_employee_of_another_department(
    client: GraphQLClient, demo: None
) -> None:
    # given the sales head, signed in
    head = await client.sign_in("sales_head")
    outsider = await User.get(username="market_staff")
    # when they name the marketing employee as delegate
    body = await head.post(SET_DELEGATE, naming(outsider))
    # then it is refused naming the field, and no delegation exists
    error = body["errors"][0]
    assert error["extensions"] == {**error["extensions"], "code": "BAD_USER_INPUT"}
    assert error["extensions"]["field"] == "delegateId"
    assert not await Delegation.filter(delegate_id=outsider.id).exists()


async def test_a_head_may_name_their_own_staff_or_another_head(
    client: GraphQLClient, demo: None
) -> None:
    # given the sales head, signed in
    head = await client.sign_in("sales_head")
    # when they name a member of their department, then another department's head
    for username in ("sales_staff", "finance_head"):
        named = await head.data(SET_DELEGATE, naming(await User.get(username=username)))
        # then each delegation is recorded
        assert named["setDelegate"]["delegate"] == {"username": username}


async def test_a_delegate_cannot_sign_a_requirement_they_raised(
    client: GraphQLClient, demo: None
) -> None:
    # given the finance head stands in for the sales head, and raised a requirement sales reviews
    await delegation("sales_head", "finance_head")
    requirement = await pending_review("finance_head", ("sales",))
    delegate = await client.sign_in("finance_head")
    # when they sign it on the sales head's behalf
    body = await delegate.post(REVIEW, review_input(requirement))
    # then it is refused, saying why, and nothing was signed
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert "initiator" in body["errors"][0]["message"]
    assert await still_waiting(requirement)
    # while the sales head still signs it themselves
    head = await client.sign_in("sales_head")
    signed = await head.data(REVIEW, review_input(requirement))
    assert signed["reviewRequirement"]["status"] == "APPROVED"


async def test_a_running_delegation_lets_the_delegate_sign_for_the_head(
    client: GraphQLClient, demo: None
) -> None:
    # given the sales head's staff member stands in for them
    await delegation("sales_head", "sales_staff")
    requirement = await pending_review("market_staff", ("sales",))
    # when the delegate signs, the sign-off goes through on the head's behalf
    delegate = await client.sign_in("sales_staff")
    signed = await delegate.data(REVIEW, review_input(requirement))
    assert signed["reviewRequirement"]["status"] == "APPROVED"
    review = await Review.get(requirement_id=requirement.id)
    head = await User.get(username="sales_head")
    assert review.on_behalf_of_id == head.id


async def test_a_delegate_who_moved_to_another_department_no_longer_signs(
    client: GraphQLClient, demo: None
) -> None:
    # given a running delegation to a staff member who has since moved to legal, a
    # department the requirement also involves (so they still see it)
    await delegation("sales_head", "sales_staff")
    requirement = await pending_review("market_staff", ("sales", "legal"))
    delegate = await client.sign_in("sales_staff")
    legal = await Department.get(code="legal")
    await User.filter(username="sales_staff").update(department_id=legal.id)
    # when they sign for the sales head, then it is refused and nothing was signed
    assert await delegate.error_code(REVIEW, review_input(requirement)) == "FORBIDDEN"
    assert await still_waiting(requirement)


async def test_a_delegate_of_a_deactivated_head_no_longer_signs(
    client: GraphQLClient, demo: None
) -> None:
    # given a running delegation whose head has since been deactivated
    await delegation("sales_head", "sales_staff")
    requirement = await pending_review("market_staff", ("sales",))
    await User.filter(username="sales_head").update(is_active=False)
    delegate = await client.sign_in("sales_staff")
    # when the delegate signs, then it is refused and nothing was signed
    assert await delegate.error_code(REVIEW, review_input(requirement)) == "FORBIDDEN"
    assert await still_waiting(requirement)


async def test_a_revoked_delegation_no_longer_signs(client: GraphQLClient, demo: None) -> None:
    # given a delegation revoked after the delegate opened the requirement
    running = await delegation("sales_head", "sales_staff")
    requirement = await pending_review("market_staff", ("sales",))
    delegate = await client.sign_in("sales_staff")
    running.revoked_at = clock.now()
    await running.save()
    # when the delegate signs, then it is refused and nothing was signed
    assert await delegate.error_code(REVIEW, review_input(requirement)) == "FORBIDDEN"
    assert await still_waiting(requirement)


async def test_a_signer_deactivated_since_sign_in_is_refused_at_the_moment_of_signing(
    demo: None,
) -> None:
    # given the delegate's viewer, read before they were deactivated
    await delegation("sales_head", "sales_staff")
    requirement = await pending_review("market_staff", ("sales",))
    viewer = Viewer.of_user(await User.get(username="sales_staff"))
    await User.filter(username="sales_staff").update(is_active=False)
    # when the sign-off runs with that viewer, then the authority is read again and refused
    try:
        await review_requirement(viewer, ReviewInput(requirement_id=requirement.id, approve=True))
    except Forbidden:
        pass
    else:
        raise AssertionError("a deactivated delegate signed")
    assert await still_waiting(requirement)
