"""The ids of the requirements a viewer takes part in, read ahead and kept between requests.

Inside a larger query PostgreSQL plans "the requirements I take part in" (an OR of
subqueries) as a join over every task; given the ids as values it estimates the share of
rows they select and walks the task index newest first, stopping after one page
(bench/README.md). The ids are read as a UNION of the scope's sources
(``resolvers/access/scope.py``), each an index lookup; beside them, whether any @mention
names the viewer (``Viewer.mentioned``: mentioned nowhere, the scope leaves its mention
branch out).

For a department head that UNION returns ~1,800 ids: ~0.6 ms of database time and a round
trip per request, more than the page itself. :func:`read_ahead` keeps them per viewer, with
the snapshot they were read under, and hands back a *guard*: an SQL condition, true while no
transaction that snapshot did not see has changed a participation source of this viewer
(``core/participation_log.py``: triggers log every such change). The compiled statement
selects the guard beside its rows, so the ids are proven current in the very statement
that uses them; a false guard (or an empty page, which shows no guard) drops the kept ids
and the request reads them again (:meth:`Kept.guard`). Nothing is ever answered from ids
that a committed change has made wrong, on this server or any other.
"""

from __future__ import annotations

import weakref
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.connection import get_connection

from core import clock, participation_log
from core.queries import union
from core.replica import current_connection
from resolvers.access.auth import Viewer
from resolvers.access.scope import participation_sources

#: Up to this many ids are read ahead; a wider scope stays a subquery.
READ_AHEAD_LIMIT = 5_000
#: Viewers whose ids a process keeps (a head's ~1,800 ids are ~60 kB).
KEPT_VIEWERS = 256


async def with_participation(viewer: Viewer) -> Viewer:
    """The viewer with the ids of their requirements read ahead, in one statement."""
    return (await _read(viewer))[0]


async def read_ahead(viewer: Viewer) -> tuple[Viewer, Kept | None]:
    """The viewer with their ids, and what proves kept ids current (``None``: just read).

    Ids are kept only where the database logs participation changes: PostgreSQL with the
    triggers installed, which the first read of each connection pool finds out.
    """
    if viewer.reads_everything or viewer.requirement_ids is not None:
        return viewer, None
    client = get_connection(current_connection())
    memory = _MEMORIES.get(client, _UNKNOWN)
    if memory is None or client.capabilities.dialect != "postgres":
        return await with_participation(viewer), None
    key = (viewer.user_id, viewer.department_id)
    kept = memory.entries.get(key) if memory is not _UNKNOWN else None
    now = clock.now()
    if kept is not None and kept.read_at <= now < kept.until:
        memory.entries.move_to_end(key)
        return replace(viewer, requirement_ids=kept.ids, mentioned=kept.mentioned), kept
    found, kept, logged = await _read(viewer, snapshot=True)
    if memory is _UNKNOWN:  # (another request may have found out meanwhile)
        memory = _MEMORIES.get(client, _UNKNOWN)
        if memory is _UNKNOWN:
            memory = _MEMORIES[client] = _Memory(OrderedDict()) if logged else None
    if memory is not None and kept is not None:
        memory.entries[key] = kept
        if len(memory.entries) > KEPT_VIEWERS:
            memory.entries.popitem(last=False)
    return found, None


def forget(viewer: Viewer) -> None:
    """Drop the viewer's kept ids (their guard was false)."""
    memory = _MEMORIES.get(get_connection(current_connection()))
    if memory is not None:
        memory.entries.pop((viewer.user_id, viewer.department_id), None)


@dataclass(frozen=True)
class Kept:
    """A viewer's ids as read under ``snapshot``, trusted until ``until`` at the latest
    (the next start or end of a delegation to them: the scope names the clock there)."""

    ids: tuple[int, ...]
    mentioned: bool | None
    keys: tuple[str, ...]
    snapshot: str
    xmin: str
    read_at: datetime
    until: datetime

    #: Statements with the guard selected, by the statement they were made from: the same
    #: text object each time, whose hash the driver's statement cache does not compute again.
    guarded: dict[str, str] = field(default_factory=dict, compare=False, hash=False)

    @property
    def guard(self) -> str:
        """True while no transaction unseen by the snapshot logged a change for the viewer.

        Every value is the database's own (the snapshot text, a transaction id) or a key
        built from integer ids, so nothing from a request reaches the text.
        """
        keys = ",".join(f"'{key}'" for key in self.keys)
        return (
            f'NOT EXISTS (SELECT 1 FROM "{participation_log.TABLE}" WHERE "key" IN ({keys})'
            f" AND \"xid\" >= '{self.xmin}'::xid8"
            f" AND NOT pg_visible_in_snapshot(\"xid\", '{self.snapshot}'::pg_snapshot))"
        )

    def guarding(self, statement: str, guard: Callable[[str, str], str]) -> str:
        """``guard(statement, self.guard)``, kept for the statements used again."""
        found = self.guarded.get(statement)
        if found is None:
            if len(self.guarded) >= _GUARDED_KEPT:
                self.guarded.clear()
            found = self.guarded[statement] = guard(statement, self.guard)
        return found


class KeptIds(tuple[int, ...]):
    """Requirement ids whose hash is computed once: a kept viewer's ~1,800 ids are part of
    the key of the compiled path's statements and scope texts on every request, and a
    tuple computes its hash again each time it is asked."""

    def __hash__(self) -> int:
        cached: int | None = self.__dict__.get("_hash")
        if cached is None:
            cached = self.__dict__["_hash"] = super().__hash__()
        return cached


#: One object per distinct tuple of kept ids, the most recently read last.
_INTERNED: OrderedDict[KeptIds, KeptIds] = OrderedDict()


def _interned(ids: KeptIds) -> KeptIds:
    """The one object holding ``ids``: statements and scope texts are kept under keys that
    name the viewer, and equal ids read again (by concurrent first requests, or after an
    unrelated change tripped the guard) would otherwise be compared id by id on every
    lookup; the same object compares by identity."""
    found = _INTERNED.get(ids)
    if found is None:
        found = _INTERNED[ids] = ids
        if len(_INTERNED) > KEPT_VIEWERS:
            _INTERNED.popitem(last=False)
    else:
        _INTERNED.move_to_end(ids)
    return found


#: Guarded statements a kept viewer holds (several documents, pages and orders).
_GUARDED_KEPT = 32


@dataclass
class _Memory:
    """The kept ids of one database (one connection pool), most recently used last."""

    entries: OrderedDict[tuple[int | None, int | None], Kept]


#: Per connection pool: a test's fresh database, or a restored one, starts empty. ``None``:
#: the triggers are not installed there, nothing is kept.
_MEMORIES: weakref.WeakKeyDictionary[BaseDBAsyncClient, _Memory | None] = (
    weakref.WeakKeyDictionary()
)
#: A pool whose first read has not told yet whether the triggers are there.
_UNKNOWN = _Memory(OrderedDict())


async def _read(viewer: Viewer, *, snapshot: bool = False) -> tuple[Viewer, Kept | None, bool]:
    """Read the ids in one statement; with ``snapshot`` (PostgreSQL) also what keeping them
    needs: the snapshot, the next delegation change and whether the triggers that log
    participation changes are installed. The viewer unchanged when the ids are more than
    the limit."""
    if viewer.reads_everything or viewer.requirement_ids is not None:
        return viewer, None, False
    if viewer.user_id is None and viewer.department_id is None:
        return replace(viewer, requirement_ids=(), mentioned=False), None, False
    connection = get_connection(current_connection())
    postgres = connection.capabilities.dialect == "postgres"
    statement, params = _participation_union(viewer, connection.capabilities.dialect)
    statement = f"{statement} LIMIT {READ_AHEAD_LIMIT + 1}"
    now = clock.now()
    if postgres:  # one array: decoding a row per id cost more than reading them
        extra = f", {_mentioned(len(params))}"
        if snapshot:
            extra += (
                ", pg_current_snapshot()::text, pg_snapshot_xmin(pg_current_snapshot())::text, "
                f"({_next_delegation_change(len(params))}), ({participation_log.INSTALLED})"
            )
        params = [*params, viewer.user_id, *([now] if snapshot else [])]
        statement = f"SELECT array_agg(u.pk){extra} FROM ({statement}) AS u(pk)"
    _, rows = await connection.execute_query(statement, params)
    found = (rows[0][0] or []) if postgres else [row[0] for row in rows]
    ids = tuple(sorted(set(found) - {None}))
    mentioned = bool(rows[0][1]) if postgres else None
    logged = bool(snapshot and postgres and rows[0][5])
    if len(ids) > READ_AHEAD_LIMIT:
        return viewer, None, logged
    kept = None
    if logged:
        until = rows[0][4] or datetime.max.replace(tzinfo=now.tzinfo)
        ids = _interned(KeptIds(ids))
        kept = Kept(ids, mentioned, _keys(viewer), rows[0][2], rows[0][3], now, until)
    return replace(viewer, requirement_ids=ids, mentioned=mentioned), kept, logged


def _mentioned(given: int) -> str:
    """Whether any @mention names the viewer (their id is the next parameter), beside their
    ids in the same snapshot; the mention table's triggers log its changes for the kept
    ids' guard."""
    return f'EXISTS (SELECT 1 FROM "mention" WHERE "user_id" = ${given + 1})'


def _keys(viewer: Viewer) -> tuple[str, ...]:
    """The log keys of changes that concern the viewer (``core/participation_log.py``)."""
    keys = ["*"]
    if viewer.user_id is not None:
        keys.append(f"u:{int(viewer.user_id)}")
    if viewer.department_id is not None:
        keys.append(f"d:{int(viewer.department_id)}")
    return tuple(keys)


def _next_delegation_change(given: int) -> str:
    """The next instant a delegation to the viewer starts or ends: until then the
    delegation part of their scope cannot change by the clock alone."""
    user, now = f"${given + 1}", f"${given + 2}"
    return (
        "SELECT min(b) FROM (SELECT CASE WHEN d.starts_at > "
        f"{now} THEN d.starts_at ELSE d.ends_at END AS b FROM delegation AS d"
        f" WHERE d.delegate_id = {user} AND d.revoked_at IS NULL AND d.ends_at > {now}) AS n"
    )


#: Keys no row has, standing for the viewer's in the UNION rendered once per kind of viewer.
_USER, _DEPARTMENT = -7_301, -7_302
_UNIONS: dict[tuple[str, bool, bool], tuple[str, list[Any]]] = {}


def _participation_union(viewer: Viewer, dialect: str) -> tuple[str, list[Any]]:
    """The UNION of the scope's participation sources for ``viewer``, with its values:
    rendering it cost milliseconds per request, and its text is the same for every viewer
    with a user and a department (or one of them), so it is rendered once per kind with
    stand-in keys."""
    kind = (dialect, viewer.user_id is not None, viewer.department_id is not None)
    if kind not in _UNIONS:
        user, department = (_USER if kind[1] else None), (_DEPARTMENT if kind[2] else None)
        _UNIONS[kind] = union(
            participation_sources(replace(viewer, user_id=user, department_id=department))
        )
    statement, values = _UNIONS[kind]
    now, own = clock.now(), {_USER: viewer.user_id, _DEPARTMENT: viewer.department_id}
    params = [now if isinstance(v, datetime) else own.get(v, v) for v in values]
    return statement, params
