"""Which GraphQL requests are BI reads, answered from the read replica (``core/replica.py``).

A query operation is a BI read when its root fields are report fields only (``reports``,
``savedReports``, ``analysisReports``), whoever asks, or when a BI API token asks (BI tools
only read, and a few seconds of lag do not matter to a dashboard). Mutations never are, nor
anything else a person's screen asks: the workflow reads its own writes from the primary.
The viewer is signed in from the primary before the choice, so a revoked token stays
revoked whatever the replica's lag.
"""

from __future__ import annotations

import functools

from graphql import (
    FieldNode,
    GraphQLError,
    OperationDefinitionNode,
    OperationType,
    parse,
)

from models.enums import Role
from resolvers.access.auth import Viewer

#: The root fields of the reports (and ``__typename``, which reads nothing).
REPORT_FIELDS = frozenset({"reports", "savedReports", "analysisReports", "__typename"})


@functools.lru_cache(maxsize=512)
def _query_roots(query: str, operation_name: str | None, max_tokens: int) -> frozenset[str] | None:
    """The root field names of the query operation that runs; ``None``: not a plain query.

    Fragments spread at the root count as "not only reports" (they are rare there), and a
    document that does not parse is left to strawberry to refuse.
    """
    try:
        document = parse(query, max_tokens=max_tokens)
    except GraphQLError:
        return None
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    chosen = [
        op
        for op in operations
        if operation_name is None or (op.name is not None and op.name.value == operation_name)
    ]
    if len(chosen) != 1 or chosen[0].operation is not OperationType.QUERY:
        return None
    names = {
        selection.name.value if isinstance(selection, FieldNode) else "..."
        for selection in chosen[0].selection_set.selections
    }
    return frozenset(names)


def is_bi_read(
    query: object, operation_name: object, viewer: Viewer | None, max_tokens: int
) -> bool:
    """Whether this request's operation reads for BI (see the module's docstring)."""
    if not isinstance(query, str):
        return False
    if operation_name is not None and not isinstance(operation_name, str):
        return False
    roots = _query_roots(query, operation_name, max_tokens)
    if roots is None:
        return False
    if viewer is not None and viewer.api_token_id is not None and viewer.role is Role.BI:
        return True
    return bool(roots - {"__typename"}) and roots <= REPORT_FIELDS
