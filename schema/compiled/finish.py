"""The fields a compiled statement reads the parts of and Python finishes.

Two answers are computed by Python functions that SQL would have to restate: a
requirement's custom values (``custom_fields.py``: definitions merged from snapshots) and
whether a review's requirement changed since it was signed (``signed_content.py``: a
SHA-256 over a canonical Python serialization). The statement selects their parts in place;
a node whose plan has either is parsed, finished here, and written again. Every other node
stays the text PostgreSQL wrote.
"""

from __future__ import annotations

from typing import Any

import orjson

from schema.compiled.custom_fields import custom_values
from schema.compiled.kinds import ContentChanged, CustomFields, Finished
from schema.compiled.plan import ObjectPlan
from schema.compiled.signed_content import content_changed


def finishes(plan: ObjectPlan) -> bool:
    """Whether a node of ``plan`` has a field to finish, at any depth."""
    return any(
        isinstance(source, (CustomFields, ContentChanged)) or (sub is not None and finishes(sub))
        for _, _, source, sub in plan.fields
        if not isinstance(source, Finished)
    )


def finished(node: str, plan: ObjectPlan) -> str:
    """The node's JSON text with every such field written out."""
    value = orjson.loads(node)  # as Tortoise decodes a JSON column: the same numbers
    _finish(value, plan)
    return orjson.dumps(value).decode()


def _finish(node: dict[str, Any], plan: ObjectPlan) -> None:
    for key, _, source, sub in plan.fields:
        if isinstance(source, ContentChanged):
            node[key] = content_changed(node[key])
        elif sub is None:
            continue
        elif isinstance(source, CustomFields):  # null: no values (the list is non-null)
            node[key] = [] if node[key] is None else custom_values(node[key], sub)
        elif node[key] is not None:  # an object, or a list of them
            for item in node[key] if isinstance(node[key], list) else [node[key]]:
                _finish(item, sub)
