"""The Requirement Form's standard fields on the GraphQL types, from their one declaration
(``resolvers/requirements/form.py``), and the inputs turned into the use case's form.

:func:`standard_fields` adds the declared fields to a strawberry class before strawberry
reads it: a field the class declares itself keeps its own wording and place, the others
come in the form's order after the field named ``after``. So a new standard field reaches
the ``Requirement`` type and the three requirement inputs without being written there.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from datetime import date
from typing import Any, Literal, TypeVar

import strawberry

from resolvers.requirements.form import FIELDS, Kind
from schema.enums import Priority

T = TypeVar("T", bound=type)

_TYPES: dict[Kind, Any] = {Kind.TEXT: str, Kind.DATE: date, Kind.PRIORITY: Priority}
_CREATE_DEFAULTS: dict[Kind, Any] = {Kind.TEXT: "", Kind.DATE: None, Kind.PRIORITY: Priority.NORMAL}


def standard_fields(*, role: Literal["shown", "asked", "changed"], after: str) -> Callable[[T], T]:
    """Add the form's standard fields to a type (``shown``), a create input (``asked``: texts
    default to empty, the priority to NORMAL) or the update input (``changed``: every field
    optional, omitted means unchanged)."""

    def add(cls: T) -> T:
        own: dict[str, Any] = dict(inspect.get_annotations(cls))
        if after not in own:
            raise TypeError(f"{cls.__name__} declares no field {after!r} to add the form after")
        added: dict[str, Any] = {}
        for spec in FIELDS:
            if spec.name in own:
                continue
            kind = _TYPES[spec.kind]
            description = getattr(spec, role)
            if role == "changed":
                added[spec.name] = kind | None
                value = strawberry.field(default=None, description=description)
            elif role == "asked":
                added[spec.name] = kind | None if spec.kind is Kind.DATE else kind
                default = _CREATE_DEFAULTS[spec.kind]
                value = strawberry.field(default=default, description=description)
            else:
                added[spec.name] = kind | None if spec.kind is Kind.DATE else kind
                value = strawberry.field(description=description)
            setattr(cls, spec.name, value)
        ordered: dict[str, Any] = {}
        for name, annotation in own.items():
            ordered[name] = annotation
            if name == after:
                ordered.update(added)
        cls.__annotations__ = ordered
        return cls

    return add


def standard_values(data: object) -> dict[str, Any]:
    """The standard fields' values of any requirement input, by name (the use case's form
    takes them as they are: ``None`` leaves a field unchanged on update)."""
    return {spec.name: getattr(data, spec.name) for spec in FIELDS}
