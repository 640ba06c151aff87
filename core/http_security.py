"""HTTP hardening shared by every response: security headers, the CSP and the CORS allow-list.

Every HTML page the server renders (the admin panel, GraphiQL, the workbench, report HTML)
gets a Content-Security-Policy that lets scripts come from this origin only: an injected
inline ``<script>`` or ``onerror=`` handler does not run, even where a template once
forgets to escape. Pages that need inline script mark it with the request's nonce
(``csp_nonce()``, fresh for every request): the admin panel's templates get it from
``admin_ui/csp.py``; GraphiQL and the workbench have no inline script. The two inline
event handlers starlette-admin's templates carry are allowed by their hashes, those exact
strings only. Styles may be inline (starlette-admin and Ant Design set style attributes
and inject ``<style>``): CSS cannot run script.
"""

from __future__ import annotations

import base64
import hashlib
import secrets
from contextvars import ContextVar

from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from core.settings import Settings

BASE_HEADERS = {
    b"x-content-type-options": b"nosniff",
    b"referrer-policy": b"no-referrer",
    b"x-frame-options": b"SAMEORIGIN",
    b"cross-origin-opener-policy": b"same-origin",
    b"permissions-policy": b"camera=(), microphone=(), geolocation=()",
}
#: Inline event handlers of starlette-admin's templates (``_pagination.html``, ``list.html``).
ALLOWED_HANDLERS = ("window.location = this.value", "applyColumnVisibility()")


class _Nonce:
    """A request's nonce, drawn when first asked for: only an HTML page needs one, and a
    JSON answer (nearly every request) is spared the system's random source."""

    __slots__ = ("_value",)

    def __init__(self) -> None:
        self._value = ""

    @property
    def value(self) -> str:
        if not self._value:
            self._value = secrets.token_urlsafe(16)
        return self._value


_nonce: ContextVar[_Nonce | None] = ContextVar("crossflow_csp_nonce", default=None)


def _hash(source: str) -> str:
    digest = base64.b64encode(hashlib.sha256(source.encode()).digest()).decode()
    return f"'sha256-{digest}'"


_HANDLER_HASHES = " ".join(_hash(handler) for handler in ALLOWED_HANDLERS)


def content_security_policy(nonce: str) -> str:
    """The policy of an HTML page whose inline scripts carry ``nonce``."""
    return "; ".join(
        (
            "default-src 'self'",
            f"script-src 'self' 'nonce-{nonce}' 'unsafe-hashes' {_HANDLER_HASHES}",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'self'",
        )
    )


def csp_nonce() -> str:
    """The nonce of the request being answered (empty outside one)."""
    nonce = _nonce.get()
    return nonce.value if nonce is not None else ""


class SecurityHeaders:
    """Adds the security headers to every HTTP response (HSTS too in production).

    An HTML response also gets the CSP with this request's nonce, unless it set its own.
    """

    def __init__(self, app: ASGIApp, *, hsts: bool) -> None:
        self.app = app
        self.headers = dict(BASE_HEADERS)
        if hsts:
            self.headers[b"strict-transport-security"] = b"max-age=31536000; includeSubDomains"

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        nonce = _Nonce()

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower(): value for name, value in headers}
                extra = [(k, v) for k, v in self.headers.items() if k not in present]
                html = present.get(b"content-type", b"").lower().startswith(b"text/html")
                if html and b"content-security-policy" not in present:
                    extra.append(
                        (
                            b"content-security-policy",
                            content_security_policy(nonce.value).encode(),
                        )
                    )
                message["headers"] = [*headers, *extra]
            await send(message)

        token = _nonce.set(nonce)
        try:
            await self.app(scope, receive, send_with_headers)
        finally:
            _nonce.reset(token)


def middleware(settings: Settings) -> list[Middleware]:
    """The app's middleware: CORS only for the configured origins, then the headers."""
    stack = [Middleware(SecurityHeaders, hsts=settings.is_production)]
    if settings.cors_origins:
        stack.insert(
            0,
            Middleware(
                CORSMiddleware,
                allow_origins=settings.cors_origins,
                allow_methods=["GET", "POST"],
                allow_headers=[
                    "authorization",
                    "content-type",
                    "x-crossflow-csrf",
                    "apollo-require-preflight",
                ],
                max_age=600,
            ),
        )
    return stack
