"""What operators see of a running server: /metrics, request ids in logs, traces.

One call from the app factory wires all three, so ``crossflow/app.py`` stays about routes.
"""

from __future__ import annotations

from starlette.applications import Starlette
from starlette.routing import Route

from core.logs import RequestId
from core.settings import Settings
from crossflow import tracing
from crossflow.metrics_endpoint import metrics_endpoint
from crossflow.request_metrics import RequestMetrics


def install(app: Starlette, settings: Settings) -> None:
    """Add /metrics, and around everything: traces, request ids, then metrics (innermost)."""
    app.router.routes.insert(0, Route("/metrics", metrics_endpoint, methods=["GET"]))
    app.add_middleware(RequestMetrics)
    app.add_middleware(RequestId)
    app.state.tracer_provider = tracing.setup(app, settings)
