"""A compiled root's arguments as its resolver receives them, converted once per request
shape.

Coercing the variables and converting the root field's arguments (strawberry's own
``convert_arguments``) cost a tenth of a compiled request's CPU; the result depends on the
plan and the variables alone, so the same pair reuses it (the arguments are read, never
changed, by the row functions, and each caller gets its own copy of the mapping).
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

import orjson
import strawberry
from graphql.execution.values import get_argument_values, get_variable_values
from strawberry.types.arguments import convert_arguments

from schema.compiled.plan import Plan


class RootArguments:
    """The converted root arguments of the last ``size`` (plan, variables) pairs."""

    def __init__(self, schema: strawberry.Schema, size: int) -> None:
        self.schema = schema
        self.size = size
        #: By (plan, variables); the plan is kept beside them so an id reused by a later plan
        #: never matches.
        self._converted: OrderedDict[tuple[int, bytes], tuple[Plan, dict[str, Any] | None]] = (
            OrderedDict()
        )

    def of(self, plan: Plan, variables: dict[str, Any] | None) -> dict[str, Any] | None:
        """The root field's arguments as the resolver receives them, ``None`` if invalid."""
        key = (id(plan), orjson.dumps(variables or {}, option=orjson.OPT_SORT_KEYS))
        if key in self._converted:
            self._converted.move_to_end(key)
            kept_plan, arguments = self._converted[key]
            if kept_plan is plan:
                return dict(arguments) if arguments is not None else None
        arguments = self._convert(plan, variables)
        self._converted[key] = (plan, arguments)
        if len(self._converted) > self.size:
            self._converted.popitem(last=False)
        return dict(arguments) if arguments is not None else None

    def _convert(self, plan: Plan, variables: dict[str, Any] | None) -> dict[str, Any] | None:
        graphql_schema = self.schema._schema
        coerced = get_variable_values(
            graphql_schema, plan.operation.variable_definitions or (), variables or {}
        )
        if isinstance(coerced, list):
            return None
        query_type = graphql_schema.query_type
        assert query_type is not None
        field = query_type.fields[plan.root_field.name.value]
        try:
            raw = get_argument_values(field, plan.root_field, coerced)
            definition = field.extensions["strawberry-definition"]
            return convert_arguments(
                raw,
                definition.arguments,
                scalar_registry=self.schema.schema_converter.scalar_registry,
                config=self.schema.config,
            )
        except Exception:  # any refusal is the generic executor's to word
            return None
