"""The outbox under failing messages: backoff, parking, and nobody held up meanwhile.

A message whose actor fails is tried again later (exponential backoff, the next attempt time
stored) and parked after ``outbox_max_attempts`` tries; the messages staged after it are
sent in the meantime. Messages name their actor by a typed reference (``core/actor_refs``).
"""

from __future__ import annotations

from datetime import timedelta

import dramatiq
import pytest
import time_machine
from dramatiq.brokers.stub import StubBroker
from tortoise.context import TortoiseContext

from core import actor_refs, clock, outbox
from core import broker as broker_module
from core.actor_refs import ActorRef
from core.outbox_message import OutboxMessage, OutboxStatus
from core.settings import Settings

FLAKY: ActorRef[int] = ActorRef("test_flaky")
STEADY: ActorRef[int] = ActorRef("test_steady")


_calls: list[int] = []
broker_module.current()  # the actors below bind to the process's broker, as workers/ do


@dramatiq.actor(actor_name=FLAKY.name)
async def flaky(number: int) -> None:
    """Fails for 1, as an actor whose outside service refuses; records the others."""
    if number == 1:
        raise RuntimeError("the mail server said no")
    _calls.append(number)


@dramatiq.actor(actor_name=STEADY.name)
async def steady(number: int) -> None:
    _calls.append(number)


@pytest.fixture
def ran(db: TortoiseContext, settings: Settings) -> list[int]:
    """What the test actors received, on a fresh in-memory broker; at most 3 attempts."""
    _calls.clear()
    broker_module.install(StubBroker())
    settings.outbox_max_attempts = 3
    settings.outbox_backoff_seconds = 30
    return _calls


async def row(number: int) -> OutboxMessage:
    return await OutboxMessage.get(args=[number])


async def test_a_failing_message_backs_off_then_is_parked_while_the_next_ones_are_sent(
    ran: list[int],
) -> None:
    start = clock.now()
    with time_machine.travel(start, tick=False) as traveller:
        # given a message whose actor fails, staged before two that work
        await outbox.stage(FLAKY, 1)
        await outbox.stage(STEADY, 2)
        await outbox.stage(FLAKY, 3)
        # when the messages are run
        done = await outbox.run_inline()
        # then the two after it ran, and the failing one waits 30 s before its next try
        assert (done, ran) == (2, [2, 3])
        first = await row(1)
        assert (first.status, first.attempts) == (OutboxStatus.PENDING, 1)
        assert first.next_attempt_at == start + timedelta(seconds=30)
        assert "RuntimeError: the mail server said no" in first.last_error
        # and a relay before then leaves it alone (no attempt is spent)
        assert await outbox.run_inline() == 0
        assert (await row(1)).attempts == 1
        # when the backoff has run out it is tried again, and waits twice as long after
        traveller.shift(timedelta(seconds=31))
        assert await outbox.run_inline() == 0
        second = await row(1)
        assert (second.status, second.attempts) == (OutboxStatus.PENDING, 2)
        assert second.next_attempt_at == clock.now() + timedelta(seconds=60)
        # and after the third failure (outbox_max_attempts) it is parked, for an admin
        traveller.shift(timedelta(seconds=61))
        await outbox.run_inline()
        parked = await row(1)
        assert (parked.status, parked.attempts, parked.next_attempt_at) == (
            OutboxStatus.PARKED,
            3,
            None,
        )
        assert await outbox.parked_count() == 1
        # then no later relay tries it again, while new messages still go
        traveller.shift(timedelta(days=1))
        await outbox.stage(STEADY, 4)
        assert await outbox.run_inline() == 1
        assert ran == [2, 3, 4]
        assert (await row(1)).attempts == 3


async def test_the_relay_skips_a_message_the_broker_cannot_route_and_sends_the_rest(
    ran: list[int],
) -> None:
    # given a row written before typed references, naming an actor nobody declares, and
    # after it a row naming an existing actor by its stored name
    await OutboxMessage.create(actor="no_such_actor", args=[7])
    await OutboxMessage.create(actor=STEADY.name, args=[8])
    # when the relay hands the rows to the broker
    sent = await outbox.relay_all()
    # then the second one is sent, and the first backs off with the reason recorded
    assert sent == 1
    assert (await row(8)).status == OutboxStatus.SENT
    stuck = await row(7)
    assert (stuck.status, stuck.attempts) == (OutboxStatus.PENDING, 1)
    assert stuck.next_attempt_at is not None and stuck.next_attempt_at > clock.now()
    assert "ActorNotFound" in stuck.last_error


async def test_a_parked_message_put_back_runs_again_with_a_fresh_count(ran: list[int]) -> None:
    # given a parked message
    await OutboxMessage.create(
        actor=STEADY.name, args=[5], status=OutboxStatus.PARKED, attempts=3, last_error="x"
    )
    message = await row(5)
    # when it is requeued, it runs on the next relay
    assert await outbox.requeue(message.id) is True
    assert await outbox.run_inline() == 1
    assert ran == [5]
    # and requeuing a message that is not parked does nothing
    assert await outbox.requeue(message.id) is False


def test_every_typed_reference_names_a_declared_actor() -> None:
    # given the worker registry (importing it checks the references too)
    import workers  # noqa: F401  (declares the actors)

    declared = set(broker_module.current().get_declared_actors())
    # then every reference the use cases may stage for resolves to an actor
    assert actor_refs.unresolved(declared) == []
    # and a reference without its actor is reported by name
    assert actor_refs.unresolved(declared - {"push_notifications"}) == ["push_notifications"]
    # and a misspelt reference is an error at once, not a message that waits forever
    with pytest.raises(AttributeError):
        actor_refs.PUSH_NOTIFICATION  # type: ignore[attr-defined]  # noqa: B018
