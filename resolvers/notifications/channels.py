"""The one path from a stored notification to the outside channels (e-mail, webhooks).

Both the use cases (``resolvers/notifications/notify.py``) and the warning scan
(``resolvers/alerts/scan.py``)
hand their notifications here, so every kind of to-do and warning follows the same rules:

- channels: the person's choice for the kind, else the organisation's default for it (set by
  the admin in the panel), else the caller's fallback (a warning rule's channels; the inbox
  only for to-dos). The in-app inbox is always kept: it is where to-dos are acted on.
- webhooks: every enabled webhook serving the recipient's department (a webhook naming no
  department serves all).
- quiet hours: a delivery staged inside the recipient's quiet hours waits until they end.

Each delivery has a unique key and is staged in the outbox of the caller's transaction, so
it is sent once and never lost.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from tortoise.backends.base.client import BaseDBAsyncClient

from core import actor_refs, clock, outbox
from core.queries import int_column
from core.settings import get_settings
from models import (
    Delivery,
    NotificationDefault,
    NotificationPreference,
    QuietHours,
    User,
    WebhookChannel,
)
from models.enums import Channel, DeliveryStatus, NotificationKind

#: What a to-do goes out on when neither the person nor the organisation chose.
INBOX_ONLY: tuple[str, ...] = (Channel.IN_APP,)


@dataclass(frozen=True)
class Outgoing:
    """A stored notification on its way out.

    ``key`` makes the deliveries idempotent: e-mail once per (key, recipient), a webhook post
    once per (key, webhook) — a warning's key is the alert's, so a group hears it once.
    ``group_text`` is what a webhook posts (default: the notification, addressed by name).
    """

    notification_id: int | None
    recipient_id: int
    kind: NotificationKind
    title: str
    body: str
    code: str
    key: str
    fallback: Sequence[str] = INBOX_ONLY
    group_text: tuple[str, str] | None = None


async def effective_channels(
    user_ids: set[int], kinds: set[NotificationKind], conn: BaseDBAsyncClient | None = None
) -> tuple[dict[tuple[int, str], list[str]], dict[str, list[str]]]:
    """The personal choices by (user, kind) and the organisation's defaults by kind."""
    personal = {
        (int(user_id), str(kind)): list(channels)
        for user_id, kind, channels in await NotificationPreference.filter(
            user_id__in=user_ids, kind__in=kinds
        )
        .using_db(conn)
        .values_list("user_id", "kind", "channels")
    }
    defaults = {
        str(kind): list(channels)
        for kind, channels in await NotificationDefault.filter(kind__in=kinds)
        .using_db(conn)
        .values_list("kind", "channels")
    }
    return personal, defaults


def quiet_until(start_minute: int, end_minute: int, now: datetime) -> datetime | None:
    """The end of the quiet period ``now`` falls in (Beijing time), or ``None`` outside it."""
    local = now.astimezone(clock.BUSINESS_TZ)
    minute = local.hour * 60 + local.minute
    midnight = local.replace(hour=0, minute=0, second=0, microsecond=0)
    if start_minute < end_minute:
        inside = start_minute <= minute < end_minute
        end = midnight + timedelta(minutes=end_minute)
    else:
        inside = minute >= start_minute or minute < end_minute
        day = midnight if minute < end_minute else midnight + timedelta(days=1)
        end = day + timedelta(minutes=end_minute)
    return end.astimezone(UTC) if inside else None


async def _webhooks(conn: BaseDBAsyncClient | None) -> list[tuple[int, set[int]]]:
    """Enabled webhooks with the departments they serve (empty: all)."""
    ids = await int_column(WebhookChannel.filter(enabled=True).using_db(conn), "id")
    served: dict[int, set[int]] = defaultdict(set)
    for row in (
        await WebhookChannel.filter(id__in=ids, departments__id__isnull=False)
        .using_db(conn)
        .values("id", "departments__id")
    ):
        served[int(row["id"])].add(int(row["departments__id"]))
    return [(channel_id, served.get(channel_id, set())) for channel_id in ids]


async def stage_deliveries(items: list[Outgoing], conn: BaseDBAsyncClient) -> int:
    """Create the e-mail and webhook deliveries of ``items`` and stage them in the outbox;
    returns how many are pending (a key already sent is not sent again)."""
    if not items:
        return 0
    users = {
        row["id"]: row
        for row in await User.filter(id__in={i.recipient_id for i in items}, is_active=True)
        .using_db(conn)
        .values("id", "email", "department_id", "display_name")
    }
    personal, defaults = await effective_channels(set(users), {i.kind for i in items}, conn)
    quiet = {
        user_id: (start, end)
        for user_id, start, end in await QuietHours.filter(user_id__in=list(users))
        .using_db(conn)
        .values_list("user_id", "start_minute", "end_minute")
    }
    webhooks = await _webhooks(conn)
    email_on = bool(get_settings().smtp_host)
    now = clock.now()
    deliveries: dict[str, Delivery] = {}
    for item in items:
        user = users.get(item.recipient_id)
        if user is None:
            continue
        channels = personal.get((user["id"], str(item.kind)))
        if channels is None:
            channels = defaults.get(str(item.kind), list(item.fallback))
        hold = quiet_until(*quiet[user["id"]], now) if user["id"] in quiet else None
        if Channel.EMAIL in channels and email_on and user["email"]:
            key = f"{item.key}:email:{user['id']}"
            deliveries[key] = Delivery(
                notification_id=item.notification_id,
                channel=Channel.EMAIL,
                target=user["email"],
                dedup_key=key,
                payload={"subject": item.title, "body": item.body},
                not_before=hold,
            )
        if Channel.WEBHOOK not in channels:
            continue
        title, body = item.group_text or (f"@{user['display_name']} {item.title}", item.body)
        for channel_id, departments in webhooks:
            key = f"{item.key}:webhook:{channel_id}"
            if key in deliveries or (departments and user["department_id"] not in departments):
                continue
            deliveries[key] = Delivery(
                channel=Channel.WEBHOOK,
                target=str(channel_id),
                dedup_key=key,
                payload={"title": title, "body": body, "code": item.code, "kind": item.kind.value},
                not_before=hold,
            )
    if not deliveries:
        return 0
    await Delivery.bulk_create(list(deliveries.values()), ignore_conflicts=True, using_db=conn)
    staged = (
        await Delivery.filter(dedup_key__in=list(deliveries), status=DeliveryStatus.PENDING)
        .using_db(conn)
        .values("id", "channel", "not_before")
    )
    # a delivery held by quiet hours waits in the outbox, not in a broker's memory
    batches: dict[tuple[str, datetime | None], list[tuple[int]]] = defaultdict(list)
    for row in staged:
        batches[str(row["channel"]), row["not_before"]].append((int(row["id"]),))
    for (channel, not_before), ids in batches.items():
        await outbox.stage_many(
            actor_refs.delivery_actor(channel), ids, using_db=conn, not_before=not_before
        )
    return len(staged)
