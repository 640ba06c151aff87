"""The COLLABORATION_DUE rule: a collaboration request not fully answered as its expected
response time (expectedBy) nears.

The COLLABORATION_SLA rule counts hours since a request was raised (the "respond within 24
hours" rule of thumb); this one watches the time the asker said the help is needed by, as
the deadline rules watch a task's deadline. A request answered in part (PARTLY_ANSWERED)
stays on this clock; an answered or declined one is off it. A changed expected time is a
new instance, so it warns again.

Both collaboration rules live here and build their findings alike: the addressed
department's head (and active delegates), the asker and the requirement's initiator.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from models import CollaborationRequest, WarningRule
from models.enums import CollaborationStatus, Priority, Recipient
from resolvers.alerts.finding import Finding, as_delta, fmt, threshold

if TYPE_CHECKING:
    from resolvers.alerts.detect import Detector

UNSETTLED = (CollaborationStatus.OPEN, CollaborationStatus.PARTLY_ANSWERED)
COLUMNS = (
    "id",
    "task_id",
    "task__code",
    "task__title",
    "to_department_id",
    "to_department__name",
    "from_user_id",
    "requirement__initiator_id",
)


async def collaboration_due(
    detector: Detector, rule: WarningRule, since: datetime
) -> list[Finding]:
    """Requests whose expected time minus the threshold (by the requirement's priority)
    fell in (since, now], to the addressed department's head and the asker."""
    rows: list[dict[str, Any]] = []
    for priority in (Priority.NORMAL, Priority.URGENT):
        lead = as_delta(rule, threshold(rule, priority))
        rows += await CollaborationRequest.filter(
            status__in=UNSETTLED,
            requirement__priority=priority,
            expected_by__gt=since + lead,
            expected_by__lte=detector.now + lead,
        ).values(*COLUMNS, "expected_by")
    heads = await detector.heads({row["to_department_id"] for row in rows})
    return [
        _finding(rule, row, heads, row["expected_by"].isoformat(), expected=fmt(row["expected_by"]))
        for row in rows
    ]


async def collaboration_unanswered(
    detector: Detector, rule: WarningRule, since: datetime
) -> list[Finding]:
    """Requests still OPEN N hours after they were raised (COLLABORATION_SLA), once each."""
    age = as_delta(rule, rule.threshold_normal)
    rows = await CollaborationRequest.filter(
        status=CollaborationStatus.OPEN,
        created_at__gt=since - age,
        created_at__lte=detector.now - age,
    ).values(*COLUMNS)
    heads = await detector.heads({row["to_department_id"] for row in rows})
    return [_finding(rule, row, heads, "0", hours=rule.threshold_normal) for row in rows]


def _finding(
    rule: WarningRule,
    row: dict[str, Any],
    heads: dict[int, list[int]],
    instance: str,
    **params: Any,
) -> Finding:
    return Finding(
        rule=rule,
        subject_type="CollaborationRequest",
        subject_id=row["id"],
        subject_code=row["task__code"],
        instance=instance,
        task_id=row["task_id"],
        roles={
            Recipient.DEPARTMENT_HEAD: heads.get(row["to_department_id"], []),
            Recipient.ASSIGNEE: [row["from_user_id"]],
            Recipient.INITIATOR: [row["requirement__initiator_id"]],
        },
        params={
            "title": row["task__title"],
            "code": row["task__code"],
            "department": row["to_department__name"],
            **params,
        },
    )
