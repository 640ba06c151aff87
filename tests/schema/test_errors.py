"""Every error a client sees carries ``extensions.code`` and no internal detail."""

from __future__ import annotations

from typing import Any

import pytest

from models import Department
from tests.conftest import GraphQLClient


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("{ viewer { username ", "GRAPHQL_PARSE_FAILED"),
        ("{ nope }", "GRAPHQL_VALIDATION_FAILED"),
        ("query($id: ID!) { node(id: $id) { id } }", "BAD_USER_INPUT"),
    ],
)
async def test_graphql_own_errors_are_coded(
    client: GraphQLClient, demo: None, query: str, code: str
) -> None:
    assert await client.error_code(query) == code


async def test_an_unexpected_failure_is_masked_and_coded(
    client: GraphQLClient, demo: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given a bug deep in a resolver
    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("secret internal detail: /srv/crossflow/settings.py")

    monkeypatch.setattr(Department, "filter", broken)
    staff = await client.sign_in("sales_staff")
    # when a client runs a query that reaches it
    body = await staff.post("{ departments { code } }")
    # then it learns only that something failed, with a code
    error = body["errors"][0]
    assert error["extensions"] == {"code": "INTERNAL_SERVER_ERROR"}
    assert "secret" not in str(body)


async def test_invalid_json_is_a_client_error_not_a_crash(client: GraphQLClient) -> None:
    response = await client.http.post(
        "/graphql", content=b"{not json", headers={"content-type": "application/json"}
    )
    assert response.status_code == 400
