"""A strawberry input turned into its use case's dataclass, by field name.

The use cases take plain dataclasses (``TaskForm``, ``ProgressReport``, ``ReviewInput``…)
so they run the same from the API, the panel, the CLI and the tests. The inputs and the
dataclasses share their field names, so nothing copies them one by one: :func:`to_use_case`
takes each field of the dataclass from the input, except the ones the caller converts
itself (global ids decoded to database ids). An input field the use case has no place for
is a mistake in the code, refused at once instead of silently dropped.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import Any, TypeVar

from strawberry.types.base import has_object_definition

D = TypeVar("D")


def to_use_case(
    data: object, target: type[D], /, *, taken: Iterable[str] = (), **converted: Any
) -> D:
    """``target`` with the fields of ``data`` of the same names, ``converted`` over them.

    Fields of ``target`` the input lacks keep their defaults (``version`` of a create
    input); every field of the input must be a field of ``target``, be converted, or be
    ``taken`` by the caller for another use (the requirement a new task belongs to).
    """
    names = {field.name for field in dataclasses.fields(target)}  # type: ignore[arg-type]
    given = _input_fields(data)
    stray = sorted(given - names - set(converted) - set(taken))
    if stray:
        raise TypeError(f"{type(data).__name__} has fields {target.__name__} lacks: {stray}")
    values = {name: getattr(data, name) for name in given & names if name not in converted}
    return target(**values, **converted)


def _input_fields(data: object) -> set[str]:
    if has_object_definition(data):
        return {field.python_name for field in type(data).__strawberry_definition__.fields}  # type: ignore[attr-defined]
    return {field.name for field in dataclasses.fields(data)}  # type: ignore[arg-type]
