"""API tokens read; they never write, whatever their role or the person they are bound to.

Checked once for the whole operation rather than field by field: a mutation added later is
covered without anyone remembering a permission class, and a token bound to a department
head cannot borrow the head's rights (``reviewRequirement``, ``createSuggestion``) through
a use case whose own check looks at the person only. The refusal comes before execution,
so not a single resolver of the operation runs.
"""

from __future__ import annotations

from collections.abc import Iterator

from graphql import ExecutionResult as GraphQLExecutionResult
from graphql import GraphQLError
from strawberry.extensions import SchemaExtension
from strawberry.types.graphql import OperationType

from resolvers.access.auth import Viewer

READ_ONLY_MESSAGE = "API令牌只读，不能执行修改操作 (API tokens are read-only: no mutations)"


class ReadOnlyTokens(SchemaExtension):
    """Refuses every mutation with ``FORBIDDEN`` when the viewer signed in with an API token."""

    def on_execute(self) -> Iterator[None]:
        context = self.execution_context
        viewer = getattr(context.context, "viewer", None)
        if (
            context.operation_type is OperationType.MUTATION
            and isinstance(viewer, Viewer)
            and viewer.api_token_id is not None
        ):
            # A result set here is returned instead of executing the operation.
            context.result = GraphQLExecutionResult(
                data=None,
                errors=[GraphQLError(READ_ONLY_MESSAGE, extensions={"code": "FORBIDDEN"})],
            )
        yield
