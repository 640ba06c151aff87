"""Scenario templates (需求模板) and making a requirement from one."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry
from strawberry import relay
from strawberry.scalars import JSON

import models
from resolvers.loaders import ChildList
from resolvers.requirements.from_template import create_requirement_from_template
from resolvers.templates import definitions as templates
from schema.access.permissions import CanWrite, SignedIn
from schema.base import Info, ModelNode, load_list, load_one, selected_names
from schema.enums import Priority, SignOffMode, ThresholdUnit, WarningRuleKind
from schema.forms.fields import CUSTOM_FIELDS_DESCRIPTION
from schema.ids import decode_id
from schema.requirements.inputs import CONTRIBUTIONS_DESCRIPTION, DepartmentContributionInput
from schema.requirements.requirement import requirement_form
from schema.requirements.standard_fields import standard_fields

if TYPE_CHECKING:
    from schema.people.departments import DepartmentType
    from schema.people.users import UserType
    from schema.requirements.requirement import RequirementType

DepartmentRef = Annotated["DepartmentType", strawberry.lazy("schema.people.departments")]
UserRef = Annotated["UserType", strawberry.lazy("schema.people.users")]
RequirementRef = Annotated["RequirementType", strawberry.lazy("schema.requirements.requirement")]


#: The template's list fields: read by each field, and with the templates in one statement
#: when ``requirementTemplates`` selects them
TEMPLATE_LISTS = {
    "departments": ChildList(models.TemplateDepartment, "template_id"),
    "tasks": ChildList(models.TemplateTask, "template_id", ("position", "id")),
    "responseLimits": ChildList(models.TemplateResponseLimit, "template_id"),
    "thresholds": ChildList(models.TemplateWarningThreshold, "template_id"),
}


@strawberry.type(
    name="RequirementTemplate",
    description="A scenario template (需求模板): pre-fills a requirement and plans its tasks",
)
class RequirementTemplateType(ModelNode):
    model = models.RequirementTemplate

    id: relay.NodeID[int]
    key: str = strawberry.field(description="Stable key, e.g. customer-complaint")
    name: str = strawberry.field(description="The Chinese name, e.g. 客户投诉跨部门处理")
    name_en: str = strawberry.field(description="The English name")
    description: str = strawberry.field(description="Pre-fills the background (需求背景)")
    priority: Priority = strawberry.field(description="The priority its requirements start with")
    enabled: bool = strawberry.field(description="false: listed for the ADMIN only, not usable")
    urgent_intake: bool = strawberry.field(
        description="Urgent intake (快速触发, complaints): a requirement made from it is "
        "initiated at once, its work orders assigned to each department's on-duty person"
    )
    signoff_mode: SignOffMode = strawberry.field(
        description="The sign-off mode its requirements start with: ALL (会签) or ANY (或签)"
    )
    acceptance_mode: SignOffMode = strawberry.field(
        description="The acceptance group's mode its requirements start with: ALL or ANY"
    )
    version: int = strawberry.field(
        description="Raised by every change; a requirement records the version it was made with"
    )
    updated_at: datetime = strawberry.field(description="When it last changed, UTC")

    @strawberry.field(description="The departments involved by default; one leads")
    async def departments(
        self, root: models.RequirementTemplate, info: Info
    ) -> list[TemplateDepartmentType]:
        return await load_list(info, TEMPLATE_LISTS["departments"], root.id)

    @strawberry.field(description="Tasks added on confirmation, due days after initiation")
    async def tasks(self, root: models.RequirementTemplate, info: Info) -> list[TemplateTaskType]:
        return await load_list(info, TEMPLATE_LISTS["tasks"], root.id)

    @strawberry.field(description="Each department's response time limit and standard (响应时效)")
    async def response_limits(
        self, root: models.RequirementTemplate, info: Info
    ) -> list[TemplateResponseLimitType]:
        return await load_list(info, TEMPLATE_LISTS["responseLimits"], root.id)

    @strawberry.field(
        description="Warning thresholds that replace the global rules' for its requirements"
    )
    async def thresholds(
        self, root: models.RequirementTemplate, info: Info
    ) -> list[TemplateThresholdType]:
        return await load_list(info, TEMPLATE_LISTS["thresholds"], root.id)


@strawberry.type(name="TemplateDepartment", description="A department a template involves")
class TemplateDepartmentType:
    is_lead: bool = strawberry.field(description="True for the lead department (牵头部门)")
    contribution: str = strawberry.field(description="What this department provides")

    @strawberry.field(description="The department")
    async def department(self, root: models.TemplateDepartment, info: Info) -> DepartmentRef:
        return await load_one(info, models.Department, root.department_id)

    @strawberry.field(
        description="Who takes this department's work orders of an urgent-intake requirement "
        "(值班人); null: the department's head"
    )
    async def on_duty(self, root: models.TemplateDepartment, info: Info) -> UserRef | None:
        return await load_one(info, models.User, root.on_duty_id)


@strawberry.type(name="TemplateTask", description="设计部：主视觉图初稿, 10 days after initiation")
class TemplateTaskType:
    title: str = strawberry.field(description="The task's title")
    description: str = strawberry.field(description="The task's details")
    offset_days: int = strawberry.field(
        description="Calendar days from initiation (确认立项) to the deadline"
    )
    position: int = strawberry.field(description="Order of the tasks, ascending")

    @strawberry.field(description="The executing department")
    async def department(self, root: models.TemplateTask, info: Info) -> DepartmentRef:
        return await load_one(info, models.Department, root.department_id)


@strawberry.type(name="TemplateResponseLimit", description="生产部 24 h: 质量追溯")
class TemplateResponseLimitType:
    hours: int = strawberry.field(description="Hours from initiation to the response")
    standard: str = strawberry.field(description="What the response is (处理标准)")

    @strawberry.field(description="The department that responds")
    async def department(self, root: models.TemplateResponseLimit, info: Info) -> DepartmentRef:
        return await load_one(info, models.Department, root.department_id)


@strawberry.type(
    name="TemplateThreshold", description="A warning threshold replacing a global rule's"
)
class TemplateThresholdType:
    kind: WarningRuleKind = strawberry.field(description="The rule it replaces the threshold of")
    threshold_normal: int = strawberry.field(description="Threshold for NORMAL, in `unit`")
    threshold_urgent: int = strawberry.field(description="Threshold for URGENT, in `unit`")
    unit: ThresholdUnit = strawberry.field(description="The unit of both thresholds")


@strawberry.input(description="A requirement from a template; omitted fields come from it")
@standard_fields(role="asked", after="background")
class CreateRequirementFromTemplateInput:
    template_id: strawberry.ID = strawberry.field(description="The enabled template (global id)")
    title: str = strawberry.field(description="Concrete: 客户投诉：A2024批次外壳开裂处理")
    background: str = strawberry.field(default="", description="Empty: the template's text")
    # the other standard fields of the form (resolvers/requirements/form.py) come here
    priority: Priority | None = strawberry.field(default=None, description="Null: the template's")
    involved_department_ids: list[strawberry.ID] | None = strawberry.field(
        default=None, description="Null: the template's departments"
    )
    custom_fields: JSON | None = strawberry.field(
        default=None, description=CUSTOM_FIELDS_DESCRIPTION
    )
    contributions: list[DepartmentContributionInput] | None = strawberry.field(
        default=None,
        description=CONTRIBUTIONS_DESCRIPTION + "; over the template's contributions",
    )


@strawberry.type
class TemplateQueries:
    @strawberry.field(
        description="Scenario templates to start a requirement from (ADMIN: disabled ones too)",
        permission_classes=[SignedIn],
    )
    async def requirement_templates(self, info: Info) -> list[RequirementTemplateType]:
        viewer = info.context.require_viewer()
        lists = [TEMPLATE_LISTS[name] for name in selected_names(info) & TEMPLATE_LISTS.keys()]
        return await info.context.loaders.with_children(  # type: ignore[return-value]
            templates.requirement_templates(viewer), ("id",), lists
        )


@strawberry.type
class TemplateMutations:
    @strawberry.mutation(
        description="Raise a draft pre-filled from a template; confirmation adds its tasks. "
        "Errors: UNAUTHENTICATED; FORBIDDEN (read-only token); NOT_FOUND (no such template); "
        "BAD_USER_INPUT (template disabled, the field named)",
        permission_classes=[CanWrite],
    )
    async def create_requirement_from_template(
        self,
        info: Info,
        input: Annotated[
            CreateRequirementFromTemplateInput, strawberry.argument(description="The form")
        ],
    ) -> RequirementRef:
        viewer = info.context.require_viewer()
        form = requirement_form(input)
        template_id = decode_id(input.template_id, "RequirementTemplate", "templateId")
        return await create_requirement_from_template(viewer, template_id, form)  # type: ignore[return-value]
