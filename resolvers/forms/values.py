"""Values of admin-defined form fields (自定义字段): checked per type, stored, read, filtered.

A field's definition travels as a :class:`FieldDef`, built from a live ``FormField`` row or
from a version snapshot, so a requirement's values are always read with the definition it
was written against. Values are stored in ``Requirement.custom_fields`` in a normalised
JSON form (see :func:`coerce`) and, for filtering, as ``RequirementFieldValue`` rows.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from strawberry import relay
from tortoise.backends.base.client import BaseDBAsyncClient

from models import Attachment, Department, FormField, RequirementFieldValue, User
from models.enums import FormFieldType
from resolvers.access.auth import Viewer
from resolvers.access.scope import scoped
from resolvers.errors import BadUserInput

#: The largest key of an INTEGER primary key (a larger one names nothing).
INTEGER_KEY_MAX = 2**31 - 1

T = FormFieldType
#: The longest TEXT value (a form field, not a document: long texts belong in attachments).
TEXT_MAX = 2000
#: The longest text kept in the filter index (the column's size).
INDEX_TEXT_MAX = 255
#: Numbers and amounts must stay below this in absolute value (the index column's range).
NUMBER_LIMIT = Decimal("1e15")
NUMBER_PLACES = 6
MONEY_PLACES = 2
MAX_CHOICES = 100
CHOICE_TYPES = frozenset({T.CHOICE, T.MULTI_CHOICE})
#: Types whose value is a row of another table, given as that row's global id.
RELATION_TYPES: dict[FormFieldType, str] = {
    T.USER: "User",
    T.DEPARTMENT: "Department",
    T.FILE: "Attachment",
}


#: The columns of a ``form_field`` row a definition is made of.
COLUMNS = (
    "key",
    "label",
    "field_type",
    "label_en",
    "required",
    "options",
    "help_text",
    "position",
    "template_id",
    "active",
)


@dataclass(frozen=True)
class FieldDef:
    """One field's definition as a form version knew it."""

    key: str
    label: str
    field_type: FormFieldType
    label_en: str = ""
    required: bool = False
    options: list[dict[str, str]] = field(default_factory=list)
    help_text: str = ""
    position: int = 0
    template_id: int | None = None
    active: bool = True

    @classmethod
    def of(cls, row: FormField) -> FieldDef:
        return cls.from_columns({column: getattr(row, column) for column in COLUMNS})

    @classmethod
    def from_columns(cls, row: Mapping[str, Any]) -> FieldDef:
        """A live ``form_field`` row's definition, from its :data:`COLUMNS` (a model or
        the JSON object the compiled path reads them into)."""
        return cls(
            key=row["key"],
            label=row["label"],
            field_type=FormFieldType(row["field_type"]),
            label_en=row["label_en"],
            required=row["required"],
            options=list(row["options"] or []),
            help_text=row["help_text"],
            position=row["position"],
            template_id=row["template_id"],
            active=row["active"],
        )

    @classmethod
    def from_snapshot(cls, data: dict[str, Any]) -> FieldDef:
        return cls(
            key=str(data["key"]),
            label=str(data.get("label") or data["key"]),
            field_type=FormFieldType(data.get("type") or data.get("fieldType") or "TEXT"),
            label_en=str(data.get("labelEn") or ""),
            required=bool(data.get("required")),
            options=list(data.get("options") or []),
            help_text=str(data.get("helpText") or ""),
            position=int(data.get("position") or 0),
            template_id=data.get("templateId"),
            active=bool(data.get("active", True)),
        )

    def snapshot(self) -> dict[str, Any]:
        """The JSON form kept in form and template version snapshots."""
        return {
            "key": self.key,
            "label": self.label,
            "labelEn": self.label_en,
            "type": self.field_type.value,
            "required": self.required,
            "options": self.options,
            "helpText": self.help_text,
            "position": self.position,
            "templateId": self.template_id,
            "active": self.active,
        }

    @property
    def input_name(self) -> str:
        """How refusals name the field: the input path a client sent it under."""
        return f"customFields.{self.key}"

    def option(self, value: str) -> dict[str, str] | None:
        return next((o for o in self.options if str(o.get("value")) == value), None)


def _refuse(definition: FieldDef, zh: str, en: str) -> BadUserInput:
    label = definition.label
    return BadUserInput(
        f"「{label}」{zh} ({definition.label_en or definition.key}: {en})",
        field=definition.input_name,
        key=definition.key,
    )


def is_blank(value: Any) -> bool:
    """No value given: null, an empty or blank string, an empty list."""
    return value is None or (isinstance(value, str) and not value.strip()) or value == []


def _decimal(definition: FieldDef, raw: Any, places: int) -> Decimal:
    if isinstance(raw, bool) or not isinstance(raw, int | float | str | Decimal):
        raise _refuse(definition, "应为数字", "a number is expected")
    try:
        number = Decimal(str(raw).strip())
    except InvalidOperation as exc:
        raise _refuse(definition, "应为数字", "a number is expected") from exc
    if not number.is_finite() or abs(number) >= NUMBER_LIMIT:
        raise _refuse(definition, "数值超出范围", "the number is out of range")
    exponent = number.normalize().as_tuple().exponent
    if isinstance(exponent, int) and -exponent > places:
        raise _refuse(
            definition, f"最多{places}位小数", f"at most {places} decimal places are allowed"
        )
    return number


def _global_id(definition: FieldDef, raw: Any) -> int:
    type_name = RELATION_TYPES[definition.field_type]
    try:
        global_id = relay.GlobalID.from_id(str(raw))
        pk = int(global_id.node_id)
    except Exception as exc:
        raise _refuse(definition, "不是有效的ID", f"not a valid {type_name} id") from exc
    if global_id.type_name != type_name or not 0 < pk <= INTEGER_KEY_MAX:
        raise _refuse(definition, f"应为{type_name}的ID", f"a {type_name} id is expected")
    return pk


async def coerce(definition: FieldDef, raw: Any, viewer: Viewer | None = None) -> Any:
    """The normalised JSON value of ``raw`` for this field, or a BAD_USER_INPUT naming it.

    Normal forms: TEXT a trimmed string; NUMBER and MONEY a decimal string (MONEY with two
    places); DATE an ISO date; CHOICE an option value; MULTI_CHOICE a list of them; USER,
    DEPARTMENT and FILE the row's primary key (given as a global id, like every id the API
    accepts).
    """
    kind = definition.field_type
    if kind is T.TEXT:
        if not isinstance(raw, str):
            raise _refuse(definition, "应为文本", "text is expected")
        text = raw.strip()
        if len(text) > TEXT_MAX:
            raise _refuse(definition, f"最多{TEXT_MAX}字", f"at most {TEXT_MAX} characters")
        return text
    if kind is T.NUMBER:
        return format(_decimal(definition, raw, NUMBER_PLACES).normalize(), "f")
    if kind is T.MONEY:
        amount = _decimal(definition, raw, MONEY_PLACES)
        return format(amount.quantize(Decimal("0.01")), "f")
    if kind is T.DATE:
        try:
            return date.fromisoformat(str(raw).strip()).isoformat()
        except ValueError as exc:
            raise _refuse(definition, "应为日期 YYYY-MM-DD", "an ISO date is expected") from exc
    if kind is T.CHOICE:
        if not isinstance(raw, str) or definition.option(raw) is None:
            raise _refuse(definition, "不是可选项之一", "not one of the options")
        return raw
    if kind is T.MULTI_CHOICE:
        if not isinstance(raw, list) or len(raw) > MAX_CHOICES:
            raise _refuse(definition, "应为可选项列表", "a list of options is expected")
        for item in raw:
            if not isinstance(item, str) or definition.option(item) is None:
                raise _refuse(definition, "含有不存在的选项", "not one of the options")
        return list(dict.fromkeys(raw))
    return await _relation(definition, _global_id(definition, raw), viewer)


async def _relation(definition: FieldDef, pk: int, viewer: Viewer | None) -> int:
    kind = definition.field_type
    if kind is T.USER:
        found = await User.filter(id=pk, is_active=True).exists()
    elif kind is T.DEPARTMENT:
        found = await Department.filter(id=pk, is_active=True).exists()
    else:  # FILE: an attachment the person filling in the form may read
        query = scoped(Attachment, viewer, id=pk) if viewer else Attachment.filter(id=pk)
        found = await query.exists()
    if not found:
        raise _refuse(definition, "所选对象不存在或已停用", "no such active record")
    return pk


async def check_values(
    definitions: list[FieldDef], values: Any, viewer: Viewer | None = None
) -> dict[str, Any]:
    """Validate ``values`` (by key) against the active ``definitions``; normalised values.

    Unknown keys are refused, required fields must have a value, blank values are dropped.
    A required FILE field is the exception: its value is an attachment of the requirement,
    which exists only once the draft was saved, so it is asked for at submission
    (``resolvers/requirements/key_points.py``), like the form's key points.
    """
    if values is None:
        values = {}
    if not isinstance(values, dict):
        raise BadUserInput(
            "自定义字段应为以字段键为键的对象 (customFields must be an object by key)",
            field="customFields",
        )
    by_key = {d.key: d for d in definitions}
    for key in values:
        if key not in by_key:
            raise BadUserInput(
                f"表单没有字段「{key}」 (the form has no field {key})",
                field=f"customFields.{key}",
                key=str(key),
            )
    normalised: dict[str, Any] = {}
    for definition in sorted(definitions, key=lambda d: (d.position, d.key)):
        raw = values.get(definition.key)
        if is_blank(raw):
            if definition.required and definition.field_type is not T.FILE:
                raise _refuse(definition, "为必填项", "this field is required")
            continue
        normalised[definition.key] = await coerce(definition, raw, viewer)
    return normalised


def index_rows(
    requirement_id: int, kinds: dict[str, FormFieldType], values: dict[str, Any]
) -> list[RequirementFieldValue]:
    """The filter index of a requirement's values: one row per scalar (per chosen option)."""
    rows: list[RequirementFieldValue] = []
    for key, value in values.items():
        kind = kinds.get(key)
        if kind is None:
            continue
        scalars = value if isinstance(value, list) else [value]
        for scalar in scalars:
            row = RequirementFieldValue(requirement_id=requirement_id, key=key)
            if kind in (T.NUMBER, T.MONEY):
                row.number_value = Decimal(str(scalar)).quantize(Decimal("0.01"))
            elif kind in RELATION_TYPES:
                row.number_value = Decimal(int(scalar))
            elif kind is T.DATE:
                row.date_value = date.fromisoformat(str(scalar))
            else:
                row.text_value = str(scalar)[:INDEX_TEXT_MAX]
            rows.append(row)
    return rows


async def write_index(
    requirement_id: int,
    kinds: dict[str, FormFieldType],
    values: dict[str, Any],
    conn: BaseDBAsyncClient | None,
) -> None:
    """Replace the requirement's filter index rows (in the caller's transaction)."""
    await RequirementFieldValue.filter(requirement_id=requirement_id).using_db(conn).delete()
    rows = index_rows(requirement_id, kinds, values)
    if rows:
        await RequirementFieldValue.bulk_create(rows, using_db=conn)
