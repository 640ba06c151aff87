"""Meetings on the requirement page: the initiator books one, an attendee opens its invite.

Market staff, who raised the Q3 launch, books a meeting about the late key visual from the
requirement page (refused without a subject or attendees, the attendees found on the server
by name); it is listed with its time, place and attendees. The designer invited sees it on
a phone and opens the .ics invite from a plain link the API signed (no bearer token in it),
and is offered no booking form: only the initiator or ADMIN books.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
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
    from playwright.sync_api import Browser, Locator, Page

pytestmark = [pytest.mark.e2e, pytest.mark.browser]

Q3 = "2024年Q3新品上市推广方案"
SUBJECT = "主视觉延期协调会"
MEETINGS = """query($code: String!) { requirement(code: $code) {
  meetings { title durationMinutes attendees { username } task { code } } } }"""


def _q3_code(base: str) -> str:
    found = graphql(
        base, "market_staff", "{ requirements(first: 50) { edges { node { code title } } } }", {}
    )
    return str(
        next(e["node"]["code"] for e in found["requirements"]["edges"] if e["node"]["title"] == Q3)
    )


def _invite(page: Page, card: Locator, name: str) -> None:
    """Type a name into the attendees picker and pick the person the server offers."""
    picker = card.get_by_label("参会人")
    picker.click()
    picker.fill(name)
    page.locator(
        ".ant-select-dropdown:visible .ant-select-item-option", has_text=name
    ).first.click()


def test_the_initiator_books_a_meeting_and_an_attendee_opens_its_invite(
    browser: Browser,  # noqa: F811
    server: str,  # noqa: F811
) -> None:
    code = _q3_code(server)
    starts = (datetime.now() + timedelta(days=2)).strftime("%Y-%m-%d 10:00")
    with workbench_page(browser, server) as page:
        # given the initiator on the Q3 launch's page, with no meeting yet
        sign_in(page, "market_staff")
        page.goto(f"/requirements/{code}")
        card = page.get_by_test_id("meetings-card")
        card.get_by_text("暂无").or_(card.get_by_text("无")).first.wait_for()
        # when she opens the booking form and books without a subject or attendees
        card.get_by_role("button", name="预约会议").click()
        card.get_by_role("button", name="确认预约").click()
        # then the form says what is missing
        card.get_by_text("请填写会议主题").wait_for()
        card.get_by_text("请填写参会人").wait_for()
        # when she fills it in, the attendees found by name, and books
        card.get_by_label("会议主题").fill(SUBJECT)
        start = card.get_by_label("开始时间")
        start.click()
        start.fill(starts)
        start.press("Enter")
        card.get_by_label("时长（分钟）").fill("45")
        _invite(page, card, "胡雪")
        _invite(page, card, "郭晨")
        page.keyboard.press("Escape")
        card.get_by_label("相关任务").click()
        page.locator(
            ".ant-select-dropdown:visible .ant-select-item-option", has_text="完成主视觉图初稿"
        ).click()
        assert serious_accessibility_violations(page) == []
        shot(page, "92-meeting-booking")
        card.get_by_role("button", name="确认预约").click()
        # then it is listed with its time, place and attendees
        page.get_by_text("会议已预约").wait_for()
        card.get_by_text(SUBJECT, exact=True).wait_for()
        listed = card.locator(".ant-list-item").first.inner_text()
        assert starts in listed and "45分钟" in listed and "线上会议" in listed
        assert "胡雪" in listed and "郭晨" in listed
    booked = graphql(server, "market_staff", MEETINGS, {"code": code})["requirement"]["meetings"]
    booked = [m for m in booked if m["title"] == SUBJECT]
    assert [m["durationMinutes"] for m in booked] == [45]
    assert {a["username"] for a in booked[0]["attendees"]} == {"design_head", "design_staff"}
    assert booked[0]["task"] is not None

    with workbench_page(browser, server, viewport=PHONE) as attendee:
        # given the designer invited, on a phone
        sign_in(attendee, "design_staff")
        attendee.goto(f"/requirements/{code}")
        card = attendee.get_by_test_id("meetings-card")
        card.get_by_text(SUBJECT, exact=True).wait_for()
        # then no booking is offered: only the initiator or ADMIN books
        assert card.get_by_role("button", name="预约会议").count() == 0
        assert serious_accessibility_violations(attendee) == []
        shot(attendee, "93-meeting-phone")
        # when they open the invite: the browser follows a signed link, no header
        token = attendee.evaluate("localStorage.getItem('crossflow.token')")
        with attendee.expect_download() as pending:
            card.get_by_role("button", name=f"下载“{SUBJECT}”的日历邀请（.ics）").click()
        download = pending.value
        # then it is the meeting's iCalendar event, from a link without the bearer token
        assert "sig=" in download.url and token not in download.url
        invite = Path(download.path()).read_text()
        assert "BEGIN:VEVENT" in invite and SUBJECT in invite


def test_an_english_attendee_reads_the_meeting_in_english(
    browser: Browser,  # noqa: F811
    server: str,  # noqa: F811
) -> None:
    # given a meeting on the Q3 launch (booked through the API) and a head who reads English
    code = _q3_code(server)
    people = graphql(
        server, "admin", '{ users(filter: {text: "design_head"}) { edges { node { id } } } }', {}
    )
    requirement = graphql(
        server, "market_staff", "query($c: String!) { requirement(code: $c) { id } }", {"c": code}
    )
    starts = (datetime.now().astimezone() + timedelta(days=3)).replace(microsecond=0)
    graphql(
        server,
        "market_staff",
        "mutation($i: ScheduleMeetingInput!) { scheduleMeeting(input: $i) { id } }",
        {
            "i": {
                "requirementId": requirement["requirement"]["id"],
                "title": "Launch review",
                "startsAt": starts.isoformat(),
                "durationMinutes": 30,
                "attendeeIds": [people["users"]["edges"][0]["node"]["id"]],
            }
        },
    )
    # (the account's language, set on the account page, wins over the browser's once signed in)
    graphql(server, "design_head", 'mutation { setLanguage(language: "en") { language } }', {})
    with workbench_page(browser, server, locale="en-US") as page:
        page.goto("/")
        page.get_by_label("Username").fill("design_head")
        page.get_by_label("Password").fill("demo")
        page.keyboard.press("Enter")
        page.get_by_role("heading", name="My work").wait_for()
        # when the attendee opens the requirement
        page.goto(f"/requirements/{code}")
        card = page.get_by_test_id("meetings-card")
        card.get_by_text("Launch review", exact=True).wait_for()
        # then the meeting reads in English, its invite named for screen readers
        text = card.inner_text()
        assert "Meetings" in text and "Place: Online (see the calendar invite)" in text
        assert "30 min" in text
        assert (
            card.get_by_role(
                "button", name="Download the calendar invite of “Launch review” (.ics)"
            ).count()
            == 1
        )
        assert card.get_by_role("button", name="Book a meeting").count() == 0
        assert serious_accessibility_violations(page) == []
