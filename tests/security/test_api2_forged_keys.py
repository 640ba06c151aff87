"""API2 (broken authentication): no server but the demo signs with a published key.

Issue #14: ``crossflow serve`` with no key set accepted bearer tokens and panel cookies
signed offline with the development key printed in the source (forged tokens answered
``viewer { role }`` as ADMIN and opened ``/admin/user/list``).
"""

from __future__ import annotations

import json
import logging
import stat
from base64 import b64encode
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx
import itsdangerous
import pytest
from itsdangerous import URLSafeTimedSerializer
from tortoise.context import TortoiseContext

from admin_ui.auth import SESSION_COOKIE, SESSION_KEY, session_secret
from core.security import BearerTokens
from core.settings import DEFAULT_SECRET_KEY, Mode, Settings
from crossflow import cli
from crossflow.app import create_app
from crossflow.secret_key import KEY_FILE, resolve
from models import User
from tests.conftest import GraphQLClient

VIEWER = "{ viewer { username role } }"


def development(settings: Settings, key: str | None = None) -> Settings:
    """The test's database served as ``crossflow serve`` would: development mode."""
    return settings.model_copy(update={"mode": Mode.DEVELOPMENT, "secret_key": key})


@asynccontextmanager
async def served(settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(settings, manage_orm=False)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
        yield http


def forged_bearer(user: User, key: str = DEFAULT_SECRET_KEY) -> str:
    return URLSafeTimedSerializer(key, salt="crossflow.bearer").dumps(
        {"u": user.id, "e": user.token_epoch}
    )


def forged_panel_cookie(user: User, key: str = DEFAULT_SECRET_KEY) -> str:
    """A panel session cookie as starlette's SessionMiddleware writes it, for ``key``."""
    secret = session_secret(Settings(secret_key=key, _env_file=None))  # type: ignore[call-arg]
    payload = {SESSION_KEY: {"user": user.id, "epoch": user.token_epoch}}
    data = b64encode(json.dumps(payload).encode())
    return itsdangerous.TimestampSigner(secret).sign(data).decode()


async def test_a_token_forged_with_the_development_key_is_refused_by_serve_without_a_key(
    db: TortoiseContext, settings: Settings, demo: None
) -> None:
    # given `crossflow serve` in development mode with no CROSSFLOW_SECRET_KEY
    admin = await User.get(username="admin")
    async with served(development(settings)) as http:
        forger = GraphQLClient(http, forged_bearer(admin))
        # when a bearer token signed offline with the published key is sent
        body = await forger.post(VIEWER)
        # then nobody is signed in and everything else is UNAUTHENTICATED
        assert body["data"]["viewer"] is None
        assert await forger.error_code("{ departments { code } }") == "UNAUTHENTICATED"
        report = await http.get(
            "/reports/requirements-by-department.csv",
            headers={"authorization": f"Bearer {forger.token}"},
        )
        assert report.status_code == 401
        # while a token signed with the generated key is accepted
        key = (settings.data_dir / KEY_FILE).read_text().strip()
        genuine = BearerTokens(key, 3600).issue(admin.id, admin.token_epoch)
        assert (await GraphQLClient(http, genuine).data(VIEWER))["viewer"]["role"] == "ADMIN"


async def test_a_panel_cookie_forged_with_the_development_key_does_not_open_the_panel(
    db: TortoiseContext, settings: Settings, demo: None
) -> None:
    # given the panel of a development server with no key set
    admin = await User.get(username="admin")
    async with served(development(settings)) as http:
        # when a session cookie signed with the published key is sent
        http.cookies.set(SESSION_COOKIE, forged_panel_cookie(admin), path="/admin")
        response = await http.get("/admin/user/list")
        # then the visitor is sent to the login page
        assert response.status_code in (302, 303, 307)
        assert "/admin/login" in response.headers["location"]
        # while a cookie signed with the server's own key opens it
        key = (settings.data_dir / KEY_FILE).read_text().strip()
        http.cookies.set(SESSION_COOKIE, forged_panel_cookie(admin, key), path="/admin")
        assert (await http.get("/admin/user/list")).status_code == 200


async def test_the_generated_key_is_private_and_shared_by_every_replica_of_the_data_folder(
    db: TortoiseContext, settings: Settings, demo: None, caplog: pytest.LogCaptureFixture
) -> None:
    # given a first server start without a key
    admin = await User.get(username="admin")
    with caplog.at_level(logging.WARNING, logger="crossflow.secret_key"):
        first = resolve(development(settings))
    path = settings.data_dir / KEY_FILE
    # then the key file is readable by its owner only, and the log names it
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert first.secret_key == path.read_text().strip() and len(first.secret_key) >= 32
    assert f"generated into {path}" in caplog.text
    # when a replica starts on the same data folder, it signs with the same key
    token = BearerTokens(first.signing_key, 3600).issue(admin.id, admin.token_epoch)
    async with served(development(settings)) as http:
        assert (await GraphQLClient(http, token).data(VIEWER))["viewer"]["username"] == "admin"
    assert f"read from {path}" in caplog.text
    assert path.read_text().strip() == first.secret_key


@pytest.mark.parametrize("mode", [Mode.DEVELOPMENT, Mode.PRODUCTION])
def test_a_server_outside_the_demo_refuses_the_published_key_when_it_is_set(
    settings: Settings, mode: Mode
) -> None:
    # given CROSSFLOW_SECRET_KEY set to the development key of the source
    configured = settings.model_copy(update={"mode": mode, "secret_key": DEFAULT_SECRET_KEY})
    # when the server is built, then it refuses with a message saying what to do
    with pytest.raises(RuntimeError, match="published development key"):
        create_app(configured, manage_orm=False)


def test_a_key_file_holding_the_published_key_is_refused(settings: Settings) -> None:
    # given a key file someone filled with the development key
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    (settings.data_dir / KEY_FILE).write_text(DEFAULT_SECRET_KEY)
    # when a development server starts, then it refuses to use it
    with pytest.raises(RuntimeError, match="no usable secret key"):
        resolve(development(settings))


def test_the_demo_says_its_key_is_public_and_warns_off_other_addresses(
    settings: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    # given the demo with no key of its own
    demo = settings.model_copy(update={"secret_key": None})
    assert resolve(demo).secret_key == DEFAULT_SECRET_KEY
    # when its banner is printed for the loopback address, it says the key is public
    cli._print_demo_banner(demo, "127.0.0.1", 8000, fresh=True)
    loopback = capsys.readouterr().out
    assert "PUBLIC demo key" in loopback and "reachable from other machines" not in loopback
    # when it is told to listen on every address, it warns as well
    cli._print_demo_banner(demo, "0.0.0.0", 8000, fresh=True)
    assert "reachable from other machines" in capsys.readouterr().out
