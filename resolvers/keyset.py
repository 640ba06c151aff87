"""Keyset pagination: a page continues after the last row's (sort value, id), never an offset.

An offset re-reads and throws away every earlier row (page 1,000 of tasks reads 20,000
rows) and shifts when a row is inserted while a client pages. A keyset condition such as
``(deadline, id) > (v, i)`` seeks straight to the next row, and a row inserted meanwhile
neither repeats nor hides another: cursors stay valid and stable.

A cursor is opaque to clients (base64 of a small JSON array) and names the order it was
issued for; handing it to a list sorted differently is refused as ``BAD_USER_INPUT`` on
``after``, as is anything that does not decode. NULLs (a task without a deadline) sort last
in both directions, the same on SQLite and PostgreSQL.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import Enum
from typing import Any, Literal

from tortoise.expressions import Q
from tortoise.queryset import QuerySet

from resolvers.errors import BadUserInput

CURSOR_VERSION = "k1"
#: The field of the ``after`` argument, named in refusals.
AFTER = "after"
ValueKind = Literal["datetime", "date", "int", "str"]


class _NullsLast(Enum):
    """A sort direction with rows without a value last (both backends: SQLite ≥ 3.30)."""

    ASC = "ASC NULLS LAST"
    DESC = "DESC NULLS LAST"


@dataclass(frozen=True)
class SortKey:
    """A column a list may be sorted by; ``name`` is its GraphQL enum value."""

    name: str
    column: str
    kind: ValueKind
    nullable: bool = False


#: Creation order by primary key: the default of every list ("newest first" when descending).
BY_ID = SortKey("ID", "id", "int")


@dataclass(frozen=True)
class Ordering:
    """A sort key and a direction; rows with equal values are ordered by id the same way."""

    key: SortKey = BY_ID
    descending: bool = False

    @property
    def tag(self) -> str:
        return f"{self.key.name}:{'DESC' if self.descending else 'ASC'}"

    def order_by(self, queryset: QuerySet[Any]) -> QuerySet[Any]:
        """``queryset`` sorted by this ordering, NULLs last, the id breaking ties."""
        id_order = "-id" if self.descending else "id"
        if self.key is BY_ID:
            return queryset.order_by(id_order)
        column = f"-{self.key.column}" if self.descending else self.key.column
        ordered = queryset.order_by(column, id_order)
        if self.key.nullable:
            # ``deadline ASC|DESC NULLS LAST, id``: the order an index on (deadline, id) or
            # (deadline DESC NULLS LAST, id DESC) serves (migration 0016), where a sort key
            # computed by CASE made PostgreSQL sort every visible row. Tortoise has no
            # NULLS LAST; pypika writes an ordering's direction by its value.
            direction = _NullsLast.DESC if self.descending else _NullsLast.ASC
            ordered._orderings = [(self.key.column, direction), *ordered._orderings[1:]]
        return ordered

    def after(self, cursor: str) -> Q:
        """The rows that come after the row ``cursor`` was issued for."""
        value, pk = self.decode(cursor)
        later = "lt" if self.descending else "gt"
        past_id: dict[str, Any] = {f"id__{later}": pk}
        if self.key is BY_ID:
            return Q(**past_id)
        column = self.key.column
        is_null: dict[str, Any] = {f"{column}__isnull": True}
        if value is None:  # NULLs sort last: only NULLs further on remain
            return Q(**is_null, **past_id)
        beyond: dict[str, Any] = {f"{column}__{later}": value}
        level: dict[str, Any] = {column: value}
        condition = Q(**beyond) | Q(**level, **past_id)
        return condition | Q(**is_null) if self.key.nullable else condition

    def encode(self, row: Any) -> str:
        """The cursor of ``row`` in this ordering."""
        payload: list[Any] = [CURSOR_VERSION, self.tag, row.pk]
        if self.key is not BY_ID:
            payload.append(_plain(getattr(row, self.key.column)))
        raw = json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode()
        return base64.urlsafe_b64encode(raw).decode().rstrip("=")

    def decode(self, cursor: str) -> tuple[Any, int]:
        """The (sort value, id) a cursor names; ``BAD_USER_INPUT`` on ``after`` otherwise."""
        payload = _payload(cursor)
        if payload is None:
            raise BadUserInput("无效的游标 (not a valid cursor)", field=AFTER)
        if payload[1] != self.tag:
            raise BadUserInput(
                "游标属于另一种排序 (the cursor was issued for another orderBy)", field=AFTER
            )
        if self.key is BY_ID:
            return None, payload[2]
        try:
            return _typed(payload[3], self.key.kind), payload[2]
        except (IndexError, TypeError, ValueError) as exc:
            raise BadUserInput("无效的游标 (not a valid cursor)", field=AFTER) from exc


def _payload(cursor: str) -> list[Any] | None:
    """The decoded ``[version, tag, id, value?]``; legacy ``cursor:<id>`` reads as id DESC."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return None
    kind, _, legacy = raw.partition(":")
    if kind == "cursor" and legacy.isdigit():  # issued before orderBy existed: newest first
        return [CURSOR_VERSION, f"{BY_ID.name}:DESC", int(legacy)]
    try:
        payload = json.loads(raw)
    except ValueError:
        return None
    valid = (
        isinstance(payload, list)
        and len(payload) in (3, 4)
        and payload[0] == CURSOR_VERSION
        and isinstance(payload[1], str)
        and type(payload[2]) is int
    )
    return payload if valid else None


def _plain(value: Any) -> Any:
    """A sort value as JSON: instants in UTC ISO form, dates ISO, enums by value."""
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if value is None or isinstance(value, (int, str)):
        return value
    raise TypeError(f"cannot sort by a {type(value).__name__}")


def _typed(value: Any, kind: ValueKind) -> Any:
    """The JSON sort value back in the column's type (``None`` stays ``None``)."""
    if value is None:
        return None
    if kind == "datetime":
        moment = datetime.fromisoformat(value)
        if moment.tzinfo is None:
            raise ValueError("naive instant")
        return moment.astimezone(UTC)
    if kind == "date":
        return date.fromisoformat(value)
    if kind == "int":
        if type(value) is not int:
            raise TypeError(kind)
        return value
    if not isinstance(value, str):
        raise TypeError(kind)
    return value
