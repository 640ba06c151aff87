"""Warning rules (预警规则), fired alerts, webhook channels and calendar overrides."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Annotated

import strawberry
from strawberry import relay

import models
from schema.base import Info, ModelNode, load_one
from schema.enums import ThresholdUnit, WarningRuleKind, WebhookFormat

if TYPE_CHECKING:
    from schema.tasks import TaskType
    from schema.users import UserType

UserRef = Annotated["UserType", strawberry.lazy("schema.users")]
TaskRef = Annotated["TaskType", strawberry.lazy("schema.tasks")]


@strawberry.type(name="WarningRule", description="A warning rule the admin tunes (预警规则)")
class WarningRuleType(ModelNode):
    model = models.WarningRule

    id: relay.NodeID[int]
    kind: WarningRuleKind
    name: str
    name_en: str
    enabled: bool
    threshold_normal: int = strawberry.field(description="Threshold for NORMAL tasks, in `unit`")
    threshold_urgent: int = strawberry.field(description="Threshold for URGENT tasks, in `unit`")
    unit: ThresholdUnit
    recipients: list[str] = strawberry.field(description="Values of Recipient")
    channels: list[str] = strawberry.field(description="Values of Channel")
    version: int
    updated_at: datetime

    @strawberry.field
    async def updated_by(self, root: models.WarningRule, info: Info) -> UserRef | None:
        return await load_one(info, models.User, root.updated_by_id)


@strawberry.type(name="Alert", description="A warning that fired, recorded once")
class AlertType(ModelNode):
    model = models.Alert

    id: relay.NodeID[int]
    subject_type: str
    subject_code: str
    instance: int
    fired_at: datetime

    @strawberry.field
    async def rule(self, root: models.Alert, info: Info) -> WarningRuleType | None:
        return await load_one(info, models.WarningRule, root.rule_id)

    @strawberry.field
    async def task(self, root: models.Alert, info: Info) -> TaskRef | None:
        return await load_one(info, models.Task, root.task_id)


@strawberry.type(name="WebhookChannel", description="A group bot or JSON webhook for warnings")
class WebhookChannelType(ModelNode):
    model = models.WebhookChannel

    id: relay.NodeID[int]
    name: str
    format: WebhookFormat
    enabled: bool


@strawberry.type(name="CalendarOverride", description="An admin decision on one working day")
class CalendarOverrideType(ModelNode):
    model = models.CalendarOverride

    id: relay.NodeID[int]
    day: date
    is_workday: bool
    note: str
