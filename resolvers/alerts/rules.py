"""Warning rules: the source document's defaults, the admin's changes, and their preview."""

from __future__ import annotations

from dataclasses import dataclass

from tortoise.transactions import in_transaction

from models import WarningRule
from models.enums import Channel, Recipient, ThresholdUnit, WarningRuleKind
from resolvers import audit
from resolvers.access import policy
from resolvers.access.auth import Viewer
from resolvers.errors import BadUserInput, NotFound
from resolvers.workflow import check_version, snapshot

_WATCHERS = [Recipient.ASSIGNEE, Recipient.DEPARTMENT_HEAD, Recipient.INITIATOR]


@dataclass(frozen=True)
class RuleDefault:
    kind: WarningRuleKind
    name: str
    name_en: str
    threshold_normal: int
    threshold_urgent: int
    unit: ThresholdUnit
    recipients: tuple[Recipient, ...]


#: The source document's rules: 1 day before (urgent 3), 3 days stale, 6-hour escalation,
#: 3 working days to review and to accept, 24 hours to answer a collaboration request.
DEFAULT_RULES = (
    RuleDefault(
        WarningRuleKind.DUE_SOON,
        "即将到期预警",
        "Due soon",
        1,
        3,
        ThresholdUnit.DAYS,
        tuple(_WATCHERS),
    ),
    RuleDefault(
        WarningRuleKind.STALE,
        "进度停滞预警",
        "No progress update",
        3,
        3,
        ThresholdUnit.DAYS,
        tuple(_WATCHERS),
    ),
    RuleDefault(
        WarningRuleKind.ESCALATION,
        "升级预警",
        "Escalation before deadline",
        6,
        6,
        ThresholdUnit.HOURS,
        (Recipient.DEPARTMENT_HEAD,),
    ),
    RuleDefault(
        WarningRuleKind.OVERDUE, "逾期预警", "Overdue", 0, 0, ThresholdUnit.HOURS, tuple(_WATCHERS)
    ),
    RuleDefault(
        WarningRuleKind.REVIEW_SLA,
        "审核超时预警",
        "Review not done in time",
        3,
        3,
        ThresholdUnit.WORKING_DAYS,
        (Recipient.DEPARTMENT_HEAD,),
    ),
    RuleDefault(
        WarningRuleKind.ACCEPTANCE_SLA,
        "验收超时预警",
        "Acceptance not decided in time",
        3,
        3,
        ThresholdUnit.WORKING_DAYS,
        (Recipient.ACCEPTANCE_GROUP,),
    ),
    RuleDefault(
        WarningRuleKind.COLLABORATION_SLA,
        "协作请求超时预警",
        "Collaboration request unanswered",
        24,
        24,
        ThresholdUnit.HOURS,
        (Recipient.DEPARTMENT_HEAD,),
    ),
    RuleDefault(
        WarningRuleKind.COLLABORATION_DUE,
        "协作请求到期预警",
        "Collaboration request due",
        2,
        2,
        ThresholdUnit.HOURS,
        (Recipient.DEPARTMENT_HEAD, Recipient.ASSIGNEE),
    ),
)


async def ensure_default_rules() -> int:
    """Create the rules that do not exist yet (never overwrites the admin's changes).

    Safe when several processes start together: a rule created by another one is skipped.
    """
    existing = set(await WarningRule.all().values_list("kind", flat=True))
    missing = [
        WarningRule(
            kind=default.kind,
            name=default.name,
            name_en=default.name_en,
            threshold_normal=default.threshold_normal,
            threshold_urgent=default.threshold_urgent,
            unit=default.unit,
            recipients=[r.value for r in default.recipients],
            channels=[Channel.IN_APP.value, Channel.EMAIL.value],
        )
        for default in DEFAULT_RULES
        if default.kind not in existing
    ]
    await WarningRule.bulk_create(missing, ignore_conflicts=True)
    return len(missing)


#: Which units make sense for each rule, and the largest threshold in that unit.
ALLOWED_UNITS: dict[WarningRuleKind, dict[ThresholdUnit, int]] = {
    WarningRuleKind.DUE_SOON: {ThresholdUnit.HOURS: 24 * 30, ThresholdUnit.DAYS: 30},
    WarningRuleKind.STALE: {ThresholdUnit.HOURS: 24 * 30, ThresholdUnit.DAYS: 30},
    WarningRuleKind.ESCALATION: {ThresholdUnit.HOURS: 24 * 7},
    WarningRuleKind.OVERDUE: {ThresholdUnit.HOURS: 72},
    WarningRuleKind.REVIEW_SLA: {ThresholdUnit.WORKING_DAYS: 30},
    WarningRuleKind.ACCEPTANCE_SLA: {ThresholdUnit.WORKING_DAYS: 30},
    WarningRuleKind.COLLABORATION_SLA: {ThresholdUnit.HOURS: 24 * 14},
    WarningRuleKind.COLLABORATION_DUE: {ThresholdUnit.HOURS: 24 * 7},
}


@dataclass
class RuleChange:
    """A proposed rule: ``None`` keeps the current value."""

    kind: WarningRuleKind
    enabled: bool | None = None
    threshold_normal: int | None = None
    threshold_urgent: int | None = None
    unit: ThresholdUnit | None = None
    recipients: list[Recipient] | None = None
    channels: list[Channel] | None = None
    version: int | None = None


def apply_change(rule: WarningRule, change: RuleChange) -> WarningRule:
    """The rule with the change applied and validated (the row itself is not saved)."""
    for name in ("enabled", "threshold_normal", "threshold_urgent", "unit"):
        value = getattr(change, name)
        if value is not None:
            setattr(rule, name, value)
    if change.recipients is not None:
        rule.recipients = [r.value for r in dict.fromkeys(change.recipients)]
    if change.channels is not None:
        rule.channels = [c.value for c in dict.fromkeys(change.channels)]
    _validate(rule)
    return rule


def _validate(rule: WarningRule) -> None:
    limits = ALLOWED_UNITS[WarningRuleKind(rule.kind)]
    if rule.unit not in limits:
        allowed = ", ".join(limits)
        raise BadUserInput(f"该规则的单位只能是{allowed} (unit must be {allowed})", field="unit")
    limit = limits[ThresholdUnit(rule.unit)]
    for name, value in (
        ("thresholdNormal", rule.threshold_normal),
        ("thresholdUrgent", rule.threshold_urgent),
    ):
        if not 0 <= value <= limit:
            raise BadUserInput(f"阈值须在0到{limit}之间 (must be 0-{limit})", field=name)
    if rule.kind == WarningRuleKind.DUE_SOON and rule.threshold_urgent < rule.threshold_normal:
        raise BadUserInput(
            "紧急任务应比普通任务更早预警 (urgent tasks must warn at least as early)",
            field="thresholdUrgent",
        )
    if rule.enabled and not rule.recipients:
        raise BadUserInput(
            "请至少选择一个接收人 (choose at least one recipient)", field="recipients"
        )
    if rule.enabled and not rule.channels:
        raise BadUserInput("请至少选择一个渠道 (choose at least one channel)", field="channels")


async def update_warning_rule(viewer: Viewer, change: RuleChange) -> WarningRule:
    """The admin changes a rule; the change is audited and the rule's window reopened."""
    policy.require_writer(viewer)
    policy.require_admin(viewer)
    async with in_transaction() as conn:
        rule = await WarningRule.filter(kind=change.kind).using_db(conn).select_for_update().first()
        if rule is None:
            raise NotFound("预警规则不存在 (no such rule)")
        check_version(rule, change.version)
        before = snapshot(rule, RULE_FIELDS)
        apply_change(rule, change)
        rule.version += 1
        rule.updated_by_id = viewer.user_id
        rule.scanned_until = None  # a wider threshold must look back again
        await rule.save(using_db=conn)
        await audit.record(
            viewer,
            "warning_rule.update",
            "WarningRule",
            rule.id,
            subject_code=rule.kind,
            before=before,
            after=snapshot(rule, RULE_FIELDS),
            using_db=conn,
        )
    return rule


RULE_FIELDS = ("enabled", "threshold_normal", "threshold_urgent", "unit", "recipients", "channels")
