"""A saved report's result as a typed table: its columns come from the document, not the data.

A saved report's CSV or XLSX holds the first list of its result (a Relay connection counts
as the list of its nodes), one row per item, nested objects as dotted columns
(``department.code``) and nested lists as JSON text. The columns and their types are read
from the saved document against the schema, so

- a result with no rows still has its header row (a BI tool maps columns before it sees
  data, and an empty month is not a broken file), and
- each value gets its schema type back from its JSON text: ``DateTime`` an instant, ``Date``
  a date, ``Int`` and ``Float`` numbers, ``Decimal`` a decimal; ``core/tabular.py``
  then writes each as its reader expects.

Without any list in the result, the whole result is one row.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Literal

from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLList,
    GraphQLNamedType,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLSchema,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
    get_named_type,
    get_nullable_type,
    parse,
)

from core.tabular import Table

Kind = Literal["datetime", "date", "int", "float", "decimal", "bool", "json", "text"]
#: Scalars whose JSON text is turned back into a typed value.
SCALAR_KINDS: dict[str, Kind] = {
    "DateTime": "datetime",
    "Date": "date",
    "Int": "int",
    "Float": "float",
    "Decimal": "decimal",
    "Boolean": "bool",
    "JSON": "json",
}


@dataclass(frozen=True)
class Column:
    """A dotted column (response keys below the item) and the kind of its values."""

    name: str
    kind: Kind


@dataclass(frozen=True)
class Shape:
    """Where the rows are in a result and which columns they have.

    ``path`` holds the response keys from ``data`` to the list; ``node`` is the key of the
    node inside each edge when the list is a connection's ``edges``.
    """

    path: tuple[str, ...]
    node: str | None
    columns: tuple[Column, ...]


def shape_of(schema: GraphQLSchema, document: str) -> Shape:
    """The table shape of a saved document (checked valid when it was saved)."""
    parsed = parse(document)
    fragments = {
        d.name.value: d for d in parsed.definitions if isinstance(d, FragmentDefinitionNode)
    }
    operation = next(d for d in parsed.definitions if isinstance(d, OperationDefinitionNode))
    query = schema.query_type
    assert query is not None
    walker = _Walker(fragments)
    found = walker.find_list(operation.selection_set, query, ())
    if found is not None:
        return found
    return Shape((), None, tuple(walker.columns(operation.selection_set, query, "")))


def table_of(shape: Shape, data: Any) -> Table:
    """The rows of a result as typed values, with the shape's columns."""
    items: Any = data
    for key in shape.path:
        items = items.get(key) if isinstance(items, dict) else None
    if not shape.path:
        items = [data] if data is not None else []
    rows = []
    for item in items if isinstance(items, list) else []:
        source = item.get(shape.node) if shape.node and isinstance(item, dict) else item
        rows.append({c.name: _typed(_at(source, c.name), c.kind) for c in shape.columns})
    return Table([c.name for c in shape.columns], rows)


class _Walker:
    """Walks a selection with its schema types, fragments inlined."""

    def __init__(self, fragments: dict[str, FragmentDefinitionNode]) -> None:
        self.fragments = fragments

    def fields(self, selection: SelectionSetNode) -> Iterator[FieldNode]:
        for item in selection.selections:
            if isinstance(item, FieldNode):
                yield item
            elif isinstance(item, InlineFragmentNode):
                yield from self.fields(item.selection_set)
            elif isinstance(item, FragmentSpreadNode):
                yield from self.fields(self.fragments[item.name.value].selection_set)

    def find_list(
        self, selection: SelectionSetNode, parent: GraphQLObjectType, path: tuple[str, ...]
    ) -> Shape | None:
        """The first list below ``selection`` in response order, depth first."""
        for node in self.fields(selection):
            field_type = _field_type(parent, node)
            key = node.alias.value if node.alias else node.name.value
            nullable = get_nullable_type(field_type) if field_type is not None else None
            item_type = get_named_type(field_type) if field_type is not None else None
            if isinstance(nullable, GraphQLList):
                return self.list_shape(node, item_type, (*path, key))
            if isinstance(item_type, GraphQLObjectType) and node.selection_set is not None:
                found = self.find_list(node.selection_set, item_type, (*path, key))
                if found is not None:
                    return found
        return None

    def list_shape(
        self, node: FieldNode, item_type: GraphQLNamedType | None, path: tuple[str, ...]
    ) -> Shape:
        if not isinstance(item_type, GraphQLObjectType) or node.selection_set is None:
            return Shape(path, None, (Column("value", _kind(item_type)),))
        if node.name.value == "edges":  # a connection: one row per node
            for child in self.fields(node.selection_set):
                node_type = get_named_type(_field_type(item_type, child))
                if (
                    child.name.value == "node"
                    and isinstance(node_type, GraphQLObjectType)
                    and child.selection_set is not None
                ):
                    key = child.alias.value if child.alias else "node"
                    columns = self.columns(child.selection_set, node_type, "")
                    return Shape(path, key, tuple(columns))
        return Shape(path, None, tuple(self.columns(node.selection_set, item_type, "")))

    def columns(
        self, selection: SelectionSetNode, parent: GraphQLObjectType, prefix: str
    ) -> list[Column]:
        """One column per selected leaf; nested objects dotted, nested lists as JSON."""
        found: dict[str, Column] = {}
        for node in self.fields(selection):
            key = node.alias.value if node.alias else node.name.value
            name = f"{prefix}{key}"
            field_type = _field_type(parent, node)
            named = get_named_type(field_type) if field_type is not None else None
            if field_type is not None and isinstance(get_nullable_type(field_type), GraphQLList):
                found[name] = Column(name, "json")
            elif isinstance(named, GraphQLObjectType) and node.selection_set is not None:
                for column in self.columns(node.selection_set, named, f"{name}."):
                    found.setdefault(column.name, column)
            else:
                found.setdefault(name, Column(name, _kind(named)))
        return list(found.values())


def _field_type(parent: GraphQLObjectType, node: FieldNode) -> GraphQLOutputType | None:
    """The schema type of a selected field; ``None`` for ``__typename`` (and for a field of
    a fragment on another type, which reads as text)."""
    field = parent.fields.get(node.name.value)
    return field.type if field is not None else None


def _kind(named: GraphQLNamedType | None) -> Kind:
    return SCALAR_KINDS.get(named.name, "text") if named is not None else "text"


def _at(item: Any, dotted: str) -> Any:
    for key in dotted.split("."):
        if not isinstance(item, dict):
            return None
        item = item.get(key)
    return item


def _typed(value: Any, kind: Kind) -> Any:
    """A JSON value back in its schema type (``None`` stays ``None``)."""
    if value is None:
        return None
    if kind == "datetime":
        return datetime.fromisoformat(value)
    if kind == "date":
        return date.fromisoformat(value)
    if kind == "decimal":
        return Decimal(str(value))
    if kind == "json" or isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return value
