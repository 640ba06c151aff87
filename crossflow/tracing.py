"""OpenTelemetry traces, off unless an OTLP endpoint is configured.

``CROSSFLOW_OTLP_ENDPOINT`` (or the standard ``OTEL_EXPORTER_OTLP_ENDPOINT``) names an
OTLP/HTTP collector, e.g. ``http://otel-collector:4318``. Then every HTTP request gets a
server span (Starlette), with child spans for its PostgreSQL statements (asyncpg) and
Redis commands; spans are batched and sent in the background. Nothing of OpenTelemetry is
imported when no endpoint is set: a server without a collector pays nothing.
"""

from __future__ import annotations

import logging
import os
from typing import TYPE_CHECKING

from starlette.applications import Starlette

from core.settings import Settings

if TYPE_CHECKING:
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import SpanExporter

log = logging.getLogger(__name__)
SERVICE_NAME = "crossflow"


def endpoint(settings: Settings) -> str | None:
    """The configured collector, CrossFlow's setting first."""
    return settings.otlp_endpoint or os.environ.get("OTEL_EXPORTER_OTLP_ENDPOINT") or None


def setup(
    app: Starlette, settings: Settings, exporter: SpanExporter | None = None
) -> TracerProvider | None:
    """Trace ``app`` to the configured collector (or to ``exporter``); None when off."""
    collector = endpoint(settings)
    if exporter is None and collector is None:
        return None
    from opentelemetry.instrumentation.asyncpg import AsyncPGInstrumentor
    from opentelemetry.instrumentation.redis import RedisInstrumentor
    from opentelemetry.instrumentation.starlette import StarletteInstrumentor
    from opentelemetry.sdk.resources import Resource
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import BatchSpanProcessor

    if exporter is None:
        from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter

        # The standard variable is read by the exporter itself (with its own path rules).
        own = settings.otlp_endpoint
        exporter = OTLPSpanExporter(endpoint=f"{own.rstrip('/')}/v1/traces" if own else None)
    provider = TracerProvider(resource=Resource.create({"service.name": SERVICE_NAME}))
    provider.add_span_processor(BatchSpanProcessor(exporter))
    StarletteInstrumentor.instrument_app(app, tracer_provider=provider)
    # Library patches are process-wide: the first app of the process decides their provider.
    for instrumentor in (AsyncPGInstrumentor(), RedisInstrumentor()):
        if not instrumentor.is_instrumented_by_opentelemetry:
            instrumentor.instrument(tracer_provider=provider)
    log.info("tracing to %s", collector or type(exporter).__name__)
    return provider
