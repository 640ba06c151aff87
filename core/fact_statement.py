"""Facts of several tables, each chosen by its own queryset, read in one statement.

A reader whose later queries depend on earlier ones (the warning rules: their subjects,
then the rows those name, then who acts as head of their departments) would pay a round
trip per query. Written as subqueries of the first query instead of lists read back, they
are branches of one ``UNION ALL`` of integer columns (``union_rows.union``), each branch's
rows joined by id (``union_rows.joined``): one round trip, on PostgreSQL and SQLite alike.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from tortoise.models import Model
from tortoise.queryset import QuerySet, ValuesListQuery

from core.union_rows import Lookup, by_key, by_kind, follow, instance, joined, union

#: A column :meth:`FactRows.values` gives: its name, its key in a row read, and how its
#: field converts it (``None``: the driver's value is the field's, as Tortoise reads it)
Column = tuple[str, str, Callable[[Any], Any] | None]


def _converter(model: type[Model], name: str) -> Callable[[Any], Any] | None:
    """How ``model``'s field ``name`` converts what the database returns, as Tortoise's
    own ``values()`` does; ``None`` for a field the driver already returns as it is."""
    if name in {native for _, native, _ in model._meta.db_native_fields}:
        return None
    return model._meta.fields_map[name].to_python_value


class FactStatement:
    """Branches added one by one (:meth:`add`, :meth:`add_rows`), then :meth:`read` once."""

    def __init__(self) -> None:
        self._queries: list[tuple[int, ValuesListQuery[Any]]] = []
        self._lookups: dict[str, Lookup] = {}
        self._models: dict[int, type[Model]] = {}
        self._aliases: dict[int, str] = {}
        self._columns: dict[int, list[Column]] = {}

    def add(
        self, query: ValuesListQuery[Any], model: type[Model] | None = None, *paths: str
    ) -> int:
        """A branch of integer columns: its kind. With ``model``, ``c0`` is a ``model`` id
        whose row, and the rows along each foreign-key path of ``paths``, are read whole
        (:meth:`FactRows.instance` builds them)."""
        if model is None:
            self._queries.append((len(self._queries), query))
            return len(self._queries) - 1
        return self.add_ids([query], model, *paths)[0]

    def add_ids(
        self, queries: Sequence[ValuesListQuery[Any]], model: type[Model], *paths: str
    ) -> list[int]:
        """Branches whose one column is a ``model`` id (or null), each read whole with
        the rows along ``paths`` as :meth:`add` reads them, through one join: their kinds.
        Several sources of the same ids (the people a warning may name) so cost one
        index lookup per row, and none a scan of ``model`` for an ``OR`` of subqueries."""
        kinds = list(range(len(self._queries), len(self._queries) + len(queries)))
        self._queries += list(zip(kinds, queries, strict=True))
        alias = f"m{kinds[0]}"
        self._join(by_kind(alias, model, kinds))
        for path in paths:
            for hop_alias, target, key in follow(alias, model, path):
                self._join(by_key(hop_alias, target, key))
        for kind in kinds:
            self._models[kind] = model
            self._aliases[kind] = alias
        return kinds

    def add_rows(self, query: QuerySet[Any], columns: Sequence[str]) -> int:
        """A branch of ``query``'s rows, of which only ``columns`` are read (``a__b``: the
        column ``b`` of the row the foreign key ``a`` leads to), as :meth:`FactRows.values`
        gives them: its kind."""
        kind = len(self._queries)
        self._queries.append((kind, query.values_list("id")))
        # the branch's own row, which every foreign-key path starts from
        self._join(by_kind(f"m{kind}", query.model, [kind], ("id",)))
        wanted: dict[str, list[str]] = {}
        for column in columns:
            path, _, name = column.rpartition("__")
            wanted.setdefault(path, []).append(name)
        read: list[Column] = []
        for path, names in wanted.items():
            alias, model = f"m{kind}", query.model
            hops = follow(alias, model, path) if path else []
            for hop_alias, target, key in hops[:-1]:
                self._join(by_key(hop_alias, target, key, ("id",)))
            fields = [(name, model if not hops else hops[-1][1]) for name in names]
            db_columns = tuple(
                dict.fromkeys(m._meta.fields_db_projection[name] for name, m in fields)
            )
            if hops:
                alias, target, key = hops[-1]
                self._join(by_key(alias, target, key, db_columns))
            else:
                self._join(by_kind(alias, model, [kind], db_columns))
            for name, m in fields:
                column = f"{path}__{name}" if path else name
                key = f"{alias}__{m._meta.fields_db_projection[name]}"
                read.append((column, key, _converter(m, name)))
        self._columns[kind] = read
        return kind

    def _join(self, lookup: Lookup) -> None:
        """Join ``lookup``'s table, or read more columns of the one joined under its alias."""
        joined_before = self._lookups.get(lookup.alias)
        if joined_before is not None and lookup.columns is not None:
            if joined_before.columns is None:
                return
            columns = tuple(dict.fromkeys([*joined_before.columns, *lookup.columns]))
            lookup = replace(joined_before, columns=columns)
        self._lookups[lookup.alias] = lookup

    async def read(self) -> FactRows:
        """Every branch's rows, in one statement (a branch keeps no order)."""
        rows: Sequence[Any] = []
        if self._queries:
            width = max(len(query.fields) for _, query in self._queries)
            sql, params = union(self._queries, width)
            if self._lookups:
                sql = joined(sql, width, list(self._lookups.values()))
            _, rows = await self._queries[0][1]._db.execute_query(sql, params)
        return FactRows(rows, self._models, self._aliases, self._columns)


class FactRows:
    """The rows a :class:`FactStatement` read, by kind."""

    def __init__(
        self,
        rows: Sequence[Any],
        models: dict[int, type[Model]],
        aliases: dict[int, str],
        columns: dict[int, list[Column]],
    ) -> None:
        self._models = models
        self._aliases = aliases
        self._columns = columns
        self._by_kind: dict[int, list[Any]] = {}
        for row in rows:
            self._by_kind.setdefault(int(row["k"]), []).append(row)

    def of(self, kind: int) -> list[Any]:
        """The rows of one branch."""
        return self._by_kind.get(kind, [])

    def columns(self, kind: int, width: int) -> list[tuple[Any, ...]]:
        """The integer columns of one branch's rows, in the order of ``c0`` (an id)."""
        found = [
            tuple(None if row[f"c{n}"] is None else int(row[f"c{n}"]) for n in range(width))
            for row in self.of(kind)
        ]
        return sorted(found, key=lambda c: c[0] or 0)

    def values(self, kind: int) -> list[dict[str, Any]]:
        """An :meth:`FactStatement.add_rows` branch's rows as ``values(*columns)`` gives
        them, each converted as its field converts it, in id order."""
        read = self._columns[kind]
        found = [
            {
                column: row[key] if convert is None else convert(row[key])
                for column, key, convert in read
            }
            for row in self.of(kind)
        ]
        return sorted(found, key=lambda row: row.get("id") or 0)

    def id_of(self, kind: int, row: Any, path: str = "") -> int | None:
        """The id of the row :meth:`instance` would build, without building it."""
        alias = self._aliases[kind]
        if path:
            alias = follow(alias, self._models[kind], path)[-1][0]
        found = row[f"{alias}__id"]
        return None if found is None else int(found)

    def instance(self, kind: int, row: Any, path: str = "") -> Any:
        """The :meth:`FactStatement.add` branch's model row of ``row``, or the row
        ``path`` leads to from it (``None`` if there is none)."""
        model = self._models[kind]
        alias = self._aliases[kind]
        if path:
            alias, model, _ = follow(alias, model, path)[-1]
        return instance(model, alias, row)
