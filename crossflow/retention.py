"""``crossflow retention``: delete what grows without bound, and nothing still needed.

* Outbox rows already handed to the broker (``SENT``) older than
  ``retention_outbox_days``; pending rows always stay.
* Read notifications older than ``retention_notification_days``, except those with a
  delivery (e-mail, webhook) not yet sent; deleting one deletes its sent deliveries.
* Stored files no attachment version names, untouched for ``retention_file_grace_hours``,
  and uploads a crashed request left staged for as long.

Safe with servers running: rows are deleted by conditions that a concurrent change can only
make false (a pending row is never "sent and old"). For a file the race is an upload that
reuses it between the scan and the delete. An upload writes (or touches) the file before it
inserts the row naming it, and a touch that finds the file gone writes a fresh copy
(``FileStore.commit``). So each candidate is first moved into ``files/.trash`` (atomic),
then looked at again: a recent touch or a row naming it by now puts it back.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from tortoise.expressions import Subquery

from core import clock
from core.files import FileStore
from core.outbox_message import OutboxMessage, OutboxStatus
from core.settings import Settings
from models import AttachmentVersion, Delivery, Notification
from models.enums import DeliveryStatus

BATCH = 1000


class RetentionRefused(ValueError):
    """The settings would delete something still needed; the message says which."""


@dataclass
class RetentionReport:
    """How many of each were deleted (or, in a dry run, would be)."""

    outbox: int = 0
    notifications: int = 0
    files: int = 0
    staged: int = 0
    dry_run: bool = False


async def run(settings: Settings, *, dry_run: bool = False) -> RetentionReport:
    """Apply the retention settings once; ``dry_run`` only counts."""
    if settings.retention_notification_days <= settings.alerts_lookback_days:
        raise RetentionRefused(
            "CROSSFLOW_RETENTION_NOTIFICATION_DAYS must exceed CROSSFLOW_ALERTS_LOOKBACK_DAYS:"
            " a scan would send a warning again once its notification is gone"
        )
    now = clock.now()
    report = RetentionReport(dry_run=dry_run)
    report.outbox = await _outbox(now - timedelta(days=settings.retention_outbox_days), dry_run)
    report.notifications = await _notifications(
        now - timedelta(days=settings.retention_notification_days), dry_run
    )
    grace_seconds = settings.retention_file_grace_hours * 3600
    report.files = await _files(FileStore(settings.data_dir), grace_seconds, dry_run)
    report.staged = await asyncio.to_thread(
        _staged, FileStore(settings.data_dir), grace_seconds, dry_run
    )
    return report


async def _outbox(cutoff: datetime, dry_run: bool) -> int:
    old = OutboxMessage.filter(status=OutboxStatus.SENT, sent_at__lt=cutoff)
    if dry_run:
        return await old.count()
    deleted = 0
    while ids := await old.order_by("id").limit(BATCH).values_list("id", flat=True):
        deleted += await OutboxMessage.filter(
            id__in=list(ids), status=OutboxStatus.SENT, sent_at__lt=cutoff
        ).delete()
    return deleted


async def _notifications(cutoff: datetime, dry_run: bool) -> int:
    total = 0
    last_id = 0
    while True:
        ids: list[int] = [
            row["id"]
            for row in await Notification.filter(
                read_at__lt=cutoff, created_at__lt=cutoff, id__gt=last_id
            )
            .order_by("id")
            .limit(BATCH)
            .values("id")
        ]
        if not ids:
            return total
        last_id = ids[-1]
        unsent = set(
            await Delivery.filter(notification_id__in=ids)
            .exclude(status=DeliveryStatus.SENT)
            .values_list("notification_id", flat=True)
        )
        doomed = [i for i in ids if i not in unsent]
        if dry_run or not doomed:
            total += len(doomed)
            continue
        # The same conditions again: a delivery queued meanwhile keeps its notification.
        # Counted by what is left: SQLite's row count includes the cascaded deliveries.
        await (
            Notification.filter(id__in=doomed, read_at__lt=cutoff)
            .exclude(
                id__in=Subquery(
                    Delivery.filter(notification_id__in=doomed)
                    .exclude(status=DeliveryStatus.SENT)
                    .values("notification_id")
                )
            )
            .delete()
        )
        total += len(doomed) - await Notification.filter(id__in=doomed).count()


async def _files(store: FileStore, grace_seconds: int, dry_run: bool) -> int:
    candidates = await asyncio.to_thread(_old_files, store.root, grace_seconds)
    deleted = 0
    for start in range(0, len(candidates), BATCH):
        batch = {f"{p.parent.name}/{p.name}": p for p in candidates[start : start + BATCH]}
        named = set(
            await AttachmentVersion.filter(storage_path__in=list(batch)).values_list(
                "storage_path", flat=True
            )
        )
        for storage_path, path in batch.items():
            if storage_path in named:
                continue
            if dry_run or await _delete_if_still_unused(store, storage_path, path, grace_seconds):
                deleted += 1
    return deleted


def _old_files(root: Path, grace_seconds: int) -> list[Path]:
    if not root.is_dir():
        return []
    limit = time.time() - grace_seconds
    return sorted(p for p in root.glob("??/*") if p.is_file() and p.stat().st_mtime < limit)


async def _delete_if_still_unused(
    store: FileStore, storage_path: str, path: Path, grace_seconds: int
) -> bool:
    trash = store.root / ".trash"
    trash.mkdir(exist_ok=True)
    parked = trash / path.name
    try:
        os.replace(path, parked)
    except FileNotFoundError:
        return False  # another retention run took it
    recent = parked.stat().st_mtime >= time.time() - grace_seconds
    if recent or await AttachmentVersion.filter(storage_path=storage_path).exists():
        # Put it back; an upload may have stored the same bytes again meanwhile (same name,
        # same content), which the atomic replace simply overwrites.
        os.replace(parked, path)
        return False
    parked.unlink()
    return True


def _staged(store: FileStore, grace_seconds: int, dry_run: bool) -> int:
    """Uploads staged by requests that died before committing or discarding them."""
    tmp = store.root / ".tmp"
    if not tmp.is_dir():
        return 0
    limit = time.time() - grace_seconds
    old = [p for p in tmp.iterdir() if p.is_file() and p.stat().st_mtime < limit]
    if not dry_run:
        for path in old:
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
    return len(old)
