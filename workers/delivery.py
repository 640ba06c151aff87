"""Delivery actors, one per channel: they take ids, re-read the row, and are idempotent.

A delivery marked SENT is never sent again, so a redelivered message does nothing.
Transient failures are retried with backoff a bounded number of times; permanent ones are
recorded as FAILED and not retried.
"""

from __future__ import annotations

from datetime import timedelta

import dramatiq
from tortoise.expressions import F, Q

from core import actor_refs, channels, clock, metrics, outbox, realtime
from core.actor_refs import ActorRef
from core.channels import WebhookFormat
from core.settings import get_settings
from models import Delivery, Notification, WebhookChannel
from models.enums import DeliveryStatus

RETRY = {"max_retries": 8, "min_backoff": 2_000, "max_backoff": 300_000}


@dramatiq.actor(actor_name=actor_refs.PUSH_NOTIFICATIONS.name, **RETRY)  # type: ignore[call-overload]
async def push_notifications(notification_ids: list[int]) -> None:
    """Push stored notifications to their recipients' live subscriptions (every replica)."""
    hub = realtime.hub()
    for notification_id, recipient_id in await Notification.filter(
        id__in=notification_ids
    ).values_list("id", "recipient_id"):
        await hub.publish(int(recipient_id), int(notification_id))


@dramatiq.actor(  # type: ignore[call-overload]
    actor_name=actor_refs.DELIVER_EMAIL.name, throws=(channels.PermanentFailure,), **RETRY
)
async def deliver_email(delivery_id: int) -> None:
    """Send one e-mail delivery, once (after the recipient's quiet hours)."""
    if await _held(actor_refs.DELIVER_EMAIL, delivery_id):
        return
    delivery = await _claim(delivery_id)
    if delivery is None:
        return
    payload = delivery.payload
    try:
        await channels.send_email(
            get_settings(),
            delivery.target,
            payload["subject"],
            payload["body"],
            message_id=f"<delivery-{delivery.id}@crossflow>",
        )
    except Exception as exc:
        await _failed(delivery, exc)
        raise
    await _sent(delivery)


@dramatiq.actor(  # type: ignore[call-overload]
    actor_name=actor_refs.DELIVER_WEBHOOK.name, throws=(channels.PermanentFailure,), **RETRY
)
async def deliver_webhook(delivery_id: int) -> None:
    """Post one webhook delivery in its channel's format, once (after quiet hours)."""
    if await _held(actor_refs.DELIVER_WEBHOOK, delivery_id):
        return
    delivery = await _claim(delivery_id)
    if delivery is None:
        return
    channel = await WebhookChannel.get_or_none(id=int(delivery.target), enabled=True)
    if channel is None:
        await Delivery.filter(id=delivery.id).update(
            status=DeliveryStatus.FAILED, last_error="channel removed or disabled"
        )
        metrics.DELIVERIES.labels(delivery.channel, "failed").inc()
        return
    payload = delivery.payload
    url, body = channels.webhook_request(
        WebhookFormat(channel.format),
        channel.url,
        channel.secret,
        payload["title"],
        payload["body"],
        {"code": payload.get("code", ""), "kind": payload.get("kind", "")},
    )
    try:
        await channels.post_webhook(url, body, get_settings().delivery_timeout_seconds)
    except Exception as exc:
        await _failed(delivery, exc)
        raise
    await _sent(delivery)


async def _held(actor: ActorRef[int], delivery_id: int) -> bool:
    """A pending delivery whose recipient's quiet hours have not ended waits until they
    do. Its message is staged to wait in the outbox until then, so the row stays
    pending and the wait outlives any worker. A broker's delay queue would lose it when
    the process running the actors inline, without Redis, stops.

    A delivery is staged to wait already (``channels.stage_deliveries``), so this catches
    only a message that arrives early."""
    row = await Delivery.get_or_none(
        id=delivery_id, status=DeliveryStatus.PENDING, not_before__gt=clock.now()
    )
    if row is None or row.not_before is None:
        return False
    await outbox.stage_many(actor, [(delivery_id,)], not_before=row.not_before)
    return True


class ClaimedElsewhere(Exception):
    """Another attempt is sending this delivery right now: retry later (with backoff)."""


def stale_claim_age() -> timedelta:
    """How long a claim protects a send in progress: the send timeout, with a margin."""
    return timedelta(seconds=get_settings().delivery_timeout_seconds * 2 + 5)


async def _claim(delivery_id: int) -> Delivery | None:
    """The delivery, claimed atomically for this attempt; ``None`` when there is nothing to do.

    A fresh claim of another attempt makes this one retry later; a claim older than
    :func:`stale_claim_age` belonged to a sender that died and is taken over. The one case
    that can send twice: a sender dying after the server accepted the message but before it
    recorded SENT (milliseconds); everything else is sent exactly once.
    """
    now = clock.now()
    claimable = Q(status=DeliveryStatus.PENDING) | Q(
        status=DeliveryStatus.SENDING, updated_at__lt=now - stale_claim_age()
    )
    claimed = await Delivery.filter(claimable, id=delivery_id).update(
        status=DeliveryStatus.SENDING, attempts=F("attempts") + 1, updated_at=now
    )
    if claimed:
        return await Delivery.get(id=delivery_id)
    delivery = await Delivery.get_or_none(id=delivery_id)
    if delivery is not None and delivery.status == DeliveryStatus.SENDING:
        raise ClaimedElsewhere(f"delivery {delivery_id} is being sent by another attempt")
    return None


async def _sent(delivery: Delivery) -> None:
    await Delivery.filter(id=delivery.id).update(
        status=DeliveryStatus.SENT, sent_at=clock.now(), last_error=""
    )
    metrics.DELIVERIES.labels(delivery.channel, "sent").inc()


async def _failed(delivery: Delivery, error: Exception) -> None:
    permanent = isinstance(error, channels.PermanentFailure)
    await Delivery.filter(id=delivery.id).update(
        status=DeliveryStatus.FAILED if permanent else DeliveryStatus.PENDING,
        last_error=f"{type(error).__name__}: {error}"[:500],
    )
    metrics.DELIVERIES.labels(delivery.channel, "failed" if permanent else "retry").inc()
