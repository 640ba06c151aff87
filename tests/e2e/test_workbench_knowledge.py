"""知识库 in the workbench: archives found by Chinese words and read read-only.

An employee searches with Chinese words and opens the archived smart-thermostat study as
its snapshot (form, tasks, result report); a word that occurs nowhere finds nothing, said
so. Its initiator also reaches the requirement page, which offers no upload any more. At a
phone's width, with axe-core finding nothing serious.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from tests.e2e.test_admin_browser import browser  # noqa: F401  (fixture used by name)
from tests.e2e.test_workbench_files import server  # noqa: F401  (fixture used by name)
from tests.e2e.workbench import (
    PHONE,
    serious_accessibility_violations,
    shot,
    sign_in,
    workbench_page,
)

if TYPE_CHECKING:
    from playwright.sync_api import Browser

pytestmark = [pytest.mark.e2e, pytest.mark.browser]

ARCHIVED = "智能温控器新品立项调研"


def test_archives_are_found_by_chinese_words_and_read_read_only(
    browser: Browser,  # noqa: F811
    server: str,  # noqa: F811
) -> None:
    with workbench_page(browser, server, viewport=PHONE) as page:
        # given an employee in 知识库
        sign_in(page, "rnd_staff")
        page.goto("/knowledge")
        # when they search with two Chinese words
        page.get_by_label("搜索", exact=True).fill("温控器 立项")
        page.get_by_label("搜索", exact=True).press("Enter")
        # then the archived study is found
        page.get_by_text("找到 1 条归档").wait_for()
        assert serious_accessibility_violations(page) == []
        shot(page, "60-phone-knowledge-search")
        # when a word that occurs nowhere is searched, nothing is found, and it says so
        page.get_by_label("搜索", exact=True).fill("不存在的词语组合")
        page.get_by_label("搜索", exact=True).press("Enter")
        page.get_by_text("没有匹配的归档").wait_for()
        # when the study is searched again and opened
        page.get_by_label("搜索", exact=True).fill("温控器")
        page.get_by_label("搜索", exact=True).press("Enter")
        page.get_by_role("link", name=ARCHIVED).click()
        # then it reads read-only, with its summary
        page.get_by_role("heading", name=ARCHIVED).wait_for()
        page.get_by_text("归档记录（只读）").wait_for()
        assert "调研按期完成，建议立项。" in page.inner_text("body")
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        assert serious_accessibility_violations(page) == []
        shot(page, "61-phone-archive")
        # and its initiator reaches the requirement page, where no file can be added
        page.get_by_role("link", name="查看需求页").click()
        page.get_by_text("已归档").first.wait_for()
        assert page.get_by_role("button", name="上传文件").count() == 0
        # and the result report reads there, with no form to write another
        report = page.get_by_test_id("result-report")
        assert "调研按期完成，建议立项，目标上市时间明年Q2。" in report.inner_text()
        assert report.get_by_role("button").count() == 0
