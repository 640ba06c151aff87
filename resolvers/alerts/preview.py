"""The warning preview: what a proposed rule would warn about now, and to whom, in two
statements.

It runs the scan's own detector (``resolvers/alerts/detect.py``) on the proposed rule, so
the panel's preview and the scan never disagree. The first statement reads what the rule
is measured against: the stored rule, the templates' thresholds and the calendar's
overrides. The second is the rule's own read (``resolvers/alerts/plan.py``), with two more
branches as subqueries of its subjects: the warnings already sent about them, and everyone
a warning may name with their departments, so the recipients' names cost no statement.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from tortoise.expressions import Subquery
from tortoise.models import Model

from core import clock
from core.fact_statement import FactRows, FactStatement
from core.settings import Settings
from models import Alert, CalendarOverride, RequirementTemplateVersion, User, WarningRule
from resolvers.access import policy
from resolvers.access.auth import Viewer
from resolvers.alerts.detect import Detector
from resolvers.alerts.rules import RuleChange, apply_change
from resolvers.errors import NotFound
from resolvers.templates.thresholds import VERSION_COLUMNS, overrides_from
from resolvers.workdays import Fallback, WorkCalendar


@dataclass
class PreviewItem:
    subject_type: str
    subject_code: str
    title: str
    recipient_ids: list[int]
    already_notified: bool


@dataclass
class Preview:
    """The items a proposed rule would warn about, and the people (with their departments)
    they name, read with them."""

    items: list[PreviewItem] = field(default_factory=list)
    people: list[Model] = field(default_factory=list)


async def preview_warning_rule(viewer: Viewer, change: RuleChange, settings: Settings) -> Preview:
    """What the proposed rule would warn about right now, and to whom — nothing is saved."""
    policy.require_admin(viewer)
    measures = FactStatement()
    rule_kind = measures.add(WarningRule.filter(kind=change.kind).values_list("id"), WarningRule)
    version_kind = measures.add_rows(RequirementTemplateVersion.all(), ("id", *VERSION_COLUMNS))
    day_kind = measures.add_rows(CalendarOverride.all(), ("id", "day", "is_workday"))
    measured = await measures.read()
    stored = [measured.instance(rule_kind, row) for row in measured.of(rule_kind)]
    if not stored:
        raise NotFound("预警规则不存在 (no such rule)")
    proposed = apply_change(stored[0], change)
    if not proposed.enabled:
        return Preview()
    now = clock.now()
    calendar = WorkCalendar.of_rows(
        _columns(measured, day_kind, ("day", "is_workday")), Fallback(settings.calendar_fallback)
    )
    overrides = overrides_from(_columns(measured, version_kind, VERSION_COLUMNS))
    plan = await Detector(calendar, now, overrides).plan(
        proposed, now - timedelta(days=settings.alerts_lookback_days)
    )
    alerts = [
        plan.statement.add_rows(
            Alert.filter(
                subject_id__in=Subquery(subjects.values("id")),
                rule_id=proposed.id,
                subject_type=plan.subject_type,
            ),
            ("dedup_key",),
        )
        for subjects in plan.subjects
    ]
    people = plan.statement.add_ids(plan.people, User, "department")
    rows = await plan.statement.read()
    findings = plan.finish(rows)
    fired = {row["dedup_key"] for kind in alerts for row in rows.values(kind)}
    items = [
        PreviewItem(
            subject_type=f.subject_type,
            subject_code=f.subject_code,
            title=str(f.params.get("title", "")),
            recipient_ids=f.recipients(),
            already_notified=f.dedup_key in fired,
        )
        for f in findings
    ]
    return Preview(items, _people(rows, people))


def _columns(rows: FactRows, kind: int, columns: tuple[str, ...]) -> list[list[Any]]:
    """A branch's rows as ``values_list(*columns)`` gives them."""
    return [[row[c] for c in columns] for row in rows.values(kind)]


def _people(rows: FactRows, kinds: list[int]) -> list[Model]:
    """The people read, and each one's department, once each (many warnings name the
    same people: each is built once)."""
    found: dict[tuple[str, int], Model] = {}
    for kind in kinds:
        for row in rows.of(kind):
            for path in ("", "department"):
                pk = rows.id_of(kind, row, path)
                if pk is not None and (path, pk) not in found:
                    found[path, pk] = rows.instance(kind, row, path)
    return list(found.values())
