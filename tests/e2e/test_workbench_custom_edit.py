"""Editing a draft's admin-defined fields (自定义字段) in the workbench.

The admin has added a channel (a choice), a budget (a number) and a contact person to the
requirement form; market staff's draft holds values for all three. Her edit form shows them
filled in; she changes the channel to one the admin withdraws meanwhile, and the server's
BAD_USER_INPUT appears under that field; she picks a channel still offered, raises the
budget, clears the contact, and saves: the requirement holds exactly that.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

from tests.e2e.test_admin_browser import browser  # noqa: F401  (fixture used by name)
from tests.e2e.test_workbench_files import server  # noqa: F401  (fixture used by name)
from tests.e2e.workbench import (
    PHONE,
    graphql,
    serious_accessibility_violations,
    shot,
    sign_in,
    workbench_page,
)

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Locator, Page

pytestmark = [pytest.mark.e2e, pytest.mark.browser]

ADD_FIELD = """mutation($input: CreateFormFieldInput!) { createFormField(input: $input) { key } }"""
CHANGE_FIELD = (
    """mutation($input: UpdateFormFieldInput!) { updateFormField(input: $input) { key } }"""
)
CREATE = """mutation($i: CreateRequirementInput!) { createRequirement(input: $i) { code } }"""
VALUES = """query($code: String!) { requirement(code: $code) { customFields {
  key textValue numberValue choices { value } user { username } } } }"""
ONLINE = {"value": "online", "label": "线上", "labelEn": "Online"}
OFFLINE = {"value": "offline", "label": "线下", "labelEn": "Offline"}


def _option(page: Page, text: str) -> Locator:
    return page.locator(f'.ant-select-dropdown:visible .ant-select-item-option[title^="{text}"]')


def test_the_initiator_edits_custom_values_and_sees_the_servers_refusal_on_the_field(
    browser: Browser,  # noqa: F811
    server: str,  # noqa: F811
) -> None:
    # given three fields on the requirement form and a draft holding a value in each
    fields: list[dict[str, Any]] = [
        {"key": "channel", "label": "推广渠道", "type": "CHOICE", "options": [ONLINE, OFFLINE]},
        {"key": "budgetWan", "label": "预算（万元）", "type": "NUMBER", "required": True},
        {"key": "liaison", "label": "对接人", "type": "USER"},
    ]
    for field in fields:
        graphql(server, "admin", ADD_FIELD, {"input": {**field, "position": 9000}})
    form = graphql(server, "admin", "{ requirementForm { fields { id key } } }", {})
    channel = next(f["id"] for f in form["requirementForm"]["fields"] if f["key"] == "channel")
    people = graphql(
        server, "admin", '{ users(filter: {text: "sales_staff"}) { edges { node { id } } } }', {}
    )
    departments = graphql(server, "market_staff", "{ departments { id code } }", {})["departments"]
    sales = next(d["id"] for d in departments if d["code"] == "sales")
    values = {
        "channel": "offline",
        "budgetWan": "12.5",
        "liaison": people["users"]["edges"][0]["node"]["id"],
    }
    code = graphql(
        server,
        "market_staff",
        CREATE,
        {
            "i": {
                "title": "华东区经销商大会",
                "involvedDepartmentIds": [sales],
                "customFields": values,
            }
        },
    )["createRequirement"]["code"]

    with workbench_page(browser, server, viewport=PHONE) as page:
        # when its initiator opens the edit form, on a phone
        sign_in(page, "market_staff")
        page.goto(f"/requirements/{code}/edit")
        # then the custom fields are filled in with the stored values
        page.get_by_test_id("custom-channel").get_by_text("线下").wait_for()
        assert page.get_by_label("预算（万元）").input_value() == "12.5"
        page.get_by_test_id("custom-liaison").get_by_text("吴静").wait_for()
        assert serious_accessibility_violations(page) == []
        shot(page, "95-custom-fields-edit")
        # when the admin withdraws 线下 while she picks it again and raises the budget
        graphql(server, "admin", CHANGE_FIELD, {"input": {"id": channel, "options": [ONLINE]}})
        page.get_by_label("预算（万元）").fill("20")
        page.get_by_role("button", name="保存修改").click()
        # then the server's refusal is shown under the channel, and nothing was saved
        refusal = page.get_by_test_id("custom-channel").locator(".ant-form-item-explain-error")
        refusal.get_by_text("不是可选项之一").wait_for()
        assert "/edit" in page.url
        shot(page, "96-custom-field-refused")
        # when she picks 线上, clears the contact person and saves
        page.get_by_test_id("custom-channel").locator(".ant-select-selector").click()
        _option(page, "线上").click()
        page.get_by_test_id("custom-liaison").hover()
        page.get_by_test_id("custom-liaison").locator(".ant-select-clear").click()
        page.get_by_role("button", name="保存修改").click()
        # then the requirement's page shows the new values
        page.get_by_role("heading", name="华东区经销商大会").wait_for()
        page.get_by_text("线上", exact=True).wait_for()
    stored = graphql(server, "market_staff", VALUES, {"code": code})["requirement"]["customFields"]
    by_key = {value["key"]: value for value in stored}
    assert by_key["channel"]["choices"] == [{"value": "online"}]
    assert by_key["budgetWan"]["numberValue"] == "20"
    assert "liaison" not in by_key or by_key["liaison"]["user"] is None
