"""Delegates (代理审批) are told what their head is told, can list and lose their mandate,
and the initiating department's head hears of a submission without reviewing it."""

from __future__ import annotations

from datetime import timedelta

from strawberry.relay import to_base64

from core import clock
from models import Delegation, Department, Notification, Requirement, Review, Task, User
from models.enums import NotificationKind
from tests.conftest import GraphQLClient
from tests.support.review_data import REVIEW, pending_review, review_input

CREATE = """mutation($input: CreateRequirementInput!) { createRequirement(input: $input) { id } }"""
SUBMIT = "mutation($id: ID!) { submitRequirement(id: $id) { status } }"
MINE = """query($ended: Boolean!) { delegations(includeEnded: $ended) {
  head { username } delegate { username } isActive } }"""
REVOKE = "mutation($id: ID!) { revokeDelegation(id: $id) { isActive revokedAt } }"


async def running(head: str, delegate: str, **period: timedelta) -> Delegation:
    start = period.get("start", -timedelta(hours=1))
    return await Delegation.create(
        head=await User.get(username=head),
        delegate=await User.get(username=delegate),
        starts_at=clock.now() + start,
        ends_at=clock.now() + period.get("end", timedelta(days=3)),
    )


async def told(username: str, kind: NotificationKind) -> list[int]:
    """The subjects ``username`` was notified about with ``kind``."""
    return await Notification.filter(recipient__username=username, kind=kind).values_list(
        "subject_id", flat=True
    )


async def submitted_by_market(client: GraphQLClient) -> int:
    """A requirement market_staff raised for sales and design, submitted for review."""
    initiator = await client.sign_in("market_staff")
    departments = [
        to_base64("Department", (await Department.get(code=code)).id)
        for code in ("sales", "design")
    ]
    form = {
        "title": "会员日联合促销",
        "background": "复购率下降",
        "goals": "复购率提升5%",
        "deliverables": "活动方案",
        "acceptanceCriteria": "方案含3个渠道策略及预算明细",
        "expectedBy": str(clock.today() + timedelta(days=30)),
        "involvedDepartmentIds": departments,
    }
    created = (await initiator.data(CREATE, {"input": form}))["createRequirement"]
    await initiator.data(SUBMIT, {"id": created["id"]})
    return int((await Requirement.get(title="会员日联合促销")).id)


async def test_the_active_delegate_is_asked_to_review_with_the_head(
    client: GraphQLClient, demo: None
) -> None:
    # given the sales head's running delegation to sales_staff, and an ended one to
    # the finance head
    await running("sales_head", "sales_staff")
    await running("sales_head", "finance_head", start=-timedelta(days=3), end=-timedelta(days=1))
    # when market_staff submits a requirement sales reviews
    requirement_id = await submitted_by_market(client)
    # then the head and the running delegate are asked to review; the ended one is not
    for username in ("sales_head", "sales_staff"):
        assert requirement_id in await told(username, NotificationKind.REVIEW_REQUESTED)
    assert requirement_id not in await told("finance_head", NotificationKind.REVIEW_REQUESTED)


async def test_the_initiating_departments_head_is_told_but_does_not_review(
    client: GraphQLClient, demo: None
) -> None:
    # when market_staff submits a requirement
    requirement_id = await submitted_by_market(client)
    # then the marketing head is told of the submission, not asked to review
    assert await told("market_head", NotificationKind.REQUIREMENT_SUBMITTED) == [requirement_id]
    assert await told("market_head", NotificationKind.REVIEW_REQUESTED) == []
    # and cannot sign it
    head = await client.sign_in("market_head")
    requirement = await Requirement.get(id=requirement_id)
    assert await head.error_code(REVIEW, review_input(requirement)) == "FORBIDDEN"


async def test_a_delegate_heading_another_department_sees_and_signs(
    client: GraphQLClient, demo: None
) -> None:
    # given the sales head named the legal head as delegate (another head may stand in)
    await running("sales_head", "legal_head")
    requirement = await pending_review("market_staff", ("sales",))
    # when the legal head signs the sales review
    delegate = await client.sign_in("legal_head")
    await delegate.data(REVIEW, review_input(requirement))
    # then it is recorded "legal_head on behalf of sales_head"
    review = await Review.get(requirement_id=requirement.id)
    assert (review.signed_by_id, review.on_behalf_of_id) == (
        (await User.get(username="legal_head")).id,
        (await User.get(username="sales_head")).id,
    )


async def test_delegations_lists_mine_as_head_and_as_delegate(
    client: GraphQLClient, demo: None
) -> None:
    await running("sales_head", "sales_staff")
    await running("finance_head", "sales_head", start=-timedelta(days=3), end=-timedelta(days=1))
    # when the sales head lists their delegations
    head = await client.sign_in("sales_head")
    current = (await head.data(MINE, {"ended": False}))["delegations"]
    everything = (await head.data(MINE, {"ended": True}))["delegations"]
    # then the running one they gave; with ended ones, also the one they received
    assert current == [
        {
            "head": {"username": "sales_head"},
            "delegate": {"username": "sales_staff"},
            "isActive": True,
        }
    ]
    assert {(d["head"]["username"], d["isActive"]) for d in everything} == {
        ("sales_head", True),
        ("finance_head", False),
    }
    # the delegate lists it too; someone else lists nothing
    staff = await client.sign_in("sales_staff")
    assert len((await staff.data(MINE, {"ended": False}))["delegations"]) == 1
    other = await client.sign_in("design_staff")
    assert (await other.data(MINE, {"ended": True}))["delegations"] == []


async def test_only_the_head_or_admin_revokes_and_the_delegate_stops(
    client: GraphQLClient, demo: None
) -> None:
    delegation = await running("sales_head", "sales_staff")
    did = to_base64("Delegation", delegation.id)
    # when the delegate or another person revokes it: NOT_FOUND, nothing changes
    for username in ("sales_staff", "design_head"):
        caller = await client.sign_in(username)
        assert await caller.error_code(REVOKE, {"id": did}) == "NOT_FOUND", username
    await delegation.refresh_from_db()
    assert delegation.revoked_at is None
    # when the head revokes it, it ends now
    head = await client.sign_in("sales_head")
    revoked = (await head.data(REVOKE, {"id": did}))["revokeDelegation"]
    assert revoked["isActive"] is False and revoked["revokedAt"]
    # then the former delegate can no longer sign, nor is told of new reviews
    requirement = await pending_review("market_staff", ("sales",))
    staff = await client.sign_in("sales_staff")
    assert await staff.error_code(REVIEW, review_input(requirement)) == "FORBIDDEN"
    requirement_id = await submitted_by_market(client)
    assert requirement_id not in await told("sales_staff", NotificationKind.REVIEW_REQUESTED)
    # and the admin may revoke another head's delegation
    other = await running("design_head", "design_staff")
    admin = await client.sign_in("admin")
    await admin.data(REVOKE, {"id": to_base64("Delegation", other.id)})
    await other.refresh_from_db()
    assert other.revoked_at is not None


async def test_the_active_delegate_is_asked_to_accept_results_with_the_head(
    client: GraphQLClient, demo: None
) -> None:
    # given the finance head's running delegation to a finance employee
    await running("finance_head", "finance_staff")
    requirement = await Requirement.get(title="2024年Q3新品上市推广方案")
    task = await Task.get(requirement=requirement, title="完成主视觉图初稿")
    # when the assignee submits the task's results
    assignee = await client.sign_in("design_staff")
    submit = (
        "mutation($input: SubmitTaskResultInput!) { submitTaskResult(input: $input) { status } }"
    )
    await assignee.data(submit, {"input": {"taskId": to_base64("Task", task.id), "note": "完成"}})
    # then the delegate is asked to accept them, as the head is
    for username in ("finance_head", "finance_staff"):
        assert task.id in await told(username, NotificationKind.RESULT_SUBMITTED), username
