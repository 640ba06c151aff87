"""The workbench (协作工作台) in a real browser against a real ``crossflow demo``.

Market staff raises a requirement from the marketing-event template with its admin-defined
fields (refused on the client until they are right), submits it; the sales head, whose page
is open the whole time, sees it arrive in 待办事项 over the live subscription without a
reload, and approves it with a comment and a claimed task. Also: the session survives a
reload and ends with sign-out, a wrong password is explained, the screens fit a phone, and
axe-core finds nothing serious. Every request to another host is aborted (none may be made).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

from tests.e2e.processes import crossflow_process, free_port, wait_until_ready
from tests.e2e.test_admin_browser import browser  # noqa: F401  (fixture used by name)
from tests.e2e.workbench import (
    PHONE,
    graphql,
    serious_accessibility_violations,
    shot,
    sign_in,
    workbench_page,
)

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = [pytest.mark.e2e, pytest.mark.browser]

TEMPLATE = "大型市场活动统筹执行"
TITLE = "2026年度品牌发布会统筹执行"
ADD_FIELD = """mutation($input: CreateFormFieldInput!) { createFormField(input: $input) { key } }"""


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A ``crossflow demo`` whose marketing-event template has admin-defined fields."""
    folder = tmp_path_factory.mktemp("workbench-demo")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = folder / "demo.log"
    with crossflow_process(["demo", "--port", str(port)], {}, folder, log) as process:
        wait_until_ready(base, process, log)
        templates = graphql(base, "admin", "{ requirementTemplates { id key } }", {})
        template = next(
            t["id"] for t in templates["requirementTemplates"] if t["key"] == "marketing-event"
        )
        for field in (
            {
                "key": "venueType",
                "label": "场地类型",
                "labelEn": "Venue type",
                "type": "CHOICE",
                "required": True,
                "options": [
                    {"value": "indoor", "label": "室内场馆", "labelEn": "Indoor venue"},
                    {"value": "outdoor", "label": "户外场地", "labelEn": "Outdoor site"},
                ],
                "helpText": "场地确认前请先选择类型",
                "position": 1,
            },
            {
                "key": "budget",
                "label": "活动预算",
                "type": "MONEY",
                "required": True,
                "position": 2,
            },
            {"key": "guests", "label": "邀请人数", "type": "NUMBER", "position": 3},
            {
                "key": "channels",
                "label": "宣传渠道",
                "type": "MULTI_CHOICE",
                "position": 4,
                "options": [
                    {"value": "wechat", "label": "微信"},
                    {"value": "weibo", "label": "微博"},
                ],
            },
            {"key": "eventDate", "label": "活动日期", "type": "DATE", "position": 5},
            {"key": "host", "label": "现场主持", "type": "USER", "position": 6},
            {"key": "venueDept", "label": "场地负责部门", "type": "DEPARTMENT", "position": 7},
            {"key": "venueNote", "label": "场地要求", "type": "TEXT", "position": 8},
        ):
            graphql(base, "admin", ADD_FIELD, {"input": {**field, "templateId": template}})
        yield base


def _pick(page: Page, label: str, option: str, *, search: bool = False) -> None:
    """Choose ``option`` in the Ant Design select labelled ``label`` (typed first in a
    searchable one: long lists render only the options in view)."""
    page.get_by_label(label).click()
    if search:
        page.get_by_label(label).fill(option)
    page.locator(".ant-select-dropdown:visible .ant-select-item-option", has_text=option).click()


def _no_horizontal_scroll(page: Page) -> bool:
    return bool(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))


def test_a_requirement_raised_from_a_template_reaches_the_head_live_and_is_approved(
    browser: Browser,  # noqa: F811
    server: str,
) -> None:
    with (
        workbench_page(browser, server) as head,
        workbench_page(browser, server) as staff,
    ):
        # given the sales head's 待办事项 open, with nothing from market staff yet
        sign_in(head, "sales_head")
        assert TITLE not in head.inner_text("body")

        # when market staff picks the marketing-event template
        sign_in(staff, "market_staff")
        staff.get_by_role("menuitem", name="新建需求").click()
        staff.get_by_text(TEMPLATE).click()
        staff.get_by_test_id("template-next").click()
        staff.get_by_label("需求名称").fill(TITLE)
        staff.get_by_label("需求目标").fill("到场率90%以上，现场签约10家")
        staff.get_by_label("交付物").fill("活动方案+场地合同+预算表")
        staff.get_by_label("验收标准").fill("场地确认不晚于活动前30天")
        # then the template's own fields (one of each type) are there, required ones marked,
        # with their help
        assert staff.get_by_text("场地确认前请先选择类型").first.is_visible()
        required = staff.locator(".ant-form-item-required", has_text="场地类型")
        assert required.count() == 1
        shot(staff, "01-new-requirement-form")

        # when it is submitted without them, the browser refuses, naming each field
        staff.get_by_role("button", name="提交审核").click()
        staff.get_by_text("请填写场地类型").wait_for()
        assert staff.get_by_text("请填写活动预算").is_visible()
        # and an amount with three decimals is refused as the server would
        staff.get_by_label("活动预算").fill("150000.555")
        staff.get_by_text("活动预算最多2位小数").wait_for()
        shot(staff, "02-client-validation")

        # when the fields are filled in right and it is submitted
        staff.get_by_label("活动预算").fill("150000.50")
        _pick(staff, "场地类型", "室内场馆")
        _pick(staff, "宣传渠道", "微信")
        staff.keyboard.press("Escape")
        staff.get_by_label("邀请人数").fill("200")
        staff.get_by_label("活动日期").fill("2027-01-15")
        staff.get_by_label("活动日期").press("Enter")
        _pick(staff, "现场主持", "周杰", search=True)
        _pick(staff, "场地负责部门", "行政部", search=True)
        staff.get_by_label("场地要求").fill("可容纳200人，带投影")
        staff.get_by_role("button", name="提交审核").click()

        # then its page shows it pending review with the custom values
        staff.wait_for_url(re.compile(r"/requirements/XQ\d+"))
        staff.get_by_role("heading", name=TITLE).wait_for()
        staff.get_by_text("待审核").first.wait_for()
        body = staff.inner_text("body")
        for text in (TITLE, "室内场馆", "¥150000.50", "微信", "200", "2027-01-15", "周杰"):
            assert text in body, text
        assert "可容纳200人，带投影" in body
        venue_dept = staff.locator(".ant-descriptions-item", has_text="场地负责部门")
        assert "行政部" in venue_dept.inner_text()
        code = staff.url.rsplit("/", 1)[-1]
        shot(staff, "03-requirement-submitted")

        # and the head's open page learns of it without a reload: a notification, and the
        # requirement in 待我审核
        head.locator(".ant-notification-notice").first.wait_for(timeout=15_000)
        head.get_by_role("link", name=re.compile(TITLE)).wait_for(timeout=15_000)
        shot(head, "04-head-my-work-live")

        # when the head opens it and approves with a comment and a claimed task
        head.get_by_role("link", name=re.compile(TITLE)).click()
        head.wait_for_url(f"**/requirements/{code}")
        head.get_by_label("审核意见").fill("同意，销售部负责重点客户邀约")
        head.get_by_label("认领任务").fill("销售部：提交重点客户邀约名单")
        head.keyboard.press("Enter")
        head.get_by_role("button", name=re.compile("同\\s*意")).click()

        # then the review timeline records the head's decision, and the review card is gone
        timeline = head.get_by_test_id("review-timeline")
        timeline.get_by_text("同意，销售部负责重点客户邀约").wait_for()
        assert "销售部：提交重点客户邀约名单" in timeline.inner_text()
        assert head.get_by_test_id("review-card").count() == 0
        shot(head, "05-head-approved")

        # and the requirement left the head's 待办事项
        head.get_by_role("menuitem", name=re.compile("待办事项")).click()
        head.get_by_role("heading", name="待办事项").wait_for()
        head.wait_for_timeout(500)
        assert TITLE not in head.get_by_test_id("work-reviews").inner_text()


def test_the_session_survives_a_reload_and_ends_with_sign_out(
    browser: Browser,  # noqa: F811
    server: str,
) -> None:
    with workbench_page(browser, server) as page:
        # given a wrong password, then the right one
        page.goto("/")
        page.get_by_label("用户名").fill("design_staff")
        page.get_by_label("密码").fill("wrong-password")
        page.keyboard.press("Enter")
        # then the refusal is explained in the viewer's language
        page.get_by_text("用户名或密码错误").wait_for()
        sign_in(page, "design_staff")
        # when the page is reloaded, the person is still signed in
        page.reload()
        page.get_by_role("heading", name="待办事项").wait_for()
        # and a deep link opens its screen directly
        page.goto("/account")
        page.get_by_text("修改密码").wait_for()
        # when they sign out
        page.get_by_role("button", name="账户设置").click()
        page.get_by_text("退出登录").click()
        # then the sign-in form is back, also after a reload
        page.get_by_label("用户名").wait_for()
        page.reload()
        page.get_by_label("用户名").wait_for()


def test_the_screens_fit_a_phone_and_pass_axe(
    browser: Browser,  # noqa: F811
    server: str,
) -> None:
    with workbench_page(browser, server, viewport=PHONE) as page:
        # given the sign-in screen on a phone
        page.goto("/")
        page.get_by_label("用户名").wait_for()
        assert serious_accessibility_violations(page) == []
        shot(page, "10-phone-sign-in")
        # when a head opens 待办事项, a requirement and the new-requirement form
        sign_in(page, "logistics_head")
        screens = {"11-phone-my-work": "/"}
        for name, path in screens.items():
            page.goto(path)
            page.get_by_role("heading", name="待办事项").wait_for()
            # then each fits the width and has no serious accessibility violation
            assert _no_horizontal_scroll(page), name
            assert serious_accessibility_violations(page) == [], name
            shot(page, name)
        page.get_by_role("link", name=re.compile("客户投诉")).first.click()
        page.get_by_test_id("review-card").wait_for()
        assert _no_horizontal_scroll(page)
        assert serious_accessibility_violations(page) == []
        shot(page, "12-phone-requirement-review")
        page.goto("/requirements/new")
        page.get_by_test_id("template-next").click()
        page.get_by_label("需求名称").wait_for()
        assert _no_horizontal_scroll(page)
        assert serious_accessibility_violations(page) == []
        shot(page, "13-phone-new-requirement")


def test_an_assignee_reports_and_submits_and_the_initiator_accepts(
    browser: Browser,  # noqa: F811
    server: str,
) -> None:
    with (
        workbench_page(browser, server) as initiator,
        workbench_page(browser, server) as designer,
    ):
        # given the initiator's 待办事项 open, and the designer on the Q3 visual task
        sign_in(initiator, "market_staff")
        sign_in(designer, "design_staff")
        designer.get_by_test_id("work-tasks").get_by_role("link", name=re.compile("主视觉")).click()
        designer.get_by_role("heading", name=re.compile("主视觉")).wait_for()

        # when the designer reports progress
        designer.get_by_label("完成百分比").fill("80")
        designer.get_by_label("进展说明").fill("主视觉初稿完成，待细化配色")
        designer.get_by_role("button", name="提交进度").click()
        # then it is recorded on the task
        designer.get_by_text("80% · ").first.wait_for()
        assert "主视觉初稿完成，待细化配色" in designer.inner_text("body")

        # when they submit the results
        designer.get_by_label("成果说明").fill("主视觉初稿三版，见附件")
        designer.get_by_role("button", name="提交成果").click()
        # then the task awaits acceptance, and the forms are gone
        designer.get_by_text("待验收").first.wait_for()
        assert designer.get_by_role("button", name="提交成果").count() == 0
        shot(designer, "06-task-submitted")

        # and the initiator's open page shows it to accept, without a reload
        to_accept = initiator.get_by_test_id("work-acceptances")
        to_accept.get_by_role("link", name=re.compile("主视觉")).wait_for(timeout=15_000)
        to_accept.get_by_role("link", name=re.compile("主视觉")).click()
        initiator.get_by_label("验收意见").fill("初稿符合要求")
        initiator.get_by_role("button", name="确认完成").click()
        # then the task is completed
        initiator.get_by_text("已完成").first.wait_for()
        shot(initiator, "07-task-accepted")


def test_an_english_browser_gets_english_screens(
    browser: Browser,  # noqa: F811
    server: str,
) -> None:
    with workbench_page(browser, server, locale="en-US") as page:
        # given a browser that prefers English
        # when the workbench opens
        page.goto("/")
        # then it speaks English, the API's refusals too
        page.get_by_role("heading", name="CrossFlow Workbench").wait_for()
        page.get_by_label("Username").fill("design_staff")
        page.get_by_label("Password").fill("wrong-password")
        page.keyboard.press("Enter")
        page.get_by_text("wrong username or password").wait_for()
        shot(page, "14-english-sign-in-refused")


def test_a_refusal_only_the_server_knows_is_shown_on_its_field(
    browser: Browser,  # noqa: F811
    server: str,
) -> None:
    with workbench_page(browser, server) as page:
        # given a blank requirement whose title hides a control character the browser allows
        sign_in(page, "finance_staff")
        page.goto("/requirements/new")
        page.get_by_test_id("template-next").click()
        page.get_by_label("需求名称").fill("报销流程\u0007线上化试点")
        _pick(page, "涉及部门", "财务部")
        page.keyboard.press("Escape")
        # when it is saved as a draft
        page.get_by_role("button", name="保存草稿").click()
        # then the server's BAD_USER_INPUT appears under the title, and nothing was created
        title_item = page.locator(".ant-form-item", has=page.get_by_label("需求名称"))
        title_item.get_by_text("控制字符").wait_for()
        assert "/requirements/new" in page.url
        shot(page, "15-server-refusal-on-field")


def test_a_head_rejects_with_the_changes_wanted_and_the_initiator_resubmits(
    browser: Browser,  # noqa: F811
    server: str,
) -> None:
    with (
        workbench_page(browser, server) as head,
        workbench_page(browser, server) as initiator,
    ):
        # given the complaint under review, which sales has yet to review
        sign_in(head, "sales_head")
        head.get_by_test_id("work-reviews").get_by_role("link", name=re.compile("客户投诉")).click()
        review = head.get_by_test_id("review-card")
        # when the head rejects without saying why, the browser asks for the changes wanted
        review.get_by_role("button", name=re.compile("驳\\s*回")).click()
        review.get_by_text("驳回需填写具体意见").wait_for()
        # when they say what to change and reject
        head.get_by_label("审核意见").fill("请补充涉及批次的销售区域")
        review.get_by_role("button", name=re.compile("驳\\s*回")).click()
        # then the requirement goes back for changes, the rejection on the timeline
        head.get_by_test_id("review-timeline").get_by_text("请补充涉及批次的销售区域").wait_for()
        assert head.get_by_text("待修改").first.is_visible()

        # when the initiator opens it, they may submit it again
        sign_in(initiator, "service_staff")
        initiator.get_by_test_id("work-mine").get_by_role(
            "link", name=re.compile("客户投诉")
        ).click()
        initiator.get_by_role("button", name="提交审核").click()
        # then a new round is open
        initiator.get_by_text("第2轮").wait_for()
        assert initiator.get_by_text("待审核").first.is_visible()
        shot(initiator, "08-resubmitted")
