"""E-mail and webhook deliveries against real local peers: once, formatted, retried or not."""

from __future__ import annotations

import urllib.parse
from typing import Any

import pytest
from tortoise.context import TortoiseContext

from core.channels import PermanentFailure, WebhookFormat
from core.settings import Settings
from models import Delivery, WebhookChannel
from models.enums import Channel, DeliveryStatus
from tests.support.receivers import Mailbox, http_receiver, smtp_server
from workers import delivery as actors


def run(actor: Any) -> Any:
    """The actor's own coroutine function (what a worker runs), called directly."""
    return actor.fn.__wrapped__


async def email(to: str = "design_staff@crossflow.example") -> Delivery:
    return await Delivery.create(
        channel=Channel.EMAIL,
        target=to,
        dedup_key=f"k:{to}",
        payload={
            "subject": "即将到期：完成主视觉图初稿",
            "body": "任务'完成主视觉图初稿'将于07月15日截止",
        },
    )


async def test_an_email_reaches_the_smtp_server_once_even_if_the_message_comes_twice(
    db: TortoiseContext, settings: Settings
) -> None:
    with smtp_server() as (mailbox, port):
        settings.smtp_host, settings.smtp_port = "127.0.0.1", port
        delivery = await email()
        await run(actors.deliver_email)(delivery.id)
        await run(actors.deliver_email)(delivery.id)  # redelivered by the broker
    assert len(mailbox.messages) == 1
    sent = mailbox.messages[0]
    assert sent["to"] == "design_staff@crossflow.example"
    assert sent["subject"] == "即将到期：完成主视觉图初稿"
    assert sent["message_id"] == f"<delivery-{delivery.id}@crossflow>"
    assert (await Delivery.get(id=delivery.id)).status == DeliveryStatus.SENT


async def test_a_refused_address_is_a_permanent_failure_and_not_retried(
    db: TortoiseContext, settings: Settings
) -> None:
    with smtp_server(Mailbox(refuse={"gone@crossflow.example"})) as (_, port):
        settings.smtp_host, settings.smtp_port = "127.0.0.1", port
        delivery = await email("gone@crossflow.example")
        with pytest.raises(PermanentFailure):
            await run(actors.deliver_email)(delivery.id)
    stored = await Delivery.get(id=delivery.id)
    assert stored.status == DeliveryStatus.FAILED and "550" in stored.last_error
    assert "PermanentFailure" in {e.__name__ for e in actors.deliver_email.options["throws"]}


async def test_an_unreachable_smtp_server_is_transient_and_the_delivery_stays_pending(
    db: TortoiseContext, settings: Settings
) -> None:
    settings.smtp_host, settings.smtp_port, settings.delivery_timeout_seconds = "127.0.0.1", 1, 2
    delivery = await email()
    with pytest.raises(Exception) as failure:
        await run(actors.deliver_email)(delivery.id)
    assert not isinstance(failure.value, PermanentFailure)
    stored = await Delivery.get(id=delivery.id)
    assert (stored.status, stored.attempts) == (DeliveryStatus.PENDING, 1)


@pytest.mark.parametrize("kind", list(WebhookFormat))
async def test_each_webhook_format_posts_what_its_bot_expects(
    db: TortoiseContext, settings: Settings, kind: WebhookFormat
) -> None:
    with http_receiver() as (inbox, url):
        channel = await WebhookChannel.create(
            name=f"{kind} 群机器人", format=kind, url=f"{url}/hook?key=abc", secret="s3cret"
        )
        delivery = await Delivery.create(
            channel=Channel.WEBHOOK,
            target=str(channel.id),
            dedup_key="w1",
            payload={
                "title": "升级预警：完成主视觉图初稿",
                "body": "请部门负责人介入",
                "code": "RW202407001-01",
                "kind": "ALERT_ESCALATION",
            },
        )
        await run(actors.deliver_webhook)(delivery.id)
        await run(actors.deliver_webhook)(delivery.id)
    assert len(inbox.requests) == 1
    body, path = inbox.requests[0]["json"], inbox.requests[0]["path"]
    text = "升级预警：完成主视觉图初稿\n请部门负责人介入"
    if kind is WebhookFormat.FEISHU:
        assert body["msg_type"] == "text" and body["content"] == {"text": text}
        assert body["sign"] and body["timestamp"]
    elif kind is WebhookFormat.DINGTALK:
        assert body == {"msgtype": "text", "text": {"content": text}}
        query = urllib.parse.parse_qs(urllib.parse.urlparse(path).query)
        assert query["key"] == ["abc"] and query["sign"] and query["timestamp"]
    elif kind is WebhookFormat.WECOM:
        assert body == {"msgtype": "text", "text": {"content": text}}
    else:
        assert body["event"] == "crossflow.alert" and body["code"] == "RW202407001-01"
    assert (await Delivery.get(id=delivery.id)).status == DeliveryStatus.SENT


@pytest.mark.parametrize(
    ("status", "outcome"), [(400, DeliveryStatus.FAILED), (503, DeliveryStatus.PENDING)]
)
async def test_a_client_error_is_permanent_and_a_server_error_is_retried(
    db: TortoiseContext, settings: Settings, status: int, outcome: DeliveryStatus
) -> None:
    with http_receiver() as (inbox, url):
        inbox.status = status
        channel = await WebhookChannel.create(name="hook", url=url)
        delivery = await Delivery.create(
            channel=Channel.WEBHOOK,
            target=str(channel.id),
            dedup_key="w2",
            payload={"title": "t", "body": "b"},
        )
        with pytest.raises(Exception) as failure:
            await run(actors.deliver_webhook)(delivery.id)
    assert isinstance(failure.value, PermanentFailure) == (status == 400)
    assert (await Delivery.get(id=delivery.id)).status == outcome
