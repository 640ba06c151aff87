"""Sign-in throttling (per account and per client address) for the API's ``login`` and the
admin panel's sign-in alike, both of which go through ``resolvers.access.auth.login``.

The settings give the rules (README, "Sign-in throttling"); ``crossflow/sign_in_throttle``
counts. A refused attempt is ``RATE_LIMITED`` with ``retryAfterSeconds`` (and ``locked``
once the lock is on), decided before the password is looked at: it spends no argon2 time,
and the right password is refused as well while the wait or the lock lasts. Every lock is
audited when it starts (``sign_in.locked``); unlocking is ``resolvers/access/sign_in_locks``.
"""

from __future__ import annotations

import math
import weakref
from dataclasses import dataclass

from core.settings import Settings
from core.sign_in_throttle import AttemptStore, MemoryAttempts, RedisAttempts, Rule
from models import User
from resolvers import audit
from resolvers.errors import RateLimited

#: Usernames longer than any real one are cut before they become a key.
KEY_LENGTH = 150


def account_key(username: str) -> str:
    return "account:" + username.strip().casefold()[:KEY_LENGTH]


def address_key(address: str) -> str:
    return "address:" + address[:KEY_LENGTH]


@dataclass(frozen=True)
class SignInGuard:
    """The counts and the rules of one server (every replica's guard shares Redis)."""

    store: AttemptStore
    account: Rule
    address: Rule

    @classmethod
    def of(cls, settings: Settings) -> SignInGuard:
        lock_seconds = settings.sign_in_lock_minutes * 60
        delay = float(settings.sign_in_max_delay_seconds)
        return cls(
            store=RedisAttempts(settings.redis_url) if settings.redis_url else MemoryAttempts(),
            account=Rule(
                settings.sign_in_free_failures, settings.sign_in_lock_failures, lock_seconds, delay
            ),
            address=Rule(
                settings.sign_in_address_free_failures,
                settings.sign_in_address_lock_failures,
                lock_seconds,
                delay,
            ),
        )

    def _keys(self, username: str, address: str | None) -> list[tuple[str, Rule]]:
        keys = [(account_key(username), self.account)]
        if address:
            keys.append((address_key(address), self.address))
        return keys

    async def check(self, username: str, address: str | None) -> None:
        """``RATE_LIMITED`` while the account or the address must wait or is locked."""
        for key, rule in self._keys(username, address):
            count = await self.store.read(key)
            wait = count.wait(rule)
            if wait <= 0:
                continue
            seconds = math.ceil(wait)
            if count.locked(rule):
                message = (
                    f"登录失败次数过多，已临时锁定，请{seconds}秒后重试或联系管理员解锁"
                    f" (too many failed sign-ins: locked for {seconds} s, or until an"
                    " administrator unlocks it)"
                )
            else:
                message = (
                    f"登录尝试过于频繁，请{seconds}秒后重试 (too many failed sign-ins:"
                    f" retry in {seconds} s)"
                )
            raise RateLimited(message, retryAfterSeconds=seconds, locked=count.locked(rule))

    async def failed(self, username: str, address: str | None, *, via: str) -> None:
        """Count a failed sign-in; the failure that starts a lock is audited."""
        for key, rule in self._keys(username, address):
            count = await self.store.fail(key, rule.lock_seconds)
            if count.failures != rule.lock_after:
                continue
            user = None
            if rule is self.account:
                user = await User.get_or_none(username=username.strip())
            await audit.record(
                None,
                "sign_in.locked",
                "User" if user is not None else "SignIn",
                user.id if user is not None else None,
                subject_code=key[:40],
                note=key,
                after={"failures": count.failures, "lockedForSeconds": rule.lock_seconds},
                via=via,
            )

    async def succeeded(self, username: str) -> None:
        """A right password ends the account's count (the address keeps its own)."""
        await self.store.clear(account_key(username))


_guards: dict[int, SignInGuard] = {}


def guard_for(settings: Settings) -> SignInGuard:
    """The guard of the server these settings belong to (made on first use, one per server
    process: the API and the panel count together)."""
    key = id(settings)
    guard = _guards.get(key)
    if guard is None:
        guard = _guards[key] = SignInGuard.of(settings)
        weakref.finalize(settings, _guards.pop, key, None)
    return guard
