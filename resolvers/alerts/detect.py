"""Finding what crossed a warning threshold, with indexed range queries.

Each rule looks only at threshold crossings inside the scan's window (the rule's watermark
up to now): a task whose "due soon" moment fell in the window, a round whose review time
ran out in it, and so on. The cost follows the number of items that are due, not the
number of tasks; recording under a unique key makes overlapping windows harmless.

A rule reads in one statement (``resolvers/alerts/plan.py``): its subjects, and, as
subqueries of them, the rows they name and who acts as head of their departments.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from tortoise.expressions import Q, Subquery
from tortoise.queryset import QuerySet, ValuesListQuery

from core.fact_statement import FactRows, FactStatement
from models import Task, TaskResult, WarningRule
from models.enums import Priority, Recipient, ResultDecision, TaskStatus, WarningRuleKind
from resolvers.access.acting import group_of
from resolvers.access.head_facts import add_head_facts
from resolvers.access.seats import (
    HANDOVER_COLUMNS,
    LINK_COLUMNS,
    SIGNER_COLUMNS,
    handed_row,
    seat_map_of_facts,
    seat_rows,
)
from resolvers.alerts.collaboration_due import collaboration_due, collaboration_unanswered
from resolvers.alerts.finding import Finding, fmt, threshold
from resolvers.alerts.plan import Plan, user_ids
from resolvers.alerts.review_sla import review_sla
from resolvers.templates.thresholds import Band, Overrides, template_overrides, threshold_bands
from resolvers.workdays import WorkCalendar

OPEN_TASK = (TaskStatus.PENDING, TaskStatus.IN_PROGRESS, TaskStatus.SUBMITTED)
NOT_SUBMITTED = (TaskStatus.PENDING, TaskStatus.IN_PROGRESS)
TASK_COLUMNS = (
    "id",
    "code",
    "title",
    "deadline",
    "progress",
    "priority",
    "assignee_id",
    "executing_department_id",
    "requirement_id",
    "requirement__initiator_id",
    "deadline_instance",
    "last_progress_at",
    "started_at",
    "submitted_at",
    "requirement__template_id",
    "requirement__template_version",
)


class Detector:
    """Plans each rule's read over one window, and decides from the rows read."""

    def __init__(
        self, calendar: WorkCalendar, now: datetime, overrides: Overrides | None = None
    ) -> None:
        self.calendar = calendar
        self.now = now
        self._overrides = overrides

    async def find(self, rule: WarningRule, since: datetime) -> list[Finding]:
        """What ``rule`` finds in (since, now], read in one statement."""
        return await (await self.plan(rule, since)).findings()

    async def plan(self, rule: WarningRule, since: datetime) -> Plan:
        """``rule``'s read over (since, now], not yet sent (the preview adds to it)."""
        kind = WarningRuleKind(rule.kind)
        if kind in (WarningRuleKind.DUE_SOON, WarningRuleKind.ESCALATION, WarningRuleKind.OVERDUE):
            return await self._deadline_rule(rule, since)
        if kind is WarningRuleKind.STALE:
            return await self._stale(rule, since)
        if kind is WarningRuleKind.REVIEW_SLA:
            return review_sla(self.calendar, self.now, rule, since)
        if kind is WarningRuleKind.ACCEPTANCE_SLA:
            return self._acceptance_sla(rule, since)
        if kind is WarningRuleKind.COLLABORATION_DUE:
            return collaboration_due(self.now, rule, since)
        return collaboration_unanswered(self.now, rule, since)

    async def _deadline_rule(self, rule: WarningRule, since: datetime) -> Plan:
        """Tasks whose deadline minus the threshold fell in (since, now]."""
        kind = WarningRuleKind(rule.kind)
        statuses = NOT_SUBMITTED if kind is WarningRuleKind.ESCALATION else OPEN_TASK
        branches: list[tuple[Band, QuerySet[Task]]] = []
        for priority in (Priority.NORMAL, Priority.URGENT):
            for band in await self._bands(rule, priority):
                query = Task.filter(
                    status__in=statuses,
                    priority=priority,
                    deadline__gt=since + band.lead,
                    deadline__lte=self.now + band.lead,
                )
                if kind is not WarningRuleKind.OVERDUE:
                    query = query.filter(deadline__gt=self.now)
                branches.append((band, band.narrow(query)))
        return self._band_plan(rule, branches, lambda row: str(row["deadline_instance"]))

    async def _stale(self, rule: WarningRule, since: datetime) -> Plan:
        """Started tasks whose last progress (or start) is older than the threshold."""
        branches: list[tuple[Band, QuerySet[Task]]] = []
        for priority in (Priority.NORMAL, Priority.URGENT):
            for band in await self._bands(rule, priority):
                window = {"__gt": since - band.lead, "__lte": self.now - band.lead}
                started = Task.filter(status=TaskStatus.IN_PROGRESS, priority=priority)
                moved = started.filter(**{f"last_progress_at{o}": v for o, v in window.items()})
                idle = started.filter(
                    last_progress_at=None, **{f"started_at{o}": v for o, v in window.items()}
                )
                branches += [(band, band.narrow(moved)), (band, band.narrow(idle))]
        return self._band_plan(
            rule,
            branches,
            lambda row: (row["last_progress_at"] or row["started_at"]).isoformat(),
        )

    async def _bands(self, rule: WarningRule, priority: Priority) -> list[Band]:
        """The global threshold and each distinct template override of it, as query bands."""
        if self._overrides is None:
            self._overrides = await template_overrides()
        return threshold_bands(rule, priority, self._overrides.get(WarningRuleKind(rule.kind), {}))

    def _band_plan(
        self,
        rule: WarningRule,
        branches: list[tuple[Band, QuerySet[Task]]],
        instance: Callable[[dict[str, Any]], str],
    ) -> Plan:
        """The tasks each band decides about (a query per priority and threshold, so one
        more per distinct template override), with their departments' heads."""
        statement = FactStatement()
        tasks = [query for _, query in branches]
        kinds = [statement.add_rows(query, TASK_COLUMNS) for query in tasks]
        heads = add_head_facts(statement, None, self.now)

        def finish(rows: FactRows) -> list[Finding]:
            found = [
                row
                for (band, _), kind in zip(branches, kinds, strict=True)
                for row in band.keep(rows.values(kind))
            ]
            return self._task_findings(rule, found, heads.acting(rows), instance)

        return Plan(statement, "Task", finish, tasks, _task_people(tasks, heads.acting_ids))

    def _acceptance_sla(self, rule: WarningRule, since: datetime) -> Plan:
        """Submitted results not decided within N working days (a calendar pre-filter in
        the query, the working days counted over its rows), to the acceptance group."""
        days = rule.threshold_normal
        tasks = Task.filter(
            status=TaskStatus.SUBMITTED,
            submitted_at__lte=self.now - timedelta(days=days),
            submitted_at__gt=since - timedelta(days=days * 3 + 14),
        )
        pending = TaskResult.filter(
            task_id__in=Subquery(tasks.values("id")), decision=ResultDecision.PENDING
        )
        seats = seat_rows(
            Q(result_id__in=Subquery(pending.values("id"))),
            Q(requirement_id__in=Subquery(tasks.values("requirement_id"))),
        )
        statement = FactStatement()
        task_kind = statement.add_rows(tasks, TASK_COLUMNS)
        result_kind = statement.add(pending.values_list("id", "task_id"))
        link_kind = statement.add(seats.links.values_list(*LINK_COLUMNS))
        signer_kind = statement.add(seats.signers.values_list(*SIGNER_COLUMNS))
        handed_kinds = {
            active: statement.add(
                seats.handovers.filter(to_user__is_active=active).values_list(*HANDOVER_COLUMNS)
            )
            for active in (True, False)
        }
        heads = add_head_facts(statement, None, self.now)

        def finish(rows: FactRows) -> list[Finding]:
            due = [
                row
                for row in rows.values(task_kind)
                if self.calendar.add_working_days(
                    row["submitted_at"], threshold(rule, row["priority"])
                )
                <= self.now
            ]
            results = {task: result for result, task in rows.columns(result_kind, 2)}
            seat_of = seat_map_of_facts(
                {
                    results[row["id"]]: (row["requirement_id"], row["requirement__initiator_id"])
                    for row in due
                    if row["id"] in results
                },
                rows.columns(link_kind, len(LINK_COLUMNS)),
                rows.columns(signer_kind, len(SIGNER_COLUMNS)),
                [
                    handed_row(c, active)
                    for active, kind in handed_kinds.items()
                    for c in rows.columns(kind, len(HANDOVER_COLUMNS))
                ],
            )
            acting = heads.acting(rows)
            findings = self._task_findings(
                rule, due, acting, lambda row: f"r{results.get(row['id'], 0)}"
            )
            for finding, row in zip(findings, due, strict=True):
                seat = seat_of.get(results.get(row["id"], 0))
                group = group_of(seat, acting) if seat is not None else []
                finding.roles[Recipient.ACCEPTANCE_GROUP] = group
                finding.params["days"] = threshold(rule, row["priority"])
            return findings

        people = [
            *_task_people([tasks], heads.acting_ids),
            *user_ids([seats.handovers], "to_user_id"),
        ]
        return Plan(statement, "Task", finish, [tasks], people)

    def _task_findings(
        self,
        rule: WarningRule,
        rows: list[dict[str, Any]],
        heads: dict[int, list[int]],
        instance: Callable[[dict[str, Any]], str],
    ) -> list[Finding]:
        findings = []
        for row in rows:
            findings.append(
                Finding(
                    rule=rule,
                    subject_type="Task",
                    subject_id=row["id"],
                    subject_code=row["code"],
                    instance=instance(row),
                    task_id=row["id"],
                    roles={
                        Recipient.ASSIGNEE: [row["assignee_id"]] if row["assignee_id"] else [],
                        Recipient.DEPARTMENT_HEAD: heads.get(row["executing_department_id"], []),
                        Recipient.INITIATOR: [row["requirement__initiator_id"]],
                    },
                    params={
                        "title": row["title"],
                        "code": row["code"],
                        "deadline": fmt(row["deadline"]),
                        "progress": row["progress"],
                        "days": row.get("threshold_days", threshold(rule, row["priority"])),
                        "hours": row.get("threshold_hours", threshold(rule, row["priority"])),
                    },
                )
            )
        return findings


def _task_people(
    tasks: list[QuerySet[Task]], acting: tuple[ValuesListQuery[Any], ...]
) -> list[ValuesListQuery[Any]]:
    """Everyone a task's warning may name: its assignee, its requirement's initiator, and
    whoever acts as head of a department (``acting``)."""
    return [
        *user_ids(tasks, "assignee_id"),
        *user_ids(tasks, "requirement__initiator_id"),
        *acting,
    ]
