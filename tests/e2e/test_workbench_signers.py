"""加签, 转交 and 催办 in the workbench: on a review round and on a submission's acceptance.

The sales head, whose review the customer-complaint round awaits, adds the finance
department (picked by department) and hands the review over to a sales colleague (picked
by person); both are listed and the head's own acts are gone. The initiator reminds the
logistics department, and a second reminder the same day is refused with the wait the API
names. A member of staff who is not a head reads the lists but is offered none of the acts.
The same on the Q3 launch's design task once its results are submitted: the finance head
adds R&D and hands over, the initiator reminds sales twice, the assignee sees no act.
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
    from playwright.sync_api import Browser, Locator, Page

pytestmark = [pytest.mark.e2e, pytest.mark.browser]

COMPLAINT = "客户投诉：A2024批次产品外壳开裂问题处理"
ACTS = ("加 签", "加签", "转 交", "转交", "催 办", "催办")


def button(card: Locator, name: str) -> Locator:
    """Ant Design spaces a two-character label ("加 签"); either spelling."""
    spaced = f"{name[0]} {name[1:]}" if len(name) == 2 else name
    return card.get_by_role("button", name=spaced, exact=True).or_(
        card.get_by_role("button", name=name, exact=True)
    )


def choose(page: Page, card: Locator, label: str, option: str, typed: str | None = None) -> None:
    """Open the select labelled ``label`` (typing ``typed`` to search) and pick ``option``."""
    card.get_by_label(label).click()
    if typed is not None:
        card.get_by_label(label).fill(typed)
    page.locator(".ant-select-dropdown:visible .ant-select-item-option").filter(
        has_text=option
    ).click()


def offered_acts(card: Locator) -> int:
    return sum(card.get_by_role("button", name=name, exact=True).count() for name in ACTS)


def remind_twice(page: Page, card: Locator, department: str) -> None:
    """催办 once (sent), then again the same day: refused, with the wait shown."""
    choose(page, card, "催办部门", department)
    button(card, "催办").click()
    page.get_by_text("已催办").wait_for()
    assert card.locator(".ant-alert-error").count() == 0
    choose(page, card, "催办部门", department)
    button(card, "催办").click()
    refusal = card.locator(".ant-alert-error")
    expect(refusal).to_contain_text("今天已催办过")
    expect(refusal).to_contain_text("后可再次催办")
    expect(refusal).to_contain_text("小时")


def test_a_head_adds_hands_over_and_the_initiator_reminds_on_a_review_round(
    browser: Browser,  # noqa: F811
    server: str,  # noqa: F811
) -> None:
    reviews = graphql(server, "sales_head", "{ myWork { reviews { code title } } }", {})
    code = next(r["code"] for r in reviews["myWork"]["reviews"] if r["title"] == COMPLAINT)
    with workbench_page(browser, server) as page:
        # given the sales head, whose review the complaint's round awaits
        sign_in(page, "sales_head")
        page.goto(f"/requirements/{code}")
        card = page.get_by_test_id("review-signers")
        card.wait_for()
        # (reminding is the initiator's, not offered to a reviewer)
        assert card.get_by_label("催办部门").count() == 0
        # when they add the finance department (加签)
        choose(page, card, "加签部门", "财务部")
        button(card, "加签").click()
        # then it is listed with its head and who added it
        page.get_by_text("已加签").first.wait_for()
        added = page.get_by_test_id("review-signers-added")
        expect(added).to_contain_text("财务部（负责人 马俊）· 周杰 加签")
        # when they hand their review over to a sales colleague (转交)
        choose(page, card, "转交给", "吴静", typed="吴静")
        assert serious_accessibility_violations(page) == []
        shot(page, "80-review-signers")
        button(card, "转交").click()
        # then the handover is listed and the head's acts are gone (it is not theirs now)
        handovers = page.get_by_test_id("review-signers-handovers")
        expect(handovers).to_contain_text("销售部：周杰 转交给 吴静")
        expect(card.get_by_label("转交给")).to_have_count(0)
        assert offered_acts(card) == 0
        assert page.get_by_test_id("review-card").count() == 0
    # and the colleague now finds the review on their to-do list
    taken = graphql(server, "sales_staff", "{ myWork { reviews { code } } }", {})
    assert code in [r["code"] for r in taken["myWork"]["reviews"]]
    with workbench_page(browser, server) as page:
        # given the initiator: when they remind logistics twice the same day
        sign_in(page, "service_staff")
        page.goto(f"/requirements/{code}")
        card = page.get_by_test_id("review-signers")
        card.wait_for()
        assert card.get_by_label("加签部门").count() == 0
        remind_twice(page, card, "物流部")
        shot(page, "81-review-reminder-refused")
    with workbench_page(browser, server) as page:
        # given a member of staff who is not a head: the lists, no acts
        sign_in(page, "logistics_staff")
        page.goto(f"/requirements/{code}")
        card = page.get_by_test_id("review-signers")
        expect(card.get_by_test_id("review-signers-added")).to_contain_text("财务部")
        assert offered_acts(card) == 0
        assert card.locator("form").count() == 0


def test_a_head_adds_hands_over_and_the_initiator_reminds_on_an_acceptance(
    browser: Browser,  # noqa: F811
    server: str,  # noqa: F811
) -> None:
    # given the Q3 launch's design task with its results submitted
    tasks = graphql(server, "design_staff", "{ myWork { tasks { id code title } } }", {})
    task = next(t for t in tasks["myWork"]["tasks"] if t["title"] == "完成主视觉图初稿")
    graphql(
        server,
        "design_staff",
        "mutation($i: SubmitTaskResultInput!) { submitTaskResult(input: $i) { status } }",
        {"i": {"taskId": task["id"], "note": "三套主视觉方案已完成"}},
    )
    with workbench_page(browser, server) as page:
        # given the finance head, a member of the acceptance group
        sign_in(page, "finance_head")
        page.goto(f"/tasks/{task['code']}")
        card = page.get_by_test_id("acceptance-signers")
        card.wait_for()
        assert card.get_by_label("催办部门").count() == 0
        # when they add R&D (加签) and hand their acceptance to a finance colleague (转交)
        choose(page, card, "加签部门", "研发部")
        button(card, "加签").click()
        expect(page.get_by_test_id("acceptance-signers-added")).to_contain_text(
            "研发部（负责人 陈刚）· 马俊 加签"
        )
        choose(page, card, "转交给", "朱琳", typed="朱琳")
        shot(page, "82-acceptance-signers")
        button(card, "转交").click()
        # then both are listed and the head's acts are gone
        expect(page.get_by_test_id("acceptance-signers-handovers")).to_contain_text(
            "财务部：马俊 转交给 朱琳"
        )
        expect(card.get_by_label("转交给")).to_have_count(0)
        assert offered_acts(card) == 0
    taken = graphql(server, "finance_staff", "{ myWork { acceptances { code } } }", {})
    assert task["code"] in [t["code"] for t in taken["myWork"]["acceptances"]]
    added = graphql(server, "rnd_head", "{ myWork { acceptances { code } } }", {})
    assert task["code"] in [t["code"] for t in added["myWork"]["acceptances"]]
    with workbench_page(browser, server) as page:
        # given the initiator: reminding sales twice the same day, the second is refused
        sign_in(page, "market_staff")
        page.goto(f"/tasks/{task['code']}")
        card = page.get_by_test_id("acceptance-signers")
        card.wait_for()
        assert card.get_by_label("转交给").count() == 0
        remind_twice(page, card, "销售部")
        # (the refusal pushed the form down under the pointer: a hovered button is not read)
        page.mouse.move(0, 0)
        assert serious_accessibility_violations(page) == []
    with workbench_page(browser, server) as page:
        # given the assignee, not a head: the lists, no acts
        sign_in(page, "design_staff")
        page.goto(f"/tasks/{task['code']}")
        card = page.get_by_test_id("acceptance-signers")
        expect(card.get_by_test_id("acceptance-signers-handovers")).to_contain_text("朱琳")
        assert offered_acts(card) == 0
        assert card.locator("form").count() == 0
