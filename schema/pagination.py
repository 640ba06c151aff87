"""Relay connections: ``edges { cursor node }``, ``pageInfo``, ``totalCount``; orderBy inputs.

Cursors are opaque and stable: they name the last row's (sort value, id), not an offset
(see ``resolvers/keyset.py``), so a row inserted while a client pages does not shift the
next page. ``totalCount`` is counted only when a client selects it: a COUNT over 200,000
tasks costs more than the page itself, and most page turns do not need it.
"""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Any, Generic, TypeVar

import strawberry
from tortoise.queryset import QuerySet

from resolvers.errors import BadUserInput
from resolvers.keyset import BY_ID, Ordering, SortKey

T = TypeVar("T")

DEFAULT_PAGE = 20
MAX_PAGE = 100

#: The ``first`` and ``after`` arguments of every list, described once.
First = Annotated[
    int | None,
    strawberry.argument(
        description=f"Page size: {DEFAULT_PAGE} by default, 0-{MAX_PAGE} (else BAD_USER_INPUT)"
    ),
]
After = Annotated[
    str | None,
    strawberry.argument(
        description="Read on after this cursor (the previous page's `pageInfo.endCursor`)"
    ),
]


@strawberry.enum(description="Sort direction; rows with equal values follow their creation order")
class OrderDirection(Enum):
    ASC = strawberry.enum_value("ASC", description="Ascending: smallest, earliest first")
    DESC = strawberry.enum_value("DESC", description="Descending: largest, latest first")


@strawberry.type(description="Where a page stands in its list (Relay cursor pagination)")
class PageInfo:
    has_next_page: bool = strawberry.field(
        description="True when more rows follow; ask for them with `after: endCursor`"
    )
    has_previous_page: bool = strawberry.field(
        description="True when the page was asked for `after` a cursor"
    )
    start_cursor: str | None = strawberry.field(
        description="The cursor of the page's first row; null on an empty page"
    )
    end_cursor: str | None = strawberry.field(
        description="The cursor of the page's last row, for the next page's `after`; "
        "null on an empty page"
    )


@strawberry.type(description="One row of a page with its cursor")
class Edge(Generic[T]):
    cursor: str = strawberry.field(
        description="Opaque and stable position of this row: pass it as `after` to read on"
    )
    node: T = strawberry.field(description="The row")


@strawberry.type(
    description="A page of a list (Relay connection), in the requested order; "
    "only rows the viewer may read"
)
class Connection(Generic[T]):
    edges: list[Edge[T]] = strawberry.field(description="The page's rows, at most `first`")
    page_info: PageInfo = strawberry.field(description="Whether more rows follow, and cursors")
    #: The filtered rows, before the cursor; counted only if ``totalCount`` is selected.
    matching: strawberry.Private[QuerySet[Any]]

    @strawberry.field(description="How many rows match the filter, over all pages")
    async def total_count(self) -> int:
        return await self.matching.count()


def page_size(first: int | None) -> int:
    """``first`` defaults to 20 and may not exceed 100 (a larger value is refused)."""
    if first is None:
        return DEFAULT_PAGE
    if first < 0 or first > MAX_PAGE:
        raise BadUserInput(
            f"first须在0到{MAX_PAGE}之间 (first must be 0-{MAX_PAGE})", field="first"
        )
    return first


#: The order of a list without ``orderBy``: by creation (the primary key), newest first.
NEWEST_FIRST = Ordering(BY_ID, descending=True)


def ordering(
    order_by: Any | None, sorts: dict[str, SortKey], *, default: Ordering = NEWEST_FIRST
) -> Ordering:
    """The keyset ordering of an ``orderBy`` input (its ``field`` and ``direction``)."""
    if order_by is None:
        return default
    return Ordering(
        sorts[order_by.field.value], descending=order_by.direction is OrderDirection.DESC
    )


def page_query(
    queryset: QuerySet[Any], first: int | None, after: str | None, order: Ordering
) -> tuple[QuerySet[Any], int]:
    """The rows of one page plus one (which tells whether there is a next page), and the size.

    Shared by :func:`paginate` and the compiled path (``schema/compiled``), so both read
    exactly the same rows.
    """
    size = page_size(first)
    page = queryset if after is None else queryset.filter(order.after(after))
    return order.order_by(page).limit(size + 1), size


async def paginate(
    queryset: QuerySet[Any],
    first: int | None,
    after: str | None,
    *,
    order: Ordering | None = None,
) -> Connection[Any]:
    """A page of ``queryset`` in ``order`` (default: by id, newest first), after a cursor."""
    order = order or NEWEST_FIRST
    page, size = page_query(queryset, first, after, order)
    rows = await page
    has_next = len(rows) > size
    edges = [Edge(cursor=order.encode(row), node=row) for row in rows[:size]]
    return Connection(
        edges=edges,
        page_info=PageInfo(
            has_next_page=has_next,
            has_previous_page=after is not None,
            start_cursor=edges[0].cursor if edges else None,
            end_cursor=edges[-1].cursor if edges else None,
        ),
        matching=queryset,
    )
