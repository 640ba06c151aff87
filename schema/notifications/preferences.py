"""Notification preferences: which channels each kind of notification goes out on, and quiet
hours; the choices are read by the one delivery path of every notification and warning."""

from __future__ import annotations

from typing import Annotated

import strawberry

from resolvers.notifications import preferences as prefs
from schema.access.permissions import CanWrite, SignedIn
from schema.base import Info
from schema.enums import Channel, NotificationKind


@strawberry.type(description="The channels one kind of notification goes out on for you")
class NotificationKindPreference:
    kind: NotificationKind = strawberry.field(description="The kind of notification")
    channels: list[Channel] = strawberry.field(
        description="Its channels; IN_APP is always among them (the inbox is the record)"
    )
    personal: bool = strawberry.field(
        description="True: you chose them; false: the organisation's default (or, for "
        "warnings without one, the warning rule's channels)"
    )


@strawberry.type(
    name="QuietHours", description="A daily period (Beijing time) when e-mail and webhooks wait"
)
class QuietHoursType:
    start: str = strawberry.field(description="When it starts, HH:MM")
    end: str = strawberry.field(description="When it ends, HH:MM; before start: over midnight")


@strawberry.type(description="Your notification preferences")
class NotificationPreferences:
    kinds: list[NotificationKindPreference] = strawberry.field(
        description="Every kind of notification with its channels"
    )
    quiet_hours: QuietHoursType | None = strawberry.field(
        description="Your quiet hours; null: none (e-mail and webhooks go at once)"
    )


@strawberry.input(description="Channels for one kind of notification")
class NotificationKindChoice:
    kind: NotificationKind = strawberry.field(description="The kind of notification")
    channels: list[Channel] | None = strawberry.field(
        description="Its channels (IN_APP is kept even if left out); null: back to the "
        "organisation's default"
    )


@strawberry.input(description="Quiet hours, Beijing time")
class QuietHoursInput:
    start: str = strawberry.field(description="When they start, HH:MM (00:00-23:59)")
    end: str = strawberry.field(
        description="When they end, HH:MM; earlier than start spans midnight (22:00-08:00)"
    )


@strawberry.input(description="Changes to your notification preferences")
class SetNotificationPreferencesInput:
    kinds: list[NotificationKindChoice] = strawberry.field(
        default_factory=list,
        description="Kinds to change, each at most once; kinds not named keep their channels",
    )
    quiet_hours: QuietHoursInput | None = strawberry.field(
        default=None, description="New quiet hours; null or left out: unchanged"
    )
    clear_quiet_hours: bool = strawberry.field(
        default=False, description="True: no quiet hours any more (not with quietHours)"
    )


def _as_type(found: prefs.Preferences) -> NotificationPreferences:
    quiet = None
    if found.quiet_start is not None and found.quiet_end is not None:
        quiet = QuietHoursType(start=found.quiet_start, end=found.quiet_end)
    return NotificationPreferences(
        kinds=[
            NotificationKindPreference(kind=k.kind, channels=k.channels, personal=k.personal)
            for k in found.kinds
        ],
        quiet_hours=quiet,
    )


@strawberry.type
class NotificationPreferenceQueries:
    @strawberry.field(
        description="Your channels for every kind of notification and your quiet hours. "
        "Errors: UNAUTHENTICATED; FORBIDDEN (a BI token or a token for no person)",
        permission_classes=[SignedIn],
    )
    async def notification_preferences(self, info: Info) -> NotificationPreferences:
        return _as_type(await prefs.preferences_of(info.context.require_viewer()))


@strawberry.type
class NotificationPreferenceMutations:
    @strawberry.mutation(
        description="Choose the channels (in-app, e-mail, your department's group webhooks) "
        "per kind of notification and your quiet hours. Errors: UNAUTHENTICATED; FORBIDDEN "
        "(read-only token); BAD_USER_INPUT (a kind twice, a time not HH:MM, equal start "
        "and end, quiet hours set and cleared at once)",
        permission_classes=[CanWrite],
    )
    async def set_notification_preferences(
        self,
        info: Info,
        input: Annotated[
            SetNotificationPreferencesInput,
            strawberry.argument(description="The changes"),
        ],
    ) -> NotificationPreferences:
        quiet = None
        if input.quiet_hours is not None:
            quiet = (input.quiet_hours.start, input.quiet_hours.end)
        found = await prefs.set_preferences(
            info.context.require_viewer(),
            [prefs.KindChoice(c.kind, c.channels) for c in input.kinds],
            quiet,
            input.clear_quiet_hours,
        )
        return _as_type(found)
