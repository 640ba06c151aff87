"""Notifications in the viewer's inbox, and the audit log."""

from __future__ import annotations

from collections.abc import AsyncGenerator
from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry
from strawberry import relay
from strawberry.scalars import JSON

import models
from crossflow import realtime
from resolvers import listing, notifications
from schema.base import Info, ModelNode, load_one
from schema.enums import NotificationKind
from schema.filters import NotificationFilter, NotificationOrder
from schema.ids import decode_ids
from schema.pagination import Connection, ordering, paginate
from schema.permissions import CanWrite, SignedIn

if TYPE_CHECKING:
    from schema.users import UserType

UserRef = Annotated["UserType", strawberry.lazy("schema.users")]


@strawberry.type(name="Notification", description="A message in the viewer's inbox")
class NotificationType(ModelNode):
    model = models.Notification

    id: relay.NodeID[int]
    kind: NotificationKind
    title: str
    body: str
    subject_type: str
    subject_code: str
    created_at: datetime
    updated_at: datetime = strawberry.field(
        description="When this record last changed (UTC); filter or sort by it to load changes"
    )
    read_at: datetime | None


@strawberry.type(name="AuditEntry", description="Who did what, when, before and after")
class AuditEntryType(ModelNode):
    model = models.AuditEntry

    id: relay.NodeID[int]
    actor_label: str
    action: str
    subject_type: str
    subject_code: str
    from_state: str
    to_state: str
    note: str
    before: JSON | None
    after: JSON | None
    via: str
    created_at: datetime

    @strawberry.field
    async def actor(self, root: models.AuditEntry, info: Info) -> UserRef | None:
        return await load_one(info, models.User, root.actor_id)

    @strawberry.field
    async def on_behalf_of(self, root: models.AuditEntry, info: Info) -> UserRef | None:
        return await load_one(info, models.User, root.on_behalf_of_id)


@strawberry.type
class NotificationSubscriptions:
    @strawberry.subscription(description="The viewer's new notifications, from any replica")
    async def notification_added(self, info: Info) -> AsyncGenerator[NotificationType, None]:
        viewer = info.context.require_viewer()
        if viewer.user_id is None:
            return
        async with realtime.hub().subscribe(viewer.user_id) as queue:
            while True:
                notification_id = await queue.get()
                notification = await models.Notification.get_or_none(
                    id=notification_id, recipient_id=viewer.user_id
                )
                if notification is not None:
                    yield notification  # type: ignore[misc]


@strawberry.type
class NotificationQueries:
    @strawberry.field(
        description="Your notifications; newest first unless orderBy says otherwise",
        permission_classes=[SignedIn],
    )
    async def notifications(
        self,
        info: Info,
        unread_only: bool = False,
        filter: NotificationFilter | None = None,
        order_by: NotificationOrder | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> Connection[NotificationType]:
        viewer = info.context.require_viewer()
        queryset = listing.notifications(
            viewer,
            unread_only=unread_only or bool(filter and filter.unread_only),
            kinds=list(filter.kinds or []) if filter else [],
        )
        order = ordering(order_by, listing.NOTIFICATION_SORTS)
        return await paginate(queryset, first, after, order=order)


@strawberry.type
class NotificationMutations:
    @strawberry.mutation(
        description="Mark your notifications read (not with a read-only BI token)",
        permission_classes=[CanWrite],
    )
    async def mark_notifications_read(
        self, info: Info, ids: list[strawberry.ID]
    ) -> list[NotificationType]:
        viewer = info.context.require_viewer()
        keys = decode_ids(ids, "Notification", "ids")
        return await notifications.mark_read(viewer, keys)  # type: ignore[return-value]
