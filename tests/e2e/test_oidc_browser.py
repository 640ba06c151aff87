"""Signing in with the company account in headless Chromium, against a real OpenID provider.

The provider (oidc-provider on a loopback port, its dev login and consent forms) and
CrossFlow (a real uvicorn on another loopback port, the test's database, both backends)
run side by side; every request to a host that is not loopback is aborted. Through the
workbench: a first sign-in that creates the account, a person whose claims map to no
department, and a person the directory deactivated. Through the panel: the administrator
enters, and the refusal is explained on its sign-in page. Screenshots go to
``test-artifacts/sso/``.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import TYPE_CHECKING
from urllib.parse import urlparse

import pytest
from tortoise.context import TortoiseContext

from core.settings import Settings
from models import AuditEntry, User
from models.directory import AccountSource
from tests.e2e.processes import REPOSITORY, free_port
from tests.e2e.test_admin_browser import CHROMIUM, CHROMIUM_ARGS, _unavailable
from tests.support.live_server import live_server
from tests.support.oidc_provider import oidc_provider, sso_settings

if TYPE_CHECKING:
    from playwright.async_api import Browser, Page, Route

pytestmark = [pytest.mark.e2e, pytest.mark.browser]

ARTIFACTS = REPOSITORY / "test-artifacts" / "sso"
COMPANY = "使用企业账号登录"
#: The provider's dev pages ask for a web font; nothing else may leave the machine.
PROVIDER_FONTS = ("fonts.googleapis.com", "fonts.gstatic.com")


@pytest.fixture(scope="module")
def port() -> int:
    return free_port()


@pytest.fixture(scope="module")
def issuer(port: int, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    base = f"http://127.0.0.1:{port}"
    with oidc_provider([base], tmp_path_factory.mktemp("idp") / "idp.log") as url:
        yield url


@pytest.fixture
async def browser() -> AsyncIterator[Browser]:
    if not CHROMIUM.is_file():
        _unavailable(f"{CHROMIUM} is not installed")
    from playwright.async_api import async_playwright

    async with async_playwright() as playwright:
        chromium = await playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        await chromium.close()


@pytest.fixture
async def server(
    db: TortoiseContext, demo: None, settings: Settings, issuer: str, port: int
) -> AsyncIterator[str]:
    async with live_server(sso_settings(settings, issuer), port=port) as base:
        yield base


class Loopback:
    """Aborts every request that leaves the machine, remembering its host."""

    def __init__(self) -> None:
        self.blocked: list[str] = []

    async def __call__(self, route: Route) -> None:
        parsed = urlparse(route.request.url)
        if parsed.scheme in ("data", "blob") or parsed.hostname == "127.0.0.1":
            await route.continue_()
        else:
            self.blocked.append(parsed.hostname or route.request.url)
            await route.abort()


async def fresh_page(browser: Browser, server: str) -> tuple[Page, Loopback]:
    context = await browser.new_context(base_url=server, locale="zh-CN")
    loopback = Loopback()
    await context.route("**/*", loopback)
    return await context.new_page(), loopback


async def at_the_provider(page: Page, login: str) -> None:
    """The provider's dev login form, then its consent form."""
    await page.locator('input[name="login"]').fill(login)
    await page.locator('input[name="password"]').fill("any")
    await page.locator('button[type="submit"]').click()
    await page.get_by_role("button", name="Continue").click()


async def shot(page: Page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    await page.wait_for_timeout(300)
    await page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def only_the_providers_fonts(loopback: Loopback) -> bool:
    return all(host in PROVIDER_FONTS for host in loopback.blocked)


async def test_a_first_workbench_sign_in_creates_the_account(browser: Browser, server: str) -> None:
    # given a person the provider knows and CrossFlow does not
    page, loopback = await fresh_page(browser, server)
    await page.goto("/")
    await shot(page, "workbench-sign-in")
    # when they choose the company account and sign in at the provider
    await page.get_by_role("link", name=COMPANY).click()
    await at_the_provider(page, "chenjing")
    # then the workbench opens signed in, with no code left in the address
    await page.get_by_role("heading", name="待办事项").wait_for()
    await shot(page, "workbench-signed-in")
    assert "sso_code" not in page.url
    user = await User.get(username="chenjing").prefetch_related("department")
    assert user.source == AccountSource.OIDC and user.department is not None
    assert user.department.code == "market"
    assert await AuditEntry.filter(action="user.create", subject_id=user.id, via="oidc").exists()
    assert only_the_providers_fonts(loopback), loopback.blocked
    # when they sign out
    await page.get_by_text("陈静").first.click()
    await page.get_by_text("退出登录").click()
    # then the provider's sign-out page follows, and the workbench's token is gone
    await page.wait_for_url(lambda url: "/session/end" in url)
    assert await page.evaluate("localStorage.getItem('crossflow.token')") is None


async def test_claims_without_a_department_are_refused_on_the_sign_in_page(
    browser: Browser, server: str
) -> None:
    # given a person whose department claim names no department
    page, loopback = await fresh_page(browser, server)
    await page.goto("/")
    # when they sign in with the company account
    await page.get_by_role("link", name=COMPANY).click()
    await at_the_provider(page, "wangxm")
    # then the sign-in page explains the refusal, and no account was created
    await page.get_by_text("你的企业账号未对应任何部门").wait_for()
    await shot(page, "workbench-no-department")
    assert await User.get_or_none(username="wangxm") is None
    assert only_the_providers_fonts(loopback), loopback.blocked


async def test_a_person_deactivated_by_the_directory_is_refused(
    browser: Browser, server: str
) -> None:
    # given the directory deactivated the person
    await User.create(
        username="zhoulei",
        display_name="周磊",
        password_hash="",
        source=AccountSource.LDAP,
        external_id="uuid-zhoulei",
        is_active=False,
    )
    page, _ = await fresh_page(browser, server)
    await page.goto("/")
    # when they sign in with the company account
    await page.get_by_role("link", name=COMPANY).click()
    await at_the_provider(page, "zhoulei")
    # then they are refused as deactivated and stay signed out
    await page.get_by_text("你的账号已停用").wait_for()
    await shot(page, "workbench-deactivated")
    assert await page.evaluate("localStorage.getItem('crossflow.token')") is None


async def test_the_panel_admits_the_administrator_and_explains_a_refusal(
    browser: Browser, server: str
) -> None:
    # given the panel's sign-in page
    page, loopback = await fresh_page(browser, server)
    await page.goto("/admin/login")
    await shot(page, "panel-sign-in")
    # when a person with no department tries the company account
    await page.get_by_role("link", name=COMPANY).click()
    await at_the_provider(page, "wangxm")
    # then the panel's sign-in page says why
    await page.get_by_text("你的企业账号未对应任何部门").wait_for()
    await shot(page, "panel-no-department")
    # when the administrator, whose account is linked to their provider subject (an
    # unlinked administrator is never matched by username), signs in in a browser of their own
    await User.filter(username="admin").update(source=AccountSource.OIDC, external_id="admin")
    page, loopback = await fresh_page(browser, server)
    await page.goto("/admin/login")
    await page.get_by_role("link", name=COMPANY).click()
    await at_the_provider(page, "admin")
    # then the panel opens on its dashboard
    await page.wait_for_url(f"{server}/admin/")
    await page.wait_for_selector("#chart-board[data-rendered=true]")
    assert "仪表盘" in await page.inner_text("body")
    await shot(page, "panel-signed-in")
    assert only_the_providers_fonts(loopback), loopback.blocked
