"""需求看板 in the workbench: a requirement's board and the departments' reports as charts.

The CEO reads every department's tasks by status as a chart and a table and downloads the
CSV through a signed link; a head reads only the departments they head or belong to; a
member of staff is told reports are not for them. The Q3 launch's own board counts its
tasks at a phone's width. The chart library is loaded only with a board. axe-core finds
nothing serious. Screenshots go to ``test-artifacts/workbench/``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.e2e.test_admin_browser import browser  # noqa: F401  (fixture used by name)
from tests.e2e.test_workbench_files import Q3, server  # noqa: F401  (fixture used by name)
from tests.e2e.workbench import (
    PHONE,
    graphql,
    serious_accessibility_violations,
    shot,
    sign_in,
    workbench_page,
)

if TYPE_CHECKING:
    from playwright.sync_api import Browser

pytestmark = [pytest.mark.e2e, pytest.mark.browser]


def test_the_ceo_reads_every_department_as_a_chart_and_downloads_the_csv(
    browser: Browser,  # noqa: F811
    server: str,  # noqa: F811
) -> None:
    with workbench_page(browser, server) as page:
        # given the CEO signed in
        sign_in(page, "ceo")
        # when they open 需求看板
        page.get_by_role("menuitem", name="需求看板").click()
        status = page.get_by_test_id("board-status")
        status.locator(".recharts-surface").first.wait_for()
        # then every department with tasks is charted and tabled
        table = status.locator(".ant-table").inner_text()
        for department in ("市场部", "设计部", "销售部", "财务部"):
            assert department in table, department
        assert serious_accessibility_violations(page) == []
        shot(page, "50-board-ceo")
        # when they download the CSV: a signed link, a UTF-8 file Excel opens
        with page.expect_download() as pending:
            status.get_by_role("button", name="下载 CSV").click()
        assert "sig=" in pending.value.url
        content = Path(pending.value.path()).read_bytes()
        assert content.startswith(b"\xef\xbb\xbf")
        assert "departmentName" in content.decode("utf-8-sig").splitlines()[0]


def test_a_head_reads_their_departments_and_staff_are_told_no(
    browser: Browser,  # noqa: F811
    server: str,  # noqa: F811
) -> None:
    with workbench_page(browser, server) as head:
        # given the finance head on 需求看板
        sign_in(head, "finance_head")
        head.goto("/board")
        rows = head.get_by_test_id("board-status").locator(".ant-table-row")
        rows.first.wait_for()
        # then only finance's figures are there
        assert rows.all_inner_texts() and all("财务部" in row for row in rows.all_inner_texts())
        shot(head, "51-board-head")
    with workbench_page(browser, server) as staff:
        # given a member of staff: the API's refusal, in words, not a blank screen
        sign_in(staff, "sales_staff")
        staff.goto("/board")
        staff.get_by_text("仅管理层、BI和部门负责人可查看报表").wait_for()


def test_a_requirement_board_counts_its_tasks_on_a_phone(
    browser: Browser,  # noqa: F811
    server: str,  # noqa: F811
) -> None:
    found = graphql(
        server,
        "market_staff",
        "{ requirements(first: 50) { edges { node { code title tasks { id } } } } }",
        {},
    )
    q3 = next(e["node"] for e in found["requirements"]["edges"] if e["node"]["title"] == Q3)
    with workbench_page(browser, server, viewport=PHONE) as page:
        # given the initiator on the Q3 launch's page, on a phone
        sign_in(page, "market_staff")
        page.goto(f"/requirements/{q3['code']}")
        board = page.get_by_test_id("requirement-board")
        board.locator(".recharts-surface").wait_for()
        # then its board counts the tasks, and the page fits and passes axe
        total = board.locator(".ant-statistic", has_text="总任务").inner_text()
        assert str(len(q3["tasks"])) in total
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        assert serious_accessibility_violations(page) == []
        shot(page, "52-phone-requirement-board")
