"""Report snapshots: refreshed figures equal the live ones for every viewer, and say how fresh.

The snapshot (``resolvers/reports/snapshots.py``) is PostgreSQL's; on SQLite the reports
stay live. Live answers are taken with no snapshot stored, which is how a reader finds the
database before the first refresh.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from strawberry.relay import to_base64

from models import Department, ReportCell, ReportSnapshot, Task
from models.enums import TaskStatus
from resolvers.reports import snapshots
from tests.conftest import GraphQLClient
from tests.resolvers.test_reports import EVERYTHING, MARCH, bi_client
from tests.support.report_data import MONTH, at, build_march
from workers.reports import refresh_reports

FRESHNESS = "{ reports { asOf live tasksByStatus { count } } }"
READERS = ["admin", "ceo", "design_head", "rnd_head", "bi"]


async def _filters() -> list[dict[str, Any] | None]:
    design = await Department.get(code="design")
    return [
        None,
        MARCH,
        {"filter": {"from": "2025-03-03", "to": "2025-03-04"}},
        {"filter": {"to": "2025-03-05"}},
        {"filter": {"from": "2025-02-01", "to": "2025-04-30"}},
        {"filter": {"month": MONTH, "departmentIds": [to_base64("Department", design.id)]}},
    ]


async def _answers(client: GraphQLClient) -> dict[tuple[str, int], Any]:
    """Every reader's reports under every filter, without the freshness fields."""
    answers: dict[tuple[str, int], Any] = {}
    filters = await _filters()
    for username in READERS:
        reader = await bi_client(client) if username == "bi" else await client.sign_in(username)
        for index, variables in enumerate(filters):
            answers[username, index] = await reader.data(EVERYTHING, variables)
    return answers


async def _more_writes(built: dict[str, Any]) -> None:
    """Changes after a refresh: new tasks in new departments, a status and a deadline moved."""
    builder = built["builder"]
    for index, code in enumerate(["it", "legal", "design", "sales"] * 2):
        task = await builder.task(
            built["r1"], code, TaskStatus.PENDING, at(3, 10 + index), at(3, 12 + index)
        )
        await builder.collaboration(task, code, "design", at(3, 13), index % 3 or None)
    await Task.filter(id=built["t3"].id).update(status=TaskStatus.COMPLETED, completed_at=at(3, 16))
    await Task.filter(id=built["t5"].id).update(deadline=at(3, 2))


@pytest.mark.parametrize("backend", ["postgres"], indirect=True)
async def test_refreshed_figures_equal_the_live_ones_for_every_viewer(
    client: GraphQLClient, demo: None
) -> None:
    # given a month of known data, answered live before any refresh
    built = await build_march()
    live = await _answers(client)
    # when the worker refreshes the snapshot
    await refresh_reports.fn.__wrapped__()  # type: ignore[attr-defined]
    # then every reader gets the same figures from it, under every filter
    assert await _answers(client) == live
    # given more writes: the snapshot still answers, as of its refresh
    await _more_writes(built)
    assert await _answers(client) == live
    # when the figures are computed live again (no snapshot), then refreshed
    await ReportSnapshot.all().delete()
    snapshots.forget()
    live_after = await _answers(client)
    assert live_after != live
    await snapshots.refresh()
    # then the refreshed figures equal the new live ones
    assert await _answers(client) == live_after


@pytest.mark.parametrize("backend", ["postgres"], indirect=True)
async def test_the_response_says_how_fresh_the_figures_are(
    client: GraphQLClient, demo: None
) -> None:
    # given no refresh yet: the figures are live, as of the request
    await build_march()
    admin = await client.sign_in("admin")
    before = datetime.now(UTC)
    first = (await admin.data(FRESHNESS))["reports"]
    assert first["live"] is True
    assert datetime.fromisoformat(first["asOf"]) >= before
    # when the worker refreshes twice
    one = await snapshots.refresh()
    two = await snapshots.refresh()
    assert one is not None and two is not None and two.id > one.id
    # then the figures come from the newest snapshot, as of its refresh
    second = (await admin.data(FRESHNESS))["reports"]
    assert second["live"] is False
    assert datetime.fromisoformat(second["asOf"]) == two.refreshed_at
    assert second["tasksByStatus"] == first["tasksByStatus"]
    # and only the newest two snapshots are kept, with their cells
    three = await snapshots.refresh()
    assert three is not None
    kept = await ReportSnapshot.all().order_by("id").values_list("id", flat=True)
    assert kept == [two.id, three.id]
    assert set(await ReportCell.all().distinct().values_list("snapshot_id", flat=True)) == {
        two.id,
        three.id,
    }


@pytest.mark.parametrize("backend", ["postgres"], indirect=True)
async def test_a_download_says_how_fresh_its_figures_are(client: GraphQLClient, demo: None) -> None:
    # given the March data and a BI tool's token
    await build_march()
    bi = await bi_client(client)
    path = "/reports/overdue-by-department.json"
    headers = {"authorization": f"Bearer {bi.token}"}
    # when it downloads a report before the first refresh, then after one
    live = await client.http.get(path, params={"month": MONTH}, headers=headers)
    snapshot = await snapshots.refresh()
    refreshed = await client.http.get(path, params={"month": MONTH}, headers=headers)
    # then the same figures come, the first computed live, the second as of the refresh
    assert live.status_code == refreshed.status_code == 200
    assert live.json() == refreshed.json()
    assert live.headers["x-crossflow-report-live"] == "true"
    assert refreshed.headers["x-crossflow-report-live"] == "false"
    assert snapshot is not None
    as_of = datetime.fromisoformat(refreshed.headers["x-crossflow-report-as-of"])
    assert as_of == snapshot.refreshed_at


@pytest.mark.parametrize("username", ["design_staff", None])
async def test_an_employee_gets_no_report_from_the_snapshot_either(
    client: GraphQLClient, demo: None, username: str | None
) -> None:
    # given a refreshed snapshot (a no-op on SQLite)
    await build_march()
    await snapshots.refresh()
    caller = await client.sign_in(username) if username else client
    # when an employee or an anonymous caller asks, then they are refused
    body = await caller.post(EVERYTHING, MARCH)
    assert body["data"] == {"reports": None}
    assert body["errors"][0]["extensions"]["code"] == (
        "FORBIDDEN" if username else "UNAUTHENTICATED"
    )


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
async def test_sqlite_reports_stay_live(client: GraphQLClient, demo: None) -> None:
    # given SQLite, where a refresh does nothing
    await build_march()
    assert await snapshots.refresh() is None
    # when the admin asks, then the figures are computed live
    reports = (await (await client.sign_in("admin")).data(FRESHNESS))["reports"]
    assert reports["live"] is True
    assert await ReportSnapshot.all().count() == 0
