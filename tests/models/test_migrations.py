"""The committed migrations match the models and apply on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest
from tortoise.context import TortoiseContext
from tortoise.migrations.autodetector import MigrationAutodetector

from core import db
from core.settings import Settings
from models import Department, WarningRule


async def test_the_models_and_the_committed_migrations_agree(tmp_path: Path) -> None:
    # given the models as they are in the code
    settings = Settings(data_dir=tmp_path, _env_file=None)  # type: ignore[call-arg]
    config = db.tortoise_config(settings)
    async with TortoiseContext() as ctx:
        await ctx.init(config=config, init_connections=False)
        assert ctx.apps is not None
        # when the autodetector compares them with the migrations on disk
        changes = await MigrationAutodetector(ctx.apps, config["apps"]).changes()
    # then there is nothing left to migrate (else: run `tortoise makemigrations`)
    assert changes == [], [writer.name for writer in changes]


async def test_migrate_builds_a_working_database_and_is_idempotent(settings: Settings) -> None:
    # given an empty database (SQLite file or PostgreSQL)
    # when `crossflow migrate` runs twice
    await db.migrate(settings)
    await db.migrate(settings)
    # then the schema works for reads and writes
    async with db.orm(settings):
        department = await Department.create(code="qa", name="质量部")
        assert await Department.get(code="qa") == department
        assert await WarningRule.all().count() == 0


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
async def test_migrate_creates_the_sqlite_file_in_the_data_folder(settings: Settings) -> None:
    await db.migrate(settings)
    assert settings.sqlite_path.is_file()
