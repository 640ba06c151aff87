"""Notification preferences: channels per kind and quiet hours, read by the one delivery path.

A to-do goes out on the channels its recipient chose for its kind, else the organisation's
default (the admin's), else the inbox only; e-mail and webhooks wait for quiet hours to end.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import time_machine
from dramatiq.brokers.stub import StubBroker
from strawberry.relay import to_base64
from tortoise.context import TortoiseContext
from tortoise.transactions import in_transaction

from core import broker as broker_module
from core import clock, outbox
from core.outbox_message import OutboxMessage
from core.security import hash_api_token, new_api_token
from core.settings import Settings
from models import (
    ApiToken,
    AuditEntry,
    Delivery,
    Department,
    Notification,
    NotificationDefault,
    NotificationPreference,
    QuietHours,
    Requirement,
    User,
    WarningRule,
)
from models.enums import (
    Channel,
    DeliveryStatus,
    NotificationKind,
    Role,
    ThresholdUnit,
    WarningRuleKind,
)
from resolvers.access.policy import head_ids
from resolvers.alerts.texts import notification_kind
from resolvers.notifications.channels import quiet_until
from resolvers.notifications.notify import notify_about
from tests.conftest import GraphQLClient
from tests.support.receivers import smtp_server
from tests.support.review_data import pending_review
from workers import delivery as actors

READ = """{ notificationPreferences { quietHours { start end }
  kinds { kind channels personal } } }"""
SET = """mutation($input: SetNotificationPreferencesInput!) {
  setNotificationPreferences(input: $input) { quietHours { start end }
    kinds { kind channels personal } } }"""


@pytest.fixture(autouse=True)
def _worker_runs_when_told(monkeypatch: pytest.MonkeyPatch) -> None:
    """Staged messages wait in the outbox until the test looks at them."""
    monkeypatch.setattr(outbox, "kick", lambda: None)


def kind_of(preferences: dict[str, Any], kind: str) -> dict[str, Any]:
    """One kind's entry of a ``NotificationPreferences`` answer."""
    found: dict[str, Any] = next(k for k in preferences["kinds"] if k["kind"] == kind)
    return found


async def test_every_kind_starts_from_the_organisation_default_or_the_inbox(
    client: GraphQLClient, demo: None
) -> None:
    # given the admin's default: review requests also by e-mail
    await NotificationDefault.create(kind=NotificationKind.REVIEW_REQUESTED, channels=["EMAIL"])
    head = await client.sign_in("design_head")
    # when the head reads their preferences
    data = (await head.data(READ))["notificationPreferences"]
    # then every kind is listed, review requests with the default, the inbox always kept
    assert {k["kind"] for k in data["kinds"]} == {k.value for k in NotificationKind}
    assert kind_of(data, "REVIEW_REQUESTED") == {
        "kind": "REVIEW_REQUESTED",
        "channels": ["IN_APP", "EMAIL"],
        "personal": False,
    }
    assert kind_of(data, "MENTION")["channels"] == ["IN_APP"]
    assert data["quietHours"] is None


async def test_own_choices_quiet_hours_defaults_and_rules_are_read_together(
    client: GraphQLClient, demo: None
) -> None:
    # given the head's two choices and quiet hours, another person's choice, the warning
    # rules' channels (one kind with an organisation default over its rule's)
    head = await User.get(username="design_head")
    other = await User.get(username="market_staff")
    for kind, channels in ((NotificationKind.MENTION, ["EMAIL"]), (NotificationKind.SYSTEM, [])):
        await NotificationPreference.create(user=head, kind=kind, channels=channels)
    await NotificationPreference.create(
        user=other, kind=NotificationKind.TASK_ASSIGNED, channels=["WEBHOOK"]
    )
    await QuietHours.create(user=head, start_minute=21 * 60 + 30, end_minute=7 * 60)
    for rule in (WarningRuleKind.DUE_SOON, WarningRuleKind.OVERDUE):
        await WarningRule.update_or_create(
            kind=rule,
            defaults={
                "name": str(rule),
                "threshold_normal": 1,
                "threshold_urgent": 1,
                "unit": ThresholdUnit.DAYS,
                "channels": ["WEBHOOK"],
            },
        )
    overdue = notification_kind(WarningRuleKind.OVERDUE)
    await NotificationDefault.create(kind=overdue, channels=["EMAIL"])
    # when the head reads their preferences
    data = (await (await client.sign_in("design_head")).data(READ))["notificationPreferences"]
    # then their own choices and quiet hours, the default over the rule, the rule otherwise,
    # and nobody else's choice
    assert kind_of(data, "MENTION") == {
        "kind": "MENTION",
        "channels": ["IN_APP", "EMAIL"],
        "personal": True,
    }
    assert kind_of(data, "SYSTEM") == {"kind": "SYSTEM", "channels": ["IN_APP"], "personal": True}
    assert data["quietHours"] == {"start": "21:30", "end": "07:00"}
    due_soon = notification_kind(WarningRuleKind.DUE_SOON)
    assert kind_of(data, due_soon.value)["channels"] == ["IN_APP", "WEBHOOK"]
    assert kind_of(data, overdue.value)["channels"] == ["IN_APP", "EMAIL"]
    assert kind_of(data, "TASK_ASSIGNED") == {
        "kind": "TASK_ASSIGNED",
        "channels": ["IN_APP"],
        "personal": False,
    }


async def test_a_person_chooses_channels_and_quiet_hours_and_returns_to_the_default(
    client: GraphQLClient, demo: None
) -> None:
    head = await client.sign_in("design_head")
    # when they choose e-mail and webhook for mentions, and quiet hours over midnight
    chosen = (
        await head.data(
            SET,
            {
                "input": {
                    "kinds": [{"kind": "MENTION", "channels": ["WEBHOOK", "EMAIL"]}],
                    "quietHours": {"start": "22:00", "end": "08:00"},
                }
            },
        )
    )["setNotificationPreferences"]
    # then they read back what they chose, and the change is audited
    assert kind_of(chosen, "MENTION") == {
        "kind": "MENTION",
        "channels": ["IN_APP", "EMAIL", "WEBHOOK"],
        "personal": True,
    }
    assert chosen["quietHours"] == {"start": "22:00", "end": "08:00"}
    assert await AuditEntry.filter(action="notification.preferences").count() == 1
    # and when they hand mentions back to the organisation and clear the quiet hours
    reset = await head.data(
        SET, {"input": {"kinds": [{"kind": "MENTION", "channels": None}], "clearQuietHours": True}}
    )
    result = reset["setNotificationPreferences"]
    assert kind_of(result, "MENTION")["personal"] is False
    assert result["quietHours"] is None
    assert not await NotificationPreference.exists() and not await QuietHours.exists()


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"quietHours": {"start": "25:00", "end": "08:00"}}, "quietHours.start"),
        ({"quietHours": {"start": "22:00", "end": "8am"}}, "quietHours.end"),
        ({"quietHours": {"start": "09:00", "end": "09:00"}}, "quietHours.end"),
        (
            {"quietHours": {"start": "22:00", "end": "08:00"}, "clearQuietHours": True},
            "clearQuietHours",
        ),
        (
            {"kinds": [{"kind": "MENTION", "channels": []}, {"kind": "MENTION", "channels": []}]},
            "kinds",
        ),
    ],
)
async def test_bad_preferences_are_refused_naming_the_field_and_change_nothing(
    client: GraphQLClient, demo: None, changes: dict[str, Any], field: str
) -> None:
    head = await client.sign_in("design_head")
    body = await head.post(SET, {"input": changes})
    error = body["errors"][0]
    assert (error["extensions"]["code"], error["extensions"]["field"]) == ("BAD_USER_INPUT", field)
    assert not await NotificationPreference.exists() and not await QuietHours.exists()


async def test_a_bi_token_and_an_anonymous_caller_have_no_preferences(
    client: GraphQLClient, demo: None
) -> None:
    # given a BI service token
    raw = new_api_token()
    await ApiToken.create(name="BI", token_hash=hash_api_token(raw), prefix=raw[:8], role=Role.BI)
    bi = GraphQLClient(client.http, raw)
    # then it reads none and changes none; nobody signed in neither
    assert await bi.error_code(READ) == "FORBIDDEN"
    assert await bi.error_code(SET, {"input": {"clearQuietHours": True}}) == "FORBIDDEN"
    assert await client.error_code(READ) == "UNAUTHENTICATED"
    assert await client.error_code(SET, {"input": {"clearQuietHours": True}}) == "UNAUTHENTICATED"
    assert not await AuditEntry.filter(action="notification.preferences").exists()


async def test_email_goes_out_by_preference_over_the_organisation_default(
    client: GraphQLClient, demo: None, settings: Settings
) -> None:
    settings.smtp_host = "127.0.0.1"  # e-mail on (nothing is sent: the outbox is not run)
    # given review requests by e-mail for everyone, and the finance head who turned it off
    await NotificationDefault.create(kind=NotificationKind.REVIEW_REQUESTED, channels=["EMAIL"])
    finance = await client.sign_in("finance_head")
    await finance.data(SET, {"input": {"kinds": [{"kind": "REVIEW_REQUESTED", "channels": []}]}})
    # when a requirement is submitted to design and finance
    market = await client.sign_in("market_staff")
    await market.data(
        """mutation($input: CreateRequirementInput!) { createRequirement(input: $input) {
          id } }""",
        {"input": await requirement_form()},
    )
    draft = await last_requirement_id()
    await market.data("mutation($id: ID!) { submitRequirement(id: $id) { status } }", {"id": draft})
    # then both heads have the to-do in their inbox, only the design head an e-mail
    inbox = set(
        await Notification.filter(kind=NotificationKind.REVIEW_REQUESTED).values_list(
            "recipient__username", flat=True
        )
    )
    assert {"design_head", "finance_head"} <= inbox
    mails = await Delivery.filter(channel=Channel.EMAIL).values_list("target", flat=True)
    assert "design_head@crossflow.example" in mails
    assert "finance_head@crossflow.example" not in mails


async def test_a_delivery_in_quiet_hours_waits_until_they_end(
    client: GraphQLClient, demo: None, settings: Settings
) -> None:
    settings.smtp_host = "127.0.0.1"
    head = await User.get(username="design_head")
    await QuietHours.create(user=head, start_minute=22 * 60, end_minute=8 * 60)
    await NotificationDefault.create(kind=NotificationKind.REVIEW_REQUESTED, channels=["EMAIL"])
    # given 23:30 Beijing time (15:30 UTC)
    with time_machine.travel(datetime(2026, 11, 10, 15, 30, tzinfo=UTC), tick=False):
        # when a review is requested of the design head
        await review_requested_of("design")
    # then the e-mail is held until 08:00 Beijing time (00:00 UTC) the next day
    held = await Delivery.get(channel=Channel.EMAIL, target="design_head@crossflow.example")
    assert held.not_before == datetime(2026, 11, 11, 0, 0, tzinfo=UTC)
    # and its message waits in the outbox until then
    message = await OutboxMessage.get(actor="deliver_email")
    assert (message.args, message.next_attempt_at) == ([held.id], held.not_before)


async def test_a_held_email_arriving_early_waits_in_the_outbox_until_the_quiet_hours_end(
    db: TortoiseContext, settings: Settings
) -> None:
    settings.smtp_host = "127.0.0.1"
    broker = broker_module.install(StubBroker())
    broker.declare_actor(actors.deliver_email)
    # given an e-mail held for two hours by its recipient's quiet hours
    delivery = await Delivery.create(
        channel=Channel.EMAIL,
        target="design_head@crossflow.example",
        dedup_key="held",
        payload={"subject": "待审核", "body": "请审核"},
        not_before=clock.now() + timedelta(hours=2),
    )
    # when its message arrives anyway
    await actors.deliver_email.fn.__wrapped__(delivery.id)
    # then nothing is sent: it stays pending, and its message waits in the outbox (which
    # outlives any process), not in a broker's memory
    stored = await Delivery.get(id=delivery.id)
    assert (stored.status, stored.attempts) == (DeliveryStatus.PENDING, 0)
    assert all(queue.empty() for queue in broker.queues.values())
    waiting = await OutboxMessage.get(actor="deliver_email")
    assert (waiting.args, waiting.next_attempt_at) == ([delivery.id], stored.not_before)
    assert await outbox.run_inline() == 0  # not due yet


async def test_without_redis_a_quiet_hours_email_goes_out_once_they_end(
    demo: None, settings: Settings
) -> None:
    # given the design head's quiet hours from 22:00 to 08:00, review requests by e-mail,
    # and no broker: the messages run in this process
    broker_module.install(StubBroker())
    import workers  # noqa: F401  (declares the actors)

    settings.redis_url = None
    head = await User.get(username="design_head")
    await QuietHours.create(user=head, start_minute=22 * 60, end_minute=8 * 60)
    await NotificationDefault.create(kind=NotificationKind.REVIEW_REQUESTED, channels=["EMAIL"])
    to_head = {"design_head@crossflow.example"}
    with smtp_server() as (mailbox, port):
        settings.smtp_host, settings.smtp_port = "127.0.0.1", port
        # when a review is requested of them at 23:30 Beijing time, and the outbox runs then
        with time_machine.travel(datetime(2026, 11, 10, 15, 30, tzinfo=UTC), tick=False):
            await review_requested_of("design")
            await outbox.deliver_pending(settings)
        # then nothing reaches them during the night
        assert [m for m in mailbox.messages if m["to"] in to_head] == []
        # and once the quiet hours end at 08:00, the e-mail goes out, once
        with time_machine.travel(datetime(2026, 11, 11, 0, 1, tzinfo=UTC), tick=False):
            await outbox.deliver_pending(settings)
            await outbox.deliver_pending(settings)
    assert [m["to"] for m in mailbox.messages if m["to"] in to_head] == list(to_head)
    sent = await Delivery.get(channel=Channel.EMAIL, target="design_head@crossflow.example")
    assert sent.status == DeliveryStatus.SENT


def test_quiet_hours_on_one_day_and_over_midnight() -> None:
    at = datetime(2026, 11, 10, 4, 0, tzinfo=UTC)  # 12:00 Beijing time
    assert quiet_until(12 * 60, 14 * 60, at) == datetime(2026, 11, 10, 6, 0, tzinfo=UTC)
    assert quiet_until(13 * 60, 14 * 60, at) is None
    assert quiet_until(22 * 60, 8 * 60, at) is None
    early = at - timedelta(hours=6)  # 06:00 Beijing time
    assert quiet_until(22 * 60, 8 * 60, early) == datetime(2026, 11, 10, 0, 0, tzinfo=UTC)


async def requirement_form() -> dict[str, Any]:
    design = await Department.get(code="design")
    finance = await Department.get(code="finance")
    return {
        "title": "Q4会员日促销方案",
        "background": "会员复购率下降",
        "goals": "复购率提升5%",
        "deliverables": "活动方案+预算表",
        "acceptanceCriteria": "方案含3个渠道策略及预算明细",
        "expectedBy": str(clock.today() + timedelta(days=30)),
        "involvedDepartmentIds": [
            to_base64("Department", design.id),
            to_base64("Department", finance.id),
        ],
        "priority": "NORMAL",
    }


async def last_requirement_id() -> str:
    row = await Requirement.all().order_by("-id").first()
    assert row is not None
    return to_base64("Requirement", row.id)


async def review_requested_of(department: str) -> None:
    """A review request notified through the use cases' path (``notify_about``)."""
    requirement = await pending_review("market_staff", (department,))
    dept = await Department.get(code=department)
    async with in_transaction() as conn:
        await notify_about(
            requirement,
            await head_ids([dept.id], conn),
            NotificationKind.REVIEW_REQUESTED,
            conn,
        )
