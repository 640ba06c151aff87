"""API2 broken authentication: ``changePassword`` is no way around the sign-in throttle.

Its current-password check was unlimited: whoever holds a stolen session (a bearer token
read from the workbench's storage) could try passwords there at argon2 speed until one
fitted, and then own the account for good. Wrong current passwords now count as failed
sign-ins of the account, shared with ``login``. Both database halves run.
"""

from __future__ import annotations

from tortoise.context import TortoiseContext

from core.settings import Settings
from models import AuditEntry, User
from tests.conftest import GraphQLClient
from tests.security.test_api2_sign_in_throttling import attempt, served, throttled

CHANGE = (
    "mutation($c: String!, $n: String!) {"
    " changePassword(input: {currentPassword: $c, newPassword: $n}) { token } }"
)


async def test_wrong_current_passwords_lock_the_account_like_failed_sign_ins(
    db: TortoiseContext, settings: Settings, demo: None
) -> None:
    # given a lock after three failures (the free ones), and market_staff's stolen session
    rules = throttled(settings, free_failures=3, lock_failures=3, lock_minutes=15)
    async with served(rules) as client:
        session = await client.sign_in("market_staff")
        # when three current passwords are guessed wrong through changePassword
        guesses = [
            await session.error_code(CHANGE, {"c": f"guess{n}", "n": "a-new-secret-1"})
            for n in range(3)
        ]
        # then the right one is refused too, and so is a sign-in with it
        right = await session.post(CHANGE, {"c": "demo", "n": "a-new-secret-1"})
        sign_in = await attempt(client, "market_staff", "demo")
    assert guesses == ["BAD_USER_INPUT"] * 3
    assert right["errors"][0]["extensions"]["code"] == "RATE_LIMITED"
    assert right["errors"][0]["extensions"]["locked"] is True
    assert (sign_in["code"], sign_in["locked"]) == ("RATE_LIMITED", True)
    staff = await User.get(username="market_staff")
    assert await AuditEntry.filter(
        action="sign_in.locked", subject_id=staff.id, via="change_password"
    ).exists()


async def test_the_right_current_password_still_changes_it_and_clears_the_count(
    db: TortoiseContext, settings: Settings, demo: None
) -> None:
    # given two wrong guesses under a lock at three
    rules = throttled(settings, free_failures=3, lock_failures=3, lock_minutes=15)
    async with served(rules) as client:
        session = await client.sign_in("market_staff")
        for n in range(2):
            await session.error_code(CHANGE, {"c": f"guess{n}", "n": "a-new-secret-1"})
        # when the owner gives the right one, then mistypes once more at sign-in
        changed = await session.data(CHANGE, {"c": "demo", "n": "a-new-secret-1"})
        mistyped = await attempt(client, "market_staff", "typo")
        fresh = GraphQLClient(client.http)
        signed_in = await attempt(fresh, "market_staff", "a-new-secret-1")
    # then the password changed, and the earlier guesses no longer count toward the lock
    assert changed["changePassword"]["token"]
    assert mistyped["code"] == "UNAUTHENTICATED"
    assert signed_in == {"code": "OK"}
