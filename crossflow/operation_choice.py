"""Which operation of a posted document runs: refused with a code whenever that is unclear.

strawberry names a document's first operation when the request gives no ``operationName``,
so a document holding two operations silently ran the first one (graphql-core would have
refused it), and an unknown name got a ``text/plain`` 400. Subscriptions are served over
the websocket only (``graphql-transport-ws``); over HTTP strawberry ran them like a query
and the resolver failed with an internal error. These checks run before strawberry's,
on a summary of the document that is cached per document text.
"""

from __future__ import annotations

import functools

from graphql import GraphQLError, OperationDefinitionNode, OperationType, parse

#: Apollo Server's code for an operationName that picks no single operation.
RESOLUTION_CODE = "OPERATION_RESOLUTION_FAILURE"
#: The code of a request the endpoint does not serve over HTTP (a subscription).
BAD_REQUEST_CODE = "BAD_REQUEST"

Operations = tuple[tuple[str | None, OperationType], ...]


@functools.lru_cache(maxsize=512)
def _operations(query: str, max_tokens: int) -> Operations | None:
    """Name and type of each operation, or ``None`` when the document does not parse."""
    try:
        document = parse(query, max_tokens=max_tokens)
    except GraphQLError:
        return None  # strawberry reports the syntax error (or the token limit) itself
    return tuple(
        (definition.name.value if definition.name else None, definition.operation)
        for definition in document.definitions
        if isinstance(definition, OperationDefinitionNode)
    )


def operation_refusal(
    query: object, operation_name: object, max_tokens: int
) -> GraphQLError | None:
    """The coded error for a request whose operation is ambiguous, unknown or a subscription."""
    if not isinstance(query, str):
        return None  # strawberry refuses a missing query itself
    if operation_name is not None and not isinstance(operation_name, str):
        return None
    operations = _operations(query, max_tokens)
    if not operations:
        return None
    if operation_name is None and len(operations) > 1:
        return _error(
            "文档含多个操作，请用operationName指定其一 (the document holds several operations:"
            " name the one to run in operationName)",
            RESOLUTION_CODE,
        )
    chosen = [op for name, op in operations if operation_name is None or name == operation_name]
    if not chosen:
        return _error(
            f"文档中没有名为{operation_name}的操作 (the document has no operation named"
            f" {operation_name!r})",
            RESOLUTION_CODE,
        )
    if chosen[0] is OperationType.SUBSCRIPTION:
        return _error(
            "订阅须通过WebSocket (subscriptions run over the websocket at /graphql with the"
            " graphql-transport-ws protocol, not over HTTP)",
            BAD_REQUEST_CODE,
        )
    return None


def _error(message: str, code: str) -> GraphQLError:
    return GraphQLError(message, extensions={"code": code})
