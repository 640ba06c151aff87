"""OpenTelemetry: off by default; with a collector configured, a request produces spans."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
from opentelemetry.instrumentation.asyncpg import AsyncPGInstrumentor
from opentelemetry.instrumentation.redis import RedisInstrumentor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from tortoise.context import TortoiseContext

from core.settings import Settings
from crossflow import tracing
from crossflow.app import create_app


@pytest.fixture(autouse=True)
def _unpatched_libraries() -> Iterator[None]:
    """asyncpg and redis are patched process-wide: undo it for the tests that follow."""
    yield
    for instrumentor in (AsyncPGInstrumentor(), RedisInstrumentor()):
        if instrumentor.is_instrumented_by_opentelemetry:
            instrumentor.uninstrument()


async def test_no_endpoint_no_tracing(
    db: TortoiseContext, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given no collector configured, in the settings or the standard variable
    monkeypatch.delenv("OTEL_EXPORTER_OTLP_ENDPOINT", raising=False)
    # when the app is built, then nothing traces it
    app = create_app(settings, manage_orm=False)
    assert app.state.tracer_provider is None
    assert not any("OpenTelemetry" in m.cls.__name__ for m in app.user_middleware)  # type: ignore[attr-defined]
    assert not AsyncPGInstrumentor().is_instrumented_by_opentelemetry


async def test_a_configured_endpoint_exports_to_the_collector(
    db: TortoiseContext, settings: Settings
) -> None:
    # given a collector's address, when the app is built
    configured = settings.model_copy(update={"otlp_endpoint": "http://collector.internal:4318"})
    app = create_app(configured, manage_orm=False)
    # then its spans go to that collector's OTLP/HTTP traces path
    provider = app.state.tracer_provider
    processor = provider._active_span_processor._span_processors[0]
    exporter = processor._batch_processor._exporter
    assert isinstance(exporter, OTLPSpanExporter)
    assert exporter._endpoint == "http://collector.internal:4318/v1/traces"
    provider.shutdown()


async def test_a_request_produces_spans(db: TortoiseContext, settings: Settings) -> None:
    # given the app traced to an in-memory exporter
    app = create_app(settings, manage_orm=False)
    spans = InMemorySpanExporter()
    provider = tracing.setup(app, settings, exporter=spans)
    assert provider is not None
    # when a GraphQL request and a readiness check arrive
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
        await http.post("/graphql", json={"query": "{ departments { name } }"})
        await http.get("/readyz")
    provider.force_flush()
    # then each request has a server span named after its route, with its status
    finished = spans.get_finished_spans()
    servers = {s.name: s for s in finished if s.kind.name == "SERVER"}
    assert {"POST /graphql", "GET /readyz"} <= set(servers)
    assert servers["GET /readyz"].attributes["http.status_code"] in {200, 503}
    # and on PostgreSQL the readiness check's statement is a span inside its trace
    if not settings.uses_sqlite:
        graphql = servers["GET /readyz"].context.trace_id
        statements = [
            s for s in finished if s.kind.name == "CLIENT" and s.context.trace_id == graphql
        ]
        assert statements, [(s.name, s.kind.name) for s in finished if "http" not in s.name]
    provider.shutdown()
