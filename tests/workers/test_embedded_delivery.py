"""In embedded mode the actors run inside the server process, on its event loop."""

from __future__ import annotations

import asyncio

from dramatiq.brokers.stub import StubBroker
from tortoise.context import TortoiseContext

from core import actor_refs, outbox, realtime
from core import broker as broker_module
from core.outbox_message import OutboxMessage, OutboxStatus
from core.settings import Settings
from crossflow.app import create_app
from models import Notification, User
from models.enums import NotificationKind


async def test_a_staged_message_runs_its_actor_in_process_after_the_relay(
    db: TortoiseContext, settings: Settings
) -> None:
    # given the server started with its embedded worker on the in-memory broker
    broker_module.install(StubBroker())
    app = create_app(settings, manage_orm=False, embedded_worker=True)
    async with app.router.lifespan_context(app):
        user = await User.create(username="u1", display_name="用户一", password_hash="x")
        notification = await Notification.create(
            recipient=user, kind=NotificationKind.SYSTEM, title="欢迎"
        )
        async with realtime.hub().subscribe(user.id) as pushed:
            # when a use case stages a push and the relay hands it to the broker
            await outbox.stage(actor_refs.PUSH_NOTIFICATIONS, [notification.id])
            assert await outbox.relay() == 1
            # then the actor, running on this loop with this ORM, pushes it to the subscriber
            assert await asyncio.wait_for(pushed.get(), timeout=10) == notification.id
    message = await OutboxMessage.get()
    assert message.status == OutboxStatus.SENT
    assert message.sent_at is not None


async def test_the_relay_keeps_messages_when_the_broker_is_down(
    db: TortoiseContext, settings: Settings
) -> None:
    # given a broker that refuses every message
    class DownBroker(StubBroker):
        def enqueue(self, message, *, delay=None):  # type: ignore[no-untyped-def]
            raise ConnectionError("broker unreachable")

    import workers  # noqa: F401  (declares the actors)

    broker_module.install(DownBroker())
    await outbox.stage(actor_refs.PUSH_NOTIFICATIONS, [1])
    await outbox.stage(actor_refs.PUSH_NOTIFICATIONS, [2])
    # when the relay runs
    sent = await outbox.relay()
    # then nothing is lost: both stay pending, with the attempt recorded
    assert sent == 0
    pending = await OutboxMessage.filter(status=OutboxStatus.PENDING).order_by("id")
    assert [m.args for m in pending] == [[[1]], [[2]]]
    assert pending[0].attempts == 1
    # and once the broker is back, the next relay sends them in order
    broker_module.install(StubBroker())
    assert await outbox.relay() == 2
    assert not await OutboxMessage.filter(status=OutboxStatus.PENDING).exists()
