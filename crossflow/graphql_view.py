"""The ``/graphql`` endpoint: strawberry's ASGI view with CrossFlow's context and sign-in."""

from __future__ import annotations

import functools
import logging
from collections.abc import Mapping
from typing import Any

import orjson
from cross_web import HTTPException
from starlette.datastructures import Headers
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.types import Message, Receive, Scope, Send
from starlette.websockets import WebSocket, WebSocketDisconnect
from strawberry.asgi import ASGIWebSocketAdapter, GraphQL
from strawberry.exceptions import ConnectionRejectionError
from strawberry.file_uploads.utils import replace_placeholders_with_files
from strawberry.http import GraphQLHTTPResponse, GraphQLRequestData
from strawberry.http.async_base_view import AsyncHTTPRequestAdapter
from strawberry.http.exceptions import WebSocketDisconnected
from strawberry.subscriptions import GRAPHQL_TRANSPORT_WS_PROTOCOL
from strawberry.types import ExecutionResult
from strawberry.types.execution import PreExecutionError

from core.db_errors import is_unavailable
from core.rate_limit import build_limiter
from core.replica import ReadSource, replica_reads
from core.settings import Settings
from crossflow.bearer import bearer_token, request_viewer
from crossflow.graphiql_page import PAGE as GRAPHIQL_PAGE
from crossflow.multipart import MalformedMultipart, check_map, json_part
from crossflow.operation_choice import BAD_REQUEST_CODE, operation_refusal
from crossflow.replica_reads import is_bi_read
from crossflow.report_answers import ReportAnswers
from crossflow.request_body import read_body, replaying
from crossflow.variable_messages import plain_variable_message
from resolvers.access.auth import Viewer, viewer_from_token
from resolvers.access.live_sockets import LiveConnection
from resolvers.context import RequestContext
from schema.compiled.run import CompiledQueries
from schema.errors import graphql_code
from schema.hygiene import forbidden_in_variables
from schema.limits import Limits

log = logging.getLogger("crossflow.graphql")
#: Where the compiled path leaves the viewer it signed in (``scope["state"]``).
#: Where a websocket's watch over its viewer waits for ``connection_init``.
_LIVE_STATE = "crossflow_live"
#: Where a BI read leaves the database that answered it, for ``extensions.readFrom``.
_READ_STATE = "crossflow_read_from"

#: The header a multipart request must carry (any non-empty value). A cross-site HTML form
#: can post multipart/form-data without a CORS preflight, but cannot add a custom header:
#: requiring one closes that hole, the way Apollo's ``apollo-require-preflight`` does.
#: strawberry 0.341 has no such guard of its own (since 0.243 it only makes multipart
#: opt-in, leaving the CSRF protection to the application).
CSRF_HEADER = "X-CrossFlow-CSRF"
#: The same guard under the name Apollo Client's upload link is configured to send.
APOLLO_CSRF_HEADER = "apollo-require-preflight"
#: A JSON body larger than this is not looked at by the compiled path (documents it serves
#: are small; the token limit refuses large ones anyway) and goes on to the generic path.
COMPILED_BODY_BYTES = 256 * 1024
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


class TextFrameWebSocket(ASGIWebSocketAdapter):
    """Sends every protocol message as a text frame.

    ``graphql-transport-ws`` is a text protocol: the Node ``graphql-ws`` client (used by
    Apollo, urql, Relay and GraphiQL) closes with 4004 on a binary frame. strawberry sends
    bytes as binary frames, and the view's orjson encoder returns bytes.
    """

    async def send_json(self, message: Mapping[str, object]) -> None:
        encoded = self.view.encode_json(message)
        text = encoded.decode() if isinstance(encoded, bytes) else encoded
        try:
            await self.ws.send_text(text)
        except WebSocketDisconnect as exc:
            raise WebSocketDisconnected from exc


class CrossFlowGraphQL(GraphQL[RequestContext, None]):
    """Builds each request's context: the viewer from the bearer token, fresh dataloaders."""

    websocket_adapter_class = TextFrameWebSocket

    def __init__(self, schema: Any, settings: Settings, *, compiled: bool = False) -> None:
        super().__init__(
            schema,
            graphql_ide=None if settings.is_production else "graphiql",
            allow_queries_via_get=False,
            multipart_uploads_enabled=True,
            subscription_protocols=(GRAPHQL_TRANSPORT_WS_PROTOCOL,),
        )
        self.settings = settings
        self._max_tokens = Limits.of(settings).max_tokens
        #: The compiled path for task lists, when enabled and on PostgreSQL.
        self.compiled = CompiledQueries(schema, settings) if compiled else None
        #: Repeated report reads answered from the process (on the compiled path's side).
        self.reports = ReportAnswers(schema._schema, settings)
        #: Comments per minute per person, in Redis when configured (one per app).
        self.comment_limiter = build_limiter(
            settings, settings.comments_rate_per_minute, "crossflow:rate:comments:"
        )

    async def render_graphql_ide(self, request: Request) -> HTMLResponse:
        """GraphiQL from the package's own files (strawberry's page loads them from a CDN)."""
        return HTMLResponse(GRAPHIQL_PAGE)

    def encode_json(self, data: object) -> bytes:
        """Responses encoded with orjson: several times faster than the standard library."""
        return orjson.dumps(data)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Guard multipart (file upload) requests before strawberry parses them.

        Without the CSRF header: 400 ``CSRF_REJECTED``. A body larger than the upload limit
        plus the multipart overhead is cut off with 413 ``PAYLOAD_TOO_LARGE`` while it
        arrives; a file just over the limit still reaches the use case, which names the
        ``file`` field in its BAD_USER_INPUT.
        """
        if scope["type"] == "websocket":
            await self._websocket(scope, receive, send)
            return
        if scope["type"] != "http" or not _is_multipart(scope):
            if self.compiled is not None and _is_json_post(scope):
                await self._compiled_or_generic(scope, receive, send)
                return
            await self._generic(scope, receive, send)
            return
        headers = Headers(scope=scope)
        if not any(headers.get(name, "").strip() for name in (CSRF_HEADER, APOLLO_CSRF_HEADER)):
            response = coded_error(
                400,
                f"文件上传需带{CSRF_HEADER}请求头 (multipart requests need the {CSRF_HEADER}"
                f" or {APOLLO_CSRF_HEADER} header)",
                "CSRF_REJECTED",
            )
            await response(scope, receive, send)
            return
        limit = self.settings.upload_max_bytes + MULTIPART_OVERHEAD_BYTES
        try:
            await self._generic(scope, _capped(receive, limit), send)
        except _BodyTooLarge:
            response = coded_error(
                413, f"请求过大 (the request is larger than {limit} bytes)", "PAYLOAD_TOO_LARGE"
            )
            await response(scope, receive, send)

    async def _websocket(self, scope: Scope, receive: Receive, send: Send) -> None:
        """A subscription socket, with a watch over its viewer for as long as it is open."""
        live = LiveConnection()
        scope.setdefault("state", {})[_LIVE_STATE] = live
        try:
            await super().__call__(scope, receive, send)
        finally:
            await live.stop()

    async def _compiled_or_generic(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Answer a planned read on the compiled path, a repeated report from the process
        (``crossflow/report_answers.py``), anything else generically.

        The body is read here (JSON posts only, capped like any GraphQL body) and handed on
        unchanged when the generic executor answers; a viewer signed in here is kept in the
        request's state so the token is not looked up twice.
        """
        assert self.compiled is not None
        body, more = await read_body(receive, COMPILED_BODY_BYTES)
        answer = None if more else await self._try_compiled(scope, body)
        if answer is not None:
            content, headers = answer
            response = Response(content, media_type="application/json", headers=headers)
            await response(scope, receive, send)
            return
        generic = functools.partial(self._generic, scope, replaying(body, more, receive))
        await self.reports.respond(scope, None if more else body, generic, send)

    async def _generic(self, scope: Scope, receive: Receive, send: Send) -> None:
        """strawberry's executor, its transport refusals (text/plain there) as coded JSON."""
        if scope["type"] != "http":
            await super().__call__(scope, receive, send)
            return
        try:
            response = await self.run(Request(scope=scope, receive=receive))
        except HTTPException as exc:
            response = coded_error(exc.status_code, exc.reason, BAD_REQUEST_CODE)
        await response(scope, receive, send)

    async def execute_operation(
        self,
        request: Request,
        request_adapter: AsyncHTTPRequestAdapter,
        request_data: GraphQLRequestData | list[GraphQLRequestData],
        context: RequestContext,
        root_value: None,
        sub_response: Response,
    ) -> Any:
        """Refuse an ambiguous or unknown operationName, and subscriptions over HTTP."""
        if isinstance(request_data, GraphQLRequestData):
            refusal = operation_refusal(
                request_data.query, request_data.operation_name, self._max_tokens
            )
            if refusal is not None:
                return PreExecutionError(data=None, errors=[refusal])
            if self.settings.database_replica_url and is_bi_read(
                request_data.query, request_data.operation_name, context.viewer, self._max_tokens
            ):
                async with replica_reads(self.settings) as source:
                    result = await super().execute_operation(
                        request, request_adapter, request_data, context, root_value, sub_response
                    )
                request.scope.setdefault("state", {})[_READ_STATE] = source
                sub_response.headers.update(source.headers())
                return result
        return await super().execute_operation(
            request, request_adapter, request_data, context, root_value, sub_response
        )

    async def _try_compiled(
        self, scope: Scope, body: bytes
    ) -> tuple[bytes, dict[str, str] | None] | None:
        """The compiled answer and its headers, ``None`` when the generic executor answers.

        A BI read with a replica configured is answered from the replica (or the primary it
        falls back to) and says so, as the generic executor's answer does.
        """
        assert self.compiled is not None
        try:
            request = orjson.loads(body)
        except orjson.JSONDecodeError:
            return None
        if not isinstance(request, dict) or not isinstance(request.get("query"), str):
            return None
        operation_name = request.get("operationName")
        variables = request.get("variables")
        if not (operation_name is None or isinstance(operation_name, str)) or not (
            variables is None or isinstance(variables, dict)
        ):
            return None
        compiled = self.compiled.compiled(request["query"], operation_name, variables)
        if compiled is None:
            return None
        viewer = await request_viewer(scope, self.settings)
        if viewer is None:
            return None
        if forbidden_in_variables(variables) is not None:
            return None  # the generic executor refuses it with BAD_USER_INPUT naming the field
        try:
            if not (
                self.settings.database_replica_url
                and is_bi_read(request["query"], operation_name, viewer, self._max_tokens)
            ):
                answer = await self.compiled.respond(compiled, variables, viewer)
                return None if answer is None else (answer, None)
            async with replica_reads(self.settings) as source:
                answer = await self.compiled.respond(compiled, variables, viewer)
            return None if answer is None else (source.stated_in(answer), source.headers())
        except Exception as exc:
            if is_unavailable(exc):
                raise
            log.exception("compiled path failed; the generic executor answers instead")
            return None

    async def parse_multipart(self, request: AsyncHTTPRequestAdapter) -> dict[str, str]:
        """The operations with their files in place, once the map is known to fit them."""
        try:
            form = await request.get_form_data()
            operations = json_part(form.form.get("operations"), "operations")
            files_map = json_part(form.form.get("map", "{}"), "map")
            check_map(operations, files_map, form.files)
        except (ValueError, MalformedMultipart) as exc:
            reason = exc.reason if isinstance(exc, MalformedMultipart) else "not multipart"
            message = f"文件上传请求格式错误 (malformed multipart: {reason})"
            raise HTTPException(400, message) from exc
        return replace_placeholders_with_files(operations, files_map, form.files)

    async def get_context(self, request: Request | WebSocket, response: Any) -> RequestContext:
        viewer: Viewer | None = None
        if isinstance(request, Request):
            viewer = await request_viewer(request.scope, self.settings)
        live = request.scope.get("state", {}).get(_LIVE_STATE)
        return RequestContext.build(
            self.settings,
            viewer,
            request=request,
            response=response,
            live=live if isinstance(request, WebSocket) else None,
            comment_limiter=self.comment_limiter,
        )

    async def process_result(self, request: Any, result: ExecutionResult) -> GraphQLHTTPResponse:
        """Give a code to errors that never reached the schema's extensions (syntax errors).

        Variable errors lose graphql-core's Python reprs of the value on the way.
        """
        response = await super().process_result(request, result)
        errors: list[dict[str, Any]] = response.get("errors") or []  # type: ignore[assignment]
        for error in errors:
            message = str(error.get("message", ""))
            error["message"] = plain_variable_message(message)
            extensions = error.setdefault("extensions", {})
            extensions.setdefault("code", graphql_code(message))
        source = getattr(request, "scope", {}).get("state", {}).get(_READ_STATE)
        if isinstance(source, ReadSource):  # a BI read states where it read and how stale
            response["extensions"] = {
                **(response.get("extensions") or {}),
                "readFrom": source.describe(),
            }
        return response

    async def on_ws_connect(self, context: RequestContext) -> Any:
        """Sign the websocket in from ``connection_init``'s ``{"Authorization": "Bearer …"}``.

        From then on the socket's watcher re-checks that token (``resolvers/access/live_sockets``).
        """
        params = context.connection_params if isinstance(context.connection_params, dict) else {}
        raw = params.get("Authorization") or params.get("authorization")
        token = bearer_token(raw) if isinstance(raw, str) else None
        viewer = await viewer_from_token(self.settings, token) if token else None
        if viewer is None:
            raise ConnectionRejectionError({"code": "UNAUTHENTICATED"})
        context.sign_in(viewer)
        if context.live is not None and token is not None:
            context.live.watch(self.settings, token, viewer, context.request)
        return None


def _is_json_post(scope: Scope) -> bool:
    return scope.get("method") == "POST" and _media_type(scope) == "application/json"


def _is_multipart(scope: Scope) -> bool:
    return _media_type(scope) == "multipart/form-data"


def _media_type(scope: Scope) -> str:
    """The request's content type without its parameters (``; charset=…``), lower case."""
    return Headers(scope=scope).get("content-type", "").split(";")[0].strip().lower()
