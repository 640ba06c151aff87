"""A person's notification preferences: channels per kind and quiet hours.

What is chosen here is read by the one delivery path (``resolvers/notifications/channels.py``):
a kind left unchosen follows the organisation's default (the admin's, in the panel), and a
warning kind with no default follows its rule's channels.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from tortoise.transactions import in_transaction

from models import NotificationDefault, NotificationPreference, QuietHours, User, WarningRule
from models.enums import Channel, NotificationKind, WarningRuleKind
from resolvers import audit
from resolvers.access import policy
from resolvers.access.auth import Viewer
from resolvers.alerts.texts import notification_kind
from resolvers.errors import BadUserInput
from resolvers.notifications.channels import INBOX_ONLY

CLOCK_TIME = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")


@dataclass(frozen=True)
class KindSetting:
    """The channels a kind goes out on for this person, and whether they chose them."""

    kind: NotificationKind
    channels: list[Channel]
    personal: bool


@dataclass(frozen=True)
class Preferences:
    """Everything a person chose (or inherits), kind by kind, and their quiet hours."""

    kinds: list[KindSetting]
    quiet_start: str | None
    quiet_end: str | None


@dataclass(frozen=True)
class KindChoice:
    """Channels for one kind; ``None`` returns the kind to the organisation's default."""

    kind: NotificationKind
    channels: list[Channel] | None


def _with_inbox(channels: Sequence[str]) -> list[Channel]:
    """The channels in a stable order, the inbox always among them."""
    chosen = {Channel(c) for c in channels} | {Channel.IN_APP}
    return [c for c in Channel if c in chosen]


def _clock(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"


def _minute(value: str, field: str) -> int:
    match = CLOCK_TIME.match(value.strip())
    if match is None:
        raise BadUserInput("时间格式应为HH:MM (expected HH:MM, 00:00-23:59)", field=field)
    return int(match[1]) * 60 + int(match[2])


async def preferences_of(viewer: Viewer) -> Preferences:
    """The viewer's channels for every kind and their quiet hours (a person's own only).

    Two statements: the person's own choices (their preferences and quiet hours, joined to
    their user row) and the organisation's (its defaults and the warning rules' channels,
    as one union).
    """
    policy.require_inbox_owner(viewer)
    assert viewer.user_id is not None
    personal: dict[str, list[str]] = {}
    quiet: tuple[int, int] | None = None
    for row in await User.filter(id=viewer.user_id).values(
        kind="notification_preferences__kind",
        channels="notification_preferences__channels",
        start="quiet_hours__start_minute",
        end="quiet_hours__end_minute",
    ):
        if row["kind"] is not None:
            personal[str(row["kind"])] = list(row["channels"])
        if row["start"] is not None:
            quiet = (row["start"], row["end"])
    defaults: dict[str, list[str]] = {}
    by_rule: dict[NotificationKind, list[str]] = {}
    # Tortoise unites querysets of different models (each row comes back as an instance of
    # its own model), though its annotation asks for one model
    organisation = NotificationDefault.all().only("kind", "channels")
    rules = WarningRule.all().only("kind", "channels")
    for found in await organisation.union(rules, all=True):  # type: ignore[arg-type]
        if isinstance(found, WarningRule):
            by_rule[notification_kind(WarningRuleKind(found.kind))] = list(found.channels)
        else:
            defaults[str(found.kind)] = list(found.channels)
    kinds = []
    for kind in NotificationKind:
        own = personal.get(str(kind))
        inherited = defaults.get(str(kind), by_rule.get(kind, list(INBOX_ONLY)))
        kinds.append(
            KindSetting(kind, _with_inbox(inherited if own is None else own), own is not None)
        )
    return Preferences(
        kinds=kinds,
        quiet_start=_clock(quiet[0]) if quiet else None,
        quiet_end=_clock(quiet[1]) if quiet else None,
    )


async def set_preferences(
    viewer: Viewer,
    choices: list[KindChoice],
    quiet: tuple[str, str] | None,
    clear_quiet: bool,
) -> Preferences:
    """Store the viewer's choices; kinds not named keep theirs. Audited as one change.

    Saves of one person run one after the other, so two at once both succeed and the later
    one is what stays.
    """
    policy.require_writer(viewer)
    policy.require_inbox_owner(viewer)
    assert viewer.user_id is not None
    if len({c.kind for c in choices}) != len(choices):
        raise BadUserInput("同一类型只能设置一次 (each kind at most once)", field="kinds")
    if quiet is not None and clear_quiet:
        raise BadUserInput(
            "不能同时设置和清除免打扰时段 (set or clear quiet hours, not both)",
            field="clearQuietHours",
        )
    minutes = None
    if quiet is not None:
        minutes = (_minute(quiet[0], "quietHours.start"), _minute(quiet[1], "quietHours.end"))
        if minutes[0] == minutes[1]:
            raise BadUserInput(
                "免打扰开始与结束不能相同 (start and end must differ)", field="quietHours.end"
            )
    async with in_transaction() as conn:
        # A person's saves take turns on their own user row: two first saves at once (two
        # tabs, a double click) would otherwise both find no row and both insert, and the
        # loser would hit the unique (user, kind) / one-to-one quiet hours constraint. NO KEY
        # leaves rows referencing the user (audit, notifications) free to be written meanwhile.
        await User.filter(id=viewer.user_id).using_db(conn).select_for_update(no_key=True).first()
        for choice in choices:
            query = NotificationPreference.filter(user_id=viewer.user_id, kind=choice.kind)
            if choice.channels is None:
                await query.using_db(conn).delete()
                continue
            channels = [str(c) for c in _with_inbox(choice.channels)]
            if not await query.using_db(conn).update(channels=channels):
                await NotificationPreference.create(
                    user_id=viewer.user_id, kind=choice.kind, channels=channels, using_db=conn
                )
        if clear_quiet:
            await QuietHours.filter(user_id=viewer.user_id).using_db(conn).delete()
        elif minutes is not None:
            await QuietHours.update_or_create(
                defaults={"start_minute": minutes[0], "end_minute": minutes[1]},
                user_id=viewer.user_id,
                using_db=conn,
            )
        await audit.record(
            viewer,
            "notification.preferences",
            "User",
            viewer.user_id,
            after={
                "kinds": {
                    str(c.kind): None if c.channels is None else [str(x) for x in c.channels]
                    for c in choices
                },
                "quiet_hours": None if clear_quiet else quiet and list(quiet),
            },
            using_db=conn,
        )
    return await preferences_of(viewer)
