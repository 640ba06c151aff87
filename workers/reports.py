"""Report jobs: the monthly Collaboration Analysis Report (协作分析报告) and the snapshot.

The scheduler enqueues the previous month on the first day of each month, and the
``generateAnalysisReport`` mutation stages a message through the outbox. Building the same
month twice replaces the stored report, so a redelivered message or a second scheduler
does no harm. The report snapshot (``resolvers/reports/snapshots.py``) is refreshed every
minute by the scheduler; a failed refresh is not retried, the next tick is the retry.
"""

from __future__ import annotations

import logging

import dramatiq

from core import actor_refs
from resolvers.reports import analysis, snapshots

log = logging.getLogger(__name__)


@dramatiq.actor(
    actor_name=actor_refs.BUILD_ANALYSIS_REPORT.name,
    max_retries=3,
    min_backoff=10_000,
    max_backoff=300_000,
    time_limit=600_000,
)
async def build_analysis_report(month: str) -> None:
    """Build and store the report of ``month`` (YYYY-MM); a failure is recorded, then retried."""
    try:
        report = await analysis.build_analysis_report(month)
    except Exception as exc:
        log.exception("analysis report %s failed", month)
        await analysis.mark_failed(month, exc)
        raise
    log.info("analysis report %s built (%s bytes of HTML)", report.month, len(report.html))


@dramatiq.actor(actor_name=actor_refs.REFRESH_REPORTS.name, max_retries=0, time_limit=300_000)
async def refresh_reports() -> None:
    """Recompute every report's cells as of now (readers keep the previous until it commits)."""
    snapshot = await snapshots.refresh()
    if snapshot is not None:
        log.info("report snapshot %s refreshed", snapshot.id)
