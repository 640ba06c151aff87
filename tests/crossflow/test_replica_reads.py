"""BI and report reads on a real streaming replica; the workflow on the primary.

The module starts a PostgreSQL primary and a hot standby made with ``pg_basebackup``
(``tests/support/streaming_replica.py``). Where a read went is proven by pausing the
standby's replay (``pg_wal_replay_pause()``) and writing on the primary: a reader of the
replica sees the old figure, a reader of the primary the new one.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import psycopg
import pytest
from psycopg import sql
from tortoise.context import TortoiseContext

from core.db import create_schema, init_orm
from core.replica import REPLICA_FALLBACKS, detach
from core.settings import Mode, Settings, configure
from crossflow.app import create_app
from crossflow.demo import load_demo_data
from models import Task
from models.enums import TaskStatus
from tests.conftest import GraphQLClient
from tests.crossflow.test_report_routes import bearer, bi_token
from tests.resolvers.test_requirements import new_requirement
from tests.support.report_data import MONTH, build_march
from tests.support.services import PostgresServer
from tests.support.sql_log import counted_statements
from tests.support.streaming_replica import StreamingPair, streaming_pair

__all__ = ["streaming_pair"]  # the module's fixture, imported to be found by pytest

pytestmark = pytest.mark.postgres

APP_ROLE = "crossflow_app"
TASK_STATUS = "/reports/task-status-by-department.json"
REPORTS = (
    '{ reports(filter: {month: "2025-03"}) { tasksByStatus { departmentCode status count } } }'
)
REQUIREMENT = "query($code: String!) { requirement(code: $code) { code title } }"
PAGE = "{ requirements(first: 5) { edges { node { code initiator { displayName } } } } }"


@dataclass
class Site:
    """The app on the primary and its replica, with a BI token and the month's rows."""

    pair: StreamingPair
    client: GraphQLClient
    token: str
    march: dict[str, Any]

    async def sales_figures(self) -> tuple[httpx.Response, dict[str, int]]:
        response = await self.client.http.get(
            TASK_STATUS, params={"month": MONTH}, headers=bearer(self.token)
        )
        assert response.status_code == 200, response.text
        figures = {
            row["status"]: row["count"]
            for row in response.json()
            if row["departmentCode"] == "sales"
        }
        return response, figures


def _settings(pair: StreamingPair, name: str, tmp_path: Path, max_lag: float) -> Settings:
    """The app signs in as an ordinary role (no superuser, no monitoring rights) on both."""
    primary, standby = pair.primary, pair.standby
    return Settings(
        mode=Mode.DEMO,
        data_dir=tmp_path / "data",
        database_url=PostgresServer(primary.host, primary.port, APP_ROLE).dsn(name),
        database_replica_url=PostgresServer(standby.host, standby.port, APP_ROLE).dsn(name),
        replica_max_lag_seconds=max_lag,
        replica_lag_check_seconds=0,
        secret_key="test-secret-key",
        _env_file=None,  # type: ignore[call-arg]
    )


@pytest.fixture
async def site(
    streaming_pair: StreamingPair, tmp_path: Path, request: pytest.FixtureRequest
) -> AsyncIterator[Site]:
    """A fresh database on the primary, replicated, with the demo and March 2025 in it."""
    name = f"cf_replica_{uuid.uuid4().hex[:8]}"
    admin = streaming_pair.primary.dsn("postgres")
    with psycopg.connect(admin, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (APP_ROLE,)).fetchone():
            conn.execute(sql.SQL("CREATE ROLE {} LOGIN").format(sql.Identifier(APP_ROLE)))
        conn.execute(
            sql.SQL("CREATE DATABASE {} OWNER {}").format(
                sql.Identifier(name), sql.Identifier(APP_ROLE)
            )
        )
    max_lag = getattr(request, "param", 3600.0)
    settings = configure(_settings(streaming_pair, name, tmp_path, max_lag))
    settings.data_dir.mkdir(parents=True)
    try:
        async with TortoiseContext() as ctx:
            await init_orm(ctx, settings)
            await create_schema(ctx)
            await load_demo_data()
            march = await build_march()
            token = await bi_token()
            streaming_pair.wait_caught_up()
            app = create_app(settings, manage_orm=False)
            transport = httpx.ASGITransport(app=app)
            try:
                async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
                    yield Site(streaming_pair, GraphQLClient(http), token, march)
            finally:
                streaming_pair.standby_sql("SELECT pg_wal_replay_resume()")
                await detach(ctx)
    finally:
        configure(Settings(_env_file=None))  # type: ignore[call-arg]
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )


async def _complete_t5_on_the_primary(site: Site) -> None:
    """Sales' submitted task of March is completed: the figures change on the primary."""
    await Task.filter(id=site.march["t5"].id).update(status=TaskStatus.COMPLETED)
    site.pair.wait_received()


async def test_a_report_download_reads_the_replica_and_says_how_stale_it_may_be(
    site: Site,
) -> None:
    # given the standby's replay paused, and a task completed on the primary since
    before, figures = await site.sales_figures()
    assert before.headers["x-crossflow-read-from"] == "replica"
    assert figures == {"PENDING": 1, "IN_PROGRESS": 1, "SUBMITTED": 1}
    site.pair.standby_sql("SELECT pg_wal_replay_pause()")
    await _complete_t5_on_the_primary(site)
    # when BI downloads the report
    during, figures = await site.sales_figures()
    # then it reads the replica's old figure, and says it may be stale
    assert figures == {"PENDING": 1, "IN_PROGRESS": 1, "SUBMITTED": 1}
    assert during.headers["x-crossflow-read-from"] == "replica"
    assert float(during.headers["x-crossflow-staleness-seconds"]) > 0
    # and once the replica has replayed the write, the new figure
    site.pair.standby_sql("SELECT pg_wal_replay_resume()")
    site.pair.wait_caught_up()
    after, figures = await site.sales_figures()
    assert figures == {"PENDING": 1, "IN_PROGRESS": 1, "COMPLETED": 1}
    assert after.headers["x-crossflow-read-from"] == "replica"


async def test_graphql_reports_and_bi_token_queries_read_the_replica(site: Site) -> None:
    # given a requirement raised on the primary while the replica's replay is paused
    site.pair.standby_sql("SELECT pg_wal_replay_pause()")
    created = await new_requirement(site.client)
    site.pair.wait_received()
    admin = await site.client.sign_in("admin")
    # when a person asks for reports, then the replica answers and says so
    body = await admin.post(REPORTS)
    assert body["extensions"]["readFrom"]["source"] == "replica"
    assert body["extensions"]["readFrom"]["stalenessSeconds"] > 0
    # when a BI token reads a requirement, then the replica answers: it has no such row yet
    bi = GraphQLClient(site.client.http, site.token)
    body = await bi.post(REQUIREMENT, {"code": created["code"]})
    assert body["data"] is None, body
    assert body["errors"][0]["extensions"]["code"] == "NOT_FOUND", body
    assert body["extensions"]["readFrom"]["source"] == "replica"
    # and after the replay, it has
    site.pair.standby_sql("SELECT pg_wal_replay_resume()")
    site.pair.wait_caught_up()
    body = await bi.post(REQUIREMENT, {"code": created["code"]})
    assert body["data"]["requirement"]["code"] == created["code"]


async def test_a_bi_token_page_is_compiled_and_read_from_the_replica(site: Site) -> None:
    # given a requirement raised on the primary while the replica's replay is paused
    site.pair.standby_sql("SELECT pg_wal_replay_pause()")
    created = await new_requirement(site.client)
    site.pair.wait_received()
    bi = GraphQLClient(site.client.http, site.token)
    # when a BI token reads the newest requirements
    with counted_statements() as statements:
        body = await bi.post(PAGE)
    # then the compiled path answers (one statement builds the page's JSON) from the
    # replica, which has no such row yet, and says how stale it may be
    assert any('AS "node"' in s for s in statements), statements
    codes = [edge["node"]["code"] for edge in body["data"]["requirements"]["edges"]]
    assert created["code"] not in codes
    assert body["extensions"]["readFrom"]["source"] == "replica"
    assert body["extensions"]["readFrom"]["stalenessSeconds"] > 0
    # and after the replay, the same page shows it
    site.pair.standby_sql("SELECT pg_wal_replay_resume()")
    site.pair.wait_caught_up()
    body = await bi.post(PAGE)
    assert body["data"]["requirements"]["edges"][0]["node"]["code"] == created["code"]
    assert body["extensions"]["readFrom"]["source"] == "replica"


async def test_the_workflow_reads_its_own_writes_from_the_primary(site: Site) -> None:
    # given the replica's replay paused
    site.pair.standby_sql("SELECT pg_wal_replay_pause()")
    # when a person raises a requirement and reads it back at once
    created = await new_requirement(site.client)
    staff = await site.client.sign_in("market_staff")
    body = await staff.post(REQUIREMENT, {"code": created["code"]})
    # then the primary answers: the write is there, and no replica read is stated
    assert body["data"]["requirement"] == {"code": created["code"], "title": "Q4会员日促销方案"}
    assert "readFrom" not in (body.get("extensions") or {})


@pytest.mark.parametrize("site", [0.5], indirect=True)
async def test_a_replica_lagging_past_the_bound_leaves_reports_to_the_primary(
    site: Site,
) -> None:
    # given a primary that wrote nothing for longer than the bound: the replica is caught up
    await asyncio.sleep(0.6)
    response, _ = await site.sales_figures()
    assert response.headers["x-crossflow-read-from"] == "replica"
    # and then a replica whose replay is paused behind a write, longer than the bound
    site.pair.standby_sql("SELECT pg_wal_replay_pause()")
    await _complete_t5_on_the_primary(site)
    await asyncio.sleep(0.6)
    fallbacks = REPLICA_FALLBACKS.labels("lagging")._value.get()
    # when BI downloads the report (the lag grows from the last replayed commit)
    response, figures = await site.sales_figures()
    # then the primary answers with the new figure, and says why
    assert response.headers["x-crossflow-read-from"] == "primary"
    assert "lags" in response.headers["x-crossflow-replica-fallback"]
    assert figures == {"PENDING": 1, "IN_PROGRESS": 1, "COMPLETED": 1}
    assert REPLICA_FALLBACKS.labels("lagging")._value.get() == fallbacks + 1


async def test_a_stopped_replica_leaves_reports_to_the_primary(site: Site) -> None:
    # given the replica stopped
    site.pair.stop_standby()
    try:
        # when BI downloads the report, then the primary answers and says so
        response, figures = await site.sales_figures()
        assert response.headers["x-crossflow-read-from"] == "primary"
        assert "unavailable" in response.headers["x-crossflow-replica-fallback"]
        assert figures == {"PENDING": 1, "IN_PROGRESS": 1, "SUBMITTED": 1}
        # and /readyz states it as a check that passes (the primary answers)
        ready = await site.client.http.get("/readyz")
        assert ready.json()["replica"].startswith("ok (primary answers BI reads: replica")
    finally:
        site.pair.start_standby()
    # and once it is back, the replica answers again
    site.pair.wait_caught_up()
    response, _ = await site.sales_figures()
    assert response.headers["x-crossflow-read-from"] == "replica"
