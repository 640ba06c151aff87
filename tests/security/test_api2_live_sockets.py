"""API2 broken authentication: an open websocket is re-checked, not trusted for life.

A ``notificationAdded`` socket opened before a sign-out everywhere, a deactivation, a role
change or the token's expiry is closed with graphql-ws's code (4401: sign in again; 4403:
reconnect with the new permissions) within seconds, on the replica that made the change
and on every other one (Redis pub/sub), and delivers nothing once judged.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
import websockets
from itsdangerous import TimestampSigner, URLSafeTimedSerializer
from websockets.asyncio.client import ClientConnection

from core import db, realtime
from core.settings import Mode, Settings, configure
from crossflow.demo import load_demo_data
from models import Notification, User
from models.enums import NotificationKind
from tests.admin_ui.conftest import Panel
from tests.conftest import GraphQLClient
from tests.e2e.processes import crossflow_process, free_port, wait_until_ready
from tests.support.live_server import live_server

SUBSCRIBE = "subscription { notificationAdded { title } }"
SIGN_OUT = "mutation { signOutEverywhere { username } }"
#: How soon a judged socket must be closed.
WITHIN_SECONDS = 5.0


@asynccontextmanager
async def subscribed(base: str, token: str) -> AsyncIterator[ClientConnection]:
    """A graphql-transport-ws socket signed in with ``token``, subscribed to notifications."""
    url = base.replace("http://", "ws://") + "/graphql"
    async with websockets.connect(url, subprotocols=["graphql-transport-ws"]) as socket:  # type: ignore[list-item]
        init = {"type": "connection_init", "payload": {"Authorization": f"Bearer {token}"}}
        await socket.send(json.dumps(init))
        ack = json.loads(await asyncio.wait_for(socket.recv(), timeout=10))
        assert ack["type"] == "connection_ack"
        subscribe = {"id": "1", "type": "subscribe", "payload": {"query": SUBSCRIBE}}
        await socket.send(json.dumps(subscribe))
        yield socket


async def push(username: str, title: str) -> None:
    """A new notification for ``username``, announced as the delivery worker does."""
    user = await User.get(username=username)
    note = await Notification.create(recipient=user, kind=NotificationKind.MENTION, title=title)
    await realtime.hub().publish(user.id, note.id)


async def receiving(socket: ClientConnection, username: str) -> None:
    """Push until one arrives: the subscription starts a moment after ``subscribe``."""
    for attempt in range(20):
        await push(username, f"warm-up {attempt}")
        try:
            message = json.loads(await asyncio.wait_for(socket.recv(), timeout=0.5))
        except TimeoutError:
            continue
        assert message["type"] == "next", message
        return
    raise AssertionError("the subscription never delivered")


def titles(received: list[Any]) -> list[str]:
    return [m["payload"]["data"]["notificationAdded"]["title"] for m in received if "payload" in m]


async def until_closed(socket: ClientConnection) -> tuple[int, list[Any], float]:
    """The close code, every message received before it, and the seconds it took."""
    started = time.monotonic()
    received: list[Any] = []
    try:
        while True:
            received.append(json.loads(await asyncio.wait_for(socket.recv(), WITHIN_SECONDS)))
    except websockets.ConnectionClosed as closed:
        assert closed.rcvd is not None, "the server did not send a close frame"
        return closed.rcvd.code, received, time.monotonic() - started


async def test_signing_out_everywhere_closes_an_open_socket_with_4401(
    client: GraphQLClient, demo: None, settings: Settings
) -> None:
    staff = await client.sign_in("sales_staff")
    async with live_server(settings) as base, subscribed(base, str(staff.token)) as socket:
        # given sales_staff's socket receiving notifications
        await receiving(socket, "sales_staff")
        # when they sign out everywhere, and a notification follows at once
        async with httpx.AsyncClient(base_url=base) as http:
            signed_out = await http.post(
                "/graphql",
                json={"query": SIGN_OUT},
                headers={"authorization": f"Bearer {staff.token}"},
            )
        assert signed_out.json()["data"]["signOutEverywhere"] == {"username": "sales_staff"}
        await push("sales_staff", "after")
        # then the socket closes as Unauthorized, within seconds, without delivering it
        code, received, seconds = await until_closed(socket)
    assert code == 4401
    assert seconds < WITHIN_SECONDS
    assert "after" not in titles(received)


def _user_form(user: User, **changes: str) -> dict[str, str]:
    """The panel's user form as its page fills it, with ``changes``."""
    form = {
        "username": user.username,
        "display_name": user.display_name,
        "role": str(user.role.value),
        "department": str(user.department_id),
        "email": user.email,
        "is_active": "on",
        "language": "zh",
        "password": "",
    }
    form.update(changes)
    return form


async def _panel_edit(base: str, user: User, form: dict[str, str]) -> None:
    async with httpx.AsyncClient(base_url=base) as http:
        admin = Panel(http)
        assert (await admin.sign_in("admin")).status_code == 303
        response = await admin.post_form(f"/admin/user/edit?pk={user.id}", form)
        assert response.status_code == 303, response.text


async def test_deactivating_a_user_in_the_panel_closes_their_socket_with_4401(
    client: GraphQLClient, demo: None, settings: Settings
) -> None:
    staff = await client.sign_in("sales_staff")
    user = await User.get(username="sales_staff")
    async with live_server(settings) as base, subscribed(base, str(staff.token)) as socket:
        # given an open socket that receives notifications
        await receiving(socket, "sales_staff")
        # when the admin deactivates the user in the panel (the checkbox left unticked)
        form = _user_form(user)
        del form["is_active"]
        await _panel_edit(base, user, form)
        # then the socket closes as Unauthorized within seconds
        code, _, seconds = await until_closed(socket)
    assert not (await User.get(id=user.id)).is_active
    assert code == 4401
    assert seconds < WITHIN_SECONDS


async def test_a_role_change_closes_the_socket_with_4403_and_a_new_one_has_the_new_role(
    client: GraphQLClient, demo: None, settings: Settings
) -> None:
    staff = await client.sign_in("sales_staff")
    user = await User.get(username="sales_staff")
    async with live_server(settings) as base:
        async with subscribed(base, str(staff.token)) as socket:
            # given an open socket of an EMPLOYEE
            await receiving(socket, "sales_staff")
            # when the admin makes them a DEPT_HEAD
            await _panel_edit(base, user, _user_form(user, role="DEPT_HEAD"))
            # then the socket closes as Forbidden (graphql-ws's client reconnects on it)
            code, _, seconds = await until_closed(socket)
        assert code == 4403
        assert seconds < WITHIN_SECONDS
        # and the same token opens a new socket, signed in with the new role
        async with subscribed(base, str(staff.token)) as again:
            await receiving(again, "sales_staff")
        async with httpx.AsyncClient(base_url=base) as http:
            viewer = await http.post(
                "/graphql",
                json={"query": "{ viewer { role } }"},
                headers={"authorization": f"Bearer {staff.token}"},
            )
        assert viewer.json()["data"]["viewer"] == {"role": "DEPT_HEAD"}


async def test_an_unannounced_change_is_found_by_the_periodic_recheck(
    client: GraphQLClient, demo: None, settings: Settings
) -> None:
    # given sockets re-checked every second, and an open one
    settings.ws_recheck_seconds = 1.0
    staff = await client.sign_in("sales_staff")
    async with live_server(settings) as base, subscribed(base, str(staff.token)) as socket:
        await receiving(socket, "sales_staff")
        # when the user is deactivated behind the API's back (SQL, a script): no notice
        await User.filter(username="sales_staff").update(is_active=False)
        # then the next periodic re-check closes the socket as Unauthorized
        code, _, seconds = await until_closed(socket)
    assert code == 4401
    assert seconds < 3


def _token_expiring_in(settings: Settings, user: User, seconds: int) -> str:
    """A bearer token as ``login`` issues it, signed so that it expires in ``seconds``."""
    ttl = settings.token_ttl_hours * 3600

    class SignedEarlier(TimestampSigner):
        def get_timestamp(self) -> int:
            return int(time.time()) - ttl + seconds

    assert settings.secret_key is not None
    serializer = URLSafeTimedSerializer(
        settings.secret_key, salt="crossflow.bearer", signer=SignedEarlier
    )
    return str(serializer.dumps({"u": user.id, "e": user.token_epoch}))


async def test_a_socket_closes_with_4401_when_its_token_expires(
    client: GraphQLClient, demo: None, settings: Settings
) -> None:
    user = await User.get(username="sales_staff")
    token = _token_expiring_in(settings, user, 3)
    async with live_server(settings) as base, subscribed(base, token) as socket:
        # given a socket signed in with a token that expires in 3 seconds, working
        await receiving(socket, "sales_staff")
        # when the token expires, then the socket closes as Unauthorized right after
        code, _, seconds = await until_closed(socket)
    assert code == 4401
    assert 1 < seconds < WITHIN_SECONDS


LOGIN = 'mutation($u: String!) { login(input: {username: $u, password: "demo"}) { token } }'


@pytest.mark.e2e
@pytest.mark.postgres
@pytest.mark.redis
async def test_signing_out_on_one_replica_closes_the_socket_open_on_another(
    postgres_url: str, redis_url: str, tmp_path: Path
) -> None:
    settings = configure(
        Settings(
            mode=Mode.DEMO,
            database_url=postgres_url,
            redis_url=redis_url,
            data_dir=tmp_path,
            secret_key="live-sockets-key",
            _env_file=None,  # type: ignore[call-arg]
        )
    )
    await db.migrate(settings)
    async with db.orm(settings):
        await load_demo_data()
    env = {
        "CROSSFLOW_DATABASE_URL": postgres_url,
        "CROSSFLOW_REDIS_URL": redis_url,
        "CROSSFLOW_SECRET_KEY": "live-sockets-key",
        "CROSSFLOW_MODE": "demo",
        "CROSSFLOW_DATA_DIR": str(tmp_path),
    }
    ports = [free_port(), free_port()]
    a, b = (f"http://127.0.0.1:{port}" for port in ports)
    with (
        crossflow_process(
            ["serve", "--port", str(ports[0])], env, tmp_path, tmp_path / "a.log"
        ) as sa,
        crossflow_process(
            ["serve", "--port", str(ports[1])], env, tmp_path, tmp_path / "b.log"
        ) as sb,
    ):
        wait_until_ready(a, sa, tmp_path / "a.log")
        wait_until_ready(b, sb, tmp_path / "b.log")
        async with httpx.AsyncClient(base_url=a) as http:
            body = await http.post(
                "/graphql", json={"query": LOGIN, "variables": {"u": "sales_staff"}}
            )
            token = str(body.json()["data"]["login"]["token"])
            # given sales_staff's socket open on replica B
            async with subscribed(b, token) as socket:
                # when they sign out everywhere through replica A
                signed_out = await http.post(
                    "/graphql",
                    json={"query": SIGN_OUT},
                    headers={"authorization": f"Bearer {token}"},
                )
                assert signed_out.json()["data"]["signOutEverywhere"] == {"username": "sales_staff"}
                # then B closes the socket as Unauthorized within seconds
                code, _, seconds = await until_closed(socket)
    assert code == 4401
    assert seconds < WITHIN_SECONDS
