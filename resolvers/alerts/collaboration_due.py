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

from collections.abc import Callable
from datetime import datetime
from typing import Any

from tortoise.queryset import QuerySet

from core.fact_statement import FactRows, FactStatement
from models import CollaborationRequest, WarningRule
from models.enums import CollaborationStatus, Priority, Recipient
from resolvers.access.head_facts import add_head_facts
from resolvers.alerts.finding import Finding, as_delta, fmt, threshold
from resolvers.alerts.plan import Plan, user_ids

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


def collaboration_due(now: datetime, rule: WarningRule, since: datetime) -> Plan:
    """Requests whose expected time minus the threshold (by the requirement's priority)
    fell in (since, now], to the addressed department's head and the asker."""
    requests = []
    for priority in (Priority.NORMAL, Priority.URGENT):
        lead = as_delta(rule, threshold(rule, priority))
        requests.append(
            CollaborationRequest.filter(
                status__in=UNSETTLED,
                requirement__priority=priority,
                expected_by__gt=since + lead,
                expected_by__lte=now + lead,
            )
        )
    return _plan(
        now,
        requests,
        (*COLUMNS, "expected_by"),
        lambda row, heads: _finding(
            rule, row, heads, row["expected_by"].isoformat(), expected=fmt(row["expected_by"])
        ),
    )


def collaboration_unanswered(now: datetime, rule: WarningRule, since: datetime) -> Plan:
    """Requests still OPEN N hours after they were raised (COLLABORATION_SLA), once each."""
    age = as_delta(rule, rule.threshold_normal)
    requests = CollaborationRequest.filter(
        status=CollaborationStatus.OPEN,
        created_at__gt=since - age,
        created_at__lte=now - age,
    )
    return _plan(
        now,
        [requests],
        COLUMNS,
        lambda row, heads: _finding(rule, row, heads, "0", hours=rule.threshold_normal),
    )


def _plan(
    now: datetime,
    requests: list[QuerySet[CollaborationRequest]],
    columns: tuple[str, ...],
    finding: Callable[[dict[str, Any], dict[int, list[int]]], Finding],
) -> Plan:
    """The requests, with the heads of the departments they address, in one statement."""
    statement = FactStatement()
    kinds = [statement.add_rows(query, columns) for query in requests]
    heads = add_head_facts(statement, None, now)

    def finish(rows: FactRows) -> list[Finding]:
        acting = heads.acting(rows)
        return [finding(row, acting) for kind in kinds for row in rows.values(kind)]

    people = [
        *user_ids(requests, "from_user_id"),
        *user_ids(requests, "requirement__initiator_id"),
        *heads.acting_ids,
    ]
    return Plan(statement, "CollaborationRequest", finish, list(requests), people)


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
