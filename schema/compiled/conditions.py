"""``@include`` and ``@skip`` on the compiled path: a document planned per value of its
conditions.

Frontends switch parts of one query on and off with ``@include(if: $withTasks)``; the
selection then depends on the request's variables, while a plan serves a document whatever
its variables. So a document with these directives is planned once per combination of the
values its conditions take (a few Booleans): the selections they leave out are removed and
the directives dropped (:func:`resolved`) before the usual planning, and the plan is kept
under the document and those values (``schema/compiled/run.py``). A condition's variable
that is missing or not a Boolean leaves the request to the generic executor, which words
the error.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from graphql import (
    BooleanValueNode,
    DirectiveNode,
    DocumentNode,
    FieldNode,
    FragmentSpreadNode,
    GraphQLError,
    InlineFragmentNode,
    OperationDefinitionNode,
    VariableNode,
    Visitor,
    parse,
    value_from_ast_untyped,
    visit,
)
from graphql.language.visitor import REMOVE

CONDITIONS = frozenset({"include", "skip"})


@dataclass(frozen=True)
class Conditions:
    """The variables a document's conditions name, with their declared defaults."""

    defaults: tuple[tuple[str, Any], ...] = ()

    def values(self, variables: dict[str, Any] | None) -> tuple[bool, ...] | None:
        """Each condition variable's value in a request, ``None`` if one is not a Boolean
        (missing without a default, null, or of another type: the generic executor's)."""
        given = variables or {}
        found = tuple(given.get(name, default) for name, default in self.defaults)
        return found if all(isinstance(value, bool) for value in found) else None


NONE = Conditions()


def conditions_of(query: str, operation_name: str | None) -> Conditions:
    """The condition variables of the operation's document (none when it names no
    directive, or does not parse: the planner refuses it then)."""
    if "@" not in query:
        return NONE
    try:
        document = parse(query)
    except GraphQLError:
        return NONE
    named: set[str] = set()
    for node in _directive_nodes(document):
        argument = next((a for a in node.arguments or () if a.name.value == "if"), None)
        if argument is not None and isinstance(argument.value, VariableNode):
            named.add(argument.value.name.value)
    if not named:
        return NONE
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    defaults: dict[str, Any] = {}
    for operation in operations:
        if operation_name is None or (operation.name and operation.name.value == operation_name):
            for definition in operation.variable_definitions or ():
                name = definition.variable.name.value
                if name in named and definition.default_value is not None:
                    defaults[name] = value_from_ast_untyped(definition.default_value)
    return Conditions(tuple((name, defaults.get(name)) for name in sorted(named)))


def resolved(document: DocumentNode, conditions: Conditions, values: tuple[bool, ...]) -> Any:
    """The document with the selections its conditions leave out removed and every
    ``@include``/``@skip`` dropped (any other directive is kept, and not planned)."""
    by_name = dict(zip((name for name, _ in conditions.defaults), values, strict=True))
    return visit(document, _Resolve(by_name))


class _Resolve(Visitor):
    def __init__(self, values: dict[str, bool]) -> None:
        super().__init__()
        self.values = values

    def enter_field(self, node: FieldNode, *_: Any) -> Any:
        return self._selection(node)

    def enter_inline_fragment(self, node: InlineFragmentNode, *_: Any) -> Any:
        return self._selection(node)

    def enter_fragment_spread(self, node: FragmentSpreadNode, *_: Any) -> Any:
        return self._selection(node)

    def _selection(self, node: Any) -> Any:
        directives = node.directives or ()
        if not any(d.name.value in CONDITIONS for d in directives):
            return None
        if not all(self._keeps(d) for d in directives if d.name.value in CONDITIONS):
            return REMOVE
        others = tuple(d for d in directives if d.name.value not in CONDITIONS)
        fields = {key: getattr(node, key) for key in node.keys if key != "directives"}
        return type(node)(**fields, directives=others)  # nodes are immutable in graphql-core

    def _keeps(self, directive: DirectiveNode) -> bool:
        argument = next(a for a in directive.arguments or () if a.name.value == "if")
        value = argument.value
        flag = self.values[value.name.value] if isinstance(value, VariableNode) else None
        if isinstance(value, BooleanValueNode):
            flag = value.value
        return bool(flag) if directive.name.value == "include" else not flag


def _directive_nodes(document: DocumentNode) -> list[DirectiveNode]:
    found: list[DirectiveNode] = []

    class Collect(Visitor):
        def enter_directive(self, node: DirectiveNode, *_: Any) -> None:
            if node.name.value in CONDITIONS:
                found.append(node)

    visit(document, Collect())
    return found
