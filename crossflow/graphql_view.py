"""The ``/graphql`` endpoint: strawberry's ASGI view with CrossFlow's context and sign-in."""

from __future__ import annotations

from typing import Any

from starlette.datastructures import Headers
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.types import Message, Receive, Scope, Send
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.exceptions import ConnectionRejectionError
from strawberry.http import GraphQLHTTPResponse
from strawberry.subscriptions import GRAPHQL_TRANSPORT_WS_PROTOCOL
from strawberry.types import ExecutionResult

from crossflow.settings import Settings
from resolvers.auth import Viewer, viewer_from_token
from resolvers.context import RequestContext
from schema.errors import graphql_code

#: The header a multipart request must carry (any non-empty value). A cross-site HTML form
#: can post multipart/form-data without a CORS preflight, but cannot add a custom header:
#: requiring one closes that hole, the way Apollo's ``apollo-require-preflight`` does.
#: strawberry 0.341 has no such guard of its own (since 0.243 it only makes multipart
#: opt-in, leaving the CSRF protection to the application).
CSRF_HEADER = "X-CrossFlow-CSRF"
#: What a multipart body may add to the file itself (the operations and map parts, framing).
MULTIPART_OVERHEAD_BYTES = 1024 * 1024


def coded_error(
    status: int, message: str, code: str, headers: dict[str, str] | None = None
) -> JSONResponse:
    """An HTTP error shaped like a GraphQL one, so clients parse every refusal the same way."""
    return JSONResponse(
        {"errors": [{"message": message, "extensions": {"code": code}}]},
        status_code=status,
        headers=headers,
    )


class _BodyTooLarge(Exception):
    """The request body went past the cap while it was being received."""


def _capped(receive: Receive, limit: int) -> Receive:
    """``receive`` that stops a body at ``limit`` bytes instead of spooling all of it."""
    received = 0

    async def capped_receive() -> Message:
        nonlocal received
        message = await receive()
        if message["type"] == "http.request":
            received += len(message.get("body", b""))
            if received > limit:
                raise _BodyTooLarge
        return message

    return capped_receive


def bearer_token(authorization: str | None) -> str | None:
    """The token of an ``Authorization: Bearer <token>`` value."""
    if not authorization:
        return None
    scheme, _, token = authorization.partition(" ")
    return token.strip() or None if scheme.lower() == "bearer" else None


class CrossFlowGraphQL(GraphQL[RequestContext, None]):
    """Builds each request's context: the viewer from the bearer token, fresh dataloaders."""

    def __init__(self, schema: Any, settings: Settings) -> None:
        super().__init__(
            schema,
            graphql_ide=None if settings.is_production else "graphiql",
            allow_queries_via_get=False,
            multipart_uploads_enabled=True,
            subscription_protocols=(GRAPHQL_TRANSPORT_WS_PROTOCOL,),
        )
        self.settings = settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Guard multipart (file upload) requests before strawberry parses them.

        Without the CSRF header: 400 ``CSRF_REJECTED``. A body larger than the upload limit
        plus the multipart overhead is cut off with 413 ``PAYLOAD_TOO_LARGE`` while it
        arrives; a file just over the limit still reaches the use case, which names the
        ``file`` field in its BAD_USER_INPUT.
        """
        if scope["type"] != "http" or not _is_multipart(scope):
            await super().__call__(scope, receive, send)
            return
        if not Headers(scope=scope).get(CSRF_HEADER, "").strip():
            response = coded_error(
                400,
                f"文件上传需带{CSRF_HEADER}请求头 (multipart requests need the {CSRF_HEADER}"
                " header)",
                "CSRF_REJECTED",
            )
            await response(scope, receive, send)
            return
        limit = self.settings.upload_max_bytes + MULTIPART_OVERHEAD_BYTES
        try:
            await super().__call__(scope, _capped(receive, limit), send)
        except _BodyTooLarge:
            response = coded_error(
                413, f"请求过大 (the request is larger than {limit} bytes)", "PAYLOAD_TOO_LARGE"
            )
            await response(scope, receive, send)

    async def get_context(self, request: Request | WebSocket, response: Any) -> RequestContext:
        viewer: Viewer | None = None
        if isinstance(request, Request):
            token = bearer_token(request.headers.get("authorization"))
            if token:
                viewer = await viewer_from_token(self.settings, token)
        return RequestContext.build(self.settings, viewer, request=request, response=response)

    async def process_result(self, request: Any, result: ExecutionResult) -> GraphQLHTTPResponse:
        """Give a code to errors that never reached the schema's extensions (syntax errors)."""
        response = await super().process_result(request, result)
        errors: list[dict[str, Any]] = response.get("errors") or []  # type: ignore[assignment]
        for error in errors:
            extensions = error.setdefault("extensions", {})
            extensions.setdefault("code", graphql_code(str(error.get("message", ""))))
        return response

    async def on_ws_connect(self, context: RequestContext) -> Any:
        """Sign the websocket in from ``connection_init``'s ``{"Authorization": "Bearer …"}``."""
        params = context.connection_params if isinstance(context.connection_params, dict) else {}
        raw = params.get("Authorization") or params.get("authorization")
        token = bearer_token(raw) if isinstance(raw, str) else None
        viewer = await viewer_from_token(self.settings, token) if token else None
        if viewer is None:
            raise ConnectionRejectionError({"code": "UNAUTHENTICATED"})
        context.sign_in(viewer)
        return None


def _is_multipart(scope: Scope) -> bool:
    content_type = Headers(scope=scope).get("content-type", "")
    return content_type.split(";")[0].strip().lower() == "multipart/form-data"
