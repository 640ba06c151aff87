"""Delivering notifications: the in-app push to connected clients."""

from __future__ import annotations

import dramatiq

from crossflow import realtime
from models import Notification


@dramatiq.actor(max_retries=5, min_backoff=1_000, max_backoff=60_000)
async def push_notification(notification_id: int) -> None:
    """Push a stored notification to its recipient's live subscriptions on every replica.

    Takes an id and re-reads the row, so a retry after a crash pushes the current state; a
    push that arrives twice shows the same notification twice to a live client at most,
    and never creates a second notification.
    """
    notification = await Notification.get_or_none(id=notification_id)
    if notification is None:
        return
    await realtime.hub().publish(notification.recipient_id, notification.id)
