"""The ``/graphql`` view as real clients meet it: websocket frames, operation choice."""

from __future__ import annotations

import asyncio
import json

import pytest
import websockets

from crossflow.settings import Settings
from tests.conftest import GraphQLClient
from tests.support.live_server import live_server


async def _initialise(base: str, authorization: str) -> str | bytes:
    """The first frame the server sends after a ``connection_init`` with ``authorization``."""
    url = base.replace("http://", "ws://") + "/graphql"
    async with websockets.connect(url, subprotocols=["graphql-transport-ws"]) as socket:  # type: ignore[list-item]
        init = {"type": "connection_init", "payload": {"Authorization": authorization}}
        await socket.send(json.dumps(init))
        return await asyncio.wait_for(socket.recv(), timeout=10)


async def test_websocket_messages_are_text_frames(
    client: GraphQLClient, demo: None, settings: Settings
) -> None:
    # given a signed-in user and the app on a real socket
    staff = await client.sign_in("market_staff")
    async with live_server(settings) as base:
        # when the websocket client initialises the connection with the token
        frame = await _initialise(base, f"Bearer {staff.token}")
    # then the acknowledgement arrives as a text frame (graphql-ws rejects binary ones)
    assert isinstance(frame, str), frame
    assert json.loads(frame)["type"] == "connection_ack"


async def test_a_websocket_with_a_bad_token_is_closed_with_4403(
    client: GraphQLClient, demo: None, settings: Settings
) -> None:
    # given the app on a real socket
    async with live_server(settings) as base:
        # when a client initialises the connection with a forged token
        with pytest.raises(websockets.ConnectionClosed) as closed:
            await _initialise(base, "Bearer forged")
    # then the server closes the socket with 4403 and sends nothing else
    assert closed.value.rcvd is not None and closed.value.rcvd.code == 4403
