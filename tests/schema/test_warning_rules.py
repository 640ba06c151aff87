"""The admin tunes warning rules, sees a change's effect first, and every change is audited."""

from __future__ import annotations

from typing import Any

import pytest

from models import AuditEntry, WarningRule
from models.enums import WarningRuleKind
from tests.conftest import GraphQLClient

RULES = """{ warningRules { kind name enabled thresholdNormal thresholdUrgent unit recipients
  channels version } }"""
UPDATE = """mutation($input: WarningRuleInput!) { updateWarningRule(input: $input) {
  kind thresholdUrgent thresholdNormal version updatedBy { username } } }"""
PREVIEW = """query($input: WarningRuleInput!) { previewWarningRule(input: $input) {
  count items { subjectCode title alreadyNotified recipients { username } } } }"""


async def test_the_source_documents_defaults_are_there(client: GraphQLClient, demo: None) -> None:
    staff = await client.sign_in("sales_staff")
    rules = {r["kind"]: r for r in (await staff.data(RULES))["warningRules"]}
    assert set(rules) == {kind.value for kind in WarningRuleKind}
    due_soon = rules["DUE_SOON"]
    assert (due_soon["thresholdNormal"], due_soon["thresholdUrgent"], due_soon["unit"]) == (
        1,
        3,
        "DAYS",
    )
    assert due_soon["recipients"] == ["ASSIGNEE", "DEPARTMENT_HEAD", "INITIATOR"]
    assert rules["ESCALATION"]["thresholdNormal"] == 6 and rules["ESCALATION"]["unit"] == "HOURS"
    assert rules["REVIEW_SLA"]["unit"] == "WORKING_DAYS"
    assert rules["ESCALATION"]["recipients"] == ["DEPARTMENT_HEAD"]


async def test_the_admin_changes_the_urgent_lead_time_and_the_change_is_audited(
    client: GraphQLClient, demo: None
) -> None:
    admin = await client.sign_in("admin")
    changed = (
        await admin.data(
            UPDATE, {"input": {"kind": "DUE_SOON", "thresholdUrgent": 5, "version": 1}}
        )
    )["updateWarningRule"]
    assert changed == {
        "kind": "DUE_SOON",
        "thresholdUrgent": 5,
        "thresholdNormal": 1,
        "version": 2,
        "updatedBy": {"username": "admin"},
    }
    entry = await AuditEntry.get(action="warning_rule.update")
    assert entry.before is not None and entry.after is not None
    assert (entry.before["threshold_urgent"], entry.after["threshold_urgent"]) == (3, 5)
    assert entry.actor_label == "admin"
    assert (await WarningRule.get(kind="DUE_SOON")).scanned_until is None
    # an edit based on the old version is a conflict
    assert (
        await admin.error_code(
            UPDATE, {"input": {"kind": "DUE_SOON", "thresholdUrgent": 4, "version": 1}}
        )
        == "CONFLICT"
    )


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"kind": "DUE_SOON", "thresholdNormal": -1}, "thresholdNormal"),
        ({"kind": "DUE_SOON", "thresholdUrgent": 400}, "thresholdUrgent"),
        ({"kind": "DUE_SOON", "thresholdNormal": 5, "thresholdUrgent": 2}, "thresholdUrgent"),
        ({"kind": "REVIEW_SLA", "unit": "HOURS"}, "unit"),
        ({"kind": "STALE", "recipients": []}, "recipients"),
        ({"kind": "STALE", "channels": []}, "channels"),
    ],
)
async def test_absurd_thresholds_are_refused_naming_the_field_and_change_nothing(
    client: GraphQLClient, demo: None, change: dict[str, Any], field: str
) -> None:
    admin = await client.sign_in("admin")
    before = await WarningRule.get(kind=change["kind"])
    body = await admin.post(UPDATE, {"input": change})
    error = body["errors"][0]
    assert (error["extensions"]["code"], error["extensions"]["field"]) == ("BAD_USER_INPUT", field)
    after = await WarningRule.get(kind=change["kind"])
    assert (after.version, after.threshold_normal, after.threshold_urgent, after.unit) == (
        before.version,
        before.threshold_normal,
        before.threshold_urgent,
        before.unit,
    )
    assert not await AuditEntry.filter(action="warning_rule.update").exists()


async def test_the_preview_shows_what_a_proposed_rule_would_warn_now_without_saving_it(
    client: GraphQLClient, demo: None
) -> None:
    # the Q3 visual task is urgent and due in two days
    admin = await client.sign_in("admin")
    current = (await admin.data(PREVIEW, {"input": {"kind": "DUE_SOON"}}))["previewWarningRule"]
    titles = {item["title"] for item in current["items"]}
    assert "完成主视觉图初稿" in titles
    visual = next(i for i in current["items"] if i["title"] == "完成主视觉图初稿")
    assert {r["username"] for r in visual["recipients"]} == {
        "design_staff",
        "design_head",
        "market_staff",
    }
    assert visual["alreadyNotified"] is False
    # with urgent tasks warned only one day ahead, it would not warn yet
    narrower = await admin.data(PREVIEW, {"input": {"kind": "DUE_SOON", "thresholdUrgent": 1}})
    assert "完成主视觉图初稿" not in {i["title"] for i in narrower["previewWarningRule"]["items"]}
    assert narrower["previewWarningRule"]["count"] < current["count"]
    # nothing was saved, and only the admin may preview
    assert (await WarningRule.get(kind="DUE_SOON")).threshold_urgent == 3
    staff = await client.sign_in("design_head")
    assert await staff.error_code(PREVIEW, {"input": {"kind": "DUE_SOON"}}) == "FORBIDDEN"
