"""Warning rules (预警规则), fired alerts, webhook channels and calendar overrides."""

from __future__ import annotations

import asyncio
from datetime import date, datetime
from typing import TYPE_CHECKING, Annotated

import strawberry
from strawberry import relay

import models
from resolvers.alerts import preview as alert_preview
from resolvers.alerts import rules as alerts
from schema.access.permissions import CanWrite, SignedIn
from schema.base import Info, ModelNode, load_one
from schema.enums import Channel, Recipient, ThresholdUnit, WarningRuleKind, WebhookFormat

if TYPE_CHECKING:
    from schema.people.users import UserType
    from schema.tasks.task import TaskType

UserRef = Annotated["UserType", strawberry.lazy("schema.people.users")]
TaskRef = Annotated["TaskType", strawberry.lazy("schema.tasks.task")]


@strawberry.type(name="WarningRule", description="A warning rule the admin tunes (预警规则)")
class WarningRuleType(ModelNode):
    model = models.WarningRule

    id: relay.NodeID[int]
    kind: WarningRuleKind = strawberry.field(description="Which rule; one row per kind")
    name: str = strawberry.field(description="The Chinese name, e.g. 即将到期预警")
    name_en: str = strawberry.field(description="The English name")
    enabled: bool = strawberry.field(description="False: the rule fires no warnings")
    threshold_normal: int = strawberry.field(description="Threshold for NORMAL tasks, in `unit`")
    threshold_urgent: int = strawberry.field(description="Threshold for URGENT tasks, in `unit`")
    unit: ThresholdUnit = strawberry.field(description="The unit of both thresholds")
    recipients: list[Recipient] = strawberry.field(description="Who is warned")
    channels: list[Channel] = strawberry.field(description="How they are warned")
    version: int = strawberry.field(
        description="Raised by every change; send it back in updateWarningRule (CONFLICT)"
    )
    updated_at: datetime = strawberry.field(description="When it was last changed, UTC")

    @strawberry.field(description="The admin who changed it last")
    async def updated_by(self, root: models.WarningRule, info: Info) -> UserRef | None:
        return await load_one(info, models.User, root.updated_by_id)


@strawberry.type(name="Alert", description="A warning that fired, recorded once")
class AlertType(ModelNode):
    model = models.Alert

    id: relay.NodeID[int]
    subject_type: str = strawberry.field(
        description="What it warns about: Task, ReviewRound or CollaborationRequest"
    )
    subject_code: str = strawberry.field(description="That object's human code")
    instance: int = strawberry.field(
        description="The threshold instance; rescheduling a task opens a new one"
    )
    fired_at: datetime = strawberry.field(description="When it fired, UTC")

    @strawberry.field(description="The rule that fired")
    async def rule(self, root: models.Alert, info: Info) -> WarningRuleType | None:
        return await load_one(info, models.WarningRule, root.rule_id)

    @strawberry.field(description="The task concerned, if any")
    async def task(self, root: models.Alert, info: Info) -> TaskRef | None:
        return await load_one(info, models.Task, root.task_id)


@strawberry.type(name="WebhookChannel", description="A group bot or JSON webhook for warnings")
class WebhookChannelType(ModelNode):
    model = models.WebhookChannel

    id: relay.NodeID[int]
    name: str = strawberry.field(description="A name for the channel, e.g. the group's")
    format: WebhookFormat = strawberry.field(description="The message format it posts")
    enabled: bool = strawberry.field(description="False: nothing is posted to it")


@strawberry.type(name="CalendarOverride", description="An admin decision on one working day")
class CalendarOverrideType(ModelNode):
    model = models.CalendarOverride

    id: relay.NodeID[int]
    day: date = strawberry.field(description="The date (YYYY-MM-DD)")
    is_workday: bool = strawberry.field(description="True: a working day; false: a holiday")
    note: str = strawberry.field(description="Why, e.g. 春节调休")


@strawberry.input(description="A warning rule change; omitted fields keep their value")
class WarningRuleInput:
    kind: WarningRuleKind = strawberry.field(description="The rule to change")
    enabled: bool | None = strawberry.field(default=None, description="Switch it on or off")
    threshold_normal: int | None = strawberry.field(
        default=None, description="Threshold for NORMAL tasks, in `unit`"
    )
    threshold_urgent: int | None = strawberry.field(
        default=None, description="Threshold for URGENT tasks, in `unit`"
    )
    unit: ThresholdUnit | None = strawberry.field(
        default=None, description="The unit; some rules allow only one"
    )
    recipients: list[Recipient] | None = strawberry.field(
        default=None, description="Who is warned, replacing the list"
    )
    channels: list[Channel] | None = strawberry.field(
        default=None, description="How they are warned (at least one), replacing the list"
    )
    version: int | None = strawberry.field(
        default=None, description="The version you edited; a newer one is a CONFLICT"
    )


@strawberry.type(description="A task or item the proposed rule would warn about now")
class WarningPreviewItem:
    subject_type: str = strawberry.field(description="Task, ReviewRound or CollaborationRequest")
    subject_code: str = strawberry.field(description="Its human code")
    title: str = strawberry.field(description="Its title")
    already_notified: bool = strawberry.field(description="Already warned under the same key")
    recipient_ids: strawberry.Private[list[int]]

    @strawberry.field(description="Who would be warned")
    async def recipients(self, info: Info) -> list[UserRef]:
        users = await asyncio.gather(*(load_one(info, models.User, u) for u in self.recipient_ids))
        return [user for user in users if user is not None]


@strawberry.type(description="The effect of a proposed rule before it is saved")
class WarningRulePreview:
    count: int = strawberry.field(description="How many items it would warn about now")
    items: list[WarningPreviewItem] = strawberry.field(description="Those items")


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
        description="What a proposed rule would warn about now, and to whom, ADMIN only; "
        "nothing is saved or sent. Errors: UNAUTHENTICATED; FORBIDDEN (not ADMIN); "
        "NOT_FOUND (no such rule); BAD_USER_INPUT (the field named)",
        permission_classes=[SignedIn],
    )
    async def preview_warning_rule(
        self,
        info: Info,
        input: Annotated[WarningRuleInput, strawberry.argument(description="The proposal")],
    ) -> WarningRulePreview:
        viewer = info.context.require_viewer()
        preview = await alert_preview.preview_warning_rule(
            viewer, _change(input), info.context.settings
        )
        info.context.loaders.prime_read(preview.people)
        items = preview.items
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
        description="Change a warning rule, ADMIN only; audited. Errors: UNAUTHENTICATED; "
        "FORBIDDEN (not ADMIN); NOT_FOUND (no such rule); CONFLICT (stale version); "
        "BAD_USER_INPUT (the field named)",
        permission_classes=[CanWrite],
    )
    async def update_warning_rule(
        self,
        info: Info,
        input: Annotated[WarningRuleInput, strawberry.argument(description="The change")],
    ) -> WarningRuleType:
        viewer = info.context.require_viewer()
        return await alerts.update_warning_rule(viewer, _change(input))  # type: ignore[return-value]
