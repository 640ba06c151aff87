"""Admin-defined form fields (自定义表单字段) on the requirement form and on templates.

Fields are rows, so adding one needs no migration. Values live on the requirement as a
JSON object (what it was created with, readable forever) and, for filtering, one indexed
:class:`RequirementFieldValue` row per scalar value. A field is retired (``active`` off)
rather than deleted, so older requirements keep their labels and types.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tortoise import fields

from models.base import TimestampedModel
from models.enums import FormFieldType

if TYPE_CHECKING:
    from models.requirements import Requirement
    from models.templates import RequirementTemplate
    from models.users import User


class FormField(TimestampedModel):
    """One field of the requirement form (no template) or of a template's form."""

    template: fields.ForeignKeyNullableRelation[RequirementTemplate] = fields.ForeignKeyField(
        "models.RequirementTemplate",
        related_name="form_fields",
        null=True,
        on_delete=fields.CASCADE,
    )
    key = fields.CharField(max_length=64)
    label = fields.CharField(max_length=100)
    label_en = fields.CharField(max_length=100, default="")
    field_type = fields.CharEnumField(FormFieldType, max_length=16)
    required = fields.BooleanField(default=False)
    #: Choices as ``[{"value": ..., "label": ..., "labelEn": ...}]`` for the choice types.
    options: fields.Field[list[dict[str, str]]] = fields.JSONField(default=list)
    help_text = fields.CharField(max_length=255, default="")
    position = fields.IntField(default=0)
    active = fields.BooleanField(default=True)

    template_id: int | None

    class Meta:
        table = "form_field"
        ordering = ["position", "id"]
        unique_together = (("template", "key"),)

    def __str__(self) -> str:
        return f"{self.label} ({self.key})"

    def __admin_repr__(self, request: object) -> str:
        return str(self)


class RequirementFormVersion(TimestampedModel):
    """The requirement form's own fields (those of no template) at one version."""

    version = fields.IntField(unique=True)
    snapshot: fields.Field[list[dict[str, Any]]] = fields.JSONField(default=list)
    changed_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="form_versions", null=True, on_delete=fields.SET_NULL
    )

    changed_by_id: int | None

    class Meta:
        table = "requirement_form_version"
        ordering = ["version"]


class RequirementFieldValue(TimestampedModel):
    """One scalar value of a custom field, indexed so ``requirements(filter:)`` can use it."""

    requirement: fields.ForeignKeyRelation[Requirement] = fields.ForeignKeyField(
        "models.Requirement", related_name="field_values", on_delete=fields.CASCADE
    )
    key = fields.CharField(max_length=64)
    text_value = fields.CharField(max_length=255, null=True)
    number_value = fields.DecimalField(max_digits=18, decimal_places=2, null=True)
    date_value = fields.DateField(null=True)

    requirement_id: int

    class Meta:
        table = "requirement_field_value"
        indexes = (("key", "text_value"), ("key", "number_value"), ("key", "date_value"))
