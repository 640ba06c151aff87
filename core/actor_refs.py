"""Typed references to the background actors, for staging outbox messages.

The use cases sit below the workers (they may not import ``workers/``), yet they name the
actor a message is for. They name it through one of these references instead of a string:
a misspelt reference is an ``AttributeError`` at import and a mypy error, not a row that
waits forever for an actor nobody declared. Each reference also carries the types of the
actor's arguments, so ``outbox.stage(DELIVER_EMAIL, "x")`` fails type checking.

The workers declare their actors under :attr:`ActorRef.name`, and :func:`unresolved` (asked
when the worker registry is imported, and by a test) lists every reference the broker has
no actor for. The outbox still stores the name: rows written before the references existed
relay unchanged.
"""

from __future__ import annotations

from typing import Any, Generic, TypeVarTuple

Ts = TypeVarTuple("Ts")


class ActorRef(Generic[*Ts]):
    """The name of one declared actor and, as type parameters, its positional arguments."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return f"ActorRef({self.name!r})"


#: Push stored notifications to their recipients' live subscriptions (notification ids).
PUSH_NOTIFICATIONS: ActorRef[list[int]] = ActorRef("push_notifications")
#: Send one e-mail delivery (its id).
DELIVER_EMAIL: ActorRef[int] = ActorRef("deliver_email")
#: Post one webhook delivery (its id).
DELIVER_WEBHOOK: ActorRef[int] = ActorRef("deliver_webhook")
#: Build the monthly analysis report (``YYYY-MM``).
BUILD_ANALYSIS_REPORT: ActorRef[str] = ActorRef("build_analysis_report")
#: Run one warning scan now (the scheduler enqueues it; no arguments).
SCAN_ALERTS: ActorRef[()] = ActorRef("scan_alerts")
#: Sync the directory (the scheduler enqueues it; no arguments).
SYNC_DIRECTORY: ActorRef[()] = ActorRef("sync_directory")
#: Refresh the report snapshot (the scheduler enqueues it every minute; no arguments).
REFRESH_REPORTS: ActorRef[()] = ActorRef("refresh_reports")


def delivery_actor(channel: str) -> ActorRef[int]:
    """The actor sending a delivery on ``channel`` (``EMAIL`` or ``WEBHOOK``)."""
    return {"EMAIL": DELIVER_EMAIL, "WEBHOOK": DELIVER_WEBHOOK}[channel.upper()]


def every() -> list[ActorRef[*tuple[Any, ...]]]:
    """Every reference of the application (the workers must declare an actor for each)."""
    return [
        PUSH_NOTIFICATIONS,
        DELIVER_EMAIL,
        DELIVER_WEBHOOK,
        BUILD_ANALYSIS_REPORT,
        SCAN_ALERTS,
        SYNC_DIRECTORY,
        REFRESH_REPORTS,
    ]


def unresolved(declared: set[str]) -> list[str]:
    """The referenced actor names missing from ``declared`` (a broker's actor names)."""
    return [ref.name for ref in every() if ref.name not in declared]
