"""Global ids in inputs: decoded to primary keys, or a BAD_USER_INPUT naming the field."""

from __future__ import annotations

from collections.abc import Sequence

from strawberry import relay

from resolvers.errors import BadUserInput


def decode_id(value: str, type_name: str, field: str) -> int:
    """The primary key of a global id of ``type_name`` given in input ``field``."""
    try:
        global_id = relay.GlobalID.from_id(value)
        pk = int(global_id.node_id)
    except Exception as exc:
        raise BadUserInput(f"{field}不是有效的ID (not a valid id)", field=field) from exc
    if global_id.type_name != type_name or pk <= 0:
        raise BadUserInput(f"{field}应为{type_name}的ID (must be a {type_name} id)", field=field)
    return pk


def decode_ids(values: Sequence[str], type_name: str, field: str) -> list[int]:
    return [decode_id(value, type_name, field) for value in values]
