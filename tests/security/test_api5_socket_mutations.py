"""API5 broken function level authorisation: an API token writes over a websocket neither.

graphql-transport-ws runs any operation a ``subscribe`` message carries, mutations
included (graphql-ws clients send them there when told to). The read-only check of API
tokens (``schema/access/read_only_tokens.py``) must hold on that path as on HTTP.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

import websockets
from tortoise.context import TortoiseContext

from core.settings import Settings
from models import User
from models.enums import Role
from tests.security.test_api5_read_only_tokens import token_for
from tests.support.live_server import live_server

SIGN_OUT = "mutation { signOutEverywhere { username } }"


async def over_socket(base: str, token: str, document: str) -> dict[str, Any]:
    """The first answer to ``document`` sent on a socket signed in with ``token``."""
    url = base.replace("http://", "ws://") + "/graphql"
    async with websockets.connect(url, subprotocols=["graphql-transport-ws"]) as socket:  # type: ignore[list-item]
        init = {"type": "connection_init", "payload": {"Authorization": f"Bearer {token}"}}
        await socket.send(json.dumps(init))
        ack = json.loads(await asyncio.wait_for(socket.recv(), timeout=10))
        assert ack["type"] == "connection_ack", ack
        await socket.send(
            json.dumps({"id": "1", "type": "subscribe", "payload": {"query": document}})
        )
        answer: dict[str, Any] = json.loads(await asyncio.wait_for(socket.recv(), timeout=10))
        return answer


async def test_a_token_bound_to_a_person_cannot_run_a_mutation_over_a_socket(
    db: TortoiseContext, demo: None, settings: Settings
) -> None:
    # given an executive token bound to finance_head
    token = await token_for(Role.EXECUTIVE, "finance_head")
    epoch = (await User.get(username="finance_head")).token_epoch
    async with live_server(settings) as base:
        # when it sends signOutEverywhere over the socket, then a query
        refused = await over_socket(base, token, SIGN_OUT)
        read = await over_socket(base, token, "{ viewer { username } }")
    # then the mutation is FORBIDDEN and changed nothing; the query is answered
    assert refused["type"] == "next", refused
    assert refused["payload"]["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert (await User.get(username="finance_head")).token_epoch == epoch
    assert read["type"] == "next" and "errors" not in read["payload"], read
