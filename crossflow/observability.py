"""What operators see of a running server: /metrics, request ids in logs, traces.

One call from the app factory wires all three, so ``crossflow/app.py`` stays about routes.
"""

from __future__ import annotations

from starlette.applications import Starlette
from starlette.routing import Route

from crossflow import tracing
from crossflow.logs import RequestId
from crossflow.metrics import metrics_endpoint
from crossflow.request_metrics import RequestMetrics
from crossflow.settings import Settings


def install(app: Starlette, settings: Settings) -> None:
    """Add /metrics, and around everything: traces, request ids, then metrics (innermost)."""
    app.router.routes.insert(0, Route("/metrics", metrics_endpoint, methods=["GET"]))
    app.add_middleware(RequestMetrics)
    app.add_middleware(RequestId)
    app.state.tracer_provider = tracing.setup(app, settings)
