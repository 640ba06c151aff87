"""One warning found by a rule, and the small helpers every rule module shares.

Kept apart from the detector (``resolvers/alerts/detect.py``) so the rule modules beside it
(``collaboration_due.py``, ``review_sla.py``) and the plan they return (``plan.py``) import
these without importing the detector that dispatches to them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from core import clock
from models import WarningRule
from models.enums import Recipient
from resolvers.templates.thresholds import delta, rule_threshold


@dataclass
class Finding:
    """One warning to record: which rule, about what, which threshold instance, for whom."""

    rule: WarningRule
    subject_type: str
    subject_id: int
    subject_code: str
    instance: str
    task_id: int | None
    roles: dict[Recipient, list[int]]
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def dedup_key(self) -> str:
        return f"{self.rule.kind}:{self.subject_type}:{self.subject_id}:{self.instance}"

    def recipients(self) -> list[int]:
        wanted = {Recipient(r) for r in self.rule.recipients}
        ids = {uid for role, uids in self.roles.items() if role in wanted for uid in uids}
        return sorted(ids)


#: A rule's threshold for a priority (``resolvers/templates/thresholds.py`` picks it).
threshold = rule_threshold


def as_delta(rule: WarningRule, amount: int) -> timedelta:
    return delta(rule.unit, amount)


def fmt(moment: datetime | None) -> str:
    if moment is None:
        return "-"
    return moment.astimezone(clock.BUSINESS_TZ).strftime("%m月%d日 %H:%M")
