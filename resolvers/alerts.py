"""Warning rules: the defaults from the source document (rules are rows the admin tunes)."""

from __future__ import annotations

from dataclasses import dataclass

from models import WarningRule
from models.enums import Channel, Recipient, ThresholdUnit, WarningRuleKind

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
)


async def ensure_default_rules() -> int:
    """Create the rules that do not exist yet (never overwrites the admin's changes)."""
    existing = set(await WarningRule.all().values_list("kind", flat=True))
    created = 0
    for default in DEFAULT_RULES:
        if default.kind in existing:
            continue
        await WarningRule.create(
            kind=default.kind,
            name=default.name,
            name_en=default.name_en,
            threshold_normal=default.threshold_normal,
            threshold_urgent=default.threshold_urgent,
            unit=default.unit,
            recipients=[r.value for r in default.recipients],
            channels=[Channel.IN_APP.value, Channel.EMAIL.value],
        )
        created += 1
    return created
