"""Warning thresholds a scenario template sets for its requirements, in place of the rule's.

A requirement made from a template version whose snapshot overrides a rule's thresholds is
warned at the template's thresholds, and never also at the global ones. The override rides
on the global rule: the rule's ``enabled``, recipients and channels still apply, only the
thresholds (and their unit) change.

The scan stays indexed: for each distinct override value it runs the same range query as
for the global threshold, narrowed to the templates that use it (one query per distinct
threshold, not per task; a rule's queries are sent as one statement). The global band's
query is not narrowed in SQL (a NULL-safe "not one of these template versions" is awkward
and buys little); the rows it finds for overridden requirements are dropped here, so its
cost is still what is due globally.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from models import RequirementTemplateVersion, WarningRule
from models.enums import Priority, ThresholdUnit, WarningRuleKind

#: The rules a template may override: those measured on a task's own clock.
OVERRIDABLE = frozenset(
    {
        WarningRuleKind.DUE_SOON,
        WarningRuleKind.STALE,
        WarningRuleKind.ESCALATION,
        WarningRuleKind.OVERDUE,
    }
)

#: (template id, template version): what a requirement records.
Key = tuple[int, int]


def for_priority(priority: str, normal: int, urgent: int) -> int:
    """The one place that picks a threshold by priority: an URGENT requirement's work is
    held to the urgent threshold, everything else to the normal one. Used by a global
    warning rule (:func:`rule_threshold`) and by a template's override alike."""
    return urgent if priority == Priority.URGENT else normal


def rule_threshold(rule: WarningRule, priority: str) -> int:
    """A global warning rule's threshold for work of ``priority``, in the rule's unit."""
    return for_priority(priority, rule.threshold_normal, rule.threshold_urgent)


@dataclass(frozen=True)
class Override:
    """A template version's thresholds for one rule."""

    normal: int
    urgent: int
    unit: ThresholdUnit

    def amount(self, priority: str) -> int:
        return for_priority(priority, self.normal, self.urgent)


Overrides = dict[WarningRuleKind, dict[Key, Override]]


def delta(unit: str, amount: int) -> timedelta:
    """Thresholds of the task rules are hours or calendar days."""
    return timedelta(hours=amount) if unit == ThresholdUnit.HOURS else timedelta(days=amount)


def overrides_of(snapshot: dict[str, Any]) -> dict[WarningRuleKind, Override]:
    """The overrides a template snapshot declares (see ``resolvers.templates.definitions``)."""
    found: dict[WarningRuleKind, Override] = {}
    for row in snapshot.get("thresholds", []):
        kind = WarningRuleKind(row["kind"])
        if kind in OVERRIDABLE:
            found[kind] = Override(
                normal=int(row["thresholdNormal"]),
                urgent=int(row["thresholdUrgent"]),
                unit=ThresholdUnit(row.get("unit", ThresholdUnit.HOURS)),
            )
    return found


#: A template version's columns that declare its overrides.
VERSION_COLUMNS = ("template_id", "version", "snapshot")


async def template_overrides() -> Overrides:
    """Every template version's overrides, by rule (one query: versions are few)."""
    return overrides_from(await RequirementTemplateVersion.all().values_list(*VERSION_COLUMNS))


def overrides_from(rows: Iterable[Sequence[Any]]) -> Overrides:
    """The overrides of template versions' :data:`VERSION_COLUMNS` rows, by rule."""
    result: Overrides = defaultdict(dict)
    for template_id, version, snapshot in rows:
        for kind, override in overrides_of(snapshot or {}).items():
            result[kind][(int(template_id), int(version))] = override
    return dict(result)


@dataclass(frozen=True)
class Band:
    """One threshold and the requirements it applies to.

    ``keys`` is ``None`` for the global rule's band, which applies to every requirement
    whose template version is not in ``overridden``.
    """

    lead: timedelta
    keys: frozenset[Key] | None
    overridden: frozenset[Key] = frozenset()

    def narrow(self, query: Any) -> Any:
        """Restrict a task query to this band's templates (the global band: unchanged)."""
        if self.keys is None:
            return query
        return query.filter(requirement__template_id__in=sorted({t for t, _ in self.keys}))

    def keep(self, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """The rows this band decides about, with the threshold used for the texts."""
        kept = []
        for row in rows:
            template_id = row.get("requirement__template_id")
            version = row.get("requirement__template_version")
            key = None if template_id is None or version is None else (template_id, version)
            if self.keys is None:
                if key not in self.overridden:
                    kept.append(row)
            elif key in self.keys:
                kept.append(dict(row, threshold_days=self.days, threshold_hours=self.hours))
        return kept

    @property
    def hours(self) -> int:
        return int(self.lead.total_seconds() // 3600)

    @property
    def days(self) -> float | int:
        days = self.lead.total_seconds() / 86400
        return int(days) if days == int(days) else round(days, 1)


def threshold_bands(rule: WarningRule, priority: str, overrides: dict[Key, Override]) -> list[Band]:
    """The global band, then one band per distinct override amount (sorted, deterministic)."""
    amount = rule_threshold(rule, priority)
    unit = ThresholdUnit(rule.unit)
    bands = [Band(delta(unit, amount), None, frozenset(overrides))]
    groups: dict[tuple[int, ThresholdUnit], set[Key]] = defaultdict(set)
    for key, override in overrides.items():
        groups[(override.amount(priority), override.unit)].add(key)
    for (value, value_unit), keys in sorted(groups.items()):
        bands.append(Band(delta(value_unit, value), frozenset(keys)))
    return bands
