"""Starting CrossFlow's real processes (server, worker) for end-to-end tests."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

REPOSITORY = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def crossflow_process(
    args: list[str], env: dict[str, str], cwd: Path, log_path: Path
) -> Iterator[subprocess.Popen[bytes]]:
    """Run ``crossflow ARGS`` until the block ends; its output goes to ``log_path``."""
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "crossflow", *args],
            cwd=cwd,
            env={**os.environ, "PYTHONPATH": str(REPOSITORY), **env},
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: workers fork children
        )
        try:
            yield process
        finally:
            if process.poll() is None:
                signal_group(process, signal.SIGTERM)
                try:
                    process.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    signal_group(process, signal.SIGKILL)
                    process.wait()


def signal_group(process: subprocess.Popen[bytes], sig: signal.Signals) -> None:
    """Send ``sig`` to the process and every child it forked."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, sig)


def wait_until_ready(base_url: str, process: subprocess.Popen[bytes], log_path: Path) -> float:
    """Seconds until ``/readyz`` answers 200; fails with the process log if it never does."""
    started = time.monotonic()
    while time.monotonic() - started < 60:
        if process.poll() is not None:
            raise AssertionError(f"process exited early:\n{log_path.read_text(errors='replace')}")
        try:
            if httpx.get(f"{base_url}/readyz", timeout=1).status_code == 200:
                return time.monotonic() - started
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    raise AssertionError(f"not ready after 60 s:\n{log_path.read_text(errors='replace')}")
