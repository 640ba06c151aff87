"""@mentions in the workbench: typing a name completes the username, and the person is told.

The designer types "@周" in a task's comment box, picks 周杰 of sales from the list the API
gives for the name, and sends; the comment carries "@sales_head", and the sales head has a
MENTION notification.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest

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

MENTIONS = "{ notifications(first: 20) { edges { node { kind body } } } }"


def test_a_mention_is_completed_by_name_and_notifies(
    browser: Browser,  # noqa: F811
    server: str,  # noqa: F811
) -> None:
    with workbench_page(browser, server) as page:
        # given the designer on the Q3 key-visual task
        sign_in(page, "design_staff")
        # (待办事项 with tasks and their progress bars has nothing serious for axe)
        assert serious_accessibility_violations(page) == []
        page.get_by_test_id("work-tasks").get_by_role("link", name=re.compile("主视觉")).click()
        page.get_by_role("heading", name=re.compile("主视觉")).wait_for()
        # when they type "@周" in the comment box
        box = page.get_by_role("textbox", name="发表评论")
        box.click()
        box.press_sequentially("请@")
        # (Chinese arrives as inserted text, as from an input method; the key-up after it
        # is what makes the box look the name up)
        page.keyboard.insert_text("周")
        box.press("End")
        # then the people called 周… are offered by name, and picking one inserts the username
        option = page.locator(
            ".ant-mentions-dropdown:visible .ant-mentions-dropdown-menu-item", has_text="周杰"
        )
        option.first.wait_for()
        shot(page, "80-mention-completion")
        option.first.click()
        assert re.search(r"@sales_head\s", box.input_value()), box.input_value()
        box.press_sequentially("确认邀约名单")
        assert serious_accessibility_violations(page) == []
        page.get_by_role("button", name="发表评论").click()
        # and the comment is listed with the mention
        page.get_by_text(re.compile("请 ?@sales_head 确认邀约名单")).wait_for()
    kinds = graphql(server, "sales_head", MENTIONS, {})["notifications"]["edges"]
    assert any(edge["node"]["kind"] == "MENTION" for edge in kinds), kinds
