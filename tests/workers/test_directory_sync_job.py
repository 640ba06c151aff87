"""The scheduled directory sync: the scheduler's tick, and the worker's actor on a real slapd."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from apscheduler.triggers.interval import IntervalTrigger
from dramatiq.brokers.stub import StubBroker
from tortoise.context import TortoiseContext

from core import broker as broker_module
from core.settings import Settings, configure
from crossflow import scheduler
from models import PeopleSyncRun, User
from models.directory import AccountSource, SyncStatus
from tests.resolvers.test_directory_sync import ldap_settings
from tests.support.slapd import Directory, require_slapd, running_directory
from workers.directory import sync_directory


@pytest.fixture
def small_directory(tmp_path: Path) -> Iterator[Directory]:
    require_slapd()
    with running_directory(tmp_path / "ldap", 10, 2) as directory:
        yield directory


async def _actor(full: bool = False) -> None:
    """The actor's body, as a worker runs it."""
    await sync_directory.fn.__wrapped__(full)  # type: ignore[attr-defined]


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
async def test_the_scheduler_enqueues_the_sync_on_its_interval(settings: Settings) -> None:
    # given a scheduler set to sync every 15 minutes (a worker takes the messages)
    every = configure(settings.model_copy(update={"ldap_sync_minutes": 15}))
    job = scheduler.build_scheduler(every, inline=False).get_job("directory-sync")
    assert job is not None and isinstance(job.trigger, IntervalTrigger)
    assert job.trigger.interval == timedelta(minutes=15)
    # when the job runs: then the sync reaches the broker for the worker's actor
    broker = broker_module.install(StubBroker())
    broker.declare_queue("default")
    await job.func(*job.args)
    assert b"sync_directory" in broker.queues["default"].get_nowait()
    # and with the interval at 0 (only on demand) there is no such job
    never = settings.model_copy(update={"ldap_sync_minutes": 0})
    assert scheduler.build_scheduler(never, inline=False).get_job("directory-sync") is None


async def test_without_a_broker_the_scheduler_syncs_in_its_own_process(
    db: TortoiseContext, settings: Settings, small_directory: Directory
) -> None:
    # given no directory configured: when the inline job ticks, then it records nothing
    job = scheduler.build_scheduler(settings, inline=True).get_job("directory-sync")
    assert job is not None
    await job.func(*job.args)
    assert not await PeopleSyncRun.exists()
    # given a directory: when the job ticks, then the sync runs as the scheduler's
    current = ldap_settings(settings, small_directory.url)
    job = scheduler.build_scheduler(current, inline=True).get_job("directory-sync")
    assert job is not None
    await job.func(*job.args)
    run = await PeopleSyncRun.get(source=AccountSource.LDAP)
    assert (run.status, run.started_by, run.created) == (SyncStatus.SUCCEEDED, "scheduler", 10)


async def test_the_actor_syncs_and_a_second_run_changes_nothing(
    db: TortoiseContext, settings: Settings, small_directory: Directory
) -> None:
    # given a worker whose settings name the directory
    ldap_settings(settings, small_directory.url)
    # when the actor runs twice (a redelivered or repeated message)
    await _actor()
    await _actor(full=True)
    # then the first brought the 10 people in and the second, reading everything, changed nothing
    first, second = await PeopleSyncRun.filter(source=AccountSource.LDAP).order_by("id")
    assert (first.status, first.started_by, first.created) == (
        SyncStatus.SUCCEEDED,
        "scheduler",
        10,
    )
    assert (second.status, second.full) == (SyncStatus.SUCCEEDED, True)
    assert (second.created, second.updated, second.deactivated, second.unchanged) == (0, 0, 0, 10)
    assert await User.filter(source=AccountSource.LDAP, is_active=True).count() == 10


async def test_the_actor_does_nothing_unconfigured_or_while_another_sync_runs(
    db: TortoiseContext, settings: Settings, small_directory: Directory
) -> None:
    # given no directory: when the actor runs, then nothing is recorded and nobody created
    await _actor()
    assert not await PeopleSyncRun.exists()
    # given a directory and a sync already running elsewhere
    ldap_settings(settings, small_directory.url)
    running = await PeopleSyncRun.create(source=AccountSource.LDAP, status=SyncStatus.RUNNING)
    # when the actor runs: then it leaves the sync to the other, starting no second run
    await _actor()
    assert [r.id for r in await PeopleSyncRun.all()] == [running.id]
    assert await User.all().count() == 0
