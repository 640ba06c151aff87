"""Global ids in inputs: decoded to primary keys, or a coded refusal naming the field.

A key outside its column's range (zero, negative, above 2^31-1 for the INTEGER keys of
``TimestampedModel``, above 2^63-1 for the audit log's BIGINT) names no object: it is
``NOT_FOUND`` like any other id that names nothing, and never reaches the database (SQLite
cannot bind an integer above 2^63-1 and PostgreSQL's driver refuses one above the column's
type, which read as an internal error or as an outage).
"""

from __future__ import annotations

from collections.abc import Sequence

from strawberry import relay
from tortoise.models import Model

from resolvers.errors import BadUserInput, NotFound
from resolvers.workflow import NOT_FOUND_MESSAGE

#: The largest key of an INTEGER primary key column (every table inputs refer to).
MAX_PK = 2**31 - 1


def in_range(pk: int, model: type[Model] | None = None) -> bool:
    """Whether ``pk`` can be a key of ``model`` (by default: of an INTEGER key column)."""
    limit = MAX_PK if model is None else model._meta.pk.constraints.get("le", MAX_PK)
    return 0 < pk <= limit


def decode_id(value: str, type_name: str, field: str) -> int:
    """The primary key of a global id of ``type_name`` given in input ``field``."""
    try:
        global_id = relay.GlobalID.from_id(value)
        pk = int(global_id.node_id)
    except Exception as exc:
        raise BadUserInput(f"{field}不是有效的ID (not a valid id)", field=field) from exc
    if global_id.type_name != type_name:
        raise BadUserInput(f"{field}应为{type_name}的ID (must be a {type_name} id)", field=field)
    if not in_range(pk):
        raise NotFound(NOT_FOUND_MESSAGE, field=field)
    return pk


def decode_optional_id(value: str | None, type_name: str, field: str) -> int | None:
    """Like :func:`decode_id` for an input that may be left out: null stays ``None``."""
    return None if value is None else decode_id(value, type_name, field)


def decode_ids(values: Sequence[str], type_name: str, field: str) -> list[int]:
    return [decode_id(value, type_name, field) for value in values]
