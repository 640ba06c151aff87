"""The warning scan: find, record once, and stage deliveries — in bulk, in one transaction
per batch.

Exactly once is enforced by unique keys at every step: the alert (rule, subject, threshold
instance), each recipient's notification, and each e-mail or webhook delivery. Two
schedulers, or the same scan twice, insert nothing twice; the deliveries are staged in the
outbox of the same transaction, so nothing is lost between recording and sending.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from core import clock, metrics, outbox
from core.settings import Settings
from models import Alert, WarningRule
from models.enums import Channel, NotificationKind, WarningRuleKind
from resolvers.alerts.detect import Detector
from resolvers.alerts.finding import Finding
from resolvers.alerts.texts import notification_kind, render, render_digest
from resolvers.notifications.service import Draft, admin_ids, notify_many
from resolvers.workdays import Fallback, WorkCalendar

BATCH = 500


@dataclass
class ScanReport:
    """What one scan did (the CLI prints it, tests assert it)."""

    found: int = 0
    recorded: int = 0
    held: int = 0
    released: int = 0
    notifications: int = 0
    deliveries: int = 0
    unknown_years: set[int] = field(default_factory=set)


async def scan(settings: Settings, now: datetime | None = None) -> ScanReport:
    """Run every enabled rule as of ``now`` and record what crossed a threshold.

    Deliveries are staged in the outbox; :func:`scan_and_deliver` also sends them on.
    """
    # UTC, so the instant compares equal to the stored one on SQLite too (it marks this
    # scan's own inserts)
    now = (now or clock.now()).astimezone(UTC)
    calendar = await WorkCalendar.load(Fallback(settings.calendar_fallback))
    detector = Detector(calendar, now)
    report = ScanReport()
    rules = await WarningRule.filter(enabled=True)
    findings: list[Finding] = []
    for rule in rules:
        findings += await detector.find(rule, _window_start(rule, now, settings))
    report.found = len(findings)
    quiet = settings.quiet_hours and not calendar.is_working_time(now)
    held_until = calendar.next_working_start(now) if quiet else None
    for start in range(0, len(findings), BATCH):
        await _record(findings[start : start + BATCH], now, held_until, report)
    if not quiet:
        await _release_digests(now, report)
    for rule in rules:
        await WarningRule.filter(id=rule.id, version=rule.version).update(scanned_until=now)
    report.unknown_years = calendar.unknown_years
    if calendar.unknown_years:
        await _warn_admins_about_calendar(calendar.unknown_years, settings, report)
    return report


async def scan_and_deliver(
    settings: Settings, now: datetime | None = None
) -> tuple[ScanReport, int]:
    """One scan, then the staged messages on their way: the one entry the worker, the
    in-process scheduler and the CLI call. Returns the report and how many messages were
    handed on (to the broker with Redis, else run in this process)."""
    with metrics.SCAN_LATENCY.time():
        report = await scan(settings, now)
    for kind in ("found", "recorded", "held", "released"):
        metrics.SCAN_FINDINGS.labels(kind).inc(getattr(report, kind))
    return report, await outbox.deliver_pending(settings)


def _window_start(rule: WarningRule, now: datetime, settings: Settings) -> datetime:
    lookback = now - timedelta(days=settings.alerts_lookback_days)
    if rule.scanned_until is None or rule.scanned_until > now:
        return lookback
    return max(rule.scanned_until, lookback)


async def _record(
    findings: list[Finding],
    now: datetime,
    held_until: datetime | None,
    report: ScanReport,
) -> None:
    by_key = {finding.dedup_key: finding for finding in findings}
    async with in_transaction() as conn:
        await Alert.bulk_create(
            [
                Alert(
                    rule_id=f.rule.id,
                    subject_type=f.subject_type,
                    subject_id=f.subject_id,
                    subject_code=f.subject_code,
                    instance=f.rule.version,
                    dedup_key=key,
                    task_id=f.task_id,
                    fired_at=now,
                    held_until=held_until,
                    details={
                        "recipients": f.recipients(),
                        "params": f.params,
                        "rule": f.rule.kind,
                        "channels": f.rule.channels,
                    },
                )
                for key, f in by_key.items()
            ],
            ignore_conflicts=True,
            using_db=conn,
        )
        new = await Alert.filter(dedup_key__in=list(by_key), fired_at=now).using_db(conn)
        report.recorded += len(new)
        if held_until is not None:
            report.held += len(new)
            return
        messages = []
        for alert in new:
            finding = by_key[alert.dedup_key]
            for recipient in finding.recipients():
                messages.append(
                    _Message(
                        key=alert.dedup_key,
                        recipient=recipient,
                        kind=notification_kind(WarningRuleKind(finding.rule.kind)),
                        rule=WarningRuleKind(finding.rule.kind),
                        params=finding.params,
                        subject=(finding.subject_type, finding.subject_id, finding.subject_code),
                        channels=list(finding.rule.channels),
                    )
                )
        await _deliver(messages, report, conn)


@dataclass
class _Message:
    key: str
    recipient: int
    kind: NotificationKind
    rule: WarningRuleKind | None
    params: dict[str, Any]
    subject: tuple[str, int, str]
    channels: list[str]
    bodies: list[str] = field(default_factory=list)  # digest lines

    def text(self, language: str) -> tuple[str, str]:
        if self.rule is None:
            return render_digest(language, self.bodies)
        return render(self.rule, language, self.params)


async def _deliver(messages: list[_Message], report: ScanReport, conn: BaseDBAsyncClient) -> None:
    """The messages' notifications, e-mails and webhook posts, made in bulk by the one
    notification service (``resolvers/notifications/service.py``) in this transaction.

    The rule's channels apply to whoever chose none for the kind; without an SMTP server
    configured (the demo), the e-mail channel is off.
    """
    made = await notify_many(
        [
            Draft(
                recipient_id=m.recipient,
                kind=m.kind,
                text=m.text,
                subject=m.subject,
                key=m.key,
                fallback=m.channels,
                group_text=m.text("zh"),
            )
            for m in messages
        ],
        conn,
    )
    report.notifications += made.notifications
    report.deliveries += made.deliveries


async def _release_digests(now: datetime, report: ScanReport) -> None:
    """Alerts held in quiet hours become one digest per recipient once work starts."""
    async with in_transaction() as conn:
        held = (
            await Alert.filter(released_at=None, held_until__lte=now)
            .using_db(conn)
            .select_for_update()
            .order_by("id")
        )
        if not held:
            return
        await Alert.filter(id__in=[a.id for a in held]).using_db(conn).update(released_at=now)
        per_person: dict[int, list[Alert]] = defaultdict(list)
        for alert in held:
            for recipient in alert.details.get("recipients", []):
                per_person[int(recipient)].append(alert)
        messages = []
        for recipient, alerts in per_person.items():
            bodies = [
                render(WarningRuleKind(a.details["rule"]), "zh", a.details["params"])[1]
                for a in alerts
            ]
            digest = hashlib.sha256(",".join(str(a.id) for a in alerts).encode()).hexdigest()[:24]
            channels = sorted({c for a in alerts for c in a.details.get("channels", [])})
            messages.append(
                _Message(
                    key=f"digest:{digest}",
                    recipient=recipient,
                    kind=NotificationKind.ALERT_DIGEST,
                    rule=None,
                    params={},
                    subject=("Alert", alerts[0].id, ""),
                    channels=[c for c in channels if c != Channel.WEBHOOK],
                    bodies=bodies,
                )
            )
        report.released += len(held)
        await _deliver(messages, report, conn)


async def _warn_admins_about_calendar(
    years: set[int], settings: Settings, report: ScanReport
) -> None:
    """Tell the admins once per year that working days followed the fallback rule; through
    the notification service, so the notice reaches them live like any other."""
    async with in_transaction() as conn:
        admins = await admin_ids(conn)
        made = await notify_many(
            [
                Draft(
                    recipient_id=admin,
                    kind=NotificationKind.SYSTEM,
                    text=_calendar_notice(year, settings.calendar_fallback),
                    subject=("CalendarOverride", None, ""),
                    key=f"calendar-unknown-year:{year}",
                )
                for year in sorted(years)
                for admin in admins
            ],
            conn,
        )
    report.notifications += made.notifications
    report.deliveries += made.deliveries


def _calendar_notice(year: int, fallback: str) -> Callable[[str], tuple[str, str]]:
    """The notice's title and body (both languages at once: admins of either read it)."""
    title = f"工作日历缺少{year}年数据 (no calendar data for {year})"
    body = (
        f"{year}年的法定节假日与调休尚未录入，预警暂按“{fallback}”"
        "规则计算工作日。请在管理后台的工作日历中补录。"
    )
    return lambda _language: (title, body)
