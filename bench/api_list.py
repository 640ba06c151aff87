"""Throughput of the task list a frontend shows: a page of 50 tasks over 200,000.

Usage (PostgreSQL on 127.0.0.1:5432 with trust auth, Redis on 127.0.0.1:6379, as on this
machine kind):
    .venv/bin/python bench/api_list.py [--tasks 200000] [--seconds 20] [--connections 10]

1. Seeds ``crossflow_bench_api`` once (migrate + ``crossflow.seed``: 200,000 tasks, 500,000
   comments, 20,000 requirements, 5,000 users; kept for the next run, ``--reseed`` redoes
   it) and creates the ADMIN ``bench-admin`` (password ``bench-password``) with
   ``crossflow create-admin``.
2. Counts the SQL statements of one request in-process (the ``tortoise.db_client`` logger).
3. Starts ``crossflow serve`` as a subprocess in production mode (a private secret key,
   Redis as broker so no worker or scheduler runs inside it), signs in with the password,
   and for ``--seconds`` keeps ``--connections`` connections busy with the page query.
   Reports requests/s, p50 and p99 latency, and the server process's CPU time per request
   (user + system from ``/proc/<pid>/stat`` before and after the timed window).

The load generator, the server and PostgreSQL share the machine's cores, as in the figures
of STACK-NOTES.md; compare runs made on the same machine.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import platform
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import asyncpg
import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from crossflow import db
from crossflow.settings import Mode, Settings
from tests.e2e.processes import crossflow_process, free_port, wait_until_ready

SERVER = "postgres://postgres@127.0.0.1:5432"
DATABASE = "crossflow_bench_api"
REDIS = "redis://127.0.0.1:6379/15"
ADMIN, PASSWORD = "bench-admin", "bench-password"
CROSSFLOW = [sys.executable, "-m", "crossflow"]
PAGE = """query TaskPage($first: Int!) { tasks(first: $first) { edges { node {
  code title requirement { title } assignee { displayName department { name } } commentCount
} } } }"""
LOGIN = """mutation($u: String!, $p: String!) { login(input: {username: $u, password: $p})
  { token } }"""


def pg(dsn: str) -> str:
    return dsn.replace("postgres://", "postgresql://", 1)


async def prepare(tasks: int, reseed: bool) -> Settings:
    """The bench database, seeded with ``tasks`` tasks (reused when already there)."""
    settings = Settings(  # type: ignore[call-arg]
        database_url=f"{SERVER}/{DATABASE}", _env_file=None
    )
    admin = await asyncpg.connect(pg(f"{SERVER}/postgres"))
    try:
        exists = await admin.fetchval("SELECT 1 FROM pg_database WHERE datname = $1", DATABASE)
        seeded = False
        if exists and not reseed:
            bench = await asyncpg.connect(pg(f"{SERVER}/{DATABASE}"))
            try:
                count = await bench.fetchval("SELECT count(*) FROM task")
                seeded = count == tasks
            except asyncpg.UndefinedTableError:
                seeded = False
            finally:
                await bench.close()
        if seeded:
            print(f"reusing {DATABASE} ({tasks:,} tasks)", file=sys.stderr)
            return settings
        await admin.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
        await admin.execute(f'CREATE DATABASE "{DATABASE}"')
    finally:
        await admin.close()
    started = time.perf_counter()
    command = [*CROSSFLOW, "seed", "--tasks", str(tasks)]
    env = {**os.environ, "CROSSFLOW_DATABASE_URL": settings.database_url or ""}
    await asyncio.to_thread(subprocess.run, command, env=env, check=True)
    print(f"seeded {tasks:,} tasks in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return settings


def create_admin(settings: Settings) -> None:
    subprocess.run(
        [*CROSSFLOW, "create-admin", "--username", ADMIN, "--password", PASSWORD],
        env={**os.environ, "CROSSFLOW_DATABASE_URL": settings.database_url or ""},
        check=True,
        capture_output=True,
    )


async def statements_per_request(settings: Settings, first: int) -> int:
    """SQL statements of one page request, counted in-process on the same database."""
    from crossflow.app import create_app

    statements: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            statements.append(record.getMessage())

    async with db.orm(settings):
        app = create_app(settings, manage_orm=False)
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://bench") as http:
            token = await sign_in(http)
            headers = {"authorization": f"Bearer {token}"}
            body = {"query": PAGE, "variables": {"first": first}}
            await http.post("/graphql", json=body, headers=headers)  # warm the caches
            logger = logging.getLogger("tortoise.db_client")
            handler = Collect(level=logging.DEBUG)
            logger.addHandler(handler)
            logger.setLevel(logging.DEBUG)
            try:
                response = await http.post("/graphql", json=body, headers=headers)
            finally:
                logger.removeHandler(handler)
                logger.setLevel(logging.WARNING)
            check_page(response, first)
    return len(statements)


async def sign_in(http: httpx.AsyncClient) -> str:
    response = await http.post(
        "/graphql", json={"query": LOGIN, "variables": {"u": ADMIN, "p": PASSWORD}}
    )
    body = response.json()
    assert not body.get("errors"), body
    token: str = body["data"]["login"]["token"]
    return token


def check_page(response: httpx.Response, first: int) -> None:
    body = response.json()
    assert response.status_code == 200 and not body.get("errors"), body
    edges = body["data"]["tasks"]["edges"]
    assert len(edges) == first, len(edges)
    assert edges[0]["node"]["assignee"]["department"]["name"]


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (fields 14 and 15 of /proc/<pid>/stat)."""
    stat = Path(f"/proc/{pid}/stat").read_text()
    fields = stat[stat.rindex(")") + 2 :].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def load(
    base_url: str, token: str, first: int, connections: int, seconds: float
) -> list[float]:
    """Latencies of every request completed within ``seconds`` by ``connections`` loops."""
    headers = {"authorization": f"Bearer {token}"}
    body = {"query": PAGE, "variables": {"first": first}}
    deadline = time.perf_counter() + seconds
    latencies: list[float] = []

    async def loop() -> None:
        limits = httpx.Limits(max_connections=1, max_keepalive_connections=1)
        async with httpx.AsyncClient(base_url=base_url, limits=limits, timeout=30) as http:
            while time.perf_counter() < deadline:
                started = time.perf_counter()
                response = await http.post("/graphql", json=body, headers=headers)
                if response.status_code != 200 or b'"errors"' in response.content:
                    raise RuntimeError(response.text[:500])
                latencies.append(time.perf_counter() - started)

    await asyncio.gather(*(loop() for _ in range(connections)))
    return latencies


async def run_server(
    settings: Settings, first: int, connections: int, seconds: float, warmup: float
) -> dict[str, float]:
    port = free_port()
    env = {
        "CROSSFLOW_MODE": Mode.PRODUCTION.value,
        "CROSSFLOW_SECRET_KEY": secrets.token_urlsafe(32),
        "CROSSFLOW_DATABASE_URL": settings.database_url or "",
        "CROSSFLOW_REDIS_URL": REDIS,
        "CROSSFLOW_LOG_LEVEL": "WARNING",
    }
    base_url = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory() as folder:
        log_path = Path(folder) / "serve.log"
        env["CROSSFLOW_DATA_DIR"] = folder
        args = ["serve", "--port", str(port)]
        with crossflow_process(args, env, Path(folder), log_path) as process:
            wait_until_ready(base_url, process, log_path)
            async with httpx.AsyncClient(base_url=base_url, timeout=30) as http:
                token = await sign_in(http)
                response = await http.post(
                    "/graphql",
                    json={"query": PAGE, "variables": {"first": first}},
                    headers={"authorization": f"Bearer {token}"},
                )
                check_page(response, first)
            await load(base_url, token, first, connections, warmup)
            cpu_before, wall_before = cpu_seconds(process.pid), time.perf_counter()
            latencies = await load(base_url, token, first, connections, seconds)
            cpu_after, wall_after = cpu_seconds(process.pid), time.perf_counter()
    latencies.sort()
    count = len(latencies)
    return {
        "requests": count,
        "rps": count / (wall_after - wall_before),
        "p50_ms": statistics.median(latencies) * 1000,
        "p99_ms": latencies[min(count - 1, int(count * 0.99))] * 1000,
        "cpu_ms": (cpu_after - cpu_before) * 1000 / count,
    }


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tasks", type=int, default=200_000)
    parser.add_argument("--first", type=int, default=50)
    parser.add_argument("--connections", type=int, default=10)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--warmup", type=float, default=3)
    parser.add_argument("--reseed", action="store_true")
    options = parser.parse_args()
    settings = await prepare(options.tasks, options.reseed)
    create_admin(settings)
    statements = await statements_per_request(settings, options.first)
    figures = await run_server(
        settings, options.first, options.connections, options.seconds, options.warmup
    )
    print(
        f"{time.strftime('%Y-%m-%d')} on {platform.node()} ({os.cpu_count()} cores),"
        f" {options.tasks:,} tasks, page of {options.first}, {options.connections} connections,"
        f" {options.seconds:g} s"
    )
    print("| requests/s | p50 | p99 | server CPU per request | SQL per request | requests |")
    print("|---|---|---|---|---|---|")
    print(
        f"| {figures['rps']:.1f} | {figures['p50_ms']:.1f} ms | {figures['p99_ms']:.1f} ms"
        f" | {figures['cpu_ms']:.1f} ms | {statements} | {figures['requests']:.0f} |"
    )


if __name__ == "__main__":
    asyncio.run(main())
