"""The source's Q3 launch case played through the workbench alone, one browser per person.

市场部 (李明) raises "2026年Q3新品上市推广方案" from the 新建需求 form, involving 销售部 and
设计部, and submits it. The sales head (周杰), whose 待办事项 is open, sees it arrive and
rejects it for a missing cost estimate; the initiator edits the deliverables and submits
again; both heads approve, each claiming a task. The admin confirms initiation in the panel
(/admin, a real click), which turns the claims into draft tasks; the initiator gives each one
responsible person and a deadline on the task page. The designer (郭晨) starts, reports
progress and @mentions R&D's 赵磊 by name; 赵磊's already-open page gets the notification
(badge and list) over the graphql-ws subscription without a reload. The designer uploads the
posters and submits them as the result; the initiator rejects them once, the designer
resubmits, and the acceptance group (initiator and both heads, 会签) accepts both tasks. The
initiator writes the result report, the admin archives in the panel, and an employee finds
the record in 知识库 by Chinese words and reads it read-only.

No step uses GraphQL outside the browser: every write is a click in a screen. Every request
to another host is aborted (none may be made). Screenshots go to a folder the test prints.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import ExitStack
from datetime import timedelta
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from core import clock
from tests.e2e.processes import crossflow_process, free_port, wait_until_ready
from tests.e2e.test_admin_browser import browser  # noqa: F401  (fixture used by name)
from tests.e2e.test_admin_browser import sign_in as panel_sign_in
from tests.e2e.workbench import sign_in, workbench_page

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Locator, Page

pytestmark = [pytest.mark.e2e, pytest.mark.browser]

TITLE = "2026年Q3新品上市推广方案"
VISUAL = "设计部：完成新品发布海报三套"
INVITATIONS = "销售部：整理经销商邀约名单"
REJECTION = "预算未明确，需补充成本测算"
LIVE = 30_000  # ms a live update over the subscription may take on two busy cores


@pytest.fixture
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A fresh ``crossflow demo`` (SQLite, in-process worker) of its own for the case, and
    for its retry after a browser timeout: the case raises its requirement, so a retry on
    the first attempt's server would find two of the same title."""
    folder = tmp_path_factory.mktemp("workbench-q3")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = folder / "demo.log"
    with crossflow_process(["demo", "--port", str(port)], {}, folder, log) as process:
        wait_until_ready(base, process, log)
        yield base


class Shots:
    """Full-page screenshots of the main steps, numbered, into one folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.count = 0
        folder.mkdir(parents=True, exist_ok=True)
        print(f"\nQ3 launch screenshots: {folder}")

    def __call__(self, page: Page, name: str) -> None:
        self.count += 1
        page.evaluate("document.fonts.ready.then(() => true)")
        page.evaluate("window.scrollTo(0, 0)")
        page.wait_for_timeout(300)  # (animations settle; not a wait for data)
        page.screenshot(path=str(self.folder / f"{self.count:02d}-{name}.png"), full_page=True)


def _pick(page: Page, label: str, option: str) -> None:
    """Type ``option`` into the Ant Design select labelled ``label`` and choose it."""
    page.get_by_label(label, exact=True).click()
    page.get_by_label(label, exact=True).fill(option)
    page.locator(".ant-select-dropdown:visible .ant-select-item-option", has_text=option).click()


def _date(page: Page, label: str, day: str) -> None:
    page.get_by_label(label, exact=True).fill(day)
    page.get_by_label(label, exact=True).press("Enter")


def _my_work(page: Page) -> None:
    page.get_by_role("menuitem", name=re.compile("待办事项")).click()
    page.get_by_role("heading", name="待办事项").wait_for()


def _open_from_my_work(page: Page, section: str, name: str) -> None:
    """Open ``name`` from a section of 待办事项 (waiting for it: it may arrive live)."""
    _my_work(page)
    link = page.get_by_test_id(section).get_by_role("link", name=re.compile(name))
    link.wait_for(timeout=LIVE)
    link.click()
    page.wait_for_url(re.compile(r"/(tasks|requirements)/[A-Z]+\d"))


def _review(page: Page, *, approve: bool, comment: str, claim: str | None = None) -> None:
    """As a head on the requirement page: decide, with a comment and perhaps a claim."""
    card = page.get_by_test_id("review-card")
    card.get_by_label("审核意见").fill(comment)
    if claim:
        card.get_by_label("认领任务").fill(claim)
        card.get_by_label("认领任务").press("Enter")
    card.get_by_role("button", name=re.compile("同\\s*意" if approve else "驳\\s*回")).click()
    # the sign-off is acknowledged, or the card says why it was refused
    refusal = card.locator(".ant-alert-error")
    page.get_by_text("审核已提交").or_(refusal).first.wait_for()
    assert refusal.count() == 0, refusal.inner_text()
    page.get_by_test_id("review-timeline").get_by_text(comment).wait_for()


def _accept(page: Page, task: str) -> None:
    """As a member of the acceptance group: accept ``task``'s submitted result."""
    _open_from_my_work(page, "work-acceptances", task)
    page.get_by_role("heading", name=task).wait_for()
    page.get_by_label("验收意见").fill("符合验收标准")
    page.get_by_role("button", name="确认完成").click()
    page.get_by_text("已保存").last.wait_for()
    _my_work(page)
    acceptances = page.get_by_test_id("work-acceptances")
    acceptances.get_by_role("link", name=re.compile(task)).wait_for(state="detached")


def _panel_action(page: Page, action: str) -> Locator:
    """Run a row action on the case's requirement in the admin panel; the alert shown."""
    page.goto("/admin/requirement/list")
    row = page.locator("tr", has_text=TITLE)
    row.locator(f"a[data-sa-name={action}]").click()
    page.click("#actionSubmit")
    alert = page.locator("#alertContainer .alert")
    alert.wait_for()
    return alert


def test_the_q3_launch_case_through_the_workbench(
    browser: Browser,  # noqa: F811
    server: str,
    tmp_path: Path,
) -> None:
    shot = Shots(tmp_path / "q3-launch")
    today = clock.today()
    with ExitStack() as stack:
        person = partial(_signed_in, stack, browser, server, shot.folder)

        # given the two heads' 待办事项 open, with nothing from market yet
        sales_head = person("sales_head")
        design_head = person("design_head")
        assert TITLE not in sales_head.inner_text("body")

        # when market staff raises the Q3 launch from the blank 新建需求 form and submits
        market = person("market_staff")
        market.get_by_role("menuitem", name="新建需求").click()
        market.get_by_test_id("template-next").click()
        market.get_by_label("需求名称").fill(TITLE)
        _pick(market, "涉及部门", "销售部")
        _pick(market, "涉及部门", "设计部")
        market.keyboard.press("Escape")
        market.get_by_label("需求背景").fill("Q3新品即将上市，需要跨部门协同完成推广方案")
        market.get_by_label("需求目标").fill("上市首月销量达到5000台")
        market.get_by_label("交付物").fill("推广方案PPT+预算表")
        market.get_by_label("验收标准").fill("推广方案需包含3个渠道策略及预算明细")
        market.get_by_label("数据需求").fill("2026年Q2各渠道销售数据")
        _date(market, "期望完成日期", str(today + timedelta(days=40)))
        shot(market, "market-new-requirement-form")
        market.get_by_role("button", name="提交审核").click()
        # then its page shows it pending review, with both departments
        market.wait_for_url(re.compile(r"/requirements/XQ\d+$"))
        code = market.url.rsplit("/", 1)[-1]
        market.get_by_role("heading", name=TITLE).wait_for()
        market.get_by_text("待审核").first.wait_for()
        departments = market.locator(".ant-card", has_text="涉及部门").inner_text()
        assert "销售部" in departments and "设计部" in departments
        shot(market, "market-submitted")

        # when the sales head, whose page was open, opens it from 待我审核 (arrived live)
        _open_from_my_work(sales_head, "work-reviews", TITLE)
        sales_head.get_by_test_id("review-card").wait_for()
        # and rejects it with the changes wanted
        _review(sales_head, approve=False, comment=REJECTION)
        # then it goes back to the initiator for changes
        sales_head.get_by_text("待修改").first.wait_for()
        shot(sales_head, "sales-head-rejected")

        # when the initiator opens it again, edits the deliverables and resubmits
        _open_from_my_work(market, "work-mine", TITLE)
        market.get_by_text("待修改").first.wait_for()
        market.get_by_test_id("review-timeline").get_by_text(REJECTION).wait_for()
        market.get_by_role("link", name="编辑").click()
        market.get_by_label("交付物").fill("推广方案PPT+预算表+成本测算")
        shot(market, "market-edits-after-rejection")
        market.get_by_role("button", name="保存修改").click()
        market.wait_for_url(f"**/requirements/{code}")
        market.get_by_text("推广方案PPT+预算表+成本测算").wait_for()
        market.get_by_role("button", name="提交审核").click()
        # then a second round is open
        market.get_by_text("第2轮").wait_for()
        market.get_by_text("待审核").first.wait_for()

        # when both heads approve, each claiming a task
        _open_from_my_work(design_head, "work-reviews", TITLE)
        _review(design_head, approve=True, comment="同意，设计部负责海报", claim=VISUAL)
        _open_from_my_work(sales_head, "work-reviews", TITLE)
        _review(sales_head, approve=True, comment="成本测算已补充，同意", claim=INVITATIONS)
        # then the requirement is approved, both sign-offs on the timeline with their claims
        sales_head.get_by_text("已通过").first.wait_for()
        timeline = sales_head.get_by_test_id("review-timeline").inner_text()
        for text in (REJECTION, VISUAL, INVITATIONS, "第1轮", "第2轮"):
            assert text in timeline, text
        shot(sales_head, "both-heads-approved")

        # when the admin confirms initiation in the panel (a real click on the row action)
        admin = _page(stack, browser, server, shot.folder, "admin")
        panel_sign_in(admin, "admin", "demo")
        alert = _panel_action(admin, "confirm")
        assert "alert-success" in (alert.get_attribute("class") or ""), alert.inner_text()
        admin.goto("/admin/requirement/list")
        assert "已立项" in admin.locator("tr", has_text=TITLE).inner_text()
        shot(admin, "admin-confirmed-in-panel")

        # then the claims are the draft tasks on the initiator's page, nobody responsible yet
        market.goto(f"/requirements/{code}")
        market.get_by_text("已立项").first.wait_for()
        market.get_by_role("link", name=re.compile(VISUAL)).wait_for()
        market.get_by_role("link", name=re.compile(INVITATIONS)).wait_for()
        # when the initiator gives each a responsible person and a deadline
        for task, assignee in ((VISUAL, "郭晨"), (INVITATIONS, "吴静")):
            market.goto(f"/requirements/{code}")
            market.get_by_role("link", name=re.compile(task)).click()
            card = market.get_by_test_id("assign-task")
            card.wait_for()
            _pick(market, "责任人", assignee)
            market.get_by_label("截止时间", exact=True).fill(str(today + timedelta(days=7)))
            if task == VISUAL:
                shot(market, "initiator-assigns-task")
            # (Enter in the date field takes the date and sends the form, as a keyboard
            # user does; the button is the mouse's way)
            if task == VISUAL:
                market.get_by_label("截止时间", exact=True).press("Enter")
            else:
                market.get_by_label("截止时间", exact=True).press("Escape")
                card.get_by_role("button", name="确认分配").click()
            market.get_by_text("任务已分配，责任人已收到通知").first.wait_for()
            # then the task names its responsible person (who may now start it)
            market.locator(".ant-descriptions-item", has_text="责任人").get_by_text(
                assignee
            ).wait_for()

        # given R&D's 赵磊 with 待办事项 open, marked so that a reload would show
        rnd = person("rnd_staff")
        rnd.evaluate("window.__q3NotReloaded = true")
        bell = rnd.get_by_test_id("notification-bell")
        unread = int(re.sub(r"\D", "", bell.get_attribute("aria-label") or "") or 0)

        # when the designer starts the poster task and reports concrete progress
        designer = person("design_staff")
        _open_from_my_work(designer, "work-tasks", VISUAL)
        designer.get_by_role("heading", name=VISUAL).wait_for()
        designer.get_by_role("button", name="开始任务").click()
        designer.get_by_text("进行中").first.wait_for()
        designer.get_by_label("完成百分比").fill("50")
        designer.get_by_label("进展说明").fill("已完成两套风格草图")
        designer.get_by_label("遇到的问题").fill("缺少产品高清渲染图")
        designer.get_by_label("需要的支持").fill("需研发部提供3D渲染图")
        designer.get_by_role("button", name="提交进度").click()
        designer.get_by_text("50% · ").first.wait_for()
        # and mentions 赵磊 of R&D by name in a comment
        box = designer.get_by_role("textbox", name="发表评论")
        box.click()
        box.press_sequentially("@")
        designer.keyboard.insert_text("赵")  # (as an input method inserts it)
        box.press("End")
        designer.locator(
            ".ant-mentions-dropdown:visible .ant-mentions-dropdown-menu-item", has_text="赵磊"
        ).first.click()
        assert re.search(r"@rnd_staff\s", box.input_value()), box.input_value()
        box.press_sequentially("请本周内提供3D渲染图")
        designer.get_by_role("button", name="发表评论").click()
        designer.get_by_text(re.compile("@rnd_staff ?请本周内提供3D渲染图")).wait_for()
        shot(designer, "designer-progress-and-mention")

        # then 赵磊's open page shows it without a reload: a toast, the badge, the list
        rnd.locator(".ant-notification-notice").first.wait_for(timeout=LIVE)
        rnd.wait_for_function(
            "([n]) => Number((document.querySelector('[data-testid=notification-bell]')"
            ".getAttribute('aria-label').match(/\\d+/) || ['0'])[0]) > n",
            arg=[unread],
            timeout=LIVE,
        )
        assert rnd.evaluate("window.__q3NotReloaded === true"), "the page was reloaded"
        bell.click()
        listing = rnd.get_by_test_id("notification-list")
        listing.get_by_text(re.compile("请本周内提供3D渲染图")).first.wait_for()
        shot(rnd, "rnd-live-mention-notification")

        # when the designer uploads the posters and submits them as the result
        posters = tmp_path / "Q3新品海报.pdf"
        posters.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n")
        attachments = designer.get_by_test_id("attachments")
        attachments.get_by_label("变更说明").fill("三套海报初稿")
        attachments.locator("input[type=file]").set_input_files(str(posters))
        designer.get_by_text("文件已上传").last.wait_for()
        _submit_result(designer, "三套海报方案，见附件", posters.name)
        shot(designer, "designer-submitted-result")

        # when the initiator, in the acceptance group, rejects it once with what to change
        _open_from_my_work(market, "work-acceptances", VISUAL)
        market.get_by_label("验收意见").fill("竖版需适配手机海报")
        market.get_by_role("button", name="驳回成果").click()
        # then the task is back in progress, the rejection on its results
        market.get_by_text("进行中").first.wait_for()
        market.get_by_text("竖版需适配手机海报").wait_for()
        shot(market, "initiator-rejected-result")

        # when the designer resubmits, and the sales task is done as well
        designer.reload()
        designer.get_by_text("竖版需适配手机海报").wait_for()
        _submit_result(designer, "已适配竖版手机海报", posters.name)
        seller = person("sales_staff")
        _open_from_my_work(seller, "work-tasks", INVITATIONS)
        seller.get_by_role("button", name="开始任务").click()
        seller.get_by_text("进行中").first.wait_for()
        seller.get_by_label("成果说明").fill("经销商邀约名单120家")
        seller.get_by_role("button", name="提交成果").click()
        seller.get_by_text("待验收").first.wait_for()
        # and the acceptance group (initiator and both heads, 会签) accepts both tasks
        for member in (market, design_head, sales_head):
            # (once both are listed: a list that grows under the pointer takes the click
            # to the other task)
            _my_work(member)
            listed = member.get_by_test_id("work-acceptances")
            for task in (VISUAL, INVITATIONS):
                listed.get_by_role("link", name=re.compile(task)).wait_for(timeout=LIVE)
            for task in (VISUAL, INVITATIONS):
                _accept(member, task)
        # then both tasks are completed
        market.goto(f"/requirements/{code}")
        tasks = market.locator(".ant-card", has_text="任务名称")
        tasks.get_by_text("已完成").nth(1).wait_for()
        assert "已驳回" not in tasks.inner_text()

        # when the initiator writes the result report
        report = market.get_by_test_id("result-report")
        report.get_by_label("目标达成").fill("推广方案按期交付，首月销量5200台")
        report.get_by_label("各部门贡献").fill("设计部发布海报；销售部经销商邀约")
        report.get_by_label("问题与改进").fill("渲染图提供较晚")
        shot(market, "initiator-writes-report")
        report.get_by_role("button", name="提交成果报告").click()
        # then the requirement is completed, the report shown
        market.get_by_text("成果报告已提交，需求已完成").wait_for()
        report.get_by_text("推广方案按期交付，首月销量5200台").wait_for()
        market.get_by_text("已完成").first.wait_for()

        # when the admin archives it in the panel
        alert = _panel_action(admin, "archive")
        assert "alert-success" in (alert.get_attribute("class") or ""), alert.inner_text()
        admin.goto("/admin/requirement/list")
        assert "已归档" in admin.locator("tr", has_text=TITLE).inner_text()
        shot(admin, "admin-archived-in-panel")

        # then an employee finds it in 知识库 by Chinese words and reads it read-only
        rnd.get_by_role("menuitem", name=re.compile("知识库")).click()
        search = rnd.get_by_label("搜索", exact=True)
        search.fill("推广 成本测算")
        search.press("Enter")
        rnd.get_by_text("找到 1 条归档").wait_for()
        shot(rnd, "knowledge-search")
        rnd.get_by_role("link", name=TITLE).click()
        rnd.get_by_role("heading", name=TITLE).wait_for()
        rnd.get_by_text("归档记录（只读）").wait_for()
        body = rnd.inner_text("body")
        for text in ("推广方案按期交付，首月销量5200台", VISUAL, INVITATIONS):
            assert text in body, text
        assert rnd.get_by_role("textbox").count() == 0
        shot(rnd, "archive-read-only")
        # and on its requirement page nothing can be changed any more
        market.reload()
        market.get_by_text("已归档").first.wait_for()
        assert market.get_by_role("button", name="上传文件").count() == 0
        assert market.get_by_test_id("result-report").get_by_role("button").count() == 0


def _page(stack: ExitStack, chromium: Browser, server: str, folder: Path, username: str) -> Page:
    """A page in a browser context of the person's own; when the test fails, its screen is
    kept as ``failed-<username>.png`` beside the step screenshots (to see who saw what)."""
    page = stack.enter_context(workbench_page(chromium, server))

    def keep_screen_on_failure(failure: type[BaseException] | None, *_: object) -> None:
        if failure is not None and not page.is_closed():
            page.screenshot(path=str(folder / f"failed-{username}.png"), full_page=True)

    stack.push(keep_screen_on_failure)
    return page


def _signed_in(
    stack: ExitStack, chromium: Browser, server: str, folder: Path, username: str
) -> Page:
    """A person signed in through the workbench's form in a browser context of their own."""
    page = _page(stack, chromium, server, folder, username)
    sign_in(page, username)
    return page


def _submit_result(page: Page, note: str, file_name: str) -> None:
    """As the assignee on the task page: submit ``note`` with the uploaded file."""
    page.get_by_label("成果说明").fill(note)
    page.get_by_label("成果文件").click()
    page.locator(".ant-select-dropdown:visible .ant-select-item-option", has_text=file_name).click()
    page.keyboard.press("Escape")
    page.get_by_role("button", name="提交成果").click()
    page.get_by_text("待验收").first.wait_for()
    # the result lists the file it delivers
    page.get_by_text(f"成果文件: {file_name}").first.wait_for()
