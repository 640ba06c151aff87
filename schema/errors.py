"""Every GraphQL error leaves with an ``extensions.code``, and no internal detail.

Domain errors carry their own code; GraphQL's own parse and validation errors get the
usual codes; a database or broker error is classified (``core/db_errors.py``): an
outage is SERVICE_UNAVAILABLE (logged as one), a value the database refused is
BAD_USER_INPUT, and anything unexpected (a bug) is logged with its traceback here and
reaches the client only as a generic message with a code.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator

from graphql import GraphQLError
from strawberry.extensions import SchemaExtension

from core.db_errors import Kind, classify
from resolvers.errors import DomainError

log = logging.getLogger("crossflow.errors")

INTERNAL_MESSAGE = "服务器内部错误 (internal server error)"
UNAVAILABLE_MESSAGE = "服务暂时不可用，请稍后重试 (service temporarily unavailable, retry)"
REFUSED_VALUE_MESSAGE = (
    "输入的值无法保存：超出范围、过长或格式不符 (a value in the input cannot be stored: out of"
    " range, too long or malformed)"
)


def _coded(error: GraphQLError) -> GraphQLError:
    original = error.original_error
    if isinstance(original, DomainError):
        return _with(error, original.message, {"code": original.code, **original.extensions})
    if original is None or isinstance(original, GraphQLError):
        if error.extensions and "code" in error.extensions:
            return error
        return _with(error, error.message, {"code": graphql_code(error.message)})
    kind = classify(original)
    if kind is Kind.UNAVAILABLE:
        log.warning("database or broker unavailable: %s", type(original).__name__)
        return _with(error, UNAVAILABLE_MESSAGE, {"code": kind.value}, hide=True)
    if kind is Kind.BAD_INPUT:
        field = ".".join(str(key) for key in error.path or ())
        log.info("a value refused by the database in %s: %s", field, original)
        return _with(error, REFUSED_VALUE_MESSAGE, {"code": kind.value, "field": field}, hide=True)
    log.error("unexpected error in %s", error.path, exc_info=original)
    return _with(error, INTERNAL_MESSAGE, {"code": "INTERNAL_SERVER_ERROR"}, hide=True)


def graphql_code(message: str) -> str:
    """The code of one of GraphQL's own errors (parse, validation, variable coercion)."""
    if message.startswith("Syntax Error"):
        return "GRAPHQL_PARSE_FAILED"
    if message.startswith("Variable "):
        return "BAD_USER_INPUT"
    return "GRAPHQL_VALIDATION_FAILED"


def _with(
    error: GraphQLError, message: str, extensions: dict[str, object], *, hide: bool = False
) -> GraphQLError:
    return GraphQLError(
        message=message,
        nodes=error.nodes,
        source=error.source,
        positions=error.positions,
        path=error.path,
        original_error=None if hide else error.original_error,
        extensions=extensions,
    )


class ErrorCodes(SchemaExtension):
    """Rewrites the errors of every result (see the module docstring)."""

    def on_operation(self) -> Iterator[None]:
        yield
        result = self.execution_context.result
        errors = getattr(result, "errors", None)
        if result is not None and errors:
            result.errors = [_coded(error) for error in errors]
