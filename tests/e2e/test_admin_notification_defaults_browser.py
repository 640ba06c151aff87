"""The organisation's notification defaults and a webhook's departments, set in a real browser.

The admin picks e-mail and webhook for review requests on the panel's 通知渠道默认值 page and
adds a group bot serving the design department; a head who chose nothing then reads those
channels through the API. The browser, the server and the offline checks are those of
``test_admin_browser.py``; screenshots go to ``test-artifacts/admin/``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import httpx
import pytest

from tests.e2e.test_admin_browser import (  # noqa: F401  (fixtures used by name)
    LOGIN,
    browser,
    graphql_data,
    page,
    server,
    shot,
    sign_in,
)

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = [pytest.mark.e2e, pytest.mark.browser]

PREFERENCES = "{ notificationPreferences { kinds { kind channels personal } } }"


def _graphql(http: httpx.Client, username: str, query: str) -> Any:
    token = http.post(
        "/graphql", json={"query": LOGIN, "variables": {"u": username, "p": "demo"}}
    ).json()["data"]["login"]["token"]
    return graphql_data(http, token, query)


def test_defaults_and_webhook_departments_chosen_in_the_panel_reach_people(
    page: Page,  # noqa: F811
    server: str,  # noqa: F811
) -> None:
    # the admin opens 通知渠道默认值 and picks e-mail and webhook for review requests
    sign_in(page, "admin", "demo")
    page.goto("/admin/notification-default/create")
    page.select_option("select[name=kind]", "REVIEW_REQUESTED")
    page.select_option("select[name=channels]", ["EMAIL", "WEBHOOK"])
    shot(page, "40-notification-default")
    page.click("button[data-testid=save]")
    page.wait_for_url("**/admin/notification-default/**")
    shot(page, "41-notification-default-saved")

    # and adds a group bot that serves the design department only
    page.goto("/admin/webhook-channel/create")
    page.fill("input[name=name]", "设计部飞书群")
    page.select_option("select[name=format]", "FEISHU")
    page.fill("input[name=url]", "https://open.feishu.cn/open-apis/bot/v2/hook/design")
    page.click("#departments + .select2 .select2-selection")
    page.fill(".select2-container--open .select2-search__field", "设计")
    page.click(".select2-results__option:has-text('设计部')")
    shot(page, "42-webhook-departments")
    page.click("button[data-testid=save]")
    page.wait_for_url("**/admin/webhook-channel/**")
    assert "设计部" in page.inner_text("body")
    shot(page, "43-webhook-departments-saved")

    # then a head who chose nothing receives review requests on those channels
    with httpx.Client(base_url=server) as http:
        kinds = _graphql(http, "design_head", PREFERENCES)["notificationPreferences"]["kinds"]
    review = next(k for k in kinds if k["kind"] == "REVIEW_REQUESTED")
    assert review == {
        "kind": "REVIEW_REQUESTED",
        "channels": ["IN_APP", "EMAIL", "WEBHOOK"],
        "personal": False,
    }
