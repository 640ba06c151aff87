"""Finding what crossed a warning threshold, with indexed range queries.

Each rule looks only at threshold crossings inside the scan's window (the rule's watermark
up to now): a task whose "due soon" moment fell in the window, a round whose review time
ran out in it, and so on. The cost follows the number of items that are due, not the
number of tasks; recording under a unique key makes overlapping windows harmless.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime, timedelta
from typing import Any

from tortoise.queryset import QuerySet

from core import union_rows
from models import (
    Requirement,
    Review,
    ReviewHandover,
    ReviewRound,
    RoundSigner,
    Task,
    TaskResult,
    WarningRule,
)
from models.enums import (
    Priority,
    Recipient,
    RequirementStatus,
    ResultDecision,
    RoundOutcome,
    TaskStatus,
    WarningRuleKind,
)
from resolvers.access import policy
from resolvers.alerts.collaboration_due import collaboration_due, collaboration_unanswered
from resolvers.alerts.finding import Finding, fmt, threshold
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
    """Runs each rule's query over one window and resolves the recipients in batches."""

    def __init__(self, calendar: WorkCalendar, now: datetime) -> None:
        self.calendar = calendar
        self.now = now
        self._overrides: Overrides | None = None

    async def find(self, rule: WarningRule, since: datetime) -> list[Finding]:
        kind = WarningRuleKind(rule.kind)
        if kind in (WarningRuleKind.DUE_SOON, WarningRuleKind.ESCALATION, WarningRuleKind.OVERDUE):
            return await self._deadline_rule(rule, since)
        if kind is WarningRuleKind.STALE:
            return await self._stale(rule, since)
        if kind is WarningRuleKind.REVIEW_SLA:
            return await self._review_sla(rule, since)
        if kind is WarningRuleKind.ACCEPTANCE_SLA:
            return await self._acceptance_sla(rule, since)
        if kind is WarningRuleKind.COLLABORATION_DUE:
            return await collaboration_due(self, rule, since)
        return await collaboration_unanswered(self, rule, since)

    async def _deadline_rule(self, rule: WarningRule, since: datetime) -> list[Finding]:
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
                branches.append((band, query))
        rows = await _band_rows(branches)
        return await self._task_findings(rule, rows, lambda row: str(row["deadline_instance"]))

    async def _stale(self, rule: WarningRule, since: datetime) -> list[Finding]:
        """Started tasks whose last progress (or start) is older than the threshold."""
        branches: list[tuple[Band, QuerySet[Task]]] = []
        for priority in (Priority.NORMAL, Priority.URGENT):
            for band in await self._bands(rule, priority):
                window = {"__gt": since - band.lead, "__lte": self.now - band.lead}
                started = Task.filter(status=TaskStatus.IN_PROGRESS, priority=priority)
                branches.append(
                    (band, started.filter(**{f"last_progress_at{o}": v for o, v in window.items()}))
                )
                branches.append(
                    (
                        band,
                        started.filter(
                            last_progress_at=None,
                            **{f"started_at{o}": v for o, v in window.items()},
                        ),
                    )
                )
        rows = await _band_rows(branches)
        return await self._task_findings(
            rule, rows, lambda row: (row["last_progress_at"] or row["started_at"]).isoformat()
        )

    async def _bands(self, rule: WarningRule, priority: Priority) -> list[Band]:
        """The global threshold and each distinct template override of it, as query bands."""
        if self._overrides is None:
            self._overrides = await template_overrides()
        return threshold_bands(rule, priority, self._overrides.get(WarningRuleKind(rule.kind), {}))

    async def _acceptance_sla(self, rule: WarningRule, since: datetime) -> list[Finding]:
        """Submitted results not decided within N working days (a calendar pre-filter first)."""
        days = rule.threshold_normal
        rows = await Task.filter(
            status=TaskStatus.SUBMITTED,
            submitted_at__lte=self.now - timedelta(days=days),
            submitted_at__gt=since - timedelta(days=days * 3 + 14),
        ).values(*TASK_COLUMNS)
        due = [
            row
            for row in rows
            if self.calendar.add_working_days(row["submitted_at"], threshold(rule, row["priority"]))
            <= self.now
        ]
        results = dict(
            await TaskResult.filter(
                task_id__in=[row["id"] for row in due], decision=ResultDecision.PENDING
            ).values_list("task_id", "id")
        )
        findings = await self._task_findings(rule, due, lambda row: f"r{results.get(row['id'], 0)}")
        group = await self._acceptance_groups(set(results.values()))
        for finding, row in zip(findings, due, strict=True):
            finding.roles[Recipient.ACCEPTANCE_GROUP] = group.get(results.get(row["id"], 0), [])
            finding.params["days"] = threshold(rule, row["priority"])
        return findings

    async def _task_findings(
        self, rule: WarningRule, rows: list[dict[str, Any]], instance: Any
    ) -> list[Finding]:
        heads = await self._heads({row["executing_department_id"] for row in rows})
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

    async def _review_sla(self, rule: WarningRule, since: datetime) -> list[Finding]:
        """Per open round and involved department that has not reviewed in N working days."""
        days = rule.threshold_normal
        rounds = await ReviewRound.filter(
            outcome=RoundOutcome.OPEN,
            requirement__status=RequirementStatus.PENDING_REVIEW,
            opened_at__lte=self.now - timedelta(days=days),
            opened_at__gt=since - timedelta(days=days * 3 + 14),
        ).values("id", "number", "opened_at", "requirement_id")
        rounds = [
            r for r in rounds if self.calendar.add_working_days(r["opened_at"], days) <= self.now
        ]
        if not rounds:
            return []
        requirement_ids = {r["requirement_id"] for r in rounds}
        requirements = {
            row["id"]: row
            for row in await Requirement.filter(id__in=requirement_ids).values(
                "id", "code", "title", "initiator_id", "priority"
            )
        }
        involved: dict[int, list[tuple[int, str]]] = defaultdict(list)
        for link in await policy.reviewing_links(requirement_id__in=requirement_ids).values(
            "requirement_id", "department_id", "department__name"
        ):
            involved[link["requirement_id"]].append(
                (link["department_id"], link["department__name"])
            )
        round_ids = [r["id"] for r in rounds]
        reviewed = set(
            await Review.filter(round_id__in=round_ids).values_list("round_id", "department_id")
        )
        added, handed = await self._round_signers(round_ids)
        asked = {d for links in [*involved.values(), *added.values()] for d, _ in links}
        heads = await self._heads(asked)
        findings = []
        for round_ in rounds:
            requirement = requirements[round_["requirement_id"]]
            links = [*involved[round_["requirement_id"]], *added[round_["id"]]]
            for department_id, department_name in links:
                if (round_["id"], department_id) in reviewed:
                    continue
                signer = handed.get((round_["id"], department_id))
                findings.append(
                    Finding(
                        rule=rule,
                        subject_type="ReviewRound",
                        subject_id=round_["id"],
                        subject_code=requirement["code"],
                        instance=f"d{department_id}",
                        task_id=None,
                        roles={
                            Recipient.DEPARTMENT_HEAD: [signer]
                            if signer
                            else heads.get(department_id, []),
                            Recipient.INITIATOR: [requirement["initiator_id"]],
                        },
                        params={
                            "title": requirement["title"],
                            "code": requirement["code"],
                            "department": department_name,
                            "days": days,
                        },
                    )
                )
        return findings

    async def _round_signers(
        self, round_ids: list[int]
    ) -> tuple[dict[int, list[tuple[int, str]]], dict[tuple[int, int], int]]:
        """Departments added to each round (加签), and who signs a handed-over review (转交):
        the review SLA warns them as it warns the reviewing heads."""
        added: dict[int, list[tuple[int, str]]] = defaultdict(list)
        for row in await RoundSigner.filter(round_id__in=round_ids).values(
            "round_id", "department_id", "department__name"
        ):
            added[row["round_id"]].append((row["department_id"], row["department__name"]))
        handed = {
            (row["round_id"], row["department_id"]): row["to_user_id"]
            for row in await ReviewHandover.filter(round_id__in=round_ids)
            .order_by("id")
            .values("round_id", "department_id", "to_user_id")
        }
        return added, handed

    async def heads(self, department_ids: set[int]) -> dict[int, list[int]]:
        """Each department's head and the head's delegates in force now (for rule modules)."""
        return await self._heads(department_ids)

    async def _heads(self, department_ids: set[int]) -> dict[int, list[int]]:
        """Whoever acts as each department's head at the scan's moment: the policy's one
        answer (``policy.heads_and_delegates``), for warnings as for signing."""
        return await policy.heads_and_delegates(department_ids, at=self.now)

    async def _acceptance_groups(self, result_ids: set[int]) -> dict[int, list[int]]:
        """Who holds a seat in each pending submission's acceptance group, added (加签) and
        handed-over (转交) seats included, as the policy defines it for deciding and for
        being told (``policy.acceptance_group_ids``, in bulk)."""
        return await policy.acceptance_group_ids(result_ids, at=self.now)


async def _band_rows(branches: list[tuple[Band, QuerySet[Task]]]) -> list[dict[str, Any]]:
    """The tasks each band decides about, its queries (one per priority and threshold, so
    one more per distinct template override) read in one statement."""
    found = await union_rows.values_together(
        [band.narrow(query).values(*TASK_COLUMNS) for band, query in branches]
    )
    return [row for (band, _), rows in zip(branches, found, strict=True) for row in band.keep(rows)]
