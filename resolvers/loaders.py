"""Per-request dataloaders that batch relation lookups and apply the viewer's scope.

Built fresh for every request (a loader that outlived a request would serve one user's
rows to another). Every relation field of the schema loads through here, so a page of N
objects costs one query per relation, not N.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from strawberry.dataloader import DataLoader
from tortoise.connection import get_connection
from tortoise.expressions import Subquery
from tortoise.functions import Count, Max
from tortoise.models import Model
from tortoise.queryset import QuerySet

from core import union_rows
from core.replica import current_connection
from models import DepartmentHead, TemplateDepartment, User
from resolvers.access.auth import Viewer
from resolvers.access.scope import scope_of, scoped

M = TypeVar("M", bound=Model)

#: To-one relations read in the same statement as their rows (a join) whenever the related
#: table's scope admits every row for the viewer, so a nested field costs no statement of
#: its own: the rows found prime that table's by-id loader. Only directory tables whose
#: rows are small and nearly always asked for with them (a person's department, a head's
#: person, a template department's department and on-duty person). A path ``a__b`` reads
#: ``a`` and ``a``'s ``b``; each is primed.
JOINED: dict[type[Model], tuple[str, ...]] = {
    User: ("department",),
    DepartmentHead: ("user__department",),
    TemplateDepartment: ("department", "on_duty__department"),
}


@dataclass(frozen=True)
class ChildList:
    """A list field's rows: ``model`` rows whose ``parent_field`` is the parent's id, in
    ``order_by`` (as :meth:`Loaders.children` and :meth:`Loaders.with_children` read them)."""

    model: type[Model]
    parent_field: str
    order_by: tuple[str, ...] = ("id",)


def _models_along(model: type[Model], path: str) -> list[type[Model]]:
    """``model`` and the model each foreign key of ``path`` (``a__b``) leads to."""
    found = [model]
    for name in path.split("__"):
        found.append(found[-1]._meta.fields_map[name].related_model)  # type: ignore[attr-defined]
    return found


class Loaders:
    """The dataloaders of one request, created on first use."""

    def __init__(self, viewer: Viewer | None) -> None:
        self.viewer = viewer
        self._by_id: dict[type[Model], DataLoader[int, Any]] = {}
        self._children: dict[tuple[type[Model], str, tuple[str, ...]], DataLoader[int, Any]] = {}
        self._counts: dict[tuple[type[Model], str], DataLoader[int, int]] = {}
        self._latest: dict[tuple[type[Model], str], DataLoader[int, Any]] = {}
        self._named: dict[str, DataLoader[Any, Any]] = {}

    def named(
        self, name: str, load: Callable[[list[Any]], Awaitable[Sequence[Any]]]
    ) -> DataLoader[Any, Any]:
        """A loader of this request for lookups that are not rows by a key (e.g. the form
        definitions a requirement was written against); ``load`` batches the keys.
        Keys must be hashable; the caller applies any scope itself."""
        loader = self._named.get(name)
        if loader is None:
            loader = DataLoader(load_fn=load)
            self._named[name] = loader
        return loader

    def by_id(self, model: type[M]) -> DataLoader[int, M | None]:
        """Rows of ``model`` by primary key; ``None`` for missing or out-of-scope rows."""
        loader = self._by_id.get(model)
        if loader is None:

            async def load(ids: list[int]) -> Sequence[M | None]:
                rows = await self._joined(model, self._visible(model).filter(id__in=ids))
                found = {row.pk: row for row in rows}
                return [found.get(pk) for pk in ids]

            loader = DataLoader(load_fn=load)
            self._by_id[model] = loader
        return loader

    def children(
        self, model: type[M], parent_field: str, order_by: tuple[str, ...] = ("id",)
    ) -> DataLoader[int, list[M]]:
        """Rows of ``model`` grouped by the value of ``parent_field`` (a foreign-key id)."""
        key = (model, parent_field, order_by)
        loader = self._children.get(key)
        if loader is None:

            async def load(parent_ids: list[int]) -> Sequence[list[M]]:
                rows = await self._joined(
                    model,
                    self._visible(model)
                    .filter(**{f"{parent_field}__in": parent_ids})
                    .order_by(*order_by),
                )
                grouped: dict[int, list[M]] = defaultdict(list)
                for row in rows:
                    grouped[getattr(row, parent_field)].append(row)
                return [grouped.get(pk, []) for pk in parent_ids]

            loader = DataLoader(load_fn=load)
            self._children[key] = loader
        return loader

    def counts(self, model: type[Model], parent_field: str) -> DataLoader[int, int]:
        """How many ``model`` rows each parent has: one ``GROUP BY`` for the whole page."""
        key = (model, parent_field)
        loader = self._counts.get(key)
        if loader is None:

            async def load(parent_ids: list[int]) -> Sequence[int]:
                rows = (
                    await self._visible(model)
                    .filter(**{f"{parent_field}__in": parent_ids})
                    .group_by(parent_field)
                    .annotate(rows=Count("id"))
                    .values_list(parent_field, "rows")
                )
                found = dict(rows)
                return [found.get(pk, 0) for pk in parent_ids]

            loader = DataLoader(load_fn=load)
            self._counts[key] = loader
        return loader

    def latest(self, model: type[M], parent_field: str) -> DataLoader[int, M | None]:
        """Each parent's newest ``model`` row (the highest id), in one statement.

        The highest id is the newest because rows of one parent are written under the
        parent's row lock (progress reports lock their task), so ids follow time there.
        """
        key = (model, parent_field)
        loader = self._latest.get(key)
        if loader is None:

            async def load(parent_ids: list[int]) -> Sequence[M | None]:
                newest = (
                    model.filter(**{f"{parent_field}__in": parent_ids})
                    .group_by(parent_field)
                    .annotate(newest=Max("id"))
                    .values("newest")
                )
                rows = await self._visible(model).filter(id__in=Subquery(newest))
                found = {getattr(row, parent_field): row for row in rows}
                return [found.get(pk) for pk in parent_ids]

            loader = DataLoader(load_fn=load)
            self._latest[key] = loader
        return loader

    async def with_children(
        self,
        parents: QuerySet[M],
        order_by: tuple[str, ...],
        lists: Sequence[ChildList],
    ) -> list[M]:
        """The rows of ``parents`` (ordered by ``order_by``) and, in the same statement,
        each of their child ``lists`` as :meth:`children` reads them (in the viewer's scope,
        with the :data:`JOINED` relations the viewer reads whole), primed into those
        loaders: a root list with its lists costs one statement, not one per list.
        ``parents`` carries its own scope (the root's use case builds it)."""
        ids = Subquery(parents.values("id"))
        queries = [(0, parents.values_list("id"))]
        lookups = [union_rows.by_kind("p", parents.model, [0])]
        named_by: dict[int, list[tuple[str, type[Model]]]] = defaultdict(list)
        for n, child in enumerate(lists, start=1):
            rows = self._visible(child.model).filter(**{f"{child.parent_field}__in": ids})
            queries.append((n, rows.values_list("id")))
            lookups.append(union_rows.by_kind(f"c{n}", child.model, [n]))
            for path in JOINED.get(child.model, ()):
                if self._whole(child.model, path):
                    hops = union_rows.follow(f"c{n}", child.model, path)
                    lookups += [union_rows.by_key(a, m, key) for a, m, key in hops]
                    named_by[n] += [(alias, target) for alias, target, _ in hops]
        union_sql, params = union_rows.union(queries, 1)
        sql = union_rows.joined(union_sql, 1, lookups)
        _, rows = await get_connection(current_connection()).execute_query(sql, params)
        found: dict[int, list[Any]] = defaultdict(list)
        for row in rows:
            kind = int(row["k"])
            model = parents.model if kind == 0 else lists[kind - 1].model
            found[kind].append(union_rows.instance(model, "p" if kind == 0 else f"c{kind}", row))
            for alias, target in named_by[kind]:
                named = union_rows.instance(target, alias, row)
                if named is not None:
                    self.by_id(target).prime(named.pk, named)
        dialect = parents.model._meta.db.capabilities.dialect
        result: list[M] = union_rows.in_database_order(found[0], order_by, dialect)
        for n, child in enumerate(lists, start=1):
            grouped: dict[int, list[Any]] = {row.pk: [] for row in result}
            for row in union_rows.in_database_order(found[n], child.order_by, dialect):
                grouped.setdefault(getattr(row, child.parent_field), []).append(row)
            self.children(child.model, child.parent_field, child.order_by).prime_many(grouped)
        return result

    async def _joined(self, model: type[M], rows: Any) -> list[M]:
        """``rows`` read with their :data:`JOINED` relations that the viewer reads whole;
        the related rows found are primed into their by-id loaders (a relation to a table
        the viewer reads only in part keeps its own scoped statement)."""
        paths = [path for path in JOINED.get(model, ()) if self._whole(model, path)]
        found: list[M] = list(await rows.select_related(*paths))
        for path in paths:
            names = path.split("__")
            for depth, target in enumerate(_models_along(model, path)[1:], start=1):
                related = {}
                for row in found:
                    obj: Any = row
                    for name in names[:depth]:
                        obj = obj and getattr(obj, f"_{name}", None)
                    if obj is not None:
                        related[obj.pk] = obj
                self.by_id(target).prime_many(related)
        return found

    def prime_read(self, rows: Sequence[Model]) -> None:
        """Rows a use case read in its own statement, primed into their by-id loaders
        where the viewer reads their table whole (as :data:`JOINED` relations are), so
        the fields that name them cost no statement; the others keep their scoped read."""
        for row in rows:
            model = type(row)
            if self.viewer is not None and scope_of(model, self.viewer) is None:
                self.by_id(model).prime(row.pk, row)

    def _whole(self, model: type[Model], path: str) -> bool:
        """Whether the viewer reads every row of each table along ``path`` from ``model``."""
        viewer = self.viewer
        return viewer is not None and all(
            scope_of(target, viewer) is None for target in _models_along(model, path)[1:]
        )

    def _visible(self, model: type[M]) -> Any:
        if self.viewer is None:
            return model.filter(id__in=[])
        return scoped(model, self.viewer)
