"""The warning scan as a background job (the scheduler enqueues it every few minutes)."""

from __future__ import annotations

import logging
from datetime import datetime

import dramatiq

from core import metrics, outbox
from core.settings import get_settings
from resolvers.alerts.scan import scan

log = logging.getLogger(__name__)


@dramatiq.actor(max_retries=3, min_backoff=5_000, max_backoff=60_000, time_limit=600_000)
async def scan_alerts(at: str | None = None) -> None:
    """Run one scan; safe to run twice or from two schedulers (recorded once by key)."""
    with metrics.SCAN_LATENCY.time():
        report = await scan(get_settings(), datetime.fromisoformat(at) if at else None)
    for kind in ("found", "recorded", "held", "released"):
        metrics.SCAN_FINDINGS.labels(kind).inc(getattr(report, kind))
    await outbox.relay_all()
    log.info(
        "alert scan: %s found, %s recorded, %s held, %s released",
        report.found,
        report.recorded,
        report.held,
        report.released,
    )
