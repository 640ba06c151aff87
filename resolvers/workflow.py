"""Shared steps of every use case: find the object in scope, lock it, check its state."""

from __future__ import annotations

from collections.abc import Collection
from enum import Enum
from typing import Any, TypeVar

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.models import Model

from core import clock
from models import Requirement, Task
from models.enums import RequirementStatus
from resolvers import audit
from resolvers.access.auth import Viewer
from resolvers.access.scope import scoped
from resolvers.errors import Conflict, Forbidden, InvalidTransition, NotFound

M = TypeVar("M", bound=Model)

NOT_FOUND_MESSAGE = "对象不存在 (no such object)"


async def load_visible(
    model: type[M],
    viewer: Viewer,
    pk: int,
    conn: BaseDBAsyncClient,
    *,
    lock: bool = False,
    related: tuple[str, ...] = (),
) -> M:
    """The row if the viewer may read it, else ``NOT_FOUND``; ``lock`` takes a row lock.

    Locking serialises concurrent writers of the same object on PostgreSQL (SQLite's
    immediate transactions already serialise every writer). ``related`` names foreign keys
    read in the same statement (a join, unscoped: for rows the caller reads as they are).
    """
    queryset: Any = scoped(model, viewer, id=pk).using_db(conn).select_related(*related)
    if lock:
        queryset = queryset.select_for_update()
    row = await queryset.first()
    if row is None:
        raise NotFound(NOT_FOUND_MESSAGE)
    return row


def ensure_state(obj: Any, allowed: Collection[Enum], action: str) -> None:
    """Refuse ``action`` unless ``obj.status`` is one of ``allowed`` (``INVALID_TRANSITION``)."""
    if obj.status not in allowed:
        raise InvalidTransition(
            f"当前状态{obj.status}不允许{action} ({action} is not allowed in status {obj.status})",
            status=str(obj.status),
            action=action,
        )


def ensure_writable(requirement: Requirement) -> None:
    """Archived records are read-only for everyone, the admin included."""
    if requirement.status == RequirementStatus.ARCHIVED:
        raise Forbidden("已归档的记录只读 (archived records are read-only)", reason="ARCHIVED")


def check_version(obj: Any, expected: int | None) -> None:
    """Optimistic concurrency: refuse a write based on an older read (``CONFLICT``)."""
    if expected is not None and expected != obj.version:
        raise Conflict(
            "对象已被他人修改，请刷新后重试 (changed since you read it: reload and retry)",
            currentVersion=obj.version,
        )


def snapshot(obj: Model, fields: Collection[str]) -> dict[str, Any]:
    """The audit log's JSON view of some fields of a row."""
    values: dict[str, Any] = {}
    for name in fields:
        value = getattr(obj, name)
        values[name] = (
            value.isoformat()
            if hasattr(value, "isoformat")
            else (value.value if isinstance(value, Enum) else value)
        )
    return values


async def touch_task(task_id: int, conn: BaseDBAsyncClient) -> None:
    """Move a task's ``updated_at`` to now: something a task list shows changed elsewhere.

    A comment (``commentCount``) or a collaboration request is a row of its own, yet a BI
    tool loading "tasks changed since my last pull" (``filter: {updatedAt: …}``) must get
    the task again. A plain UPDATE, because ``auto_now`` only fires on ``save()``.
    """
    await Task.filter(id=task_id).using_db(conn).update(updated_at=clock.now())


async def transition(
    viewer: Viewer,
    obj: Any,
    to: Enum,
    action: str,
    conn: BaseDBAsyncClient,
    *,
    stamp: str | None = None,
    fields: Collection[str] = (),
    note: str = "",
    on_behalf_of_id: int | None = None,
) -> None:
    """Move ``obj`` to status ``to`` as one step of its state machine.

    Stamps the instant field ``stamp`` (``submitted_at``, …), raises the optimistic version,
    saves the status with ``fields`` changed by the caller, and writes the audit entry
    (who, from, to, note) in the same transaction.
    """
    previous = obj.status
    obj.status = to
    if stamp is not None:
        setattr(obj, stamp, clock.now())
    obj.version += 1
    changed = ["status", "version", "updated_at", *fields, *([stamp] if stamp else [])]
    await obj.save(using_db=conn, update_fields=changed)
    await audit.record(
        viewer,
        action,
        type(obj).__name__,
        obj.id,
        subject_code=obj.code,
        from_state=str(previous),
        to_state=str(to),
        note=note,
        on_behalf_of_id=on_behalf_of_id,
        using_db=conn,
    )
