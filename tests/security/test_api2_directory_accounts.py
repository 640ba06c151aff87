"""API2 broken authentication: accounts that come from an LDAP directory.

A directory account signs in only by an LDAP bind as itself: a password stored in
CrossFlow does not open it, a filter-injection username matches nobody, an empty password
(LDAP's "unauthenticated bind") is refused. A person removed from the directory is
deactivated by the next sync, and their open subscription closes at once (4401).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from tortoise.context import TortoiseContext

from core.security import hash_password
from core.settings import Settings
from models import User
from resolvers.people.directory_sync import sync_directory
from tests.resolvers.test_directory_sync import ldap_settings
from tests.security.test_api2_live_sockets import (
    WITHIN_SECONDS,
    receiving,
    subscribed,
    until_closed,
)
from tests.support.live_server import live_server
from tests.support.slapd import USER_PASSWORD, Directory, require_slapd, running_directory

LOGIN = (
    "mutation($u: String!, $p: String!) { login(input: {username: $u, password: $p})"
    " { token user { username } } }"
)

CHANGE_PASSWORD = (
    "mutation($c: String!, $n: String!) {"
    " changePassword(input: {currentPassword: $c, newPassword: $n}) { token } }"
)


@pytest.fixture
def small_directory(tmp_path: Path) -> Iterator[Directory]:
    require_slapd()
    with running_directory(tmp_path / "ldap", 20, 2) as directory:
        yield directory


async def login(base: str, username: str, password: str) -> dict[str, object]:
    async with httpx.AsyncClient(base_url=base) as http:
        response = await http.post(
            "/graphql", json={"query": LOGIN, "variables": {"u": username, "p": password}}
        )
    assert response.status_code == 200, response.text
    body: dict[str, object] = response.json()
    return body


def error_code(body: dict[str, object]) -> str:
    errors = body.get("errors")
    assert isinstance(errors, list) and errors, body
    return str(errors[0]["extensions"]["code"])


async def test_a_directory_account_signs_in_by_an_ldap_bind_and_nothing_else(
    db: TortoiseContext, settings: Settings, small_directory: Directory
) -> None:
    current = ldap_settings(settings, small_directory.url)
    await sync_directory(current, started_by="test")
    # given p00003 from the directory, with a password someone stored in CrossFlow too
    await User.filter(username="p00003").update(password_hash=hash_password("local-pass-1"))
    async with live_server(current) as base:
        # when they sign in with their directory password: then it works
        signed_in = await login(base, "p00003", USER_PASSWORD)
        data = signed_in.get("data")
        assert isinstance(data, dict) and data["login"]["user"] == {"username": "p00003"}
        # when with the password stored in CrossFlow, a wrong one, or an empty one: refused
        assert error_code(await login(base, "p00003", "local-pass-1")) == "UNAUTHENTICATED"
        assert error_code(await login(base, "p00004", "wrong-password")) == "UNAUTHENTICATED"
        assert error_code(await login(base, "p00005", "")) in ("UNAUTHENTICATED", "BAD_USER_INPUT")
        # when a username carries an LDAP filter: it matches nobody
        assert error_code(await login(base, "*)(uid=*", USER_PASSWORD)) == "UNAUTHENTICATED"
        # when the signed-in directory account tries to set a CrossFlow password: forbidden
        token = str(data["login"]["token"])
        async with httpx.AsyncClient(base_url=base) as http:
            changed = await http.post(
                "/graphql",
                json={
                    "query": CHANGE_PASSWORD,
                    "variables": {"c": USER_PASSWORD, "n": "new-pass-123"},
                },
                headers={"authorization": f"Bearer {token}"},
            )
        assert error_code(changed.json()) == "FORBIDDEN"


async def test_removing_a_person_from_the_directory_closes_their_open_subscription(
    db: TortoiseContext, settings: Settings, small_directory: Directory
) -> None:
    current = ldap_settings(settings, small_directory.url)
    await sync_directory(current, started_by="test")
    async with live_server(current) as base:
        signed_in = await login(base, "p00006", USER_PASSWORD)
        token = str(signed_in["data"]["login"]["token"])  # type: ignore[index]
        async with subscribed(base, token) as socket:
            # given p00006's socket receiving notifications
            await receiving(socket, "p00006")
            # when they are removed from the directory and the directory is synced
            small_directory.remove("p00006", "d00")
            run = await sync_directory(current, started_by="test")
            assert run.deactivated == 1
            # then their socket closes as Unauthorized within seconds
            code, _received, seconds = await until_closed(socket)
        assert code == 4401 and seconds < WITHIN_SECONDS
        # and they can no longer sign in, though the directory password was right before
        assert error_code(await login(base, "p00006", USER_PASSWORD)) == "UNAUTHENTICATED"
