"""Directory sync of a generated LDAP directory into an empty CrossFlow: the first (full) sync
and a quiet incremental one.

Starts a private slapd (tests/support/slapd.py, needs Debian's slapd and ldap-utils) with
``--people`` people in ``--departments`` departments, syncs it into a new SQLite database
(or the PostgreSQL of ``--database-url``, emptied first), and prints the times.

    .venv/bin/python bench/directory_sync.py --people 2000 --departments 40 --runs 3
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tortoise.context import TortoiseContext

from core.db import tortoise_config
from core.settings import Settings, configure
from models.directory import SyncStatus
from resolvers.people.directory_sync import sync_directory
from tests.support.slapd import ROOT_DN, ROOT_PASSWORD, SUFFIX, running_directory


async def one_run(folder: Path, url: str, database_url: str | None) -> tuple[float, float]:
    settings = configure(
        Settings(
            data_dir=folder / "data",
            database_url=database_url,
            secret_key="bench",
            ldap_url=url,
            ldap_bind_dn=ROOT_DN,
            ldap_bind_password=ROOT_PASSWORD,
            ldap_people_base=SUFFIX,
            _env_file=None,  # type: ignore[call-arg]
        )
    )
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    async with TortoiseContext() as ctx:
        await ctx.init(config=tortoise_config(settings))
        await ctx.generate_schemas(safe=False)
        started = time.perf_counter()
        first = await sync_directory(settings, started_by="bench")
        full = time.perf_counter() - started
        assert first.status is SyncStatus.SUCCEEDED, (first.status, first.error)
        started = time.perf_counter()
        await sync_directory(settings, started_by="bench")
        quiet = time.perf_counter() - started
        print(f"  first sync: {first.created} people in {full:.2f} s; quiet sync {quiet:.2f} s")
        return full, quiet


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--people", type=int, default=2000)
    parser.add_argument("--departments", type=int, default=40)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--database-url", default=None, help="PostgreSQL (emptied!)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        with running_directory(folder / "ldap", args.people, args.departments) as directory:
            results = []
            for n in range(args.runs):
                results.append(await one_run(folder / f"run{n}", directory.url, args.database_url))
    print(
        f"median of {args.runs}: first sync {statistics.median(r[0] for r in results):.2f} s, "
        f"quiet sync {statistics.median(r[1] for r in results):.2f} s"
    )


if __name__ == "__main__":
    asyncio.run(main())
