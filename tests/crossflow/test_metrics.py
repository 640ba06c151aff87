"""/metrics: counters move with a workflow, only trusted scrapers read them, and the
Grafana dashboard asks only for metrics the server exports."""

from __future__ import annotations

import asyncio
import json
import re
import subprocess
import sys
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import httpx
import pytest
import time_machine
from dramatiq.brokers.stub import StubBroker
from prometheus_client.parser import text_string_to_metric_families
from starlette.applications import Starlette
from starlette.routing import WebSocketRoute
from starlette.testclient import TestClient
from starlette.websockets import WebSocket
from tortoise.context import TortoiseContext

from core import actor_refs, clock, metrics, outbox
from core import broker as broker_module
from core.outbox_message import OutboxMessage, OutboxStatus
from core.security import hash_api_token, new_api_token
from core.settings import Settings
from crossflow.app import create_app
from crossflow.metrics_dir import ENV, prepare_multiprocess_metrics
from crossflow.request_metrics import RequestMetrics
from models import ApiToken, Delivery, User
from models.enums import Channel, Role
from tests.conftest import GraphQLClient

TOKEN = "scrape-secret"
DASHBOARD = Path(__file__).parents[2] / "docs" / "grafana-dashboard.json"
Samples = dict[tuple[str, frozenset[tuple[str, str]]], float]


async def scrape(http: httpx.AsyncClient, token: str | None = TOKEN) -> Samples:
    headers = {"authorization": f"Bearer {token}"} if token else {}
    response = await http.get("/metrics", headers=headers)
    assert response.status_code == 200, response.text
    return {
        (sample.name, frozenset(sample.labels.items())): sample.value
        for family in text_string_to_metric_families(response.text)
        for sample in family.samples
    }


def value(samples: Samples, name: str, **labels: str) -> float:
    return samples.get((name, frozenset(labels.items())), 0.0)


@pytest.fixture
async def server(
    db: TortoiseContext, settings: Settings
) -> AsyncIterator[tuple[httpx.AsyncClient, Settings]]:
    """The app with its embedded worker, a metrics token and a small report rate."""
    configured = settings.model_copy(update={"metrics_token": TOKEN, "reports_rate_per_minute": 1})
    broker_module.install(StubBroker())
    app = create_app(configured, manage_orm=False, embedded_worker=True)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
            yield http, configured


async def moved(http: httpx.AsyncClient, before: Samples, name: str, **labels: str) -> Samples:
    """Scrape until ``name{labels}`` grew past ``before`` (actors run in the background)."""
    for _ in range(200):
        samples = await scrape(http)
        if value(samples, name, **labels) > value(before, name, **labels):
            return samples
        await asyncio.sleep(0.05)
    raise AssertionError(f"{name}{labels} did not grow")


async def test_a_workflow_moves_the_counters(
    demo: None, server: tuple[httpx.AsyncClient, Settings]
) -> None:
    http, configured = server
    before = await scrape(http)
    # given a signed-in department head (a named login operation)
    client = await GraphQLClient(http).sign_in("market_head")
    # when they list their tasks, ask for a requirement that does not exist,
    await client.data("query MyTasks { myTasks(first: 5) { totalCount } }")
    assert await client.error_code('query Lookup { requirement(code: "XQ0") { id } }') in {
        "NOT_FOUND"
    }
    # a BI tool downloads a report twice at a rate of one a minute,
    raw = new_api_token()
    await ApiToken.create(name="BI", token_hash=hash_api_token(raw), prefix=raw[:8], role=Role.BI)
    for _ in range(2):
        await http.get(
            "/reports/task-status-by-department.csv",
            params={"month": "2025-03"},
            headers={"authorization": f"Bearer {raw}"},
        )
    # and an e-mail goes out with no SMTP server configured, next to a warning scan
    user = await User.get(username="market_head")
    delivery = await Delivery.create(
        channel=Channel.EMAIL,
        target=f"{user.username}@example.com",
        dedup_key="m:1",
        payload={"subject": "提醒", "body": "任务即将到期"},
    )
    await outbox.stage(actor_refs.DELIVER_EMAIL, delivery.id)
    await outbox.stage(actor_refs.SCAN_ALERTS)
    await outbox.relay()
    await moved(http, before, "crossflow_actor_runs_total", actor="scan_alerts", outcome="ok")
    after = await moved(
        http, before, "crossflow_actor_runs_total", actor="deliver_email", outcome="failed"
    )

    def grew(name: str, **labels: str) -> float:
        return value(after, name, **labels) - value(before, name, **labels)

    # then each step shows: operations by name and outcome, with the error's code
    assert (
        grew("crossflow_graphql_operations_total", operation="MyTasks", type="query", outcome="ok")
        == 1
    )
    assert (
        grew(
            "crossflow_graphql_operations_total", operation="Lookup", type="query", outcome="error"
        )
        == 1
    )
    assert grew("crossflow_graphql_errors_total", operation="Lookup", code="NOT_FOUND") == 1
    assert (
        grew(
            "crossflow_graphql_operation_duration_seconds_count", operation="MyTasks", type="query"
        )
        == 1
    )
    assert grew("crossflow_http_requests_total", method="POST", route="/graphql", status="200") >= 3
    # the downloads, the second refused by the rate limit
    route = "/reports/{name}.{fmt}"
    assert grew("crossflow_report_downloads_total", route=route, status="200") == 1
    assert grew("crossflow_report_downloads_total", route=route, status="429") == 1
    assert grew("crossflow_rate_limit_refusals_total", route=route) == 1
    # the actors, the failed delivery by channel, and the scan's duration
    assert grew("crossflow_deliveries_total", channel="EMAIL", result="failed") == 1
    assert grew("crossflow_warning_scan_duration_seconds_count") >= 1  # the scheduler scans too
    assert value(after, "crossflow_deliveries_failed") == 1
    # and on PostgreSQL the pool's size and use
    if not configured.uses_sqlite:
        assert value(after, "crossflow_db_pool_connections", state="max") == 10
        assert value(after, "crossflow_db_pool_connections", state="idle") >= 1
    # and the outbox is empty again, with no age
    assert value(after, "crossflow_outbox_pending_messages") == 0
    assert value(after, "crossflow_outbox_oldest_pending_age_seconds") == 0


async def test_outbox_depth_and_age_show_unsent_messages(
    client: GraphQLClient, settings: Settings
) -> None:
    # given two messages staged and not relayed (no worker, no relay running)
    await outbox.stage(actor_refs.PUSH_NOTIFICATIONS, [1])
    await outbox.stage(actor_refs.PUSH_NOTIFICATIONS, [2])
    await asyncio.sleep(0.05)
    # when /metrics is scraped (from loopback: no token is configured)
    samples = await scrape(client.http, token=None)
    # then both are pending and the oldest has an age
    assert value(samples, "crossflow_outbox_pending_messages") == 2
    assert value(samples, "crossflow_outbox_oldest_pending_age_seconds") > 0


async def test_a_message_waiting_for_quiet_hours_is_no_alarm_until_it_is_due(
    client: GraphQLClient, settings: Settings
) -> None:
    # given an e-mail's message staged an hour ago to wait until 8 hours from now
    now = clock.now()
    await OutboxMessage.create(
        actor="deliver_email", args=[1], next_attempt_at=now + timedelta(hours=8)
    )
    await OutboxMessage.filter(actor="deliver_email").update(created_at=now - timedelta(hours=1))
    # when /metrics is scraped
    samples = await scrape(client.http, token=None)
    # then it is pending and waiting, and no message is overdue
    assert value(samples, "crossflow_outbox_pending_messages") == 1
    assert value(samples, "crossflow_outbox_waiting_messages") == 1
    assert value(samples, "crossflow_outbox_oldest_pending_age_seconds") == 0
    # and ten minutes after its wait ends, unsent, it is ten minutes overdue (not 9 hours)
    with time_machine.travel(now + timedelta(hours=8, minutes=10), tick=False):
        later = await scrape(client.http, token=None)
    assert value(later, "crossflow_outbox_waiting_messages") == 0
    assert 590 <= value(later, "crossflow_outbox_oldest_pending_age_seconds") <= 610


async def test_parked_messages_are_counted_apart_from_pending_ones(
    client: GraphQLClient, settings: Settings
) -> None:
    # given a message parked after too many failures and one still pending
    await OutboxMessage.create(actor="deliver_fax", args=[1], status=OutboxStatus.PARKED)
    await outbox.stage(actor_refs.PUSH_NOTIFICATIONS, [2])
    # when /metrics is scraped
    samples = await scrape(client.http, token=None)
    # then the parked one is counted for the admin to see, and not as pending
    assert value(samples, "crossflow_outbox_parked_messages") == 1
    assert value(samples, "crossflow_outbox_pending_messages") == 1


async def test_metrics_refuse_scrapers_without_the_token(
    demo: None, server: tuple[httpx.AsyncClient, Settings]
) -> None:
    http, _ = server
    # when /metrics is read without the token, or with another, then it is forbidden
    for headers in ({}, {"authorization": "Bearer guess"}, {"authorization": TOKEN}):
        response = await http.get("/metrics", headers=headers)
        assert response.status_code == 403
        assert response.json()["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    # and with it, the text format
    response = await http.get("/metrics", headers={"authorization": f"Bearer {TOKEN}"})
    assert response.headers["content-type"].startswith("text/plain")


@pytest.mark.parametrize(("client_host", "status"), [("127.0.0.1", 200), ("203.0.113.9", 403)])
async def test_without_a_token_metrics_answer_only_internal_addresses(
    db: TortoiseContext, settings: Settings, client_host: str, status: int
) -> None:
    # given no metrics token: loopback is the default trusted network
    app = create_app(settings, manage_orm=False)
    transport = httpx.ASGITransport(app=app, client=(client_host, 4000))
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
        # when a client at that address scrapes, then only the internal one gets in
        assert (await http.get("/metrics")).status_code == status


def test_open_websockets_are_counted_while_they_last() -> None:
    # given an app with a websocket route behind the metrics middleware
    seen: list[float] = []

    async def socket(websocket: WebSocket) -> None:
        await websocket.accept()
        seen.append(metrics.WEBSOCKETS._value.get())
        await websocket.close()

    app = RequestMetrics(Starlette(routes=[WebSocketRoute("/ws", socket)]))
    start = metrics.WEBSOCKETS._value.get()
    # when a client connects and the socket closes
    with TestClient(app).websocket_connect("/ws") as connection:
        connection.receive()
    # then the gauge counted it while it was open, and not after
    assert seen == [start + 1]
    assert metrics.WEBSOCKETS._value.get() == start


async def test_the_dashboard_reads_only_exported_metrics(
    db: TortoiseContext, settings: Settings
) -> None:
    # given the metric families the server exports (labelled ones included, before use)
    app = create_app(settings, manage_orm=False)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
        text = (await http.get("/metrics")).text
    exported: set[str] = set()
    suffixes = {"counter": ["_total"], "histogram": ["_bucket", "_sum", "_count"], "gauge": [""]}
    for family in text_string_to_metric_families(text):
        exported.update(family.name + s for s in suffixes.get(family.type, [""]))
    # when the dashboard's queries are read
    dashboard = json.loads(DASHBOARD.read_text(encoding="utf-8"))
    queries = [
        target["expr"] for panel in dashboard["panels"] for target in panel.get("targets", [])
    ]
    used = {name for query in queries for name in re.findall(r"\bcrossflow_[a-z_]+", query)}
    # then every name it uses is exported, and it covers the areas operators asked for
    assert used and used <= exported, used - exported
    for area in ("graphql", "http", "outbox", "actor", "deliveries", "warning_scan", "db_pool"):
        assert any(area in name for name in used), area


def test_server_processes_share_their_counters_through_the_multiprocess_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given the folder `crossflow serve --workers N` prepares (old files from a past run in it)
    folder = tmp_path / "metrics"
    folder.mkdir()
    (folder / "counter_999.db").write_bytes(b"stale")
    monkeypatch.setenv(ENV, str(folder))
    prepare_multiprocess_metrics()
    assert not (folder / "counter_999.db").exists()
    count = "import core.metrics as m; m.HTTP_REQUESTS.labels('GET', '/x', '200').inc()"
    show = (
        "import core.metrics as m; from prometheus_client import generate_latest;"
        " print(generate_latest(m.event_registry()).decode())"
    )
    # when two worker processes each count a request, and a third answers the scrape
    for _ in range(2):
        subprocess.run([sys.executable, "-c", count], check=True, timeout=60)
    scraped = subprocess.run(
        [sys.executable, "-c", show], check=True, timeout=60, capture_output=True, text=True
    ).stdout
    # then the answer is their sum
    samples = {
        (s.name, frozenset(s.labels.items())): s.value
        for family in text_string_to_metric_families(scraped)
        for s in family.samples
    }
    assert (
        value(samples, "crossflow_http_requests_total", method="GET", route="/x", status="200") == 2
    )
