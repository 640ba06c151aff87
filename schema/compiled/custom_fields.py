"""``Requirement.customFields`` on the compiled path: read in the statement, finished in Python.

A requirement's values are read with the definitions it was written against: the live
fields, overlaid by the snapshots of its form and template versions, retired flags from the
live rows, then ranked (``resolvers/forms/reading.py``). Saying that merge again in SQL would
give it two definitions; instead the statement selects, per requirement, the raw parts —
the values as stored, the two snapshots, the live fields and, for each ``user``,
``department`` or ``file`` the document selects, the rows the values name, in the viewer's
scope, as the document selects them — and :func:`custom_values` turns them into the list
with the same functions the GraphQL type uses (``finish.py`` calls it).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from itertools import count
from typing import Any

from models import FormField, RequirementFormVersion, RequirementTemplateVersion
from models.enums import FormFieldType
from resolvers.forms import reading
from resolvers.forms.reading import StoredValue
from resolvers.forms.values import COLUMNS, FieldDef
from schema.compiled.fields import SOURCES
from schema.compiled.kinds import Finished
from schema.compiled.plan import TYPENAME, ObjectPlan
from schema.compiled.scope import marker

#: A nested object's ``json_build_object`` over a row alias (``sql._object``).
Render = Callable[[ObjectPlan, str], str]
#: The members naming a row, and the kind of value that names it.
_ROWS = {
    "user": FormFieldType.USER,
    "department": FormFieldType.DEPARTMENT,
    "file": FormFieldType.FILE,
}
#: Keys of the values that may name a row (a primary key, as a number or digits).
_NAMED_IDS = (
    "SELECT CAST(e.value AS integer) FROM jsonb_each_text({values}) AS e"
    " WHERE e.value SIMILAR TO '[0-9]{{1,9}}'"
)


def custom_fields_sql(plan: ObjectPlan, alias: str, aliases: count[int], render: Render) -> str:
    """The raw parts of the requirement row ``alias``'s custom values, null when it has none."""
    values = f'{alias}."custom_fields"'
    live, form, template = (f"c{next(aliases)}" for _ in range(3))
    live_row = ", ".join(f"'{column}', {live}.\"{column}\"" for column in COLUMNS)
    named = []
    for key, name, source, sub in plan.fields:
        if name in _ROWS and isinstance(source, Finished) and sub is not None:
            target, row = SOURCES[str(source.target)], f"c{next(aliases)}"
            named += [
                f"'{key}'",
                f"(SELECT coalesce(json_object_agg({row}.\"id\", {render(sub, row)}), '{{}}'::json)"
                f' FROM "{target.table}" AS {row} WHERE {marker(target.model, row)}'
                f' AND {row}."id" IN ({_NAMED_IDS.format(values=values)}))',
            ]
    parts = [
        "'key'",
        f'json_build_array({alias}."form_version", {alias}."template_id",'
        f' {alias}."template_version")',
        "'values'",
        values,
        "'form'",
        f'(SELECT {form}."snapshot" FROM "{RequirementFormVersion._meta.db_table}" AS {form}'
        f' WHERE {form}."version" = {alias}."form_version")',
        "'template'",
        f'(SELECT {template}."snapshot"'
        f' FROM "{RequirementTemplateVersion._meta.db_table}" AS {template}'
        f' WHERE {template}."template_id" = {alias}."template_id"'
        f' AND {template}."version" = {alias}."template_version")',
        "'live'",
        f"(SELECT coalesce(json_agg(json_build_object({live_row})"
        f' ORDER BY {live}."position", {live}."id"), \'[]\'::json)'
        f' FROM "{FormField._meta.db_table}" AS {live}'
        f' WHERE {live}."template_id" IS NULL OR {live}."template_id" = {alias}."template_id")',
        "'rows'",
        f"json_build_object({', '.join(named)})",
    ]
    return (
        f"CASE WHEN jsonb_typeof({values}) = 'object' AND {values} <> '{{}}'::jsonb"
        f" THEN json_build_object({', '.join(parts)}) END"
    )


def custom_values(raw: dict[str, Any], plan: ObjectPlan) -> list[dict[str, Any]]:
    """The ``CustomFieldValue`` list of one requirement from the parts its statement read."""
    form_version, template_id, template_version = raw["key"]
    live = [FieldDef.from_columns(row) for row in raw["live"]]
    definitions = reading.definitions_of(
        (form_version, template_id, template_version), live, raw["form"], raw["template"]
    )
    rows: dict[str, dict[str, Any]] = raw["rows"]
    return [
        _value(stored, plan, rows) for stored in reading.read_values(definitions, raw["values"])
    ]


def _value(stored: StoredValue, plan: ObjectPlan, rows: dict[str, dict[str, Any]]) -> Any:
    """One ``CustomFieldValue`` as the plan selects it, serialized as the schema does
    (decimals as text, dates ISO, the type by its enum name)."""
    found: dict[str, Any] = {}
    for key, name, _, sub in plan.fields:
        if name == TYPENAME:
            found[key] = "CustomFieldValue"
        elif name in _ROWS:
            pk = reading.row_of(stored, _ROWS[name])
            found[key] = None if pk is None else rows[key].get(str(pk))
        elif name == "choices":
            chosen = reading.choices_of(stored)
            found[key] = (
                None if chosen is None or sub is None else [_option(o, sub) for o in chosen]
            )
        else:
            found[key] = _SCALARS[name](stored)
    return found


def _option(option: dict[str, str], plan: ObjectPlan) -> dict[str, str]:
    return {
        key: "FormFieldOption" if name == TYPENAME else option[name]
        for key, name, _, _ in plan.fields
    }


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def _iso(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


_SCALARS: dict[str, Callable[[StoredValue], Any]] = {
    "key": lambda stored: stored.definition.key,
    "label": lambda stored: stored.definition.label,
    "labelEn": lambda stored: stored.definition.label_en,
    "type": lambda stored: stored.definition.field_type.name,
    "retired": lambda stored: stored.retired,
    "textValue": reading.text_of,
    "numberValue": lambda stored: _text(reading.number_of(stored, FormFieldType.NUMBER)),
    "moneyValue": lambda stored: _text(reading.number_of(stored, FormFieldType.MONEY)),
    "dateValue": lambda stored: _iso(reading.date_of(stored)),
}
