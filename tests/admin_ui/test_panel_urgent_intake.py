"""The panel edits urgent intake (快速触发) on a template and each department's on-duty person."""

from __future__ import annotations

from models import (
    RequirementTemplate,
    RequirementTemplateVersion,
    TemplateDepartment,
    User,
)
from tests.admin_ui.conftest import Panel


async def test_the_admin_names_an_on_duty_member_and_marks_the_template_urgent(
    admin_panel: Panel,
) -> None:
    # given the complaint template's production row
    template = await RequirementTemplate.get(key="customer-complaint")
    row = await TemplateDepartment.get(template=template, department__code="production")
    staff = await User.get(username="production_staff")
    # when the admin names a production member on duty
    response = await admin_panel.post_form(
        f"/admin/template-department/edit?pk={row.id}",
        {
            "department": str(row.department_id),
            "contribution": "质量追溯",
            "on_duty": str(staff.id),
        },
    )
    # then it is stored and the template's new version records it
    assert response.status_code == 303, response.text
    assert (await TemplateDepartment.get(id=row.id)).on_duty_id == staff.id
    latest = await RequirementTemplateVersion.filter(template=template).order_by("-version").first()
    assert latest is not None
    named = {d["departmentId"]: d["onDutyId"] for d in latest.snapshot["departments"]}
    assert named[row.department_id] == staff.id
    # when the admin marks the template for urgent intake
    response = await admin_panel.post_form(
        f"/admin/requirement-template/edit?pk={template.id}",
        {
            "key": template.key,
            "name": template.name,
            "priority": str(template.priority),
            "signoff_mode": "ALL",
            "acceptance_mode": "ALL",
            "enabled": "on",
            "urgent_intake": "on",
        },
    )
    assert response.status_code == 303, response.text
    assert (await RequirementTemplate.get(id=template.id)).urgent_intake is True


async def test_an_on_duty_person_of_another_department_is_refused(admin_panel: Panel) -> None:
    # given the complaint template's production row
    template = await RequirementTemplate.get(key="customer-complaint")
    row = await TemplateDepartment.get(template=template, department__code="production")
    version = (await RequirementTemplate.get(id=template.id)).version
    outsider = await User.get(username="sales_staff")
    # when the admin names a sales employee on duty for production
    response = await admin_panel.post_form(
        f"/admin/template-department/edit?pk={row.id}",
        {"department": str(row.department_id), "on_duty": str(outsider.id)},
    )
    # then the form shows the refusal on the field and nothing changed
    assert response.status_code == 422
    assert "值班人须为该部门的在职成员" in response.text
    assert (await TemplateDepartment.get(id=row.id)).on_duty_id is None
    assert (await RequirementTemplate.get(id=template.id)).version == version
