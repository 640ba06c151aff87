"""Open websockets keep checking who is on the other end.

A subscription socket is signed in once, by ``connection_init``; without a re-check it
would keep delivering notifications after the person signed out everywhere, was
deactivated, changed role, or after the token expired. Each signed-in socket therefore
has a watcher that re-reads its viewer from the token it was opened with:

- at once when a change of that user is announced (``realtime.Hub.viewer_changed``, on
  Redis pub/sub across replicas), and once more shortly after, in case the notice
  arrived before the change was committed;
- at the token's exact expiry;
- at least every ``CROSSFLOW_WS_RECHECK_SECONDS``, for changes nobody announced.

Close codes (graphql-ws's own meanings, so its client does the right thing):
``4401 Unauthorized`` when the token is no longer valid (signed out, deactivated, expired,
revoked): the client stops and must sign in again; ``4403 Forbidden`` when the token is
valid but the viewer's role or department changed: graphql-ws's client reconnects, and
the new socket is signed in with the current permissions; ``1011`` when the re-check
itself failed (fail closed; the client reconnects). Subscriptions stop before the socket
closes, so nothing is delivered after the verdict.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from starlette.websockets import WebSocket

from core import clock, realtime
from core.security import hash_api_token, is_api_token
from core.settings import Settings
from models import ApiToken
from resolvers.access.auth import Viewer, tokens_for, viewer_from_token

log = logging.getLogger(__name__)

UNAUTHORIZED = 4401
FORBIDDEN = 4403
#: The re-check itself failed (the database away): WebSocket's "internal error".
INTERNAL_ERROR = 1011
#: After an announced change, the viewer is read again this much later: a notice sent
#: inside a transaction can arrive before the change is visible.
SECOND_LOOK_SECONDS = 2.0
#: Expiry is checked this long after the token's deadline (tokens count whole seconds).
EXPIRY_MARGIN_SECONDS = 1.0


@dataclass(frozen=True)
class Verdict:
    """Why a socket closes, as graphql-ws close code and reason."""

    code: int
    reason: str


async def recheck(settings: Settings, token: str, viewer: Viewer) -> Verdict | None:
    """``None`` while the token still stands for the same viewer, else why to close."""
    current = await viewer_from_token(settings, token, fresh=True)
    if current is None:
        return Verdict(UNAUTHORIZED, "Unauthorized")
    if (current.user_id, current.role, current.department_id) != (
        viewer.user_id,
        viewer.role,
        viewer.department_id,
    ):
        return Verdict(FORBIDDEN, "Forbidden")
    return None


async def token_deadline(settings: Settings, token: str) -> datetime | None:
    """When the token expires (``None``: it never does, or it is not valid anyway)."""
    if is_api_token(token):
        record = await ApiToken.get_or_none(token_hash=hash_api_token(token))
        return record.expires_at if record is not None else None
    return tokens_for(settings).expires_at(token)


class LiveConnection:
    """One websocket's watch over its viewer; ``closed`` is set before the socket closes."""

    def __init__(self) -> None:
        self.closed = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    def watch(self, settings: Settings, token: str, viewer: Viewer, websocket: WebSocket) -> None:
        """Start watching once ``connection_init`` signed the socket in."""
        if self._task is None:
            self._task = asyncio.create_task(self._run(settings, token, viewer, websocket))

    async def stop(self) -> None:
        """The socket ended: stop watching."""
        self.closed.set()
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    async def next_of(self, queue: asyncio.Queue[int]) -> int | None:
        """The queue's next item, or ``None`` once the connection is closed."""
        if self.closed.is_set():
            return None
        getting = asyncio.ensure_future(queue.get())
        closing = asyncio.ensure_future(self.closed.wait())
        try:
            await asyncio.wait({getting, closing}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            closing.cancel()
            if not getting.done():
                getting.cancel()
        if self.closed.is_set():
            return None
        return getting.result()

    async def _run(
        self, settings: Settings, token: str, viewer: Viewer, websocket: WebSocket
    ) -> None:
        try:
            verdict = await self._until_verdict(settings, token, viewer)
        except Exception:
            # Fail closed, but not as a sign-out: the client reconnects and signs in afresh.
            log.exception("re-checking a websocket's viewer failed; closing it")
            verdict = Verdict(INTERNAL_ERROR, "Internal error, reconnect")
        self.closed.set()
        with contextlib.suppress(RuntimeError):  # the client went away meanwhile
            await websocket.close(code=verdict.code, reason=verdict.reason)

    async def _until_verdict(self, settings: Settings, token: str, viewer: Viewer) -> Verdict:
        with _announcements(viewer) as changed:
            second_look: float | None = None
            while True:
                timeout = await _next_check_in(settings, token, second_look)
                announced = await _wait(changed, timeout)
                changed.clear()
                verdict = await recheck(settings, token, viewer)
                if verdict is not None:
                    return verdict
                if announced:
                    second_look = time.monotonic() + SECOND_LOOK_SECONDS
                elif second_look is not None and time.monotonic() >= second_look:
                    second_look = None


@contextlib.contextmanager
def _announcements(viewer: Viewer) -> Iterator[asyncio.Event]:
    """Set when a change of the viewer's user is announced (never, for a token of no one)."""
    if viewer.user_id is None:
        yield asyncio.Event()
        return
    with realtime.hub().watch_viewer(viewer.user_id) as changed:
        yield changed


async def _next_check_in(settings: Settings, token: str, second_look: float | None) -> float:
    """Seconds until the next re-check: the periodic one, the expiry or the second look."""
    timeout = settings.ws_recheck_seconds
    deadline = await token_deadline(settings, token)
    if deadline is not None:
        until = (deadline - clock.now()).total_seconds() + EXPIRY_MARGIN_SECONDS
        timeout = min(timeout, max(until, 0.0))
    if second_look is not None:
        timeout = min(timeout, max(second_look - time.monotonic(), 0.0))
    return timeout


async def _wait(event: asyncio.Event, seconds: float) -> bool:
    """Whether ``event`` was set within ``seconds``."""
    try:
        await asyncio.wait_for(event.wait(), seconds)
    except TimeoutError:
        return False
    return True
