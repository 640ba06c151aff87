"""The report snapshot is refreshed by the worker, on the scheduler's every-minute tick."""

from __future__ import annotations

from datetime import timedelta

import asyncpg
import pytest
from apscheduler.triggers.interval import IntervalTrigger
from dramatiq.brokers.stub import StubBroker

from core import broker as broker_module
from core.settings import Settings
from crossflow import scheduler
from models import ReportSnapshot
from resolvers.reports import snapshots
from workers.reports import refresh_reports


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
async def test_the_scheduler_enqueues_a_refresh_every_minute(settings: Settings) -> None:
    # given the server's scheduler (a worker takes the messages)
    jobs = scheduler.build_scheduler(settings, inline=False)
    job = jobs.get_job("report-refresh")
    assert job is not None and isinstance(job.trigger, IntervalTrigger)
    assert (
        job.trigger.interval
        == timedelta(seconds=scheduler.REPORT_REFRESH_SECONDS)
        == (timedelta(minutes=1))
    )
    # when the job runs, the refresh reaches the broker for the actor
    broker = broker_module.install(StubBroker())
    broker.declare_queue("default")
    await job.func(*job.args)
    assert b"refresh_reports" in broker.queues["default"].get_nowait()
    # and a scheduler without a broker refreshes in its own process
    assert scheduler.build_scheduler(settings, inline=True).get_job("report-refresh")


@pytest.mark.parametrize("backend", ["postgres"], indirect=True)
async def test_the_actor_stores_a_snapshot(db: object) -> None:
    # given an empty database: when the worker runs a refresh
    await refresh_reports.fn.__wrapped__()  # type: ignore[attr-defined]
    # then one snapshot is stored, describing no rows yet
    assert await ReportSnapshot.all().count() == 1


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
async def test_on_sqlite_the_actor_does_nothing(db: object) -> None:
    await refresh_reports.fn.__wrapped__()  # type: ignore[attr-defined]
    assert await ReportSnapshot.all().count() == 0


@pytest.mark.parametrize("backend", ["postgres"], indirect=True)
async def test_a_refresh_while_another_runs_does_nothing(settings: Settings, db: object) -> None:
    # given another process in the middle of a refresh (it holds the refresh's lock)
    other = await asyncpg.connect(settings.database_url)
    try:
        async with other.transaction():
            await other.execute("SELECT pg_advisory_xact_lock($1)", snapshots.REFRESH_LOCK_KEY)
            # when this one is asked to refresh too, then it leaves it to the other
            assert await snapshots.refresh() is None
        # and once the other is done, a refresh stores its snapshot
        assert await snapshots.refresh() is not None
    finally:
        await other.close()
    assert await ReportSnapshot.all().count() == 1
