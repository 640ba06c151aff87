"""Scenario templates (需求模板): the templates, their rows, and their versions.

Every save (a template, or one of its departments, tasks, response limits, thresholds)
is one panel write audited like any other (``admin.<page>.<verb>``) and, in the same
transaction, one new template version (``bump_template_version``: the version raised, the
whole definition snapshotted, a ``template.change`` audit entry). Requirements made from
an older version keep it. Templates are disabled rather than deleted, so the versions that
requirements recorded stay readable; the versions page is read-only.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from starlette.requests import Request
from starlette_admin import (
    BaseField,
    BooleanField,
    IntegerField,
    JSONField,
    StringField,
    TextAreaField,
)
from starlette_admin.types import RequestAction
from starlette_admin.views import BaseView
from tortoise.models import Model
from tortoise.transactions import in_transaction

from admin_ui.auth import admin_viewer
from admin_ui.i18n import t
from admin_ui.views.base import AuditedView, ReadOnlyView, enum_field
from models import (
    RequirementTemplate,
    RequirementTemplateVersion,
    TemplateDepartment,
    TemplateResponseLimit,
    TemplateTask,
    TemplateWarningThreshold,
)
from models.enums import Priority, SignOffMode, ThresholdUnit, WarningRuleKind
from resolvers.access import policy
from resolvers.errors import BadUserInput, DomainError
from resolvers.templates import rules as template_rules
from resolvers.templates.definitions import bump_template_version

#: Use-case field names (camelCase) → the panel's field names.
PANEL_NAMES = {
    "isLead": "is_lead",
    "onDuty": "on_duty",
    "offsetDays": "offset_days",
    "thresholdNormal": "threshold_normal",
    "thresholdUrgent": "threshold_urgent",
}


def _refusal(exc: DomainError) -> dict[str | int, Any]:
    if isinstance(exc, BadUserInput):
        return {PANEL_NAMES.get(exc.field, exc.field): exc.message}
    return {"__all__": exc.message}


def _pk(value: Any) -> int | None:
    if isinstance(value, Model):
        return int(value.pk)
    return int(value) if value not in (None, "") else None


class VersionedView(AuditedView):
    """A page whose every save raises the version of the template it belongs to."""

    #: What the change note calls a row of this page ("task", "threshold" …).
    noun: ClassVar[str] = "template"

    def template_id(self, obj: Any) -> int:
        return int(obj.template_id)

    def describe(self, obj: Any) -> str:
        return str(getattr(obj, "title", "") or getattr(obj, "standard", "") or obj.pk)

    async def check(self, request: Request, data: dict[str, Any]) -> dict[str | int, Any]:
        editing = request.state.action in (RequestAction.EDIT, RequestAction.INLINE_EDIT)
        current = self._coerce_pk(request.query_params.get("pk")) if editing else None
        try:
            await self.check_row(data, current)
        except DomainError as exc:
            return _refusal(exc)
        return {}

    async def check_row(self, data: dict[str, Any], current: Any) -> None:
        """The row's business rules (``resolvers/templates/rules.py``)."""

    async def _bump(self, request: Request, obj: Any, verb: str) -> None:
        viewer = admin_viewer(request)
        policy.require_template_editor(viewer)  # the panel admits the ADMIN only; say so here
        await bump_template_version(
            self.template_id(obj), viewer.user_id, f"{self.noun} {verb}: {self.describe(obj)}"
        )

    async def create(self, request: Request, data: dict[str, Any]) -> Any:
        async with in_transaction():
            obj = await super().create(request, data)
            await self._bump(request, obj, "added")
        return obj

    async def edit(self, request: Request, pk: Any, data: dict[str, Any]) -> Any:
        async with in_transaction():
            obj = await super().edit(request, pk, data)
            await self._bump(request, obj, "changed")
        return obj

    async def delete(self, request: Request, pks: list[Any]) -> int | None:
        async with in_transaction():
            rows = [row for row in [await self.find_by_pk(request, pk) for pk in pks] if row]
            deleted = await super().delete(request, pks)
            for row in rows:
                await self._bump(request, row, "removed")
        return deleted


class RequirementTemplateView(VersionedView):
    """The templates themselves: name, description, default priority, enabled."""

    model = RequirementTemplate
    label = ("需求模板", "Requirement templates")
    icon_name = "fa fa-clone"
    unique_fields = ("key",)

    def build_fields(self) -> Sequence[str | BaseField]:
        return [
            "id",
            StringField(
                "key",
                label=t("模板键", "Key"),
                required=True,
                maxlength=64,
                help_text=t("例如 customer-complaint", "e.g. customer-complaint"),
            ),
            StringField("name", label=t("模板名称", "Name"), required=True, maxlength=100),
            StringField("name_en", label=t("英文名称", "English name"), maxlength=100),
            TextAreaField(
                "description",
                label=t("说明（预填需求背景）", "Description (pre-fills the background)"),
            ),
            enum_field("priority", Priority, label=t("默认优先级", "Default priority")),
            enum_field("signoff_mode", SignOffMode, label=t("审核方式", "Sign-off mode")),
            enum_field("acceptance_mode", SignOffMode, label=t("验收方式", "Acceptance mode")),
            "enabled",
            BooleanField(
                "urgent_intake",
                label=t("快速触发（投诉类）", "Urgent intake (complaints)"),
                help_text=t(
                    "开启后，由此模板发起的需求立即立项，工单分派给各部门值班人并开始计时",
                    "Requirements made from it are initiated at once, their work orders "
                    "assigned to each department's on-duty person, clocks running",
                ),
            ),
            IntegerField("version", label=t("版本", "Version"), read_only=True),
            "updated_by",
            "updated_at",
        ]

    def __init__(self) -> None:
        super().__init__()
        for field in self._all_fields:
            if field.name == "updated_by":
                field.read_only = True

    def template_id(self, obj: Any) -> int:
        return int(obj.pk)

    def describe(self, obj: Any) -> str:
        return str(obj.key)

    def can_delete(self, request: Request) -> bool:
        return False  # disable instead: requirements keep reading their versions

    async def check_row(self, data: dict[str, Any], current: Any) -> None:
        template_rules.check_template(str(data.get("key") or ""), str(data.get("name") or ""))
        for name in ("signoff_mode", "acceptance_mode"):
            if str(data.get(name) or "") not in SignOffMode.__members__:
                raise BadUserInput("请选择会签或或签 (choose ALL or ANY)", field=name)


class TemplateRowView(VersionedView):
    """A page of one kind of template row; the row's template is fixed once created."""

    def __init__(self) -> None:
        super().__init__()
        for field in self._all_fields:
            if field.name == "template":
                field.required, field.exclude_from_edit = True, True


class TemplateDepartmentView(TemplateRowView):
    model = TemplateDepartment
    label = ("模板涉及部门", "Template departments")
    icon_name = "fa fa-sitemap"
    noun = "department"

    def build_fields(self) -> Sequence[str | BaseField]:
        return [
            "id",
            "template",
            "department",
            "is_lead",
            "contribution",
            "on_duty",
            "updated_at",
        ]

    def describe(self, obj: Any) -> str:
        return str(obj.department_id)

    async def check_row(self, data: dict[str, Any], current: Any) -> None:
        template = _pk(data.get("template"))
        if template is None and current is not None:
            template = (await TemplateDepartment.get(id=current)).template_id
        department = _pk(data.get("department"))
        if template is not None and department is not None:
            await template_rules.check_department(
                template, department, bool(data.get("is_lead")), _pk(current)
            )
        if department is not None:
            await template_rules.check_on_duty(department, _pk(data.get("on_duty")))


class TemplateTaskView(TemplateRowView):
    model = TemplateTask
    label = ("模板任务", "Template tasks")
    icon_name = "fa fa-list-check"
    noun = "task"
    fields_default_sort = ("template_id", "position", "id")

    def build_fields(self) -> Sequence[str | BaseField]:
        return [
            "id",
            "template",
            "department",
            StringField("title", label=t("任务名称", "Title"), required=True, maxlength=200),
            "description",
            IntegerField(
                "offset_days",
                label=t("立项后天数", "Days after initiation"),
                required=True,
                help_text=t(
                    "截止时间 = 确认立项时刻 + N个自然日", "Deadline = initiation + N calendar days"
                ),
            ),
            IntegerField("position", label=t("排序", "Position")),
            "updated_at",
        ]

    async def check_row(self, data: dict[str, Any], current: Any) -> None:
        offset = data.get("offset_days")
        template_rules.check_task(
            str(data.get("title") or ""), None if offset is None else int(offset)
        )


class TemplateResponseLimitView(TemplateRowView):
    model = TemplateResponseLimit
    label = ("部门响应时效", "Response time limits")
    icon_name = "fa fa-stopwatch"
    noun = "response limit"

    def build_fields(self) -> Sequence[str | BaseField]:
        return [
            "id",
            "template",
            "department",
            IntegerField(
                "hours",
                label=t("响应时效（小时）", "Hours"),
                required=True,
                help_text=t(
                    "立项后须在此时限内响应，确认立项时生成对应工单任务",
                    "Respond within this many hours of initiation (a work order task)",
                ),
            ),
            StringField("standard", label=t("处理标准", "Standard"), required=True),
            "updated_at",
        ]

    async def check_row(self, data: dict[str, Any], current: Any) -> None:
        hours = data.get("hours")
        template_rules.check_response_limit(
            None if hours is None else int(hours), str(data.get("standard") or "")
        )


class TemplateThresholdView(TemplateRowView):
    model = TemplateWarningThreshold
    label = ("模板预警阈值", "Template thresholds")
    icon_name = "fa fa-bell"
    noun = "threshold"

    def build_fields(self) -> Sequence[str | BaseField]:
        return [
            "id",
            "template",
            enum_field("kind", WarningRuleKind, required=True),
            IntegerField("threshold_normal", required=True),
            IntegerField("threshold_urgent", required=True),
            enum_field("unit", ThresholdUnit, required=True),
            "updated_at",
        ]

    def describe(self, obj: Any) -> str:
        return f"{obj.kind} {obj.threshold_normal}/{obj.threshold_urgent} {obj.unit}"

    async def check_row(self, data: dict[str, Any], current: Any) -> None:
        def number(name: str) -> int | None:
            value = data.get(name)
            return None if value is None else int(value)

        template_rules.check_threshold(
            str(data.get("kind") or ""),
            number("threshold_normal"),
            number("threshold_urgent"),
            str(data.get("unit") or ThresholdUnit.HOURS),
        )


class RequirementTemplateVersionView(ReadOnlyView):
    """Every version of every template, with the snapshot requirements were made with."""

    model = RequirementTemplateVersion
    label = ("模板版本", "Template versions")
    icon_name = "fa fa-code-branch"

    def build_fields(self) -> Sequence[str | BaseField]:
        return [
            "id",
            "template",
            IntegerField("version", label=t("版本", "Version")),
            JSONField("snapshot", label=t("定义快照", "Snapshot"), exclude_from_list=True),
            "changed_by",
            "created_at",
        ]


def template_views() -> list[type[BaseView] | BaseView]:
    """The pages of the templates menu, in order."""
    return [
        RequirementTemplateView(),
        TemplateDepartmentView(),
        TemplateTaskView(),
        TemplateResponseLimitView(),
        TemplateThresholdView(),
        RequirementTemplateVersionView(),
    ]
