"""The API benchmark: task list, board and report queries against a seeded PostgreSQL.

Usage (PostgreSQL on 127.0.0.1:5432 with trust auth, Redis on 127.0.0.1:6379):
    .venv/bin/python bench/run.py [--tasks 200000] [--seconds 20] [--connections 10]
        [--servers compiled baseline] [--queries tasks board report report-live] [--first 50]

1. Seeds ``crossflow_bench_api`` once with ``crossflow seed --tasks N`` (COPY: at 200,000
   tasks also 500,000 comments, 20,000 requirements, 5,000 users; reused by later runs,
   ``--reseed`` redoes it) and creates the ADMIN ``bench-admin`` with ``create-admin``.
2. Counts the SQL statements of one request of each query in-process (the
   ``tortoise.db_client`` logger, which the compiled path logs to as well).
3. For each server configuration, starts ``crossflow serve`` in production mode (private
   secret key, Redis as the broker so no worker or scheduler runs inside it, uvloop and
   httptools), signs in with the password, and for each query keeps ``--connections``
   keep-alive connections busy for ``--seconds`` after a warm-up. The load generator is a
   few lines of raw HTTP/1.1 over asyncio streams (~0.1 ms per request), so it does not
   take the cores the server needs, as a Python HTTP client would. ``report`` is timed
   over a refreshed report snapshot (refreshed in-process before it, if none is stored),
   ``report-live``, the same document, with none stored: computed from the tables.

Reported per query: requests/s, p50 and p99 latency, server CPU ms per request (user +
system time of the server processes from ``/proc`` over the timed window, divided by the
requests), SQL statements per request, and the peak RSS of a server process (``VmHWM``).

Server configurations: ``compiled`` is the server as shipped; ``baseline`` is the same
server with ``CROSSFLOW_GRAPHQL_COMPILED=false``, every field resolved by the generic
executor through per-field dataloaders (the straightforward design, kept as the baseline);
``compiled-2`` runs two server processes (``serve --workers 2``).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import platform
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import asyncpg
import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


from core import db
from core.settings import Mode, Settings
from models import ReportSnapshot
from resolvers.reports import snapshots
from tests.e2e.processes import crossflow_process, free_port, wait_until_ready

QUERIES = {
    "tasks": """query TaskPage($first: Int!) { tasks(first: $first) { edges { node {
  code title requirement { title } assignee { displayName department { name } } commentCount
} } } }""",
    "board": """query Board($id: ID!) { requirementBoard(requirementId: $id) {
  total delayed completed inProgress pendingAssignment summary byStatus { status count }
  requirement { code title initiator { displayName } }
} }""",
    "report": """query Report { reports { requirementsByDepartment { department { name }
  raised completed } overdueByDepartment { departmentName tasks overdue completedLate } } }""",
}
#: The same report computed from the tables: timed with no refreshed snapshot stored.
QUERIES["report-live"] = QUERIES["report"]
#: Whether a query is timed with a refreshed report snapshot (True) or without one (False).
SNAPSHOT = {"report": True, "report-live": False}
SERVER = "postgres://postgres@127.0.0.1:5432"
DATABASE = "crossflow_bench_api"
REDIS = "redis://127.0.0.1:6379/15"
ADMIN, PASSWORD = "bench-admin", "bench-password"
CROSSFLOW = [sys.executable, "-m", "crossflow"]
LOGIN = """mutation($u: String!, $p: String!) { login(input: {username: $u, password: $p})
  { token } }"""
SERVERS = {
    "compiled": ({}, []),
    "baseline": ({"CROSSFLOW_GRAPHQL_COMPILED": "false"}, []),
    "compiled-2": ({}, ["--workers", "2"]),
}


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
            await db.migrate(settings)  # what a deployment does after an upgrade
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


async def sign_in(http: httpx.AsyncClient, username: str = ADMIN) -> str:
    """A bearer token of ``username`` (the seed gives every person the bench password)."""
    response = await http.post(
        "/graphql", json={"query": LOGIN, "variables": {"u": username, "p": PASSWORD}}
    )
    body = response.json()
    assert not body.get("errors"), body
    token: str = body["data"]["login"]["token"]
    return token


@dataclass
class Figures:
    requests: int
    rps: float
    p50_ms: float
    p99_ms: float
    cpu_ms: float
    rss_mb: float


async def variables_for(settings: Settings, first: int) -> dict[str, dict[str, Any]]:
    """Each query's variables: the board of a requirement with tasks in the middle of the data."""
    connection = await asyncpg.connect(pg(settings.database_url or ""))
    try:
        requirement = await connection.fetchval(
            "SELECT requirement_id FROM task ORDER BY id LIMIT 1 OFFSET"
            " (SELECT count(*) / 2 FROM task)"
        )
    finally:
        await connection.close()
    board_id = _global_id("Requirement", requirement)
    return {"tasks": {"first": first}, "board": {"id": board_id}, "report": {}, "report-live": {}}


async def report_snapshot(settings: Settings, name: str) -> None:
    """Refresh the report snapshot before ``report`` (once), remove it before ``report-live``."""
    wanted = SNAPSHOT.get(name)
    if wanted is None:
        return
    async with db.orm(settings):
        if not wanted:
            await ReportSnapshot.all().delete()
        elif await snapshots.latest() is None:
            started = time.perf_counter()
            await snapshots.refresh()
            took = time.perf_counter() - started
            print(f"report snapshot refreshed in {took:.2f} s", file=sys.stderr)


def _global_id(type_name: str, pk: int) -> str:
    import base64

    return base64.b64encode(f"{type_name}:{pk}".encode()).decode()


async def statements_per_request(
    settings: Settings,
    name: str,
    variables: dict[str, Any],
    user: str,
    document: str | None = None,
) -> int:
    """SQL statements of one request of query ``name`` (or ``document``), counted in-process."""
    from crossflow.app import create_app

    statements: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            statements.append(record.getMessage())

    async with db.orm(settings):
        app = create_app(settings, manage_orm=False)
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://bench") as http:
            token = await sign_in(http, user)
            headers = {"authorization": f"Bearer {token}"}
            body = {"query": document or QUERIES[name], "variables": variables}
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
            if document is None:
                _check(name, response.content)
            else:
                body = json.loads(response.content)
                assert not body.get("errors") and body.get("data"), response.content[:500]
    return len(statements)


def _check(name: str, content: bytes) -> None:
    body = json.loads(content)
    assert not body.get("errors") and body.get("data"), content[:500]
    if name == "tasks":
        assert body["data"]["tasks"]["edges"][0]["node"]["assignee"]["department"]["name"]


def _request(port: int, token: str, name: str, variables: dict[str, Any]) -> bytes:
    return raw_request(port, QUERIES[name], variables, token)


def raw_request(port: int, document: str, variables: dict[str, Any], token: str | None) -> bytes:
    """One HTTP/1.1 POST of ``document`` (with a bearer token when given), ready to send."""
    body = json.dumps({"query": document, "variables": variables}).encode()
    authorization = f"Authorization: Bearer {token}\r\n" if token else ""
    head = (
        f"POST /graphql HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
        f"{authorization}Content-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    )
    return head.encode() + body


async def load(port: int, request: bytes, connections: int, seconds: float) -> list[float]:
    """Latencies of the requests ``connections`` keep-alive loops complete in ``seconds``."""
    deadline = time.perf_counter() + seconds
    latencies: list[float] = []

    async def loop() -> None:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        try:
            while time.perf_counter() < deadline:
                started = time.perf_counter()
                writer.write(request)
                head = await reader.readuntil(b"\r\n\r\n")
                length = 0
                for line in head.split(b"\r\n"):
                    if line.lower().startswith(b"content-length:"):
                        length = int(line.split(b":", 1)[1])
                content = await reader.readexactly(length)
                if not head.startswith(b"HTTP/1.1 200") or b'"errors"' in content:
                    raise RuntimeError((head + content)[:500].decode(errors="replace"))
                latencies.append(time.perf_counter() - started)
        finally:
            writer.close()

    await asyncio.gather(*(loop() for _ in range(connections)))
    return latencies


def server_pids(pid: int) -> list[int]:
    """The server process and its children (``serve --workers`` forks them)."""
    pids = [pid]
    children = Path(f"/proc/{pid}/task/{pid}/children")
    if children.exists():
        for child in children.read_text().split():
            pids.extend(server_pids(int(child)))
    return pids


def cpu_seconds(pids: list[int]) -> float:
    total = 0.0
    for pid in pids:
        stat = Path(f"/proc/{pid}/stat").read_text()
        fields = stat[stat.rindex(")") + 2 :].split()
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def peak_rss_mb(pids: list[int]) -> float:
    """The largest peak resident set (``VmHWM``) among the server processes."""
    peaks = []
    for pid in pids:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                peaks.append(int(line.split()[1]) / 1024)
    return max(peaks)


async def run_server(
    settings: Settings,
    server: str,
    queries: dict[str, dict[str, Any]],
    options: argparse.Namespace,
) -> dict[str, Figures]:
    extra_env, extra_args = SERVERS[server]
    port = free_port()
    env = {
        "CROSSFLOW_MODE": Mode.PRODUCTION.value,
        "CROSSFLOW_SECRET_KEY": secrets.token_urlsafe(32),
        "CROSSFLOW_DATABASE_URL": settings.database_url or "",
        "CROSSFLOW_REDIS_URL": REDIS,
        "CROSSFLOW_LOG_LEVEL": "WARNING",
        **extra_env,
    }
    base_url = f"http://127.0.0.1:{port}"
    results: dict[str, Figures] = {}
    with tempfile.TemporaryDirectory() as folder:
        log_path = Path(folder) / "serve.log"
        env["CROSSFLOW_DATA_DIR"] = folder
        args = ["serve", "--port", str(port), *extra_args]
        with crossflow_process(args, env, Path(folder), log_path) as process:
            wait_until_ready(base_url, process, log_path)
            async with httpx.AsyncClient(base_url=base_url, timeout=30) as http:
                token = await sign_in(http, options.user)
            for name, variables in queries.items():
                await report_snapshot(settings, name)
                request = _request(port, token, name, variables)
                await load(port, request, options.connections, options.warmup)
                pids = server_pids(process.pid)
                cpu_before, wall_before = cpu_seconds(pids), time.perf_counter()
                latencies = await load(port, request, options.connections, options.seconds)
                cpu_after, wall_after = cpu_seconds(pids), time.perf_counter()
                latencies.sort()
                count = len(latencies)
                results[name] = Figures(
                    requests=count,
                    rps=count / (wall_after - wall_before),
                    p50_ms=statistics.median(latencies) * 1000,
                    p99_ms=latencies[min(count - 1, int(count * 0.99))] * 1000,
                    cpu_ms=(cpu_after - cpu_before) * 1000 / count,
                    rss_mb=peak_rss_mb(pids),
                )
    return results


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tasks", type=int, default=200_000)
    parser.add_argument("--first", type=int, default=50)
    parser.add_argument("--connections", type=int, default=10)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--warmup", type=float, default=3)
    parser.add_argument("--servers", nargs="+", default=["compiled", "baseline"])
    parser.add_argument("--queries", nargs="+", default=list(QUERIES))
    parser.add_argument(
        "--user",
        default=ADMIN,
        help="who signs in: the ADMIN (reads everything) or a seeded person such as user00000,"
        " the head of the first department (scope in the SQL)",
    )
    parser.add_argument("--reseed", action="store_true")
    options = parser.parse_args()
    settings = await prepare(options.tasks, options.reseed)
    create_admin(settings)
    every = await variables_for(settings, options.first)
    queries = {name: every[name] for name in options.queries}
    print(
        f"{time.strftime('%Y-%m-%d')} on {platform.node()} ({os.cpu_count()} cores),"
        f" {options.tasks:,} tasks, page of {options.first}, {options.connections}"
        f" connections, {options.seconds:g} s per query, signed in as {options.user}"
    )
    print(
        "| server | query | requests/s | p50 | p99 | server CPU per request"
        " | SQL per request | peak RSS | requests |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for server in options.servers:
        extra_env, _ = SERVERS[server]
        counting = settings.model_copy(
            update={"graphql_compiled": extra_env.get("CROSSFLOW_GRAPHQL_COMPILED") != "false"}
        )
        statements = {}
        for name, variables in queries.items():
            await report_snapshot(settings, name)
            statements[name] = await statements_per_request(counting, name, variables, options.user)
        figures = await run_server(settings, server, queries, options)
        for name, f in figures.items():
            print(
                f"| {server} | {name} | {f.rps:.1f} | {f.p50_ms:.1f} ms | {f.p99_ms:.1f} ms"
                f" | {f.cpu_ms:.2f} ms | {statements[name]} | {f.rss_mb:.0f} MB"
                f" | {f.requests} |",
                flush=True,
            )


if __name__ == "__main__":
    asyncio.run(main())
