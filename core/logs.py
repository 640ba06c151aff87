"""Structured logs (structlog): JSON or console lines, a request id, no secrets.

Every log line of the process, from CrossFlow's modules and from libraries using the
standard ``logging`` module alike, goes through one structlog formatter that adds the time,
the level, the bound context (``request_id``, ``actor``) and removes what must never reach
a log: values of keys that name secrets (passwords, tokens, Authorization, cookies) and
e-mail addresses anywhere in the text (personal data; the user id identifies a person
well enough for operators).

The request id comes from the ``X-Request-ID`` header when it looks like one (a proxy or
client set it), else it is generated; it is returned in the response, stored with every
outbox row the request stages, and bound again while the actors those rows cause run.
"""

from __future__ import annotations

import logging
import random
import re
import time
from collections.abc import Mapping
from typing import Any, TextIO

import structlog
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from structlog.contextvars import bind_contextvars, get_contextvars, reset_contextvars
from structlog.typing import EventDict, Processor

from core.settings import Settings

REQUEST_ID_HEADER = "X-Request-ID"
_VALID_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{1,64}$")
_SECRET_KEY = re.compile(r"pass(word)?|secret|token|authori[sz]ation|cookie|api[_-]?key", re.I)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
_BEARER = re.compile(r"(?i)\bbearer\s+[\w.~+/=-]+")
REDACTED = "[redacted]"
QUIET_ROUTES = frozenset({"/healthz", "/readyz", "/metrics"})

log = structlog.get_logger("crossflow.http")


def redact(value: Any) -> Any:
    """``value`` with e-mail addresses and bearer tokens replaced, recursively."""
    if isinstance(value, str):
        return _BEARER.sub("Bearer " + REDACTED, _EMAIL.sub("[email]", value))
    if isinstance(value, Mapping):
        return {
            k: REDACTED if isinstance(k, str) and _SECRET_KEY.search(k) else redact(v)
            for k, v in value.items()
        }
    if isinstance(value, list | tuple):
        return [redact(item) for item in value]
    return value


def _redact_event(logger: Any, method: str, event_dict: EventDict) -> EventDict:
    return dict(redact(event_dict))


#: What every line gets, from structlog loggers and standard ``logging`` records alike.
_SHARED: list[Processor] = [
    structlog.contextvars.merge_contextvars,
    structlog.stdlib.add_log_level,
    structlog.stdlib.add_logger_name,
    structlog.stdlib.ExtraAdder(),
    structlog.processors.TimeStamper(fmt="iso", utc=True),
    # Tracebacks become text before the redaction, so it sees them too.
    structlog.processors.format_exc_info,
]

# structlog loggers always hand their events to the standard ``logging`` module, whose
# handler (set by :func:`configure`) renders them: configured at import, a logger cached
# before ``configure`` runs still ends up in the right place.
structlog.configure(
    # an event its logger's level drops is dropped before the processors run (the access
    # line of every request, at INFO, when only warnings are kept)
    processors=[
        structlog.stdlib.filter_by_level,
        *_SHARED,
        structlog.stdlib.ProcessorFormatter.wrap_for_formatter,
    ],
    logger_factory=structlog.stdlib.LoggerFactory(),
    wrapper_class=structlog.stdlib.BoundLogger,
    cache_logger_on_first_use=True,
)


def configure(settings: Settings, stream: TextIO | None = None) -> None:
    """Render every log record of this process as JSON or console text (to stderr)."""
    renderer: Processor
    if settings.log_format == "json":
        renderer = structlog.processors.JSONRenderer(ensure_ascii=False)
    else:
        renderer = structlog.dev.ConsoleRenderer(colors=False)
    formatter = structlog.stdlib.ProcessorFormatter(
        foreign_pre_chain=_SHARED,
        processors=[
            structlog.stdlib.ProcessorFormatter.remove_processors_meta,
            _redact_event,
            renderer,
        ],
    )
    handler = logging.StreamHandler(stream)
    handler.setFormatter(formatter)
    root = logging.getLogger()
    root.handlers = [handler]
    root.setLevel(settings.log_level.upper())


def current_request_id() -> str:
    """The request id bound to this task or thread ("" outside a request or actor)."""
    return str(get_contextvars().get("request_id", ""))


def bind(**values: str) -> Mapping[str, Any]:
    """Bind log context (request id, actor); returns what :func:`unbind` needs."""
    return bind_contextvars(**{k: v for k, v in values.items() if v})


def unbind(tokens: Mapping[str, Any]) -> None:
    reset_contextvars(**tokens)


def carry_into(target: Any) -> None:
    """Copy this thread's log context into ``target`` (a ``contextvars.Context``)."""
    values = get_contextvars()
    if values:
        target.run(bind_contextvars, **values)


class RequestId:
    """Binds the request id for the request's logs and returns it in the response.

    Also writes one access line per HTTP request (method, route, status, milliseconds):
    uvicorn's own access log is off, and its lines would carry query strings.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        given = _header(scope, REQUEST_ID_HEADER.lower().encode())
        request_id = given if given and _VALID_REQUEST_ID.match(given) else _new_request_id()
        status = [0]

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                status[0] = message["status"]
                headers = [(k, v) for k, v in message.get("headers", []) if k != b"x-request-id"]
                message["headers"] = [*headers, (b"x-request-id", request_id.encode())]
            await send(message)

        tokens = bind(request_id=request_id)
        started = time.perf_counter()
        try:
            await self.app(scope, receive, send_with_id)
        finally:
            if scope["type"] == "http":
                route = getattr(scope.get("route"), "path", None) or "(unmatched)"
                # Probes and scrapes arrive every few seconds: kept out of INFO.
                level = logging.DEBUG if route in QUIET_ROUTES else logging.INFO
                log.log(
                    level,
                    "request",
                    method=scope["method"],
                    route=route,
                    status=status[0],
                    ms=round((time.perf_counter() - started) * 1000, 1),
                )
            unbind(tokens)


def _new_request_id() -> str:
    """32 random hex digits: unique enough to follow one request through the logs (not a
    secret, so the fast generator, reseeded in every forked worker, not the system's)."""
    return f"{random.getrandbits(128):032x}"


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key == name:
            return bytes(value).decode("latin-1").strip()
    return None
