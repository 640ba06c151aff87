"""Fixtures of the schema tests: the compiled path beside the generic executor."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator

import httpx
import pytest
from tortoise.context import TortoiseContext

from core.settings import Settings
from crossflow.app import create_app
from tests.conftest import GraphQLClient

#: Where the server logs a compiled statement that failed (``crossflow/graphql_view.py``)
GRAPHQL_LOGGER = "crossflow.graphql"


@pytest.fixture
async def apps(
    db: TortoiseContext, settings: Settings, demo: None
) -> AsyncIterator[tuple[GraphQLClient, GraphQLClient]]:
    """(compiled, generic) clients of the same database.

    A compiled statement that fails is answered by the generic executor, so an answer alone
    cannot tell that the compiled path gave it: any such failure fails the test here.
    """
    failures = _Failures()
    logging.getLogger(GRAPHQL_LOGGER).addHandler(failures)
    generic_settings = settings.model_copy(update={"graphql_compiled": False})
    compiled_app = create_app(settings, manage_orm=False)
    generic_app = create_app(generic_settings, manage_orm=False)
    async with (
        httpx.AsyncClient(transport=httpx.ASGITransport(compiled_app), base_url="http://c") as a,
        httpx.AsyncClient(transport=httpx.ASGITransport(generic_app), base_url="http://g") as b,
    ):
        try:
            yield GraphQLClient(a), GraphQLClient(b)
        finally:
            logging.getLogger(GRAPHQL_LOGGER).removeHandler(failures)
    assert failures.messages == [], failures.messages


class _Failures(logging.Handler):
    """The compiled path's failures logged during a test."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        text = record.getMessage()
        if record.exc_info and record.exc_info[1] is not None:
            text += f": {record.exc_info[1]!r}"
        self.messages.append(text)
