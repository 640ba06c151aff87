"""Relay connections: ``edges { cursor node }``, ``pageInfo``, ``totalCount``.

Cursors are opaque (base64) and stable: they name the last row's key, not an offset, so a
row inserted while a client pages does not shift the next page.
"""

from __future__ import annotations

import base64
from typing import Any, Generic, TypeVar

import strawberry
from tortoise.queryset import QuerySet

from resolvers.errors import BadUserInput

T = TypeVar("T")

DEFAULT_PAGE = 20
MAX_PAGE = 100


@strawberry.type
class PageInfo:
    has_next_page: bool
    has_previous_page: bool
    start_cursor: str | None
    end_cursor: str | None


@strawberry.type
class Edge(Generic[T]):
    cursor: str
    node: T


@strawberry.type
class Connection(Generic[T]):
    edges: list[Edge[T]]
    page_info: PageInfo
    total_count: int


def encode_cursor(pk: int) -> str:
    return base64.urlsafe_b64encode(f"cursor:{pk}".encode()).decode()


def decode_cursor(cursor: str) -> int:
    try:
        kind, _, value = base64.urlsafe_b64decode(cursor.encode()).decode().partition(":")
        if kind != "cursor":
            raise ValueError(kind)
        return int(value)
    except Exception as exc:
        raise BadUserInput("无效的游标 (not a valid cursor)", field="after") from exc


def page_size(first: int | None) -> int:
    """``first`` defaults to 20 and may not exceed 100 (a larger value is refused)."""
    if first is None:
        return DEFAULT_PAGE
    if first < 0 or first > MAX_PAGE:
        raise BadUserInput(
            f"first须在0到{MAX_PAGE}之间 (first must be 0-{MAX_PAGE})", field="first"
        )
    return first


async def paginate(
    queryset: QuerySet[Any], first: int | None, after: str | None, *, newest_first: bool = True
) -> Connection[Any]:
    """A page of ``queryset`` ordered by id (newest first by default), after a cursor."""
    size = page_size(first)
    total = await queryset.count()
    page = queryset
    if after is not None:
        key = decode_cursor(after)
        page = page.filter(id__lt=key) if newest_first else page.filter(id__gt=key)
    rows = await page.order_by("-id" if newest_first else "id").limit(size + 1)
    has_next = len(rows) > size
    rows = rows[:size]
    edges = [Edge(cursor=encode_cursor(row.id), node=row) for row in rows]
    return Connection(
        edges=edges,
        page_info=PageInfo(
            has_next_page=has_next,
            has_previous_page=after is not None,
            start_cursor=edges[0].cursor if edges else None,
            end_cursor=edges[-1].cursor if edges else None,
        ),
        total_count=total,
    )
