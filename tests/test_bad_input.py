"""A catalogue of bad input: each gets a coded error or a 4xx, changes nothing, and the
server keeps serving."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

import pytest
from itsdangerous import URLSafeTimedSerializer

from models import AuditEntry, Requirement
from tests.conftest import GraphQLClient

CREATE = """mutation($input: CreateRequirementInput!) { createRequirement(input: $input) { id } }"""


def raw(body: bytes | str, content_type: str = "application/json") -> dict[str, Any]:
    return {"content": body, "headers": {"content-type": content_type}}


def gql(query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
    return {"json": {"query": query, "variables": variables or {}}}


DEEP = "{ viewer " + "{ department { head " * 12 + "{ username }" + " } }" * 12 + " }"
ALIASES = "{ " + " ".join(f"a{n}: viewer {{ username }}" for n in range(2_000)) + " }"

CATALOGUE: dict[str, dict[str, Any]] = {
    "invalid JSON": raw(b"{not json"),
    "JSON that is not an object": raw(b"[1, 2, 3]"),
    "missing query": {"json": {"variables": {}}},
    "syntax error": gql("{ viewer { username "),
    "unknown field": gql("{ nope }"),
    "wrong variable type": gql("query($id: ID!) { node(id: $id) { id } }", {"id": {"a": 1}}),
    "missing variable": gql("query($id: ID!) { node(id: $id) { id } }"),
    "negative page size": gql("{ requirements(first: -1) { totalCount } }"),
    "huge page size": gql("{ requirements(first: 1000000) { totalCount } }"),
    "garbage cursor": gql('{ requirements(after: "%%%") { totalCount } }'),
    "garbage global id": gql('{ node(id: "bm90LWFuLWlk") { id } }'),
    "malformed date": gql(
        CREATE,
        {
            "input": {
                "title": "日期格式错误的需求",
                "expectedBy": "2026-13-45",
                "involvedDepartmentIds": [],
            }
        },
    ),
    "time without a zone": gql(
        'mutation { setDelegate(input: {delegateId: "VXNlcjox", startsAt: "2026-07-01T09:00",'
        ' endsAt: "2026-07-09T09:00"}) { id } }'
    ),
    "2 MB string": gql(CREATE, {"input": {"title": "长" * 2_000_000, "involvedDepartmentIds": []}}),
    "deep query": gql(DEEP),
    "alias flood": gql(ALIASES),
    "wrong content type": raw("query { viewer { username } }", "text/plain"),
    "malformed multipart": raw(
        b'--x\r\nContent-Disposition: form-data; name="operations"\r\n\r\n{bad',
        "multipart/form-data; boundary=x",
    ),
}


@pytest.mark.parametrize("case", sorted(CATALOGUE))
async def test_bad_input_is_refused_with_a_code_and_changes_nothing(
    client: GraphQLClient, demo: None, case: str
) -> None:
    admin = await client.sign_in("market_staff")
    before = (await Requirement.all().count(), await AuditEntry.all().count())
    request = dict(CATALOGUE[case])
    headers = {
        "authorization": f"Bearer {admin.token}",
        "x-crossflow-csrf": "1",
        **request.pop("headers", {}),
    }
    response = await client.http.post("/graphql", headers=headers, **request)
    # a client error: either a 4xx, or GraphQL errors that all carry a code
    assert response.status_code < 500, response.text[:300]
    if response.status_code == 200:
        body = response.json()
        assert body.get("errors"), body
        for error in body["errors"]:
            assert error.get("extensions", {}).get("code"), error
            assert "Traceback" not in json.dumps(error)
    # nothing changed, and the server still answers
    assert (await Requirement.all().count(), await AuditEntry.all().count()) == before
    assert (await admin.data("{ viewer { username } }"))["viewer"] == {"username": "market_staff"}


@pytest.mark.parametrize("kind", ["forged", "expired", "for a deactivated user", "garbage"])
async def test_bad_tokens_sign_nobody_in(
    client: GraphQLClient, demo: None, kind: str, settings: Any
) -> None:
    from models import User

    user = await User.get(username="market_staff")
    if kind == "forged":
        token = URLSafeTimedSerializer("not-the-key", salt="crossflow.bearer").dumps(
            {"u": user.id, "e": 0}
        )
    elif kind == "expired":
        import time_machine

        from core import clock

        with time_machine.travel(clock.now() - timedelta(hours=settings.token_ttl_hours + 1)):
            token = URLSafeTimedSerializer(settings.secret_key, salt="crossflow.bearer").dumps(
                {"u": user.id, "e": 0}
            )
    elif kind == "for a deactivated user":
        token = (await client.sign_in("market_staff")).token or ""
        await User.filter(id=user.id).update(is_active=False)
    else:
        token = "Bearer not.a.token"
    anonymous = GraphQLClient(client.http, token)
    assert (await anonymous.data("{ viewer { username } }"))["viewer"] is None
    assert await anonymous.error_code("{ departments { code } }") == "UNAUTHENTICATED"
