"""``Review.contentChangedSinceApproval`` on the compiled path: read in SQL, compared in Python.

A reviewer signs the SHA-256 of the requirement's content as they saw it
(``resolvers/requirements/signoff.content_hash``: the signed fields, the involved
departments and the custom values, serialized canonically by Python's ``json``). Writing
that serialization again in SQL would give the fingerprint two definitions, and PostgreSQL
orders a ``jsonb`` object's keys differently from ``sort_keys``. So the statement selects the
parts — the hash that was signed, the requirement's signed fields and custom values as
stored, its involved departments — and :func:`content_changed` builds the requirement as
Tortoise reads it and asks ``content_hash`` (``finish.py`` calls it).
"""

from __future__ import annotations

from itertools import count
from typing import Any

from models import Requirement, RequirementDepartment
from resolvers.requirements.form import SIGNED
from resolvers.requirements.signoff import content_hash


def signed_content_sql(alias: str, aliases: count[int]) -> str:
    """The parts the review row ``alias``'s answer is computed from."""
    requirement, involved = f"c{next(aliases)}", f"c{next(aliases)}"
    columns = ", ".join(f"'{name}', {requirement}.\"{name}\"" for name in SIGNED)
    return (
        f"json_build_object('signed', {alias}.\"content_hash\", 'content',"
        f" (SELECT json_build_object({columns}, 'custom_fields', {requirement}.\"custom_fields\")"
        f' FROM "{Requirement._meta.db_table}" AS {requirement}'
        f' WHERE {requirement}."id" = {alias}."requirement_id"), \'involved\','
        f" (SELECT coalesce(json_agg({involved}.\"department_id\"), '[]'::json)"
        f' FROM "{RequirementDepartment._meta.db_table}" AS {involved}'
        f' WHERE {involved}."requirement_id" = {alias}."requirement_id"))'
    )


def content_changed(parts: dict[str, Any]) -> bool:
    """Whether the requirement's content now hashes otherwise than what was signed (the
    fields converted by Tortoise's own fields, as a read of the row converts them)."""
    content = parts["content"]
    requirement = Requirement(
        **{name: content[name] for name in SIGNED},
        custom_fields=content["custom_fields"] or {},
    )
    return bool(content_hash(requirement, parts["involved"]) != parts["signed"])
