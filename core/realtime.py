"""Push of new notifications to subscribers, across server replicas.

Each server process keeps the queues of its own websocket subscribers. With Redis, a
notification is published on a channel that every replica listens to, so a subscriber
connected to replica A hears about a notification created through replica B; without
Redis (embedded mode) the single process delivers to its own queues.

The same channel carries viewer-change notices (a user signed out everywhere, was
deactivated or given another role): every replica wakes the watchers of that user's open
websockets (``resolvers/access/live_sockets.py``), which re-check the viewer and close the socket,
and every replica drops what it had cached of that user's sign-in (``core.access_cache``;
the cache is trusted only while this hub is subscribed, so a lost channel means database
reads, never a stale grant).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections import defaultdict
from collections.abc import AsyncIterator, Callable, Iterator

import redis.asyncio as aioredis
from redis.asyncio.client import PubSub
from redis.asyncio.retry import Retry
from redis.backoff import NoBackoff

from core.access_cache import AccessCache
from core.settings import get_settings

log = logging.getLogger(__name__)

CHANNEL = "crossflow:notifications"
#: The listener pings this often when the channel is quiet...
HEARTBEAT_SECONDS = 5.0
#: ...and takes the channel for lost (dropping the access cache) after this long unheard.
SILENCE_SECONDS = 15.0
#: An access notice Redis has not taken within this long is tried again in the background
#: (the change it announces is committed; the request that made it should not hang).
PUBLISH_TIMEOUT_SECONDS = 3.0
#: Access notices kept for a later try while Redis is out of reach (beyond: logged only).
MAX_UNANNOUNCED = 10_000
#: A changed user or token is forgotten on the notice and again this much later.
SECOND_FORGET_SECONDS = 2.0


class Hub:
    """Fans notification ids out to the local subscribers of each user."""

    def __init__(self, redis_url: str | None = None) -> None:
        self._queues: dict[int, set[asyncio.Queue[int]]] = defaultdict(set)
        self._watchers: dict[int, set[asyncio.Event]] = defaultdict(set)
        self._redis_url = redis_url
        self._listener: asyncio.Task[None] | None = None
        #: One pooled client for publishing, made on first use (on the loop that publishes).
        self._publisher: aioredis.Redis | None = None
        #: Who the tokens stand for, trusted while subscribed (``core.access_cache``).
        self.access = AccessCache()
        #: Access notices Redis did not take yet, and the task that keeps offering them.
        self._unannounced: list[dict[str, int]] = []
        self._retrying: asyncio.Task[None] | None = None

    async def start(self) -> None:
        if self._redis_url and self._listener is None:
            self._listener = asyncio.create_task(self._listen())

    async def stop(self) -> None:
        if self._retrying is not None:
            self._retrying.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._retrying
            self._retrying = None
        if self._listener is not None:
            self._listener.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._listener
            self._listener = None
        if self._publisher is not None:
            await self._publisher.aclose()
            self._publisher = None

    async def publish(self, user_id: int, notification_id: int) -> None:
        """Tell every replica that ``user_id`` has a new notification."""
        if not self._redis_url:
            self._deliver_locally(user_id, notification_id)
            return
        if self._publisher is None:
            self._publisher = aioredis.from_url(self._redis_url)
        await self._publisher.publish(CHANNEL, json.dumps({"u": user_id, "n": notification_id}))

    async def viewer_changed(self, user_id: int) -> None:
        """Tell every replica that ``user_id``'s sign-in, activity or role may have changed.

        The one door of every such change (sign-out everywhere, password, deactivation,
        role, department, username): call it after the change is committed. This process
        forgets the user at once; the others on hearing the notice; watchers re-read the
        user when woken.
        """
        self._forget(self.access.forget_user, user_id)
        if not self._redis_url:
            self._wake_locally(user_id)
            return
        await self._announce({"v": user_id})

    async def api_token_changed(self, token_id: int) -> None:
        """Tell every replica that an API token was revoked (after the commit)."""
        self._forget(self.access.forget_api_token, token_id)
        if self._redis_url:
            await self._announce({"k": token_id})

    async def _announce(self, notice: dict[str, int]) -> None:
        """Publish an access notice; if Redis cannot be reached, keep trying in the background.

        The change is committed already, so it is not failed. A replica that cannot reach
        Redis either has lost its subscription and reads the database meanwhile
        (``core.access_cache``); one that still can (Redis out of reach of this process
        only) hears the notice once this process reaches Redis again. This process's own
        open websockets re-check at once.
        """
        try:
            await self._publish_notice(notice)
        except Exception as exc:
            log.error("access change %s not announced yet (%s)", notice, type(exc).__name__)
            if "v" in notice:
                self._wake_locally(notice["v"])
            if len(self._unannounced) < MAX_UNANNOUNCED:
                self._unannounced.append(notice)
            if self._retrying is None or self._retrying.done():
                self._retrying = asyncio.create_task(self._announce_later())

    async def _publish_notice(self, notice: dict[str, int]) -> None:
        if self._publisher is None:
            self._publisher = aioredis.from_url(self._redis_url)  # type: ignore[arg-type]
        await asyncio.wait_for(
            self._publisher.publish(CHANNEL, json.dumps(notice)), PUBLISH_TIMEOUT_SECONDS
        )

    async def _announce_later(self) -> None:
        """Publish the notices Redis refused, oldest first, backing off up to 30 s."""
        delay = 0.5
        while self._unannounced:
            await asyncio.sleep(delay)
            try:
                while self._unannounced:
                    await self._publish_notice(self._unannounced[0])
                    self._unannounced.pop(0)
            except Exception:
                delay = min(delay * 2, 30.0)
        log.warning("access changes announced after Redis came back")

    @contextlib.contextmanager
    def watch_viewer(self, user_id: int) -> Iterator[asyncio.Event]:
        """An event set whenever a change of ``user_id`` is announced, while the caller watches."""
        event = asyncio.Event()
        self._watchers[user_id].add(event)
        try:
            yield event
        finally:
            self._watchers[user_id].discard(event)
            if not self._watchers[user_id]:
                del self._watchers[user_id]

    @contextlib.asynccontextmanager
    async def subscribe(self, user_id: int) -> AsyncIterator[asyncio.Queue[int]]:
        """A queue of notification ids for ``user_id`` while the caller listens."""
        queue: asyncio.Queue[int] = asyncio.Queue(maxsize=1000)
        self._queues[user_id].add(queue)
        try:
            yield queue
        finally:
            self._queues[user_id].discard(queue)
            if not self._queues[user_id]:
                del self._queues[user_id]

    def _deliver_locally(self, user_id: int, notification_id: int) -> None:
        for queue in list(self._queues.get(user_id, ())):
            with contextlib.suppress(asyncio.QueueFull):
                queue.put_nowait(notification_id)

    def _wake_locally(self, user_id: int) -> None:
        for event in list(self._watchers.get(user_id, ())):
            event.set()

    async def _listen(self) -> None:
        """Relay published notices; reconnect when Redis goes away.

        The access cache is armed once the subscription is confirmed and disarmed the
        moment it is lost (an error, or silence past ``SILENCE_SECONDS`` despite pings):
        notices published meanwhile are missed, so nothing cached before may be trusted.
        Redis's own reconnect-and-resubscribe is switched off for the same reason.
        """
        assert self._redis_url is not None
        while True:
            client = aioredis.from_url(self._redis_url, retry=Retry(NoBackoff(), 0))
            try:
                async with client.pubsub() as pubsub:
                    await pubsub.subscribe(CHANNEL)
                    await self._relay(pubsub)
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                self.access.disarm()
                log.warning("notification channel lost (%s), reconnecting", type(exc).__name__)
                await asyncio.sleep(1.0)
            finally:
                self.access.disarm()
                await client.aclose()

    async def _relay(self, pubsub: PubSub) -> None:
        loop = asyncio.get_running_loop()
        heard = pinged = loop.time()
        while True:
            message = await pubsub.get_message(timeout=HEARTBEAT_SECONDS)
            now = loop.time()
            if message is not None:
                heard = now
                if message.get("type") == "subscribe":
                    self.access.arm()
                elif message.get("type") == "message":
                    self._receive(json.loads(message["data"]))
            if now - heard > SILENCE_SECONDS:
                raise ConnectionError("the notification channel went silent")
            if now - pinged >= HEARTBEAT_SECONDS:
                await pubsub.ping()
                pinged = now

    @staticmethod
    def _forget(forget: Callable[[int], None], key: int) -> None:
        """Forget now, and once more a moment later: a notice sent before its change was
        committed (a caller inside a transaction) would otherwise let a read of the old
        row be kept after it, until the next change of that user."""
        forget(key)
        asyncio.get_running_loop().call_later(SECOND_FORGET_SECONDS, forget, key)

    def _receive(self, data: dict[str, int]) -> None:
        if "v" in data:
            self._forget(self.access.forget_user, int(data["v"]))
            self._wake_locally(int(data["v"]))
        elif "k" in data:
            self._forget(self.access.forget_api_token, int(data["k"]))
        else:
            self._deliver_locally(int(data["u"]), int(data["n"]))


_hub: Hub | None = None


def hub() -> Hub:
    """This process's hub (set up by the app or the worker from the settings)."""
    global _hub
    if _hub is None:
        _hub = Hub(get_settings().redis_url)
    return _hub


def set_hub(new_hub: Hub | None) -> None:
    global _hub
    _hub = new_hub
