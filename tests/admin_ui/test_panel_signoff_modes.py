"""The panel's template page edits the sign-off and acceptance modes (会签/或签)."""

from __future__ import annotations

from typing import Any

from models import RequirementTemplate, RequirementTemplateVersion
from models.enums import SignOffMode
from tests.admin_ui.conftest import Panel


def template_form(template: RequirementTemplate, **changes: str) -> dict[str, Any]:
    return {
        "key": template.key,
        "name": template.name,
        "name_en": template.name_en,
        "description": template.description,
        "priority": str(template.priority),
        "signoff_mode": str(template.signoff_mode),
        "acceptance_mode": str(template.acceptance_mode),
        "enabled": "on",
        **changes,
    }


async def test_the_admin_sets_a_templates_modes_in_a_new_version(admin_panel: Panel) -> None:
    # given the complaint template at ALL / ALL
    template = await RequirementTemplate.get(key="customer-complaint")
    page = await admin_panel.get(f"/admin/requirement-template/edit?pk={template.id}")
    assert page.status_code == 200 and "signoff_mode" in page.text and "或签" in page.text
    # when the admin chooses 或签 for both in the panel
    response = await admin_panel.post_form(
        f"/admin/requirement-template/edit?pk={template.id}",
        template_form(template, signoff_mode="ANY", acceptance_mode="ANY"),
    )
    # then the template has them, in a new version whose snapshot records them
    assert response.status_code == 303, response.text
    changed = await RequirementTemplate.get(id=template.id)
    assert (changed.signoff_mode, changed.acceptance_mode) == (SignOffMode.ANY, SignOffMode.ANY)
    snapshot = (
        await RequirementTemplateVersion.get(template=template, version=changed.version)
    ).snapshot
    assert (snapshot["signoffMode"], snapshot["acceptanceMode"]) == ("ANY", "ANY")


async def test_a_mode_that_does_not_exist_is_refused(admin_panel: Panel) -> None:
    template = await RequirementTemplate.get(key="customer-complaint")
    # when the form carries a mode the panel does not offer
    response = await admin_panel.post_form(
        f"/admin/requirement-template/edit?pk={template.id}",
        template_form(template, signoff_mode="MOST"),
    )
    # then nothing is saved
    assert response.status_code != 303
    unchanged = await RequirementTemplate.get(id=template.id)
    assert (unchanged.signoff_mode, unchanged.version) == (SignOffMode.ALL, template.version)
