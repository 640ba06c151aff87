"""How many nodes an operation may return, estimated before it runs (GitHub's node limit).

Depth, token and alias limits bound the size of the *document*; they do not bound the
*result*: ``requirements(first: 100) { edges { node { tasks { comments { mentions } } } } }``
is short and shallow, yet may return hundreds of thousands of objects. So, like GitHub's
GraphQL API, every list field counts the nodes it may return: its ``first`` (20 when
absent, at most 100) times the sizes of every list above it; a plain list without
``first`` (a requirement's tasks, a task's comments) counts as 20. The sum over all list
fields is the estimate; introspection fields are not counted (they are bounded by the
schema, and off in production).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLField,
    GraphQLInterfaceType,
    GraphQLList,
    GraphQLNamedType,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLSchema,
    GraphQLUnionType,
    InlineFragmentNode,
    IntValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    VariableNode,
    get_named_type,
    get_operation_ast,
    value_from_ast_untyped,
)

from schema.pagination import DEFAULT_PAGE, MAX_PAGE

#: What a list without ``first`` is assumed to hold.
LIST_ESTIMATE = DEFAULT_PAGE


@dataclass
class _Walk:
    schema: GraphQLSchema
    fragments: Mapping[str, FragmentDefinitionNode]
    variables: Mapping[str, Any]


def estimate_cost(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation_name: str | None = None,
    variables: Mapping[str, Any] | None = None,
) -> int:
    """The estimated number of nodes the operation returns (0 when nothing is a list)."""
    operation = get_operation_ast(document, operation_name)
    if operation is None:
        return 0
    root = schema.get_root_type(operation.operation)
    if root is None:
        return 0
    walk = _Walk(
        schema=schema,
        fragments={
            definition.name.value: definition
            for definition in document.definitions
            if isinstance(definition, FragmentDefinitionNode)
        },
        variables={**_variable_defaults(operation), **(variables or {})},
    )
    return _selection_cost(walk, root, operation.selection_set, 1, frozenset())


def _variable_defaults(operation: OperationDefinitionNode) -> dict[str, Any]:
    return {
        definition.variable.name.value: value_from_ast_untyped(definition.default_value)
        for definition in operation.variable_definitions or ()
        if definition.default_value is not None
    }


def _selection_cost(
    walk: _Walk,
    parent: GraphQLNamedType,
    selection_set: SelectionSetNode,
    multiplier: int,
    fragments_seen: frozenset[str],
) -> int:
    total = 0
    for selection in selection_set.selections:
        if isinstance(selection, FieldNode):
            total += _field_cost(walk, parent, selection, multiplier, fragments_seen)
        elif isinstance(selection, InlineFragmentNode):
            condition = selection.type_condition
            target = walk.schema.get_type(condition.name.value) if condition else parent
            total += _selection_cost(
                walk, target or parent, selection.selection_set, multiplier, fragments_seen
            )
        elif isinstance(selection, FragmentSpreadNode):
            name = selection.name.value
            fragment = walk.fragments.get(name)
            if fragment is None or name in fragments_seen:
                continue
            target = walk.schema.get_type(fragment.type_condition.name.value)
            total += _selection_cost(
                walk, target or parent, fragment.selection_set, multiplier, fragments_seen | {name}
            )
    return total


def _field_cost(
    walk: _Walk,
    parent: GraphQLNamedType,
    node: FieldNode,
    multiplier: int,
    fragments_seen: frozenset[str],
) -> int:
    name = node.name.value
    fields = getattr(parent, "fields", None)
    if name.startswith("__") or not isinstance(fields, dict) or name not in fields:
        return 0
    definition: GraphQLField = fields[name]
    size = _fan_out(walk, parent, name, definition, node)
    reached = multiplier if size is None else multiplier * size
    own = 0 if size is None else reached
    target = get_named_type(definition.type)
    if node.selection_set is None or not isinstance(
        target, (GraphQLObjectType, GraphQLInterfaceType, GraphQLUnionType)
    ):
        return own
    return own + _selection_cost(walk, target, node.selection_set, reached, fragments_seen)


def _fan_out(
    walk: _Walk, parent: GraphQLNamedType, name: str, definition: GraphQLField, node: FieldNode
) -> int | None:
    """How many items the field may return, or ``None`` when it is not a list of objects."""
    if "first" in definition.args:
        return _first(walk, node)
    if name == "edges" and parent.name.endswith("Connection"):
        return None  # counted by the connection's ``first``
    field_type = definition.type
    if isinstance(field_type, GraphQLNonNull):
        field_type = field_type.of_type
    if not isinstance(field_type, GraphQLList):
        return None
    item = get_named_type(field_type)
    composite = (GraphQLObjectType, GraphQLInterfaceType, GraphQLUnionType)
    return LIST_ESTIMATE if isinstance(item, composite) else None


def _first(walk: _Walk, node: FieldNode) -> int:
    """The field's ``first`` (a literal or a variable), defaulted and clamped to 0-100.

    Out-of-range values are clamped rather than counted: the list itself refuses them
    with a ``BAD_USER_INPUT`` naming ``first``, the more useful answer.
    """
    value: Any = None
    for argument in node.arguments or ():
        if argument.name.value != "first":
            continue
        if isinstance(argument.value, IntValueNode):
            value = int(argument.value.value)
        elif isinstance(argument.value, VariableNode):
            value = walk.variables.get(argument.value.name.value)
    if type(value) is not int:
        return DEFAULT_PAGE
    return max(0, min(value, MAX_PAGE))
