"""Security basics: headers, CORS allow-list, token revocation, no secrets in logs."""

from __future__ import annotations

import asyncio
import logging
import time

import httpx
import pytest
import time_machine
from argon2 import PasswordHasher
from tortoise.context import TortoiseContext

from core.security import (
    BearerClaims,
    BearerTokens,
    hash_password,
    verify_password,
    verify_password_off_loop,
)
from core.settings import Settings
from crossflow.app import create_app
from models import User
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
    # OWASP's argon2id option: 19 MiB, 2 passes, 1 lane
    assert stored.startswith("$argon2id$") and "m=19456,t=2,p=1" in stored


async def test_a_hash_with_older_parameters_is_replaced_at_the_next_sign_in(
    client: GraphQLClient, demo: None
) -> None:
    # given an account whose hash was made with the earlier 64 MiB parameters
    legacy = PasswordHasher(time_cost=3, memory_cost=64 * 1024, parallelism=4)
    await User.filter(username="sales_head").update(password_hash=legacy.hash("correct horse"))
    # when its owner signs in with the password (a real sign-in, not a token reused)
    await client.data(
        'mutation { login(input: {username: "sales_head", password: "correct horse"}) { token } }'
    )
    # then the stored hash is today's, and the password still opens it
    stored = (await User.get(username="sales_head")).password_hash
    assert "m=19456,t=2,p=1" in stored and verify_password(stored, "correct horse")


async def test_password_checks_leave_the_event_loop_free() -> None:
    # given a clock that ticks on the event loop every millisecond
    ticks = 0

    async def tick() -> None:
        nonlocal ticks
        while True:
            ticks += 1
            await asyncio.sleep(0.001)

    ticker = asyncio.create_task(tick())
    await asyncio.sleep(0)
    stored = hash_password("correct horse")
    before = ticks
    # when four sign-ins check their passwords at once (tens of milliseconds of CPU each)
    results = await asyncio.gather(
        *(verify_password_off_loop(stored, "correct horse") for _ in range(4))
    )
    ticker.cancel()
    # then each was checked, and the loop went on serving meanwhile
    assert results == [True] * 4
    assert ticks - before >= 4


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


def test_a_checked_token_still_expires_and_a_forged_one_is_never_remembered() -> None:
    # given a token checked once (its signature remembered by the process)
    tokens = BearerTokens("a-secret-key-for-tests", ttl_seconds=3600)
    token = tokens.issue(7, 1)
    assert tokens.read(token) == BearerClaims(user_id=7, epoch=1)
    # when it is read again within its life, then it is still good
    with time_machine.travel(time.time() + 3500, tick=False):
        assert tokens.read(token) == BearerClaims(user_id=7, epoch=1)
    # and past its life it is refused, however often it was checked before
    with time_machine.travel(time.time() + 3700, tick=False):
        assert tokens.read(token) is None
    # and a token with a changed signature, or signed with another key, is refused each time
    forged = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    other = BearerTokens("another-key", ttl_seconds=3600).issue(7, 1)
    for _ in range(2):
        assert tokens.read(forged) is None
        assert tokens.read(other) is None
