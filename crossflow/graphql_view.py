"""The ``/graphql`` endpoint: strawberry's ASGI view with CrossFlow's context and sign-in."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
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
