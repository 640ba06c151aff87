"""Who an HTTP request stands for: its ``Authorization: Bearer`` token and the viewer it names.

The GraphQL endpoint asks in up to three places per request (the compiled path, the kept
report answers, strawberry's context); the viewer is read once and kept in the ASGI scope.
"""

from __future__ import annotations

from starlette.datastructures import Headers
from starlette.types import Scope

from core.settings import Settings
from resolvers.access.auth import Viewer, viewer_from_token

#: Where a request's viewer is kept once read (``None`` for an anonymous request).
VIEWER_STATE = "crossflow_viewer"


def bearer_token(authorization: str | None) -> str | None:
    """The token of an ``Authorization: Bearer <token>`` value."""
    if not authorization:
        return None
    scheme, _, token = authorization.partition(" ")
    return token.strip() or None if scheme.lower() == "bearer" else None


async def request_viewer(scope: Scope, settings: Settings) -> Viewer | None:
    """The viewer of this HTTP request's bearer token, read once per request."""
    state = scope.setdefault("state", {})
    if VIEWER_STATE not in state:
        token = bearer_token(Headers(scope=scope).get("authorization"))
        state[VIEWER_STATE] = await viewer_from_token(settings, token) if token else None
    viewer: Viewer | None = state[VIEWER_STATE]
    return viewer
