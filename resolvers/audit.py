"""Writing the audit log: one call per state change or admin write, in its transaction."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any

from tortoise.backends.base.client import BaseDBAsyncClient

from models import AuditEntry

if TYPE_CHECKING:
    from resolvers.access.auth import Viewer

#: The door the current call came through, for entries written without an explicit ``via``.
_door: ContextVar[str] = ContextVar("audit_door", default="api")


@contextmanager
def through(door: str) -> Iterator[None]:
    """Entries written inside say they came through ``door`` (``"admin"`` for the panel).

    The panel runs the GraphQL mutations' use cases; most take no ``via`` of their own, and
    their entry is the one record of the change, so it must name the panel instead of the
    panel adding a second entry of its own.
    """
    token = _door.set(door)
    try:
        yield
    finally:
        _door.reset(token)


async def record(
    actor: Viewer | None,
    action: str,
    subject_type: str,
    subject_id: int | None,
    *,
    subject_code: str = "",
    from_state: str = "",
    to_state: str = "",
    note: str = "",
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    on_behalf_of_id: int | None = None,
    via: str | None = None,
    using_db: BaseDBAsyncClient | None = None,
) -> AuditEntry:
    """Append an audit entry; pass the transaction's connection so both commit together.

    ``via`` left out: the door of the current call (:func:`through`), else ``"api"``.
    """
    return await AuditEntry.create(
        actor_id=actor.user_id if actor else None,
        actor_label=actor.username if actor else "system",
        on_behalf_of_id=on_behalf_of_id,
        action=action,
        subject_type=subject_type,
        subject_id=subject_id,
        subject_code=subject_code,
        from_state=from_state,
        to_state=to_state,
        note=note,
        before=before,
        after=after,
        via=via or _door.get(),
        using_db=using_db,
    )
