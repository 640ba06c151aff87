"""Warning rules (预警规则) with their preview, webhook channels, working-calendar overrides.

A rule is changed by ``resolvers.alerts.rules.update_warning_rule`` (validation by
``apply_change``, the version check, the reopened scan window), exactly as the
``updateWarningRule`` mutation changes it; the preview page calls
``preview_warning_rule`` with the form as it stands, before anything is saved.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette_admin import BaseField, CustomView, DateField, URLField
from starlette_admin.exceptions import FormValidationError
from starlette_admin.routing import route
from starlette_admin.types import RequestAction
from tortoise.models import Model

from admin_ui.auth import admin_viewer
from admin_ui.i18n import pick
from admin_ui.views.base import (
    FORM_ERROR,
    AuditedView,
    CrossFlowView,
    enum_field,
    form_error,
    multi_enum_field,
)
from admin_ui.views.fields import WriteOnlyField
from core.channels import WebhookFormat
from core.queries import int_column
from core.settings import Settings
from models import CalendarOverride, NotificationDefault, User, WarningRule, WebhookChannel
from models.enums import Channel, NotificationKind, Recipient, ThresholdUnit, WarningRuleKind
from resolvers import audit
from resolvers.access.auth import Viewer
from resolvers.alerts import preview as alert_preview
from resolvers.alerts import rules as alerts
from resolvers.errors import DomainError

EDITABLE = ("enabled", "threshold_normal", "threshold_urgent", "unit", "recipients", "channels")


def rule_change(kind: str, data: dict[str, Any], version: Any) -> alerts.RuleChange:
    """The panel form as the use case's change (the same object the mutation builds)."""

    def number(name: str) -> int | None:
        value = data.get(name)
        return None if value is None else int(value)

    try:
        expected = int(version) if version not in (None, "") else None
    except ValueError:
        expected = None
    return alerts.RuleChange(
        kind=WarningRuleKind(kind),
        enabled=bool(data.get("enabled")),
        threshold_normal=number("threshold_normal"),
        threshold_urgent=number("threshold_urgent"),
        unit=ThresholdUnit(data["unit"]) if data.get("unit") else None,
        recipients=[Recipient(r) for r in data.get("recipients") or []],
        channels=[Channel(c) for c in data.get("channels") or []],
        version=expected,
    )


class WarningRuleView(CrossFlowView):
    """The seven rules of the source document; edited, never created or deleted."""

    model = WarningRule
    label = ("预警规则", "Warning rules")
    icon_name = "fa fa-bell"
    edit_template = "crossflow/warning_rule_edit.html"

    def build_fields(self) -> Sequence[str | BaseField]:
        return [
            "id",
            enum_field("kind", WarningRuleKind, read_only=True),
            "name",
            "name_en",
            "enabled",
            "threshold_normal",
            "threshold_urgent",
            enum_field("unit", ThresholdUnit, required=True),
            multi_enum_field("recipients", Recipient),
            multi_enum_field("channels", Channel),
            "version",
            "updated_by",
            "updated_at",
        ]

    def __init__(self) -> None:
        super().__init__()
        for field in self._all_fields:
            if field.name not in EDITABLE:
                field.read_only = True
                field.required = False

    def can_create(self, request: Request) -> bool:
        return False

    def can_delete(self, request: Request) -> bool:
        return False

    async def edit(self, request: Request, pk: Any, data: dict[str, Any]) -> Any:
        rule = await self.find_by_pk(request, pk)
        if rule is None:
            raise FormValidationError({FORM_ERROR: pick("预警规则不存在", "No such rule")})
        form = await request.form()
        change = rule_change(rule.kind, data, form.get("_version"))
        try:  # the use case's entry (before and after, in its transaction) is the one record
            with audit.through("admin"):
                return await alerts.update_warning_rule(admin_viewer(request), change)
        except DomainError as exc:
            raise form_error(exc, EDITABLE) from exc


class RulePreview(CustomView):
    """``POST /admin/warning-rule-preview``: what the form's rule would warn about now."""

    def __init__(self, settings: Settings, rules: WarningRuleView) -> None:
        super().__init__(
            path="/warning-rule-preview", route_name="warning_rule_preview", add_to_menu=False
        )
        self.settings = settings
        self.rules = rules

    @route("", methods=["POST"], name="warning_rule_preview")
    async def index(self, request: Request) -> Response:
        assert self.templates is not None
        request.state.action = RequestAction.EDIT
        form = await request.form()
        rule = await self.rules.find_by_pk(request, form.get("_pk"))
        context: dict[str, Any] = {"error": None, "items": [], "users": {}}
        if rule is None:
            context["error"] = pick("预警规则不存在", "No such rule")
        else:
            data = {
                field.name: await field.parse_input(request, form)
                for field in self.rules.get_fields_list(request)
                if not field.read_only
            }
            try:
                change = rule_change(rule.kind, data, None)
                preview = await alert_preview.preview_warning_rule(
                    admin_viewer(request), change, self.settings
                )
            except DomainError as exc:
                context["error"] = exc.message
            except (TypeError, ValueError):
                context["error"] = pick("请填写有效的阈值", "Enter valid thresholds")
            else:
                users = [p for p in preview.people if isinstance(p, User)]
                context.update(items=preview.items, users={u.id: u.display_name for u in users})
        return self.templates.TemplateResponse(
            request=request,
            name="crossflow/_rule_preview.html",
            context=context,
            headers={"cache-control": "no-store"},
        )


class WebhookChannelView(AuditedView):
    """Group bots and JSON webhooks that receive warnings and to-dos; the signing secret is
    write-only. The departments it serves route messages to it; none chosen: all of them."""

    model = WebhookChannel
    label = ("群机器人渠道", "Webhook channels")
    icon_name = "fa fa-robot"
    secret_fields = ("secret",)

    def build_fields(self) -> Sequence[str | BaseField]:
        return [
            "id",
            "name",
            enum_field("format", WebhookFormat, required=True),
            URLField("url", required=True, maxlength=1024),
            WriteOnlyField("secret", maxlength=255),
            "enabled",
            "departments",
            "updated_at",
        ]

    async def edit(self, request: Request, pk: Any, data: dict[str, Any]) -> Any:
        if not data.get("secret"):  # left empty: keep the stored secret
            current = await self.find_by_pk(request, pk)
            data["secret"] = current.secret if current is not None else ""
        return await super().edit(request, pk, data)

    async def create(self, request: Request, data: dict[str, Any]) -> Any:
        data["secret"] = data.get("secret") or ""
        return await super().create(request, data)

    def audit_columns(self) -> list[str]:
        """The columns, without the departments: a link table, recorded by :meth:`record`."""
        return [name for name in super().audit_columns() if name != "departments_id"]

    async def record(
        self,
        viewer: Viewer,
        verb: str,
        obj: Model,
        before: dict[str, Any] | None,
        after: dict[str, Any] | None,
    ) -> None:
        if after is not None and isinstance(obj, WebhookChannel):
            served = await int_column(obj.departments.all(), "id")
            after = {**after, "departments": sorted(served)}
        await super().record(viewer, verb, obj, before, after)


class NotificationDefaultView(AuditedView):
    """The organisation's channels per kind of notification, for whoever chose none.

    Read by the one delivery path (``resolvers/notifications/channels.py``); the inbox is
    always kept, so IN_APP here changes nothing.
    """

    model = NotificationDefault
    label = ("通知渠道默认值", "Notification defaults")
    icon_name = "fa fa-envelope"
    unique_fields = ("kind",)

    def build_fields(self) -> Sequence[str | BaseField]:
        return [
            "id",
            enum_field("kind", NotificationKind, required=True),
            multi_enum_field("channels", Channel),
            "updated_at",
        ]


class CalendarOverrideView(AuditedView):
    """The admin's working-day decisions (工作日历), e.g. a year chinesecalendar lacks."""

    model = CalendarOverride
    label = ("工作日历", "Working calendar")
    icon_name = "fa fa-calendar-days"
    unique_fields = ("day",)
    fields_default_sort = (("day", True),)

    def build_fields(self) -> Sequence[str | BaseField]:
        return [
            "id",
            DateField("day", required=True),
            "is_workday",
            "note",
            "created_by",
            "updated_at",
        ]

    def __init__(self) -> None:
        super().__init__()
        for field in self._all_fields:
            if field.name == "created_by":
                field.read_only = True
                field.exclude_from_create = field.exclude_from_edit = True

    async def before_create(self, request: Request, data: dict[str, Any], obj: Any) -> None:
        obj.created_by_id = admin_viewer(request).user_id
