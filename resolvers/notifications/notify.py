"""Creating in-app notifications inside the use case's transaction, pushed after commit."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient

from core.queries import int_column
from models import Notification, User
from models.enums import NotificationKind
from resolvers.notifications.channels import Outgoing, stage_deliveries
from resolvers.notifications.service import stage_pushes
from resolvers.notifications.texts import render


async def notify(
    recipient_ids: Iterable[int | None],
    kind: NotificationKind,
    params: dict[str, Any],
    *,
    subject_type: str,
    subject_id: int,
    subject_code: str,
    conn: BaseDBAsyncClient,
    exclude: int | None = None,
) -> list[Notification]:
    """One notification per distinct recipient (not ``exclude``, usually the actor).

    Each is staged for the live push in the same transaction, so it is pushed only once it
    is committed, and still pushed if the process dies right after the commit; so are its
    e-mail and webhook deliveries, by the recipient's channels for the kind.
    """
    ids = sorted({rid for rid in recipient_ids if rid is not None and rid != exclude})
    if not ids:
        return []
    languages = dict(await User.filter(id__in=ids).using_db(conn).values_list("id", "language"))
    created: list[Notification] = []
    for recipient_id in ids:
        title, body = render(kind, str(languages.get(recipient_id, "zh")), params)
        notification = await Notification.create(
            recipient_id=recipient_id,
            kind=kind,
            title=title,
            body=body,
            subject_type=subject_type,
            subject_id=subject_id,
            subject_code=subject_code,
            using_db=conn,
        )
        created.append(notification)
    await stage_pushes([n.id for n in created], conn)
    await stage_deliveries(
        [
            Outgoing(n.id, n.recipient_id, kind, n.title, n.body, subject_code, f"n{n.id}")
            for n in created
        ],
        conn,
    )
    return created


async def member_ids(department_id: int, conn: BaseDBAsyncClient) -> list[int]:
    """The active members of a department."""
    return await int_column(
        User.filter(department_id=department_id, is_active=True).using_db(conn), "id"
    )


async def notify_about(
    subject: Any,
    recipient_ids: Iterable[int | None],
    kind: NotificationKind,
    conn: BaseDBAsyncClient,
    *,
    exclude: int | None = None,
    **params: Any,
) -> list[Notification]:
    """Notify about a requirement or task: its title and code fill the text and the link."""
    return await notify(
        recipient_ids,
        kind,
        {"title": subject.title, "code": subject.code, **params},
        subject_type=type(subject).__name__,
        subject_id=subject.id,
        subject_code=subject.code,
        conn=conn,
        exclude=exclude,
    )
