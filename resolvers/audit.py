"""Writing the audit log: one call per state change or admin write, in its transaction."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tortoise.backends.base.client import BaseDBAsyncClient

from models import AuditEntry

if TYPE_CHECKING:
    from resolvers.access.auth import Viewer


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
    via: str = "api",
    using_db: BaseDBAsyncClient | None = None,
) -> AuditEntry:
    """Append an audit entry; pass the transaction's connection so both commit together."""
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
        via=via,
        using_db=using_db,
    )
