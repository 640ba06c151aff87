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

from crossflow import broker as broker_module
from crossflow import outbox, realtime
from crossflow.db import close_orm, open_orm
from crossflow.graphql_view import CrossFlowGraphQL
from crossflow.settings import Settings, get_settings

log = logging.getLogger(__name__)

#: How often the embedded server relays outbox rows that an earlier relay could not send.
EMBEDDED_RELAY_SECONDS = 5.0


async def healthz(request: Request) -> JSONResponse:
    """Liveness: the process answers."""
    return JSONResponse({"status": "ok"})


async def readyz(request: Request) -> JSONResponse:
    """Readiness: the database answers, and the broker too when it is Redis."""
    settings: Settings = request.app.state.settings
    checks: dict[str, str] = {}
    try:
        await asyncio.wait_for(get_connection("default").execute_query("SELECT 1"), timeout=3)
        checks["database"] = "ok"
    except Exception as exc:
        checks["database"] = f"unavailable ({type(exc).__name__})"
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


def create_app(
    settings: Settings | None = None, *, manage_orm: bool = True, embedded_worker: bool = False
) -> Starlette:
    """The ASGI app.

    ``manage_orm=False`` leaves the ORM to the caller (tests open it in their own context).
    ``embedded_worker`` runs the Dramatiq worker in this process on the server's loop
    (the demo, and any deployment without Redis).
    """
    import workers  # noqa: F401  (declares the actors: the outbox relay sends to them by name)
    from schema import schema

    settings = settings or get_settings()
    settings.check_production_safety()

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        ctx = await open_orm(settings) if manage_orm else None
        hub = realtime.Hub(settings.redis_url)
        realtime.set_hub(hub)
        await hub.start()
        worker = None
        relay_task = None
        if embedded_worker:
            worker = broker_module.EmbeddedWorker(
                broker_module.current(), asyncio.get_running_loop()
            )
            worker.start()
            relay_task = asyncio.create_task(_relay_forever(EMBEDDED_RELAY_SECONDS))
        try:
            yield
        finally:
            if relay_task is not None:
                relay_task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await relay_task
            if worker is not None:
                await worker.stop()
            await hub.stop()
            if ctx is not None:
                await close_orm(ctx)

    graphql_app = CrossFlowGraphQL(schema, settings)
    app = Starlette(
        routes=[
            Route("/healthz", healthz),
            Route("/readyz", readyz),
            Route("/graphql", graphql_app, methods=["GET", "POST"]),
            WebSocketRoute("/graphql", graphql_app),
        ],
        lifespan=lifespan,
    )
    app.state.settings = settings
    return app


async def _relay_forever(interval: float) -> None:
    while True:
        await asyncio.sleep(interval)
        try:
            await outbox.relay()
        except Exception:
            log.exception("periodic outbox relay failed")
