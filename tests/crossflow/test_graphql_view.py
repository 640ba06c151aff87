"""The ``/graphql`` view as real clients meet it: websocket frames, operation choice."""

from __future__ import annotations

import asyncio
import json
import logging

import pytest
import websockets

from core.settings import Settings
from tests.conftest import GraphQLClient
from tests.resolvers.test_attachments import PDF, UPLOAD, requirement_id
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


TWO_OPERATIONS = "query Mine { viewer { username } } query Theirs { departments { code } }"


@pytest.mark.parametrize(
    ("operation_name", "expected"),
    [
        (None, "several operations"),
        ("Nobody", "no operation named 'Nobody'"),
    ],
)
async def test_an_unclear_operation_name_is_a_coded_json_error_and_runs_nothing(
    client: GraphQLClient, demo: None, operation_name: str | None, expected: str
) -> None:
    # given a document with two operations
    staff = await client.sign_in("market_staff")
    # when it is posted without a name, or with a name it does not hold
    response = await staff.http.post(
        "/graphql",
        json={"query": TWO_OPERATIONS, "operationName": operation_name},
        headers={"authorization": f"Bearer {staff.token}"},
    )
    # then the answer is a coded GraphQL error in JSON, and no operation ran
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert body["data"] is None
    [error] = body["errors"]
    assert error["extensions"]["code"] == "OPERATION_RESOLUTION_FAILURE"
    assert expected in error["message"]


async def test_a_named_operation_of_several_runs_alone(client: GraphQLClient, demo: None) -> None:
    # given a document with two operations
    staff = await client.sign_in("market_staff")
    # when it is posted with the second one's name
    response = await staff.http.post(
        "/graphql",
        json={"query": TWO_OPERATIONS, "operationName": "Theirs"},
        headers={"authorization": f"Bearer {staff.token}"},
    )
    # then exactly that operation runs
    data = response.json()["data"]
    assert set(data) == {"departments"}


async def test_a_subscription_over_http_is_refused_with_a_code_and_no_traceback(
    client: GraphQLClient, demo: None, caplog: pytest.LogCaptureFixture
) -> None:
    # given a signed-in user
    staff = await client.sign_in("market_staff")
    # when a subscription is posted over HTTP instead of the websocket
    with caplog.at_level(logging.INFO):
        body = await staff.post("subscription { notificationAdded { id } }")
    # then it is refused with a code that points to the websocket, and nothing is logged
    [error] = body["errors"]
    assert error["extensions"]["code"] == "BAD_REQUEST"
    assert "websocket" in error["message"]
    assert not [record for record in caplog.records if record.exc_info]


async def test_transport_refusals_are_coded_json(client: GraphQLClient) -> None:
    # when the body is not JSON, or the JSON holds no query
    for body in (b"{not json", b'{"variables": {}}'):
        response = await client.http.post(
            "/graphql", content=body, headers={"content-type": "application/json"}
        )
        # then the 400 carries a GraphQL-shaped, coded JSON body (not text/plain)
        assert response.status_code == 400
        assert response.headers["content-type"].startswith("application/json")
        assert response.json()["errors"][0]["extensions"]["code"] == "BAD_REQUEST"


FIRST = "query($x: Int!) { tasks(first: $x) { totalCount } }"
FILTER = "query($x: TaskFilter) { tasks(filter: $x) { totalCount } }"
EXPECTED_BY = "query($x: DateRange) { requirements(filter: {expectedBy: $x}) { totalCount } }"


@pytest.mark.parametrize(
    ("query", "value", "still_said"),
    [
        (FIRST, {"a": 1}, "Int cannot represent non-integer value."),
        (FIRST, [1, 2], "Int cannot represent non-integer value."),
        (FILTER, {"nope": 1}, "not to include unknown field 'nope'."),
        (FILTER, "everything", "to be an object."),
        (EXPECTED_BY, {"from": {"a": [1]}}, "at .from: Value cannot represent a Date."),
    ],
)
async def test_variable_errors_carry_no_python_reprs(
    client: GraphQLClient, demo: None, query: str, value: object, still_said: str
) -> None:
    # given a signed-in user
    staff = await client.sign_in("market_staff")
    # when a variable holds a value of the wrong shape
    body = await staff.post(query, {"x": value})
    # then the error names the variable and what was wrong, coded, without Python's spelling
    [error] = body["errors"]
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert error["message"].startswith("Variable '$x' has invalid value")
    assert still_said in error["message"]
    for python in ("<class", "{'", "['", "'everything'"):
        assert python not in error["message"], error["message"]


async def test_variable_errors_without_a_value_echo_are_unchanged(
    client: GraphQLClient, demo: None
) -> None:
    # given a signed-in user, when a required variable is missing
    staff = await client.sign_in("market_staff")
    body = await staff.post(FIRST, {})
    # then graphql-core's message reaches the client as it was written
    assert body["errors"][0]["message"] == (
        "Variable '$x' has invalid value: Expected a value of non-null type 'Int!' to be provided."
    )


@pytest.mark.parametrize(
    ("headers", "accepted"),
    [
        ({"apollo-require-preflight": "true"}, True),
        ({"X-CrossFlow-CSRF": "1"}, True),
        ({"apollo-require-preflight": " "}, False),
        ({}, False),
    ],
)
async def test_uploads_take_apollos_preflight_header_as_the_csrf_guard(
    client: GraphQLClient, demo: None, headers: dict[str, str], accepted: bool
) -> None:
    # given a participant of the requirement
    market = await client.sign_in("market_staff")
    variables = {"input": {"file": None, "requirementId": await requirement_id(), "note": ""}}
    # when a file is posted as multipart with one of the guard headers, or none
    response = await market.http.post(
        "/graphql",
        data={
            "operations": json.dumps({"query": UPLOAD, "variables": variables}),
            "map": json.dumps({"0": ["variables.input.file"]}),
        },
        files={"0": ("方案.pdf", PDF, "application/pdf")},
        headers={"authorization": f"Bearer {market.token}", **headers},
    )
    # then either header lets it through; without a non-empty one it is CSRF_REJECTED
    body = response.json()
    if accepted:
        assert response.status_code == 200 and not body.get("errors"), body
    else:
        assert response.status_code == 400
        assert body["errors"][0]["extensions"]["code"] == "CSRF_REJECTED"
