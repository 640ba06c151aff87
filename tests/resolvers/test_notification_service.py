"""One notification service: the warning scan and the use cases tell people the same way.

Given/when/then over the real scan, a use case's entry and the live push actor: the same
channel choices and quiet hours apply to a warning as to a review request, and the
calendar-fallback notice to the admins is pushed live like every other notification.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import pytest
import time_machine
from tortoise.context import TortoiseContext
from tortoise.transactions import in_transaction

import workers  # noqa: F401  (declares the actors the outbox runs)
from core import actor_refs, outbox, realtime
from core.outbox_message import OutboxMessage
from core.settings import Settings
from models import Delivery, Notification, NotificationPreference, QuietHours, Task, User
from models.enums import Channel, NotificationKind, Priority
from resolvers.alerts.scan import scan, scan_and_deliver
from resolvers.notifications.notify import notify_about
from tests.resolvers.test_alert_scan import bj, make_task

K = NotificationKind


@pytest.fixture(autouse=True)
def _relay_when_told(monkeypatch: pytest.MonkeyPatch) -> None:
    """Staged messages wait in the outbox until the test sends them."""
    monkeypatch.setattr(outbox, "kick", lambda: None)


async def emails_to(username: str) -> list[Delivery]:
    user = await User.get(username=username)
    return await Delivery.filter(channel=Channel.EMAIL, target=user.email).order_by("id")


async def test_a_warning_and_a_review_request_follow_the_same_choices_and_quiet_hours(
    demo: None, settings: Settings
) -> None:
    settings.smtp_host = "127.0.0.1"  # e-mail is on (nothing is sent: no actor runs)
    await Task.all().delete()
    task = await make_task(Priority.NORMAL, bj(7, 15, 18))
    head = await User.get(username="design_head")
    await User.filter(id=head.id).update(email="design_head@example.com")
    # given the design head chose e-mail for review requests and for due-soon warnings,
    # and keeps quiet hours from 22:00 to 08:00
    for kind in (K.REVIEW_REQUESTED, K.ALERT_DUE_SOON):
        await NotificationPreference.create(
            user=head, kind=kind, channels=[Channel.IN_APP.value, Channel.EMAIL.value]
        )
    await QuietHours.create(user=head, start_minute=22 * 60, end_minute=8 * 60)
    # and the initiator turned e-mail off for due-soon warnings (the rule would send it)
    initiator = await User.get(username="market_staff")
    await User.filter(id=initiator.id).update(email="market_staff@example.com")
    await NotificationPreference.create(
        user=initiator, kind=K.ALERT_DUE_SOON, channels=[Channel.IN_APP.value]
    )
    with time_machine.travel(bj(7, 14, 22, 5), tick=False):
        # when a use case asks for a review and the scan finds the task due soon, at 22:05
        requirement = await task.requirement
        async with in_transaction() as conn:
            await notify_about(requirement, [head.id], K.REVIEW_REQUESTED, conn)
        await scan(settings, bj(7, 14, 22, 5))
    # then both reach the head's inbox, with a live push staged for each
    kinds = await Notification.filter(recipient=head).values_list("kind", flat=True)
    assert sorted(str(k) for k in kinds) == sorted([K.REVIEW_REQUESTED, K.ALERT_DUE_SOON])
    pushed = await OutboxMessage.filter(actor=actor_refs.PUSH_NOTIFICATIONS.name).values_list(
        "args", flat=True
    )
    staged = {n for args in pushed for n in args[0]}
    assert set(await Notification.filter(recipient=head).values_list("id", flat=True)) <= staged
    # and both e-mails wait for the end of the head's quiet hours, 08:00 the next morning
    held = await emails_to("design_head")
    assert [d.payload["subject"] for d in held] == [
        (await Notification.get(recipient=head, kind=K.REVIEW_REQUESTED)).title,
        (await Notification.get(recipient=head, kind=K.ALERT_DUE_SOON)).title,
    ]
    assert {d.not_before for d in held} == {bj(7, 15, 8)}
    # but the initiator, who turned e-mail off for the warning, gets it in the inbox only
    assert await Notification.filter(recipient=initiator, kind=K.ALERT_DUE_SOON).exists()
    assert await emails_to("market_staff") == []


async def test_the_calendar_fallback_notice_reaches_the_admins_live_once(
    demo: None, settings: Settings, db: TortoiseContext
) -> None:
    admin = await User.get(username="admin")
    staff = await User.get(username="design_staff")
    hub = realtime.hub()
    # given the admin and a member of staff are connected to the live subscription
    async with hub.subscribe(admin.id) as admin_feed, hub.subscribe(staff.id) as staff_feed:
        # when a scan runs in a year the working-day calendar does not cover (quiet hours
        # on: deciding whether 2027-01-04 10:00 is working time needs the calendar)
        settings.quiet_hours = True
        moment = datetime(2027, 1, 4, 2, 0, tzinfo=UTC)
        report, handled = await scan_and_deliver(settings, moment)
        assert report.unknown_years == {2027}
        assert handled >= 1
        # then the admin's notice is pushed to the admin's subscription as it is made
        notice = await Notification.get(recipient=admin, kind=K.SYSTEM)
        assert "2027" in notice.title
        assert await asyncio.wait_for(admin_feed.get(), timeout=5) == notice.id
        # and the next scan neither stores nor pushes it again
        await scan_and_deliver(settings, moment)
        assert await Notification.filter(kind=K.SYSTEM, recipient=admin).count() == 1
        with pytest.raises(TimeoutError):
            await asyncio.wait_for(admin_feed.get(), timeout=0.3)
        # and nobody but the admins hears of it (staff hear only their own warnings)
        assert not await Notification.filter(kind=K.SYSTEM, recipient=staff).exists()
        heard = []
        while not staff_feed.empty():
            heard.append(staff_feed.get_nowait())
        assert notice.id not in heard
        assert not await Notification.filter(id__in=heard).exclude(recipient=staff).exists()
