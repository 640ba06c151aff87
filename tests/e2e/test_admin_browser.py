"""The admin panel in a real browser (Debian's Chromium, driven by Playwright).

A real ``crossflow demo`` process serves the panel; the browser signs in, changes the
urgent due-soon threshold, previews it, opens the dashboard and GraphiQL, and is turned
away as an employee or with a wrong password. Every request leaving the machine is
blocked and recorded: the panel must work offline (no CDN). Screenshots go to
``test-artifacts/admin/`` for a person to look at.

Without ``/usr/bin/chromium`` (or ``$CROSSFLOW_CHROMIUM``) these tests skip, unless
``CROSSFLOW_REQUIRE_SERVICES=1`` (CI), where a missing browser is a failure.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse

import httpx
import pytest

from tests.e2e.processes import REPOSITORY, crossflow_process, free_port, wait_until_ready

if TYPE_CHECKING:  # playwright is imported when a browser is there (see `browser`)
    from playwright.sync_api import Browser, Page, Route

pytestmark = [pytest.mark.e2e, pytest.mark.browser]

#: Debian's Chromium; ``CROSSFLOW_CHROMIUM`` names another binary.
CHROMIUM = Path(os.environ.get("CROSSFLOW_CHROMIUM", "/usr/bin/chromium"))
REQUIRE_ENV = "CROSSFLOW_REQUIRE_SERVICES"
ARTIFACTS = REPOSITORY / "test-artifacts" / "admin"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
#: Files a page needs; any failure of one is a broken page. Pages themselves may answer
#: 400 (a refused sign-in, a refused action), never 500.
ASSET_TYPES = {"script", "stylesheet", "image", "font"}
LOGIN = (
    "mutation($u: String!, $p: String!) { login(input: {username: $u, password: $p}) { token } }"
)
RULES = "{ warningRules { kind thresholdNormal thresholdUrgent version updatedBy { username } } }"


def _unavailable(reason: str) -> None:
    if os.environ.get(REQUIRE_ENV) == "1":
        pytest.fail(f"{reason}, but {REQUIRE_ENV}=1 requires it", pytrace=False)
    pytest.skip(f"{reason} (install chromium, or set {REQUIRE_ENV}=1 to make this an error)")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A ``crossflow demo`` process on a free port, with the demo data."""
    folder = tmp_path_factory.mktemp("admin-demo")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = folder / "demo.log"
    with crossflow_process(["demo", "--port", str(port)], {}, folder, log) as process:
        wait_until_ready(base, process, log)
        yield base


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.is_file():
        _unavailable(f"{CHROMIUM} is not installed")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover - playwright is in the test extra
        _unavailable("the playwright package is not installed")
        raise
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


class Offline:
    """Blocks every request that leaves the server, and remembers where it was going."""

    def __init__(self, base: str) -> None:
        self.local = urlparse(base).netloc
        self.blocked: list[str] = []

    def __call__(self, route: Route) -> None:
        url = route.request.url
        parsed = urlparse(url)
        if parsed.scheme in ("data", "blob") or parsed.netloc == self.local:
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort()

    def unexpected(self) -> list[str]:
        """Every blocked request: the panel (without the core template's web font, see
        ``admin_ui/templates/base.html``) asks nothing of the internet."""
        return list(self.blocked)


@pytest.fixture
def page(browser: Browser, server: str) -> Iterator[Page]:
    context = browser.new_context(
        base_url=server, viewport={"width": 1440, "height": 1000}, locale="zh-CN"
    )
    offline = Offline(server)
    context.route("**/*", offline)
    failed: list[str] = []
    page = context.new_page()
    page.on(
        "response",
        lambda response: (
            failed.append(f"{response.status} {response.url}")
            if urlparse(response.url).netloc == offline.local
            and (
                response.status >= 500
                or (response.status >= 400 and response.request.resource_type in ASSET_TYPES)
            )
            else None
        ),
    )
    page.on("pageerror", lambda error: failed.append(f"script error: {error}"))
    yield page
    context.close()
    # the panel needs nothing from the internet, none of its assets failed, no script broke
    assert offline.unexpected() == []
    assert failed == []


def shot(page: Page, name: str) -> Path:
    path = ARTIFACTS / f"{name}.png"
    page.evaluate("document.fonts.ready.then(() => true)")
    page.screenshot(path=str(path), full_page=True)
    return path


def sign_in(page: Page, username: str, password: str) -> None:
    page.goto("/admin/login")
    page.fill("#username", username)
    page.fill("#password", password)
    page.click("form button[type=submit]")
    page.wait_for_load_state()


def graphql_data(
    http: httpx.Client, token: str, query: str, variables: dict[str, Any] | None = None
) -> Any:
    """The data of a GraphQL request the tests expect to succeed, sent as ``token``'s holder."""
    response = http.post(
        "/graphql",
        json={"query": query, "variables": variables or {}},
        headers={"authorization": f"Bearer {token}"},
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert not body.get("errors"), body["errors"]
    return body["data"]


def test_an_employee_and_a_wrong_password_are_turned_away(page: Page) -> None:
    # an employee signs in with their own (correct) password
    sign_in(page, "market_staff", "demo")
    assert "仅平台管理员可登录管理后台" in page.inner_text("body")
    assert urlparse(page.url).path == "/admin/login"
    shot(page, "01-employee-refused")
    # the admin with a wrong password
    sign_in(page, "admin", "not-the-password")
    assert "用户名或密码错误" in page.inner_text("body")
    shot(page, "02-wrong-password-refused")
    # and the panel stays closed
    page.goto("/admin/")
    assert urlparse(page.url).path == "/admin/login"


def test_the_admin_changes_the_urgent_due_soon_threshold_with_a_preview(
    page: Page, server: str
) -> None:
    sign_in(page, "admin", "demo")
    assert urlparse(page.url).path == "/admin/"

    # the dashboard draws its four charts from the SQL aggregates
    page.wait_for_selector("#chart-board[data-rendered=true]")
    canvases = page.locator("canvas[data-rendered=true]")
    assert canvases.count() == 4
    body = page.inner_text("body")
    for word in ("仪表盘", "各状态任务数", "各部门延迟任务", "平均审核用时", "需求看板"):
        assert word in body, word
    assert re.search(r"总任务\d+项，已完成\d+项，进行中\d+项，延迟\d+项", body)
    shot(page, "03-dashboard")

    # the warning rules, in the source document's words
    page.goto("/admin/warning-rule/list")
    assert "即将到期预警" in page.inner_text("body")
    shot(page, "04-warning-rules")
    row = page.locator("tr", has_text="即将到期预警")
    edit = row.locator("a[href*='/edit?pk=']").first.get_attribute("href")
    assert edit
    page.goto(edit)

    # urgent tasks warn 5 days ahead instead of 3: preview first
    page.fill("input[name=threshold_urgent]", "5")
    page.click("#rule-preview-button")
    count = page.locator("[data-testid=preview-count]")
    count.wait_for()
    previewed = int(count.get_attribute("data-count") or 0)
    assert previewed >= 1
    assert "按此规则，现在会预警" in count.inner_text()
    assert "完成主视觉图初稿" in page.inner_text("#rule-preview-result")
    # its recipients by name: the assignee and design's head (胡雪) among them
    visual = page.locator("[data-testid=preview-items] tr", has_text="完成主视觉图初稿")
    assert "胡雪" in visual.inner_text()
    shot(page, "05-rule-preview")

    # then save
    page.click("form:has(#rule-preview-button) button[type=submit]:not([name])")
    page.wait_for_url("**/admin/warning-rule/list**")
    shot(page, "06-rule-saved")

    # the API sees the change (a bearer token over HTTP, as a frontend would)
    with httpx.Client(base_url=server) as http:
        token = http.post(
            "/graphql", json={"query": LOGIN, "variables": {"u": "market_staff", "p": "demo"}}
        ).json()["data"]["login"]["token"]
        rules = http.post(
            "/graphql", json={"query": RULES}, headers={"authorization": f"Bearer {token}"}
        ).json()["data"]["warningRules"]
    due_soon = next(r for r in rules if r["kind"] == "DUE_SOON")
    assert due_soon["thresholdUrgent"] == 5
    assert due_soon["updatedBy"] == {"username": "admin"}

    # the audit log shows the change, recorded once by the use case (via the panel)
    page.goto("/admin/audit-entry/list")
    assert "warning_rule.update" in page.inner_text("body")
    shot(page, "07-audit-log")


def test_graphiql_works_offline_with_the_admins_token(page: Page) -> None:
    sign_in(page, "admin", "demo")
    page.goto("/admin/graphiql")
    page.wait_for_selector(".graphiql-container .graphiql-execute-button")
    page.click(".graphiql-execute-button")
    page.wait_for_function(
        "() => document.querySelector('.result-window')"
        " && document.querySelector('.result-window').innerText.includes('ADMIN')"
    )
    shot(page, "08-graphiql")


def test_the_admin_switches_to_english(page: Page) -> None:
    sign_in(page, "admin", "demo")
    page.goto("/admin/requirement/list")
    assert "发起人" in page.inner_text("body")
    page.click("header .dropdown-toggle:has(.fa-language), header button.dropdown-toggle >> nth=0")
    page.click("header [data-sa-lang=en]")
    page.wait_for_load_state()
    page.wait_for_selector("html[lang=en]")
    shot(page, "09-english")
    body = page.inner_text("body").lower()
    assert "requirements" in body and "initiator" in body  # (headers are upper-cased by CSS)


def test_a_refused_action_is_shown_and_a_token_is_shown_once(page: Page) -> None:
    sign_in(page, "admin", "demo")
    # archiving the Q3 launch (still in progress) is refused by the use case, in the panel
    page.goto("/admin/requirement/list")
    row = page.locator("tr", has_text="2024年Q3新品上市推广方案")
    row.locator("a[data-sa-name=archive]").click()
    page.click("#actionSubmit")
    alert = page.locator("#alertContainer .alert")
    alert.wait_for()
    assert "archiveRequirement" in alert.inner_text()
    shot(page, "10-archive-refused")
    assert "进行中" in row.inner_text()

    # a BI token is issued in a dialog and shown on the next page, once
    page.goto("/admin/api-token/list")
    page.click("a[data-sa-name=issue]")
    page.fill("#token-name", "BI 月报")
    shot(page, "11-token-dialog")
    page.click("#actionSubmit")
    secret = page.locator("[data-testid=token-secret]").inner_text()
    assert secret.startswith("cft_")
    shot(page, "12-token-issued")
    page.goto("/admin/api-token/list")
    listing = page.content()
    assert secret[:12] in listing and secret not in listing


def test_an_empty_relation_shows_a_dash_not_null(page: Page) -> None:
    # given the demo's CEO, who belongs to no department
    sign_in(page, "admin", "demo")
    # when the admin finds them in the users' list
    page.goto("/admin/user/list?q=ceo")
    row = page.locator("tr[data-sa-pk]", has_text="ceo")
    # then the empty department is a quiet dash (admin_ui/templates/fields/detail/_null.html)
    assert row.locator("td[data-column=department]").inner_text().strip() == "—"
    assert "-null-" not in page.inner_text("body")
    shot(page, "13-empty-relation")
