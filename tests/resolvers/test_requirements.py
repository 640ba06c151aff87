"""Step 1 and 2: raise, review (with rejection and resubmission), confirm, cancel, delegate."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from strawberry.relay import to_base64

from core import clock
from models import AuditEntry, Department, Notification, Requirement, User
from models.enums import NotificationKind
from tests.conftest import GraphQLClient

CREATE = """mutation($input: CreateRequirementInput!) { createRequirement(input: $input) {
  id code status version initiator { username } involvedDepartments { isLead department { code } }
} }"""
SUBMIT = "mutation($id: ID!) { submitRequirement(id: $id) { status currentRound } }"
REVIEW = """mutation($input: ReviewRequirementInput!) { reviewRequirement(input: $input) {
  status version reviewRounds { number outcome reviews { decision comment claimedTasks
    department { code } signedBy { username } onBehalfOf { username }
    contentChangedSinceApproval } }
} }"""
UPDATE = """mutation($input: UpdateRequirementInput!) { updateRequirement(input: $input) {
  title version status } }"""
CONFIRM = "mutation($id: ID!) { confirmRequirement(id: $id) { status initiatedAt } }"
CANCEL = "mutation($id: ID!) { cancelRequirement(id: $id) { status } }"


async def dept_id(code: str) -> str:
    return to_base64("Department", (await Department.get(code=code)).id)


async def new_requirement(client: GraphQLClient, **overrides: Any) -> dict[str, Any]:
    initiator = await client.sign_in("market_staff")
    data = {
        "title": "Q4会员日促销方案",
        "background": "会员复购率下降",
        "goals": "复购率提升5%",
        "deliverables": "活动方案+预算表",
        "acceptanceCriteria": "方案含3个渠道策略及预算明细",
        "expectedBy": str(clock.today() + timedelta(days=30)),
        "involvedDepartmentIds": [await dept_id("design"), await dept_id("finance")],
        "priority": "URGENT",
        **overrides,
    }
    return dict((await initiator.data(CREATE, {"input": data}))["createRequirement"])


async def test_an_employee_raises_a_draft_with_a_code_and_the_lead_department(
    client: GraphQLClient, demo: None
) -> None:
    created = await new_requirement(client)
    assert created["status"] == "DRAFT"
    assert created["code"].startswith("XQ") and len(created["code"]) == 11
    assert created["initiator"] == {"username": "market_staff"}
    assert {(d["department"]["code"], d["isLead"]) for d in created["involvedDepartments"]} == {
        ("market", True),
        ("design", False),
        ("finance", False),
    }
    entry = await AuditEntry.get(action="requirement.create")
    assert (entry.actor_label, entry.to_state) == ("market_staff", "DRAFT")


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"title": "做"}, "title"),
        ({"involvedDepartmentIds": []}, "involvedDepartmentIds"),
        ({"expectedBy": "2020-01-01"}, "expectedBy"),
        ({"involvedDepartmentIds": [to_base64("Department", 99999)]}, "involvedDepartmentIds"),
        ({"involvedDepartmentIds": [to_base64("User", 1)]}, "involvedDepartmentIds"),
    ],
)
async def test_bad_form_input_is_refused_naming_the_field_and_creates_nothing(
    client: GraphQLClient, demo: None, overrides: dict[str, Any], field: str
) -> None:
    before = await Requirement.all().count()
    with pytest.raises(AssertionError) as refused:
        await new_requirement(client, **overrides)
    assert "BAD_USER_INPUT" in str(refused.value) and f"'field': '{field}'" in str(refused.value)
    assert await Requirement.all().count() == before


async def test_the_review_cycle_with_a_rejection_and_a_resubmission(
    client: GraphQLClient, demo: None
) -> None:
    created = await new_requirement(client)
    initiator = await client.sign_in("market_staff")
    design, finance = await client.sign_in("design_head"), await client.sign_in("finance_head")
    # given the requirement submitted: the two reviewing heads are notified
    assert (await initiator.data(SUBMIT, {"id": created["id"]}))["submitRequirement"] == {
        "status": "PENDING_REVIEW",
        "currentRound": 1,
    }
    notified = await Notification.filter(kind=NotificationKind.REVIEW_REQUESTED).values_list(
        "recipient__username", flat=True
    )
    assert sorted(notified) == ["design_head", "finance_head"]
    # when design approves with a claim and finance rejects with a concrete comment
    await design.data(
        REVIEW,
        {
            "input": {
                "requirementId": created["id"],
                "approve": True,
                "claimedTasks": ["设计部：主视觉"],
            }
        },
    )
    rejected = (
        await finance.data(
            REVIEW,
            {
                "input": {
                    "requirementId": created["id"],
                    "approve": False,
                    "comment": "预算未明确，需补充成本测算",
                }
            },
        )
    )["reviewRequirement"]
    # then it goes back to the initiator for changes
    assert rejected["status"] == "PENDING_MODIFICATION"
    assert rejected["reviewRounds"][0]["outcome"] == "REJECTED"
    # when the initiator edits it, design's earlier sign-off shows the content changed
    edited = await initiator.data(
        UPDATE,
        {
            "input": {
                "id": created["id"],
                "deliverables": "活动方案+预算表+成本测算",
                "version": rejected["version"],
            }
        },
    )
    assert edited["updateRequirement"]["version"] == rejected["version"] + 1
    # (an edit based on an older read is a CONFLICT)
    assert (
        await initiator.error_code(
            UPDATE, {"input": {"id": created["id"], "goals": "x", "version": rejected["version"]}}
        )
        == "CONFLICT"
    )
    # and resubmits: a second round opens, both approve
    assert (await initiator.data(SUBMIT, {"id": created["id"]}))["submitRequirement"][
        "currentRound"
    ] == 2
    await design.data(REVIEW, {"input": {"requirementId": created["id"], "approve": True}})
    approved = (
        await finance.data(
            REVIEW,
            {
                "input": {
                    "requirementId": created["id"],
                    "approve": True,
                    "claimedTasks": ["财务部：审核预算"],
                }
            },
        )
    )["reviewRequirement"]
    assert approved["status"] == "APPROVED"
    first, second = approved["reviewRounds"]
    assert first["reviews"][0]["contentChangedSinceApproval"] is True
    assert second["outcome"] == "APPROVED"
    assert all(not r["contentChangedSinceApproval"] for r in second["reviews"])
    # and the admin confirms initiation
    admin = await client.sign_in("admin")
    assert (await admin.data(CONFIRM, {"id": created["id"]}))["confirmRequirement"][
        "status"
    ] == "INITIATED"


async def test_a_delegate_reviews_on_behalf_of_the_head(client: GraphQLClient, demo: None) -> None:
    created = await new_requirement(client)
    initiator = await client.sign_in("market_staff")
    await initiator.data(SUBMIT, {"id": created["id"]})
    head = await client.sign_in("finance_head")
    staff_id = to_base64("User", (await User.get(username="finance_staff")).id)
    # given the finance head names their staff member as delegate for a week
    await head.data(
        "mutation($input: SetDelegateInput!) { setDelegate(input: $input) { id isActive } }",
        {
            "input": {
                "delegateId": staff_id,
                "startsAt": clock.now().isoformat(),
                "endsAt": (clock.now() + timedelta(days=7)).isoformat(),
            }
        },
    )
    # when the delegate reviews
    delegate = await client.sign_in("finance_staff")
    reviewed = (
        await delegate.data(REVIEW, {"input": {"requirementId": created["id"], "approve": True}})
    )["reviewRequirement"]
    # then the sign-off reads "finance_staff on behalf of finance_head"
    review = reviewed["reviewRounds"][0]["reviews"][0]
    assert review["signedBy"] == {"username": "finance_staff"}
    assert review["onBehalfOf"] == {"username": "finance_head"}
    # and a staff member without a delegation may not review
    sales = await client.sign_in("design_staff")
    code = await sales.error_code(
        REVIEW, {"input": {"requirementId": created["id"], "approve": True}}
    )
    assert code == "FORBIDDEN"


async def test_invalid_transitions_are_refused_and_change_nothing(
    client: GraphQLClient, demo: None
) -> None:
    created = await new_requirement(client)
    admin = await client.sign_in("admin")
    initiator = await client.sign_in("market_staff")
    # confirming a draft, reviewing a draft: INVALID_TRANSITION / FORBIDDEN
    assert await admin.error_code(CONFIRM, {"id": created["id"]}) == "INVALID_TRANSITION"
    design = await client.sign_in("design_head")
    assert (
        await design.error_code(
            REVIEW, {"input": {"requirementId": created["id"], "approve": True}}
        )
        == "INVALID_TRANSITION"
    )
    # cancelling twice: the second is refused
    assert (await initiator.data(CANCEL, {"id": created["id"]}))["cancelRequirement"] == {
        "status": "CANCELLED"
    }
    audit_count = await AuditEntry.all().count()
    assert await initiator.error_code(CANCEL, {"id": created["id"]}) == "INVALID_TRANSITION"
    assert await initiator.error_code(SUBMIT, {"id": created["id"]}) == "INVALID_TRANSITION"
    row = await Requirement.get(code=created["code"])
    assert row.status == "CANCELLED"
    assert await AuditEntry.all().count() == audit_count
