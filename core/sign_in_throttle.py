"""Counting failed sign-ins per account and per client address: delays, then a lock.

Each key (``account:<username>`` or ``address:<ip>``) counts its failed sign-ins and the
time of the last one. Up to ``free`` failures cost nothing; after that the next attempt
must wait 1 s, doubling with every further failure up to ``max_delay``; at ``lock_after``
failures the key is locked for ``lock_seconds``. A key forgets everything ``lock_seconds``
after its last failure. The attempts refused while waiting are not counted and cost no
argon2 time: an attacker's guesses per minute fall to a handful.

With ``CROSSFLOW_REDIS_URL`` the counts live in Redis (one atomic script per change, on the
Redis server's clock), so every replica and the panel see the same ones, like the report
limiter (``core/rate_limit.py``); without it, in each process. If Redis fails, the
process counts on its own rather than letting every attempt through.
"""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass
from typing import Protocol

import redis.asyncio as aioredis

log = logging.getLogger(__name__)

#: Keys kept in memory at most; the least recently failed are forgotten.
MEMORY_KEYS = 10_000


@dataclass(frozen=True)
class Rule:
    """How many failures one kind of key is allowed, and what follows."""

    free: int
    lock_after: int
    lock_seconds: int
    max_delay: float


@dataclass(frozen=True)
class Count:
    """A key's failures, the time of the last one and the time now (the store's clock)."""

    failures: int
    last_at: float
    now: float

    def wait(self, rule: Rule) -> float:
        """Seconds until the key may try again (0: now)."""
        if self.failures >= rule.lock_after:
            until = self.last_at + rule.lock_seconds
        elif self.failures > rule.free:
            until = self.last_at + min(rule.max_delay, 2.0 ** (self.failures - rule.free - 1))
        else:
            return 0.0
        return max(0.0, until - self.now)

    def locked(self, rule: Rule) -> bool:
        return self.failures >= rule.lock_after and self.wait(rule) > 0


class AttemptStore(Protocol):
    async def read(self, key: str) -> Count: ...

    async def fail(self, key: str, ttl_seconds: int) -> Count:
        """Count one more failure for ``key``; the count after it."""
        ...

    async def clear(self, key: str) -> bool:
        """Forget ``key``; whether there was anything to forget."""
        ...


class MemoryAttempts:
    """Counts in this process's memory."""

    def __init__(self) -> None:
        self._counts: dict[str, tuple[int, float, float]] = {}  # key -> (failures, at, ttl)

    def _live(self, key: str, now: float) -> tuple[int, float]:
        failures, at, ttl = self._counts.get(key, (0, now, 0.0))
        if failures and now - at > ttl:
            self._counts.pop(key, None)
            return 0, now
        return failures, at

    async def read(self, key: str) -> Count:
        now = time.time()
        failures, at = self._live(key, now)
        return Count(failures, at, now)

    async def fail(self, key: str, ttl_seconds: int) -> Count:
        now = time.time()
        failures, _ = self._live(key, now)
        self._counts.pop(key, None)
        self._counts[key] = (failures + 1, now, float(ttl_seconds))  # last: LRU order
        if len(self._counts) > MEMORY_KEYS:
            self._counts.pop(next(iter(self._counts)))
        return Count(failures + 1, now, now)

    async def clear(self, key: str) -> bool:
        return self._counts.pop(key, None) is not None


_NOW = "local t = redis.call('TIME') local now = tonumber(t[1]) + tonumber(t[2]) / 1000000 "
#: The count, the last failure and the server's time, as text (Lua numbers become integers).
_READ = (
    _NOW
    + """
local state = redis.call('HMGET', KEYS[1], 'failures', 'at')
return {state[1] or '0', state[2] or tostring(now), tostring(now)}
"""
)
_FAIL = (
    _NOW
    + """
local failures = redis.call('HINCRBY', KEYS[1], 'failures', 1)
redis.call('HSET', KEYS[1], 'at', tostring(now))
redis.call('EXPIRE', KEYS[1], tonumber(ARGV[1]))
return {tostring(failures), tostring(now), tostring(now)}
"""
)


class RedisAttempts:
    """Counts in Redis, shared by every replica; this process's own when Redis fails."""

    def __init__(self, url: str, prefix: str = "crossflow:sign-in:") -> None:
        self.client = aioredis.from_url(url, socket_connect_timeout=2, socket_timeout=2)
        self.prefix = prefix
        self.fallback = MemoryAttempts()
        self._read = self.client.register_script(_READ)
        self._fail = self.client.register_script(_FAIL)

    async def read(self, key: str) -> Count:
        try:
            values = await asyncio.wait_for(self._read(keys=[self.prefix + key]), timeout=3)
        except Exception as exc:  # Redis away: count per process rather than not at all
            log.warning("sign-in throttling falls back to this process: %s", type(exc).__name__)
            return await self.fallback.read(key)
        return _count(values)

    async def fail(self, key: str, ttl_seconds: int) -> Count:
        try:
            values = await asyncio.wait_for(
                self._fail(keys=[self.prefix + key], args=[ttl_seconds]), timeout=3
            )
        except Exception as exc:
            log.warning("sign-in throttling falls back to this process: %s", type(exc).__name__)
            return await self.fallback.fail(key, ttl_seconds)
        return _count(values)

    async def clear(self, key: str) -> bool:
        cleared = await self.fallback.clear(key)
        try:
            removed = await asyncio.wait_for(self.client.delete(self.prefix + key), timeout=3)
        except Exception as exc:  # Redis away: a sign-in must not fail for want of a reset;
            # while it is away the counts are this process's anyway (see read and fail)
            log.warning("sign-in throttling could not reset in Redis: %s", type(exc).__name__)
            return cleared
        return bool(removed) or cleared


def _count(values: list[bytes]) -> Count:
    failures, at, now = (float(value) for value in values)
    return Count(int(failures), at, now)
