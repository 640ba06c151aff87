"""Admin-defined form fields: definitions, versions, audit, and value validation per type."""

from __future__ import annotations

from typing import Any

import pytest
from strawberry.relay import to_base64

from models import (
    AuditEntry,
    Department,
    FormField,
    RequirementFormVersion,
    RequirementTemplate,
    RequirementTemplateVersion,
    User,
)
from models.enums import FormFieldType, Role
from resolvers.access.auth import Viewer
from resolvers.errors import BadUserInput, Forbidden
from resolvers.forms.fields import (
    FieldInput,
    create_form_field,
    format_options,
    parse_options,
    retire_form_field,
    update_form_field,
    validate_custom_fields,
)

T = FormFieldType
CHANNELS = [
    {"value": "online", "label": "线上", "labelEn": "Online"},
    {"value": "offline", "label": "线下", "labelEn": "Offline"},
]


async def viewer(username: str) -> Viewer:
    user = await User.get(username=username)
    return Viewer(
        user_id=user.id, role=Role(user.role), department_id=user.department_id, username=username
    )


async def add(key: str, kind: FormFieldType, template_id: int | None = None, **extra: Any) -> int:
    data = FieldInput(key=key, label=extra.pop("label", key), field_type=kind, **extra)
    return (await create_form_field(await viewer("admin"), template_id, data)).id


async def template(key: str = "complaint") -> RequirementTemplate:
    return await RequirementTemplate.create(key=key, name="客户投诉处理")


async def test_a_base_field_is_versioned_and_audited(demo: None) -> None:
    # when the admin adds a field to the requirement form and then changes its label
    field_id = await add("budget", T.MONEY, label="预算", label_en="Budget", required=True)
    admin = await viewer("admin")
    await update_form_field(admin, field_id, FieldInput(label="活动预算"))
    # then each change is a new form version with a snapshot of the active fields
    versions = await RequirementFormVersion.all().order_by("version")
    assert [v.version for v in versions] == [1, 2]
    assert versions[0].snapshot[0]["label"] == "预算"
    assert versions[1].snapshot[0] | {"label": "x"} == versions[0].snapshot[0] | {"label": "x"}
    assert versions[1].snapshot[0]["label"] == "活动预算"
    assert versions[1].changed_by_id == admin.user_id
    # and audited with before and after
    entries = await AuditEntry.filter(subject_type="FormField").order_by("id")
    assert [e.action for e in entries] == ["formField.create", "formField.update"]
    assert entries[1].before is not None and entries[1].after is not None
    assert (entries[1].before["label"], entries[1].after["label"]) == ("预算", "活动预算")
    assert entries[1].note == "requirement form v2"


async def test_retiring_takes_the_field_off_the_form_in_a_new_version(demo: None) -> None:
    field_id = await add("venue", T.TEXT, required=True)
    await retire_form_field(await viewer("admin"), field_id)
    latest = await RequirementFormVersion.all().order_by("-version").first()
    assert latest is not None and latest.snapshot == []
    assert (await FormField.get(id=field_id)).active is False
    # the retired required field is no longer asked for
    assert await validate_custom_fields(None, {}) == {}


@pytest.mark.parametrize("username", ["market_staff", "market_head", "ceo"])
async def test_only_the_admin_defines_fields(demo: None, username: str) -> None:
    with pytest.raises(Forbidden):
        await create_form_field(
            await viewer(username), None, FieldInput(key="x", label="x", field_type=T.TEXT)
        )
    assert not await FormField.exists()
    assert not await RequirementFormVersion.exists()


@pytest.mark.parametrize(
    ("data", "field"),
    [
        (FieldInput(key="1abc", label="x", field_type=T.TEXT), "key"),
        (FieldInput(key="has space", label="x", field_type=T.TEXT), "key"),
        (FieldInput(key="ok", label=" ", field_type=T.TEXT), "label"),
        (FieldInput(key="ok", label="x"), "fieldType"),
        (FieldInput(key="ok", label="x", field_type=T.CHOICE), "options"),
        (FieldInput(key="ok", label="x", field_type=T.CHOICE, options=CHANNELS * 2), "options"),
        (
            FieldInput(key="ok", label="x", field_type=T.MULTI_CHOICE, options=[{"value": ""}]),
            "options",
        ),
        (FieldInput(key="taken", label="x", field_type=T.TEXT), "key"),
    ],
)
async def test_a_bad_definition_is_refused_naming_the_field(
    demo: None, data: FieldInput, field: str
) -> None:
    await add("taken", T.TEXT)
    with pytest.raises(BadUserInput) as refused:
        await create_form_field(await viewer("admin"), None, data)
    assert refused.value.field == field
    assert await FormField.all().count() == 1


async def test_key_and_type_are_fixed_once_created(demo: None) -> None:
    field_id = await add("budget", T.MONEY)
    admin = await viewer("admin")
    with pytest.raises(BadUserInput) as key:
        await update_form_field(admin, field_id, FieldInput(key="other"))
    with pytest.raises(BadUserInput) as kind:
        await update_form_field(admin, field_id, FieldInput(field_type=T.TEXT))
    assert (key.value.field, kind.value.field) == ("key", "fieldType")


async def test_a_template_field_raises_the_template_version_with_its_fields(demo: None) -> None:
    complaint = await template()
    # given a base field, a template field may not reuse its key
    await add("budget", T.MONEY)
    with pytest.raises(BadUserInput):
        await add("budget", T.NUMBER, complaint.id)
    # when the admin adds a required choice field to the template's form
    await add("severity", T.CHOICE, complaint.id, required=True, options=CHANNELS)
    # then the template's version snapshot holds the field, and the change is audited
    version = await RequirementTemplateVersion.filter(template_id=complaint.id).order_by("-version")
    assert [f["key"] for f in version[0].snapshot["formFields"]] == ["severity"]
    assert await AuditEntry.filter(action="formField.create", subject_code="severity").exists()
    # and only requirements from that template must fill it in
    assert await validate_custom_fields(None, {}) == {}
    with pytest.raises(BadUserInput) as missing:
        await validate_custom_fields(complaint.id, {})
    assert missing.value.field == "customFields.severity"
    assert await validate_custom_fields(complaint.id, {"severity": "online"}) == {
        "severity": "online"
    }


async def test_a_missing_required_value_and_an_unknown_key_are_refused(demo: None) -> None:
    await add("budget", T.MONEY, label="预算", label_en="Budget", required=True)
    with pytest.raises(BadUserInput) as missing:
        await validate_custom_fields(None, {"budget": "  "})
    assert missing.value.field == "customFields.budget"
    assert "预算" in missing.value.message and "Budget" in missing.value.message
    with pytest.raises(BadUserInput) as unknown:
        await validate_custom_fields(None, {"budget": 1, "colour": "red"})
    assert unknown.value.field == "customFields.colour"
    with pytest.raises(BadUserInput) as shape:
        await validate_custom_fields(None, ["budget"])  # type: ignore[arg-type]
    assert shape.value.field == "customFields"


BAD_VALUES: list[tuple[FormFieldType, Any]] = [
    (T.TEXT, 12),
    (T.TEXT, "长" * 2001),
    (T.NUMBER, "twelve"),
    (T.NUMBER, True),
    (T.NUMBER, "1e20"),
    (T.NUMBER, "NaN"),
    (T.MONEY, "12.345"),
    (T.MONEY, [1]),
    (T.DATE, "2024-13-01"),
    (T.DATE, "下周一"),
    (T.CHOICE, "radio"),
    (T.CHOICE, ["online"]),
    (T.MULTI_CHOICE, "online"),
    (T.MULTI_CHOICE, ["online", "radio"]),
    (T.USER, to_base64("User", 99999)),
    (T.USER, to_base64("Department", 1)),
    (T.USER, "not-an-id"),
    (T.DEPARTMENT, to_base64("Department", 99999)),
    (T.FILE, to_base64("Attachment", 99999)),
]


@pytest.mark.parametrize(("kind", "value"), BAD_VALUES)
async def test_each_type_refuses_a_bad_value_naming_the_field(
    demo: None, kind: FormFieldType, value: Any
) -> None:
    await add("field", kind, options=CHANNELS)
    with pytest.raises(BadUserInput) as refused:
        await validate_custom_fields(None, {"field": value})
    assert refused.value.field == "customFields.field"


async def test_an_inactive_user_is_not_a_valid_value(demo: None) -> None:
    await add("owner", T.USER)
    retired = await User.get(username="legal_staff")
    await User.filter(id=retired.id).update(is_active=False)
    with pytest.raises(BadUserInput):
        await validate_custom_fields(None, {"owner": to_base64("User", retired.id)})


async def test_values_are_normalised_per_type(demo: None) -> None:
    for key, kind in [
        ("text", T.TEXT),
        ("count", T.NUMBER),
        ("budget", T.MONEY),
        ("day", T.DATE),
        ("channel", T.CHOICE),
        ("channels", T.MULTI_CHOICE),
        ("owner", T.USER),
        ("dept", T.DEPARTMENT),
        ("note", T.TEXT),
    ]:
        await add(key, kind, options=CHANNELS)
    staff = await User.get(username="market_staff")
    finance = await Department.get(code="finance")
    values = await validate_custom_fields(
        None,
        {
            "text": "  三个渠道  ",
            "count": 3.50,
            "budget": "12000.5",
            "day": "2024-07-15",
            "channel": "online",
            "channels": ["offline", "online", "offline"],
            "owner": to_base64("User", staff.id),
            "dept": to_base64("Department", finance.id),
            "note": "",
        },
    )
    assert values == {
        "text": "三个渠道",
        "count": "3.5",
        "budget": "12000.50",
        "day": "2024-07-15",
        "channel": "online",
        "channels": ["offline", "online"],
        "owner": staff.id,
        "dept": finance.id,
    }


def test_options_are_written_one_per_line() -> None:
    text = "online|线上|Online\noffline|线下\n\nother"
    options = parse_options(text)
    assert options == [
        {"value": "online", "label": "线上", "labelEn": "Online"},
        {"value": "offline", "label": "线下", "labelEn": ""},
        {"value": "other", "label": "other", "labelEn": ""},
    ]
    assert parse_options(format_options(options)) == options
