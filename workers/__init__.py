"""Dramatiq actors: notification delivery, warning scans, monthly reports, directory sync.

Importing this package imports the broker module first, so every actor binds to the
process's broker.
"""

from core import broker as _broker

_broker.current()

from workers import alerts, delivery, directory, reports  # noqa: E402  (actors follow the broker)

__all__ = ["alerts", "delivery", "directory", "reports"]
