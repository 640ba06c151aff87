"""``crossflow serve`` + ``crossflow worker`` on real PostgreSQL and Redis.

The server and the worker are separate processes, as in production: a notification staged
by another process reaches the worker through Redis, and the worker's push reaches a
websocket subscriber of the server through Redis pub/sub.
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import httpx
import pytest
import websockets
from dramatiq.brokers.redis import RedisBroker

from core import actor_refs, db, outbox
from core import broker as broker_module
from core.security import hash_password
from core.settings import Mode, Settings, configure
from models import Notification, User
from models.enums import NotificationKind, Role
from tests.e2e.processes import crossflow_process, free_port, wait_until_ready

pytestmark = [pytest.mark.e2e, pytest.mark.postgres, pytest.mark.redis]

SECRET = "e2e-secret-key-not-the-default"
PASSWORD = "correct horse battery"


async def _ws_subscribe(url: str, token: str) -> websockets.ClientConnection:
    socket = await websockets.connect(url, subprotocols=["graphql-transport-ws"])  # type: ignore[list-item]
    await socket.send(
        json.dumps({"type": "connection_init", "payload": {"Authorization": f"Bearer {token}"}})
    )
    assert json.loads(await socket.recv())["type"] == "connection_ack"
    await socket.send(
        json.dumps(
            {
                "id": "1",
                "type": "subscribe",
                "payload": {"query": "subscription { notificationAdded { title kind } }"},
            }
        )
    )
    return socket


async def test_serve_and_worker_deliver_a_notification_to_a_websocket_subscriber(
    postgres_url: str, redis_url: str, tmp_path: Path
) -> None:
    # given a migrated PostgreSQL database with one user, and Redis
    settings = configure(
        Settings(
            mode=Mode.PRODUCTION,
            database_url=postgres_url,
            redis_url=redis_url,
            secret_key=SECRET,
            data_dir=tmp_path,
            _env_file=None,  # type: ignore[call-arg]
        )
    )
    await db.migrate(settings)
    async with db.orm(settings):
        user = await User.create(
            username="wang",
            display_name="王芳",
            role=Role.DEPT_HEAD,
            password_hash=hash_password(PASSWORD),
        )
    env = {
        "CROSSFLOW_DATABASE_URL": postgres_url,
        "CROSSFLOW_REDIS_URL": redis_url,
        "CROSSFLOW_SECRET_KEY": SECRET,
        "CROSSFLOW_MODE": "production",
        "CROSSFLOW_DATA_DIR": str(tmp_path),
    }
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with (
        crossflow_process(
            ["serve", "--port", str(port)], env, tmp_path, tmp_path / "serve.log"
        ) as server,
        crossflow_process(
            ["worker", "--processes", "1", "--threads", "2"],
            env,
            tmp_path,
            tmp_path / "worker.log",
        ),
    ):
        wait_until_ready(base, server, tmp_path / "serve.log")
        # when the user signs in over HTTP and subscribes over a websocket
        async with httpx.AsyncClient(base_url=base) as http:
            login = await http.post(
                "/graphql",
                json={
                    "query": "mutation($u: String!, $p: String!) "
                    "{ login(input: {username: $u, password: $p}) { token } }",
                    "variables": {"u": "wang", "p": PASSWORD},
                },
            )
            token = login.json()["data"]["login"]["token"]
            viewer = await http.post(
                "/graphql",
                json={"query": "{ viewer { username role } }"},
                headers={"authorization": f"Bearer {token}"},
            )
        assert viewer.json()["data"]["viewer"] == {"username": "wang", "role": "DEPT_HEAD"}
        socket = await _ws_subscribe(f"ws://127.0.0.1:{port}/graphql", token)
        try:
            # and another process creates a notification and relays its push to Redis
            broker_module.install(RedisBroker(url=redis_url))
            import workers  # noqa: F401

            async with db.orm(settings):
                notification = await Notification.create(
                    recipient_id=user.id,
                    kind=NotificationKind.REVIEW_REQUESTED,
                    title="待审核：2024年Q3新品上市推广方案",
                )
                await outbox.stage(actor_refs.PUSH_NOTIFICATIONS, [notification.id])
                assert await outbox.relay() == 1
            # then the worker pushes it and the server hands it to the subscriber
            message = json.loads(await asyncio.wait_for(socket.recv(), timeout=30))
        finally:
            await socket.close()
    assert message["type"] == "next", message
    assert message["payload"]["data"]["notificationAdded"] == {
        "title": "待审核：2024年Q3新品上市推广方案",
        "kind": "REVIEW_REQUESTED",
    }


async def test_a_websocket_without_a_valid_token_is_refused(
    postgres_url: str, redis_url: str, tmp_path: Path
) -> None:
    settings = Settings(
        database_url=postgres_url,
        secret_key=SECRET,
        data_dir=tmp_path,
        _env_file=None,  # type: ignore[call-arg]
    )
    await db.migrate(settings)
    env = {
        "CROSSFLOW_DATABASE_URL": postgres_url,
        "CROSSFLOW_REDIS_URL": redis_url,
        "CROSSFLOW_SECRET_KEY": SECRET,
        "CROSSFLOW_DATA_DIR": str(tmp_path),
    }
    port = free_port()
    with crossflow_process(
        ["serve", "--port", str(port)], env, tmp_path, tmp_path / "serve.log"
    ) as server:
        wait_until_ready(f"http://127.0.0.1:{port}", server, tmp_path / "serve.log")
        socket = await websockets.connect(
            f"ws://127.0.0.1:{port}/graphql",
            subprotocols=["graphql-transport-ws"],  # type: ignore[list-item]
        )
        await socket.send(
            json.dumps({"type": "connection_init", "payload": {"Authorization": "Bearer forged"}})
        )
        with pytest.raises(websockets.ConnectionClosed) as closed:
            await asyncio.wait_for(socket.recv(), timeout=10)
    assert closed.value.rcvd is not None and closed.value.rcvd.code == 4403
