"""Prometheus metrics: what happens in each process, and the platform's state at scrape time.

Event metrics (requests, actor runs, deliveries, scans, downloads, refusals) live in
``prometheus_client``'s default registry. Under ``crossflow serve --workers N`` the CLI
points ``PROMETHEUS_MULTIPROC_DIR`` at a fresh folder before the workers start, so every
worker writes its values there and any one of them answers ``/metrics`` with the sum.
State metrics (outbox depth and age, failed deliveries, dead-lettered messages) are read
from the database and the broker when ``/metrics`` is scraped, so every replica reports
the same numbers whichever one answers.

``/metrics`` needs ``Authorization: Bearer <CROSSFLOW_METRICS_TOKEN>`` when that is set;
without a token it answers only clients in ``CROSSFLOW_METRICS_NETWORKS`` (loopback by
default), so a scraper on the internal network gets in and the public side behind the
proxy does not (the proxy's own address must then not be in that list).
"""

from __future__ import annotations

import atexit
import hmac
import ipaddress
import os
from typing import Any

import redis.asyncio as aioredis
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
    multiprocess,
)
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from tortoise.connection import get_connection

from crossflow import clock
from crossflow.settings import Settings
from models import Delivery, OutboxMessage
from models.enums import DeliveryStatus, OutboxStatus

MULTIPROCESS = "PROMETHEUS_MULTIPROC_DIR" in os.environ
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30)

HTTP_REQUESTS = Counter(
    "crossflow_http_requests", "HTTP requests by route and status", ["method", "route", "status"]
)
HTTP_LATENCY = Histogram(
    "crossflow_http_request_duration_seconds",
    "HTTP request latency by route",
    ["method", "route"],
    buckets=LATENCY_BUCKETS,
)
GRAPHQL_OPERATIONS = Counter(
    "crossflow_graphql_operations",
    "GraphQL operations by name, type and outcome (ok, error)",
    ["operation", "type", "outcome"],
)
GRAPHQL_LATENCY = Histogram(
    "crossflow_graphql_operation_duration_seconds",
    "GraphQL operation latency by name",
    ["operation", "type"],
    buckets=LATENCY_BUCKETS,
)
GRAPHQL_ERRORS = Counter(
    "crossflow_graphql_errors",
    "GraphQL errors by operation and extensions.code",
    ["operation", "code"],
)
WEBSOCKETS = Gauge(
    "crossflow_websocket_connections",
    "Open websocket connections (GraphQL subscriptions)",
    multiprocess_mode="livesum",
)
REPORT_DOWNLOADS = Counter(
    "crossflow_report_downloads",
    "Report downloads (/reports/...) by route and status",
    ["route", "status"],
)
RATE_LIMITED = Counter(
    "crossflow_rate_limit_refusals", "Requests refused by a rate limit, by route", ["route"]
)
DB_POOL = Gauge(
    "crossflow_db_pool_connections",
    "PostgreSQL pool connections by state (in_use, idle, max), per server process",
    ["state"],
    multiprocess_mode="livesum",
)
ACTOR_RUNS = Counter(
    "crossflow_actor_runs",
    "Dramatiq actor runs by actor and outcome (ok, failed)",
    ["actor", "outcome"],
)
ACTOR_LATENCY = Histogram(
    "crossflow_actor_duration_seconds",
    "Dramatiq actor run time",
    ["actor"],
    buckets=(*LATENCY_BUCKETS, 60, 300, 600),
)
SCAN_LATENCY = Histogram(
    "crossflow_warning_scan_duration_seconds",
    "Warning scan (预警扫描) duration",
    buckets=(0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300),
)
SCAN_FINDINGS = Counter(
    "crossflow_warning_scan_findings",
    "Warnings found by scans, by what became of them",
    ["kind"],
)
DELIVERIES = Counter(
    "crossflow_deliveries",
    "Delivery attempts by channel and result (sent, retry, failed)",
    ["channel", "result"],
)

if MULTIPROCESS:
    # A worker that exits takes its live gauges (websockets, pool) out of the sum.
    atexit.register(multiprocess.mark_process_dead, os.getpid())


def event_registry() -> CollectorRegistry:
    """The registry of this process, or of every worker in multi-process mode."""
    if not MULTIPROCESS:
        return REGISTRY
    registry = CollectorRegistry()
    multiprocess.MultiProcessCollector(registry)
    return registry


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
    from dramatiq.brokers.stub import StubBroker

    from crossflow import broker as broker_module  # the broker module imports this one

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


def record_pool() -> None:
    """The asyncpg pool's use in this process (nothing on SQLite: one connection).

    Called after every request too: under ``serve --workers`` each process keeps its own
    share of the summed gauge current, not only the one answering the scrape.
    """
    try:
        pool = getattr(get_connection("default"), "_pool", None)
    except Exception:  # no ORM in this process (yet): nothing to report
        return
    if pool is None:
        return
    size, idle = pool.get_size(), pool.get_idle_size()
    DB_POOL.labels("in_use").set(size - idle)
    DB_POOL.labels("idle").set(idle)
    DB_POOL.labels("max").set(pool.get_max_size())


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
