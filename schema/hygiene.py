"""Input hygiene at the edge: control characters in any text input are refused, in one place.

A NUL (U+0000) in a title was stored as is by SQLite and made PostgreSQL fail the statement
(which was then reported as an outage); other control characters (C0 but tab, line feed and
carriage return; DEL and C1) and lone surrogates have no place in what people type either,
and they corrupt CSV files, logs and terminals downstream. Rather than each mutation checking
its own strings, every operation's variables and the string literals of its document are
looked at once, after validation and before anything executes: a hit is a ``BAD_USER_INPUT``
naming the field, on both backends alike, signed in or not (``login`` included).

Field names: a variable's path is the variable name followed by its keys and list indices
(``input.title``, ``ids.2``); a literal's path is the field, then the argument and its input
fields (``createRequirement.input.title``); a variable's default value is named like a
variable.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from graphql import (
    ArgumentNode,
    FieldNode,
    GraphQLError,
    ListValueNode,
    Node,
    ObjectFieldNode,
    StringValueNode,
    VariableDefinitionNode,
)
from graphql import ExecutionResult as GraphQLExecutionResult
from strawberry.extensions import SchemaExtension
from strawberry.types.graphql import OperationType

from core.text_rules import FORBIDDEN

BAD_USER_INPUT = "BAD_USER_INPUT"


def forbidden_in_value(value: Any, path: tuple[str, ...]) -> str | None:
    """The path of the first string in ``value`` (a JSON value) with a forbidden character."""
    if isinstance(value, str):
        return ".".join(path) if FORBIDDEN.search(value) else None
    if isinstance(value, Mapping):
        for key, item in value.items():
            key_text = str(key)
            if FORBIDDEN.search(key_text):
                return ".".join((*path, repr(key_text)))
            found = forbidden_in_value(item, (*path, key_text))
            if found is not None:
                return found
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            found = forbidden_in_value(item, (*path, str(index)))
            if found is not None:
                return found
    return None


def forbidden_in_variables(variables: Mapping[str, Any] | None) -> str | None:
    """The path of the first variable string with a forbidden character, if any."""
    return forbidden_in_value(variables, ()) if variables else None


def forbidden_in_document(node: Node, path: tuple[str, ...] = ()) -> str | None:
    """The path of the first string literal in the document with a forbidden character."""
    if isinstance(node, StringValueNode):
        return ".".join(path) if FORBIDDEN.search(node.value) else None
    if isinstance(node, (FieldNode, ArgumentNode, ObjectFieldNode)):
        path = (*path, node.name.value)
    elif isinstance(node, VariableDefinitionNode):
        path = (node.variable.name.value,)
    for key in node.keys:
        child = getattr(node, key, None)
        children = child if isinstance(child, (list, tuple)) else (child,)
        for index, item in enumerate(children):
            if not isinstance(item, Node):
                continue
            item_path = (*path, str(index)) if isinstance(node, ListValueNode) else path
            found = forbidden_in_document(item, item_path)
            if found is not None:
                return found
    return None


def _may_hold_one(query: str) -> bool:
    """Whether a string literal of ``query`` can hold a forbidden character.

    GraphQL's lexer refuses raw C0 characters in a document; the others arrive raw (C1) or
    as a ``\\u`` escape. A document with neither is not walked: walking every node of a
    large document costs milliseconds, this look at its text microseconds.
    """
    if "\\u" in query:
        return True
    return "\x7f" in query if query.isascii() else FORBIDDEN.search(query) is not None


def refusal(field: str) -> GraphQLError:
    """The ``BAD_USER_INPUT`` for a control character in ``field``."""
    return GraphQLError(
        f"{field}含有不允许的控制字符 (contains a control character that is not allowed)",
        extensions={"code": BAD_USER_INPUT, "field": field},
    )


class InputHygiene(SchemaExtension):
    """Refuses an operation with a control character in any of its text inputs."""

    def on_execute(self) -> Iterator[None]:
        context = self.execution_context
        document = context.graphql_document
        field = forbidden_in_variables(context.variables)
        if field is None and document is not None and _may_hold_one(context.query or ""):
            field = forbidden_in_document(document)
        if field is None:
            yield
            return
        if context.operation_type is OperationType.SUBSCRIPTION:
            # A subscription has no result to replace: the error raised here is its answer.
            raise refusal(field)
        # A result set here is returned instead of executing the operation.
        context.result = GraphQLExecutionResult(data=None, errors=[refusal(field)])
        yield
