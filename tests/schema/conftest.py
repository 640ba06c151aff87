"""Fixtures of the schema tests: the compiled path beside the generic executor."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest
from tortoise.context import TortoiseContext

from core.settings import Settings
from crossflow.app import create_app
from tests.conftest import GraphQLClient


@pytest.fixture
async def apps(
    db: TortoiseContext, settings: Settings, demo: None
) -> AsyncIterator[tuple[GraphQLClient, GraphQLClient]]:
    """(compiled, generic) clients of the same database."""
    generic_settings = settings.model_copy(update={"graphql_compiled": False})
    compiled_app = create_app(settings, manage_orm=False)
    generic_app = create_app(generic_settings, manage_orm=False)
    async with (
        httpx.AsyncClient(transport=httpx.ASGITransport(compiled_app), base_url="http://c") as a,
        httpx.AsyncClient(transport=httpx.ASGITransport(generic_app), base_url="http://g") as b,
    ):
        yield GraphQLClient(a), GraphQLClient(b)
