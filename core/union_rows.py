"""Rows of several tables in one statement: their ids by kind in one ``UNION ALL``, then
each kind's table (and the rows it names) joined to its ids.

A read that needs rows of several tables, each chosen by its own queryset (the to-do
list's lists, a root list with its child lists), would cost a round trip per queryset;
written this way it is one, and PostgreSQL plans each branch as the queryset alone (issue
19). Each branch is a Tortoise queryset of integer columns rendered with shared
parameters, so the same text runs on PostgreSQL and SQLite; the rows come back under their
table's alias and are built as Tortoise builds them from its own select.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from pypika_tortoise.context import SqlContext
from pypika_tortoise.terms import Parameterizer
from tortoise.expressions import RawSQL
from tortoise.models import Model
from tortoise.queryset import ValuesListQuery, ValuesQuery

M = TypeVar("M", bound=Model)


def union(queries: Sequence[tuple[int, ValuesListQuery[Any]]], width: int) -> tuple[str, list[Any]]:
    """One ``UNION ALL`` of ``queries``: ``k`` the kind, ``c0``… ``c{width-1}`` the integer
    columns (missing ones null), and the parameters of them all. A branch without a limit
    loses its order (a ``UNION`` keeps none): the reader orders what it needs."""
    parts: list[str] = []
    context = _Rendering()
    for kind, query in queries:
        inner = context.render(query)
        alias = f"f{kind}_{len(parts)}"
        columns = [f'"{alias}"."{n}"' for n in range(len(query.fields))]
        columns += ["CAST(NULL AS INTEGER)"] * (width - len(columns))
        named = ", ".join(f'{column} AS "c{n}"' for n, column in enumerate(columns))
        parts.append(f'SELECT {int(kind)} AS "k", {named} FROM ({inner}) AS "{alias}"')
    return " UNION ALL ".join(parts), context.values


class _Rendering:
    """Querysets rendered into one statement: their parameters numbered in one sequence."""

    def __init__(self) -> None:
        self._context: SqlContext | None = None

    def render(self, query: ValuesQuery[Any] | ValuesListQuery[Any]) -> str:
        """The query's text, its order dropped unless it has a limit (a union keeps none)."""
        query._choose_db_if_not_chosen()
        query._make_query()
        if query._limit is None:
            query.query._orderbys = []
        if self._context is None:
            self._context = query.query.QUERY_CLS.SQL_CONTEXT.copy(parameterizer=Parameterizer())
        return str(query.query.get_sql(self._context))

    @property
    def values(self) -> list[Any]:
        assert self._context is not None and self._context.parameterizer is not None
        return list(self._context.parameterizer.values)


@dataclass(frozen=True)
class Lookup:
    """A table joined to the union under ``alias`` when ``on`` holds."""

    alias: str
    model: type[Model]
    on: str
    #: the columns read; ``None``: every column, to build the row as a model instance
    columns: tuple[str, ...] | None = None


def by_kind(
    alias: str, model: type[Model], kinds: Sequence[int], columns: tuple[str, ...] | None = None
) -> Lookup:
    """``model``'s row whose id is ``c0`` of a union row of one of ``kinds``."""
    listed = ",".join(str(int(kind)) for kind in kinds)
    on = f'"x"."k" IN ({listed}) AND "{alias}"."id" = "x"."c0"'
    return Lookup(alias, model, on, columns)


def by_key(
    alias: str, model: type[Model], key: str, columns: tuple[str, ...] | None = None
) -> Lookup:
    """``model``'s row whose id is the column ``key`` (``"alias"."column"``) of a joined row."""
    return Lookup(alias, model, f'"{alias}"."id" = {key}', columns)


def joined(union_sql: str, width: int, lookups: Sequence[Lookup]) -> str:
    """The union's rows with each lookup's table joined (each an index lookup by id), every
    column under its alias (``alias__column``)."""
    joins = [f'LEFT JOIN "{x.model._meta.db_table}" AS "{x.alias}" ON {x.on}' for x in lookups]
    columns = ['"x"."k"', *(f'"x"."c{n}"' for n in range(width))]
    columns += [
        f'"{x.alias}"."{column}" AS "{x.alias}__{column}"'
        for x in lookups
        for column in (sorted(x.model._meta.db_fields) if x.columns is None else x.columns)
    ]
    return f'SELECT {", ".join(columns)} FROM ({union_sql}) AS "x" {" ".join(joins)}'


def flag(column: str) -> RawSQL:
    """A boolean column of the row's own table as 0 or 1, an integer as every fact column
    is (one ``UNION ALL``; Tortoise's ``Case`` sends its constants as untyped parameters)."""
    return RawSQL(f'CASE WHEN "{column}" THEN 1 ELSE 0 END')


def follow(alias: str, model: type[Model], path: str) -> list[tuple[str, type[Model], str]]:
    """(alias, model, key) of each table along a foreign-key path (``a__b``) from ``model``
    rows under ``alias``: the key is the foreign-key column of the table before it, and
    each alias is the one before with ``_name`` added."""
    hops = []
    for name in path.split("__"):
        field = model._meta.fields_map[name]
        target = field.related_model  # type: ignore[attr-defined]
        key = f'"{alias}"."{field.source_field}"'
        alias, model = f"{alias}_{name}", target
        hops.append((alias, model, key))
    return hops


def instance(model: type[M], alias: str, row: Any) -> M | None:
    """The ``model`` row under ``alias`` of a joined row, as Tortoise builds it from its own
    select; ``None`` when the lookup found none."""
    if row[f"{alias}__id"] is None:
        return None
    return model._init_from_db(**{c: row[f"{alias}__{c}"] for c in model._meta.db_fields})


def in_database_order(rows: Sequence[Any], order_by: tuple[str, ...], dialect: str) -> list[Any]:
    """``rows`` (model instances) as ``ORDER BY order_by`` returns them, since a ``UNION``
    keeps no order: a ``-`` before a name descending; a missing value above every other on
    PostgreSQL, below on SQLite (their ``NULL`` ordering)."""
    nulls_high = dialect == "postgres"
    ordered = list(rows)
    for name in reversed(order_by):
        column = name.lstrip("-")

        def key(row: Any, column: str = column) -> tuple[int, Any]:
            value = getattr(row, column)
            return (1 if nulls_high else -1, 0) if value is None else (0, value)

        ordered.sort(key=key, reverse=name.startswith("-"))
    return ordered
