"""Driving the workbench (协作工作台) in Debian's Chromium for the browser tests.

Each page is a fresh browser context (its own localStorage, so its own signed-in person)
in which every request to a host other than the server is aborted and recorded; leaving
the page fails the test if one was tried, a script broke, an asset failed or the server's
Content-Security-Policy refused something. Screenshots
go to ``test-artifacts/workbench/`` for a person to look at. axe-core comes from
``web/node_modules`` (``npm ci`` in ``web/``, which ``.ci/run`` does before the tests).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse

import httpx

from tests.e2e.processes import REPOSITORY

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page, Route

ARTIFACTS = REPOSITORY / "test-artifacts" / "workbench"
AXE = REPOSITORY / "web" / "node_modules" / "axe-core" / "axe.min.js"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1920, "height": 1080}
LOGIN = (
    "mutation($u: String!, $p: String!) { login(input: {username: $u, password: $p}) { token } }"
)


class Offline:
    """Aborts every request that is not for the server, remembering where it went."""

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


@contextmanager
def workbench_page(
    browser: Browser, server: str, viewport: dict[str, int] = DESKTOP, locale: str = "zh-CN"
) -> Iterator[Page]:
    """A page of its own browser context; checks on leaving that nothing went wrong."""
    # The server's Content-Security-Policy stays on: the workbench must work under it.
    context = browser.new_context(base_url=server, viewport=viewport, locale=locale)
    offline = Offline(server)
    context.route("**/*", offline)
    problems: list[str] = []
    page = context.new_page()
    page.on(
        "response",
        lambda response: (
            problems.append(f"{response.status} {response.url}")
            if response.status >= 500
            or (response.status >= 400 and response.request.resource_type != "fetch")
            else None
        ),
    )
    page.on("pageerror", lambda error: problems.append(f"script error: {error}"))
    page.on(
        "console",
        lambda message: (
            problems.append(f"refused by the CSP: {message.text}")
            if message.type == "error" and "Content Security Policy" in message.text
            else None
        ),
    )
    try:
        yield page
    finally:
        context.close()
    assert offline.blocked == [], "the workbench asked another host"
    assert problems == []


def sign_in(page: Page, username: str, password: str = "demo") -> None:
    """Sign in through the workbench's own form and wait for 待办事项."""
    page.goto("/")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(password)
    page.get_by_role("button", name="登 录").or_(page.get_by_role("button", name="登录")).click()
    page.get_by_role("heading", name="待办事项").wait_for()


def shot(page: Page, name: str) -> Path:
    """A full-page screenshot once fonts and animations settled."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.evaluate("document.fonts.ready.then(() => true)")
    # From the top: a full-page shot of a scrolled page draws the sticky header mid-page.
    page.evaluate("window.scrollTo(0, 0)")
    page.wait_for_timeout(300)
    page.screenshot(path=str(path), full_page=True)
    return path


def serious_accessibility_violations(page: Page) -> list[dict[str, Any]]:
    """axe-core's violations of severity serious or critical once animations settled."""
    page.wait_for_timeout(600)
    # Evaluated through the DevTools protocol: the page's CSP would refuse an injected tag.
    page.evaluate(AXE.read_text() + "\n;true")
    found: list[dict[str, Any]] = page.evaluate(
        """async () => (await axe.run(document)).violations
            .filter((v) => v.impact === 'serious' || v.impact === 'critical')
            .map((v) => ({ id: v.id, nodes: v.nodes.map((n) =>
                `${n.target.join(' ')}: ${n.failureSummary}`) }))"""
    )
    return found


def graphql(server: str, username: str, query: str, variables: dict[str, Any]) -> Any:
    """A GraphQL call as ``username`` (test set-up that a person would do in the panel)."""
    with httpx.Client(base_url=server) as http:
        token = http.post(
            "/graphql", json={"query": LOGIN, "variables": {"u": username, "p": "demo"}}
        ).json()["data"]["login"]["token"]
        body = http.post(
            "/graphql",
            json={"query": query, "variables": variables},
            headers={"authorization": f"Bearer {token}"},
        ).json()
    assert not body.get("errors"), json.dumps(body["errors"], ensure_ascii=False)
    return body["data"]
