"""Prometheus metrics: what happens in each process, and the platform's state at scrape time.

Event metrics (requests, actor runs, deliveries, scans, downloads, refusals) live in
``prometheus_client``'s default registry. Under ``crossflow serve --workers N`` the CLI
points ``PROMETHEUS_MULTIPROC_DIR`` at a fresh folder before the workers start, so every
worker writes its values there and any one of them answers ``/metrics`` with the sum.
The state metrics read from the database at scrape time, and the endpoint with its access
rule, are composed in ``crossflow/metrics_endpoint.py``.
"""

from __future__ import annotations

import atexit
import os
import time

from prometheus_client import (
    REGISTRY,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    multiprocess,
)
from tortoise.connection import get_connection

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


#: When this process last recorded its pool's use (``time.monotonic``)
_pool_recorded = [float("-inf")]


def record_pool(unless_within: float = 0.0) -> None:
    """The asyncpg pool's use in this process (nothing on SQLite: one connection), unless
    recorded less than ``unless_within`` seconds ago.

    Called after requests too (at most four times a second: looking the pool up cost ~4% of
    a compiled read's CPU): under ``serve --workers`` each process keeps its own share of the
    summed gauge current, not only the one answering the scrape.
    """
    now = time.monotonic()
    if now - _pool_recorded[0] < unless_within:
        return
    _pool_recorded[0] = now
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
