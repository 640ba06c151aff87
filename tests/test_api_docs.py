"""Every ```graphql example in docs/api.md runs against the demo data without errors.

An example names its user in a first comment line (``# as: market_head``; none means
signed out) and may give its variables as JSON (``# variables: {...}``). Queries and
mutations go over HTTP like a frontend's; the subscription is started on the schema and
must deliver a notification published while it listens.
"""

from __future__ import annotations

import asyncio
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from graphql import parse, validate

from core import realtime
from core.settings import Settings
from models import Notification, User
from models.enums import NotificationKind
from resolvers.access.auth import Viewer
from resolvers.access.live_sockets import LiveConnection
from resolvers.context import RequestContext
from schema import schema
from tests.conftest import GraphQLClient

DOC = Path(__file__).resolve().parents[1] / "docs" / "api.md"
BLOCK = re.compile(r"```graphql\n(.*?)```", re.DOTALL)


@dataclass
class Example:
    document: str
    username: str | None = None
    variables: dict[str, Any] = field(default_factory=dict)

    @property
    def name(self) -> str:
        found = re.search(r"\b(?:query|mutation|subscription)\s+(\w+)", self.document)
        return found.group(1) if found else self.document.split("{")[0].strip() or "anonymous"

    @property
    def is_subscription(self) -> bool:
        return bool(re.search(r"^\s*subscription\b", self.document, re.MULTILINE))


def examples() -> list[Example]:
    found = []
    for block in BLOCK.findall(DOC.read_text(encoding="utf-8")):
        example = Example(document=block)
        for line in block.splitlines():
            if line.startswith("# as:"):
                example.username = line.removeprefix("# as:").strip()
            elif line.startswith("# variables:"):
                example.variables = json.loads(line.removeprefix("# variables:"))
        found.append(example)
    return found


EXAMPLES = examples()


def test_the_document_has_the_examples_it_promises() -> None:
    names = {example.name for example in EXAMPLES}
    assert {"SignIn", "TaskPage", "MyTasks", "Board", "Live", "Extract"} <= names
    assert len(names) == len(EXAMPLES), "every example has its own operation name"


@pytest.mark.parametrize(
    "example", [e for e in EXAMPLES if not e.is_subscription], ids=lambda e: e.name
)
async def test_each_example_runs_without_errors(
    client: GraphQLClient, demo: None, example: Example
) -> None:
    caller = await client.sign_in(example.username) if example.username else client
    data = await caller.data(example.document, example.variables)
    assert data and all(value is not None for value in data.values()), data


@pytest.mark.parametrize(
    "example", [e for e in EXAMPLES if e.is_subscription], ids=lambda e: e.name
)
async def test_each_subscription_example_delivers(
    settings: Settings, demo: None, example: Example
) -> None:
    assert not validate(schema._schema, parse(example.document))
    assert example.username is not None
    user = await User.get(username=example.username)
    context = RequestContext.build(settings, Viewer.of_user(user), live=LiveConnection())
    hub = realtime.Hub(None)
    realtime.set_hub(hub)
    try:
        stream = await schema.subscribe(example.document, context_value=context)
        assert hasattr(stream, "__anext__"), stream
        first = asyncio.ensure_future(stream.__anext__())
        await asyncio.sleep(0.05)  # the subscriber is listening
        notification = await Notification.create(
            recipient=user, kind=NotificationKind.MENTION, title="@market_head 请看一下"
        )
        await hub.publish(user.id, notification.id)
        result = await asyncio.wait_for(first, timeout=5)
        assert not result.errors, result.errors
        assert result.data is not None
        (payload,) = result.data.values()
        assert payload["title"] == "@market_head 请看一下"
        await stream.aclose()
    finally:
        realtime.set_hub(None)
