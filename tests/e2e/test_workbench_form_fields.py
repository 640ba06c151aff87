"""A required choice field added in the admin panel, rendered and enforced in the workbench.

The admin adds it to the customer-complaint template through the panel's pages (as in
``test_admin_form_fields_browser.py``); service staff then meets it in the workbench's
新建需求 form with its required mark, options and help, cannot submit without it, and
submits with it. Screenshots go to ``test-artifacts/workbench/``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest
from playwright.sync_api import expect

from tests.e2e.test_admin_browser import (  # noqa: F401  (fixtures used by name)
    browser,
    page,
    server,
    sign_in,
)
from tests.e2e.test_admin_browser import shot as panel_shot
from tests.e2e.workbench import shot, workbench_page
from tests.e2e.workbench import sign_in as workbench_sign_in

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = [pytest.mark.e2e, pytest.mark.browser]

TEMPLATE = "客户投诉跨部门处理"


def test_a_required_choice_field_from_the_panel_is_rendered_and_enforced(
    page: Page,  # noqa: F811
    browser: Browser,  # noqa: F811
    server: str,  # noqa: F811
) -> None:
    # given the admin adds a required choice field to the complaint template in the panel
    sign_in(page, "admin", "demo")
    page.goto("/admin/template-form-field/create")
    page.click("#template + .select2 .select2-selection")
    page.fill(".select2-container--open .select2-search__field", "客户投诉")
    page.click(f".select2-results__option:has-text('{TEMPLATE}')")
    page.fill("input[name=key]", "defectSource")
    page.fill("input[name=label]", "问题来源")
    page.fill("input[name=label_en]", "Defect source")
    page.select_option("select[name=field_type]", "CHOICE")
    page.check("input[name=required]")
    page.fill(
        "textarea[name=options_text]",
        "factory|生产环节|Factory\ntransport|运输环节|Transport",
    )
    page.fill("input[name=help_text]", "不确定时选最可能的环节")
    page.click("button[data-testid=save]")
    page.wait_for_url("**/admin/template-form-field/list**")
    panel_shot(page, "30-panel-field-for-workbench")

    with workbench_page(browser, server) as staff:
        # when service staff starts a requirement from that template
        workbench_sign_in(staff, "service_staff")
        staff.goto("/requirements/new")
        staff.get_by_text(TEMPLATE).click()
        staff.get_by_test_id("template-next").click()
        staff.get_by_label("需求名称").fill("B2025批次包装破损投诉处理")
        staff.get_by_label("需求目标").fill("三个工作日内给客户处理方案")
        staff.get_by_label("交付物").fill("原因分析与赔付方案")
        staff.get_by_label("验收标准").fill("客户确认方案")
        # then the field is there, marked required, with its help
        assert staff.locator(".ant-form-item-required", has_text="问题来源").count() == 1
        assert staff.get_by_text("不确定时选最可能的环节").first.is_visible()
        # and submitting without it is refused on the field
        staff.get_by_role("button", name="提交审核").click()
        staff.get_by_text("请填写问题来源").wait_for()
        shot(staff, "20-panel-field-enforced")
        # when an option is chosen (the options are the panel's), it is accepted
        staff.get_by_label("问题来源").click()
        options = staff.locator(".ant-select-dropdown:visible .ant-select-item-option")
        # (a retrying check: the dropdown is still opening when its first option appears)
        expect(options).to_have_text(["生产环节", "运输环节"])
        options.filter(has_text="运输环节").click()
        staff.get_by_role("button", name="提交审核").click()
        staff.wait_for_url(re.compile(r"/requirements/XQ\d+"))
        staff.get_by_role("heading", name="B2025批次包装破损投诉处理").wait_for()
        assert "问题来源" in staff.inner_text("body")
        staff.locator(".ant-descriptions-item", has_text="问题来源").get_by_text(
            "运输环节"
        ).wait_for()
        shot(staff, "21-panel-field-submitted")
