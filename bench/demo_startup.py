"""How long the embedded demo takes from `crossflow demo` to a ready /readyz.

Usage: python bench/demo_startup.py [--runs 5]

Each run starts the demo in a fresh empty folder (migrations, demo data, server start),
so the figure is what a newcomer waits on a first start. Prints each run and the median.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.e2e.processes import free_port


def one_run() -> float:
    port = free_port()
    with tempfile.TemporaryDirectory() as folder:
        started = time.monotonic()
        process = subprocess.Popen(
            [sys.executable, "-m", "crossflow", "demo", "--port", str(port)],
            cwd=folder,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            while time.monotonic() - started < 60:
                try:
                    if httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=1).status_code == 200:
                        return time.monotonic() - started
                except httpx.HTTPError:
                    pass
                time.sleep(0.02)
            raise RuntimeError("the demo did not become ready within 60 s")
        finally:
            process.terminate()
            process.wait(timeout=15)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    runs = [one_run() for _ in range(parser.parse_args().runs)]
    for number, seconds in enumerate(runs, 1):
        print(f"run {number}: {seconds:.2f} s")
    print(f"median: {statistics.median(runs):.2f} s (target: under 5 s)")


if __name__ == "__main__":
    main()
