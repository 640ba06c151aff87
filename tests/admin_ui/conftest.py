"""An HTTP client of the admin panel that signs in through its login form, with CSRF.

The panel is the real app's ``/admin`` mount, served over httpx's ASGI transport in the
test's own ORM context, so every test here runs on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from tortoise.context import TortoiseContext

from core.settings import Settings
from crossflow.app import create_app

CSRF_COOKIE = "starlette_admin_csrftoken"


@dataclass
class Panel:
    """A browser-like client of ``/admin``: cookies, the CSRF token, form posts."""

    http: httpx.AsyncClient

    async def get(self, path: str, **kwargs: Any) -> httpx.Response:
        return await self.http.get(path, **kwargs)

    def csrf(self) -> str:
        return str(self.http.cookies.get(CSRF_COOKIE) or "")

    async def ensure_csrf(self) -> str:
        if not self.csrf():
            await self.http.get("/admin/login")
        return self.csrf()

    async def post_form(
        self, path: str, data: dict[str, Any] | list[tuple[str, str]]
    ) -> httpx.Response:
        """A form post as the page's own form sends it (the CSRF token in a hidden field)."""
        token = await self.ensure_csrf()
        fields: dict[str, list[str]] = {}
        for name, value in data.items() if isinstance(data, dict) else data:
            fields.setdefault(name, []).extend(value if isinstance(value, list) else [value])
        fields["csrftoken"] = [token]
        return await self.http.post(path, data=fields)

    async def sign_in(self, username: str, password: str = "demo") -> httpx.Response:
        await self.http.get("/admin/login")
        return await self.post_form("/admin/login", {"username": username, "password": password})

    async def action(
        self,
        key: str,
        name: str,
        pks: list[int] | None = None,
        data: dict[str, str] | None = None,
        *,
        row: bool = False,
    ) -> httpx.Response:
        """Run a batch or row action the way the panel's JavaScript does (X-CSRFToken)."""
        token = await self.ensure_csrf()
        if row:
            url = f"/admin/_api/{key}/row-action"
            params: list[tuple[str, str | int | float | bool | None]] = [
                ("name", name),
                ("pk", str((pks or [0])[0])),
            ]
        else:
            url = f"/admin/_api/{key}/action"
            params = [("name", name), *(("pks", str(pk)) for pk in pks or [])]
        return await self.http.post(
            url, params=params, data=data or {}, headers={"X-CSRFToken": token}
        )


def csrf_field(html: str) -> str:
    found = re.search(r'name="csrftoken" value="([^"]+)"', html)
    assert found, "the page has no CSRF field"
    return found.group(1)


@pytest.fixture
async def panel(db: TortoiseContext, settings: Settings) -> AsyncIterator[Panel]:
    """An anonymous visitor of the panel."""
    app = create_app(settings, manage_orm=False)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
        yield Panel(http)


@pytest.fixture
async def admin_panel(panel: Panel, demo: None) -> Panel:
    """The demo administrator, signed in to the panel."""
    response = await panel.sign_in("admin")
    assert response.status_code == 303, response.text
    return panel
