"""Scenario templates (需求模板): the recurring kinds of requirement the admin configures.

A template pre-fills a requirement (departments, priority, a task list with deadlines
relative to initiation, per-department response limits) and can override the global
warning thresholds for the requirements made from it. Every change raises ``version`` and
writes a :class:`RequirementTemplateVersion` snapshot, so a requirement records exactly
which definition it was made with.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tortoise import fields

from models.base import TimestampedModel
from models.enums import Priority, SignOffMode, ThresholdUnit, WarningRuleKind

if TYPE_CHECKING:
    from models.departments import Department
    from models.users import User


class RequirementTemplate(TimestampedModel):
    """A scenario such as a large marketing event or a cross-department customer complaint."""

    key = fields.CharField(max_length=64, unique=True)
    name = fields.CharField(max_length=100)
    name_en = fields.CharField(max_length=100, default="")
    description = fields.TextField(default="")
    priority = fields.CharEnumField(Priority, max_length=16, default=Priority.NORMAL)
    enabled = fields.BooleanField(default=True)
    #: The sign-off mode its requirements start with (会签 ALL / 或签 ANY).
    signoff_mode = fields.CharEnumField(
        SignOffMode, max_length=8, default=SignOffMode.ALL, db_default="ALL"
    )
    #: The acceptance group's mode its requirements start with.
    acceptance_mode = fields.CharEnumField(
        SignOffMode, max_length=8, default=SignOffMode.ALL, db_default="ALL"
    )
    #: Urgent intake (快速触发, complaints): a requirement made from it is initiated at once,
    #: its work orders assigned to each department's on-duty person, clocks running.
    urgent_intake = fields.BooleanField(default=False, db_default=False)
    #: Raised by every change of the template or of its rows (departments, tasks, limits).
    version = fields.IntField(default=1)
    updated_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="templates_updated", null=True, on_delete=fields.SET_NULL
    )

    updated_by_id: int | None

    class Meta:
        table = "requirement_template"
        ordering = ["id"]

    def __str__(self) -> str:
        return self.name

    def __admin_repr__(self, request: object) -> str:
        return str(self)


class TemplateDepartment(TimestampedModel):
    """A department a template involves by default, the lead or a helper."""

    template: fields.ForeignKeyRelation[RequirementTemplate] = fields.ForeignKeyField(
        "models.RequirementTemplate", related_name="departments", on_delete=fields.CASCADE
    )
    department: fields.ForeignKeyRelation[Department] = fields.ForeignKeyField(
        "models.Department", related_name="template_involvements", on_delete=fields.RESTRICT
    )
    is_lead = fields.BooleanField(default=False)
    contribution = fields.CharField(max_length=255, default="")
    #: Who takes this department's work orders of an urgent-intake requirement (值班人).
    on_duty: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="on_duty_templates", null=True, on_delete=fields.SET_NULL
    )

    template_id: int
    department_id: int
    on_duty_id: int | None

    class Meta:
        table = "template_department"
        unique_together = (("template", "department"),)


class TemplateTask(TimestampedModel):
    """A task the template adds on confirmation, due a number of days after initiation."""

    template: fields.ForeignKeyRelation[RequirementTemplate] = fields.ForeignKeyField(
        "models.RequirementTemplate", related_name="tasks", on_delete=fields.CASCADE
    )
    department: fields.ForeignKeyRelation[Department] = fields.ForeignKeyField(
        "models.Department", related_name="template_tasks", on_delete=fields.RESTRICT
    )
    title = fields.CharField(max_length=200)
    description = fields.TextField(default="")
    #: Calendar days from the requirement's initiation to the task's deadline.
    offset_days = fields.IntField(default=0)
    position = fields.IntField(default=0)

    template_id: int
    department_id: int

    class Meta:
        table = "template_task"
        ordering = ["position", "id"]


class TemplateResponseLimit(TimestampedModel):
    """How fast a department must respond in this scenario, and to what standard."""

    template: fields.ForeignKeyRelation[RequirementTemplate] = fields.ForeignKeyField(
        "models.RequirementTemplate", related_name="response_limits", on_delete=fields.CASCADE
    )
    department: fields.ForeignKeyRelation[Department] = fields.ForeignKeyField(
        "models.Department", related_name="template_response_limits", on_delete=fields.RESTRICT
    )
    hours = fields.IntField()
    #: What the response is, for example a quality trace or contacting the customer.
    standard = fields.CharField(max_length=255, default="")

    template_id: int
    department_id: int

    class Meta:
        table = "template_response_limit"
        unique_together = (("template", "department"),)


class TemplateWarningThreshold(TimestampedModel):
    """A warning threshold that replaces the global rule's for requirements of this template."""

    template: fields.ForeignKeyRelation[RequirementTemplate] = fields.ForeignKeyField(
        "models.RequirementTemplate", related_name="thresholds", on_delete=fields.CASCADE
    )
    kind = fields.CharEnumField(WarningRuleKind, max_length=24)
    threshold_normal = fields.IntField()
    threshold_urgent = fields.IntField()
    #: The unit of both thresholds, so a complaint can warn hours ahead where the rule says days.
    unit = fields.CharEnumField(ThresholdUnit, max_length=16, default=ThresholdUnit.HOURS)

    template_id: int

    class Meta:
        table = "template_warning_threshold"
        unique_together = (("template", "kind"),)


class RequirementTemplateVersion(TimestampedModel):
    """The full definition of a template at one version, kept for the requirements made from it."""

    template: fields.ForeignKeyRelation[RequirementTemplate] = fields.ForeignKeyField(
        "models.RequirementTemplate", related_name="versions", on_delete=fields.CASCADE
    )
    version = fields.IntField()
    snapshot: fields.Field[dict[str, Any]] = fields.JSONField(default=dict)
    changed_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="template_versions", null=True, on_delete=fields.SET_NULL
    )

    template_id: int
    changed_by_id: int | None

    class Meta:
        table = "requirement_template_version"
        unique_together = (("template", "version"),)
