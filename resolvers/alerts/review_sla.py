"""The REVIEW_SLA rule: a department asked to review that has not, N working days after
the round opened, per open round.

Read in one statement (``resolvers/alerts/plan.py``): the open rounds inside a calendar
pre-filter, and as subqueries of them their requirements' reviewing departments, the
departments added to each round (加签), the reviews given, the hand-overs (转交) and who
acts as head of each department asked. The working days are counted over the rows.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime, timedelta
from typing import Any

from tortoise.expressions import Subquery

from core.fact_statement import FactRows, FactStatement
from models import Review, ReviewHandover, ReviewRound, RoundSigner, WarningRule
from models.enums import Recipient, RequirementStatus, RoundOutcome
from resolvers.access.head_facts import add_head_facts
from resolvers.access.seats import reviewing_links
from resolvers.alerts.finding import Finding
from resolvers.alerts.plan import Plan, user_ids
from resolvers.workdays import WorkCalendar

ROUND_COLUMNS = (
    "id",
    "opened_at",
    "requirement_id",
    "requirement__code",
    "requirement__title",
    "requirement__initiator_id",
)
ASKED_COLUMNS = ("id", "department_id", "department__name")


def review_sla(calendar: WorkCalendar, now: datetime, rule: WarningRule, since: datetime) -> Plan:
    """Per open round and asked department that has not reviewed in N working days: to the
    department's head and delegates (or whom the review was handed to) and the initiator."""
    days = rule.threshold_normal
    rounds = ReviewRound.filter(
        outcome=RoundOutcome.OPEN,
        requirement__status=RequirementStatus.PENDING_REVIEW,
        opened_at__lte=now - timedelta(days=days),
        opened_at__gt=since - timedelta(days=days * 3 + 14),
    )
    round_ids = Subquery(rounds.values("id"))
    links = reviewing_links(requirement_id__in=Subquery(rounds.values("requirement_id")))
    signers = RoundSigner.filter(round_id__in=round_ids)
    handovers = ReviewHandover.filter(round_id__in=round_ids)
    statement = FactStatement()
    round_kind = statement.add_rows(rounds, ROUND_COLUMNS)
    link_kind = statement.add_rows(links, (*ASKED_COLUMNS, "requirement_id"))
    signer_kind = statement.add_rows(signers, (*ASKED_COLUMNS, "round_id"))
    reviewed_kind = statement.add(
        Review.filter(round_id__in=round_ids).values_list("id", "round_id", "department_id")
    )
    handed_kind = statement.add(
        handovers.values_list("id", "round_id", "department_id", "to_user_id")
    )
    heads = add_head_facts(statement, None, now)

    def finish(rows: FactRows) -> list[Finding]:
        due = [
            r
            for r in rows.values(round_kind)
            if calendar.add_working_days(r["opened_at"], days) <= now
        ]
        involved: dict[int, list[tuple[int, str]]] = defaultdict(list)
        for link in rows.values(link_kind):
            involved[link["requirement_id"]].append(
                (link["department_id"], link["department__name"])
            )
        added: dict[int, list[tuple[int, str]]] = defaultdict(list)
        for extra in rows.values(signer_kind):
            added[extra["round_id"]].append(_asked(extra))
        reviewed = {(r, d) for _, r, d in rows.columns(reviewed_kind, 3)}
        # the latest hand-over of a department's review wins
        handed = {(r, d): to for _, r, d, to in rows.columns(handed_kind, 4)}
        acting = heads.acting(rows)
        findings = []
        for round_ in due:
            for department_id, department_name in [
                *involved[round_["requirement_id"]],
                *added[round_["id"]],
            ]:
                if (round_["id"], department_id) in reviewed:
                    continue
                signer = handed.get((round_["id"], department_id))
                findings.append(
                    Finding(
                        rule=rule,
                        subject_type="ReviewRound",
                        subject_id=round_["id"],
                        subject_code=round_["requirement__code"],
                        instance=f"d{department_id}",
                        task_id=None,
                        roles={
                            Recipient.DEPARTMENT_HEAD: [signer]
                            if signer
                            else acting.get(department_id, []),
                            Recipient.INITIATOR: [round_["requirement__initiator_id"]],
                        },
                        params={
                            "title": round_["requirement__title"],
                            "code": round_["requirement__code"],
                            "department": department_name,
                            "days": days,
                        },
                    )
                )
        return findings

    people = [
        *user_ids([rounds], "requirement__initiator_id"),
        *user_ids([handovers], "to_user_id"),
        *heads.acting_ids,
    ]
    return Plan(statement, "ReviewRound", finish, [rounds], people)


def _asked(row: dict[str, Any]) -> tuple[int, str]:
    """(department, its name) of a department asked to review."""
    return row["department_id"], row["department__name"]
