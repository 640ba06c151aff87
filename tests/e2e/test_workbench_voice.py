"""Feedback, suggestions and delegations in the workbench.

A participant of the finished smart-thermostat study fills the feedback form its page
offers (refused without content, then sent, after which it leaves 待办事项); an employee
proposes an improvement; a head names a delegate for an absence and revokes it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from playwright.sync_api import expect

from tests.e2e.test_admin_browser import browser  # noqa: F401  (fixture used by name)
from tests.e2e.test_workbench_files import server  # noqa: F401  (fixture used by name)
from tests.e2e.workbench import (
    graphql,
    serious_accessibility_violations,
    shot,
    sign_in,
    workbench_page,
)

if TYPE_CHECKING:
    from playwright.sync_api import Browser

pytestmark = [pytest.mark.e2e, pytest.mark.browser]

MY_FEEDBACK = "{ myWork { feedback { code title } } }"


def test_a_participant_gives_feedback_once_from_the_requirement_page(
    browser: Browser,  # noqa: F811
    server: str,  # noqa: F811
) -> None:
    # given a finished requirement awaiting the initiator's feedback
    awaited = graphql(server, "rnd_staff", MY_FEEDBACK, {})["myWork"]["feedback"]
    assert awaited, "the demo has a finished requirement to give feedback on"
    code = awaited[0]["code"]
    with workbench_page(browser, server) as page:
        sign_in(page, "rnd_staff")
        page.goto(f"/requirements/{code}")
        card = page.get_by_test_id("feedback-card")
        card.wait_for()
        # when it is sent without content, the form says what is missing
        card.get_by_role("button", name="提交反馈").click()
        card.get_by_text("请填写反馈内容").wait_for()
        # when it is filled in and sent
        card.get_by_text("建议", exact=True).click()
        card.get_by_label("反馈内容").fill("生产部评估很快，但用户调研样本偏少")
        card.get_by_label("改进建议").fill("下次调研至少覆盖三个城市")
        assert serious_accessibility_violations(page) == []
        shot(page, "70-feedback-form")
        card.get_by_role("button", name="提交反馈").click()
        # then it is recorded and the form is gone
        page.get_by_text("反馈已提交").wait_for()
        page.get_by_test_id("feedback-card").wait_for(state="detached")
    assert graphql(server, "rnd_staff", MY_FEEDBACK, {})["myWork"]["feedback"] == awaited[1:]


def test_an_employee_suggests_and_a_head_names_and_revokes_a_delegate(
    browser: Browser,  # noqa: F811
    server: str,  # noqa: F811
) -> None:
    with workbench_page(browser, server) as page:
        # given an employee on their account page: a suggestion is sent
        sign_in(page, "sales_staff")
        page.goto("/account")
        suggestion = page.get_by_test_id("suggestion-card")
        suggestion.get_by_role("button", name="提交建议").click()
        suggestion.get_by_text("请填写痛点").wait_for()
        suggestion.get_by_label("痛点").fill("跨部门协作请求常常没人及时回复")
        suggestion.get_by_label("建议方案").fill("协作请求超过一天未回复时自动提醒部门负责人")
        suggestion.get_by_role("button", name="提交建议").click()
        page.get_by_text("建议已提交").wait_for()
        # and an employee is offered no delegation
        assert page.get_by_test_id("delegation-card").count() == 0
    with workbench_page(browser, server) as head:
        # given the sales head on their account page
        sign_in(head, "sales_head")
        head.goto("/account")
        card = head.get_by_test_id("delegation-card")
        # when they name a delegate for a period
        card.get_by_label("代理人").click()
        card.get_by_label("代理人").fill("吴静")  # found on the server by name
        # (the server's answer, not the first page shown before it: under load the click
        # could land on whoever was listed first, a delegate the server then refuses)
        options = head.locator(".ant-select-dropdown:visible .ant-select-item-option")
        options.filter(has_text="吴静").click()
        start = card.get_by_placeholder("开始日期 时间").or_(card.get_by_placeholder("开始日期"))
        start.click()
        start.fill("2027-03-01 09:00")
        start.press("Enter")
        end = card.get_by_placeholder("结束日期 时间").or_(card.get_by_placeholder("结束日期"))
        end.fill("2027-03-05 18:00")
        head.locator(".ant-picker-dropdown:visible .ant-picker-ok button").click()
        expect(start).to_have_value("2027-03-01 09:00")
        expect(end).to_have_value("2027-03-05 18:00")
        card.get_by_label("原因").fill("出差")
        card.get_by_role("button", name="指定代理人").click()
        # then the delegation is listed (no refusal shown), and revoking it marks it revoked
        expect(card.get_by_text("2027-03-01 09:00")).to_be_visible()
        assert card.locator(".ant-alert-error").count() == 0
        assert card.locator(".ant-form-item-explain-error").count() == 0
        assert serious_accessibility_violations(head) == []
        shot(head, "71-delegation")
        card.get_by_role("button", name="撤 销").or_(
            card.get_by_role("button", name="撤销")
        ).click()
        card.get_by_text("已撤销").wait_for()


def test_the_initiator_edits_a_draft_and_only_the_initiator_may(
    browser: Browser,  # noqa: F811
    server: str,  # noqa: F811
) -> None:
    # given a draft of market staff's
    departments = graphql(server, "market_staff", "{ departments { id code } }", {})["departments"]
    sales = next(d["id"] for d in departments if d["code"] == "sales")
    created = graphql(
        server,
        "market_staff",
        "mutation($i: CreateRequirementInput!) { createRequirement(input: $i) { code } }",
        {"i": {"title": "经销商大会筹备", "involvedDepartmentIds": [sales]}},
    )["createRequirement"]["code"]
    with workbench_page(browser, server) as page:
        sign_in(page, "market_staff")
        page.goto(f"/requirements/{created}")
        # when she edits it from its page and saves
        page.get_by_role("link", name="编辑").click()
        page.get_by_label("需求名称").fill("2027年经销商大会筹备")
        page.get_by_label("需求目标").fill("签约经销商30家")
        page.get_by_role("button", name="保存修改").click()
        # then its page shows the new title and goals
        page.get_by_role("heading", name="2027年经销商大会筹备").wait_for()
        page.get_by_text("签约经销商30家").wait_for()
    with workbench_page(browser, server) as other:
        # and anyone else is told the edit is not theirs
        sign_in(other, "admin")
        other.goto(f"/requirements/{created}/edit")
        other.get_by_text("只有发起人可以编辑草稿或待修改的需求").wait_for()
