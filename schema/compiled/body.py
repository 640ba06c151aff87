"""The response of a compiled read, assembled around the JSON texts PostgreSQL built.

A connection's edges, cursors and ``pageInfo`` are written as text in the plan's order and
with its response keys, so no field is completed in Python; the bytes equal what the
generic executor writes once parsed (``tests/schema/test_compiled*.py``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from resolvers.keyset import Ordering
from schema.compiled.plan import TYPENAME, Plan


@dataclass(frozen=True)
class _Row:
    """What :meth:`Ordering.encode` reads of a row: its key and its sort column."""

    pk: int
    sort: Any

    def __getattr__(self, name: str) -> Any:
        return self.sort


def body(values: Sequence[tuple[str, str]]) -> bytes:
    """The response of the roots' (key, JSON text) pairs, in the document's order."""
    return ('{"data":{' + ",".join(f'"{key}":{value}' for key, value in values) + "}}").encode()


def page_value(
    plan: Plan,
    rows: Sequence[Any],
    size: int,
    order: Ordering,
    after: str | None,
    total: int | None,
) -> str:
    """A connection root's JSON text."""
    cursors = _cursors(plan, rows[:size], order)
    pieces: list[str] = []
    for key, part in plan.parts:
        if part == "edges":
            value = "[" + ",".join(_edges(plan, rows, cursors)) + "]"
        elif part == "pageInfo":
            value = _page_info(plan, cursors, len(rows) > size, after is not None)
        elif part == "totalCount":
            value = str(total)
        else:
            value = f'"{plan.root.node}Connection"'
        pieces.append(f'"{key}":{value}')
    return "{" + ",".join(pieces) + "}"


def _cursors(plan: Plan, rows: Sequence[Any], order: Ordering) -> list[str]:
    """The cursors the response shows: every row's when an edge selects ``cursor``, else
    only the first and last (``pageInfo``'s), else none; encoding one costs a JSON dump."""
    edge_cursor = plan.edges is not None and any(p == "cursor" for _, p in plan.edges.parts)
    if edge_cursor:
        return [order.encode(_Row(row["id"], row["sort"])) for row in rows]
    if not selects(plan, "pageInfo") or not rows:
        return [""] * len(rows)
    ends = [order.encode(_Row(row["id"], row["sort"])) for row in (rows[0], rows[-1])]
    return [ends[0], *[""] * (len(rows) - 2), ends[1]] if len(rows) > 1 else ends[:1]


def _edges(plan: Plan, rows: Sequence[Any], cursors: list[str]) -> list[str]:
    assert plan.edges is not None
    parts = plan.edges.parts
    edges = []
    for row, cursor in zip(rows, cursors, strict=False):
        values = []
        for key, part in parts:
            if part == "cursor":
                values.append(f'"{key}":"{cursor}"')
            elif part == "node":
                values.append(f'"{key}":{row["node"]}')
            else:
                values.append(f'"{key}":"{plan.root.node}Edge"')
        edges.append("{" + ",".join(values) + "}")
    return edges


def _page_info(plan: Plan, cursors: list[str], has_next: bool, has_previous: bool) -> str:
    values = {
        "hasNextPage": "true" if has_next else "false",
        "hasPreviousPage": "true" if has_previous else "false",
        "startCursor": f'"{cursors[0]}"' if cursors else "null",
        "endCursor": f'"{cursors[-1]}"' if cursors else "null",
        TYPENAME: '"PageInfo"',
    }
    return "{" + ",".join(f'"{key}":{values[name]}' for key, name in plan.page_info) + "}"


def selects(plan: Plan, part: str) -> bool:
    """Whether the connection's selection has ``part`` (edges, pageInfo, totalCount)."""
    return any(name == part for _, name in plan.parts)
