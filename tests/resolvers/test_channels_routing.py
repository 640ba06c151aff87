"""To-dos and warnings on every channel through one path, webhooks routed by department.

Real local peers: an SMTP server (aiosmtpd) and HTTP receivers standing in for the group bots.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack
from datetime import timedelta
from typing import Any

import pytest
from strawberry.relay import to_base64

from core import clock, outbox
from core.settings import Settings
from models import (
    Delivery,
    Department,
    Notification,
    NotificationDefault,
    NotificationPreference,
    Requirement,
    User,
    WarningRule,
    WebhookChannel,
)
from models.enums import Channel, DeliveryStatus, NotificationKind, Priority, WarningRuleKind
from resolvers.alerts.scan import scan
from tests.conftest import GraphQLClient
from tests.resolvers.test_alert_scan import bj, make_task
from tests.support.receivers import Inbox, Mailbox, http_receiver, smtp_server
from workers import delivery as actors

SET = """mutation($input: SetNotificationPreferencesInput!) {
  setNotificationPreferences(input: $input) { quietHours { start } } }"""
CREATE = """mutation($input: CreateRequirementInput!) { createRequirement(input: $input) { id } }"""
SUBMIT = "mutation($id: ID!) { submitRequirement(id: $id) { status } }"


@pytest.fixture(autouse=True)
def _worker_runs_when_told(monkeypatch: pytest.MonkeyPatch) -> None:
    """Staged messages wait in the outbox until the test runs them (``outbox.run_inline``)."""
    monkeypatch.setattr(outbox, "kick", lambda: None)


@pytest.fixture
def peers(settings: Settings) -> Iterator[tuple[Mailbox, dict[str, Inbox], dict[str, str]]]:
    """A real SMTP server and four group-bot receivers: design, finance, market and all."""
    with ExitStack() as stack:
        mailbox, port = stack.enter_context(smtp_server())
        settings.smtp_host, settings.smtp_port = "127.0.0.1", port
        inboxes, urls = {}, {}
        for name in ("design", "finance", "market", "all"):
            inboxes[name], urls[name] = stack.enter_context(http_receiver())
        yield mailbox, inboxes, urls


async def webhooks(urls: dict[str, str]) -> None:
    """One webhook per department group, and one serving every department."""
    for name, url in urls.items():
        channel = await WebhookChannel.create(name=f"{name}群", url=url)
        if name != "all":
            await channel.departments.add(await Department.get(code=name))


def titles(inbox: Inbox) -> list[str]:
    return sorted(str(r["json"]["title"]) for r in inbox.requests)


async def submit_to_design_and_finance(client: GraphQLClient) -> Requirement:
    ids = [
        to_base64("Department", (await Department.get(code=c)).id) for c in ("design", "finance")
    ]
    market = await client.sign_in("market_staff")
    form: dict[str, Any] = {
        "title": "Q4会员日促销方案",
        "background": "会员复购率下降",
        "goals": "复购率提升5%",
        "deliverables": "活动方案+预算表",
        "acceptanceCriteria": "方案含3个渠道策略及预算明细",
        "expectedBy": str(clock.today() + timedelta(days=30)),
        "involvedDepartmentIds": ids,
        "priority": "NORMAL",
    }
    created = (await market.data(CREATE, {"input": form}))["createRequirement"]
    await market.data(SUBMIT, {"id": created["id"]})
    return await Requirement.get(title="Q4会员日促销方案")


async def test_a_review_request_reaches_the_head_by_email_and_their_group_webhook_only(
    client: GraphQLClient, demo: None, peers: tuple[Mailbox, dict[str, Inbox], dict[str, str]]
) -> None:
    mailbox, inboxes, urls = peers
    await webhooks(urls)
    # given review requests by e-mail and webhook for everyone (the admin's default) ...
    await NotificationDefault.create(
        kind=NotificationKind.REVIEW_REQUESTED, channels=[Channel.EMAIL, Channel.WEBHOOK]
    )
    # ... and the finance head, who turned e-mail off for them
    finance = await client.sign_in("finance_head")
    await finance.data(
        SET, {"input": {"kinds": [{"kind": "REVIEW_REQUESTED", "channels": ["WEBHOOK"]}]}}
    )
    # when a requirement is submitted to design and finance, and the worker runs
    requirement = await submit_to_design_and_finance(client)
    await outbox.run_inline()
    # then the design head has the e-mail, the finance head none
    assert [(m["to"], m["subject"]) for m in mailbox.messages] == [
        ("design_head@crossflow.example", f"待审核：{requirement.title}")
    ]
    assert requirement.code in mailbox.messages[0]["body"]
    # and each head's request is posted to their own department's group and to the
    # all-departments group, never to another department's
    design_head = await User.get(username="design_head")
    finance_head = await User.get(username="finance_head")
    to_design = f"@{design_head.display_name} 待审核：{requirement.title}"
    to_finance = f"@{finance_head.display_name} 待审核：{requirement.title}"
    assert titles(inboxes["design"]) == [to_design]
    assert titles(inboxes["finance"]) == [to_finance]
    assert titles(inboxes["all"]) == sorted([to_design, to_finance])
    assert inboxes["market"].requests == []
    # and a redelivered message sends nothing twice
    for delivery in await Delivery.all():
        actor = (
            actors.deliver_email if delivery.channel == Channel.EMAIL else actors.deliver_webhook
        )
        await actor.fn.__wrapped__(delivery.id)
    assert len(mailbox.messages) == 1 and len(inboxes["all"].requests) == 2
    assert set(await Delivery.all().values_list("status", flat=True)) == {DeliveryStatus.SENT}


async def test_a_delegate_receives_the_review_request_by_email_and_webhook_unless_turned_off(
    client: GraphQLClient, demo: None, peers: tuple[Mailbox, dict[str, Inbox], dict[str, str]]
) -> None:
    mailbox, inboxes, urls = peers
    await webhooks(urls)
    await NotificationDefault.create(
        kind=NotificationKind.REVIEW_REQUESTED, channels=[Channel.EMAIL, Channel.WEBHOOK]
    )
    # given the design head away for a week, design_staff named as delegate (代理审批)
    head = await client.sign_in("design_head")
    staff = await User.get(username="design_staff")
    await head.data(
        """mutation($input: SetDelegateInput!) { setDelegate(input: $input) { id } }""",
        {
            "input": {
                "delegateId": to_base64("User", staff.id),
                "startsAt": clock.now().isoformat(),
                "endsAt": (clock.now() + timedelta(days=7)).isoformat(),
            }
        },
    )
    # ... and the head, who turned e-mail and webhooks off for review requests while away
    await head.data(SET, {"input": {"kinds": [{"kind": "REVIEW_REQUESTED", "channels": []}]}})
    # when a requirement is submitted to design and finance, and the worker runs
    requirement = await submit_to_design_and_finance(client)
    await outbox.run_inline()
    # then the delegate has the request by e-mail and in the design group, the head neither
    mailed = {m["to"] for m in mailbox.messages}
    assert "design_staff@crossflow.example" in mailed
    assert "design_head@crossflow.example" not in mailed
    assert titles(inboxes["design"]) == [f"@{staff.display_name} 待审核：{requirement.title}"]
    # and both still have it in their inbox
    inbox = await Notification.filter(kind=NotificationKind.REVIEW_REQUESTED).values_list(
        "recipient__username", flat=True
    )
    assert {"design_head", "design_staff"} <= set(inbox)


async def test_without_a_choice_or_a_default_a_to_do_stays_in_the_inbox(
    client: GraphQLClient, demo: None, peers: tuple[Mailbox, dict[str, Inbox], dict[str, str]]
) -> None:
    mailbox, inboxes, urls = peers
    await webhooks(urls)
    # when a requirement is submitted and nobody chose any channel
    await submit_to_design_and_finance(client)
    await outbox.run_inline()
    # then nothing leaves the platform
    assert mailbox.messages == []
    assert all(inbox.requests == [] for inbox in inboxes.values())
    assert not await Delivery.exists()


async def test_a_warning_reaches_the_groups_of_its_recipients_departments_once(
    demo: None, settings: Settings, peers: tuple[Mailbox, dict[str, Inbox], dict[str, str]]
) -> None:
    _, inboxes, urls = peers
    await webhooks(urls)
    await WarningRule.filter(kind=WarningRuleKind.DUE_SOON).update(
        channels=[Channel.IN_APP, Channel.WEBHOOK]
    )
    # given a design task due tomorrow (assignee and head in design, initiator in market)
    await make_task(Priority.NORMAL, bj(7, 15, 18))
    # when the scan finds it, twice, and the worker runs
    await scan(settings, bj(7, 14, 18, 5))
    await scan(settings, bj(7, 14, 18, 10))
    await outbox.run_inline()
    # then design's and market's groups and the all-departments group have it once each,
    # finance's group nothing
    for name in ("design", "market", "all"):
        assert [r["json"]["title"] for r in inboxes[name].requests] == [
            "即将到期：完成主视觉图初稿"
        ]
    assert inboxes["finance"].requests == []


async def test_a_warning_by_email_skips_whoever_turned_email_off_for_its_kind(
    demo: None, settings: Settings, peers: tuple[Mailbox, dict[str, Inbox], dict[str, str]]
) -> None:
    mailbox, _, _ = peers
    await WarningRule.filter(kind=WarningRuleKind.DUE_SOON).update(
        channels=[Channel.IN_APP, Channel.EMAIL]
    )
    # given the initiator, who wants due-soon warnings in the inbox only
    initiator = await User.get(username="market_staff")
    await NotificationPreference.create(
        user=initiator, kind=NotificationKind.ALERT_DUE_SOON, channels=[]
    )
    # when a design task comes due and the worker runs
    await make_task(Priority.NORMAL, bj(7, 15, 18))
    await scan(settings, bj(7, 14, 18, 5))
    await outbox.run_inline()
    # then the assignee and the head are mailed by the rule, the initiator is not
    assert sorted(m["to"] for m in mailbox.messages) == [
        "design_head@crossflow.example",
        "design_staff@crossflow.example",
    ]
    assert await Notification.filter(
        kind=NotificationKind.ALERT_DUE_SOON, recipient=initiator
    ).exists()
