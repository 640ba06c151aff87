"""A log of changes to who takes part in which requirement, written by PostgreSQL triggers.

A viewer with a scope reads "the ids of the requirements I take part in" before their page
(``resolvers/access/scope.py``): a UNION over ten tables, ~0.6 ms of database time and a
round trip for a department head with ~1,800 of them. ``resolvers/access/participation.py``
keeps those ids per viewer and proves them current inside the very statement that uses
them: this log holds one row per committed change of a participation source, keyed by whom
it concerns (``u:<user id>``, ``d:<department id>``, or ``*`` for rare changes whose
people are not named by the row: headships, delegations, 加签 of a department), stamped with
the writing transaction's id. Kept ids read under snapshot S are current while no row for
the viewer's keys was written by a transaction S did not see.

Triggers rather than application hooks: a queryset ``update()``, a bulk insert, a cascade,
``COPY`` or SQL typed by hand all pass through them (a ``TRUNCATE`` is logged as ``*``), so
no write can be missed. The log
is pruned by the scheduler (:func:`prune`), which also writes ``*`` so that ids read
before the prune are read again.

PostgreSQL only (the compiled path is). :func:`install` is idempotent; migration 0018
calls it, and so does a database created from the models (``core.db``, the tests).
"""

from __future__ import annotations

from typing import NamedTuple

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

TABLE = "participation_change"
FUNCTION = "crossflow_participation_changed"


class Source(NamedTuple):
    """A table whose rows make someone take part in a requirement.

    ``kind`` and ``column``: the key a changed row is logged under, ``u:``/``d:`` and the
    person or department the column names, or ``*`` (no column) when the row does not name
    them itself: a head's part through 加签 or a delegation goes through other tables, and a
    task, meeting, review round or submission moved to another parent (the application
    never does that) concerns all its people. ``watched``: the columns whose UPDATE
    matters; ``on_rows``: whether inserts and deletes do (a new or deleted task is told by
    its assignee, a meeting by its attendees).
    """

    table: str
    kind: str
    column: str | None
    watched: tuple[str, ...]
    on_rows: bool = True


SOURCES: tuple[Source, ...] = (
    Source("requirement", "u", "initiator_id", ("initiator_id",)),
    Source("task", "u", "assignee_id", ("assignee_id",)),
    Source("task", "*", None, ("requirement_id",), on_rows=False),
    Source("meeting_attendee", "u", "user_id", ("user_id", "meeting_id")),
    Source("meeting", "*", None, ("requirement_id",), on_rows=False),
    Source("review_round", "*", None, ("requirement_id",), on_rows=False),
    Source("task_result", "*", None, ("task_id",), on_rows=False),
    Source("round_signer", "*", None, ("round_id", "department_id")),
    Source("result_signer", "*", None, ("result_id", "department_id")),
    Source("result_handover", "u", "to_user_id", ("to_user_id", "result_id")),
    Source(
        "delegation", "*", None, ("head_id", "delegate_id", "starts_at", "ends_at", "revoked_at")
    ),
    Source("department_head", "*", None, ("user_id", "department_id")),
    Source("requirement_department", "d", "department_id", ("department_id", "requirement_id")),
    Source("task_assisting_department", "d", "department_id", ("department_id", "task_id")),
    Source(
        "collaboration_request", "d", "to_department_id", ("to_department_id", "requirement_id")
    ),
    # not a way in to a requirement, but whether any @mention names the person is read
    # ahead with their ids (it widens their scope to the task they were asked about)
    Source("mention", "u", "user_id", ("user_id", "comment_id")),
)

_FUNCTION_SQL = f"""
CREATE OR REPLACE FUNCTION {FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    kind text := TG_ARGV[0];
    col text := TG_ARGV[1];
    old_key text;
    new_key text;
BEGIN
    IF kind = '*' THEN
        INSERT INTO {TABLE} (key, xid) VALUES ('*', pg_current_xact_id());
        RETURN NULL;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        old_key := to_jsonb(OLD) ->> col;
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        new_key := to_jsonb(NEW) ->> col;
    END IF;
    INSERT INTO {TABLE} (key, xid)
    SELECT DISTINCT kind || ':' || k, pg_current_xact_id()
    FROM unnest(ARRAY[old_key, new_key]) AS k WHERE k IS NOT NULL;
    RETURN NULL;
END
$$
"""


def _trigger_name(table: str, kind: str) -> str:
    return f"crossflow_participation_{table}_{'all' if kind == '*' else kind}"


def _trigger_sql(
    table: str, kind: str, column: str | None, watched: tuple[str, ...], on_rows: bool
) -> list[str]:
    """A source's triggers: on inserts and deletes (``on_rows``), on updates of ``watched``."""
    name = _trigger_name(table, kind)
    argument = f"'{kind}', '{column or ''}'"
    changed = " OR ".join(f'OLD."{c}" IS DISTINCT FROM NEW."{c}"' for c in watched)
    columns = ", ".join(f'"{c}"' for c in watched)
    statements = [
        f'DROP TRIGGER IF EXISTS "{name}" ON "{table}"',
        f'DROP TRIGGER IF EXISTS "{name}_update" ON "{table}"',
        f'CREATE TRIGGER "{name}_update" AFTER UPDATE OF {columns} ON "{table}"'
        f" FOR EACH ROW WHEN ({changed}) EXECUTE FUNCTION {FUNCTION}({argument})",
    ]
    if on_rows:
        statements.append(
            f'CREATE TRIGGER "{name}" AFTER INSERT OR DELETE ON "{table}"'
            f" FOR EACH ROW EXECUTE FUNCTION {FUNCTION}({argument})"
        )
    return statements


def _truncate_sql(table: str) -> list[str]:
    """A ``TRUNCATE`` fires no row trigger: it is logged as ``*``, once per statement."""
    name = f"crossflow_participation_{table}_truncate"
    return [
        f'DROP TRIGGER IF EXISTS "{name}" ON "{table}"',
        f'CREATE TRIGGER "{name}" AFTER TRUNCATE ON "{table}"'
        f" FOR EACH STATEMENT EXECUTE FUNCTION {FUNCTION}('*', '')",
    ]


def _tables() -> list[str]:
    return sorted({source.table for source in SOURCES})


def trigger_names(only: str | None = None) -> list[str]:
    """The triggers of every source table, or of the table ``only`` (a migration that adds a
    source drops its triggers when reversed)."""
    tables = [table for table in _tables() if only in (None, table)]
    names = [f"crossflow_participation_{table}_truncate" for table in tables]
    for table, kind, _, _, on_rows in SOURCES:
        if table not in tables:
            continue
        name = _trigger_name(table, kind)
        names += [name, f"{name}_update"] if on_rows else [f"{name}_update"]
    return names


def install_statements() -> list[str]:
    """The log table, its index, the trigger function and every source's triggers."""
    statements = [
        f'CREATE TABLE IF NOT EXISTS "{TABLE}" ('
        ' "id" BIGSERIAL PRIMARY KEY, "key" TEXT NOT NULL, "xid" XID8 NOT NULL)',
        f'CREATE INDEX IF NOT EXISTS "idx_{TABLE}_key_xid" ON "{TABLE}" ("key", "xid")',
        _FUNCTION_SQL,
    ]
    for source in SOURCES:
        statements += _trigger_sql(*source)
    for table in _tables():
        statements += _truncate_sql(table)
    return statements


def uninstall_statements() -> list[str]:
    statements = [
        f'DROP TRIGGER IF EXISTS "crossflow_participation_{table}_truncate" ON "{table}"'
        for table in _tables()
    ]
    for table, kind, _, _, _ in SOURCES:
        name = _trigger_name(table, kind)
        statements.append(f'DROP TRIGGER IF EXISTS "{name}" ON "{table}"')
        statements.append(f'DROP TRIGGER IF EXISTS "{name}_update" ON "{table}"')
    statements.append(f"DROP FUNCTION IF EXISTS {FUNCTION}()")
    statements.append(f'DROP TABLE IF EXISTS "{TABLE}"')
    return statements


async def install(client: BaseDBAsyncClient) -> None:
    """Create (or re-create) the log and its triggers; a no-op on SQLite."""
    if client.capabilities.dialect != "postgres":
        return
    for statement in install_statements():
        await client.execute_script(statement)


def _installed_sql() -> str:
    names = ",".join(f"'{name}'" for name in trigger_names())
    return (
        f"SELECT count(DISTINCT tgname) = {len(trigger_names())}"
        f" FROM pg_trigger WHERE tgname IN ({names})"
    )


#: A query answering whether every source's triggers are there (kept ids are trusted only
#: then), to be selected beside another read.
INSTALLED = _installed_sql()


async def prune() -> int:
    """Drop the rows every running transaction already sees, and write ``*``: ids kept from
    before the prune might need a dropped row to know they are stale, so they are re-read.
    The number of rows dropped."""
    async with in_transaction("default") as connection:
        if connection.capabilities.dialect != "postgres":
            return 0
        _, rows = await connection.execute_query(
            f'WITH gone AS (DELETE FROM "{TABLE}"'
            ' WHERE "xid" < pg_snapshot_xmin(pg_current_snapshot()) RETURNING 1)'
            " SELECT count(*) FROM gone"
        )
        await connection.execute_query(
            f"INSERT INTO \"{TABLE}\" (key, xid) VALUES ('*', pg_current_xact_id())"
        )
    return int(rows[0][0])
