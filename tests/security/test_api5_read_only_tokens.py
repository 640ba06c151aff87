"""API5 (broken function level authorisation): API tokens never write.

Issue #14: an EXECUTIVE token bound to a department head (an option the panel offers) ran
``reviewRequirement`` and ``createSuggestion`` signed as that head. Every mutation field of
the schema is walked, so a mutation added later is covered without being listed here.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from graphql import (
    GraphQLEnumType,
    GraphQLField,
    GraphQLInputObjectType,
    GraphQLInputType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLScalarType,
)
from strawberry.relay import to_base64
from tortoise import Tortoise

from core.security import hash_api_token, new_api_token
from models import ApiToken, Requirement, User
from models.enums import RequirementStatus, Role
from schema import schema
from schema.access.read_only_tokens import READ_ONLY_MESSAGE
from tests.conftest import GraphQLClient
from tests.support.review_data import REVIEW, pending_review, review_input

SCALARS: dict[str, Any] = {
    "String": "x",
    "Int": 1,
    "Float": 1.0,
    "Boolean": True,
    "ID": to_base64("Requirement", 1),
    "Date": "2026-12-01",
    "DateTime": "2026-12-01T09:00:00+08:00",
    "Decimal": "1",
    "JSON": {},
    "Upload": None,  # replaced by a file part of the multipart request
}


def sample(kind: GraphQLInputType, path: str, uploads: list[str]) -> Any:
    """A value of ``kind`` that passes validation: required input fields only."""
    if isinstance(kind, GraphQLNonNull):
        return sample(kind.of_type, path, uploads)
    if isinstance(kind, GraphQLList):
        return [sample(kind.of_type, f"{path}.0", uploads)]
    if isinstance(kind, GraphQLInputObjectType):
        return {
            name: sample(field.type, f"{path}.{name}", uploads)
            for name, field in kind.fields.items()
            if isinstance(field.type, GraphQLNonNull) and field.default_value is None
        }
    if isinstance(kind, GraphQLEnumType):
        return next(iter(kind.values))
    assert isinstance(kind, GraphQLScalarType)
    if kind.name == "Upload":
        uploads.append(path)
    return SCALARS[kind.name]


def operation(name: str, field: GraphQLField) -> tuple[str, dict[str, Any], list[str]]:
    """A valid document calling mutation ``name`` with every required argument."""
    required = {a: arg for a, arg in field.args.items() if isinstance(arg.type, GraphQLNonNull)}
    uploads: list[str] = []
    variables = {a: sample(arg.type, f"variables.{a}", uploads) for a, arg in required.items()}
    params = ", ".join(f"${a}: {arg.type}" for a, arg in required.items())
    args = ", ".join(f"{a}: ${a}" for a in required)
    call = f"{name}({args})" if args else name
    header = f"mutation({params})" if params else "mutation"
    return f"{header} {{ {call} {{ __typename }} }}", variables, uploads


async def send(client: GraphQLClient, token: str, name: str) -> dict[str, Any]:
    mutation_type = schema._schema.mutation_type
    assert mutation_type is not None
    document, variables, uploads = operation(name, mutation_type.fields[name])
    headers = {"authorization": f"Bearer {token}"}
    if not uploads:
        response = await client.http.post(
            "/graphql", json={"query": document, "variables": variables}, headers=headers
        )
    else:
        response = await client.http.post(
            "/graphql",
            headers={**headers, "x-crossflow-csrf": "1"},
            data={
                "operations": json.dumps({"query": document, "variables": variables}),
                "map": json.dumps({str(i): [path] for i, path in enumerate(uploads)}),
            },
            files={str(i): ("a.txt", b"x", "text/plain") for i in range(len(uploads))},
        )
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


async def snapshot() -> dict[str, Any]:
    """Row counts of every table, and every requirement's state: what a write would move."""
    counts = {
        model.__name__: await model.all().count()
        for app in Tortoise.apps.values()
        for model in app.values()
    }
    states = await Requirement.all().order_by("id").values_list("id", "status", "version")
    return {"counts": counts, "requirements": states}


async def token_for(role: Role, username: str | None) -> str:
    raw = new_api_token()
    person = await User.get(username=username) if username else None
    await ApiToken.create(
        name="安全测试", token_hash=hash_api_token(raw), prefix=raw[:12], role=role, user=person
    )
    return raw


@pytest.mark.parametrize(
    ("role", "bound_to"),
    [(Role.EXECUTIVE, "finance_head"), (Role.EXECUTIVE, "admin"), (Role.BI, None)],
)
async def test_every_mutation_of_the_schema_refuses_an_api_token(
    client: GraphQLClient, demo: None, role: Role, bound_to: str | None
) -> None:
    # given a token bound to a person who may write, and a requirement that person could sign
    token = await token_for(role, bound_to)
    await pending_review("market_staff", ("finance",))
    mutation_type = schema._schema.mutation_type
    assert mutation_type is not None and len(mutation_type.fields) > 30
    before = await snapshot()
    # when the token holder runs each mutation of the schema
    refusals = {name: await send(client, token, name) for name in sorted(mutation_type.fields)}
    # then each is refused as read-only before anything runs, and nothing changed
    for name, body in refusals.items():
        assert body["data"] is None, name
        assert [e["extensions"]["code"] for e in body["errors"]] == ["FORBIDDEN"], (name, body)
        assert body["errors"][0]["message"] == READ_ONLY_MESSAGE
    assert await snapshot() == before


async def test_a_token_bound_to_a_head_cannot_sign_but_the_heads_own_sign_in_can(
    client: GraphQLClient, demo: None
) -> None:
    # given a requirement awaiting the finance head, and a token bound to that head
    requirement = await pending_review("market_staff", ("finance",))
    token = GraphQLClient(client.http, await token_for(Role.EXECUTIVE, "finance_head"))
    # when the token holder signs, it is refused and the requirement still waits
    assert await token.error_code(REVIEW, review_input(requirement)) == "FORBIDDEN"
    await requirement.refresh_from_db()
    assert requirement.status is RequirementStatus.PENDING_REVIEW
    # when the head signs with their own bearer token, the sign-off goes through
    head = await client.sign_in("finance_head")
    signed = await head.data(REVIEW, review_input(requirement))
    assert signed["reviewRequirement"]["status"] == "APPROVED"


async def test_a_token_still_reads(client: GraphQLClient, demo: None) -> None:
    # given an EXECUTIVE token bound to a head
    token = GraphQLClient(client.http, await token_for(Role.EXECUTIVE, "finance_head"))
    # when it queries, then it reads as its role allows
    departments = await token.data("{ departments { code } }")
    assert {"code": "finance"} in departments["departments"]
