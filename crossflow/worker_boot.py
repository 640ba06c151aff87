"""The broker module of a ``crossflow worker`` process (``dramatiq crossflow.worker_boot``).

Sets up the Redis broker with Dramatiq's event-loop thread for async actors, opens the ORM
on that loop before the worker takes its first message, then declares the actors.
"""

from __future__ import annotations

from typing import Any

import dramatiq
from dramatiq.asyncio import get_event_loop_thread
from dramatiq.middleware import Middleware

from core import broker as broker_module
from core import logs
from core.db import close_orm, open_orm
from core.settings import Settings, get_settings


class OrmLifecycle(Middleware):
    """Opens the ORM when the worker boots (on the actors' loop) and closes it at shutdown.

    Must come after ``AsyncIO``: its loop thread has to exist. ``before_worker_boot`` is
    the right moment; by ``after_worker_boot`` the consumers already run actors.
    """

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._ctx: Any = None

    def before_worker_boot(self, broker: dramatiq.Broker, worker: Any) -> None:
        loop_thread = get_event_loop_thread()
        assert loop_thread is not None, "OrmLifecycle must follow the AsyncIO middleware"
        self._ctx = loop_thread.run_coroutine(open_orm(self.settings))

    def after_worker_shutdown(self, broker: dramatiq.Broker, worker: Any) -> None:
        loop_thread = get_event_loop_thread()
        if self._ctx is not None and loop_thread is not None:
            loop_thread.run_coroutine(close_orm(self._ctx))


def _boot() -> dramatiq.Broker:
    settings = get_settings()
    logs.configure(settings)
    if not settings.redis_url:
        raise SystemExit(
            "crossflow worker needs CROSSFLOW_REDIS_URL; without Redis the server runs the "
            "actors in-process (crossflow demo, or crossflow serve --embedded-worker)"
        )
    broker = broker_module.with_async_io(broker_module.build_broker(settings))
    broker.add_middleware(OrmLifecycle(settings))
    broker_module.install(broker)
    import workers  # noqa: F401  (declares the actors on this broker)

    return broker


broker = _boot()
