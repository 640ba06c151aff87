"""Periodic work (APScheduler): enqueue a warning scan every few minutes, relay outbox
messages that an earlier relay could not send (after a broker outage), refresh the report
snapshot every minute, prune the participation log (``core/participation_log.py``) every ten
minutes, build the monthly Collaboration Analysis Report on the first day of
each month, and sync the directory (CROSSFLOW_LDAP_SYNC_MINUTES) once one is configured
(environment or panel).

Running two schedulers is harmless: every warning is recorded once under its unique key,
and every delivery is claimed before it is sent.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.cron import CronTrigger

from core import actor_refs, clock, outbox, participation_log
from core.db import close_orm, open_orm
from core.settings import Settings
from resolvers.alerts.scan import scan_and_deliver
from resolvers.people.directory_settings import effective
from resolvers.people.directory_sync import sync_directory
from resolvers.reports import snapshots
from resolvers.reports.analysis import build_analysis_report, previous_month

log = logging.getLogger(__name__)

RELAY_SECONDS = 15
#: How often the report snapshot is refreshed: the figures' staleness at most (plus its run).
REPORT_REFRESH_SECONDS = 60
#: How often the participation log drops what every transaction has seen (each prune makes
#: every server read its viewers' requirement ids once more).
PARTICIPATION_PRUNE_MINUTES = 10


def build_scheduler(settings: Settings, *, inline: bool) -> AsyncIOScheduler:
    """The jobs; ``inline`` runs scans and deliveries in this process (no broker worker)."""
    scheduler = AsyncIOScheduler(timezone=UTC)
    scheduler.add_job(
        _scan_inline if inline else _enqueue,
        "interval",
        minutes=settings.alerts_scan_minutes,
        args=[settings] if inline else [actor_refs.SCAN_ALERTS, "the warning scan"],
        next_run_time=datetime.now(UTC),
        max_instances=1,
        coalesce=True,
        id="alerts-scan",
    )
    if not inline:
        scheduler.add_job(
            _relay,
            "interval",
            seconds=RELAY_SECONDS,
            args=[settings],
            max_instances=1,
            coalesce=True,
            id="relay",
        )
    scheduler.add_job(
        _refresh_reports_inline if inline else _enqueue,
        "interval",
        seconds=REPORT_REFRESH_SECONDS,
        args=[] if inline else [actor_refs.REFRESH_REPORTS, "the report refresh"],
        next_run_time=datetime.now(UTC),
        max_instances=1,
        coalesce=True,
        id="report-refresh",
    )
    scheduler.add_job(
        _prune_participation_log,
        "interval",
        minutes=PARTICIPATION_PRUNE_MINUTES,
        max_instances=1,
        coalesce=True,
        id="participation-prune",
    )
    # The Collaboration Analysis Report (协作分析报告) of the month before, on the 1st at
    # 01:00 Beijing time; a second scheduler only rebuilds the same month's row.
    scheduler.add_job(
        _build_report_inline if inline else _enqueue_monthly_report,
        CronTrigger(day=1, hour=1, minute=0, timezone=clock.BUSINESS_TZ),
        max_instances=1,
        coalesce=True,
        misfire_grace_time=6 * 3600,
        id="analysis-report",
    )
    if settings.ldap_sync_minutes:  # a no-op while no directory is configured
        scheduler.add_job(
            _sync_inline if inline else _enqueue,
            "interval",
            minutes=settings.ldap_sync_minutes,
            args=[settings] if inline else [actor_refs.SYNC_DIRECTORY, "the directory sync"],
            next_run_time=datetime.now(UTC),
            max_instances=1,
            coalesce=True,
            id="directory-sync",
        )
    return scheduler


async def _enqueue(actor: actor_refs.ActorRef[()], what: str) -> None:
    """Hand a periodic job without arguments to the workers."""
    try:
        outbox.enqueue(actor)
    except Exception as exc:  # the broker is away: the next tick tries again
        log.warning("could not enqueue %s: %s", what, type(exc).__name__)


async def _sync_inline(settings: Settings) -> None:
    try:
        if not (await effective(settings)).ldap_url:
            return
        run = await sync_directory(settings, started_by="scheduler")
        log.info("directory sync %s", run.status)
    except Exception:
        log.exception("directory sync failed; the next tick tries again")


async def _scan_inline(settings: Settings) -> None:
    try:
        report, _ = await scan_and_deliver(settings)
        log.info("alert scan: %s found, %s recorded", report.found, report.recorded)
    except Exception:
        log.exception("warning scan failed; the next tick tries again")


async def _enqueue_monthly_report() -> None:
    try:
        outbox.enqueue(actor_refs.BUILD_ANALYSIS_REPORT, previous_month())
    except Exception as exc:  # the broker is away: the admin can still generate it by hand
        log.warning("could not enqueue the monthly report: %s", type(exc).__name__)


async def _build_report_inline() -> None:
    try:
        await build_analysis_report(previous_month())
    except Exception:
        log.exception("monthly analysis report failed; generate it from the API to retry")


async def _refresh_reports_inline() -> None:
    try:
        await snapshots.refresh()
    except Exception:
        log.exception("report refresh failed; the next tick tries again")


async def _prune_participation_log() -> None:
    """One statement on the primary, so it runs here rather than through a worker."""
    try:
        dropped = await participation_log.prune()
        log.info("participation log pruned: %s rows", dropped)
    except Exception:
        log.exception("participation log prune failed; the next tick tries again")


async def _relay(settings: Settings) -> None:
    try:
        await outbox.deliver_pending(settings)
    except Exception:
        log.exception("outbox relay failed; the next tick tries again")


async def run_forever(settings: Settings) -> None:
    """The ``crossflow scheduler`` process."""
    import workers  # noqa: F401  (a start-up step: declares the actors on this broker)

    ctx = await open_orm(settings)
    scheduler = build_scheduler(settings, inline=not settings.redis_url)
    scheduler.start()
    try:
        await asyncio.Event().wait()
    finally:
        scheduler.shutdown(wait=False)
        await close_orm(ctx)
