"""Admin-defined form fields (自定义表单字段): the form definition and the typed values."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated

import strawberry
from strawberry import relay

import models
from models.enums import FormFieldType as Kind
from resolvers.forms import fields as form_fields
from resolvers.forms import reading as form_reading
from resolvers.forms.reading import RawCondition, StoredValue
from schema.access.permissions import CanWrite, SignedIn
from schema.base import Info, ModelNode, load_one
from schema.enums import FormFieldType
from schema.ids import decode_id, decode_optional_id

if TYPE_CHECKING:
    from schema.files.attachments import AttachmentType
    from schema.people.departments import DepartmentType
    from schema.people.users import UserType

UserRef = Annotated["UserType", strawberry.lazy("schema.people.users")]
DepartmentRef = Annotated["DepartmentType", strawberry.lazy("schema.people.departments")]
AttachmentRef = Annotated["AttachmentType", strawberry.lazy("schema.files.attachments")]
#: The type name of template global ids (``templateId`` arguments).
TEMPLATE = "RequirementTemplate"


@strawberry.type(name="FormFieldOption", description="One option of a CHOICE or MULTI_CHOICE field")
class FormFieldOptionType:
    value: str = strawberry.field(description="The stored value of the option")
    label: str = strawberry.field(description="The Chinese label")
    label_en: str = strawberry.field(description="The English label; may be empty")


def _options(options: list[dict[str, str]]) -> list[FormFieldOptionType]:
    return [
        FormFieldOptionType(
            value=str(o.get("value", "")),
            label=str(o.get("label", "")),
            label_en=str(o.get("labelEn", "")),
        )
        for o in options
    ]


@strawberry.type(
    name="FormField", description="A field the admin added to the requirement form or a template"
)
class FormFieldNode(ModelNode):
    model = models.FormField

    id: relay.NodeID[int]
    key: str = strawberry.field(description="The key its value is sent and stored under")
    label: str = strawberry.field(description="The Chinese label shown on the form")
    label_en: str = strawberry.field(description="The English label; may be empty")
    required: bool = strawberry.field(description="A requirement must give a value")
    help_text: str = strawberry.field(description="A hint shown under the field")
    position: int = strawberry.field(description="Order on the form, ascending (0-10000)")
    active: bool = strawberry.field(description="false: retired (停用), kept for old values")
    updated_at: datetime = strawberry.field(description="When it last changed, UTC")

    @strawberry.field(description="The kind of value")
    def type(self, root: models.FormField) -> FormFieldType:
        return Kind(root.field_type)

    @strawberry.field(description="The choices of a CHOICE or MULTI_CHOICE field")
    def options(self, root: models.FormField) -> list[FormFieldOptionType]:
        return _options(list(root.options or []))

    @strawberry.field(description="The template whose form it belongs to; null: every requirement")
    def template_id(self, root: models.FormField) -> strawberry.ID | None:
        if root.template_id is None:
            return None
        return strawberry.ID(str(relay.GlobalID(TEMPLATE, str(root.template_id))))


@strawberry.type(
    name="RequirementForm",
    description="The admin-defined fields a requirement fills in, for a generic form renderer",
)
class RequirementFormType:
    version: int | None = strawberry.field(
        description="The base form's version (null before its first field); "
        "a requirement records it as formVersion"
    )
    template_version: int | None = strawberry.field(
        description="The template's version, when the form is a template's"
    )
    fields: list[FormFieldNode] = strawberry.field(
        description="Active fields: the base form's first, then the template's, by position"
    )


@strawberry.type(
    name="CustomFieldValue",
    description="A stored value of an admin-defined field, read with the definition the "
    "requirement was written against; exactly the member of its type is set",
)
class CustomFieldValueType:
    stored: strawberry.Private[StoredValue]

    @strawberry.field(description="The field's key")
    def key(self) -> str:
        return self.stored.definition.key

    @strawberry.field(description="The field's Chinese label")
    def label(self) -> str:
        return self.stored.definition.label

    @strawberry.field(description="The field's English label; may be empty")
    def label_en(self) -> str:
        return self.stored.definition.label_en

    @strawberry.field(description="The kind of value, telling which member below is set")
    def type(self) -> FormFieldType:
        return self.stored.definition.field_type

    @strawberry.field(description="The field has been retired (or changed away) since")
    def retired(self) -> bool:
        return self.stored.retired

    @strawberry.field(description="TEXT")
    def text_value(self) -> str | None:
        return form_reading.text_of(self.stored)

    @strawberry.field(description="NUMBER")
    def number_value(self) -> Decimal | None:
        return form_reading.number_of(self.stored, Kind.NUMBER)

    @strawberry.field(description="MONEY, in yuan with two decimal places")
    def money_value(self) -> Decimal | None:
        return form_reading.number_of(self.stored, Kind.MONEY)

    @strawberry.field(description="DATE")
    def date_value(self) -> date | None:
        return form_reading.date_of(self.stored)

    @strawberry.field(description="CHOICE (one) and MULTI_CHOICE (several), with their labels")
    def choices(self) -> list[FormFieldOptionType] | None:
        chosen = form_reading.choices_of(self.stored)
        return None if chosen is None else _options(chosen)

    @strawberry.field(description="USER")
    async def user(self, info: Info) -> UserRef | None:
        return await load_one(info, models.User, form_reading.row_of(self.stored, Kind.USER))

    @strawberry.field(description="DEPARTMENT")
    async def department(self, info: Info) -> DepartmentRef | None:
        pk = form_reading.row_of(self.stored, Kind.DEPARTMENT)
        return await load_one(info, models.Department, pk)

    @strawberry.field(description="FILE (null when you may not read the attachment)")
    async def file(self, info: Info) -> AttachmentRef | None:
        pk = form_reading.row_of(self.stored, Kind.FILE)
        return await load_one(info, models.Attachment, pk)


async def custom_field_values(info: Info, root: models.Requirement) -> list[CustomFieldValueType]:
    """A requirement's values, with the definitions loaded for the whole page at once."""
    if not root.custom_fields:
        return []
    loader = info.context.loaders.named("form-definitions", form_reading.load_definitions)
    definitions = await loader.load(form_reading.definition_key(root))
    stored = form_reading.read_values(definitions, dict(root.custom_fields))
    return [CustomFieldValueType(stored=value) for value in stored]


@strawberry.input(description="A condition on an admin-defined field; every given part must hold")
class CustomFieldFilter:
    key: str = strawberry.field(description="The field's key")
    equals: str | None = strawberry.field(
        default=None,
        description="Values are strings: numbers '12.5', dates '2024-07-01', option values, "
        "global ids for USER, DEPARTMENT and FILE",
    )
    in_: list[str] | None = strawberry.field(default=None, name="in", description="Any of these")
    gte: str | None = strawberry.field(
        default=None, description="NUMBER, MONEY, DATE: at least this"
    )
    lte: str | None = strawberry.field(
        default=None, description="NUMBER, MONEY, DATE: at most this"
    )
    contains: str | None = strawberry.field(default=None, description="TEXT: part of the text")

    def raw(self) -> RawCondition:
        return RawCondition(
            key=self.key,
            equals=self.equals,
            any_of=self.in_,
            gte=self.gte,
            lte=self.lte,
            contains=self.contains,
        )


CUSTOM_FIELDS_DESCRIPTION = (
    "Values of the admin-defined fields by key (see requirementForm): TEXT a string, "
    "NUMBER and MONEY a number or decimal string, DATE 'YYYY-MM-DD', CHOICE an option value, "
    "MULTI_CHOICE a list of option values, USER, DEPARTMENT and FILE a global id"
)


@strawberry.input(description="An option of a choice field")
class FormFieldOptionInput:
    value: str = strawberry.field(description="The stored value, unique within the field")
    label: str = strawberry.field(description="The Chinese label")
    label_en: str = strawberry.field(default="", description="The English label")


@strawberry.input(description="A new field of the requirement form (no templateId) or a template")
class CreateFormFieldInput:
    key: str = strawberry.field(description="Letters, digits and _, starting with a letter")
    label: str = strawberry.field(description="The Chinese label; required")
    type: FormFieldType = strawberry.field(description="The kind of value; fixed afterwards")
    template_id: strawberry.ID | None = strawberry.field(
        default=None, description="The template (global id); null: the base requirement form"
    )
    label_en: str = strawberry.field(default="", description="The English label")
    required: bool = strawberry.field(default=False, description="A value must be given")
    options: list[FormFieldOptionInput] | None = strawberry.field(
        default=None, description="The choices; CHOICE and MULTI_CHOICE only"
    )
    help_text: str = strawberry.field(default="", description="A hint shown under the field")
    position: int = strawberry.field(default=0, description="Order on the form (0-10000)")


@strawberry.input(description="Changes to a field; omitted = unchanged (key and type are fixed)")
class UpdateFormFieldInput:
    id: strawberry.ID = strawberry.field(description="The field's global id")
    label: str | None = strawberry.field(default=None, description="A new Chinese label")
    label_en: str | None = strawberry.field(default=None, description="A new English label")
    required: bool | None = strawberry.field(default=None, description="Whether it is required")
    options: list[FormFieldOptionInput] | None = strawberry.field(
        default=None, description="The choices, replacing the old list"
    )
    help_text: str | None = strawberry.field(default=None, description="A new hint")
    position: int | None = strawberry.field(default=None, description="A new position")
    active: bool | None = strawberry.field(
        default=None, description="false retires it (停用), true brings it back"
    )


def _option_dicts(options: list[FormFieldOptionInput] | None) -> list[dict[str, str]] | None:
    if options is None:
        return None
    return [{"value": o.value, "label": o.label, "labelEn": o.label_en} for o in options]


def _template_id(value: strawberry.ID | None) -> int | None:
    return decode_optional_id(value, TEMPLATE, "templateId")


@strawberry.type
class FormQueries:
    @strawberry.field(
        description="The form a requirement fills in (the base form, plus a template's fields)",
        permission_classes=[SignedIn],
    )
    async def requirement_form(
        self,
        info: Info,
        template_id: Annotated[
            strawberry.ID | None,
            strawberry.argument(
                description="A scenario template (global id) whose fields are added; "
                "NOT_FOUND if unknown"
            ),
        ] = None,
    ) -> RequirementFormType:
        info.context.require_viewer()
        form = await form_fields.current_form(_template_id(template_id))
        return RequirementFormType(
            version=form.version,
            template_version=form.template_version,
            fields=form.fields,  # type: ignore[arg-type]
        )


@strawberry.type
class FormMutations:
    @strawberry.mutation(
        description="Add a field to the requirement form or a template's form, ADMIN only; "
        "raises the form's version. Errors: UNAUTHENTICATED; FORBIDDEN (not ADMIN); NOT_FOUND "
        "(no such template); BAD_USER_INPUT (the field named, e.g. a key already used)",
        permission_classes=[CanWrite],
    )
    async def create_form_field(
        self,
        info: Info,
        input: Annotated[CreateFormFieldInput, strawberry.argument(description="The field")],
    ) -> FormFieldNode:
        viewer = info.context.require_viewer()
        data = form_fields.FieldInput(
            key=input.key,
            label=input.label,
            label_en=input.label_en,
            field_type=Kind(input.type),
            required=input.required,
            options=_option_dicts(input.options),
            help_text=input.help_text,
            position=input.position,
        )
        field = await form_fields.create_form_field(viewer, _template_id(input.template_id), data)
        return field  # type: ignore[return-value]

    @strawberry.mutation(
        description="Change a field's label, options, required flag …, ADMIN only. Errors: "
        "UNAUTHENTICATED; FORBIDDEN (not ADMIN); NOT_FOUND; BAD_USER_INPUT (the field named)",
        permission_classes=[CanWrite],
    )
    async def update_form_field(
        self,
        info: Info,
        input: Annotated[UpdateFormFieldInput, strawberry.argument(description="The changes")],
    ) -> FormFieldNode:
        viewer = info.context.require_viewer()
        data = form_fields.FieldInput(
            label=input.label,
            label_en=input.label_en,
            required=input.required,
            options=_option_dicts(input.options),
            help_text=input.help_text,
            position=input.position,
            active=input.active,
        )
        field = await form_fields.update_form_field(
            viewer, decode_id(input.id, "FormField", "id"), data
        )
        return field  # type: ignore[return-value]

    @strawberry.mutation(
        description="Retire a field (停用): off the form, old values stay readable, ADMIN only. "
        "Errors: UNAUTHENTICATED; FORBIDDEN (not ADMIN); NOT_FOUND; BAD_USER_INPUT",
        permission_classes=[CanWrite],
    )
    async def retire_form_field(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="The field's global id")],
    ) -> FormFieldNode:
        viewer = info.context.require_viewer()
        field = await form_fields.retire_form_field(viewer, decode_id(id, "FormField", "id"))
        return field  # type: ignore[return-value]
