"""Outbox messages parked after too many failures, and the admin's retry.

The relay parks a message it failed to send ``outbox_max_attempts`` times (``core/outbox.py``)
so that it stops holding anything up; what is parked waits for someone who can fix the
cause (a missing actor after a deployment, a channel misconfigured) and then puts it back.
The panel's page of parked messages calls this use case, like the API would.
"""

from __future__ import annotations

from tortoise.transactions import in_transaction

from core import outbox
from core.outbox_message import OutboxMessage, OutboxStatus
from resolvers import audit
from resolvers.access import policy
from resolvers.access.auth import Viewer
from resolvers.errors import NotFound


async def retry_parked(viewer: Viewer, message_id: int, *, via: str = "api") -> OutboxMessage:
    """Put a parked message back in line with a fresh count of attempts (admins only).

    Audited with its actor, attempts and last error before the retry; a message that is
    not (or no longer) parked is refused as not found, so two admins retry it once.
    """
    policy.require_admin(viewer)
    async with in_transaction() as conn:
        message = (
            await OutboxMessage.filter(id=message_id, status=OutboxStatus.PARKED)
            .using_db(conn)
            .select_for_update()
            .first()
        )
        if message is None or not await outbox.requeue(message_id, using_db=conn):
            raise NotFound("没有这条搁置的消息 (no such parked message)")
        await audit.record(
            viewer,
            "outbox.retry",
            "OutboxMessage",
            message_id,
            from_state=OutboxStatus.PARKED,
            to_state=OutboxStatus.PENDING,
            before={
                "actor": message.actor,
                "attempts": message.attempts,
                "last_error": message.last_error,
            },
            after={"attempts": 0},
            via=via,
            using_db=conn,
        )
    outbox.kick()
    return await OutboxMessage.get(id=message_id)
