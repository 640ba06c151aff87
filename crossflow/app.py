"""The app factory: Starlette with ``/graphql``, health checks, and the process lifecycle."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator

import redis.asyncio as aioredis
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route, WebSocketRoute
from tortoise.connection import get_connection

from admin_ui.app import mount_admin
from core import broker as broker_module
from core import http_security, realtime, replica
from core.db import close_orm, open_orm, pending_migrations
from core.settings import Settings, get_settings
from crossflow import graphiql_page, http_errors, observability, oidc, suite_routes, web_app
from crossflow.downloads import download_file, meeting_invite
from crossflow.graphql_view import CrossFlowGraphQL
from crossflow.report_routes import routes as report_routes
from crossflow.scheduler import build_scheduler
from crossflow.secret_key import resolve as resolve_secret_key
from resolvers.people.suites.config import configured_suite
from schema import schema_for

log = logging.getLogger(__name__)


async def healthz(request: Request) -> JSONResponse:
    """Liveness: the process answers."""
    return JSONResponse({"status": "ok"})


async def readyz(request: Request) -> JSONResponse:
    """Readiness: the database answers, and the broker too when it is Redis.

    A read replica's state is shown but never makes the server unready: the primary
    answers BI reads while the replica is down or lags (``core/replica.py``).
    """
    settings: Settings = request.app.state.settings
    checks: dict[str, str] = {}
    try:
        await asyncio.wait_for(get_connection("default").execute_query("SELECT 1"), timeout=3)
        checks["database"] = "ok"
        checks["migrations"] = await _migrations(request)
    except Exception as exc:
        checks["database"] = f"unavailable ({type(exc).__name__})"
    replica_state = await replica.status(settings)
    if replica_state is not None:
        checks["replica"] = replica_state
    if settings.redis_url:
        client = aioredis.from_url(settings.redis_url, socket_connect_timeout=2)
        try:
            await asyncio.wait_for(client.ping(), timeout=3)
            checks["broker"] = "ok"
        except Exception as exc:
            checks["broker"] = f"unavailable ({type(exc).__name__})"
        finally:
            await client.aclose()
    else:
        checks["broker"] = "ok (in-process)"
    ready = all(value.startswith("ok") for value in checks.values())
    return JSONResponse(
        {"status": "ready" if ready else "not ready", **checks}, status_code=200 if ready else 503
    )


async def _migrations(request: Request) -> str:
    """ "ok" once every shipped migration is applied (remembered: they are never undone)."""
    if getattr(request.app.state, "migrated", False):
        return "ok"
    pending = await pending_migrations()
    if pending:
        return f"pending: {', '.join(pending)} (run crossflow migrate)"
    request.app.state.migrated = True
    return "ok"


def create_app(
    settings: Settings | None = None, *, manage_orm: bool = True, embedded_worker: bool = False
) -> Starlette:
    """The ASGI app.

    ``manage_orm=False`` leaves the ORM to the caller (tests open it in their own context).
    ``embedded_worker`` runs the Dramatiq worker in this process on the server's loop
    (the demo, and any deployment without Redis).
    """
    # Declaring the actors binds them to the process's broker, built from the settings on
    # first use: importing them is a start-up step of the app, not a module import.
    import workers  # noqa: F401  (the outbox relay sends to them by name)

    settings = resolve_secret_key(settings or get_settings())

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        ctx = await open_orm(settings) if manage_orm else None
        hub = realtime.Hub(settings.redis_url)
        realtime.set_hub(hub)
        await hub.start()
        worker = None
        scheduler = None
        if embedded_worker:
            worker = broker_module.EmbeddedWorker(
                broker_module.current(), asyncio.get_running_loop()
            )
            worker.start()
            scheduler = build_scheduler(settings, inline=False)
            scheduler.start()
        try:
            yield
        finally:
            if scheduler is not None:
                scheduler.shutdown(wait=False)
            if worker is not None:
                await worker.stop()
            await hub.stop()
            if ctx is not None:
                await close_orm(ctx)

    compiled = settings.graphql_compiled and not settings.uses_sqlite
    graphql_app = CrossFlowGraphQL(schema_for(settings), settings, compiled=compiled)
    app = Starlette(
        routes=[
            Route("/healthz", healthz),
            Route("/readyz", readyz),
            Route("/graphql", graphql_app, methods=["GET", "POST"]),
            WebSocketRoute("/graphql", graphql_app),
            graphiql_page.static_files(),
            # ``:path`` because global ids are standard base64, which may contain "/".
            Route("/files/{version_id:path}", download_file, methods=["GET"]),
            Route("/meetings/{meeting_id:path}.ics", meeting_invite, methods=["GET"]),
            *report_routes,
            *oidc.routes(),
            *suite_routes.routes(),  # after OIDC's: /auth/{suite}/… would match /auth/oidc/…
        ],
        lifespan=lifespan,
        middleware=http_security.middleware(settings),
        exception_handlers=http_errors.exception_handlers(),  # type: ignore[arg-type]
    )
    app.state.settings = settings
    app.state.suite = configured_suite()  # Feishu sign-in (CROSSFLOW_FEISHU_*), if set
    # The admin panel at /admin; it resolves the models' relations itself, without a
    # connection, so it is built the same way whether or not this app opens the ORM.
    mount_admin(app, settings)
    # /metrics, request ids and traces; its middleware wraps everything above.
    observability.install(app, settings)
    # The workbench last: its fallback answers every GET no other route claimed.
    app.router.routes.extend(web_app.routes())
    return app
