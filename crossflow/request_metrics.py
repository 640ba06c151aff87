"""ASGI middleware counting HTTP requests, GraphQL operations and websockets.

It watches the bytes the app reads and writes instead of hooking into the GraphQL view, so
the generic and the compiled paths (and every refusal before them) are measured the same
way: the operation name comes from the request (``operationName``, else the document's
first operation), the outcome and error codes from the response's ``errors``.

Labels stay bounded: routes are the app's route templates, operation names are checked
and capped per process (a client inventing names cannot grow the metrics without limit).
"""

from __future__ import annotations

import re
import time
from typing import Any

import orjson
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from core import metrics

#: What is read of a GraphQL request or response to label it (documents are small).
CAPTURE_BYTES = 256 * 1024
MAX_OPERATION_NAMES = 200
_NAME = re.compile(r"^[_A-Za-z][_0-9A-Za-z]{0,63}$")
_FIRST_OPERATION = re.compile(
    rb"^\s*(?:#[^\n]*\n\s*)*(query|mutation|subscription)\b\s*([_A-Za-z][_0-9A-Za-z]*)?"
)
_known_operations: set[str] = set()


class RequestMetrics:
    """Outermost middleware: sees every request, including ones the app refuses."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "websocket":
            metrics.WEBSOCKETS.inc()
            try:
                await self.app(scope, receive, send)
            finally:
                metrics.WEBSOCKETS.dec()
            return
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        graphql = scope["path"] == "/graphql" and scope["method"] == "POST"
        request_body = bytearray()
        response_body = bytearray()
        status = [500]

        async def watched_receive() -> Message:
            message = await receive()
            if graphql and message["type"] == "http.request":
                _capture(request_body, message.get("body", b""))
            return message

        async def watched_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                status[0] = message["status"]
            elif graphql and message["type"] == "http.response.body":
                _capture(response_body, message.get("body", b""))
            await send(message)

        started = time.perf_counter()
        try:
            await self.app(scope, watched_receive, watched_send)
        finally:
            elapsed = time.perf_counter() - started
            route = _route(scope)
            method = scope["method"]
            metrics.HTTP_REQUESTS.labels(method, route, str(status[0])).inc()
            metrics.HTTP_LATENCY.labels(method, route).observe(elapsed)
            if status[0] == 429:
                metrics.RATE_LIMITED.labels(route).inc()
            if route.startswith("/reports"):
                metrics.REPORT_DOWNLOADS.labels(route, str(status[0])).inc()
            if graphql:
                _graphql(scope, bytes(request_body), bytes(response_body), status[0], elapsed)
            metrics.record_pool(unless_within=0.25)


def _capture(buffer: bytearray, chunk: bytes) -> None:
    if len(buffer) < CAPTURE_BYTES:
        buffer.extend(chunk[: CAPTURE_BYTES - len(buffer)])


def _route(scope: Scope) -> str:
    """The matched route's template (``/files/{version_id:path}``), never the raw path."""
    route = scope.get("route")
    path = getattr(route, "path", None)
    return path if isinstance(path, str) and path else "(unmatched)"


def _graphql(scope: Scope, request: bytes, response: bytes, status: int, elapsed: float) -> None:
    operation, kind = _operation(scope, request)
    codes = _error_codes(response) if status == 200 else [f"HTTP_{status}"]
    metrics.GRAPHQL_OPERATIONS.labels(operation, kind, "error" if codes else "ok").inc()
    metrics.GRAPHQL_LATENCY.labels(operation, kind).observe(elapsed)
    for code in codes:
        metrics.GRAPHQL_ERRORS.labels(operation, code).inc()


def _operation(scope: Scope, body: bytes) -> tuple[str, str]:
    """The operation's name and type (``query`` for the ``{ … }`` shorthand)."""
    content_type = dict(scope.get("headers", [])).get(b"content-type", b"")
    if not content_type.startswith(b"application/json"):
        return "(upload)" if content_type.startswith(b"multipart/") else "(unparsed)", "unknown"
    try:
        payload: Any = orjson.loads(body)
    except orjson.JSONDecodeError:
        return "(unparsed)", "unknown"
    if not isinstance(payload, dict):
        return "(unparsed)", "unknown"
    document = payload.get("query")
    document = document.encode() if isinstance(document, str) else b""
    match = _FIRST_OPERATION.match(document)
    kind = match.group(1).decode() if match else "query"
    name = payload.get("operationName") or (
        match.group(2).decode() if match and match.group(2) else ""
    )
    return _bounded(name), kind


def _bounded(name: object) -> str:
    if not isinstance(name, str) or not name:
        return "(anonymous)"
    if not _NAME.match(name):
        return "(invalid)"
    if name not in _known_operations:
        if len(_known_operations) >= MAX_OPERATION_NAMES:
            return "(other)"
        _known_operations.add(name)
    return name


def _error_codes(body: bytes) -> list[str]:
    """``extensions.code`` of each error of a GraphQL response (``INTERNAL`` when absent)."""
    if b'"errors"' not in body:
        return []
    try:
        payload: Any = orjson.loads(body)
    except orjson.JSONDecodeError:
        return ["(truncated)"]
    errors = payload.get("errors") if isinstance(payload, dict) else None
    codes = []
    for error in errors or []:
        extensions = error.get("extensions") if isinstance(error, dict) else None
        code = extensions.get("code") if isinstance(extensions, dict) else None
        codes.append(code if isinstance(code, str) and _NAME.match(code) else "INTERNAL")
    return codes
