"""The sessions the application opens on PostgreSQL are set up for short statements."""

from __future__ import annotations

import pytest
from tortoise.connection import get_connection
from tortoise.context import TortoiseContext

pytestmark = pytest.mark.postgres


@pytest.mark.parametrize("backend", ["postgres"], indirect=True)
async def test_just_in_time_compilation_is_off_for_the_application(db: TortoiseContext) -> None:
    # given the application's connection pool on PostgreSQL
    connection = get_connection("default")
    # when a session is asked for its JIT setting
    _, rows = await connection.execute_query("SHOW jit")
    # then it is off: compiling a plan cost more than running the API's statements
    assert rows[0][0] == "off"
