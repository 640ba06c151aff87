"""The report statements of one request, sent to PostgreSQL as one statement.

``reports { … }`` resolves its fields side by side; each is one grouped statement
(``aggregates.py``, ``lead_times.py``, ``cells.py``). A dashboard selecting all nine would
cost nine round trips, and a read is held to two statements (issue 19). The statements a
request's reports start in the same tick are gathered here (a DataLoader) and sent as one
``SELECT`` with a JSON array per report: each statement keeps its own text, order and
bound values (renumbered), so a report reads the same rows alone or with others.

SQLite (the one-user demo, in-process) runs them one by one: there is no round trip to save.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from strawberry.dataloader import DataLoader
from tortoise.backends.base.client import BaseDBAsyncClient

from core.queries import renumbered

#: One statement to run: its connection, text (``$n`` placeholders) and bound values.
Pending = tuple[BaseDBAsyncClient, str, tuple[Any, ...]]
Rows = list[dict[str, Any]]


class StatementBatch:
    """Collects the report statements started together and runs them as one per connection."""

    def __init__(self) -> None:
        self._loader: DataLoader[Pending, Rows] = DataLoader(self._run, cache=False)

    async def rows(self, conn: BaseDBAsyncClient, sql: str, values: Sequence[Any]) -> Rows:
        """The rows of ``sql``, run with whatever other report statements start beside it."""
        if conn.capabilities.dialect != "postgres":
            return list(await conn.execute_query_dict(sql, list(values)))
        return await self._loader.load((conn, sql, tuple(values)))

    async def _run(self, pending: list[Pending]) -> list[Rows]:
        found: dict[int, Rows] = {}
        by_connection: dict[BaseDBAsyncClient, list[int]] = {}
        for index, (conn, _, _) in enumerate(pending):
            by_connection.setdefault(conn, []).append(index)
        for conn, indexes in by_connection.items():
            statements = [(pending[index][1], pending[index][2]) for index in indexes]
            if len(statements) == 1:
                (sql, bound), (index,) = statements[0], indexes
                found[index] = list(await conn.execute_query_dict(sql, list(bound)))
                continue
            sql, values = combined(statements)
            (row,) = await conn.execute_query_dict(sql, values)
            for position, index in enumerate(indexes):
                found[index] = json.loads(row[f"r{position}"], parse_float=Decimal)
        return [found[index] for index in range(len(pending))]


def combined(statements: list[tuple[str, tuple[Any, ...]]]) -> tuple[str, list[Any]]:
    """One ``SELECT`` whose column ``r<n>`` is the JSON array of statement n's rows.

    Each statement is a sorted subquery of ``json_agg``, which aggregates in the order the
    subquery returns its rows (nothing above it joins or sorts again); its placeholders are
    shifted past the values of the statements before it. Numbers keep their digits
    (``Decimal``, as the driver gives a numeric), so a row reads the same as run alone.
    """
    values: list[Any] = []
    columns = []
    for position, (sql, bound) in enumerate(statements):
        shifted = renumbered(sql, len(values))
        values.extend(bound)
        columns.append(
            f"(SELECT coalesce(json_agg(q), '[]'::json) FROM ({shifted}) AS q) AS r{position}"
        )
    return f"SELECT {', '.join(columns)}", values
