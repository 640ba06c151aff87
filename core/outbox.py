"""The transactional outbox: background messages that survive crashes and broker outages.

A use case stages a message in the same transaction as the change that causes it; after
the commit, the relay hands pending rows to the broker. If the process dies in between, or
Redis is away, the rows stay pending and the next relay (after the next write, or the
periodic one) sends them. A row may be sent twice in a race; actors are idempotent.

Failures (docs/decisions.md, "Outbox retries"): a broker outage pauses the relay and charges
no message (every later one would fail the same way, and they all go once it is back). A
failure of one message (no such actor, its function failing when run in process) is that
message's: it is tried again after an exponential backoff and PARKED after
``outbox_max_attempts`` tries, while the messages after it go on. An admin sees parked rows
in the panel and can put them back (:func:`requeue`).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any, TypeVarTuple

import dramatiq.errors
import redis.exceptions
from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.expressions import F, Q

from core import broker as broker_module
from core import clock, logs
from core.actor_refs import ActorRef
from core.outbox_message import OutboxMessage, OutboxStatus
from core.settings import Settings, get_settings

Ts = TypeVarTuple("Ts")

#: What a broker that cannot be reached raises (builtin ConnectionError and TimeoutError are
#: OSErrors): the relay pauses without charging the message.
BROKER_DOWN: tuple[type[BaseException], ...] = (
    OSError,
    dramatiq.errors.BrokerConnectionError,
    redis.exceptions.ConnectionError,
    redis.exceptions.TimeoutError,
)

log = logging.getLogger(__name__)

RELAY_BATCH = 200


async def stage(
    actor: ActorRef[*Ts], *args: *Ts, using_db: BaseDBAsyncClient | None = None
) -> None:
    """Record a message for ``actor`` inside the caller's transaction.

    The current request id goes with it, so the actor's log lines join the request's.
    """
    await OutboxMessage.create(
        actor=actor.name,
        args=list(args),
        request_id=logs.current_request_id(),
        using_db=using_db,
    )


async def stage_many(
    actor: ActorRef[*Ts],
    arguments: Iterable[tuple[*Ts]],
    using_db: BaseDBAsyncClient | None = None,
    not_before: datetime | None = None,
) -> int:
    """Record one message for ``actor`` per argument tuple in one INSERT (the bulk paths:
    the warning scan stages thousands in a batch); returns how many. With ``not_before``
    they wait in the outbox until then (a recipient's quiet hours), relayed or run inline
    only once due, so the wait survives any restart, with a broker or without."""
    request_id = logs.current_request_id()
    rows = [
        OutboxMessage(
            actor=actor.name, args=list(args), request_id=request_id, next_attempt_at=not_before
        )
        for args in arguments
    ]
    if rows:
        await OutboxMessage.bulk_create(rows, using_db=using_db)
    return len(rows)


def _due(now: datetime) -> Q:
    """Pending rows whose backoff (if any) has run out."""
    return Q(status=OutboxStatus.PENDING) & (
        Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now)
    )


def backoff(attempts: int, settings: Settings) -> timedelta:
    """The wait after a message's ``attempts``-th failure: doubling, capped."""
    seconds = settings.outbox_backoff_seconds * 2 ** max(attempts - 1, 0)
    return timedelta(seconds=min(seconds, settings.outbox_backoff_max_seconds))


async def _charge(message: OutboxMessage, attempts: int, error: BaseException) -> None:
    """Record a failure of ``message`` (its ``attempts``-th): back off, or park it."""
    settings = get_settings()
    parked = attempts >= settings.outbox_max_attempts
    await OutboxMessage.filter(id=message.id).update(
        status=OutboxStatus.PARKED if parked else OutboxStatus.PENDING,
        attempts=attempts,
        next_attempt_at=None if parked else clock.now() + backoff(attempts, settings),
        last_error=f"{type(error).__name__}: {error}"[:500],
    )
    log.warning(
        "outbox message %s for %s %s after attempt %s: %s",
        message.id,
        message.actor,
        "parked" if parked else "backs off",
        attempts,
        type(error).__name__,
    )


async def relay(limit: int = RELAY_BATCH) -> int:
    """Send one batch of due messages to the broker, oldest first; returns how many."""
    sent, _ = await _relay_batch(limit)
    return sent


async def relay_all() -> int:
    """Relay until nothing is due or the broker is away; returns how many were sent."""
    total = 0
    while True:
        sent, more = await _relay_batch(RELAY_BATCH)
        total += sent
        if not more:
            return total


async def _relay_batch(limit: int) -> tuple[int, bool]:
    """One batch: how many were sent, and whether another batch may find more.

    Rows are marked sent in one statement per batch. A message the broker refuses on its
    own account backs off (or is parked) and the batch goes on; a broker outage ends the
    batch, the rows sent so far marked and the rest left due for the next relay.
    """
    async with _relay_lock:
        pending = await OutboxMessage.filter(_due(clock.now())).order_by("id").limit(limit)
        broker = broker_module.current()
        sent: list[int] = []
        outage: BaseException | None = None
        for message in pending:
            try:
                broker.get_actor(message.actor).send_with_options(
                    args=tuple(message.args), **_options(message)
                )
            except BROKER_DOWN as exc:  # the broker is away: keep the rest for the next relay
                outage = exc
                await OutboxMessage.filter(id=message.id).update(
                    attempts=F("attempts") + 1, last_error=str(exc)[:500]
                )
                break
            except Exception as exc:  # this message's own fault: later ones still go
                await _charge(message, message.attempts + 1, exc)
                continue
            sent.append(message.id)
        if sent:
            await OutboxMessage.filter(id__in=sent).update(
                status=OutboxStatus.SENT, sent_at=clock.now(), attempts=F("attempts") + 1
            )
        if outage is not None:
            log.warning("outbox relay paused: %s", type(outage).__name__)
        return len(sent), outage is None and len(pending) == limit


async def run_inline() -> int:
    """Run due messages in this process, for a command without a broker (no Redis).

    Each row is claimed before its actor's function runs, so a server relaying the same
    rows at the same time does not run them too; a failure backs the row off (or parks it)
    and the next rows still run.
    """
    broker = broker_module.current()
    done = 0
    while True:
        pending = await OutboxMessage.filter(_due(clock.now())).order_by("id").limit(RELAY_BATCH)
        if not pending:
            return done
        for message in pending:
            claimed = await OutboxMessage.filter(id=message.id, status=OutboxStatus.PENDING).update(
                status=OutboxStatus.SENT, sent_at=clock.now(), attempts=F("attempts") + 1
            )
            if not claimed:
                continue
            tokens = logs.bind(request_id=message.request_id, actor=message.actor)
            try:
                actor = broker.get_actor(message.actor)
                function = getattr(actor.fn, "__wrapped__", actor.fn)
                await function(*message.args)
            except Exception as exc:
                await _charge(message, message.attempts + 1, exc)
                continue
            finally:
                logs.unbind(tokens)
            done += 1


async def deliver_pending(settings: Settings) -> int:
    """The one way to get staged messages going: to the broker when there is one (Redis),
    else run in this process. The worker, the scheduler, the CLI and the scan all call it."""
    return await relay_all() if settings.redis_url else await run_inline()


async def requeue(message_id: int, using_db: BaseDBAsyncClient | None = None) -> bool:
    """Put a parked message back in line with a fresh count; ``False`` if it is not parked."""
    return bool(
        await OutboxMessage.filter(id=message_id, status=OutboxStatus.PARKED)
        .using_db(using_db)
        .update(status=OutboxStatus.PENDING, attempts=0, next_attempt_at=None)
    )


async def parked_count() -> int:
    """How many messages wait for an admin (``/metrics``)."""
    return await OutboxMessage.filter(status=OutboxStatus.PARKED).count()


def enqueue(actor: ActorRef[*Ts], *args: *Ts) -> None:
    """Hand a message straight to the broker, past the outbox: for the scheduler's periodic
    jobs, whose next tick is their retry (nothing to keep if the broker is away)."""
    broker_module.current().get_actor(actor.name).send(*args)


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
