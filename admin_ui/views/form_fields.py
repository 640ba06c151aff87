"""Admin-defined form fields (自定义表单字段): the requirement form's and each template's.

Saving a field goes through the use cases of ``resolvers/forms/fields.py`` (the same checks
as the ``createFormField`` / ``updateFormField`` mutations), so every save is versioned
(a new requirement form version, or a new template version) and audited; the panel adds
its own ``admin.*`` entry like every panel write. Fields are never deleted: unticking
"active" retires one, and requirements that used it keep reading its values.

Options are edited as text, one per line: ``value|中文标签|English label``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from starlette.requests import Request
from starlette_admin import (
    BaseField,
    BooleanField,
    ComputedField,
    DateTimeField,
    IntegerField,
    StringField,
    TextAreaField,
)
from starlette_admin.exceptions import FormValidationError
from tortoise.queryset import QuerySet

from admin_ui.auth import admin_viewer
from admin_ui.i18n import enum_label, pick, t
from admin_ui.views.base import FORM_ERROR, AuditedView, enum_field
from models import FormField, Requirement
from models.enums import FormFieldType
from resolvers import audit
from resolvers.errors import BadUserInput, DomainError
from resolvers.forms import reading as form_reading
from resolvers.forms.fields import (
    FieldInput,
    create_form_field,
    format_options,
    parse_options,
    update_form_field,
)

#: Use-case input names → the panel's field names.
PANEL_NAMES = {
    "key": "key",
    "label": "label",
    "labelEn": "label_en",
    "fieldType": "field_type",
    "options": "options_text",
    "helpText": "help_text",
    "position": "position",
    "templateId": "template",
}
OPTIONS_HELP = t(
    "单选/多选字段必填，每行一个选项：值|中文标签|English label，例如 online|线上|Online",
    "For choice fields, one option per line: value|中文标签|English label, e.g. online|线上|Online",
)


def _options_text(request: Request, obj: Any) -> str:
    return format_options(list(getattr(obj, "options", None) or []))


class FormFieldBaseView(AuditedView):
    """What both form-field pages share: the fields, saving through the use cases."""

    model = FormField
    icon_name = "fa fa-pen-ruler"
    fields_default_sort = ("position", "id")
    exclude_fields_from_list = ("options_text", "help_text")
    #: Whether the page is about templates' forms (else the requirement form's).
    for_templates = False

    def build_fields(self) -> Sequence[str | BaseField]:
        template = ["template"] if self.for_templates else []
        return [
            "id",
            *template,
            StringField(
                "key",
                label=t("字段键", "Key"),
                required=True,
                maxlength=64,
                exclude_from_edit=True,
                help_text=t(
                    "字母开头，仅含字母、数字、下划线；创建后不可修改",
                    "A letter, then letters, digits or _; fixed once created",
                ),
            ),
            StringField("label", label=t("中文标签", "Label"), required=True, maxlength=100),
            StringField("label_en", label=t("英文标签", "English label"), maxlength=100),
            enum_field("field_type", FormFieldType, required=True, exclude_from_edit=True),
            BooleanField("required"),
            TextAreaField("options_text", getter=_options_text, help_text=OPTIONS_HELP),
            StringField("help_text", maxlength=255),
            IntegerField("position"),
            BooleanField(
                "active",
                exclude_from_create=True,
                help_text=t(
                    "取消勾选即停用：不再出现在表单上，已填写的值仍可查看",
                    "Untick to retire: off the form, stored values stay readable",
                ),
            ),
            DateTimeField(
                "updated_at", read_only=True, exclude_from_create=True, exclude_from_edit=True
            ),
        ]

    def __init__(self) -> None:
        super().__init__()
        for field in self._all_fields:
            if field.name == "template":  # chosen when the field is added, then fixed
                field.required, field.exclude_from_edit = True, True

    def get_list_query(self, request: Request) -> QuerySet[FormField]:
        if self.for_templates:
            return FormField.filter(template_id__not_isnull=True)
        return FormField.filter(template_id=None)

    def get_count_query(self, request: Request) -> QuerySet[FormField]:
        return self.get_list_query(request)

    def can_delete(self, request: Request) -> bool:
        return False  # retire instead: old requirements still read their values

    def snapshot(self, obj: Any) -> dict[str, Any]:
        values = super().snapshot(obj)
        values["options"] = list(obj.options or [])
        return values

    def _input(self, data: dict[str, Any], *, creating: bool) -> FieldInput:
        raw_position = data.get("position")
        kind = data.get("field_type")
        return FieldInput(
            key=str(data.get("key") or "") if creating else None,
            label=str(data.get("label") or ""),
            label_en=str(data.get("label_en") or ""),
            field_type=FormFieldType(kind) if creating and kind else None,
            required=bool(data.get("required")),
            options=parse_options(str(data.get("options_text") or "")),
            help_text=str(data.get("help_text") or ""),
            position=int(raw_position) if raw_position is not None else 0,
            active=None if creating else bool(data.get("active")),
        )

    def _refused(self, exc: DomainError) -> FormValidationError:
        name = FORM_ERROR
        if isinstance(exc, BadUserInput):
            name = PANEL_NAMES.get(exc.field, FORM_ERROR)
            if name == "template" and not self.for_templates:
                name = FORM_ERROR
        return FormValidationError({name: exc.message})

    async def create(self, request: Request, data: dict[str, Any]) -> Any:
        viewer = admin_viewer(request)
        data = await self._arrange_data(request, data)
        template = data.get("template")
        if self.for_templates and template is None:
            raise FormValidationError({"template": pick("请选择模板", "Choose a template")})
        try:  # the use case's entry (formField.create, via admin) is the one record of it
            with audit.through("admin"):  # and the form's new version, through the panel too
                obj = await create_form_field(
                    viewer,
                    template.id if template is not None else None,
                    self._input(data, creating=True),
                    via="admin",
                )
        except DomainError as exc:
            raise self._refused(exc) from exc
        return obj

    async def edit(self, request: Request, pk: Any, data: dict[str, Any]) -> Any:
        viewer = admin_viewer(request)
        current = await self.find_by_pk(request, pk)
        if current is None:
            raise FormValidationError({FORM_ERROR: pick("对象不存在", "No such object")})
        data = await self._arrange_data(request, data, True)
        try:  # the use case's entry (formField.update, via admin) is the one record of it
            with audit.through("admin"):
                obj = await update_form_field(
                    viewer, current.id, self._input(data, creating=False), via="admin"
                )
        except DomainError as exc:
            raise self._refused(exc) from exc
        return obj


class RequirementFormFieldView(FormFieldBaseView):
    """Fields every requirement fills in (the base requirement form, 需求申请表)."""

    label = ("需求表单字段", "Requirement form fields")
    key = "requirement-form-field"


class TemplateFormFieldView(FormFieldBaseView):
    """Fields of one scenario template's form, on top of the requirement form's."""

    label = ("模板表单字段", "Template form fields")
    key = "template-form-field"
    for_templates = True


async def custom_values_text(request: Request, requirement: Requirement) -> str:
    """A requirement's custom values as one line for its detail page: 标签：值；…"""
    entries = await form_reading.archive_entries(requirement)
    parts = []
    for entry in entries:
        label = pick(entry["label"], entry["labelEn"] or entry["label"])
        kind = enum_label(FormFieldType, entry["type"])
        parts.append(f"{label}（{kind}）：{entry['display']}")
    return "；".join(parts)


def custom_values_field() -> ComputedField:
    """The read-only "custom fields" line on the requirement's pages."""
    return ComputedField("custom_values", getter=custom_values_text, exclude_from_list=True)
