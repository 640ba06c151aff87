"""Who is told is who may act: one definition of "the head or an active delegate"
(``policy.heads_and_delegates``) answers both, and one of "the departments that review"
(every involved one but the lead) gives the reviewers and the acceptance group.

Before, the notifications and warnings had their own copy, which still told a delegate the
head may no longer name, and a deactivated head's delegates, of reviews they cannot sign.
"""

from __future__ import annotations

from datetime import timedelta

from core import clock
from models import Delegation, Department, Requirement, User
from models.enums import NotificationKind
from resolvers.access import policy
from resolvers.access.auth import Viewer
from tests.conftest import GraphQLClient
from tests.resolvers.test_delegates_told import running, submitted_by_market, told
from tests.support.review_data import REVIEW, pending_review, review_input

ASKED = NotificationKind.REVIEW_REQUESTED


async def test_a_delegate_who_moved_away_is_neither_asked_to_review_nor_able_to(
    client: GraphQLClient, demo: None
) -> None:
    # given the sales head's running delegation to sales_staff, who has since moved to
    # legal (a head names only their own department's people or another head)
    await running("sales_head", "sales_staff")
    legal = await Department.get(code="legal")
    await User.filter(username="sales_staff").update(department_id=legal.id)
    # when market_staff submits a requirement sales reviews
    requirement_id = await submitted_by_market(client)
    # then the head is asked to review and the former delegate is not
    assert requirement_id in await told("sales_head", ASKED)
    assert requirement_id not in await told("sales_staff", ASKED)
    # and, as before, the former delegate may not sign it either
    former = await client.sign_in("sales_staff")
    requirement = await Requirement.get(id=requirement_id)
    assert await former.error_code(REVIEW, review_input(requirement)) == "FORBIDDEN"


async def test_a_deactivated_heads_delegate_is_not_asked_to_review(
    client: GraphQLClient, demo: None
) -> None:
    # given a running delegation of the sales head, who has since been deactivated
    await running("sales_head", "sales_staff")
    await User.filter(username="sales_head").update(is_active=False)
    # when market_staff submits a requirement sales and design review
    requirement_id = await submitted_by_market(client)
    # then nobody is asked on sales' behalf, while the design head still is
    assert requirement_id not in await told("sales_staff", ASKED)
    assert requirement_id not in await told("sales_head", ASKED)
    assert requirement_id in await told("design_head", ASKED)


async def test_whoever_is_told_as_a_head_may_act_as_one_and_nobody_else(demo: None) -> None:
    # given delegations of every kind: running, to another head, to someone who moved
    # away, of a deactivated head, revoked, not yet begun and ended
    await running("sales_head", "sales_staff")
    await running("finance_head", "it_head")
    await running("design_head", "design_staff")
    legal = await Department.get(code="legal")
    await User.filter(username="design_staff").update(department_id=legal.id)
    await running("logistics_head", "logistics_staff")
    await User.filter(username="logistics_head").update(is_active=False)
    revoked = await running("market_head", "market_staff")
    await Delegation.filter(id=revoked.id).update(revoked_at=clock.now())
    await running("rnd_head", "rnd_staff", start=timedelta(days=1))
    await running("office_head", "office_staff", start=-timedelta(days=3), end=-timedelta(days=1))
    codes = dict(await Department.all().values_list("id", "code"))
    names = dict(await User.all().values_list("id", "username"))
    # when each person asks, for each department, whether they act as its head
    told_as_head = await policy.heads_and_delegates(codes)
    for user in await User.all():
        viewer = Viewer.of_user(user)
        for department_id in codes:
            may_act = await policy.head_authority(viewer, department_id) is not None
            # then they may act exactly where they are told as its head
            told = user.id in told_as_head.get(department_id, [])
            assert may_act == told, (user.username, codes[department_id])
    # and those are the head and the delegates the head may still name, in force now
    acting = {codes[d]: [names[p] for p in people] for d, people in told_as_head.items()}
    assert acting["sales"] == ["sales_head", "sales_staff"]
    assert acting["finance"] == ["finance_head", "it_head"]
    for code in ("design", "market", "rnd", "office"):
        assert acting[code] == [f"{code}_head"]
    assert "logistics" not in acting


async def test_the_lead_department_neither_reviews_nor_accepts_nor_is_told_as_the_group(
    demo: None,
) -> None:
    # given a requirement market_staff raised (marketing leads) for sales to review
    requirement = await pending_review("market_staff", ("sales",))
    market_head = Viewer.of_user(await User.get(username="market_head"))
    sales_head = Viewer.of_user(await User.get(username="sales_head"))
    sales = await Department.get(code="sales")
    # then only sales reviews, and the marketing head signs nothing for it: the default
    # "involved departments" of reviewer_authorities used to include the lead's
    assert await policy.reviewing_department_ids(requirement.id) == [sales.id]
    assert await policy.reviewer_authorities(market_head, requirement) == []
    assert [
        a.department_id for a in await policy.reviewer_authorities(sales_head, requirement)
    ] == [sales.id]
    # and the acceptance group that decides is the group that is told
    assert await policy.acceptance_seats(market_head, requirement) == []
    assert [seat for seat, _ in await policy.acceptance_seats(sales_head, requirement)] == [
        policy.department_seat(sales.id)
    ]
    assert await policy.acceptance_group_department_ids(requirement) == [sales.id]
