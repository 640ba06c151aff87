"""Reports read side by side run as one statement, with the rows each gives alone.

``resolvers/reports/batch.py`` gathers the statements of one request's reports into one
``SELECT`` on PostgreSQL; SQLite runs them one by one. Both paths must give every report the
rows, values and order it has when read by itself, live and from a snapshot's cells.
"""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from models import Department
from resolvers.reports import aggregates, cells
from resolvers.reports.aggregates import BUILT_IN, ReportScope
from resolvers.reports.snapshots import SnapshotChoice, forget
from tests.conftest import GraphQLClient
from tests.support.report_data import build_march
from tests.support.sql_log import counted_statements
from workers.reports import refresh_reports


async def _scopes() -> list[ReportScope]:
    """The whole of March 2025 for every department, and for design alone (a head's)."""
    design = await Department.get(code="design")
    march = aggregates.month_period(2025, 3)
    return [
        ReportScope(march, None, SnapshotChoice()),
        ReportScope(march, frozenset({design.id}), SnapshotChoice()),
    ]


def _fresh(scope: ReportScope) -> ReportScope:
    """The same request again: its own snapshot lookup and batch, nothing summed kept."""
    cells._summed.clear()
    return ReportScope(scope.period, scope.departments, SnapshotChoice())


async def _alone(scope: ReportScope) -> dict[str, list[Any]]:
    """Each report read by itself, in a request of its own."""
    return {name: await report.function(_fresh(scope)) for name, report in BUILT_IN.items()}


async def _together(scope: ReportScope) -> tuple[dict[str, list[Any]], list[str]]:
    """Every report read side by side in one request, and the statements that cost."""
    shared = _fresh(scope)
    assert shared.snapshot is not None
    await shared.snapshot.get()  # looked up once per request, before its reports
    with counted_statements() as statements:
        found = await asyncio.gather(*(report.function(shared) for report in BUILT_IN.values()))
    return dict(zip(BUILT_IN, found, strict=True)), statements


async def _read_alike(backend: str, from_cells: bool) -> None:
    """For a head's scope and the whole company: alone and together, the same rows, read
    from the snapshot's cells or else from the tables."""
    for scope in await _scopes():
        # when the nine reports are read alone, and then side by side in one request
        alone = await _alone(scope)
        together, statements = await _together(scope)
        # then each gives the same rows in the same order
        assert together == alone
        assert any(alone.values())
        # and side by side they cost one statement on PostgreSQL, one each on SQLite
        assert len(statements) == (1 if backend == "postgres" else len(BUILT_IN)), statements
        assert all(("report_cell" in s) == from_cells for s in statements), statements


async def test_reports_read_together_give_the_rows_they_give_alone(
    client: GraphQLClient, demo: None, backend: str
) -> None:
    # given a month with known figures, computed live
    await build_march()
    await _read_alike(backend, from_cells=False)


@pytest.mark.parametrize("backend", ["postgres"], indirect=True)
async def test_reports_from_a_snapshot_read_together_give_the_rows_they_give_alone(
    client: GraphQLClient, demo: None, backend: str
) -> None:
    # given a month with known figures, refreshed into a snapshot (PostgreSQL's)
    await build_march()
    forget()
    await refresh_reports.fn.__wrapped__()  # type: ignore[attr-defined]
    await _read_alike(backend, from_cells=True)
