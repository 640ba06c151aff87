"""A demo database created from the models equals one built by replaying the migrations."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from core import db
from core.settings import Mode, Settings

#: The committed migrations, by name.
COMMITTED = {
    path.stem
    for path in (Path(__file__).resolve().parents[2] / "models" / "migrations").glob("0*.py")
}


def _settings(folder: Path) -> Settings:
    return Settings(mode=Mode.DEMO, data_dir=folder, _env_file=None)  # type: ignore[call-arg]


def _schema(path: Path) -> dict[str, object]:
    """Tables with their columns, indexes and foreign keys, as SQLite reports them."""
    with sqlite3.connect(path) as connection:
        tables = [
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'"
                " AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        schema: dict[str, object] = {}
        for table in tables:
            columns = sorted(
                (name, kind.upper(), notnull, default, pk)
                for _, name, kind, notnull, default, pk in connection.execute(
                    f'PRAGMA table_info("{table}")'
                )
            )
            indexes = sorted(
                (
                    unique,
                    tuple(c[2] for c in connection.execute(f'PRAGMA index_info("{name}")')),
                )
                for _, name, unique, *_ in connection.execute(f'PRAGMA index_list("{table}")')
            )
            keys = sorted(
                (row[2], row[3], row[4], row[6])
                for row in connection.execute(f'PRAGMA foreign_key_list("{table}")')
            )
            schema[table] = {"columns": columns, "indexes": indexes, "foreign_keys": keys}
        return schema


async def test_a_fresh_demo_database_has_the_migrated_schema(tmp_path: Path) -> None:
    # given one database built by replaying every migration, one created from the models
    replayed, fresh = _settings(tmp_path / "replayed"), _settings(tmp_path / "fresh")
    await db.migrate(replayed)
    await db.migrate(fresh, fresh_from_models=True)
    # when their schemas are read back
    # then they are the same, table by table
    assert _schema(fresh.sqlite_path) == _schema(replayed.sqlite_path)


async def test_the_fresh_database_is_recorded_as_migrated(tmp_path: Path) -> None:
    # given a demo database created from the models
    settings = _settings(tmp_path)
    await db.migrate(settings, fresh_from_models=True)
    with sqlite3.connect(settings.sqlite_path) as connection:
        recorded = {row[0] for row in connection.execute("SELECT name FROM tortoise_migrations")}
    # then every committed migration is recorded, so a later migrate applies only new ones
    assert recorded == COMMITTED
    # and migrating it again (fresh or not) changes nothing and does not fail
    await db.migrate(settings, fresh_from_models=True)
    await db.migrate(settings)
