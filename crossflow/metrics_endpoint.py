"""``/metrics``: the kernel's instruments (``core/metrics.py``) plus the platform's state.

The state gauges (outbox depth, age and parked rows, failed deliveries, dead letters) are
read from the database and the broker when ``/metrics`` is scraped, so every replica
reports the same state; the endpoint is open to a token or to the internal networks only.
"""

from __future__ import annotations

import hmac
import ipaddress
from datetime import datetime
from typing import Any

import redis.asyncio as aioredis
from dramatiq.brokers.stub import StubBroker
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Gauge, generate_latest
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from tortoise.expressions import Q
from tortoise.queryset import QuerySet

from core import broker as broker_module
from core import clock, outbox
from core.metrics import event_registry, record_pool
from core.outbox_message import OutboxMessage, OutboxStatus
from core.settings import Settings
from models import Delivery
from models.enums import DeliveryStatus


async def state_registry() -> CollectorRegistry:
    """The platform's state now, read from the database and the broker."""
    registry = CollectorRegistry()
    pending = OutboxMessage.filter(status=OutboxStatus.PENDING)
    now = clock.now()
    # held on purpose until a time (a recipient's quiet hours), never refused by a broker
    # (not null spelled out: NOT over a null comparison would drop never-tried rows too)
    waiting = Q(last_error="", next_attempt_at__isnull=False, next_attempt_at__gt=now)
    _gauge(
        registry,
        "crossflow_outbox_pending_messages",
        "Outbox rows not yet sent (those waiting for a recipient's quiet hours included)",
        await pending.count(),
    )
    _gauge(
        registry,
        "crossflow_outbox_waiting_messages",
        "Outbox rows held until a time (a recipient's quiet hours), not yet due",
        await pending.filter(waiting).count(),
    )
    _gauge(
        registry,
        "crossflow_outbox_oldest_pending_age_seconds",
        "How long the oldest unsent outbox row has been due (0 when none): held rows count "
        "from the end of their wait",
        await _oldest_due_age(pending.exclude(waiting), now),
    )
    _gauge(
        registry,
        "crossflow_outbox_retrying_messages",
        "Unsent outbox rows the broker refused at least once",
        await pending.exclude(last_error="").count(),
    )
    _gauge(
        registry,
        "crossflow_outbox_parked_messages",
        "Outbox rows parked after too many failed attempts (the panel lists them to retry)",
        await outbox.parked_count(),
    )
    _gauge(
        registry,
        "crossflow_deliveries_failed",
        "Deliveries given up on (permanent failure)",
        await Delivery.filter(status=DeliveryStatus.FAILED).count(),
    )
    _gauge(
        registry,
        "crossflow_dramatiq_dead_letters",
        "Messages Dramatiq parked after their last retry",
        await _dead_letters(),
    )
    record_pool()
    return registry


async def _oldest_due_age(due: QuerySet[OutboxMessage], now: datetime) -> float:
    """Seconds since the longest-due row became due: a row staged to wait (quiet hours)
    from the end of its wait, a row the broker refused or never got from when it was
    staged (its backoff is part of the delay)."""
    starts = []
    first = await due.filter(Q(next_attempt_at=None) | ~Q(last_error="")).order_by("id").first()
    if first is not None:
        starts.append(first.created_at)
    held = (
        await due.filter(last_error="", next_attempt_at__lte=now)
        .order_by("next_attempt_at")
        .first()
    )
    if held is not None and held.next_attempt_at is not None:
        starts.append(held.next_attempt_at)
    return max((now - start).total_seconds() for start in starts) if starts else 0.0


def _gauge(registry: CollectorRegistry, name: str, documentation: str, value: float) -> None:
    Gauge(name, documentation, registry=registry).set(value)


async def _dead_letters() -> int:
    broker = broker_module.current()
    if isinstance(broker, StubBroker):
        return len(broker.dead_letters)
    client: Any = getattr(broker, "client", None)
    namespace = getattr(broker, "namespace", None)
    if client is None or namespace is None:
        return 0
    queues = [q for q in broker.get_declared_queues() if not q.endswith((".DQ", ".XQ"))]
    pool = client.connection_pool.connection_kwargs
    async_client = aioredis.Redis(**pool)
    try:
        counts = [await async_client.zcard(f"{namespace}:{q}.XQ") for q in queues]
    finally:
        await async_client.aclose()
    return sum(counts)


def allowed(request: Request, settings: Settings) -> bool:
    """The token when one is configured, else the client's address."""
    if settings.metrics_token:
        given = request.headers.get("authorization", "")
        expected = f"Bearer {settings.metrics_token}"
        return hmac.compare_digest(given.encode(), expected.encode())
    host = request.client.host if request.client else ""
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return any(
        address in ipaddress.ip_network(net, strict=False) for net in settings.metrics_networks
    )


async def metrics_endpoint(request: Request) -> Response:
    """GET /metrics in the Prometheus text format."""
    settings: Settings = request.app.state.settings
    if not allowed(request, settings):
        return JSONResponse(
            {
                "errors": [
                    {"message": "metrics are not public", "extensions": {"code": "FORBIDDEN"}}
                ]
            },
            status_code=403,
        )
    body = generate_latest(event_registry()) + generate_latest(await state_registry())
    return Response(body, media_type=CONTENT_TYPE_LATEST)
