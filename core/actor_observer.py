"""A Dramatiq middleware that measures actor runs and carries request ids into them.

Every broker gets it on install. A message enqueued while a request id is bound (by the
HTTP middleware, or by the actor that sends it) carries that id in its options, and the
actor runs with it bound, so its log lines join the request's. Timing is kept per message
id in this process, not in the options: a start time from another process means nothing.
"""

from __future__ import annotations

import threading
import time
from typing import Any

import dramatiq
import structlog
from dramatiq.middleware import Middleware

from core import logs, metrics

log = structlog.get_logger("crossflow.actors")


class ActorObserver(Middleware):
    """Counts runs by actor and outcome and observes their duration."""

    def __init__(self) -> None:
        self._started: dict[str, float] = {}
        self._lock = threading.Lock()
        self._bound = threading.local()

    def before_enqueue(self, broker: dramatiq.Broker, message: Any, delay: int) -> None:
        request_id = logs.current_request_id()
        if request_id and "request_id" not in message.options:
            message.options["request_id"] = request_id

    def before_process_message(self, broker: dramatiq.Broker, message: Any) -> None:
        with self._lock:
            self._started[message.message_id] = time.perf_counter()
        self._bound.tokens = logs.bind(
            request_id=str(message.options.get("request_id", "")), actor=message.actor_name
        )

    def after_process_message(
        self,
        broker: dramatiq.Broker,
        message: Any,
        *,
        result: Any = None,
        exception: BaseException | None = None,
    ) -> None:
        with self._lock:
            started = self._started.pop(message.message_id, None)
        outcome = "ok" if exception is None else "failed"
        metrics.ACTOR_RUNS.labels(message.actor_name, outcome).inc()
        elapsed = time.perf_counter() - started if started is not None else 0.0
        metrics.ACTOR_LATENCY.labels(message.actor_name).observe(elapsed)
        # One line per run, with the request id still bound: the request's trail goes on.
        log.info("actor run", outcome=outcome, ms=round(elapsed * 1000, 1))
        self._unbind()

    def after_skip_message(self, broker: dramatiq.Broker, message: Any) -> None:
        with self._lock:
            self._started.pop(message.message_id, None)
        self._unbind()

    def _unbind(self) -> None:
        tokens = getattr(self._bound, "tokens", None)
        if tokens is not None:
            logs.unbind(tokens)
            self._bound.tokens = None


def observe(broker: dramatiq.Broker) -> None:
    """Add the observer to ``broker`` once."""
    if not any(isinstance(m, ActorObserver) for m in broker.middleware):
        broker.add_middleware(ActorObserver())
