"""Two connections to one SQLite file (a server and a worker) write without lock errors."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from tortoise.context import TortoiseContext
from tortoise.transactions import in_transaction

from core.db import tortoise_config
from core.settings import Settings
from models import CodeCounter


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
async def test_read_then_write_transactions_from_two_connections_all_succeed(
    db: TortoiseContext, settings: Settings, tmp_path: Path
) -> None:
    # given a second, independent connection to the same file (as a worker process has)
    await CodeCounter.create(key="shared", value=0)
    other = TortoiseContext()
    with other:
        await other.init(config=tortoise_config(settings))

    async def bump(ctx: TortoiseContext) -> None:
        if ctx is other:  # make it current in this task only (tasks run in context copies)
            ctx.__enter__()
        async with in_transaction() as conn:
            row = await CodeCounter.get(key="shared", using_db=conn)  # read first
            await asyncio.sleep(0.001)
            row.value += 1  # then write: the pattern that fails with a deferred BEGIN
            await row.save(using_db=conn)

    # when forty such transactions run at once, alternating connections
    try:
        await asyncio.gather(*(bump(db if n % 2 else other) for n in range(40)))
    finally:
        await other.close_connections()
    # then every one committed, and no increment was lost
    assert (await CodeCounter.get(key="shared")).value == 40
