"""GraphiQL at ``/graphql`` in headless Chromium with no network beyond the server.

Customers run CrossFlow on intranets: the page must render, run a query and show its
result with every request to any other host aborted. A screenshot of each step lands in
``test-artifacts/graphiql/``. Without ``/usr/bin/chromium`` (or ``$CROSSFLOW_CHROMIUM``)
the tests skip, unless ``CROSSFLOW_REQUIRE_SERVICES=1`` (CI), where they fail.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import httpx
import pytest
from playwright.sync_api import Browser, Page, Route, sync_playwright

from tests.e2e.processes import REPOSITORY, crossflow_process, free_port, wait_until_ready
from tests.e2e.test_admin_browser import CHROMIUM, CHROMIUM_ARGS
from tests.support.services import _unavailable

pytestmark = [pytest.mark.e2e, pytest.mark.browser]

ARTIFACTS = REPOSITORY / "test-artifacts" / "graphiql"
RESULT = ".graphiql-container .result-window"


class LoopbackOnly:
    """Lets requests to 127.0.0.1 through and aborts (and remembers) every other one."""

    def __init__(self) -> None:
        self.aborted: list[str] = []

    def __call__(self, route: Route) -> None:
        url = route.request.url
        if urlparse(url).hostname == "127.0.0.1" or url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            self.aborted.append(url)
            route.abort()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``crossflow demo`` (development mode: GraphiQL on) on a free loopback port."""
    folder = tmp_path_factory.mktemp("graphiql-demo")
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
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


def _shot(page: Page, name: str) -> Path:
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path))
    return path


def test_graphiql_renders_and_runs_a_query_with_only_the_server_reachable(
    browser: Browser, server: str
) -> None:
    # given a browser that can reach nothing but the server
    context = browser.new_context(viewport={"width": 1440, "height": 900}, locale="zh-CN")
    loopback = LoopbackOnly()
    context.route("**/*", loopback)
    page = context.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(f"script error: {error}"))
    page.on(
        "console",
        lambda message: problems.append(message.text) if message.type == "error" else None,
    )
    page.on(
        "response",
        lambda response: (
            problems.append(f"{response.status} {response.url}") if response.status >= 400 else None
        ),
    )
    # when the page opens: it renders its editor and the explorer plugin
    page.goto(f"{server}/graphql")
    page.wait_for_selector(".graphiql-container .graphiql-execute-button", timeout=30_000)
    assert "mutation SignIn" in page.inner_text(".graphiql-query-editor")
    _shot(page, "01-loaded")
    # and the example (signing in as the market head) runs
    page.click(".graphiql-execute-button")
    page.wait_for_function(
        f"() => document.querySelector('{RESULT}')?.innerText.includes('市场部')",
        timeout=30_000,
    )
    result = page.inner_text(RESULT)
    _shot(page, "02-result")
    # then the result is on the page, and the explorer plugin opens from the sidebar
    assert '"token"' in result and '"DEPT_HEAD"' in result
    page.click(".graphiql-sidebar button[aria-label='Show GraphiQL Explorer']")
    page.wait_for_selector(".graphiql-explorer-root", timeout=10_000)
    _shot(page, "03-explorer")
    context.close()
    # and nothing was fetched from outside, nothing failed, nothing broke
    assert loopback.aborted == []
    assert problems == []


LOGIN = (
    "mutation($u: String!, $p: String!) { login(input: {username: $u, password: $p}) { token } }"
)
CREATE = "mutation($input: CreateRequirementInput!) { createRequirement(input: $input) { id } }"
SUBMIT = "mutation($id: ID!) { submitRequirement(id: $id) { status } }"


def _api(server: str, query: str, variables: dict[str, Any], token: str | None = None) -> Any:
    headers = {"authorization": f"Bearer {token}"} if token else {}
    response = httpx.post(
        f"{server}/graphql", json={"query": query, "variables": variables}, headers=headers
    )
    body = response.json()
    assert not body.get("errors"), body
    return body["data"]


def _set_editor(page: Page, editor: str, text: str) -> None:
    """Replace the text of one of GraphiQL's CodeMirror editors (typing would auto-close).

    GraphiQL takes an edit (and the operation name in it) in a moment, as after typing.
    """
    page.eval_on_selector(
        f"{editor} .CodeMirror", "(el, text) => el.CodeMirror.setValue(text)", text
    )
    page.wait_for_timeout(500)


def _run_until(page: Page, expected: str) -> str:
    page.click(".graphiql-execute-button")
    page.wait_for_function(
        f"() => document.querySelector('{RESULT}')?.innerText.includes({json.dumps(expected)})",
        timeout=30_000,
    )
    return page.inner_text(RESULT)


def test_graphiql_sends_the_token_under_headers_over_http_and_the_websocket(
    browser: Browser, server: str
) -> None:
    # given the design head's token under GraphiQL's Headers
    token = _api(server, LOGIN, {"u": "design_head", "p": "demo"})["login"]["token"]
    context = browser.new_context(viewport={"width": 1440, "height": 900}, locale="zh-CN")
    loopback = LoopbackOnly()
    context.route("**/*", loopback)
    page = context.new_page()
    page.goto(f"{server}/graphql")
    page.wait_for_selector(".graphiql-container .graphiql-execute-button", timeout=30_000)
    page.click("button:has-text('Headers')")
    headers_editor = ".graphiql-editor-tool .graphiql-editor:not(.hidden)"
    _set_editor(page, headers_editor, json.dumps({"Authorization": f"Bearer {token}"}))
    # when a query runs, it runs as the design head
    _set_editor(page, ".graphiql-query-editor", "query Me { viewer { username } }")
    assert '"design_head"' in _run_until(page, "design_head")
    # and when a subscription runs and market staff then asks design for a review
    _set_editor(page, ".graphiql-query-editor", "subscription { notificationAdded { kind } }")
    page.click(".graphiql-execute-button")
    page.wait_for_timeout(1_000)  # the socket signs in and subscribes
    staff = _api(server, LOGIN, {"u": "market_staff", "p": "demo"})["login"]["token"]
    departments = _api(server, "{ departments { id code } }", {}, staff)["departments"]
    design = next(d["id"] for d in departments if d["code"] == "design")
    draft = {
        "title": "GraphiQL 里看到的评审请求",
        "involvedDepartmentIds": [design],
        "background": "评审通知测试",
        "goals": "负责人实时收到评审请求",
        "deliverables": "通知消息",
        "acceptanceCriteria": "订阅端收到 REVIEW_REQUESTED",
    }
    created = _api(server, CREATE, {"input": draft}, staff)["createRequirement"]
    _api(server, SUBMIT, {"id": created["id"]}, staff)
    # then the notification appears in the result pane
    page.wait_for_function(
        f"() => document.querySelector('{RESULT}')?.innerText.includes('REVIEW_REQUESTED')",
        timeout=30_000,
    )
    _shot(page, "04-subscription")
    context.close()
    assert loopback.aborted == []


def test_graphiql_page_loads_only_script_files_of_this_server(server: str) -> None:
    # given the page as a browser asks for it
    html = httpx.get(f"{server}/graphql", headers={"accept": "text/html"}).text
    # then every script is a file under /graphql/static (a CSP of script-src 'self' holds),
    # none is inline, and no address of another host appears
    scripts = re.findall(r"<script\b[^>]*>", html)
    assert scripts and all('src="graphql/static/' in tag for tag in scripts)
    assert "://" not in html
    # and each file it names is served
    for name in re.findall(r'(?:src|href)="(graphql/static/[^"?]+)', html):
        assert httpx.get(f"{server}/{name}").status_code == 200, name
