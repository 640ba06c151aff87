"""People in the workbench: found on the server as one types, mentioned so the server sees
it, and every sign-in refusal explained.

- The delegate picker asks the API (``users(filter: {text})``) for what the head typed,
  instead of filtering a first page of 100 people that a larger company outgrows.
- A mention picked right after a Latin letter ("ok@…") gets a space before its "@": the
  server reads "ok@name" as an e-mail address and would notify nobody.
- A company sign-in refused with ``ACCOUNT_CONFLICT`` says so, in Chinese and in English.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

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
    from playwright.sync_api import Browser, Request

pytestmark = [pytest.mark.e2e, pytest.mark.browser]

MENTIONS = "{ notifications(first: 50) { edges { node { kind body } } } }"


def _searches_for(text: str) -> Callable[[Request], bool]:
    """A predicate for the picker's GraphQL request looking ``text`` up."""

    def matches(request: Request) -> bool:
        if not request.url.endswith("/graphql") or request.method != "POST":
            return False
        body = json.loads(request.post_data or "{}")
        return body.get("operationName") == "PersonSearch" and body["variables"]["text"] == text

    return matches


def test_the_delegate_picker_searches_the_directory_as_the_head_types(
    browser: Browser,  # noqa: F811
    server: str,  # noqa: F811
) -> None:
    with workbench_page(browser, server, viewport=PHONE) as head:
        # given the sales head on their account page, on a phone
        sign_in(head, "sales_head")
        head.goto("/account")
        card = head.get_by_test_id("delegation-card")
        picker = card.get_by_label("代理人")
        picker.click()
        # when they type part of a name
        with head.expect_request(_searches_for("吴")):
            picker.fill("吴")
        # then the server's answer is offered, with department and username
        option = head.locator(
            ".ant-select-dropdown:visible .ant-select-item-option", has_text="吴静"
        )
        option.first.wait_for()
        assert "@sales_staff" in option.first.inner_text()
        # and a name nobody has is answered by the server with nobody
        with head.expect_request(_searches_for("不存在的人")):
            picker.fill("不存在的人")
        head.get_by_text("没有找到此人").wait_for()
        picker.fill("吴")
        option.first.click()
        assert card.get_by_text("吴静").count() >= 1
        assert serious_accessibility_violations(head) == []
        shot(head, "90-delegate-searched")


def test_a_mention_after_a_latin_letter_is_spaced_so_the_server_notifies(
    browser: Browser,  # noqa: F811
    server: str,  # noqa: F811
) -> None:
    before = graphql(server, "sales_staff", MENTIONS, {})["notifications"]["edges"]
    with workbench_page(browser, server) as page:
        # given the designer on the Q3 key-visual task
        sign_in(page, "design_staff")
        page.get_by_test_id("work-tasks").get_by_role("link", name=re.compile("主视觉")).click()
        page.get_by_role("heading", name=re.compile("主视觉")).wait_for()
        box = page.get_by_role("textbox", name="发表评论")
        box.click()
        # when they type "ok@吴" and pick 吴静 from the list
        box.press_sequentially("ok@")
        page.keyboard.insert_text("吴")
        box.press("End")
        option = page.locator(
            ".ant-mentions-dropdown:visible .ant-mentions-dropdown-menu-item", has_text="吴静"
        )
        option.first.wait_for()
        option.first.click()
        # then the box holds "ok @sales_staff", which the server reads as a mention
        assert re.fullmatch(r"ok @sales_staff\s*", box.input_value()), box.input_value()
        box.press_sequentially("样稿已更新")
        page.get_by_role("button", name="发表评论").click()
        page.get_by_text(re.compile("ok @sales_staff 样稿已更新")).wait_for()
    # and the person mentioned is told
    after = graphql(server, "sales_staff", MENTIONS, {})["notifications"]["edges"]
    mentions = [e for e in after if e["node"]["kind"] == "MENTION"]
    assert len(mentions) == len([e for e in before if e["node"]["kind"] == "MENTION"]) + 1


@pytest.mark.parametrize(
    ("locale", "text"),
    [
        ("zh-CN", "同名账号已存在且未关联你的企业账号，请联系管理员处理"),
        ("en-US", "An account of this name exists and is not linked to your company account"),
    ],
)
def test_a_company_sign_in_refused_for_an_account_conflict_says_why(
    browser: Browser,  # noqa: F811
    server: str,  # noqa: F811
    locale: str,
    text: str,
) -> None:
    with workbench_page(browser, server, locale=locale) as page:
        # given the server sent the browser back with the refusal's reason
        page.goto("/#sso_error=ACCOUNT_CONFLICT")
        # then the sign-in page explains it in the browser's language
        page.get_by_role("alert").filter(has_text=text).wait_for()
        assert serious_accessibility_violations(page) == []
        shot(page, f"91-sso-account-conflict-{locale}")
        # and a reason the workbench does not know still says the sign-in failed
        page.goto("/#sso_error=SOMETHING_NEW")
        page.reload()
        failed = (
            "企业账号登录未完成"
            if locale == "zh-CN"
            else "Signing in with the company account failed"
        )
        page.get_by_role("alert").filter(has_text=failed).wait_for()
