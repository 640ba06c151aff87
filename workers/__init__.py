"""Dramatiq actors: notification delivery, warning scans, monthly reports.

Importing this package imports the broker module first, so every actor binds to the
process's broker.
"""

from crossflow import broker as _broker

_broker.current()

from workers import alerts, delivery, reports  # noqa: E402  (actors must follow the broker)

__all__ = ["alerts", "delivery", "reports"]
