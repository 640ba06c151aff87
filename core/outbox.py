"""The transactional outbox: background messages that survive crashes and broker outages.

A use case stages a message in the same transaction as the change that causes it; after
the commit, the relay hands pending rows to the broker. If the process dies in between, or
Redis is away, the rows stay pending and the next relay (after the next write, or the
periodic one) sends them. A row may be sent twice in a race; actors are idempotent.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.expressions import F

from core import broker as broker_module
from core import clock, logs
from core.outbox_message import OutboxMessage, OutboxStatus

log = logging.getLogger(__name__)

RELAY_BATCH = 200


async def stage(actor_name: str, *args: Any, using_db: BaseDBAsyncClient | None = None) -> None:
    """Record a message for ``actor_name`` inside the caller's transaction.

    The current request id goes with it, so the actor's log lines join the request's.
    """
    await OutboxMessage.create(
        actor=actor_name,
        args=list(args),
        request_id=logs.current_request_id(),
        using_db=using_db,
    )


async def relay(limit: int = RELAY_BATCH) -> int:
    """Send one batch of pending messages to the broker, oldest first; returns how many.

    Rows are marked sent in one statement per batch. If the broker fails part-way, the
    rows sent so far are marked and the rest stay pending for the next relay.
    """
    async with _relay_lock:
        pending = (
            await OutboxMessage.filter(status=OutboxStatus.PENDING).order_by("id").limit(limit)
        )
        broker = broker_module.current()
        sent: list[int] = []
        failure: Exception | None = None
        for message in pending:
            try:
                broker.get_actor(message.actor).send_with_options(
                    args=tuple(message.args), **_options(message)
                )
            except Exception as exc:  # the broker is down: keep the rest for the next relay
                failure = exc
                break
            sent.append(message.id)
        if sent:
            await OutboxMessage.filter(id__in=sent).update(
                status=OutboxStatus.SENT, sent_at=clock.now(), attempts=F("attempts") + 1
            )
        if failure is not None:
            log.warning("outbox relay paused: %s", type(failure).__name__)
            await OutboxMessage.filter(id=pending[len(sent)].id).update(
                attempts=F("attempts") + 1, last_error=str(failure)[:500]
            )
        return len(sent)


async def relay_all() -> int:
    """Relay until nothing is pending or the broker refuses; returns how many were sent."""
    total = 0
    while True:
        sent = await relay()
        total += sent
        if sent < RELAY_BATCH:
            return total


async def run_inline() -> int:
    """Run pending messages in this process, for a command without a broker (no Redis).

    Each row is claimed before its actor's function runs, so a server relaying the same
    rows at the same time does not run them too; a failure puts the row back for later.
    """
    broker = broker_module.current()
    done = 0
    while True:
        pending = (
            await OutboxMessage.filter(status=OutboxStatus.PENDING)
            .order_by("id")
            .limit(RELAY_BATCH)
        )
        if not pending:
            return done
        for message in pending:
            claimed = await OutboxMessage.filter(id=message.id, status=OutboxStatus.PENDING).update(
                status=OutboxStatus.SENT, sent_at=clock.now(), attempts=F("attempts") + 1
            )
            if not claimed:
                continue
            actor = broker.get_actor(message.actor)
            function = getattr(actor.fn, "__wrapped__", actor.fn)
            tokens = logs.bind(request_id=message.request_id, actor=message.actor)
            try:
                await function(*message.args)
            except Exception as exc:
                log.warning("inline %s failed: %s", message.actor, type(exc).__name__)
                await OutboxMessage.filter(id=message.id).update(
                    status=OutboxStatus.PENDING, last_error=str(exc)[:500]
                )
                return done
            finally:
                logs.unbind(tokens)
            done += 1


def _options(message: OutboxMessage) -> dict[str, Any]:
    """The Dramatiq options of a row's message: its request id, when it has one."""
    return {"request_id": message.request_id} if message.request_id else {}


def kick() -> None:
    """Relay soon, without making the caller (a request) wait for the broker."""
    task = asyncio.get_running_loop().create_task(_relay_quietly())
    _background.add(task)
    task.add_done_callback(_background.discard)


async def drain() -> None:
    """Wait for the relays that earlier writes started (shutdown, and SQL-counting tests)."""
    await asyncio.gather(*list(_background), return_exceptions=True)


async def _relay_quietly() -> None:
    try:
        await relay()
    except Exception:
        log.exception("outbox relay failed; pending messages stay for the next relay")


_relay_lock = asyncio.Lock()
_background: set[asyncio.Task[None]] = set()
