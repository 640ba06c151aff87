"""Templates in the panel: every save is one new template version, audited; rows are checked."""

from __future__ import annotations

from models import (
    AuditEntry,
    Department,
    RequirementTemplate,
    RequirementTemplateVersion,
    TemplateResponseLimit,
    TemplateTask,
    TemplateWarningThreshold,
    User,
)
from resolvers.access.auth import Viewer
from resolvers.requirements.from_template import create_requirement_from_template
from resolvers.requirements.lifecycle import RequirementForm
from tests.admin_ui.conftest import Panel


async def complaint() -> RequirementTemplate:
    return await RequirementTemplate.get(key="customer-complaint")


async def test_editing_a_template_task_raises_the_version_once_and_is_audited(
    admin_panel: Panel,
) -> None:
    # given a complaint raised from version 1
    template = await complaint()
    service = Viewer.of_user(await User.get(username="service_staff"))
    raised = await create_requirement_from_template(
        service, template.id, RequirementForm(title="客户投诉：面板测试用投诉")
    )
    task = await TemplateTask.get(template=template)
    # when the admin moves the template's task to 5 days after initiation in the panel
    response = await admin_panel.post_form(
        f"/admin/template-task/edit?pk={task.id}",
        {
            "department": str(task.department_id),
            "title": task.title,
            "description": "",
            "offset_days": "5",
            "position": "0",
        },
    )
    assert response.status_code == 303, response.text
    # then the template is at version 2 (one version for the save), snapshotted and audited
    assert (await RequirementTemplate.get(id=template.id)).version == 2
    snapshot = (await RequirementTemplateVersion.get(template=template, version=2)).snapshot
    assert snapshot["tasks"][0]["offsetDays"] == 5
    change = await AuditEntry.get(action="template.change", subject_id=template.id, to_state="v2")
    assert (change.actor_label, change.via) == ("admin", "admin")
    assert change.note.startswith("task changed: ")
    panel_write = await AuditEntry.get(action="admin.template-task.update")
    assert panel_write.before is not None and panel_write.before["offset_days"] == 3
    # and the requirement raised before keeps version 1
    await raised.refresh_from_db()
    assert raised.template_version == 1
    # the versions page shows both, read-only
    versions = await admin_panel.get("/admin/requirement-template-version/list")
    assert versions.status_code == 200
    assert (await admin_panel.get("/admin/requirement-template-version/create")).status_code in (
        403,
        404,
    )


async def test_a_threshold_for_a_rule_templates_cannot_override_is_refused(
    admin_panel: Panel,
) -> None:
    template = await complaint()
    form = {
        "template": str(template.id),
        "kind": "REVIEW_SLA",
        "threshold_normal": "1",
        "threshold_urgent": "1",
        "unit": "WORKING_DAYS",
    }
    # when the admin adds an override of the review SLA
    response = await admin_panel.post_form("/admin/template-warning-threshold/create", form)
    # then the form comes back with the reason, and nothing changed
    assert response.status_code == 422
    assert "模板只能覆盖这些预警规则" in response.text
    assert await TemplateWarningThreshold.filter(template=template).count() == 2
    assert (await RequirementTemplate.get(id=template.id)).version == 1
    assert not await AuditEntry.filter(action="template.change", to_state="v2").exists()
    # an overdue override in hours is accepted, as version 2
    form.update(kind="OVERDUE", unit="HOURS", threshold_normal="0", threshold_urgent="0")
    response = await admin_panel.post_form("/admin/template-warning-threshold/create", form)
    assert response.status_code == 303, response.text
    assert (await RequirementTemplate.get(id=template.id)).version == 2


async def test_deleting_a_response_limit_and_adding_a_template_are_versioned(
    admin_panel: Panel,
) -> None:
    template = await complaint()
    sales = await TemplateResponseLimit.get(template=template, hours=4)
    response = await admin_panel.action("template-response-limit", "delete", [sales.id])
    assert response.status_code == 200, response.text
    assert not await TemplateResponseLimit.filter(id=sales.id).exists()
    snapshot = (await RequirementTemplateVersion.get(template=template, version=2)).snapshot
    assert [limit["hours"] for limit in snapshot["responseLimits"]] == [24, 24]
    # a new template starts at version 1 with its snapshot
    response = await admin_panel.post_form(
        "/admin/requirement-template/create",
        {
            "key": "supplier-audit",
            "name": "供应商年度审核",
            "name_en": "Supplier audit",
            "description": "采购与质量部门联合审核供应商",
            "priority": "NORMAL",
            "enabled": "on",
        },
    )
    assert response.status_code == 303, response.text
    created = await RequirementTemplate.get(key="supplier-audit")
    assert created.version == 1
    assert await RequirementTemplateVersion.filter(template=created, version=1).exists()
    # a badly formed key is refused on its field
    response = await admin_panel.post_form(
        "/admin/requirement-template/create",
        {"key": "Bad Key", "name": "坏键模板", "priority": "NORMAL"},
    )
    assert response.status_code == 422 and "键须以小写字母开头" in response.text


async def test_a_second_lead_department_is_refused(admin_panel: Panel) -> None:
    template = await complaint()
    legal = await Department.get(code="legal")
    response = await admin_panel.post_form(
        "/admin/template-department/create",
        {"template": str(template.id), "department": str(legal.id), "is_lead": "on"},
    )
    assert response.status_code == 422
    assert "模板只能有一个主导部门" in response.text
    assert (await RequirementTemplate.get(id=template.id)).version == 1


async def test_only_the_admin_reaches_the_template_pages(panel: Panel, demo: None) -> None:
    # a department head cannot sign in to the panel, so never reaches the templates
    response = await panel.sign_in("service_head")
    assert response.status_code != 303
    page = await panel.get("/admin/requirement-template/list")
    assert page.status_code in (302, 303, 307) or "login" in str(page.url)
