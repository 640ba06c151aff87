"""The warning scan as a background job (the scheduler enqueues it every few minutes)."""

from __future__ import annotations

import logging
from datetime import datetime

import dramatiq

from core import actor_refs
from core.settings import get_settings
from resolvers.alerts.scan import scan_and_deliver

log = logging.getLogger(__name__)


@dramatiq.actor(
    actor_name=actor_refs.SCAN_ALERTS.name,
    max_retries=3,
    min_backoff=5_000,
    max_backoff=60_000,
    time_limit=600_000,
)
async def scan_alerts(at: str | None = None) -> None:
    """Run one scan; safe to run twice or from two schedulers (recorded once by key)."""
    report, _ = await scan_and_deliver(get_settings(), datetime.fromisoformat(at) if at else None)
    log.info(
        "alert scan: %s found, %s recorded, %s held, %s released",
        report.found,
        report.recorded,
        report.held,
        report.released,
    )
