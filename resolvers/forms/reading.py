"""Reading custom field values back: with the definition they were written against.

A requirement records the base form version and the template version it was made with;
its values are read with the field definitions of those snapshots, so a field the admin
renamed, re-optioned or retired since still reads with the label and options the person
filling in the form saw. A key no snapshot knows falls back to the live (possibly retired)
``FormField`` row, and last to a plain text reading of the stored value.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from strawberry import relay
from tortoise.expressions import Q

from models import (
    Attachment,
    Department,
    FormField,
    Requirement,
    RequirementFormVersion,
    RequirementTemplateVersion,
    User,
)
from models.enums import FormFieldType
from resolvers.errors import BadUserInput
from resolvers.forms.values import RELATION_TYPES, FieldDef

T = FormFieldType
#: (base form version, template id, template version) of a requirement.
DefinitionKey = tuple[int | None, int | None, int | None]
#: Which index column holds the values of each type.
COLUMNS: dict[FormFieldType, str] = {
    T.TEXT: "text_value",
    T.CHOICE: "text_value",
    T.MULTI_CHOICE: "text_value",
    T.NUMBER: "number_value",
    T.MONEY: "number_value",
    T.USER: "number_value",
    T.DEPARTMENT: "number_value",
    T.FILE: "number_value",
    T.DATE: "date_value",
}


def definition_key(requirement: Requirement) -> DefinitionKey:
    return (requirement.form_version, requirement.template_id, requirement.template_version)


async def load_definitions(keys: Sequence[DefinitionKey]) -> list[dict[str, FieldDef]]:
    """The field definitions (by key) each requirement was written against: three queries."""
    form_versions = {k[0] for k in keys if k[0] is not None}
    template_ids = {k[1] for k in keys if k[1] is not None}
    forms = {
        row.version: row.snapshot
        for row in await RequirementFormVersion.filter(version__in=form_versions)
    }
    templates: dict[tuple[int, int], dict[str, Any]] = {}
    if template_ids:
        versions = {k[2] for k in keys if k[2] is not None}
        rows = await RequirementTemplateVersion.filter(
            template_id__in=template_ids, version__in=versions
        )
        templates = {(row.template_id, row.version): row.snapshot for row in rows}
    live = [
        FieldDef.of(row)
        for row in await FormField.filter(
            Q(template_id=None) | Q(template_id__in=template_ids)
        ).order_by("position", "id")
    ]
    result = []
    for key in keys:
        form_version, template_id, template_version = key
        form = forms.get(form_version) if form_version is not None else None
        template = None
        if template_id is not None and template_version is not None:
            template = templates.get((template_id, template_version))
        result.append(definitions_of(key, live, form, template))
    return result


def definitions_of(
    key: DefinitionKey, live: Sequence[FieldDef], form: Any, template: Any
) -> dict[str, FieldDef]:
    """The definitions (by key, in form order) one requirement's values are read with.

    ``live``: the current fields by position and id (retired ones included; those of other
    templates are passed over), the fallback; over them what the base form's version
    (``form``, its snapshot) and the template's version (``template``) knew, each still
    active only if its live field is. The one reading of both the generic resolver and the
    compiled path (``schema/compiled/custom_fields.py``).
    """
    form_version, template_id, template_version = key
    found: dict[str, FieldDef] = {}
    for definition in live:  # the fallback: current definitions, retired ones included
        if definition.template_id in (None, template_id):
            found[definition.key] = definition
    snapshots = list(form or []) if form_version else []
    if template_id is not None and template_version is not None:
        snapshots += [
            {**item, "templateId": template_id} for item in (template or {}).get("formFields") or []
        ]
    for item in snapshots:
        definition = FieldDef.from_snapshot(item)
        live_definition = found.get(definition.key)
        # still on the form? (what the version knew, but is it retired now)
        active = live_definition.active if live_definition is not None else False
        found[definition.key] = FieldDef(**{**definition.__dict__, "active": active})
    return found


@dataclass(frozen=True)
class StoredValue:
    """One stored value with the definition it is read with."""

    definition: FieldDef
    value: Any

    @property
    def retired(self) -> bool:
        return not self.definition.active


def read_values(definitions: dict[str, FieldDef], values: dict[str, Any]) -> list[StoredValue]:
    """A requirement's values in form order (base form first), unknown keys as text."""
    found = []
    for key, value in values.items():
        definition = definitions.get(key) or FieldDef(
            key=key, label=key, field_type=T.TEXT, active=False
        )
        found.append(StoredValue(definition, value))
    order = {key: index for index, key in enumerate(definitions)}  # (position, id) order

    def rank(stored: StoredValue) -> tuple[bool, int, int]:
        definition = stored.definition
        unknown = len(order)
        return (
            definition.template_id is not None,
            definition.position,
            order.get(definition.key, unknown),
        )

    return sorted(found, key=rank)


def chosen(stored: StoredValue) -> list[dict[str, str]]:
    """The selected options of a choice value, with their labels (an unknown one as itself)."""
    values = stored.value if isinstance(stored.value, list) else [stored.value]
    return [
        stored.definition.option(str(v)) or {"value": str(v), "label": str(v), "labelEn": ""}
        for v in values
    ]


def decimal_of(stored: StoredValue) -> Decimal | None:
    try:
        return Decimal(str(stored.value))
    except InvalidOperation:
        return None


# What each member of a ``CustomFieldValue`` reads (the one that its type names is set), for
# the GraphQL type (``schema/forms/fields.py``) and the compiled path alike.


def text_of(stored: StoredValue) -> str | None:
    return str(stored.value) if stored.definition.field_type is T.TEXT else None


def number_of(stored: StoredValue, kind: FormFieldType) -> Decimal | None:
    """The value of a NUMBER or MONEY field (``kind``), as the decimal it was written."""
    return decimal_of(stored) if stored.definition.field_type is kind else None


def date_of(stored: StoredValue) -> date | None:
    return date.fromisoformat(str(stored.value)) if stored.definition.field_type is T.DATE else None


def choices_of(stored: StoredValue) -> list[dict[str, str]] | None:
    """The chosen options of a CHOICE or MULTI_CHOICE value: value, label, labelEn."""
    if stored.definition.field_type not in (T.CHOICE, T.MULTI_CHOICE):
        return None
    return [
        {
            "value": str(option.get("value", "")),
            "label": str(option.get("label", "")),
            "labelEn": str(option.get("labelEn", "")),
        }
        for option in chosen(stored)
    ]


def row_of(stored: StoredValue, kind: FormFieldType) -> int | None:
    """The primary key a USER, DEPARTMENT or FILE value (``kind``) names."""
    return int(stored.value) if stored.definition.field_type is kind else None


async def archive_entries(requirement: Requirement) -> list[dict[str, Any]]:
    """The custom values as the archive keeps them: label, type, value, readable text."""
    (definitions,) = await load_definitions([definition_key(requirement)])
    entries = []
    for stored in read_values(definitions, dict(requirement.custom_fields or {})):
        definition = stored.definition
        entries.append(
            {
                "key": definition.key,
                "label": definition.label,
                "labelEn": definition.label_en,
                "type": definition.field_type.value,
                "value": stored.value,
                "display": await _display(stored),
            }
        )
    return entries


async def _display(stored: StoredValue) -> str:
    kind = stored.definition.field_type
    if kind in (T.CHOICE, T.MULTI_CHOICE):
        return "、".join(option.get("label", "") for option in chosen(stored))
    if kind is T.USER:
        user = await User.get_or_none(id=int(stored.value))
        return f"{user.display_name} ({user.username})" if user else str(stored.value)
    if kind is T.DEPARTMENT:
        department = await Department.get_or_none(id=int(stored.value))
        return department.name if department else str(stored.value)
    if kind is T.FILE:
        attachment = await Attachment.get_or_none(id=int(stored.value))
        return attachment.file_name if attachment else str(stored.value)
    return str(stored.value)


@dataclass
class FieldCondition:
    """One ``customFields`` filter condition, resolved to an index column and typed values."""

    key: str
    column: str
    equals: Any = None
    any_of: list[Any] | None = None
    gte: Any = None
    lte: Any = None
    contains: str | None = None

    def lookups(self) -> dict[str, Any]:
        found: dict[str, Any] = {"key": self.key}
        if self.equals is not None:
            found[self.column] = self.equals
        if self.any_of is not None:
            found[f"{self.column}__in"] = self.any_of
        if self.gte is not None:
            found[f"{self.column}__gte"] = self.gte
        if self.lte is not None:
            found[f"{self.column}__lte"] = self.lte
        if self.contains is not None:
            found[f"{self.column}__icontains"] = self.contains
        return found


@dataclass
class RawCondition:
    """A filter condition as the client sent it: values as strings."""

    key: str
    equals: str | None = None
    any_of: list[str] | None = None
    gte: str | None = None
    lte: str | None = None
    contains: str | None = None


MAX_CONDITIONS = 10


async def field_conditions(raw: Sequence[RawCondition]) -> list[FieldCondition]:
    """Resolve each condition's key to its type and parse its values (``BAD_USER_INPUT``)."""
    if len(raw) > MAX_CONDITIONS:
        raise BadUserInput(
            f"最多{MAX_CONDITIONS}个条件 (too many conditions)", field="customFields"
        )
    keys = {c.key for c in raw}
    rows = await FormField.filter(key__in=keys).order_by("-active", "id") if keys else []
    kinds: dict[str, FormFieldType] = {}
    for row in rows:
        kinds.setdefault(row.key, FormFieldType(row.field_type))
    resolved = []
    for condition in raw:
        kind = kinds.get(condition.key)
        if kind is None:
            raise BadUserInput(
                f"没有字段「{condition.key}」 (no field {condition.key})",
                field="customFields.key",
                key=condition.key,
            )
        if condition.contains is not None and len(condition.contains) > 100:
            raise BadUserInput("搜索词过长 (contains: at most 100)", field="customFields.contains")

        def parse(text: str | None, kind: FormFieldType = kind, key: str = condition.key) -> Any:
            return None if text is None else _parse(kind, key, text)

        resolved.append(
            FieldCondition(
                key=condition.key,
                column=COLUMNS[kind],
                equals=parse(condition.equals),
                any_of=None if condition.any_of is None else [parse(v) for v in condition.any_of],
                gte=parse(condition.gte),
                lte=parse(condition.lte),
                contains=condition.contains if kind is T.TEXT else None,
            )
        )
    return resolved


def _parse(kind: FormFieldType, key: str, text: str) -> Any:
    field = f"customFields.{key}"
    try:
        if kind in (T.NUMBER, T.MONEY):
            number = Decimal(text.strip())
            if not number.is_finite():
                raise ValueError(text)
            return number
        if kind is T.DATE:
            return date.fromisoformat(text.strip())
        if kind in RELATION_TYPES:
            global_id = relay.GlobalID.from_id(text)
            if global_id.type_name != RELATION_TYPES[kind]:
                raise ValueError(text)
            return Decimal(int(global_id.node_id))
    except Exception as exc:  # a malformed number, date or global id alike
        raise BadUserInput(
            f"筛选值不符合字段类型{kind.value} (a {kind.value} value is expected)", field=field
        ) from exc
    return text
