"""A PostgreSQL primary with a streaming hot standby of its own, for the read-replica tests.

Why a pair of our own: the session's server (``tests/support/services.py``) is not set up
for replication, and the machine's own server must never be touched. So the primary is
made with ``initdb`` on a free port (``wal_level=replica``, replication allowed from
127.0.0.1 in ``pg_hba.conf``) and the standby with ``pg_basebackup -R`` from it, started on
another port. Both run through the same ``pg_ctl`` wrapper as the session's server, which
runs PostgreSQL unprivileged when the tests run as root (PostgreSQL refuses root). Missing
binaries skip the tests, unless ``CROSSFLOW_REQUIRE_SERVICES=1`` makes that an error.
"""

from __future__ import annotations

import os
import socket
import stat
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest

from tests.support.services import PG_CTL_WRAPPER, PostgresServer, _unavailable, find_pg_ctl

#: Replication on the primary; the standby inherits it and answers read-only queries.
PRIMARY_CONF = """
listen_addresses = '127.0.0.1'
unix_socket_directories = ''
wal_level = replica
max_wal_senders = 4
hot_standby = on
fsync = off
"""
HBA_REPLICATION = "host replication all 127.0.0.1/32 trust\n"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass(frozen=True)
class StreamingPair:
    """The primary and its standby, and how to stop or restart the standby."""

    primary: PostgresServer
    standby: PostgresServer
    standby_dir: Path
    log_dir: Path

    def stop_standby(self) -> None:
        _pg_ctl("stop", "-D", str(self.standby_dir), "-m", "fast", "-w")

    def start_standby(self) -> None:
        log = self.log_dir / "standby.log"
        _pg_ctl("start", "-D", str(self.standby_dir), "-w", "-t", "60", "-l", str(log))

    def wait_caught_up(self, timeout: float = 20.0) -> None:
        """Until the standby has replayed everything the primary wrote so far."""
        with psycopg.connect(self.primary.dsn("postgres"), autocommit=True) as conn:
            row = conn.execute("SELECT pg_current_wal_lsn()::text").fetchone()
        assert row is not None
        self._wait_lsn("pg_last_wal_replay_lsn()", str(row[0]), timeout)

    def wait_received(self, timeout: float = 20.0) -> None:
        """Until the standby has received (not necessarily replayed) the primary's WAL."""
        with psycopg.connect(self.primary.dsn("postgres"), autocommit=True) as conn:
            row = conn.execute("SELECT pg_current_wal_lsn()::text").fetchone()
        assert row is not None
        self._wait_lsn("pg_last_wal_receive_lsn()", str(row[0]), timeout)

    def _wait_lsn(self, function: str, target: str, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        with psycopg.connect(self.standby.dsn("postgres"), autocommit=True) as conn:
            while True:
                row = conn.execute(f"SELECT {function} >= %s::pg_lsn", (target,)).fetchone()
                if row is not None and row[0]:
                    return
                if time.monotonic() > deadline:
                    raise AssertionError(f"the standby's {function} never reached {target}")
                time.sleep(0.05)

    def standby_sql(self, statement: str) -> None:
        """Run a statement on the standby (``pg_wal_replay_pause()`` and the like)."""
        with psycopg.connect(self.standby.dsn("postgres"), autocommit=True) as conn:
            conn.execute(statement)


def _pg_ctl(*args: str) -> None:
    subprocess.run([str(PG_CTL_WRAPPER), *args], check=True, capture_output=True, timeout=120)


def _binaries() -> tuple[str, str]:
    """The real pg_ctl (handed to the wrapper) and pg_basebackup beside it."""
    pg_ctl = find_pg_ctl()
    basebackup = str(Path(pg_ctl).with_name("pg_basebackup")) if pg_ctl else ""
    if pg_ctl is None or not os.access(basebackup, os.X_OK):
        _unavailable(
            "PostgreSQL server binaries (pg_ctl, pg_basebackup) not found: looked at"
            " $CROSSFLOW_PG_CTL, /usr/lib/postgresql/*/bin and PATH"
        )
    os.environ["CROSSFLOW_PG_CTL_REAL"] = pg_ctl
    mode = PG_CTL_WRAPPER.stat().st_mode
    if not mode & stat.S_IXUSR:
        PG_CTL_WRAPPER.chmod(mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return pg_ctl, basebackup


@pytest.fixture(scope="module")
def streaming_pair(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StreamingPair]:
    """A primary and its hot standby, streaming, for one test module; stopped afterwards."""
    _, basebackup = _binaries()
    base = tmp_path_factory.mktemp("replication")
    primary_dir, standby_dir = base / "primary", base / "standby"
    primary = PostgresServer("127.0.0.1", _free_port(), "postgres")
    standby = PostgresServer("127.0.0.1", _free_port(), "postgres")
    _pg_ctl("initdb", "-D", str(primary_dir), "-o", "-A trust -U postgres -E UTF8 --no-sync")
    with (primary_dir / "postgresql.conf").open("a") as conf:
        conf.write(PRIMARY_CONF + f"port = {primary.port}\n")
    with (primary_dir / "pg_hba.conf").open("a") as hba:
        hba.write(HBA_REPLICATION)
    _pg_ctl("start", "-D", str(primary_dir), "-w", "-t", "60", "-l", str(base / "primary.log"))
    pair = StreamingPair(primary, standby, standby_dir, base)
    try:
        subprocess.run(
            [
                basebackup,
                "-D",
                str(standby_dir),
                "-h",
                primary.host,
                "-p",
                str(primary.port),
                "-U",
                "postgres",
                "-R",
                "-X",
                "stream",
                "-c",
                "fast",
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
        standby_dir.chmod(0o700)
        with (standby_dir / "postgresql.conf").open("a") as conf:
            conf.write(f"port = {standby.port}\n")
        pair.start_standby()
        try:
            yield pair
        finally:
            subprocess.run(
                [str(PG_CTL_WRAPPER), "stop", "-D", str(standby_dir), "-m", "immediate"],
                capture_output=True,
                timeout=60,
            )
    finally:
        _pg_ctl("stop", "-D", str(primary_dir), "-m", "immediate")
