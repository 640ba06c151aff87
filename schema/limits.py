"""What one GraphQL request may ask for, and how long it may take.

Strawberry brings the document limits: tokens (``MaxTokensLimiter``, checked while
parsing), depth (``QueryDepthLimiter``'s rule) and aliases (``MaxAliasesLimiter``'s rule);
production also turns introspection off (``DisableIntrospection``) along with GraphiQL and
"did you mean" field suggestions, so the schema is not handed to whoever asks. CrossFlow
adds what strawberry lacks: a cost estimate of the result (``schema/cost.py``), refused
above ``graphql_max_cost`` with ``QUERY_TOO_COSTLY``, and a time budget per query, cut
off with ``TIMEOUT``. Every limit is a setting (``CROSSFLOW_GRAPHQL_*``).

The depth and alias rules are built once per schema, not per request: strawberry's
``ValidationCache`` keys its cache on the rule classes, and the limiter classes build a new
rule class every time they are instantiated, which would make every request miss it.
"""

from __future__ import annotations

import asyncio
import functools
import logging
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass

from graphql import ASTValidationRule, GraphQLError, OperationDefinitionNode
from graphql import ExecutionResult as GraphQLExecutionResult
from strawberry.extensions import (
    AddValidationRules,
    DisableIntrospection,
    MaxTokensLimiter,
    SchemaExtension,
)
from strawberry.extensions.max_aliases import create_validator as alias_rule
from strawberry.extensions.query_depth_limiter import create_validator as depth_rule
from strawberry.types.graphql import OperationType

from core.settings import Settings
from schema.cost import estimate_cost

log = logging.getLogger("crossflow.limits")

QUERY_TOO_COSTLY = "QUERY_TOO_COSTLY"
TIMEOUT = "TIMEOUT"


@dataclass(frozen=True)
class Limits:
    """The limits of one schema; the defaults are those of ``Settings``."""

    max_depth: int = 12
    max_aliases: int = 20
    max_tokens: int = 5_000
    max_cost: int = 50_000
    timeout_seconds: float = 10.0
    #: Production: no introspection, no GraphiQL, no field suggestions.
    hardened: bool = False

    @classmethod
    def of(cls, settings: Settings) -> Limits:
        return cls(
            max_depth=settings.graphql_max_depth,
            max_aliases=settings.graphql_max_aliases,
            max_tokens=settings.graphql_max_tokens,
            max_cost=settings.graphql_max_cost,
            timeout_seconds=settings.graphql_timeout_seconds,
            hardened=settings.is_production,
        )


def timeout_error(seconds: float) -> GraphQLError:
    """The refusal of a query that outran its time budget (generic and compiled paths)."""
    return GraphQLError(
        f"查询超时，请缩小范围后重试 (the query took longer than {seconds:g} s;"
        " ask for less and retry)",
        extensions={"code": TIMEOUT, "timeoutSeconds": seconds},
    )


@functools.cache
def validation_rules(limits: Limits) -> tuple[type[ASTValidationRule], ...]:
    """The depth and alias rules of these limits, built once (see the module docstring)."""
    return (depth_rule(limits.max_depth, None), alias_rule(limits.max_aliases))


def limit_extensions(limits: Limits) -> list[Callable[[], SchemaExtension]]:
    """Per-request factories of the limit extensions."""
    rules = list(validation_rules(limits))
    extensions: list[Callable[[], SchemaExtension]] = [
        lambda: MaxTokensLimiter(max_token_count=limits.max_tokens),
        lambda: AddValidationRules(rules),
        lambda: QueryBudget(limits),
    ]
    if limits.hardened:
        extensions.append(DisableIntrospection)
    return extensions


class QueryBudget(SchemaExtension):
    """Refuses an operation whose estimated cost is too high; cuts a query that runs too long.

    The time budget covers queries only. A mutation cut off after its transaction committed
    would report a failure for a change that happened, and a client retrying it would do it
    twice; mutations are bounded by their own short transactions instead.
    """

    def __init__(self, limits: Limits) -> None:
        self.limits = limits

    async def on_execute(self) -> AsyncIterator[None]:
        context = self.execution_context
        operation_type = context.operation_type
        if operation_type is OperationType.SUBSCRIPTION:
            yield
            return
        too_costly = self._refusal_if_too_costly()
        if too_costly is not None:
            # A result set here is returned instead of executing the operation.
            context.result = GraphQLExecutionResult(data=None, errors=[too_costly])
            yield
            return
        if operation_type is not OperationType.QUERY:
            yield
            return
        budget = asyncio.timeout(self.limits.timeout_seconds)
        try:
            async with budget:
                yield
        except TimeoutError as exc:
            if not budget.expired():
                raise
            seconds = self.limits.timeout_seconds
            log.warning("query %s cut off after %.1f s", context.operation_name or "-", seconds)
            raise timeout_error(seconds) from exc

    def _refusal_if_too_costly(self) -> GraphQLError | None:
        context = self.execution_context
        document = context.graphql_document
        if document is None:
            return None
        cost = estimate_cost(
            context.schema._schema, document, context.operation_name, context.variables
        )
        if cost <= self.limits.max_cost:
            return None
        operation = next(
            (d for d in document.definitions if isinstance(d, OperationDefinitionNode)), None
        )
        return GraphQLError(
            f"查询过大：预计返回{cost}个对象，上限{self.limits.max_cost} (the query may return"
            f" {cost} nodes, more than the limit of {self.limits.max_cost}; ask for smaller"
            " pages or fewer nested lists)",
            nodes=[operation] if operation is not None else None,
            extensions={"code": QUERY_TOO_COSTLY, "cost": cost, "maxCost": self.limits.max_cost},
        )
