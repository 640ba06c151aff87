"""The viewer's inbox: marking notifications read."""

from __future__ import annotations

from core import clock
from models import Notification
from resolvers.access.auth import Viewer


async def mark_read(viewer: Viewer, notification_ids: list[int]) -> list[Notification]:
    """Mark the viewer's own notifications read; ids of others' notifications are ignored.

    ``updated_at`` is set with ``read_at``: a bulk UPDATE skips ``auto_now``, and a client
    loading notifications changed since its last pull must see them read.
    """
    mine = Notification.filter(id__in=notification_ids, recipient_id=viewer.user_id)
    now = clock.now()
    await mine.filter(read_at=None).update(read_at=now, updated_at=now)
    return await mine.order_by("-id")
