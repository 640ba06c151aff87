"""``/metrics``: the kernel's instruments (``core/metrics.py``) plus the platform's state.

The state gauges (outbox depth, age and parked rows, failed deliveries, dead letters) are
read from the database and the broker when ``/metrics`` is scraped, so every replica
reports the same state; the endpoint is open to a token or to the internal networks only.
"""

from __future__ import annotations

import hmac
import ipaddress
from typing import Any

import redis.asyncio as aioredis
from dramatiq.brokers.stub import StubBroker
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Gauge, generate_latest
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

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
    first = await pending.order_by("id").first()
    _gauge(
        registry,
        "crossflow_outbox_pending_messages",
        "Outbox rows not yet sent",
        await pending.count(),
    )
    _gauge(
        registry,
        "crossflow_outbox_oldest_pending_age_seconds",
        "Age of the oldest unsent outbox row (0 when none)",
        (clock.now() - first.created_at).total_seconds() if first else 0.0,
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
