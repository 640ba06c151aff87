"""Dating the demo's rows to when its story says they happened.

``auto_now_add`` and ``auto_now`` stamp the moment the demo is loaded; left alone, every
task, review and comment of a story that spans two months would be "created today", and
the monthly report and a BI tool's month filter would show the whole demo in the current
month and nothing before. After each story step writes its rows, :func:`settle` moves
their ``created_at`` (and ``updated_at``, the last change of the story) into the past with
one UPDATE per table, so the demo still loads in a fraction of a second.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.models import Model


async def settle(
    conn: BaseDBAsyncClient,
    model: type[Model],
    created: datetime,
    updated: datetime | None = None,
    **filters: Any,
) -> None:
    """Date the ``model`` rows matching ``filters``: created at ``created``, last changed at
    ``updated`` (default: when created)."""
    await (
        model.filter(**filters)
        .using_db(conn)
        .update(created_at=created, updated_at=updated or created)
    )


def last_of(*moments: datetime | None) -> datetime:
    """The latest of the given instants (a row's last change in the story)."""
    return max(moment for moment in moments if moment is not None)
