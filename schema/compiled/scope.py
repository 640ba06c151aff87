"""The object-level scope of a nested level as SQL, from the one definition of both paths.

The generic executor's dataloaders filter every nested level with ``scoped(model, viewer)``
(``resolvers/access/scope.py``). The compiled statement asks the same question of each row
it builds: ``EXISTS (SELECT "id" FROM <table> WHERE <that scope> AND "id" = <the row>)``,
the scope rendered by Tortoise from the same ``scope_of`` rule, so the two paths cannot
drift apart. Its values are ids read from the database, the viewer's own keys and the
clock, written into the text as literals (:func:`_literal`; no client input reaches it),
so the node's SQL needs no parameters of its own.

With the viewer's requirement ids read ahead, a level whose scope admits every row of
those requirements (``participant_column``) asks its own requirement column first,
``(row."requirement_id" IN (…) OR EXISTS (the rest of the scope))``: PostgreSQL keeps the
self-join of the ``EXISTS`` (one index probe per nested row) and the ``OR`` stops before it
for the rows of the viewer's requirements. For a viewer read ahead as mentioned nowhere the
rest of such a scope admits nothing and is left out; a child count under a requirement that
is not the viewer's asks only that rest (:func:`besides_marker`).

A node's SQL is built once per document with a marker where each scope goes
(:func:`marker`); a request replaces the markers with its viewer's conditions
(:class:`Scopes`), or with ``TRUE`` when the viewer reads every row of that model.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from dataclasses import replace
from datetime import date, datetime
from enum import Enum
from typing import Any

from tortoise.models import Model

from core.queries import PLACEHOLDER, id_text
from models import Requirement
from resolvers.access.auth import Viewer
from resolvers.access.scope import participant_column, scope_of
from schema.compiled.fields import SOURCES

#: An id no table reaches, replaced by the row's column once rendered.
_SENTINEL = "7319000000001"
#: Where the row's alias goes in a condition on one of its own columns.
_ALIAS = "\x00alias\x00"
_MEMBER = re.compile(r":member:(\w+):")
_MARKER = re.compile(r":(scope|besides):(\w+):(\w+):")
_MODELS: dict[str, type[Model]] = {source.table: source.model for source in SOURCES.values()}
#: Rendered conditions by (kind of marker, table, viewer), the most recently used kept.
_TEMPLATES: OrderedDict[tuple[str, str, Viewer], str | None] = OrderedDict()
_KEPT = 64


def _widened_requirements(viewer: Viewer) -> bool:
    """Whether the viewer's scope of requirements admits any besides their own."""
    shortcut = participant_column(Requirement, viewer)
    return shortcut is None or shortcut[1]


def marker(model: type[Model], alias: str) -> str:
    """Where the condition "the row ``alias`` of ``model`` is in scope" goes."""
    _MODELS.setdefault(str(model._meta.db_table), model)
    return f":scope:{model._meta.db_table}:{alias}:"


def besides_marker(model: type[Model], alias: str) -> str:
    """Where the scope of the row ``alias`` of ``model`` goes when its requirement is known
    not to be one of the viewer's read-ahead requirements: only what the rule admits
    besides them (their @mentions), or the whole scope when no ids were read ahead."""
    _MODELS.setdefault(str(model._meta.db_table), model)
    return f":besides:{model._meta.db_table}:{alias}:"


def member(alias: str) -> str:
    """Where the condition "the requirement row ``alias`` is one of the viewer's read-ahead
    requirements" goes (``FALSE`` when none were read ahead, ``TRUE`` for a viewer who
    reads everything or who is mentioned nowhere: each requirement row of a statement is in
    the viewer's scope, which then holds their own requirements alone)."""
    return f":member:{alias}:"


def marked(sql: str) -> tuple[type[Model], ...]:
    """The models of the levels of ``sql`` whose scope the viewer decides."""
    return tuple(_MODELS[table] for table in sorted({m.group(2) for m in _MARKER.finditer(sql)}))


def needs_participation(models: tuple[type[Model], ...], viewer: Viewer) -> bool:
    """Whether the viewer's scope of any of ``models`` is more than "every row" (directory
    data costs no read of the viewer's requirement ids).

    Asked before the ids are read: a rule is "every row" for a viewer or not whatever their
    ids (only those who read everything have no participation condition), so it is asked
    with none, which spares building the participation subquery (~0.15 ms) to discard it.
    """
    if viewer.requirement_ids is None:
        viewer = replace(viewer, requirement_ids=(), mentioned=False)
    return any(scope_of(model, viewer) is not None for model in models)


class Scopes:
    """The scope conditions of one viewer, each model's rendered once."""

    def __init__(self, viewer: Viewer) -> None:
        self.viewer = viewer
        self._rendered: dict[tuple[str, str], str | None] = {}

    def apply(self, sql: str) -> str:
        """``sql`` with every marker replaced by this viewer's condition."""
        return _MARKER.sub(self._condition, _MEMBER.sub(self._member, sql))

    def _member(self, match: re.Match[str]) -> str:
        ids = self.viewer.requirement_ids
        if self.viewer.reads_everything:
            return "TRUE"
        if not ids:
            return "FALSE"
        if not _widened_requirements(self.viewer):
            # every requirement row of the statement passed a scope that admits the
            # viewer's own requirements and nothing else
            return "TRUE"
        return f'{match.group(1)}."id" IN {id_text(ids)}'

    def _condition(self, match: re.Match[str]) -> str:
        kind, table, alias = match.group(1), match.group(2), match.group(3)
        if (kind, table) not in self._rendered:
            self._rendered[kind, table] = self._template(kind, table)
        template = self._rendered[kind, table]
        if template is None:
            return "TRUE"
        return template.replace(_SENTINEL, f'{alias}."id"').replace(_ALIAS, alias)

    def _template(self, kind: str, table: str) -> str | None:
        """The rendered condition, kept across requests when it depends on the viewer alone.

        With the viewer's requirement ids read ahead (or no scope at all) a rule is a pure
        function of the viewer; rendering thousands of ids through Tortoise cost a
        department head's request about a millisecond. The participation subquery of a
        viewer without read-ahead ids names the clock (delegations), so it is rendered
        each time.
        """
        render = self._besides if kind == "besides" else self._render
        if self.viewer.requirement_ids is None and not self.viewer.reads_everything:
            return render(_MODELS[table])
        key = (kind, table, self.viewer)
        if key in _TEMPLATES:
            _TEMPLATES.move_to_end(key)
            return _TEMPLATES[key]
        template = _TEMPLATES[key] = render(_MODELS[table])
        if len(_TEMPLATES) > _KEPT:
            _TEMPLATES.popitem(last=False)
        return template

    def _render(self, model: type[Model]) -> str | None:
        ids = self.viewer.requirement_ids
        shortcut = participant_column(model, self.viewer) if ids is not None else None
        if shortcut is None:
            return self._exists(model, self.viewer)
        column, widened = shortcut
        listed = f'{_ALIAS}."{column}" IN {id_text(ids)}' if ids else "FALSE"
        besides = self._rest(model) if widened else None
        return f"({listed} OR {besides})" if besides is not None else listed

    def _besides(self, model: type[Model]) -> str | None:
        """The scope of a row whose requirement is not one of the viewer's read-ahead ones:
        the part of the rule that names those ids is false there."""
        shortcut = participant_column(model, self.viewer)
        if self.viewer.requirement_ids is None or shortcut is None:
            return self._render(model)
        return self._rest(model) if shortcut[1] else "FALSE"

    def _rest(self, model: type[Model]) -> str | None:
        """The rows the rule admits besides the viewer's requirements (their @mentions)."""
        return self._exists(model, replace(self.viewer, requirement_ids=()))

    @staticmethod
    def _exists(model: type[Model], viewer: Viewer) -> str | None:
        """``EXISTS`` (the row under :data:`_SENTINEL` is in ``viewer``'s scope of ``model``)."""
        condition = scope_of(model, viewer)
        if condition is None:
            return None
        queryset = model.filter(condition).filter(id=int(_SENTINEL)).values("id")
        queryset._choose_db_if_not_chosen()
        queryset._make_query()
        queryset.query._orderbys = []  # a model's default ordering means nothing here
        parameterized, values = queryset.query.get_parameterized_sql()
        rendered = PLACEHOLDER.sub(lambda m: _literal(values[int(m.group(1)) - 1]), parameterized)
        assert rendered.count(_SENTINEL) == 1, rendered
        return f"EXISTS ({rendered})"


def _literal(value: Any) -> str:
    """A scope's value as an SQL literal: ints, instants, dates, enums and plain text."""
    if isinstance(value, Enum):
        value = value.value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, datetime):
        return f"'{value.isoformat()}'::timestamptz"
    if isinstance(value, date):
        return f"'{value.isoformat()}'::date"
    if isinstance(value, str):
        return "'" + value.replace("'", "''") + "'"
    raise TypeError(f"no literal for a {type(value).__name__} in a scope")
