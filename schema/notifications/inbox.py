"""Notifications in the viewer's inbox, and the audit log."""

from __future__ import annotations

from collections.abc import AsyncGenerator
from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry
from strawberry import relay
from strawberry.scalars import JSON
from tortoise.queryset import QuerySet

import models
from core import realtime
from resolvers import listing
from resolvers.access.auth import Viewer
from resolvers.errors import DomainError, Forbidden
from resolvers.keyset import Ordering
from resolvers.notifications import inbox as notifications
from schema.access.permissions import CanWrite, SignedIn
from schema.base import Info, ModelNode, load_one
from schema.enums import NotificationKind
from schema.filters import NotificationFilter, NotificationOrder
from schema.ids import decode_ids
from schema.pagination import After, Connection, First, ordering, paginate

if TYPE_CHECKING:
    from schema.people.users import UserType

UserRef = Annotated["UserType", strawberry.lazy("schema.people.users")]


@strawberry.type(name="Notification", description="A message in the viewer's inbox")
class NotificationType(ModelNode):
    model = models.Notification

    id: relay.NodeID[int]
    kind: NotificationKind = strawberry.field(description="What it is about")
    title: str = strawberry.field(description="One line, in the recipient's language")
    body: str = strawberry.field(description="The message text")
    subject_type: str = strawberry.field(
        description="The type of the object it is about, e.g. Requirement or Task"
    )
    subject_code: str = strawberry.field(
        description="That object's human code, e.g. XQ202611001; may be empty"
    )
    created_at: datetime = strawberry.field(description="When it was sent, UTC")
    updated_at: datetime = strawberry.field(
        description="When this record last changed (UTC); filter or sort by it to load changes"
    )
    read_at: datetime | None = strawberry.field(description="When you read it, UTC; null: unread")


@strawberry.type(name="AuditEntry", description="Who did what, when, before and after")
class AuditEntryType(ModelNode):
    model = models.AuditEntry

    id: relay.NodeID[int]
    actor_label: str = strawberry.field(
        description="Who acted, as text, kept if the user is removed (system for workers)"
    )
    action: str = strawberry.field(description="What was done, e.g. requirement.submit")
    subject_type: str = strawberry.field(description="The type of the object acted on")
    subject_code: str = strawberry.field(description="Its human code; may be empty")
    from_state: str = strawberry.field(description="The status before; empty if none changed")
    to_state: str = strawberry.field(description="The status after; empty if none changed")
    note: str = strawberry.field(description="A note on the change")
    before: JSON | None = strawberry.field(description="The changed fields before, as JSON")
    after: JSON | None = strawberry.field(description="The changed fields after, as JSON")
    via: str = strawberry.field(description="Where it came from: api, admin (panel), cli, system")
    created_at: datetime = strawberry.field(description="When it happened, UTC")

    @strawberry.field(description="The user who acted; null for the system")
    async def actor(self, root: models.AuditEntry, info: Info) -> UserRef | None:
        return await load_one(info, models.User, root.actor_id)

    @strawberry.field(description="The head a delegate acted for (X on behalf of Y)")
    async def on_behalf_of(self, root: models.AuditEntry, info: Info) -> UserRef | None:
        return await load_one(info, models.User, root.on_behalf_of_id)


@strawberry.type
class NotificationSubscriptions:
    @strawberry.subscription(description="The viewer's new notifications, from any replica")
    async def notification_added(self, info: Info) -> AsyncGenerator[NotificationType, None]:
        viewer = info.context.require_viewer()
        live = info.context.live
        if viewer.user_id is None:
            raise Forbidden("API 令牌没有通知 (an API token has no notifications to subscribe to)")
        if live is None:
            raise DomainError(
                "订阅只通过 websocket (subscriptions run over a graphql-transport-ws websocket)"
            )
        async with realtime.hub().subscribe(viewer.user_id) as queue:
            # Ends when the socket's watcher closes it (signed out, deactivated, role
            # changed, token expired): nothing is delivered after that verdict.
            while (notification_id := await live.next_of(queue)) is not None:
                notification = await models.Notification.get_or_none(
                    id=notification_id, recipient_id=viewer.user_id
                )
                if notification is not None and not live.closed.is_set():
                    yield notification  # type: ignore[misc]


def notification_list(
    viewer: Viewer,
    unread_only: bool,
    filter: NotificationFilter | None,
    order_by: NotificationOrder | None,
) -> tuple[QuerySet[models.Notification], Ordering]:
    """The inbox's rows and order for ``notifications``: the resolver's and the compiled
    path's (FORBIDDEN for a BI token, which has no inbox)."""
    queryset = listing.notifications(
        viewer,
        unread_only=unread_only or bool(filter and filter.unread_only),
        kinds=list(filter.kinds or []) if filter else [],
    )
    return queryset, ordering(order_by, listing.NOTIFICATION_SORTS)


@strawberry.type
class NotificationQueries:
    @strawberry.field(
        description="Your notifications; newest first unless orderBy says otherwise",
        permission_classes=[SignedIn],
    )
    async def notifications(
        self,
        info: Info,
        unread_only: Annotated[
            bool, strawberry.argument(description="Only unread ones (also in filter)")
        ] = False,
        filter: Annotated[
            NotificationFilter | None, strawberry.argument(description="Only those matching it")
        ] = None,
        order_by: Annotated[
            NotificationOrder | None,
            strawberry.argument(description="Sort order; default newest first"),
        ] = None,
        first: First = None,
        after: After = None,
    ) -> Connection[NotificationType]:
        viewer = info.context.require_viewer()
        queryset, order = notification_list(viewer, unread_only, filter, order_by)
        return await paginate(queryset, first, after, order=order)


@strawberry.type
class NotificationMutations:
    @strawberry.mutation(
        description="Mark your notifications read; others' ids are ignored. Errors: "
        "UNAUTHENTICATED; FORBIDDEN (read-only token); BAD_USER_INPUT (not Notification ids)",
        permission_classes=[CanWrite],
    )
    async def mark_notifications_read(
        self,
        info: Info,
        ids: Annotated[
            list[strawberry.ID], strawberry.argument(description="Notification global ids")
        ],
    ) -> list[NotificationType]:
        viewer = info.context.require_viewer()
        keys = decode_ids(ids, "Notification", "ids")
        return await notifications.mark_read(viewer, keys)  # type: ignore[return-value]
