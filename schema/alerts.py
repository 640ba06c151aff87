"""Warning rules (预警规则), fired alerts, webhook channels and calendar overrides."""

from __future__ import annotations

import asyncio
from datetime import date, datetime
from typing import TYPE_CHECKING, Annotated

import strawberry
from strawberry import relay

import models
from resolvers import alerts
from schema.base import Info, ModelNode, load_one
from schema.enums import Channel, Recipient, ThresholdUnit, WarningRuleKind, WebhookFormat
from schema.permissions import CanWrite, SignedIn

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
    recipients: list[Recipient] = strawberry.field(description="Who is warned")
    channels: list[Channel] = strawberry.field(description="How they are warned")
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


@strawberry.input(description="A warning rule change; omitted fields keep their value")
class WarningRuleInput:
    kind: WarningRuleKind
    enabled: bool | None = None
    threshold_normal: int | None = None
    threshold_urgent: int | None = None
    unit: ThresholdUnit | None = None
    recipients: list[Recipient] | None = None
    channels: list[Channel] | None = None
    version: int | None = strawberry.field(
        default=None, description="The version you edited; a newer one is a CONFLICT"
    )


@strawberry.type(description="A task or item the proposed rule would warn about now")
class WarningPreviewItem:
    subject_type: str
    subject_code: str
    title: str
    already_notified: bool = strawberry.field(description="Already warned under the same key")
    recipient_ids: strawberry.Private[list[int]]

    @strawberry.field(description="Who would be warned")
    async def recipients(self, info: Info) -> list[UserRef]:
        users = await asyncio.gather(*(load_one(info, models.User, u) for u in self.recipient_ids))
        return [user for user in users if user is not None]


@strawberry.type(description="The effect of a proposed rule before it is saved")
class WarningRulePreview:
    count: int
    items: list[WarningPreviewItem]


def _change(data: WarningRuleInput) -> alerts.RuleChange:
    return alerts.RuleChange(
        kind=data.kind,
        enabled=data.enabled,
        threshold_normal=data.threshold_normal,
        threshold_urgent=data.threshold_urgent,
        unit=data.unit,
        recipients=data.recipients,
        channels=data.channels,
        version=data.version,
    )


@strawberry.type
class AlertQueries:
    @strawberry.field(description="The warning rules (预警规则)", permission_classes=[SignedIn])
    async def warning_rules(self, info: Info) -> list[WarningRuleType]:
        return await models.WarningRule.all().order_by("id")  # type: ignore[return-value]

    @strawberry.field(
        description="What a proposed rule would warn about now, and to whom (ADMIN)",
        permission_classes=[SignedIn],
    )
    async def preview_warning_rule(self, info: Info, input: WarningRuleInput) -> WarningRulePreview:
        viewer = info.context.require_viewer()
        items = await alerts.preview_warning_rule(viewer, _change(input), info.context.settings)
        return WarningRulePreview(
            count=len(items),
            items=[
                WarningPreviewItem(
                    subject_type=item.subject_type,
                    subject_code=item.subject_code,
                    title=item.title,
                    already_notified=item.already_notified,
                    recipient_ids=item.recipient_ids,
                )
                for item in items
            ],
        )


@strawberry.type
class AlertMutations:
    @strawberry.mutation(
        description="Change a warning rule (ADMIN); audited", permission_classes=[CanWrite]
    )
    async def update_warning_rule(self, info: Info, input: WarningRuleInput) -> WarningRuleType:
        viewer = info.context.require_viewer()
        return await alerts.update_warning_rule(viewer, _change(input))  # type: ignore[return-value]
