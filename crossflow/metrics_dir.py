"""The folder ``prometheus_client`` shares between server processes (``serve --workers``).

Kept apart from ``core.metrics``: the variable must be set before
``prometheus_client`` is imported, in the parent, so every worker inherits it.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

ENV = "PROMETHEUS_MULTIPROC_DIR"


def prepare_multiprocess_metrics() -> Path:
    """Use ``$PROMETHEUS_MULTIPROC_DIR`` (emptied: old files would add old counts) or a new
    temporary folder, and export it to the worker processes."""
    given = os.environ.get(ENV)
    folder = Path(given) if given else Path(tempfile.mkdtemp(prefix="crossflow-metrics-"))
    folder.mkdir(parents=True, exist_ok=True)
    for stale in folder.glob("*.db"):
        stale.unlink()
    os.environ[ENV] = str(folder)
    return folder
