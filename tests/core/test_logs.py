"""Structured logs: JSON lines, one request id from the request into its actors, no secrets."""

from __future__ import annotations

import asyncio
import io
import json
import logging
import re
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pytest
from dramatiq.brokers.stub import StubBroker
from tortoise.context import TortoiseContext

from core import broker as broker_module
from core import logs
from core.security import hash_password
from core.settings import Settings
from crossflow.app import create_app
from models import User
from models.enums import Role
from tests.conftest import GraphQLClient
from tests.resolvers.test_comments import ADD, visual_id

PASSWORD = "Zq8-unique-Passw0rd"
EMAIL = "wang.fang@example.com"
LOGIN = "mutation SignIn($u: String!, $p: String!) { login(input: {username: $u, password: $p})"
LOGIN += " { token } }"


@pytest.fixture
def captured(settings: Settings) -> Iterator[io.StringIO]:
    """The process's log lines as JSON, for the test; the previous handlers afterwards."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    stream = io.StringIO()
    logs.configure(settings.model_copy(update={"log_format": "json"}), stream)
    yield stream
    root.handlers, root.level = handlers, level


def lines(stream: io.StringIO) -> list[dict[str, Any]]:
    return [json.loads(line) for line in stream.getvalue().splitlines() if line.strip()]


@pytest.fixture
async def http(db: TortoiseContext, settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    """The app with its embedded worker: actors run in this process, as in the demo."""
    broker_module.install(StubBroker())
    app = create_app(settings, manage_orm=False, embedded_worker=True)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            yield client


async def test_a_request_id_follows_a_request_into_the_actors_it_causes(
    demo: None, http: httpx.AsyncClient, captured: io.StringIO
) -> None:
    # given a participant signed in
    author = await GraphQLClient(http).sign_in("design_staff")
    # when they comment with a mention, sending their own request id
    response = await http.post(
        "/graphql",
        json={
            "query": ADD,
            "variables": {"input": {"taskId": await visual_id(), "body": "@sales_head 请看"}},
        },
        headers={"authorization": f"Bearer {author.token}", "X-Request-ID": "req-42.a"},
    )
    assert not response.json().get("errors")
    # then the response carries it back
    assert response.headers["x-request-id"] == "req-42.a"
    # and the request's access line and the push actor it caused both carry it
    for _ in range(100):
        trail = [line for line in lines(captured) if line.get("request_id") == "req-42.a"]
        if any(line.get("actor") == "push_notifications" for line in trail):
            break
        await asyncio.sleep(0.05)
    events = {(line["event"], line.get("actor")) for line in trail}
    assert ("request", None) in events
    assert ("actor run", "push_notifications") in events
    access = next(line for line in trail if line["event"] == "request")
    assert access["route"] == "/graphql" and access["status"] == 200
    assert {"timestamp", "level", "logger"} <= set(access)
    # and the load balancer's probes stay out of the INFO lines
    await http.get("/healthz", headers={"X-Request-ID": "probe-1"})
    assert not [line for line in lines(captured) if line.get("request_id") == "probe-1"]


async def test_request_ids_are_generated_when_missing_or_unusable(
    demo: None, http: httpx.AsyncClient
) -> None:
    # when requests come without an id, or with one that could forge log lines
    plain = await http.get("/healthz")
    forged = await http.get("/healthz", headers={"X-Request-ID": 'x" injected\n' + "y" * 80})
    # then each gets a fresh one, never the forged text
    for response in (plain, forged):
        assert re.fullmatch(r"[0-9a-f]{32}", response.headers["x-request-id"])
    assert plain.headers["x-request-id"] != forged.headers["x-request-id"]


async def test_logs_of_a_sign_in_and_a_workflow_hold_no_secrets_or_addresses(
    demo: None, http: httpx.AsyncClient, captured: io.StringIO
) -> None:
    # given a user whose password, token and e-mail address must stay out of the logs
    await User.create(
        username="auditor",
        display_name="审计员",
        email=EMAIL,
        role=Role.EMPLOYEE,
        password_hash=hash_password(PASSWORD),
    )
    client = GraphQLClient(http)
    # when they fail to sign in, sign in, and work while a library logs their address
    await client.post(LOGIN, {"u": "auditor", "p": PASSWORD + "-wrong"})
    token = (await client.data(LOGIN, {"u": "auditor", "p": PASSWORD}))["login"]["token"]
    await GraphQLClient(http, token).data("{ viewer { username displayName } }")
    logging.getLogger("some.library").warning(
        "mail to %s failed", EMAIL, extra={"password": PASSWORD, "authorization": token}
    )
    logging.getLogger("some.library").info("header was Bearer %s", token)
    text = captured.getvalue()
    # then the lines are there, as JSON, with the address and secrets replaced
    assert any(line["event"] == "mail to [email] failed" for line in lines(captured))
    assert "[redacted]" in text
    for secret in (PASSWORD, token, EMAIL):
        assert secret not in text
