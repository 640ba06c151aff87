"""Warning rules in the panel: the API's validation, a preview before saving, an audit trail."""

from __future__ import annotations

from typing import Any

from models import AuditEntry, WarningRule
from models.enums import WarningRuleKind
from tests.admin_ui.conftest import Panel
from tests.conftest import GraphQLClient

RULES = "{ warningRules { kind thresholdNormal thresholdUrgent version updatedBy { username } } }"


def _form(rule: WarningRule, **changes: Any) -> list[tuple[str, str]]:
    """The edit form as the browser posts it (multi-selects repeat their name)."""
    values: dict[str, Any] = {
        "_pk": rule.id,
        "_version": rule.version,
        "enabled": "on" if rule.enabled else "",
        "threshold_normal": rule.threshold_normal,
        "threshold_urgent": rule.threshold_urgent,
        "unit": rule.unit,
        "recipients": list(rule.recipients),
        "channels": list(rule.channels),
    }
    values.update(changes)
    form: list[tuple[str, str]] = []
    for name, value in values.items():
        for item in value if isinstance(value, list) else [value]:
            form.append((name, str(item)))
    return form


async def test_the_admin_changes_the_urgent_due_soon_threshold_through_the_use_case(
    admin_panel: Panel, client: GraphQLClient
) -> None:
    rule = await WarningRule.get(kind=WarningRuleKind.DUE_SOON)
    # when the admin sets urgent tasks to warn 5 days ahead in the panel
    response = await admin_panel.post_form(
        f"/admin/warning-rule/edit?pk={rule.id}", _form(rule, threshold_urgent=5)
    )
    assert response.status_code == 303, response.text
    # then the API shows the new threshold, a new version and who changed it
    staff = await client.sign_in("sales_staff")
    rules = {r["kind"]: r for r in (await staff.data(RULES))["warningRules"]}
    assert rules["DUE_SOON"] == {
        "kind": "DUE_SOON",
        "thresholdNormal": 1,
        "thresholdUrgent": 5,
        "version": 2,
        "updatedBy": {"username": "admin"},
    }
    # and the change is audited once, by the use case, marked as made through the panel
    entry = await AuditEntry.get(subject_type="WarningRule")
    assert (entry.action, entry.via, entry.actor_label) == ("warning_rule.update", "admin", "admin")
    assert entry.before is not None and entry.after is not None
    assert (entry.before["threshold_urgent"], entry.after["threshold_urgent"]) == (3, 5)


async def test_the_panel_refuses_what_the_api_refuses(admin_panel: Panel) -> None:
    rule = await WarningRule.get(kind=WarningRuleKind.DUE_SOON)
    # when the admin makes urgent tasks warn later than normal ones (the API refuses it)
    response = await admin_panel.post_form(
        f"/admin/warning-rule/edit?pk={rule.id}", _form(rule, threshold_urgent=0)
    )
    # then the form shows the use case's message on that field, and nothing changed
    assert response.status_code == 422
    assert "紧急任务应比普通任务更早预警" in response.text
    unchanged = await WarningRule.get(id=rule.id)
    assert (unchanged.threshold_urgent, unchanged.version) == (3, 1)
    assert not await AuditEntry.filter(subject_type="WarningRule").exists()


async def test_an_edit_of_an_old_version_is_a_conflict(admin_panel: Panel) -> None:
    rule = await WarningRule.get(kind=WarningRuleKind.DUE_SOON)
    form = _form(rule, threshold_urgent=4)
    # given someone else changed the rule since the admin opened the form
    await WarningRule.filter(id=rule.id).update(version=2)
    response = await admin_panel.post_form(f"/admin/warning-rule/edit?pk={rule.id}", form)
    assert response.status_code == 422
    assert "对象已被他人修改" in response.text
    assert (await WarningRule.get(id=rule.id)).threshold_urgent == 3


async def test_the_preview_counts_what_the_typed_rule_would_warn_about(admin_panel: Panel) -> None:
    rule = await WarningRule.get(kind=WarningRuleKind.DUE_SOON)
    # the edit page offers the preview
    page = await admin_panel.get(f"/admin/warning-rule/edit?pk={rule.id}")
    assert "rule-preview-button" in page.text and "预览" in page.text
    # with urgent tasks warned 3 days ahead, the urgent main-visual draft (due in 2 days) shows
    current = await admin_panel.post_form("/admin/warning-rule-preview", _form(rule))
    assert current.status_code == 200
    assert "完成主视觉图初稿" in current.text
    # with urgent tasks warned only 1 day ahead it does not, and nothing is saved
    narrower = await admin_panel.post_form(
        "/admin/warning-rule-preview", _form(rule, threshold_urgent=1)
    )
    assert 'data-count="0"' in narrower.text
    assert (await WarningRule.get(id=rule.id)).threshold_urgent == 3
    # an invalid rule is explained, not previewed
    invalid = await admin_panel.post_form(
        "/admin/warning-rule-preview", _form(rule, threshold_urgent=0)
    )
    assert "紧急任务应比普通任务更早预警" in invalid.text
