"""The Requirement Form's key points and each department's contribution.

Done when a draft may stay incomplete but its submission needs the background, goals,
deliverables and acceptance criteria (every missing one named) and the required custom
fields, and the form takes what each involved department provides (both backends).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from strawberry.relay import to_base64

from core import clock
from models import Department, FormField, Notification, ReviewRound
from models.enums import FormFieldType, NotificationKind
from tests.conftest import GraphQLClient
from tests.resolvers.test_attachments import PDF, uploaded

CREATE = """mutation($input: CreateRequirementInput!) { createRequirement(input: $input) {
  id code status version involvedDepartments { contribution department { code } } } }"""
UPDATE = """mutation($input: UpdateRequirementInput!) { updateRequirement(input: $input) {
  version involvedDepartments { contribution department { code } } } }"""
SUBMIT = "mutation($id: ID!) { submitRequirement(id: $id) { status } }"
KEY_POINTS = {
    "background": "会员复购率下降",
    "goals": "复购率提升5%",
    "deliverables": "活动方案+预算表",
    "acceptanceCriteria": "方案含3个渠道策略及预算明细",
}


async def dept(code: str) -> str:
    return to_base64("Department", (await Department.get(code=code)).id)


async def draft(client: GraphQLClient, **form: Any) -> dict[str, Any]:
    market = await client.sign_in("market_staff")
    data = {
        "title": "2026年Q3新品上市推广方案",
        "expectedBy": str(clock.today() + timedelta(days=30)),
        "involvedDepartmentIds": [await dept("design"), await dept("sales")],
        **form,
    }
    body = await market.post(CREATE, {"input": data})
    assert "errors" not in body, body
    return dict(body["data"]["createRequirement"])


def contributions(requirement: dict[str, Any]) -> dict[str, str]:
    return {
        row["department"]["code"]: row["contribution"] for row in requirement["involvedDepartments"]
    }


async def test_an_empty_draft_is_kept_but_its_submission_names_every_missing_key_point(
    client: GraphQLClient, demo: None
) -> None:
    # given a draft "做个推广"-style: a title and departments, nothing else
    created = await draft(client)
    assert created["status"] == "DRAFT"
    market = await client.sign_in("market_staff")
    # when it is submitted
    body = await market.post(SUBMIT, {"id": created["id"]})
    # then it is refused naming each key point, and nobody is asked to review
    error = body["errors"][0]
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert error["extensions"]["field"] == "background"
    assert error["extensions"]["fields"] == [
        "background",
        "goals",
        "deliverables",
        "acceptanceCriteria",
    ]
    assert "需求背景" in error["message"] and "验收标准" in error["message"]
    assert not await ReviewRound.filter(requirement__code=created["code"]).exists()
    assert not await Notification.filter(
        kind=NotificationKind.REVIEW_REQUESTED, subject_code=created["code"]
    ).exists()


async def test_blank_text_does_not_count_and_the_completed_form_is_submitted(
    client: GraphQLClient, demo: None
) -> None:
    # given a draft whose goals are only spaces
    created = await draft(client, **{**KEY_POINTS, "goals": "   "})
    market = await client.sign_in("market_staff")
    body = await market.post(SUBMIT, {"id": created["id"]})
    assert body["errors"][0]["extensions"]["fields"] == ["goals"]
    # when the initiator fills the goals in and submits again
    await market.data(UPDATE, {"input": {"id": created["id"], "goals": "复购率提升5%"}})
    # then it goes to review
    assert (await market.data(SUBMIT, {"id": created["id"]}))["submitRequirement"] == {
        "status": "PENDING_REVIEW"
    }


async def test_a_required_custom_field_added_after_the_draft_is_asked_for_at_submission(
    client: GraphQLClient, demo: None
) -> None:
    # given a complete draft, then the admin makes a budget field required
    created = await draft(client, **KEY_POINTS)
    await FormField.create(
        key="budget", label="预算金额", field_type=FormFieldType.MONEY, required=True
    )
    market = await client.sign_in("market_staff")
    # when it is submitted
    body = await market.post(SUBMIT, {"id": created["id"]})
    # then the missing field is named by its key
    assert body["errors"][0]["extensions"]["fields"] == ["customFields.budget"]
    # and once it is filled in the submission goes through
    await market.data(
        UPDATE, {"input": {"id": created["id"], "customFields": {"budget": "50000.00"}}}
    )
    assert (await market.data(SUBMIT, {"id": created["id"]}))["submitRequirement"] == {
        "status": "PENDING_REVIEW"
    }


async def test_a_required_file_field_is_attached_to_the_saved_draft_then_submitted(
    client: GraphQLClient, demo: None
) -> None:
    # given a required FILE field: its value is an attachment of the requirement itself
    await FormField.create(
        key="brief", label="活动简报", field_type=FormFieldType.FILE, required=True
    )
    # when the draft is saved without it (there is nothing to attach to before)
    created = await draft(client, **KEY_POINTS)
    market = await client.sign_in("market_staff")
    # then submitting asks for it by its key
    body = await market.post(SUBMIT, {"id": created["id"]})
    assert body["errors"][0]["extensions"]["fields"] == ["customFields.brief"]
    # and once a file is attached to the draft and named in the field, it goes through
    attachment = await uploaded(
        market, ("brief.pdf", PDF, "application/pdf"), requirement=created["id"]
    )
    await market.data(
        UPDATE, {"input": {"id": created["id"], "customFields": {"brief": attachment["id"]}}}
    )
    assert (await market.data(SUBMIT, {"id": created["id"]}))["submitRequirement"] == {
        "status": "PENDING_REVIEW"
    }


async def test_the_form_takes_what_each_involved_department_provides(
    client: GraphQLClient, demo: None
) -> None:
    # given a draft saying sales provides the customer data
    created = await draft(
        client,
        contributions=[{"departmentId": await dept("sales"), "contribution": "提供客户数据"}],
    )
    assert contributions(created) == {"market": "", "design": "", "sales": "提供客户数据"}
    market = await client.sign_in("market_staff")
    # when the initiator adds the design department's part and adds finance
    updated = await market.data(
        UPDATE,
        {
            "input": {
                "id": created["id"],
                "involvedDepartmentIds": [
                    await dept("design"),
                    await dept("sales"),
                    await dept("finance"),
                ],
                "contributions": [
                    {"departmentId": await dept("design"), "contribution": " 主视觉设计 "}
                ],
            }
        },
    )
    # then design's part is stored trimmed and sales keeps its own
    assert contributions(updated["updateRequirement"]) == {
        "market": "",
        "design": "主视觉设计",
        "sales": "提供客户数据",
        "finance": "",
    }


async def test_a_contribution_of_a_department_not_involved_or_too_long_is_refused(
    client: GraphQLClient, demo: None
) -> None:
    # given a draft involving design and sales
    created = await draft(client)
    market = await client.sign_in("market_staff")
    cases = [
        ([{"departmentId": await dept("legal"), "contribution": "合规审核"}], "contributions"),
        ([{"departmentId": await dept("design"), "contribution": "长" * 256}], "contributions"),
        (
            [
                {"departmentId": await dept("design"), "contribution": "一"},
                {"departmentId": await dept("design"), "contribution": "二"},
            ],
            "contributions",
        ),
        ([{"departmentId": to_base64("User", 1), "contribution": "x"}], "contributions"),
    ]
    for rows, field in cases:
        # when the initiator sends it
        body = await market.post(UPDATE, {"input": {"id": created["id"], "contributions": rows}})
        # then it is refused naming the field, and nothing changed
        assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT", body
        assert body["errors"][0]["extensions"]["field"] == field
    unchanged = await market.data(UPDATE, {"input": {"id": created["id"]}})
    assert set(contributions(unchanged["updateRequirement"]).values()) == {""}


async def test_another_employee_cannot_write_contributions_of_someone_elses_draft(
    client: GraphQLClient, demo: None
) -> None:
    # given a market employee's draft
    created = await draft(client)
    # when a sales employee (a participant, not the initiator) writes a contribution
    sales = await client.sign_in("sales_staff")
    code = await sales.error_code(
        UPDATE,
        {
            "input": {
                "id": created["id"],
                "contributions": [{"departmentId": await dept("sales"), "contribution": "x"}],
            }
        },
    )
    # then it is refused
    assert code in {"FORBIDDEN", "NOT_FOUND"}
