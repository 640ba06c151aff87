"""Kept report answers with a read replica: keyed by the database read, its staleness restated.

On the real streaming replica of ``tests/crossflow/test_replica_reads.py``: a kept answer is
the replica's snapshot for as long as the replica holds no newer one, and each answer says
afresh where it was read and how stale it may be.
"""

from __future__ import annotations

from typing import Any

from crossflow.report_answers import ReportAnswers
from models import Task
from models.enums import TaskStatus
from resolvers.reports import snapshots
from tests.crossflow.test_replica_reads import Site, site, streaming_pair

__all__ = ["site", "streaming_pair"]  # the fixtures, imported to be found by pytest

REPORTS = (
    '{ reports(filter: {month: "2025-03"}) { asOf live'
    " tasksByStatus { departmentCode status count department { code } } } }"
)


def _answers_of(site: Site) -> ReportAnswers:
    app: Any = site.client.http._transport.app  # type: ignore[attr-defined]
    view = next(route.endpoint for route in app.routes if getattr(route, "path", "") == "/graphql")
    answers: ReportAnswers = view.reports
    return answers


async def test_a_kept_report_is_the_replicas_and_says_so_each_time(site: Site) -> None:
    # given a snapshot refreshed on the primary and replayed by the replica
    await snapshots.refresh()
    site.pair.wait_caught_up()
    admin = await site.client.sign_in("admin")
    # when the ADMIN asks for a report twice
    first, second = await admin.post(REPORTS), await admin.post(REPORTS)
    # then the second is the first, kept under the replica, and both say where they read
    assert second["data"] == first["data"] and first["data"]["reports"]["live"] is False
    assert [key.database for key in _answers_of(site)._answers] == ["replica"]
    for body in (first, second):
        assert body["extensions"]["readFrom"]["source"] == "replica"
        assert "errors" not in body
    # given the replica's replay paused, a task completed and a new snapshot on the primary
    site.pair.standby_sql("SELECT pg_wal_replay_pause()")
    await Task.filter(id=site.march["t5"].id).update(status=TaskStatus.COMPLETED)
    await snapshots.refresh()
    site.pair.wait_received()
    # when the report is asked again, then the replica's snapshot answers, said to be stale
    during = await admin.post(REPORTS)
    assert during["data"] == first["data"]
    assert during["extensions"]["readFrom"]["source"] == "replica"
    assert during["extensions"]["readFrom"]["stalenessSeconds"] > 0
    # and once the replica has replayed the new snapshot, its figures
    site.pair.standby_sql("SELECT pg_wal_replay_resume()")
    site.pair.wait_caught_up()
    snapshots.forget()
    after = await admin.post(REPORTS)
    assert after["data"] != first["data"] and after["data"]["reports"]["live"] is False
    assert after["extensions"]["readFrom"]["source"] == "replica"
