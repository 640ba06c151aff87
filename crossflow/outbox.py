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

from crossflow import broker as broker_module
from crossflow import clock
from models import OutboxMessage
from models.enums import OutboxStatus

log = logging.getLogger(__name__)

RELAY_BATCH = 200


async def stage(actor_name: str, *args: Any, using_db: BaseDBAsyncClient | None = None) -> None:
    """Record a message for ``actor_name`` inside the caller's transaction."""
    await OutboxMessage.create(actor=actor_name, args=list(args), using_db=using_db)


async def relay(limit: int = RELAY_BATCH) -> int:
    """Send pending messages to the broker, oldest first; returns how many were sent."""
    async with _relay_lock:
        pending = (
            await OutboxMessage.filter(status=OutboxStatus.PENDING).order_by("id").limit(limit)
        )
        sent = 0
        broker = broker_module.current()
        for message in pending:
            try:
                broker.get_actor(message.actor).send(*message.args)
            except Exception as exc:  # the broker is down: keep the rest for the next relay
                log.warning("outbox relay paused: %s", type(exc).__name__)
                await OutboxMessage.filter(id=message.id).update(
                    attempts=message.attempts + 1, last_error=str(exc)[:500]
                )
                break
            await OutboxMessage.filter(id=message.id).update(
                status=OutboxStatus.SENT, sent_at=clock.now(), attempts=message.attempts + 1
            )
            sent += 1
        return sent


def kick() -> None:
    """Relay soon, without making the caller (a request) wait for the broker."""
    task = asyncio.get_running_loop().create_task(_relay_quietly())
    _background.add(task)
    task.add_done_callback(_background.discard)


async def _relay_quietly() -> None:
    try:
        await relay()
    except Exception:
        log.exception("outbox relay failed; pending messages stay for the next relay")


_relay_lock = asyncio.Lock()
_background: set[asyncio.Task[None]] = set()
