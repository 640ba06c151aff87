"""Security basics: headers, CORS allow-list, token revocation, no secrets in logs."""

from __future__ import annotations

import logging

import httpx
import pytest
from tortoise.context import TortoiseContext

from core.security import hash_password
from core.settings import Settings
from crossflow.app import create_app
from schema import schema
from tests.conftest import GraphQLClient


async def test_every_response_carries_the_security_headers(client: GraphQLClient) -> None:
    for response in (
        await client.http.get("/healthz"),
        await client.http.post("/graphql", json={"query": "{ viewer { id } }"}),
    ):
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["referrer-policy"] == "no-referrer"
        assert response.headers["x-frame-options"] == "SAMEORIGIN"


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
async def test_cors_answers_only_the_allowed_origins(
    db: TortoiseContext, settings: Settings
) -> None:
    settings.cors_origins = ["https://portal.crossflow.example"]
    app = create_app(settings, manage_orm=False)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://t"
    ) as http:

        def preflight(origin: str) -> dict[str, str]:
            return {
                "origin": origin,
                "access-control-request-method": "POST",
                "access-control-request-headers": "authorization,content-type",
            }

        allowed = await http.options(
            "/graphql", headers=preflight("https://portal.crossflow.example")
        )
        refused = await http.options("/graphql", headers=preflight("https://evil.example"))
    assert allowed.headers["access-control-allow-origin"] == "https://portal.crossflow.example"
    assert "access-control-allow-origin" not in refused.headers


async def test_signing_out_everywhere_revokes_every_earlier_token(
    client: GraphQLClient, demo: None
) -> None:
    first = await client.data(
        'mutation { login(input: {username: "sales_head", password: "demo"}) { token } }'
    )
    phone = GraphQLClient(client.http, first["login"]["token"])
    assert (await phone.data("{ viewer { username } }"))["viewer"] == {"username": "sales_head"}
    await phone.data("mutation { signOutEverywhere { username } }")
    assert (await phone.data("{ viewer { username } }"))["viewer"] is None


def test_passwords_are_hashed_with_argon2id_and_sane_parameters() -> None:
    stored = hash_password("correct horse")
    assert stored.startswith("$argon2id$") and "m=65536,t=3,p=4" in stored


async def test_no_password_or_token_reaches_the_logs(
    client: GraphQLClient, demo: None, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    body = await client.data(
        'mutation { login(input: {username: "finance_head", password: "demo"}) { token } }'
    )
    token = body["login"]["token"]
    signed_in = GraphQLClient(client.http, token)
    await signed_in.post("{ viewer { username } nope }")
    await client.post(
        'mutation { login(input: {username: "finance_head", password: "Wr0ng!pw"}) { token } }'
    )
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert token not in logged
    assert "Wr0ng!pw" not in logged


def test_the_audit_log_cannot_be_changed_through_the_api() -> None:
    mutation_type = schema.get_type_by_name("Mutation")
    names = [field.name for field in mutation_type.fields]  # type: ignore[union-attr]
    assert not [name for name in names if "audit" in name.lower()]


async def test_cors_origins_from_the_environment_admit_apollos_upload_preflight(
    db: TortoiseContext, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given the origins set as the README's settings table says (a JSON list)
    monkeypatch.setenv("CROSSFLOW_CORS_ORIGINS", '["https://portal.crossflow.example"]')
    configured = Settings(data_dir=settings.data_dir, _env_file=None)  # type: ignore[call-arg]
    assert configured.cors_origins == ["https://portal.crossflow.example"]
    app = create_app(configured, manage_orm=False)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://t"
    ) as http:
        # when that origin's page prepares an upload through Apollo's upload link
        answer = await http.options(
            "/graphql",
            headers={
                "origin": "https://portal.crossflow.example",
                "access-control-request-method": "POST",
                "access-control-request-headers": "authorization,apollo-require-preflight",
            },
        )
    # then the preflight admits the header that stands in for X-CrossFlow-CSRF
    assert answer.status_code == 200
    assert "apollo-require-preflight" in answer.headers["access-control-allow-headers"].lower()
