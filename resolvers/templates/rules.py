"""What a scenario template's rows must satisfy, checked wherever they are written.

The admin panel edits templates row by row; these checks are the business rules of those
rows (a template has one lead department, a task is due at least a day after initiation,
an override only for a rule it can override and in a unit that rule allows). Each refusal
is a ``BAD_USER_INPUT`` naming the field, which the panel shows on that field.
"""

from __future__ import annotations

import re

from models import TemplateDepartment, User
from models.enums import ThresholdUnit, WarningRuleKind
from resolvers.alerts.rules import ALLOWED_UNITS
from resolvers.errors import BadUserInput
from resolvers.templates.thresholds import OVERRIDABLE

KEY = re.compile(r"^[a-z][a-z0-9-]{1,63}$")
MAX_OFFSET_DAYS = 365
MAX_RESPONSE_HOURS = 24 * 30


def check_template(key: str, name: str) -> None:
    """A template is found by its key (``marketing-event``) and shown by its name."""
    if not KEY.match(key or ""):
        raise BadUserInput(
            "键须以小写字母开头，仅含小写字母、数字和连字符 (lowercase letters, digits, -)",
            field="key",
        )
    if not (name or "").strip():
        raise BadUserInput("请填写模板名称 (a name is required)", field="name")


async def check_department(
    template_id: int, department_id: int, is_lead: bool, exclude_id: int | None
) -> None:
    """One lead per template (the department that owns the scenario)."""
    if not is_lead:
        return
    others = TemplateDepartment.filter(template_id=template_id, is_lead=True)
    if exclude_id is not None:
        others = others.exclude(id=exclude_id)
    if await others.exclude(department_id=department_id).exists():
        raise BadUserInput("模板只能有一个主导部门 (one lead department)", field="isLead")


async def check_on_duty(department_id: int, on_duty_id: int | None) -> None:
    """An on-duty person (值班人) takes the department's urgent work orders, so must be an
    active member of that department."""
    if on_duty_id is None:
        return
    if not await User.filter(id=on_duty_id, department_id=department_id, is_active=True).exists():
        raise BadUserInput(
            "值班人须为该部门的在职成员 (the on-duty person must be an active member of the "
            "department)",
            field="onDuty",
        )


def check_task(title: str, offset_days: int | None) -> None:
    """A task needs a title and a deadline 1 to 365 calendar days after initiation."""
    if not (title or "").strip():
        raise BadUserInput("请填写任务名称 (a title is required)", field="title")
    if offset_days is None or not 1 <= offset_days <= MAX_OFFSET_DAYS:
        raise BadUserInput(
            f"截止时间须在立项后1到{MAX_OFFSET_DAYS}天 (1 to {MAX_OFFSET_DAYS} days)",
            field="offsetDays",
        )


def check_response_limit(hours: int | None, standard: str) -> None:
    """A response limit is 1 hour to 30 days, with the standard the response must meet."""
    if hours is None or not 1 <= hours <= MAX_RESPONSE_HOURS:
        raise BadUserInput(
            f"响应时效须在1到{MAX_RESPONSE_HOURS}小时 (1 to {MAX_RESPONSE_HOURS} hours)",
            field="hours",
        )
    if not (standard or "").strip():
        raise BadUserInput("请填写处理标准 (the standard is required)", field="standard")


def check_threshold(kind: str, normal: int | None, urgent: int | None, unit: str) -> None:
    """Only the task rules can be overridden, in a unit and range the rule itself allows."""
    rule = WarningRuleKind(kind)
    if rule not in OVERRIDABLE:
        allowed = "、".join(sorted(OVERRIDABLE))
        raise BadUserInput(f"模板只能覆盖这些预警规则：{allowed} (only {allowed})", field="kind")
    limits = ALLOWED_UNITS[rule]
    if ThresholdUnit(unit) not in limits:
        allowed = ", ".join(limits)
        raise BadUserInput(f"该规则的单位只能是{allowed} (unit must be {allowed})", field="unit")
    limit = limits[ThresholdUnit(unit)]
    for name, value in (("thresholdNormal", normal), ("thresholdUrgent", urgent)):
        if value is None or not 0 <= value <= limit:
            raise BadUserInput(f"阈值须在0到{limit}之间 (must be 0-{limit})", field=name)
    if rule is WarningRuleKind.DUE_SOON and (urgent or 0) < (normal or 0):
        raise BadUserInput(
            "紧急任务应比普通任务更早预警 (urgent tasks must warn at least as early)",
            field="thresholdUrgent",
        )
