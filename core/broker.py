"""The Dramatiq broker every process shares: Redis in production, in-memory when embedded.

Import this module before any actor module (``workers/`` does): actors bind to the broker
that is current when they are declared. :func:`install` swaps the broker later (the tests,
the CLI flags) and re-binds every declared actor to it.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextvars
import logging
from collections.abc import Coroutine
from typing import Any, TypeVar

import dramatiq
from dramatiq.asyncio import set_event_loop_thread
from dramatiq.brokers.redis import RedisBroker
from dramatiq.brokers.stub import StubBroker
from dramatiq.middleware import AsyncIO, Interrupt, Middleware

from core import actor_observer, logs
from core.settings import Settings, get_settings

log = logging.getLogger(__name__)
R = TypeVar("R")


def build_broker(settings: Settings) -> dramatiq.Broker:
    """A Redis broker when ``CROSSFLOW_REDIS_URL`` is set, else Dramatiq's in-memory broker."""
    if settings.redis_url:
        return RedisBroker(
            url=settings.redis_url,
            heartbeat_timeout=settings.broker_heartbeat_seconds * 1000,
            maintenance_chance=settings.broker_maintenance_chance,
        )
    return StubBroker()


def install(broker: dramatiq.Broker) -> dramatiq.Broker:
    """Make ``broker`` the global one and move every already-declared actor onto it."""
    previous = dramatiq.get_broker() if _installed[0] else None
    actor_observer.observe(broker)
    dramatiq.set_broker(broker)
    _installed[0] = True
    if previous is not None and previous is not broker:
        for name in previous.get_declared_actors():
            actor = previous.get_actor(name)
            actor.broker = broker
            broker.declare_actor(actor)
    return broker


def current() -> dramatiq.Broker:
    """The global broker, created from the settings on first use."""
    if not _installed[0]:
        install(build_broker(get_settings()))
    return dramatiq.get_broker()


_installed = [False]


class HostEventLoop(Middleware):
    """Runs async actors on an existing event loop (the server's) instead of a new thread.

    In embedded mode actors share the server's single ORM context: Dramatiq's ``AsyncIO``
    middleware would run them on a loop of their own, where the ORM's connections and
    locks (bound to the server's loop) break. Each actor runs as a task of the server's
    loop in a copy of the server's context variables (where the ORM context lives).
    """

    interrupt_check_ival = 0.1

    def __init__(self, loop: asyncio.AbstractEventLoop, context: contextvars.Context) -> None:
        self.loop = loop
        self.context = context

    def before_worker_boot(self, broker: dramatiq.Broker, worker: Any) -> None:
        set_event_loop_thread(self)  # type: ignore[arg-type]

    def after_worker_shutdown(self, broker: dramatiq.Broker, worker: Any) -> None:
        set_event_loop_thread(None)

    def run_coroutine(self, coro: Coroutine[Any, Any, R]) -> R:
        """Run ``coro`` on the server's loop and wait for it from a worker thread."""
        result: concurrent.futures.Future[R] = concurrent.futures.Future()
        tasks: list[asyncio.Task[R]] = []

        def start() -> None:
            task = self.loop.create_task(coro)
            tasks.append(task)
            task.add_done_callback(lambda done: _copy_outcome(done, result))

        context = self.context.copy()
        logs.carry_into(context)  # the message's request id, bound by ActorObserver
        self.loop.call_soon_threadsafe(start, context=context)
        try:
            while True:
                try:
                    return result.result(timeout=self.interrupt_check_ival)
                except concurrent.futures.TimeoutError:
                    continue
        except Interrupt:
            # A time limit or shutdown interrupts the worker thread: cancel the actor too.
            self.loop.call_soon_threadsafe(lambda: [task.cancel() for task in tasks])
            raise


def _copy_outcome(task: asyncio.Task[R], result: concurrent.futures.Future[R]) -> None:
    if task.cancelled():
        result.cancel()
    elif (error := task.exception()) is not None:
        result.set_exception(error)
    else:
        result.set_result(task.result())


class EmbeddedWorker:
    """A Dramatiq worker inside the server process, its actors on the server's loop."""

    def __init__(self, broker: dramatiq.Broker, loop: asyncio.AbstractEventLoop) -> None:
        self._broker = broker
        context = contextvars.copy_context()
        host = next((m for m in broker.middleware if isinstance(m, HostEventLoop)), None)
        if host is None:
            broker.add_middleware(HostEventLoop(loop, context))
        else:
            host.loop, host.context = loop, context
        self._worker = dramatiq.Worker(broker, worker_threads=2, worker_timeout=100)

    def start(self) -> None:
        self._worker.start()

    async def stop(self) -> None:
        # Worker.stop joins threads that may be waiting on this very loop: run it elsewhere.
        await asyncio.to_thread(self._worker.stop)


def with_async_io(broker: dramatiq.Broker) -> dramatiq.Broker:
    """Give a worker process's broker Dramatiq's own event-loop thread for async actors."""
    if not any(isinstance(m, AsyncIO) for m in broker.middleware):
        broker.add_middleware(AsyncIO())
    return broker
