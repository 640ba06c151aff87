"""Retention: old sent rows and unreferenced files go; unsent messages and named files stay."""

from __future__ import annotations

import io
import os
import time
from datetime import timedelta
from pathlib import Path

import pytest

from core import clock
from core.files import FileStore
from core.outbox_message import OutboxMessage, OutboxStatus
from core.settings import Settings
from crossflow.retention import RetentionRefused, run
from models import Attachment, AttachmentVersion, Delivery, Notification, User
from models.enums import Channel, DeliveryStatus, NotificationKind
from models.requirements import Requirement

LONG_AGO = timedelta(days=400)
DAY = 24 * 3600


def store_file(store: FileStore, content: bytes, age_seconds: float) -> str:
    """A committed file whose last touch was ``age_seconds`` ago."""
    storage_path = store.commit(store.stage(io.BytesIO(content), 1 << 20))
    then = time.time() - age_seconds
    os.utime(store.path_of(storage_path), (then, then))
    return storage_path


async def name_in_an_attachment(storage_path: str) -> None:
    """An attachment version naming ``storage_path`` (as an upload's transaction writes)."""
    requirement = await Requirement.all().order_by("id").first()
    user = await User.get(username="admin")
    assert requirement is not None
    attachment = await Attachment.create(
        requirement=requirement, file_name=f"{storage_path[-6:]}.pdf", uploaded_by=user
    )
    await AttachmentVersion.create(
        attachment=attachment,
        number=1,
        sha256=storage_path[3:],
        size=1,
        content_type="application/pdf",
        storage_path=storage_path,
        uploaded_by=user,
    )


async def notification(title: str, *, read: bool, old: bool, delivery: str | None = None) -> int:
    recipient = await User.get(username="market_head")
    row = await Notification.create(
        recipient=recipient, kind=NotificationKind.TASK_ASSIGNED, title=title
    )
    when = clock.now() - (LONG_AGO if old else timedelta(days=1))
    await Notification.filter(id=row.id).update(created_at=when, read_at=when if read else None)
    if delivery is not None:
        await Delivery.create(
            notification=row,
            channel=Channel.EMAIL,
            target="someone@example.com",
            dedup_key=f"test:{title}",
            status=DeliveryStatus(delivery),
        )
    return row.id


async def outbox_row(status: OutboxStatus, *, old: bool) -> int:
    row = await OutboxMessage.create(actor="deliver", args=[1], status=status)
    when = clock.now() - (LONG_AGO if old else timedelta(hours=1))
    sent_at = when if status is OutboxStatus.SENT else None
    await OutboxMessage.filter(id=row.id).update(created_at=when, sent_at=sent_at)
    return row.id


async def test_retention_keeps_every_named_file_and_unsent_message(
    demo: None, settings: Settings
) -> None:
    # given old and recent, sent and pending outbox rows
    old_sent = await outbox_row(OutboxStatus.SENT, old=True)
    kept_rows = {
        await outbox_row(OutboxStatus.PENDING, old=True),
        await outbox_row(OutboxStatus.SENT, old=False),
    }
    # and notifications: old read ones, one with an e-mail not sent yet, unread, recent
    old_read = await notification("old read", read=True, old=True, delivery="SENT")
    kept_notes = {
        await notification("old read, unsent mail", read=True, old=True, delivery="PENDING"),
        await notification("old read, failed mail", read=True, old=True, delivery="FAILED"),
        await notification("old unread", read=False, old=True),
        await notification("recent read", read=True, old=False),
    }
    # and stored files: named by an attachment (old), unnamed (old), unnamed (just written)
    store = FileStore(settings.data_dir)
    named = store_file(store, b"named", age_seconds=30 * DAY)
    await name_in_an_attachment(named)
    orphan = store_file(store, b"orphan", age_seconds=30 * DAY)
    fresh = store_file(store, b"fresh", age_seconds=60)
    stale_upload = store.stage(io.BytesIO(b"half an upload"), 1 << 20).temp_path
    os.utime(stale_upload, (time.time() - 2 * DAY,) * 2)
    outbox_before = await OutboxMessage.all().count()
    notes_before = await Notification.all().count()

    # when a dry run looks first
    preview = await run(settings, dry_run=True)
    # then it counts exactly what is due and deletes nothing
    assert (preview.outbox, preview.notifications, preview.files, preview.staged) == (1, 1, 1, 1)
    assert await OutboxMessage.all().count() == outbox_before
    assert await Notification.all().count() == notes_before
    assert store.path_of(orphan).exists() and stale_upload.exists()

    # when retention runs
    report = await run(settings)
    # then the same four are gone
    assert (report.outbox, report.notifications, report.files, report.staged) == (1, 1, 1, 1)
    assert not await OutboxMessage.filter(id=old_sent).exists()
    assert not await Notification.filter(id=old_read).exists()
    assert not store.path_of(orphan).exists() and not stale_upload.exists()
    # and every pending message, unsent delivery and named or recent file stays
    assert kept_rows <= set(await OutboxMessage.all().values_list("id", flat=True))
    assert kept_notes <= set(await Notification.all().values_list("id", flat=True))
    assert await Delivery.exclude(status=DeliveryStatus.SENT).count() == 2
    assert store.path_of(named).read_bytes() == b"named"
    assert store.path_of(fresh).read_bytes() == b"fresh"
    assert not any((store.root / ".trash").iterdir())


async def test_an_upload_reusing_an_old_unnamed_file_keeps_it(
    demo: None, settings: Settings
) -> None:
    # given an old file no attachment names any more
    store = FileStore(settings.data_dir)
    orphan = store_file(store, b"same bytes", age_seconds=30 * DAY)
    # when an upload of the same content commits (before its row is written)
    store.commit(store.stage(io.BytesIO(b"same bytes"), 1 << 20))
    # then the reuse touched it, and retention leaves it alone
    assert (await run(settings)).files == 0
    assert store.path_of(orphan).read_bytes() == b"same bytes"


async def test_an_upload_racing_the_delete_stores_its_own_copy(
    demo: None, settings: Settings
) -> None:
    # given an old unnamed file that retention has just moved out of the store
    store = FileStore(settings.data_dir)
    orphan = store_file(store, b"raced bytes", age_seconds=30 * DAY)
    (store.root / ".trash").mkdir()
    os.replace(store.path_of(orphan), store.root / ".trash" / Path(orphan).name)
    # when an upload of the same content commits right then
    storage_path = store.commit(store.stage(io.BytesIO(b"raced bytes"), 1 << 20))
    # then the store holds the file again under its name, whatever retention does next
    assert storage_path == orphan
    assert store.path_of(orphan).read_bytes() == b"raced bytes"


async def test_retention_refuses_to_forget_notifications_a_scan_still_looks_at(
    demo: None, settings: Settings
) -> None:
    # given notifications kept no longer than the warnings' look-back
    short = settings.model_copy(
        update={"retention_notification_days": settings.alerts_lookback_days}
    )
    # when retention runs, then it refuses before deleting anything
    old_read = await notification("old read", read=True, old=True)
    with pytest.raises(RetentionRefused, match="ALERTS_LOOKBACK_DAYS"):
        await run(short)
    assert await Notification.filter(id=old_read).exists()
