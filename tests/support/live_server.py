"""The app served by a real uvicorn on a loopback port, inside the test's own event loop.

Real clients (websockets, Node, a browser) need a socket, not an ASGI transport. Serving
from a task of the test's loop keeps the test's ORM context (context variables are copied
into the server's tasks), so the server reads the same database as the test's fixtures on
both backends, without a second process.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator

import uvicorn

from core.settings import Settings
from crossflow.app import create_app
from tests.e2e.processes import free_port


@contextlib.asynccontextmanager
async def live_server(settings: Settings, port: int | None = None) -> AsyncIterator[str]:
    """The base URL (``http://127.0.0.1:<port>``) of the app while the block runs.

    ``port`` when it must be known beforehand (an identity provider registers the callback).
    """
    port = port or free_port()
    app = create_app(settings, manage_orm=False)
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on")
    server = uvicorn.Server(config)
    task = asyncio.create_task(server.serve())
    try:
        while not server.started:
            if task.done():
                task.result()  # raises the reason it stopped
            await asyncio.sleep(0.02)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        with contextlib.suppress(asyncio.CancelledError):
            await asyncio.wait_for(task, timeout=10)
