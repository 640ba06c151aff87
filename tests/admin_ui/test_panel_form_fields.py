"""Form fields in the panel: versioned and audited saves, errors in the form, values shown."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from strawberry.relay import to_base64

from core import clock
from models import (
    AuditEntry,
    Department,
    FormField,
    Requirement,
    RequirementFormVersion,
    RequirementTemplate,
    RequirementTemplateVersion,
)
from tests.admin_ui.conftest import Panel
from tests.conftest import GraphQLClient

BASE = "/admin/requirement-form-field"
TEMPLATES = "/admin/template-form-field"
CHOICES = "online|线上|Online\noffline|线下|Offline"


def _field(**changes: Any) -> dict[str, str]:
    form = {
        "key": "channel",
        "label": "推广渠道",
        "label_en": "Channel",
        "field_type": "CHOICE",
        "required": "on",
        "options_text": CHOICES,
        "help_text": "主要渠道",
        "position": "1",
    }
    form.update(changes)
    return {name: value for name, value in form.items() if value is not None}


async def test_the_admin_adds_a_required_choice_field_versioned_and_audited(
    admin_panel: Panel,
) -> None:
    # when the admin adds a required choice field to the requirement form
    response = await admin_panel.post_form(f"{BASE}/create", _field())
    assert response.status_code == 303, response.text
    # then it is saved with its options, as version 1 of the form
    field = await FormField.get(key="channel")
    assert (field.template_id, field.required, field.field_type) == (None, True, "CHOICE")
    assert field.options == [
        {"value": "online", "label": "线上", "labelEn": "Online"},
        {"value": "offline", "label": "线下", "labelEn": "Offline"},
    ]
    version = await RequirementFormVersion.get(version=1)
    assert [f["key"] for f in version.snapshot] == ["channel"]
    # audited once, by the use case, through the panel (and the form's version likewise)
    use_case = await AuditEntry.get(subject_type="FormField")
    assert (use_case.action, use_case.via, use_case.actor_label) == (
        "formField.create",
        "admin",
        "admin",
    )
    form_version = await AuditEntry.get(subject_type="RequirementFormVersion")
    assert (form_version.action, form_version.via) == ("requirementForm.version", "admin")
    # and the list and the edit page show it, the options one per line
    listing = await admin_panel.get(f"{BASE}/list")
    assert listing.status_code == 200
    edit = await admin_panel.get(f"{BASE}/edit?pk={field.id}")
    assert edit.status_code == 200 and "online|线上|Online" in edit.text


async def test_a_refused_definition_is_shown_in_the_form_and_saves_nothing(
    admin_panel: Panel,
) -> None:
    for changes, message in [
        ({"options_text": ""}, "选择类字段需要至少一个选项"),
        ({"key": "9lives"}, "字段键须以字母开头"),
        ({"options_text": "a|甲\na|乙"}, "选项值重复"),
    ]:
        response = await admin_panel.post_form(f"{BASE}/create", _field(**changes))
        assert response.status_code == 422, changes
        assert message in response.text
    assert not await FormField.exists()
    assert not await RequirementFormVersion.exists()
    assert not await AuditEntry.filter(via="admin").exists()


async def test_retiring_in_the_panel_makes_a_new_version(admin_panel: Panel) -> None:
    await admin_panel.post_form(f"{BASE}/create", _field())
    field = await FormField.get(key="channel")
    # when the admin unticks "active" (and renames it)
    edited = _field(label="渠道", key=None, field_type=None, active=None)
    response = await admin_panel.post_form(f"{BASE}/edit?pk={field.id}", edited)
    assert response.status_code == 303, response.text
    # then the field is retired, the form has a new version without it
    field = await FormField.get(id=field.id)
    assert (field.active, field.label, field.key) == (False, "渠道", "channel")
    latest = await RequirementFormVersion.get(version=2)
    assert latest.snapshot == []
    entry = await AuditEntry.get(subject_type="FormField", action__not="formField.create")
    assert (entry.action, entry.via) == ("formField.update", "admin")
    assert entry.before is not None and entry.after is not None
    assert (entry.before["active"], entry.after["active"]) == (True, False)


async def test_a_template_field_raises_the_template_version(admin_panel: Panel) -> None:
    template = await RequirementTemplate.get(key="marketing-event")
    before = template.version
    response = await admin_panel.post_form(f"{TEMPLATES}/create", _field(template=str(template.id)))
    assert response.status_code == 303, response.text
    field = await FormField.get(key="channel")
    assert field.template_id == template.id
    template = await RequirementTemplate.get(id=template.id)
    assert template.version == before + 1
    snapshot = await RequirementTemplateVersion.get(template_id=template.id, version=before + 1)
    assert "channel" in [f["key"] for f in snapshot.snapshot["formFields"]]
    # the base form's page does not list it, the templates' page does
    await admin_panel.get(f"{BASE}/list")  # (shows the flash message of the save)
    assert "推广渠道" not in (await admin_panel.get(f"{BASE}/list")).text
    assert "推广渠道" in (await admin_panel.get(f"{TEMPLATES}/list")).text
    # a template must be chosen
    response = await admin_panel.post_form(f"{TEMPLATES}/create", _field(key="other"))
    assert response.status_code == 422


async def test_the_requirement_page_shows_its_custom_values(
    admin_panel: Panel, client: GraphQLClient
) -> None:
    await admin_panel.post_form(f"{BASE}/create", _field())
    await admin_panel.post_form(
        f"{BASE}/create",
        _field(key="budget", label="预算", field_type="MONEY", options_text="", required=None),
    )
    staff = await client.sign_in("market_staff")
    design = await Department.get(code="design")
    created = await staff.data(
        "mutation($input: CreateRequirementInput!) { createRequirement(input: $input) { code } }",
        {
            "input": {
                "title": "Q4会员日促销方案",
                "involvedDepartmentIds": [to_base64("Department", design.id)],
                "expectedBy": str(clock.today() + timedelta(days=30)),
                "customFields": {"channel": "offline", "budget": "3000"},
            }
        },
    )
    requirement = await Requirement.get(code=created["createRequirement"]["code"])
    page = await admin_panel.get(f"/admin/requirement/detail?pk={requirement.id}")
    assert page.status_code == 200
    assert "推广渠道（单选）：线下" in page.text
    assert "预算（金额）：3000.00" in page.text
