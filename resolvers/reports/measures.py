"""What the lead-time reports measure, defined once for the live statements and the snapshot.

``lead_times.py`` filters and groups these columns per request; ``snapshots.py`` groups
them by Beijing day ahead of time. A change here changes both alike.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LeadTime:
    """Where a lead time is measured: tables, the department column, two instants."""

    sql_from: str
    department: str
    later: str
    earlier: str


LEAD_TIMES: dict[str, LeadTime] = {
    # Tasks completed in the period: from start to completion, by executing department.
    "task_cycle_time": LeadTime(
        "task t", "t.executing_department_id", "t.completed_at", "t.started_at"
    ),
    # Requirements completed: from first submission (review round 1 opened; submitted_at
    # moves with each resubmission) to completion, by initiating department.
    "requirement_cycle_time": LeadTime(
        "requirement r LEFT JOIN review_round rr ON rr.requirement_id = r.id AND rr.number = 1",
        "r.initiating_department_id",
        "r.completed_at",
        "COALESCE(rr.opened_at, r.submitted_at)",
    ),
    # Reviews signed: from the round opening to the signature, by reviewing department.
    "review_lead_time": LeadTime(
        "review v JOIN review_round rr ON rr.id = v.round_id",
        "v.department_id",
        "v.signed_at",
        "rr.opened_at",
    ),
    # Results decided: from submission to the acceptance decision, by executing department.
    "acceptance_lead_time": LeadTime(
        "task_result x JOIN task t ON t.id = x.task_id",
        "t.executing_department_id",
        "x.decided_at",
        "x.created_at",
    ),
}
