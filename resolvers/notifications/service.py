"""The notification service: what every notification, in-app or outgoing, goes through.

Two entries, one path. ``notify.notify`` serves a use case (a handful of recipients, texts
in each one's language); :func:`notify_many` serves the warning scan and any other bulk
sender (thousands of prepared drafts, one INSERT per batch, idempotent by key). Both store
the in-app notifications inside the caller's transaction, stage their live push through the
outbox (:func:`stage_pushes`: pushed after the commit, and still pushed if the process dies
right after it), and hand them to the one delivery path (``channels.stage_deliveries``: the
person's channels for the kind, the organisation's defaults, quiet hours, webhooks).

Who is told is the caller's question, answered by the policy (``resolvers/access/policy.py``)
and the warning rules; this module decides only how they are told.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient

from core import actor_refs, outbox
from models import Notification, User
from models.enums import NotificationKind, Role
from resolvers.notifications.channels import INBOX_ONLY, Outgoing, stage_deliveries

#: Notifications per live-push message (one message per chunk keeps the outbox small).
PUSH_CHUNK = 100


@dataclass(frozen=True)
class Draft:
    """One notification for :func:`notify_many`, its text rendered per language.

    ``key`` names the event: the notification is stored once per (key, recipient), an
    e-mail sent once per (key, recipient) and a webhook post once per (key, webhook), so a
    group hears of a warning once, however many of its members the warning names.
    """

    recipient_id: int
    kind: NotificationKind
    text: Callable[[str], tuple[str, str]]
    #: The subject's type, id and code (the link in the inbox).
    subject: tuple[str, int | None, str]
    key: str
    #: The channels for whoever chose none for the kind (a warning rule's channels).
    fallback: Sequence[str] = INBOX_ONLY
    #: What a webhook posts (default: the notification, addressed by name).
    group_text: tuple[str, str] | None = None


@dataclass
class Made:
    """What :func:`notify_many` made: new notifications and pending deliveries."""

    notifications: int = 0
    deliveries: int = 0


async def notify_many(drafts: Sequence[Draft], conn: BaseDBAsyncClient) -> Made:
    """Store the drafts' notifications not stored before, in bulk, and send only those.

    Inactive recipients are skipped. A draft whose (key, recipient) is already stored is
    neither stored nor pushed again, so a batch run twice tells nobody twice.
    """
    if not drafts:
        return Made()
    languages = dict(
        await User.filter(id__in={d.recipient_id for d in drafts}, is_active=True)
        .using_db(conn)
        .values_list("id", "language")
    )
    keyed = {f"{d.key}:{d.recipient_id}": d for d in drafts if d.recipient_id in languages}
    existing = set(
        await Notification.filter(dedup_key__in=list(keyed))
        .using_db(conn)
        .values_list("dedup_key", flat=True)
    )
    fresh: dict[str, tuple[Draft, Notification]] = {}
    for dedup_key, draft in keyed.items():
        if dedup_key in existing:
            continue
        title, body = draft.text(str(languages[draft.recipient_id]))
        subject_type, subject_id, subject_code = draft.subject
        fresh[dedup_key] = (
            draft,
            Notification(
                recipient_id=draft.recipient_id,
                kind=draft.kind,
                title=title,
                body=body,
                subject_type=subject_type,
                subject_id=subject_id,
                subject_code=subject_code,
                dedup_key=dedup_key,
            ),
        )
    if not fresh:
        return Made()
    await Notification.bulk_create(
        [notification for _, notification in fresh.values()], ignore_conflicts=True, using_db=conn
    )
    ids: dict[str, int] = dict(
        await Notification.filter(dedup_key__in=list(fresh))
        .using_db(conn)
        .values_list("dedup_key", "id")
    )
    deliveries = await stage_deliveries(
        [
            Outgoing(
                notification_id=ids.get(dedup_key),
                recipient_id=draft.recipient_id,
                kind=draft.kind,
                title=notification.title,
                body=notification.body,
                code=draft.subject[2],
                key=draft.key,
                fallback=draft.fallback,
                group_text=draft.group_text,
            )
            for dedup_key, (draft, notification) in fresh.items()
        ],
        conn,
    )
    await stage_pushes(sorted(ids.values()), conn)
    return Made(notifications=len(ids), deliveries=deliveries)


async def stage_pushes(notification_ids: list[int], conn: BaseDBAsyncClient) -> None:
    """Stage the live push of stored notifications, in chunks, in the caller's transaction."""
    await outbox.stage_many(
        actor_refs.PUSH_NOTIFICATIONS,
        [
            (notification_ids[i : i + PUSH_CHUNK],)
            for i in range(0, len(notification_ids), PUSH_CHUNK)
        ],
        using_db=conn,
    )


async def admin_ids(conn: BaseDBAsyncClient | None = None) -> list[int]:
    """The active administrators: told of what only the panel can fix."""
    rows: list[Any] = (
        await User.filter(role=Role.ADMIN, is_active=True)
        .using_db(conn)
        .order_by("id")
        .values_list("id", flat=True)
    )
    return [int(row) for row in rows]
