"""Sign-off modes (会签 ALL, 或签 ANY) and acts around them: 加签, 转交, 催办.

The requirements are built at PENDING_REVIEW by ``tests/support/review_data.py``
(market_staff raises, the named departments review); raising and submitting is tested in
``test_requirements.py``.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import time_machine
from strawberry.relay import to_base64

from core import clock
from core.clock import BUSINESS_TZ
from core.settings import Settings
from models import (
    Delegation,
    Department,
    Notification,
    Requirement,
    RequirementTemplate,
    Review,
    ReviewHandover,
    ReviewRound,
    RoundSigner,
    User,
)
from models.enums import NotificationKind, RequirementStatus, SignOffMode
from resolvers.access.auth import Viewer
from resolvers.alerts.scan import scan
from resolvers.requirements.from_template import create_requirement_from_template
from resolvers.requirements.lifecycle import RequirementForm
from tests.conftest import GraphQLClient
from tests.support.review_data import REVIEW, pending_review, review_input

MODES = """mutation($id: ID!, $s: SignOffMode, $a: SignOffMode) {
  setSignOffModes(requirementId: $id, signoffMode: $s, acceptanceMode: $a) {
    signoffMode acceptanceMode } }"""
ADD = """mutation($id: ID!, $u: ID!) { addSigner(requirementId: $id, userId: $u) {
  status reviewRounds { addedSigners { department { code } addedBy { username } } } } }"""
HAND = """mutation($id: ID!, $u: ID!) { handOverReview(requirementId: $id, toUserId: $u) {
  reviewRounds { handovers { toUser { username } head { username } } } } }"""
REMIND = """mutation($id: ID!, $d: ID!) { remindReviewer(requirementId: $id, departmentId: $d) {
  status } }"""


def gid(type_name: str, pk: int) -> str:
    return to_base64(type_name, pk)


async def user_gid(username: str) -> str:
    return gid("User", (await User.get(username=username)).id)


async def dept_gid(code: str) -> str:
    return gid("Department", (await Department.get(code=code)).id)


async def in_mode(mode: SignOffMode, *reviewers: str) -> Requirement:
    requirement = await pending_review("market_staff", reviewers)
    requirement.signoff_mode = mode
    await requirement.save(update_fields=["signoff_mode"])
    return requirement


async def status_of(requirement: Requirement) -> RequirementStatus:
    await requirement.refresh_from_db()
    return RequirementStatus(requirement.status)


async def test_all_mode_waits_for_every_head_any_mode_takes_the_first(
    client: GraphQLClient, demo: None
) -> None:
    # given a 会签 and a 或签 requirement, both reviewed by design, finance and sales
    together = await in_mode(SignOffMode.ALL, "design", "finance", "sales")
    either = await in_mode(SignOffMode.ANY, "design", "finance", "sales")
    design = await client.sign_in("design_head")
    # when the design head approves both
    await design.data(REVIEW, review_input(together))
    await design.data(REVIEW, review_input(either))
    # then ALL still waits, ANY is approved
    assert await status_of(together) is RequirementStatus.PENDING_REVIEW
    assert await status_of(either) is RequirementStatus.APPROVED
    # and a later head of the ANY requirement has nothing left to sign
    finance = await client.sign_in("finance_head")
    assert await finance.error_code(REVIEW, review_input(either)) == "INVALID_TRANSITION"
    # when the other two heads approve the ALL requirement, it is approved by the last
    await finance.data(REVIEW, review_input(together))
    assert await status_of(together) is RequirementStatus.PENDING_REVIEW
    await (await client.sign_in("sales_head")).data(REVIEW, review_input(together))
    assert await status_of(together) is RequirementStatus.APPROVED


async def test_a_rejection_sends_an_any_requirement_back(client: GraphQLClient, demo: None) -> None:
    # given a 或签 requirement
    either = await in_mode(SignOffMode.ANY, "design", "finance")
    # when the first head to decide rejects
    finance = await client.sign_in("finance_head")
    await finance.data(REVIEW, review_input(either, approve=False))
    # then it goes back for modification: the first decision decides either way
    assert await status_of(either) is RequirementStatus.PENDING_MODIFICATION


async def test_the_initiator_chooses_modes_while_drafting_only(
    client: GraphQLClient, demo: None
) -> None:
    # given a draft and a submitted requirement of market_staff
    draft = await pending_review("market_staff", ("design",))
    draft.status = RequirementStatus.DRAFT
    await draft.save(update_fields=["status"])
    submitted = await pending_review("market_staff", ("design",))
    initiator = await client.sign_in("market_staff")
    # when the initiator sets ANY / ANY on the draft
    chosen = await initiator.data(MODES, {"id": gid("Requirement", draft.id), "s": "ANY"})
    # then the sign-off mode changed and the acceptance mode was left as it was
    assert chosen["setSignOffModes"] == {"signoffMode": "ANY", "acceptanceMode": "ALL"}
    # and once submitted, it is refused; another person is refused too
    variables = {"id": gid("Requirement", submitted.id), "s": "ANY"}
    assert await initiator.error_code(MODES, variables) == "INVALID_TRANSITION"
    head = await client.sign_in("design_head")
    variables = {"id": gid("Requirement", draft.id), "a": "ANY"}
    assert await head.error_code(MODES, variables) in {"FORBIDDEN", "NOT_FOUND"}
    await draft.refresh_from_db()
    assert draft.acceptance_mode is SignOffMode.ALL


async def test_a_requirement_from_a_template_copies_its_modes(demo: None) -> None:
    # given the complaint template set to ANY sign-off and ANY acceptance
    template = await RequirementTemplate.get(key="customer-complaint")
    template.signoff_mode = template.acceptance_mode = SignOffMode.ANY
    await template.save(update_fields=["signoff_mode", "acceptance_mode"])
    # when a complaint is raised from it
    service = Viewer.of_user(await User.get(username="service_staff"))
    raised = await create_requirement_from_template(
        service, template.id, RequirementForm(title="客户投诉：包装破损")
    )
    # then the requirement starts with the template's modes
    assert (raised.signoff_mode, raised.acceptance_mode) == (SignOffMode.ANY, SignOffMode.ANY)


async def test_an_added_signer_holds_the_round_until_they_approve(
    client: GraphQLClient, demo: None
) -> None:
    # given a 或签 requirement reviewed by design and finance
    either = await in_mode(SignOffMode.ANY, "design", "finance")
    design = await client.sign_in("design_head")
    rid = gid("Requirement", either.id)
    # when the design head adds the legal head (加签) and then approves
    added = await design.data(ADD, {"id": rid, "u": await user_gid("legal_head")})
    round_ = added["addSigner"]["reviewRounds"][0]
    assert round_["addedSigners"] == [
        {"department": {"code": "legal"}, "addedBy": {"username": "design_head"}}
    ]
    await design.data(REVIEW, review_input(either))
    # then the round still waits, and the legal head was asked to review
    assert await status_of(either) is RequirementStatus.PENDING_REVIEW
    legal_head = await User.get(username="legal_head")
    assert await Notification.filter(
        recipient=legal_head, kind=NotificationKind.REVIEW_REQUESTED, subject_id=either.id
    ).exists()
    # when the legal head approves, the requirement is approved
    await (await client.sign_in("legal_head")).data(REVIEW, review_input(either))
    assert await status_of(either) is RequirementStatus.APPROVED


async def test_adding_a_signer_is_refused_to_others_and_for_asked_departments(
    client: GraphQLClient, demo: None
) -> None:
    # given a requirement reviewed by design and finance
    requirement = await in_mode(SignOffMode.ALL, "design", "finance")
    rid = gid("Requirement", requirement.id)
    legal = await user_gid("legal_head")
    # when a member, the initiator or an uninvolved head adds a signer: refused
    for username in ("design_staff", "market_staff", "sales_head"):
        caller = await client.sign_in(username)
        code = await caller.error_code(ADD, {"id": rid, "u": legal})
        assert code in {"FORBIDDEN", "NOT_FOUND"}, (username, code)
    design = await client.sign_in("design_head")
    # when the design head adds a head already asked, or an employee: BAD_USER_INPUT
    for username in ("finance_head", "legal_staff"):
        body = await design.post(ADD, {"id": rid, "u": await user_gid(username)})
        assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
        assert body["errors"][0]["extensions"]["field"] == "userId"
    # and after signing, the design head adds nobody any more
    await design.data(REVIEW, review_input(requirement))
    assert await design.error_code(ADD, {"id": rid, "u": legal}) == "FORBIDDEN"


async def test_a_handed_over_review_is_signed_by_the_member_on_the_heads_behalf(
    client: GraphQLClient, demo: None
) -> None:
    # given a requirement the sales head must review
    requirement = await in_mode(SignOffMode.ALL, "sales")
    rid = gid("Requirement", requirement.id)
    head = await client.sign_in("sales_head")
    # when the head hands it to a sales employee (转交)
    handed = await head.data(HAND, {"id": rid, "u": await user_gid("sales_staff")})
    assert handed["handOverReview"]["reviewRounds"][0]["handovers"] == [
        {"toUser": {"username": "sales_staff"}, "head": {"username": "sales_head"}}
    ]
    # then the head no longer signs it, the employee does, on the head's behalf
    assert await head.error_code(REVIEW, review_input(requirement)) == "FORBIDDEN"
    staff = await client.sign_in("sales_staff")
    await staff.data(REVIEW, review_input(requirement))
    review = await Review.get(requirement_id=requirement.id)
    sales_head = await User.get(username="sales_head")
    assert (review.signed_by_id, review.on_behalf_of_id) == (
        (await User.get(username="sales_staff")).id,
        sales_head.id,
    )
    assert await status_of(requirement) is RequirementStatus.APPROVED


async def test_a_review_is_handed_only_within_the_department(
    client: GraphQLClient, demo: None
) -> None:
    requirement = await in_mode(SignOffMode.ALL, "sales")
    rid = gid("Requirement", requirement.id)
    head = await client.sign_in("sales_head")
    # when the head hands it to another department's employee, the initiator, or themselves
    for username in ("design_staff", "market_staff", "sales_head"):
        body = await head.post(HAND, {"id": rid, "u": await user_gid(username)})
        error = body["errors"][0]["extensions"]
        assert (error["code"], error["field"]) == ("BAD_USER_INPUT", "toUserId"), username
    # and a member of the department cannot hand the head's review over
    staff = await client.sign_in("sales_staff")
    assert await staff.error_code(HAND, {"id": rid, "u": await user_gid("sales_head")}) in {
        "FORBIDDEN",
        "NOT_FOUND",
    }


async def test_the_initiator_nudges_a_pending_head_once_a_working_day(
    client: GraphQLClient, demo: None
) -> None:
    # given a requirement awaiting design and sales; the sales head's delegate is active
    requirement = await in_mode(SignOffMode.ALL, "design", "sales")
    await Delegation.create(
        head=await User.get(username="sales_head"),
        delegate=await User.get(username="sales_staff"),
        starts_at=clock.now() - timedelta(hours=1),
        ends_at=clock.now() + timedelta(days=2),
    )
    rid, sales = gid("Requirement", requirement.id), await dept_gid("sales")
    initiator = await client.sign_in("market_staff")
    # when the initiator nudges sales (催办)
    await initiator.data(REMIND, {"id": rid, "d": sales})
    # then the head and the delegate are reminded, nobody else
    reminded = await Notification.filter(
        kind=NotificationKind.REVIEW_REMINDER, subject_id=requirement.id
    ).values_list("recipient__username", flat=True)
    assert sorted(reminded) == ["sales_head", "sales_staff"]
    # when the initiator nudges sales again the same working day: RATE_LIMITED with a wait
    body = await initiator.post(REMIND, {"id": rid, "d": sales})
    error = body["errors"][0]["extensions"]
    assert error["code"] == "RATE_LIMITED" and error["retryAfterSeconds"] > 0
    assert await Notification.filter(kind=NotificationKind.REVIEW_REMINDER).count() == 2


async def test_nudging_is_the_initiators_and_only_for_pending_departments(
    client: GraphQLClient, demo: None
) -> None:
    requirement = await in_mode(SignOffMode.ALL, "design", "sales")
    rid = gid("Requirement", requirement.id)
    # a head of the requirement may not nudge
    other = await client.sign_in("design_head")
    assert await other.error_code(REMIND, {"id": rid, "d": await dept_gid("sales")}) in {
        "FORBIDDEN",
        "NOT_FOUND",
    }
    # once design signed, nudging design (or an uninvolved department) names the field
    await other.data(REVIEW, review_input(requirement))
    initiator = await client.sign_in("market_staff")
    for code in ("design", "legal"):
        body = await initiator.post(REMIND, {"id": rid, "d": await dept_gid(code)})
        error = body["errors"][0]["extensions"]
        assert (error["code"], error["field"]) == ("BAD_USER_INPUT", "departmentId")
    assert not await Notification.filter(kind=NotificationKind.REVIEW_REMINDER).exists()


MY_REVIEWS = "{ myWork { reviews { code } } }"


async def reviews_of(client: GraphQLClient, username: str) -> list[str]:
    caller = await client.sign_in(username)
    return [r["code"] for r in (await caller.data(MY_REVIEWS))["myWork"]["reviews"]]


async def test_the_to_do_list_follows_added_signers_and_handovers(
    client: GraphQLClient, demo: None
) -> None:
    # given a requirement awaiting design and sales
    requirement = await in_mode(SignOffMode.ALL, "design", "sales")
    rid = gid("Requirement", requirement.id)
    # when the design head adds the legal head and the sales head hands sales' review over
    await (await client.sign_in("design_head")).data(
        ADD, {"id": rid, "u": await user_gid("legal_head")}
    )
    await (await client.sign_in("sales_head")).data(
        HAND, {"id": rid, "u": await user_gid("sales_staff")}
    )
    # then the legal head and the sales employee find it in 待办事项, the sales head no more
    assert requirement.code in await reviews_of(client, "legal_head")
    assert requirement.code in await reviews_of(client, "sales_staff")
    assert requirement.code not in await reviews_of(client, "sales_head")
    assert requirement.code in await reviews_of(client, "design_head")


async def test_the_review_sla_warns_added_signers_and_whoever_holds_a_handed_review(
    demo: None, settings: Settings
) -> None:
    # given a requirement submitted on Wednesday 1 July awaiting design and sales, the legal
    # department added to its round and sales' review handed to a sales employee
    opened = datetime(2026, 7, 1, 10, tzinfo=BUSINESS_TZ).astimezone(UTC)
    with time_machine.travel(opened, tick=False):
        requirement = await in_mode(SignOffMode.ALL, "design", "sales")
        round_ = await ReviewRound.get(requirement=requirement, number=1)
        round_.opened_at = opened
        await round_.save(update_fields=["opened_at"])
        await RoundSigner.create(
            round=round_,
            department=await Department.get(code="legal"),
            added_by=await User.get(username="design_head"),
        )
        sales_head = await User.get(username="sales_head")
        await ReviewHandover.create(
            round=round_,
            department=await Department.get(code="sales"),
            from_user=sales_head,
            to_user=await User.get(username="sales_staff"),
            head=sales_head,
        )
    # when the scan runs after three working days
    await scan(settings, datetime(2026, 7, 6, 10, 5, tzinfo=BUSINESS_TZ).astimezone(UTC))
    # then the design head, the added legal head and the sales employee are warned
    warned = await Notification.filter(kind=NotificationKind.ALERT_REVIEW_SLA).values_list(
        "recipient__username", flat=True
    )
    assert sorted(warned) == ["design_head", "legal_head", "sales_staff"]
