"""Admin-defined form fields (自定义表单字段): the definitions, their versions, the values.

Two entry points for every use case that writes a requirement (createRequirement,
updateRequirement, createRequirementFromTemplate):

* :func:`validate_custom_fields` — check the values a client sent against the base form's
  active fields plus the template's, before anything is written (a ``BAD_USER_INPUT`` names
  the field as ``customFields.<key>``);
* :func:`store_custom_fields` — write the validated values onto the requirement in the
  caller's transaction: the JSON column, the filter index rows and the base form version.

The ADMIN defines fields with :func:`create_form_field`, :func:`update_form_field` and
:func:`retire_form_field`. Each change is audited and versioned: a base form change writes a
new ``RequirementFormVersion`` snapshot; a template form change raises the template's version
(``resolvers.templates.definitions.bump_template_version``, which snapshots the template
with its fields).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from models import FormField, Requirement, RequirementFormVersion, RequirementTemplate
from models.enums import FormFieldType
from resolvers import audit
from resolvers.access import policy
from resolvers.access.auth import Viewer
from resolvers.errors import BadUserInput, NotFound
from resolvers.forms.values import CHOICE_TYPES, FieldDef, check_values, write_index
from resolvers.templates.definitions import bump_template_version
from resolvers.workflow import NOT_FOUND_MESSAGE

KEY_PATTERN = re.compile(r"^[A-Za-z][A-Za-z0-9_]{0,63}$")
MAX_OPTIONS = 100
#: The columns a field-definition audit entry records.
AUDITED = (
    "template_id",
    "key",
    "label",
    "label_en",
    "field_type",
    "required",
    "options",
    "help_text",
    "position",
    "active",
)


async def active_fields(template_id: int | None) -> list[FieldDef]:
    """The fields a new requirement fills in: the base form's plus the template's, in order."""
    query = FormField.filter(active=True, template_id=None)
    rows = list(await query)
    if template_id is not None:
        rows += list(await FormField.filter(active=True, template_id=template_id))
    definitions = [FieldDef.of(row) for row in rows]
    return sorted(definitions, key=lambda d: (d.template_id is not None, d.position, d.key))


@dataclass
class CurrentForm:
    """The form a new requirement fills in now."""

    version: int | None
    template_version: int | None
    fields: list[FormField]


async def current_form(template_id: int | None) -> CurrentForm:
    """The base form's active fields (then the template's), with the versions they form."""
    template_version = None
    rows = list(await FormField.filter(active=True, template_id=None))
    if template_id is not None:
        template = await RequirementTemplate.get_or_none(id=template_id)
        if template is None:
            raise NotFound(NOT_FOUND_MESSAGE)
        template_version = template.version
        rows += list(await FormField.filter(active=True, template_id=template_id))
    rows.sort(key=lambda r: (r.template_id is not None, r.position, r.id))
    return CurrentForm(await current_form_version(), template_version, rows)


async def validate_custom_fields(
    template_id: int | None, values: dict[str, Any] | None, *, viewer: Viewer | None = None
) -> dict[str, Any]:
    """Check ``values`` (by field key) against the form; the normalised values.

    Raises ``BAD_USER_INPUT`` naming the field (``customFields.<key>``) for an unknown key,
    a missing required value or a value of the wrong type; pass ``viewer`` so a FILE value
    must be an attachment that person may read.
    """
    return await check_values(await active_fields(template_id), values, viewer)


async def current_form_version(conn: BaseDBAsyncClient | None = None) -> int | None:
    """The base form's latest version, ``None`` before the admin first changed it."""
    found = await RequirementFormVersion.all().using_db(conn).order_by("-version").first()
    return found.version if found else None


async def store_custom_fields(
    requirement: Requirement,
    values: dict[str, Any],
    conn: BaseDBAsyncClient | None = None,
) -> None:
    """Write validated values onto ``requirement``: JSON column, filter index, form version.

    Call it inside the transaction that creates or updates the requirement, with values from
    :func:`validate_custom_fields` (an edit passes them merged with the stored ones:
    :func:`merged_values_for_update`).
    """
    stored = dict(values)
    requirement.custom_fields = stored
    requirement.form_version = await current_form_version(conn)
    await requirement.save(
        using_db=conn, update_fields=["custom_fields", "form_version", "updated_at"]
    )
    keys = list(stored)
    rows = await FormField.filter(key__in=keys).using_db(conn) if keys else []
    kinds: dict[str, FormFieldType] = {}
    for row in rows:  # the template's own field wins over a same-named retired base field
        if row.template_id in (None, requirement.template_id) or row.key not in kinds:
            kinds[row.key] = FormFieldType(row.field_type)
    await write_index(requirement.id, kinds, stored, conn)


async def merged_values_for_update(
    requirement: Requirement, changes: dict[str, Any] | None, viewer: Viewer | None
) -> dict[str, Any]:
    """Validate an edit's values merged over the stored ones (null clears a field).

    Stored values of fields retired since are kept as they are, not re-validated.
    """
    definitions = await active_fields(requirement.template_id)
    active = {d.key for d in definitions}
    current = {k: v for k, v in (requirement.custom_fields or {}).items() if k in active}
    if not isinstance(changes, dict):
        return await check_values(definitions, changes, viewer)  # refused there
    checked = await check_values(definitions, {**current, **changes}, viewer)
    retired = {k: v for k, v in (requirement.custom_fields or {}).items() if k not in active}
    return {**retired, **checked}


@dataclass
class FieldInput:
    """A field definition; ``None`` leaves a value unchanged on update."""

    key: str | None = None
    label: str | None = None
    label_en: str | None = None
    field_type: FormFieldType | None = None
    required: bool | None = None
    options: list[dict[str, str]] | None = None
    help_text: str | None = None
    position: int | None = None
    active: bool | None = None


def _text(value: str | None, field: str, limit: int, *, required: bool = False) -> str:
    text = (value or "").strip()
    if required and not text:
        raise BadUserInput(f"{field}为必填项 ({field} is required)", field=field)
    if len(text) > limit:
        raise BadUserInput(f"{field}过长 (at most {limit} characters)", field=field)
    return text


def parse_options(text: str) -> list[dict[str, str]]:
    """Options written one per line as ``value|标签|Label`` (the panel's notation).

    A line with only a value uses it as its label too.
    """
    options = []
    for line in text.splitlines():
        if not line.strip():
            continue
        value, _, rest = line.partition("|")
        label, _, label_en = rest.partition("|")
        value = value.strip()
        options.append(
            {"value": value, "label": label.strip() or value, "labelEn": label_en.strip()}
        )
    return options


def format_options(options: list[dict[str, str]]) -> str:
    """The inverse of :func:`parse_options`."""
    return "\n".join(
        "|".join([o.get("value", ""), o.get("label", ""), o.get("labelEn", "")]).rstrip("|")
        for o in options
    )


def _options(kind: FormFieldType, options: list[dict[str, Any]] | None) -> list[dict[str, str]]:
    if kind not in CHOICE_TYPES:
        return []  # options mean nothing for other types: dropped rather than refused
    if not options:
        raise BadUserInput(
            "选择类字段需要至少一个选项 (a choice field needs options)", field="options"
        )
    if len(options) > MAX_OPTIONS:
        raise BadUserInput(f"选项最多{MAX_OPTIONS}个 (too many options)", field="options")
    cleaned: list[dict[str, str]] = []
    for option in options:
        value = str(option.get("value") or "").strip()
        label = str(option.get("label") or "").strip() or value
        label_en = str(option.get("labelEn") or "").strip()
        if not value or len(value) > 64 or len(label) > 100 or len(label_en) > 100:
            raise BadUserInput(
                "每个选项需有值(≤64字)和标签(≤100字) (each option needs a value and a label)",
                field="options",
            )
        if any(o["value"] == value for o in cleaned):
            raise BadUserInput(f"选项值重复：{value} (duplicate option value)", field="options")
        cleaned.append({"value": value, "label": label, "labelEn": label_en})
    return cleaned


async def _check_key(key: str, template_id: int | None, exclude: int | None = None) -> None:
    """Keys are unique within a form, and a template's keys differ from the base form's."""
    if not KEY_PATTERN.match(key):
        raise BadUserInput(
            "字段键须以字母开头，仅含字母、数字、下划线 (key: a letter, then letters, digits, _)",
            field="key",
        )
    if template_id is None:  # a base key would shadow a template's field of that key
        same = FormField.filter(key=key)
    else:  # clashes with its own form or with the base form
        same = FormField.filter(Q(template_id=template_id) | Q(template_id=None), key=key)
    if exclude is not None:
        same = same.exclude(id=exclude)
    if await same.exists():
        raise BadUserInput(f"字段键「{key}」已被使用 (key {key} is already used)", field="key")


async def _clean(data: FieldInput, current: FormField | None) -> dict[str, Any]:
    """The columns to write, checked; ``current`` is the field being edited."""
    kind = data.field_type or (FormFieldType(current.field_type) if current else None)
    if kind is None:
        raise BadUserInput("请选择字段类型 (choose a field type)", field="fieldType")
    if current is not None and kind != current.field_type:
        raise BadUserInput(
            "字段类型不可修改，请停用后新建字段 (retire the field and add a new one instead)",
            field="fieldType",
        )
    values: dict[str, Any] = {"field_type": kind}
    if current is None or data.label is not None:
        values["label"] = _text(data.label, "label", 100, required=True)
    if data.label_en is not None:
        values["label_en"] = _text(data.label_en, "labelEn", 100)
    if data.help_text is not None:
        values["help_text"] = _text(data.help_text, "helpText", 255)
    options = data.options if data.options is not None else (current.options if current else [])
    values["options"] = _options(kind, options)
    for name in ("required", "position", "active"):
        if getattr(data, name) is not None:
            values[name] = getattr(data, name)
    if values.get("position") is not None and not 0 <= values["position"] <= 10_000:
        raise BadUserInput("排序应在0到10000之间 (position 0 to 10000)", field="position")
    return values


async def create_form_field(
    viewer: Viewer, template_id: int | None, data: FieldInput, *, via: str = "api"
) -> FormField:
    """Add a field to the base form (no template) or to a template's form; ADMIN."""
    policy.require_form_designer(viewer)
    key = (data.key or "").strip()
    async with in_transaction() as conn:
        if (
            template_id is not None
            and not await RequirementTemplate.filter(id=template_id).exists()
        ):
            raise NotFound(NOT_FOUND_MESSAGE)
        await _check_key(key, template_id)
        values = await _clean(data, None)
        field = await FormField.create(key=key, template_id=template_id, using_db=conn, **values)
        await _versioned(viewer, field, "create", None, via, conn)
    return field


async def update_form_field(
    viewer: Viewer, field_id: int, data: FieldInput, *, via: str = "api"
) -> FormField:
    """Change a field's label, options, required flag, help text or position; ADMIN.

    The key and the type stay (old values are stored under them); to change either,
    retire the field and add another.
    """
    policy.require_form_designer(viewer)
    async with in_transaction() as conn:
        field = await _load(field_id, conn)
        if data.key is not None and data.key.strip() != field.key:
            raise BadUserInput(
                "字段键不可修改，请停用后新建字段 (the key cannot change: retire and add)",
                field="key",
            )
        before = _state(field)
        values = await _clean(data, field)
        field.update_from_dict(values)
        await field.save(using_db=conn)
        await _versioned(viewer, field, "update", before, via, conn)
    return field


async def retire_form_field(viewer: Viewer, field_id: int, *, via: str = "api") -> FormField:
    """Take a field off the form (停用); stored values and their labels stay readable."""
    return await update_form_field(viewer, field_id, FieldInput(active=False), via=via)


async def _load(field_id: int, conn: BaseDBAsyncClient) -> FormField:
    field = await FormField.filter(id=field_id).using_db(conn).select_for_update().first()
    if field is None:
        raise NotFound(NOT_FOUND_MESSAGE)
    return field


def _state(field: FormField) -> dict[str, Any]:
    return {
        name: (value.value if isinstance(value, FormFieldType) else value)
        for name in AUDITED
        for value in [getattr(field, name)]
    }


async def _versioned(
    viewer: Viewer,
    field: FormField,
    verb: str,
    before: dict[str, Any] | None,
    via: str,
    conn: BaseDBAsyncClient,
) -> None:
    """Audit a field change and raise the version of the form it belongs to."""
    if field.template_id is None:
        version = await _new_form_version(viewer, conn)
        note = f"requirement form v{version}"
    else:
        version = await bump_template_version(
            field.template_id, viewer.user_id, f"form field {verb}: {field.key}", via=via, conn=conn
        )
        note = f"template {field.template_id} v{version}"
    await audit.record(
        viewer,
        f"formField.{verb}",
        "FormField",
        field.id,
        subject_code=field.key,
        note=note,
        before=before,
        after=_state(field),
        via=via,
        using_db=conn,
    )


async def _new_form_version(viewer: Viewer, conn: BaseDBAsyncClient) -> int:
    """Snapshot the base form's active fields as its next version."""
    latest = await current_form_version(conn)
    version = (latest or 0) + 1
    rows = await FormField.filter(template_id=None, active=True).using_db(conn)
    await RequirementFormVersion.create(
        version=version,
        snapshot=[FieldDef.of(row).snapshot() for row in rows],
        changed_by_id=viewer.user_id,
        using_db=conn,
    )
    await audit.record(
        viewer,
        "requirementForm.version",
        "RequirementFormVersion",
        version,
        to_state=str(version),
        using_db=conn,
    )
    return version


def fields_snapshot(rows: list[FormField]) -> list[dict[str, Any]]:
    """The JSON snapshot of form fields (for template version snapshots too)."""
    return [FieldDef.of(row).snapshot() for row in rows]
