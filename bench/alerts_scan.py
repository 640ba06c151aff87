"""How long a warning scan takes as the number of open tasks grows, with the same number due.

Usage (PostgreSQL on 127.0.0.1:5432 with trust auth, as on this machine kind):
    .venv/bin/python bench/alerts_scan.py [--sizes 200000 1000000] [--due 2000] [--runs 3]

For each size a fresh database is migrated and seeded (crossflow.seed, COPY; no comments:
the scan never reads them), with ``--due`` tasks due within a day and the rest months away.
Each run clears the previous run's warnings and times one full scan: find what crossed a
threshold, record each warning once, create the in-app notifications and e-mail
deliveries, and stage their messages in the outbox (the durable enqueue). Prints a
markdown table with the median of the runs and the ratio of the largest to the smallest size.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path

import asyncpg

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from core import db
from core.outbox_message import OutboxMessage
from core.settings import Settings
from crossflow.seed import seed
from models import Alert, Delivery, Notification, WarningRule
from resolvers.alerts.scan import scan

SERVER = "postgres://postgres@127.0.0.1:5432"


async def prepare(size: int, due: int) -> Settings:
    name = f"crossflow_bench_alerts_{size}"
    admin = await asyncpg.connect(f"{SERVER.replace('postgres://', 'postgresql://')}/postgres")
    await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    await admin.execute(f'CREATE DATABASE "{name}"')
    await admin.close()
    # an SMTP host makes the scan stage e-mail deliveries too (nothing is sent here)
    settings = Settings(database_url=f"{SERVER}/{name}", smtp_host="localhost", _env_file=None)  # type: ignore[call-arg]
    await db.migrate(settings)
    started = time.perf_counter()
    await seed(settings.database_url or "", size, due, comments_per_task=0)
    print(f"seeded {size:,} tasks in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return settings


async def one_scan(settings: Settings) -> tuple[float, int]:
    async with db.orm(settings):
        from resolvers.alerts.rules import ensure_default_rules

        await ensure_default_rules()
        for model in (OutboxMessage, Delivery, Notification, Alert):
            await model.all().delete()
        await WarningRule.all().update(scanned_until=None)
        started = time.perf_counter()
        report = await scan(settings)
        return time.perf_counter() - started, report.recorded


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[200_000, 1_000_000])
    parser.add_argument("--due", type=int, default=2_000)
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args()
    rows = []
    for size in options.sizes:
        settings = await prepare(size, options.due)
        timings = []
        for _ in range(options.runs):
            seconds, recorded = await one_scan(settings)
            timings.append(seconds)
        rows.append((size, recorded, statistics.median(timings), timings))
    print("| open tasks | due (recorded) | scan median | runs |")
    print("|---|---|---|---|")
    for size, recorded, median, timings in rows:
        runs = ", ".join(f"{t:.2f}" for t in timings)
        print(f"| {size:,} | {recorded:,} | {median:.2f} s | {runs} |")
    if len(rows) > 1:
        print(f"\nratio largest/smallest: {rows[-1][2] / rows[0][2]:.2f}x")


if __name__ == "__main__":
    asyncio.run(main())
