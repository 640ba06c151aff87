"""A token bucket per caller for the report downloads (a BI tool polling in a loop must not
take the database down for everyone) and for comments (one person cannot flood a task).

Each key (an API token, or a user) holds up to ``rate_per_minute`` tokens and regains them
at that rate; a request takes one, and a request finding none is answered 429 with the
seconds until the next token in ``Retry-After``. With ``CROSSFLOW_REDIS_URL`` the buckets
live in Redis (one atomic script per request), shared by every server replica; without
it, in the memory of each process, so N replicas would allow N times the rate. If Redis
fails, the process falls back to its own buckets rather than refusing every download.
"""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Protocol

import redis.asyncio as aioredis

from core.settings import Settings

log = logging.getLogger(__name__)

#: Buckets kept in memory at most; the least recently used are forgotten (a full bucket).
MEMORY_KEYS = 10_000


class Limiter(Protocol):
    async def take(self, key: str) -> float:
        """Take a token for ``key``: 0 when allowed, else the seconds to wait."""
        ...


class MemoryTokenBucket:
    """Buckets in this process's memory."""

    def __init__(self, rate_per_minute: int) -> None:
        self.capacity = float(rate_per_minute)
        self.per_second = rate_per_minute / 60.0
        self._buckets: dict[str, tuple[float, float]] = {}  # key -> (tokens, at)

    async def take(self, key: str) -> float:
        now = time.monotonic()
        tokens, at = self._buckets.pop(key, (self.capacity, now))
        tokens = min(self.capacity, tokens + (now - at) * self.per_second)
        wait = 0.0
        if tokens >= 1:
            tokens -= 1
        else:
            wait = (1 - tokens) / self.per_second
        self._buckets[key] = (tokens, now)  # re-inserted last: the dict keeps LRU order
        if len(self._buckets) > MEMORY_KEYS:
            self._buckets.pop(next(iter(self._buckets)))
        return wait


#: Refill, take, store; returns the wait in seconds as text (Lua numbers become integers).
_SCRIPT = """
local capacity = tonumber(ARGV[1])
local per_second = tonumber(ARGV[2])
local clock = redis.call('TIME')
local now = tonumber(clock[1]) + tonumber(clock[2]) / 1000000
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1]) or capacity
local at = tonumber(state[2]) or now
tokens = math.min(capacity, tokens + math.max(0, now - at) * per_second)
local wait = 0
if tokens >= 1 then
  tokens = tokens - 1
else
  wait = (1 - tokens) / per_second
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('EXPIRE', KEYS[1], math.ceil(capacity / per_second) + 1)
return tostring(wait)
"""


class RedisTokenBucket:
    """Buckets in Redis, shared by every replica; falls back to memory when Redis fails."""

    def __init__(self, url: str, rate_per_minute: int, prefix: str = "crossflow:rate:") -> None:
        self.client = aioredis.from_url(url, socket_connect_timeout=2, socket_timeout=2)
        self.capacity = rate_per_minute
        self.per_second = rate_per_minute / 60.0
        self.prefix = prefix
        self.fallback = MemoryTokenBucket(rate_per_minute)
        self._script = self.client.register_script(_SCRIPT)

    async def take(self, key: str) -> float:
        try:
            wait = await asyncio.wait_for(
                self._script(keys=[self.prefix + key], args=[self.capacity, self.per_second]),
                timeout=3,
            )
            return float(wait)
        except Exception as exc:  # Redis away: limit per process rather than not at all
            log.warning("rate limit falls back to this process: %s", type(exc).__name__)
            return await self.fallback.take(key)

    async def close(self) -> None:
        await self.client.aclose()


def build_limiter(
    settings: Settings, rate_per_minute: int | None = None, prefix: str = "crossflow:rate:"
) -> Limiter:
    """Redis buckets when Redis is configured, else this process's.

    The rate defaults to the report downloads'; another limit names its own rate and a
    key prefix of its own, so its buckets never mix with the reports'.
    """
    rate = rate_per_minute or settings.reports_rate_per_minute
    if settings.redis_url:
        return RedisTokenBucket(settings.redis_url, rate, prefix)
    return MemoryTokenBucket(rate)
