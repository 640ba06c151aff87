"""Whole statements around the node JSON of ``schema/compiled/sql.py``: a page of a
connection (with its count), one object, the guard of kept ids, and several roots of one
document together. The queryset of the generic resolver gives the rows; its integers are
written in so PostgreSQL keeps one plan per statement text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from tortoise.queryset import QuerySet

from core import clock
from core.queries import PLACEHOLDER, renumbered
from core.settings import get_settings
from resolvers.errors import DomainError
from resolvers.keyset import BY_ID, Ordering
from schema.compiled.body import selects
from schema.compiled.plan import Plan
from schema.compiled.sql import MARGIN, NOW


def now_literal(moment: datetime) -> str:
    """``moment`` as a timestamptz literal (it comes from the clock, not from a client)."""
    return f"'{moment.astimezone(UTC).isoformat()}'::timestamptz"


def page_statement(
    page: QuerySet[Any], order: Ordering, node: str | None, counted: QuerySet[Any] | None = None
) -> tuple[str, list[Any]]:
    """The statement returning (id, sort value, node JSON text) per row of ``page``, in order.

    With ``counted`` (the rows before paging, for ``totalCount``) each row also carries their
    number as ``total``, counted once (an uncorrelated subquery), and the page is joined to
    that count so the statement returns one row even when the page is empty (its ``id``
    null): the count never costs a statement of its own.
    """
    inner, params = _rendered(page)
    sort = "NULL" if order.key is BY_ID else f't."{order.key.column}"'
    keys = _order_by(order, sort, 't."id"')
    select = f"{node}::text" if node else "NULL"
    columns = f't."id" AS "id", {sort} AS "sort", {select} AS "node"'
    if counted is None:
        return f"SELECT {columns} FROM ({inner}) AS t ORDER BY {', '.join(keys)}", list(params)
    count_sql, count_params = _rendered(counted, ordered=False, after=len(params))
    statement = (
        f'SELECT c."total" AS "total", {columns}'
        f' FROM (SELECT count(*) AS "total" FROM ({count_sql}) AS n) AS c'
        f" LEFT JOIN LATERAL ({inner}) AS t ON TRUE ORDER BY {', '.join(keys)}"
    )
    return statement, [*params, *count_params]


def _order_by(order: Ordering, sort: str, key: str) -> list[str]:
    """The ORDER BY terms of a page: its sort column (``sort``) then its key, each way."""
    direction = "DESC" if order.descending else "ASC"
    if order.key is BY_ID:
        return [f"{key} {direction}"]
    nulls = " NULLS LAST" if order.key.nullable else ""
    return [f"{sort} {direction}{nulls}", f"{key} {direction}"]


#: A root of :func:`together`: its statement, parameters, columns and order (a page's)
Root = tuple[str, list[Any], tuple[str, ...], Ordering | None]


def together(roots: Sequence[Root], guard: str | None) -> tuple[str, list[Any]]:
    """One statement answering a document's several roots (each a :func:`page_statement` or
    :func:`object_statement` with its parameters, columns and order): column ``r<n>`` holds
    root n's rows as records of its columns, a page's in its order (an aggregate's ORDER
    BY, which PostgreSQL guarantees), and ``fresh`` the guard of kept ids when given."""
    values: list[Any] = []
    columns = [f'({guard}) AS "fresh"'] if guard is not None else []
    for n, (sql, params, names, order) in enumerate(roots):
        inner = renumbered(sql, len(values))
        values.extend(params)
        row = ", ".join(f'q."{name}"' for name in names)
        keys = (
            ""
            if order is None
            else " ORDER BY " + ", ".join(_order_by(order, 'q."sort"', 'q."id"'))
        )
        columns.append(f'(SELECT array_agg(ROW({row}){keys}) FROM ({inner}) AS q) AS "r{n}"')
    return f"SELECT {', '.join(columns)}", values


def guarded(statement: str, guard: str) -> str:
    """``statement`` (a :func:`page_statement` or :func:`object_statement`) with the SQL
    condition ``guard`` selected beside each row as ``fresh`` (an uncorrelated subquery:
    PostgreSQL evaluates it once)."""
    assert statement.startswith("SELECT ")
    return f'SELECT ({guard}) AS "fresh", {statement[len("SELECT ") :]}'


def object_statement(rows: QuerySet[Any], node: str) -> tuple[str, list[Any]]:
    """The statement returning the node JSON text of the (one) row of ``rows``."""
    inner, params = _rendered(rows)
    return f'SELECT {node}::text AS "node" FROM ({inner}) AS t', params


def list_statement(rows: QuerySet[Any], node: str) -> tuple[str, list[Any]]:
    """The statement returning one row whose node is the JSON array of every row of
    ``rows``, in their order (the queryset's, else its model's default)."""
    inner, params = _rendered(rows, ordered=False)
    meta = rows.model._meta
    keys = ", ".join(
        f't."{meta.fields_map[name].source_field or name}" {direction.value}'
        for name, direction in rows._orderings or meta.ordering
    )
    listed = f"coalesce(json_agg({node} ORDER BY {keys}), '[]'::json)::text"
    return f'SELECT {listed} AS "node" FROM ({inner}) AS t', params


#: The integers written in: those a 32-bit key column holds. As a parameter, a larger one
#: (a forged cursor's key) is refused by the database; as a literal PostgreSQL would
#: compare it as a bigint and answer, so it leaves the request to the generic executor.
_WRITTEN_IN = range(-(2**31), 2**31)


class OutOfRange(DomainError):
    """An integer no key column holds: the generic executor words the refusal."""

    code = "BAD_USER_INPUT"


def _rendered(
    rows: QuerySet[Any], *, ordered: bool = True, after: int = 0
) -> tuple[str, list[Any]]:
    """The queryset's SQL with its integer values (page size, ids, cursors) written in.

    A statement without parameters is planned once per connection and its plan reused
    (asyncpg prepares every statement; PostgreSQL keeps the generic plan of one without
    parameters), where a ``LIMIT $1`` made PostgreSQL plan the page again on each request,
    which cost more than running it. Integers cannot carry anything but a number; every
    other value (text filters, instants) stays a parameter, numbered from ``after`` + 1
    (the parameters of the statement it joins come first). ``ordered=False`` drops the
    ORDER BY (a count needs none, and PostgreSQL would sort every row for it).
    """
    rows = rows._clone()
    rows._choose_db_if_not_chosen()
    rows._make_query()
    if not ordered:
        rows.query._orderbys = []
    sql, values = rows.query.get_parameterized_sql()
    kept: list[Any] = []
    numbers: dict[int, int] = {}

    def written(match: re.Match[str]) -> str:
        index = int(match.group(1))
        value = values[index - 1]
        if type(value) is int:
            if value not in _WRITTEN_IN:
                raise OutOfRange(f"{value} is beyond any key column")
            return str(value)
        if index not in numbers:
            kept.append(value)
            numbers[index] = after + len(kept)
        return f"${numbers[index]}"

    return PLACEHOLDER.sub(written, sql), kept


def at_now(sql: str) -> str:
    """A statement naming "now" with this request's clock and lagging margin written in."""
    margin = str(get_settings().lagging_margin_points)
    return sql.replace(NOW, now_literal(clock.now())).replace(MARGIN, margin)


def columns_of(plan: Plan) -> tuple[str, ...]:
    """The columns of a root's statement (:func:`page_statement`, :func:`object_statement`)."""
    if not plan.root.connection:
        return ("node",)
    counted = ("total",) if selects(plan, "totalCount") else ()
    return ("id", "sort", "node", *counted)
