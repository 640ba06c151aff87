"""API2 (broken authentication): failed sign-ins are throttled, then locked.

Issue #14: 50 wrong passwords in 6 s through the API and 20 through the panel, then the
right one succeeded, each attempt costing ~0.18 s of argon2. The counts are per account
and per client address, shared by the API's ``login`` and the panel, and through Redis
by every replica.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

import httpx
import pytest
from tortoise.context import TortoiseContext

from core import security
from core.settings import Settings
from crossflow.app import create_app
from models import AuditEntry, User
from resolvers.access.auth import Viewer
from resolvers.access.sign_in_guard import guard_for
from resolvers.access.sign_in_locks import unlock_sign_in
from resolvers.errors import Forbidden
from tests.admin_ui.conftest import Panel
from tests.conftest import GraphQLClient

LOGIN = (
    "mutation($u: String!, $p: String!) { login(input: {username: $u, password: $p}) { token } }"
)


def throttled(settings: Settings, **rules: Any) -> Settings:
    """The test's settings with its own sign-in rules (and so a fresh count)."""
    return settings.model_copy(update={f"sign_in_{k}": v for k, v in rules.items()})


@asynccontextmanager
async def served(settings: Settings, address: str = "127.0.0.1") -> AsyncIterator[GraphQLClient]:
    app = create_app(settings, manage_orm=False)
    transport = httpx.ASGITransport(app=app, client=(address, 40000))
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
        yield GraphQLClient(http)


async def attempt(client: GraphQLClient, username: str, password: str) -> dict[str, Any]:
    """The login's error extensions, or ``{"code": "OK"}``."""
    body = await client.post(LOGIN, {"u": username, "p": password})
    if not body.get("errors"):
        return {"code": "OK"}
    extensions: dict[str, Any] = body["errors"][0]["extensions"]
    return extensions


@pytest.fixture
def argon2_calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Counts the password checks ``login`` makes (each still runs argon2)."""
    calls: list[str] = []
    real: Callable[[str, str], bool] = security.verify_password

    def counted(password_hash: str, password: str) -> bool:
        calls.append(password_hash)
        return real(password_hash, password)

    # the account's password (credentials, by its source) and an unknown username's dummy
    # hash (auth) are both checked off the event loop by core.security: both spend argon2
    monkeypatch.setattr(security, "verify_password", counted)
    return calls


async def test_after_the_free_failures_the_next_attempt_waits_without_argon2(
    db: TortoiseContext, settings: Settings, demo: None, argon2_calls: list[str]
) -> None:
    # given one free failure, then waits of 1 s doubling
    async with served(throttled(settings, free_failures=1)) as client:
        # when two wrong passwords are sent, both are checked and refused
        for _ in range(2):
            assert (await attempt(client, "market_staff", "wrong"))["code"] == "UNAUTHENTICATED"
        assert len(argon2_calls) == 2
        # then at once even the right password is refused with a hint, unchecked
        refused = await attempt(client, "market_staff", "demo")
        assert refused == {"code": "RATE_LIMITED", "retryAfterSeconds": 1, "locked": False}
        assert len(argon2_calls) == 2
        # and once the wait is over, the right password signs in
        await asyncio.sleep(1.1)
        assert (await attempt(client, "market_staff", "demo"))["code"] == "OK"


async def test_a_locked_account_refuses_the_right_password_until_the_admin_unlocks_it(
    db: TortoiseContext, settings: Settings, demo: None
) -> None:
    # given accounts locked after three failures, without waits before
    rules = throttled(settings, free_failures=10, lock_failures=3, lock_minutes=15)
    async with served(rules) as client:
        # when three wrong passwords are sent
        for _ in range(3):
            assert (await attempt(client, "sales_staff", "wrong"))["code"] == "UNAUTHENTICATED"
        # then the right password is refused for the length of the lock, and the lock audited
        refused = await attempt(client, "sales_staff", "demo")
        assert refused["code"] == "RATE_LIMITED" and refused["locked"] is True
        assert 14 * 60 < refused["retryAfterSeconds"] <= 15 * 60
        user = await User.get(username="sales_staff")
        assert await AuditEntry.filter(action="sign_in.locked", subject_id=user.id).exists()
        # when someone other than the admin tries to unlock it, it is refused
        staff = Viewer.of_user(await User.get(username="sales_head"))
        with pytest.raises(Forbidden):
            await unlock_sign_in(staff, guard_for(rules), username="sales_staff")
        assert (await attempt(client, "sales_staff", "demo"))["code"] == "RATE_LIMITED"
        # when the admin unlocks it, the unlock is audited and the right password works
        admin = Viewer.of_user(await User.get(username="admin"))
        assert await unlock_sign_in(admin, guard_for(rules), username="sales_staff")
        entry = await AuditEntry.get(action="sign_in.unlocked", subject_id=user.id)
        assert entry.actor_label == "admin"
        assert (await attempt(client, "sales_staff", "demo"))["code"] == "OK"


async def test_one_address_guessing_many_accounts_is_held_back_but_others_are_not(
    db: TortoiseContext, settings: Settings, demo: None
) -> None:
    # given addresses allowed two free failures, accounts many
    rules = throttled(settings, free_failures=10, address_free_failures=2)
    async with served(rules, "203.0.113.7") as guesser, served(rules, "10.1.2.3") as office:
        # when one address fails on three different accounts
        for username in ("finance_staff", "legal_staff", "nobody"):
            assert (await attempt(guesser, username, "wrong"))["code"] == "UNAUTHENTICATED"
        # then its next sign-in is refused, even with a right password for a fresh account
        assert (await attempt(guesser, "design_staff", "demo"))["code"] == "RATE_LIMITED"
        # while another address signs in to the same account
        assert (await attempt(office, "design_staff", "demo"))["code"] == "OK"


async def test_the_panel_counts_with_the_api_and_its_admin_unlocks_from_the_users_page(
    db: TortoiseContext, settings: Settings, demo: None
) -> None:
    # given accounts locked after two failures
    rules = throttled(settings, free_failures=10, lock_failures=2)
    app = create_app(rules, manage_orm=False)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
        panel, api = Panel(http), GraphQLClient(http)
        # when two wrong passwords go through the panel's login form
        for _ in range(2):
            failed = await panel.sign_in("market_head", "wrong")
            assert failed.status_code == 400
        # then the API refuses the right password too, and so does the panel, saying why
        assert (await attempt(api, "market_head", "demo"))["locked"] is True
        refused = await panel.sign_in("market_head", "demo")
        assert "too many failed sign-ins" in refused.text or "登录失败次数过多" in refused.text
        # when the admin unlocks the account from the Users page
        assert (await panel.sign_in("admin")).status_code == 303
        head = await User.get(username="market_head")
        unlocked = await panel.action("user", "unlock_sign_in", [head.id], row=True)
        assert unlocked.status_code == 200, unlocked.text
        # then the unlock is audited as the admin's, and the head signs in
        entry = await AuditEntry.get(action="sign_in.unlocked", subject_id=head.id)
        assert (entry.actor_label, entry.via) == ("admin", "admin")
        assert (await attempt(api, "market_head", "demo"))["code"] == "OK"


async def test_two_replicas_share_the_count_through_redis(
    db: TortoiseContext, settings: Settings, demo: None, redis_url: str
) -> None:
    # given two server instances configured with the same Redis
    rules = throttled(settings, free_failures=10, lock_failures=3).model_copy(
        update={"redis_url": redis_url}
    )
    replica = rules.model_copy()
    async with served(rules) as first, served(replica, "10.9.8.7") as second:
        # when the account fails three times on the first
        for _ in range(3):
            assert (await attempt(first, "it_staff", "wrong"))["code"] == "UNAUTHENTICATED"
        # then the second refuses its right password: the lock is shared
        assert (await attempt(second, "it_staff", "demo"))["locked"] is True
        # and an unlock made through either one's guard lifts it for both
        admin = Viewer.of_user(await User.get(username="admin"))
        assert await unlock_sign_in(admin, guard_for(replica), username="it_staff")
        assert (await attempt(first, "it_staff", "demo"))["code"] == "OK"
