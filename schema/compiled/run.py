"""Answering a planned request with one SQL statement and no field resolvers.

The generic executor spends ~25 ms of Python per page of 50 tasks completing ~700 fields
(STACK-NOTES "What made a strawberry server fast"). Here PostgreSQL builds each node's
JSON and the response is assembled around those texts, so a request costs its parsing,
the viewer's token lookup and one statement (``totalCount`` included; a document of several
roots sends their statements as one, ``statements.together``). A viewer with a
scope needs the ids of their requirements: kept from an earlier request and proven current
by a guard the statement selects beside its rows, or read first
(``resolvers/access/participation.py``); a false guard reads them and runs the statement
again.

Only the happy path is served: whenever the arguments do not coerce, the page size or the
cursor is refused, an object asked for is not there, or anything else goes wrong,
:meth:`CompiledQueries.respond` returns ``None`` and the generic executor answers the
request, with its errors and codes. The rows read are those of the generic resolver
(``schema/compiled/roots.py`` and ``schema.pagination.page_query`` build the same
queryset), so scope and filters are defined once.
"""

from __future__ import annotations

import asyncio
import logging
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import orjson
import strawberry
from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.connection import get_connection
from tortoise.models import Model

from core.replica import current_connection
from core.settings import Settings
from resolvers.access.auth import Viewer
from resolvers.access.participation import Kept, forget, read_ahead
from resolvers.errors import DomainError
from resolvers.keyset import Ordering
from schema.compiled.arguments import RootArguments
from schema.compiled.body import body, page_value, selects
from schema.compiled.conditions import NONE, Conditions, conditions_of
from schema.compiled.fields import SOURCES
from schema.compiled.finish import finished, finishes
from schema.compiled.plan import ObjectPlan, Plan, Planner
from schema.compiled.roots import connection_rows, node_target, object_rows
from schema.compiled.scope import Scopes, marked, needs_participation
from schema.compiled.sql import NOW, TooWide, node_sql
from schema.compiled.statements import (
    Root,
    at_now,
    columns_of,
    guarded,
    list_statement,
    object_statement,
    page_statement,
    together,
)
from schema.limits import Limits, timeout_error
from schema.pagination import NEWEST_FIRST, page_query

log = logging.getLogger("crossflow.compiled")


def _finishing(plan: ObjectPlan) -> ObjectPlan | None:
    return plan if finishes(plan) else None


def _finished_row(row: Any, plan: ObjectPlan) -> Any:
    """A row whose node has its custom values written out (a row without a node, the
    empty page's count, as it is)."""
    if row["node"] is None:
        return row
    return {**dict(row), "node": finished(row["node"], plan)}


#: A document's text, operation name and the values of its ``@include``/``@skip`` conditions
_Key = tuple[str, str | None, tuple[bool, ...]]


@dataclass(frozen=True)
class _Compiled:
    plan: Plan
    node: str | None
    uses_now: bool
    #: The models of the nested levels whose scope the viewer decides
    nested: tuple[type[Model], ...]
    #: The document's text, operation name and condition values (its statements are kept
    #: under it)
    key: _Key
    #: ``node(id)``: the compiled form for each type it serves (the id names one)
    by_type: dict[str, _Compiled] = field(default_factory=dict)
    #: The node's plan when it has custom values to finish in Python (``custom_fields.py``)
    finish: ObjectPlan | None = None


@dataclass(frozen=True)
class _Statement:
    """A request's statement (with :data:`NOW` still in it) and how to read its rows."""

    sql: str
    params: list[Any]
    order: Ordering
    size: int


class CompiledQueries:
    """The compiled path of one schema (PostgreSQL only)."""

    def __init__(self, schema: strawberry.Schema, settings: Settings, size: int = 512) -> None:
        self.schema = schema
        self.limits = Limits.of(settings)
        self.planner = Planner(schema._schema, self.limits)
        self.size = size
        self._compiled: OrderedDict[_Key, tuple[_Compiled, ...] | None] = OrderedDict()
        self._conditions: OrderedDict[tuple[str, str | None], Conditions] = OrderedDict()
        self._statements: OrderedDict[tuple[Any, ...], _Statement] = OrderedDict()
        self.arguments = RootArguments(schema, size)

    def compiled(
        self, query: str, operation_name: str | None, variables: dict[str, Any] | None
    ) -> tuple[_Compiled, ...] | None:
        """The compiled form of each of a document's roots for the request's values of its
        ``@include``/``@skip`` conditions, ``None`` when it is not one the path serves."""
        conditions: Conditions = NONE
        values: tuple[bool, ...] = ()
        if "@" in query:  # only then can it have conditions (most documents have none)
            conditions = self._conditions_of(query, operation_name)
            found = conditions.values(variables)
            if found is None:
                return None
            values = found
        key = (query, operation_name, values)
        if key in self._compiled:
            self._compiled.move_to_end(key)
            return self._compiled[key]
        compiled = self._compile(key, conditions)
        self._compiled[key] = compiled
        if len(self._compiled) > self.size:
            self._compiled.popitem(last=False)
        return compiled

    def _conditions_of(self, query: str, operation_name: str | None) -> Conditions:
        key = (query, operation_name)
        if key not in self._conditions:
            self._conditions[key] = conditions_of(query, operation_name)
            if len(self._conditions) > self.size:
                self._conditions.popitem(last=False)
        return self._conditions[key]

    def _compile(self, key: _Key, conditions: Conditions) -> tuple[_Compiled, ...] | None:
        plans = self.planner.plan(*key[:2], conditions, key[2])
        if plans is None:
            return None
        roots = []
        for plan in plans:
            root = self._compile_root(plan, key)
            if root is None:
                return None  # a document is compiled whole or not at all
            roots.append(root)
        return tuple(roots)

    def _compile_root(self, plan: Plan, key: _Key) -> _Compiled | None:
        if plan.by_type:
            by_type = {}
            for type_name, served in plan.by_type.items():
                try:
                    sql = node_sql(served)
                except TooWide:
                    continue
                # the row's own scope counts like a nested level's (read ahead if it needs)
                models = (*marked(sql), SOURCES[type_name].model)
                by_type[type_name] = _Compiled(
                    plan, sql, NOW in sql, models, key, finish=_finishing(served)
                )
            return _Compiled(plan, None, False, (), key, by_type) if by_type else None
        selection = plan.single or (plan.edges.node if plan.edges else None)
        try:
            node = node_sql(selection) if selection else None
        except TooWide:
            return None
        nested = marked(node) if node is not None else ()
        uses_now = node is not None and NOW in node
        finish = _finishing(selection) if selection is not None else None
        return _Compiled(plan, node, uses_now, nested, key, finish=finish)

    async def respond(
        self, compiled: tuple[_Compiled, ...], variables: dict[str, Any] | None, viewer: Viewer
    ) -> bytes | None:
        """The response body, or ``None`` when the generic executor should answer."""
        roots: list[tuple[_Compiled, dict[str, Any]]] = []
        for root in compiled:
            arguments = self.arguments.of(root.plan, variables)
            if arguments is None:
                return None  # the generic executor words the refusal
            if root.by_type:  # node(id): the id's type, if it is one served
                target = node_target(arguments["id"])
                if target is None or target[0] not in root.by_type:
                    return None
                root = root.by_type[target[0]]
            roots.append((root, arguments))
        if not self.planner.within_cost(compiled[0].plan, variables):
            return None
        kept = None
        if any(_scoped(root, viewer) for root, _ in roots):
            viewer, kept = await read_ahead(viewer)
        try:
            async with asyncio.timeout(self.limits.timeout_seconds):
                try:
                    return await self._answer(roots, viewer, kept)
                except _Stale:  # a participation change since the ids were kept
                    forget(viewer)
                    unread = replace(viewer, requirement_ids=None, mentioned=None)
                    viewer, _ = await read_ahead(unread)
                    return await self._answer(roots, viewer, None)
        except DomainError:
            return None
        except TimeoutError:
            return _timeout(self.limits.timeout_seconds)

    async def _answer(
        self, roots: list[tuple[_Compiled, dict[str, Any]]], viewer: Viewer, kept: Kept | None
    ) -> bytes | None:
        """The body from one statement; :class:`_Stale` when ``kept`` ids proved outdated."""
        statements = [await self._statement(root, viewer, arguments) for root, arguments in roots]
        texts = [
            at_now(statement.sql) if root.uses_now else statement.sql
            for (root, _), statement in zip(roots, statements, strict=True)
        ]
        connection = get_connection(current_connection())
        if len(roots) == 1:
            sql = texts[0] if kept is None else kept.guarding(texts[0], guarded)
            _, found = await connection.execute_query(sql, statements[0].params)
            if kept is not None and not await _current(connection, found, kept, roots[0][0].plan):
                raise _Stale
            read: list[Sequence[Any]] = [found]
        else:
            parts: list[Root] = [
                (text, statement.params, columns_of(root.plan), _page_order(root, statement))
                for (root, _), text, statement in zip(roots, texts, statements, strict=True)
            ]
            sql, params = together(parts, kept.guard if kept is not None else None)
            _, (row,) = await connection.execute_query(sql, params)
            if kept is not None and not row["fresh"]:
                raise _Stale
            read = [
                [dict(zip(columns, values, strict=True)) for values in row[f"r{n}"] or ()]
                for n, (_, _, columns, _) in enumerate(parts)
            ]
        answered = []
        for (root, arguments), statement, found in zip(roots, statements, read, strict=True):
            value = _value(root, statement, arguments, found)
            if value is None:
                return None  # NOT_FOUND is the generic executor's to word
            answered.append((root.plan.root_key, value))
        return body(answered)

    async def _statement(
        self, compiled: _Compiled, viewer: Viewer, arguments: dict[str, Any]
    ) -> _Statement:
        """The request's statement.

        Rendering the resolver's queryset through Tortoise cost about half of a request's
        Python; the text depends only on the document, the viewer (their read-ahead ids
        included) and the page's arguments, so a statement whose only parameters are the
        ones these leave open (none for a page, the code for one object) is kept and reused.
        """
        key = _reuse_key(compiled, viewer, arguments)
        if key is not None and (kept := self._statements.get(key)) is not None:
            self._statements.move_to_end(key)
            params = _open_params(compiled, arguments)
            return _Statement(kept.sql, params, kept.order, kept.size)
        plan, node = compiled.plan, compiled.node
        if node is not None and compiled.nested:
            node = Scopes(viewer).apply(node)
        root = plan.root_field.name.value
        if plan.root.connection:
            rows, order = await connection_rows(root, viewer, arguments)
            page, size = page_query(rows, arguments.get("first"), arguments.get("after"), order)
            counted = rows if selects(plan, "totalCount") else None
            statement = _Statement(*page_statement(page, order, node, counted), order, size)
            open_params: list[Any] = []
        else:
            assert node is not None
            rows, order, size = object_rows(root, viewer, arguments), NEWEST_FIRST, 0
            built = list_statement if plan.root.many else object_statement
            statement = _Statement(*built(rows, node), order, size)
            open_params = _open_params(compiled, arguments)
        if key is not None and statement.params == open_params and len(statement.sql) < _KEPT_SIZE:
            self._statements[key] = statement
            if len(self._statements) > _KEPT_STATEMENTS:
                self._statements.popitem(last=False)
        return statement


#: Statements kept for reuse, and the longest kept (a head's page carries their ~1,800 ids two
#: or three times, ~10 kB each).
_KEPT_STATEMENTS = 256
_KEPT_SIZE = 64_000


#: Arguments whose statements are not kept (any value but null)
_NOT_KEPT = ("filter", "search")


def _reuse_key(
    compiled: _Compiled, viewer: Viewer, arguments: dict[str, Any]
) -> tuple[Any, ...] | None:
    """What a statement's text depends on, ``None`` when it is not kept: with a filter or
    a search, or when the scope names the clock (a viewer whose ids were not read ahead)."""
    if any(arguments.get(name) is not None for name in _NOT_KEPT):
        return None
    if _scoped(compiled, viewer) and viewer.requirement_ids is None:
        return None  # (with_participation read them unless the viewer reads everything)
    order = arguments.get("order_by")
    order_key = None if order is None else (order.field, order.direction)
    root = compiled.plan.root_key  # two roots of one document do not share a statement
    if not compiled.plan.root.connection:
        return (compiled.key, root, viewer, arguments.get("id"))
    page = (arguments.get("first"), arguments.get("after"), arguments.get("unread_only"))
    return (compiled.key, root, viewer, *page, order_key)


def _open_params(compiled: _Compiled, arguments: dict[str, Any]) -> list[Any]:
    """A kept statement's parameters: the code of ``task(code)``/``requirement(code)``
    (a page's integers and ``node``'s key are written in)."""
    return [arguments["code"]] if "code" in arguments else []


def _scoped(compiled: _Compiled, viewer: Viewer) -> bool:
    """Whether the viewer's requirement ids enter the statement (the root's rows or a
    nested level's scope)."""
    if viewer.reads_everything:
        return False
    return compiled.plan.root.scoped or needs_participation(compiled.nested, viewer)


class _Stale(Exception):
    """The viewer's kept requirement ids are outdated: the statement's guard was false."""


async def _current(
    connection: BaseDBAsyncClient, found: Sequence[Any], kept: Kept, plan: Plan
) -> bool:
    """Whether the statement's guard held; an empty page shows none, so it is asked alone
    (an object not found goes to the generic executor either way)."""
    if found:
        return bool(found[0]["fresh"])
    if not plan.root.connection:
        return True
    _, rows = await connection.execute_query(f"SELECT {kept.guard}")
    return bool(rows[0][0])


def _timeout(seconds: float) -> bytes:
    error = timeout_error(seconds).formatted
    return orjson.dumps({"data": None, "errors": [error]})


def _value(
    compiled: _Compiled, statement: _Statement, arguments: dict[str, Any], found: Sequence[Any]
) -> str | None:
    """The root's JSON text from its statement's rows; ``None`` for an object not found."""
    plan = compiled.plan
    if compiled.finish is not None:
        found = [_finished_row(row, compiled.finish) for row in found]
    if not plan.root.connection:
        if not found:
            return "null" if plan.root.nullable else None
        return str(found[0]["node"])
    total = None
    if selects(plan, "totalCount"):  # each row carries it; an empty page one null row
        total = found[0]["total"]
        found = [row for row in found if row["id"] is not None]
    after = arguments.get("after")
    return page_value(plan, found, statement.size, statement.order, after, total)


def _page_order(compiled: _Compiled, statement: _Statement) -> Ordering | None:
    return statement.order if compiled.plan.root.connection else None
