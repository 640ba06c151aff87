"""Migrations leave PostgreSQL logging every participation change (``core/participation_log``).

Kept requirement ids are trusted only where every source table has its triggers
(``resolvers/access/participation.py`` asks the database): a source added to the log's list
without a migration that installs its triggers would silently turn the keeping off, and a
database made by the migrations must have exactly what one made from the models has.
"""

from __future__ import annotations

import pytest
from tortoise.connection import get_connection

from core import db, participation_log
from core.settings import Settings

pytestmark = pytest.mark.postgres


@pytest.mark.parametrize("backend", ["postgres"], indirect=True)
async def test_the_migrations_install_every_participation_trigger(settings: Settings) -> None:
    # given an empty PostgreSQL database
    # when every committed migration is applied
    await db.migrate(settings)
    # then the log and each source's triggers are there, as kept ids require
    async with db.orm(settings):
        connection = get_connection("default")
        _, rows = await connection.execute_query(participation_log.INSTALLED)
        assert rows[0][0] is True


@pytest.mark.parametrize("backend", ["postgres"], indirect=True)
async def test_a_database_from_the_models_has_the_same_triggers(settings: Settings) -> None:
    # given a database created from the models (the demo's way), and one migrated
    await db.migrate(settings, fresh_from_models=True)
    async with db.orm(settings):
        connection = get_connection("default")
        _, rows = await connection.execute_query(participation_log.INSTALLED)
        # then it logs participation changes too
        assert rows[0][0] is True
