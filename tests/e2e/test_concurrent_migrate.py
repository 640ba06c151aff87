"""Replicas started together migrate the database once (PostgreSQL advisory lock)."""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

import asyncpg
import pytest

from resolvers.alerts.rules import DEFAULT_RULES
from tests.e2e.processes import REPOSITORY

pytestmark = [pytest.mark.e2e, pytest.mark.postgres]


async def test_three_processes_migrating_at_once_apply_each_migration_once(
    postgres_url: str, tmp_path: Path
) -> None:
    env = {
        **os.environ,
        "PYTHONPATH": str(REPOSITORY),
        "CROSSFLOW_DATABASE_URL": postgres_url,
        "CROSSFLOW_DATA_DIR": str(tmp_path),
    }

    async def migrate() -> tuple[int, bytes]:
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "crossflow",
            "migrate",
            cwd=tmp_path,
            env=env,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.STDOUT,
        )
        output, _ = await process.communicate()
        return process.returncode or 0, output

    results = await asyncio.gather(*(migrate() for _ in range(3)))
    assert [code for code, _ in results] == [0, 0, 0], [out[-2000:] for _, out in results]
    connection = await asyncpg.connect(postgres_url.replace("postgres://", "postgresql://", 1))
    try:
        tables = {
            row["tablename"]
            for row in await connection.fetch(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
            )
        }
        recorder = next(t for t in tables if "migration" in t and t != "outbox_message")
        rows = await connection.fetch(f'SELECT app, name FROM "{recorder}"')
        names = [(row["app"], row["name"]) for row in rows]
        assert len(names) == len(set(names)) >= 2
        rules = await connection.fetchval("SELECT count(*) FROM warning_rule")
        assert rules == len(DEFAULT_RULES)
    finally:
        await connection.close()
