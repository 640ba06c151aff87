"""Dramatiq actors: notification delivery, warning scans, monthly reports, directory sync.

Importing this package imports the broker module first, so every actor binds to the
process's broker; then it checks that every typed actor reference (``core/actor_refs.py``)
resolves to a declared actor.
"""

from core import broker as _broker

_broker.current()

from core import actor_refs  # noqa: E402
from workers import alerts, delivery, directory, reports  # noqa: E402  (actors follow the broker)

# Every typed reference a use case may stage a message for resolves to an actor declared
# here: a reference without one fails at start-up, not as a message that waits forever.
_missing = actor_refs.unresolved(set(_broker.current().get_declared_actors()))
if _missing:
    raise RuntimeError(f"no actor declared for {', '.join(_missing)} (core/actor_refs.py)")

__all__ = ["alerts", "delivery", "directory", "reports"]
