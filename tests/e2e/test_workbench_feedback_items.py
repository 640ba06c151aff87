"""The feedback form (协作反馈表) with several rows, sent once by each participant.

The R&D participant of the finished smart-thermostat study praises a colleague and the
departments that helped, and adds a suggestion as a second row; a row left without content
is refused in place. Sent, the form leaves the page and 待办事项, the server holds both rows
with the people and departments they name, and a second form is refused.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import httpx
import pytest

from tests.e2e.test_admin_browser import browser  # noqa: F401  (fixture used by name)
from tests.e2e.test_workbench_files import server  # noqa: F401  (fixture used by name)
from tests.e2e.workbench import (
    LOGIN,
    graphql,
    serious_accessibility_violations,
    shot,
    sign_in,
    workbench_page,
)

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Locator, Page

pytestmark = [pytest.mark.e2e, pytest.mark.browser]

MY_FEEDBACK = "{ myWork { feedback { id code title } } }"
GIVEN = """query($code: String!) { requirement(code: $code) { feedback {
  author { username }
  items { position kind content proposal people { username } departments { code } } } } }"""
AGAIN = """mutation($input: SubmitFeedbackInput!) { submitFeedback(input: $input) { id } }"""


def _pick(page: Page, scope: Locator, label: str, text: str) -> None:
    """Open the select labelled ``label`` in ``scope`` and choose the option with ``text``."""
    field = scope.get_by_label(label)
    field.click()
    field.fill(text)
    # (by the start of its title: the last select's list may still be fading out)
    page.locator(f'.ant-select-dropdown:visible .ant-select-item-option[title^="{text}"]').click()
    page.keyboard.press("Escape")


def test_a_participant_sends_a_form_of_several_rows_once(
    browser: Browser,  # noqa: F811
    server: str,  # noqa: F811
) -> None:
    # given a finished requirement awaiting the R&D participant's feedback
    awaited = graphql(server, "rnd_staff", MY_FEEDBACK, {})["myWork"]["feedback"]
    assert awaited, "the demo has a finished requirement to give feedback on"
    requirement = awaited[0]
    with workbench_page(browser, server) as page:
        sign_in(page, "rnd_staff")
        page.goto(f"/requirements/{requirement['code']}")
        card = page.get_by_test_id("feedback-card")
        # when a second row is added and the form is sent with that row empty
        card.get_by_role("button", name="再加一条").click()
        first, second = (
            card.get_by_test_id("feedback-item-1"),
            card.get_by_test_id("feedback-item-2"),
        )
        first.get_by_label("反馈内容").fill("生产部三天内完成可行性评估")
        card.get_by_role("button", name="提交反馈").click()
        # then the empty row says what is missing, in place
        second.get_by_text("请填写反馈内容").wait_for()
        assert first.get_by_text("请填写反馈内容").count() == 0
        # when the first row praises a person and a department, the second suggests
        _pick(page, first, "涉及人员", "陈刚")
        _pick(page, first, "涉及部门", "研发部")
        second.get_by_text("建议", exact=True).click()
        second.get_by_label("反馈内容").fill("用户调研样本偏少")
        second.get_by_label("改进建议").fill("下次调研至少覆盖三个城市")
        assert serious_accessibility_violations(page) == []
        shot(page, "94-feedback-items")
        card.get_by_role("button", name="提交反馈").click()
        # then the form is recorded and leaves the page
        page.get_by_text("反馈已提交").wait_for()
        page.get_by_test_id("feedback-card").wait_for(state="detached")
        # and stays gone after a reload
        page.reload()
        page.get_by_role("heading", name=requirement["title"]).wait_for()
        assert page.get_by_test_id("feedback-card").count() == 0
    # and the server holds both rows, with what each names
    forms = graphql(server, "rnd_staff", GIVEN, {"code": requirement["code"]})
    mine = [f for f in forms["requirement"]["feedback"] if f["author"]["username"] == "rnd_staff"]
    assert len(mine) == 1
    items = mine[0]["items"]
    assert [(i["position"], i["kind"]) for i in items] == [(0, "PRAISE"), (1, "SUGGESTION")]
    assert items[0]["people"] == [{"username": "rnd_head"}]
    assert items[0]["departments"] == [{"code": "rnd"}]
    assert items[1]["proposal"] == "下次调研至少覆盖三个城市"
    assert graphql(server, "rnd_staff", MY_FEEDBACK, {})["myWork"]["feedback"] == awaited[1:]
    # and a second form from the same person is refused
    with httpx.Client(base_url=server) as http:
        login = {"query": LOGIN, "variables": {"u": "rnd_staff", "p": "demo"}}
        token = http.post("/graphql", json=login).json()["data"]["login"]["token"]
        again = {
            "requirementId": requirement["id"],
            "items": [{"kind": "PRAISE", "content": "再来一次"}],
        }
        body = http.post(
            "/graphql",
            json={"query": AGAIN, "variables": {"input": again}},
            headers={"authorization": f"Bearer {token}"},
        ).json()
    assert body["errors"][0]["extensions"]["code"] == "INVALID_TRANSITION"
