"""Recording each import or sync run (the panel's sync report) and applying its plan."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from tortoise.transactions import in_transaction

from core import clock
from models import PeopleSyncRun
from models.directory import AccountSource, SyncStatus
from resolvers.access.auth import Viewer
from resolvers.people import changes as people

#: At most this many changes and refusals are kept in a run's report (the counts are exact).
REPORT_LIMIT = 5_000


async def start(
    source: AccountSource, started_by: str, *, dry_run: bool = False, file_name: str = ""
) -> PeopleSyncRun:
    return await PeopleSyncRun.create(
        source=source, started_by=started_by, dry_run=dry_run, file_name=file_name[:255]
    )


async def finish(
    run: PeopleSyncRun,
    plan: people.Plan,
    viewer: Viewer | None,
    *,
    apply: bool,
    refuse_all: bool,
    watermark: datetime | None = None,
    tick: Callable[[], None] | None = None,
) -> PeopleSyncRun:
    """Apply ``plan`` (unless a dry run, or refused as a whole) in one transaction, record it.

    ``refuse_all``: any refusal refuses everything (an import file); otherwise the refused
    entries are skipped and the rest applied (a directory, where one odd entry must not
    hold back everyone else's changes).
    """
    refused = bool(plan.refusals) and refuse_all
    announce: list[int] = []
    if apply and not refused:
        async with in_transaction() as conn:
            announce = await people.apply(plan, viewer, conn, tick)
    if announce:
        await people.announce(announce)
    run.status = SyncStatus.REFUSED if refused else SyncStatus.SUCCEEDED
    run.created = len(plan.new_people)
    run.updated = len(plan.changed_people)
    run.deactivated = len(plan.deactivated)
    run.unchanged = plan.unchanged
    run.refused = len(plan.refusals)
    run.changes = plan.report()[:REPORT_LIMIT]
    run.refusals = [{"where": w, "reason": r} for w, r in plan.refusals][:REPORT_LIMIT]
    run.watermark = watermark
    run.finished_at = clock.now()
    await run.save()
    return run


async def fail(run: PeopleSyncRun, error: str) -> PeopleSyncRun:
    run.status = SyncStatus.FAILED
    run.error = error[:2000]
    run.finished_at = clock.now()
    await run.save()
    return run
