"""Settings come from the environment, and production refuses unsafe ones."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from core.db import tortoise_config
from core.replica import ReplicaRouter
from core.settings import DEFAULT_SECRET_KEY, Mode, Settings
from crossflow.app import create_app


def test_settings_are_read_from_crossflow_environment_variables(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("CROSSFLOW_DATABASE_URL", "postgres://app@db:5432/crossflow")
    monkeypatch.setenv("CROSSFLOW_REDIS_URL", "redis://cache:6379/0")
    monkeypatch.setenv("CROSSFLOW_MODE", "production")
    settings = Settings(_env_file=None)  # type: ignore[call-arg]
    assert settings.mode is Mode.PRODUCTION
    assert settings.redis_url == "redis://cache:6379/0"
    credentials = tortoise_config(settings)["connections"]["default"]["credentials"]
    assert (credentials["host"], credentials["database"]) == ("db", "crossflow")


def test_without_a_database_url_every_command_shares_the_sqlite_file_of_the_data_folder(
    tmp_path: Path,
) -> None:
    settings = Settings(data_dir=tmp_path / "data", _env_file=None)  # type: ignore[call-arg]
    connection = tortoise_config(settings)["connections"]["default"]
    assert connection["engine"] == "core.sqlite_engine"
    assert connection["credentials"]["file_path"] == str(tmp_path / "data" / "crossflow.sqlite3")


def test_production_refuses_to_start_with_the_default_secret_key() -> None:
    settings = Settings(
        mode=Mode.PRODUCTION,
        secret_key=DEFAULT_SECRET_KEY,
        _env_file=None,  # type: ignore[call-arg]
    )
    with pytest.raises(RuntimeError, match="CROSSFLOW_SECRET_KEY"):
        create_app(settings)


def test_production_serves_no_graphiql() -> None:
    settings = Settings(
        mode=Mode.PRODUCTION,
        secret_key="a-private-key",
        _env_file=None,  # type: ignore[call-arg]
    )
    app = create_app(settings, manage_orm=False)
    graphql = next(route for route in app.routes if getattr(route, "path", "") == "/graphql")
    assert graphql.app.graphql_ide is None  # type: ignore[attr-defined]


def test_a_read_replica_installs_its_router_and_needs_postgresql_on_both_sides(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # given a PostgreSQL primary and replica, then the router is installed, one connection kept
    monkeypatch.setenv("CROSSFLOW_DATABASE_URL", "postgres://app@db:5432/crossflow")
    monkeypatch.setenv("CROSSFLOW_DATABASE_REPLICA_URL", "postgres://app@db-replica:5432/crossflow")
    config = tortoise_config(Settings(_env_file=None))  # type: ignore[call-arg]
    assert config["routers"] == [ReplicaRouter]
    assert list(config["connections"]) == ["default"]
    # and a replica beside SQLite, or one that is not PostgreSQL, is refused
    monkeypatch.delenv("CROSSFLOW_DATABASE_URL")
    with pytest.raises(ValidationError, match="needs CROSSFLOW_DATABASE_URL on PostgreSQL"):
        Settings(_env_file=None)  # type: ignore[call-arg]
    monkeypatch.setenv("CROSSFLOW_DATABASE_URL", "postgres://app@db:5432/crossflow")
    monkeypatch.setenv("CROSSFLOW_DATABASE_REPLICA_URL", "sqlite:///tmp/replica.sqlite3")
    with pytest.raises(ValidationError, match="must be a postgres:// URL"):
        Settings(_env_file=None)  # type: ignore[call-arg]


def test_without_a_replica_no_router_is_installed() -> None:
    settings = Settings(database_url="postgres://app@db:5432/crossflow", _env_file=None)  # type: ignore[call-arg]
    assert "routers" not in tortoise_config(settings)
