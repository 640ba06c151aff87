"""The directory sync as a background job (the scheduler enqueues it every few minutes)."""

from __future__ import annotations

import logging

import dramatiq

from core import actor_refs
from core.settings import get_settings
from resolvers.errors import Conflict
from resolvers.people.directory_settings import effective
from resolvers.people.directory_sync import sync_directory as run_sync

log = logging.getLogger(__name__)


@dramatiq.actor(actor_name=actor_refs.SYNC_DIRECTORY.name, max_retries=0, time_limit=30 * 60_000)
async def sync_directory(full: bool = False) -> None:
    """One sync; not retried: the next scheduled run starts from the last good watermark.

    Nothing to do while no directory is configured (neither environment nor panel).
    """
    settings = await effective(get_settings())
    if not settings.ldap_url:
        return
    try:
        run = await run_sync(settings, started_by="scheduler", full=full)
    except Conflict:
        log.info("directory sync skipped: another one is running")
        return
    log.info(
        "directory sync %s: %s created, %s updated, %s deactivated, %s refused",
        run.status,
        run.created,
        run.updated,
        run.deactivated,
        run.refused,
    )
