"""The monthly Collaboration Analysis Report (协作分析报告): queued, built by the actor,
stored once per month, downloaded as HTML with charts and as a workbook."""

from __future__ import annotations

import io
from datetime import UTC, datetime

import openpyxl
import pytest
from apscheduler.triggers.cron import CronTrigger
from dramatiq.brokers.stub import StubBroker

from core import broker as broker_module
from core import outbox
from core.outbox_message import OutboxMessage, OutboxStatus
from core.security import hash_api_token, new_api_token
from core.settings import Settings
from crossflow import scheduler
from models import AnalysisReport, ApiToken, AuditEntry
from models.enums import AnalysisReportStatus, Role
from resolvers.reports import analysis
from resolvers.reports.analysis_workbook import SHEETS
from tests.conftest import GraphQLClient
from tests.support.report_data import MONTH, build_march

GENERATE = """mutation($month: String!) { generateAnalysisReport(month: $month) {
  id month status generatedAt htmlUrl xlsxUrl requestedBy { username } } }"""
LIST = """{ analysisReports { totalCount edges { node {
  month status summary generatedAt htmlUrl xlsxUrl error requestedBy { username } } } } }"""


@pytest.fixture(autouse=True)
def _worker_runs_when_told(monkeypatch: pytest.MonkeyPatch) -> None:
    """Staged messages wait in the outbox until the test runs them (``outbox.run_inline``)."""
    monkeypatch.setattr(outbox, "kick", lambda: None)


def bearer(token: str | None) -> dict[str, str]:
    return {"authorization": f"Bearer {token}"} if token else {}


async def bi_token() -> str:
    raw = new_api_token()
    await ApiToken.create(name="BI", token_hash=hash_api_token(raw), prefix=raw[:8], role=Role.BI)
    return raw


async def test_the_admin_queues_a_month_and_the_actor_builds_it(
    client: GraphQLClient, demo: None
) -> None:
    # given a month of collaboration
    await build_march()
    admin = await client.sign_in("admin")
    # when the admin asks for its report
    queued = (await admin.data(GENERATE, {"month": MONTH}))["generateAnalysisReport"]
    # then it is queued, with the job staged in the outbox and the request audited
    assert queued["status"] == "QUEUED" and queued["htmlUrl"] is None
    assert queued["requestedBy"] == {"username": "admin"}
    message = await OutboxMessage.get(actor="build_analysis_report")
    assert message.args == [MONTH]
    assert await AuditEntry.filter(action="analysis_report.generate", subject_code=MONTH).exists()
    # and when the actor runs, the report is stored and ready
    await outbox.run_inline()
    listed = (await admin.data(LIST))["analysisReports"]
    assert listed["totalCount"] == 1
    report = listed["edges"][0]["node"]
    assert report["status"] == "READY" and report["error"] == ""
    assert report["requestedBy"] == {"username": "admin"}
    assert report["htmlUrl"] == f"/reports/analysis/{MONTH}.html"
    assert report["summary"] == {
        "requirementsRaised": 2,
        "requirementsCompleted": 2,
        "tasksCreated": 6,
        "tasksDue": 5,
        "overdueRate": 0.8,
        "collaborationRequests": 5,
        "collaborationOpen": 2,
        "averageHoursToAnswer": 10.67,
        "feedback": 4,
        "suggestions": 2,
    }
    # the HTML page: the Chinese title, charts drawn inline, the texts, nothing external
    page = await client.http.get(report["htmlUrl"], headers=bearer(admin.token))
    assert page.status_code == 200
    assert page.headers["content-type"] == "text/html; charset=utf-8"
    assert "sandbox" in page.headers["content-security-policy"]
    html = page.text
    assert "2025年3月 协作分析报告" in html
    assert html.count("<svg") >= 4
    assert "PRAISE：design_staff的反馈" in html and "合并重复审批" in html and "下月起执行" in html
    assert "http://" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "<script" not in html
    # the workbook opens with the expected sheets and figures
    book = await client.http.get(report["xlsxUrl"], headers=bearer(admin.token))
    workbook = openpyxl.load_workbook(io.BytesIO(book.content))
    assert tuple(workbook.sheetnames) == SHEETS
    tasks = [list(row) for row in workbook["任务状态"].iter_rows(values_only=True)]
    assert tasks == [
        ["部门", "待执行", "进行中", "待验收", "已完成", "合计"],
        ["销售部", 1, 1, 1, 0, 3],
        ["设计部", 0, 1, 0, 2, 3],
    ]
    assert workbook["任务状态"]._charts and workbook["逾期率"]._charts
    assert [row[1] for row in workbook["建议"].iter_rows(min_row=2, values_only=True)] == [
        "行政部",
        "行政部",
    ]


async def test_building_again_replaces_the_month(client: GraphQLClient, demo: None) -> None:
    await build_march()
    first = await analysis.build_analysis_report(MONTH)
    admin = await client.sign_in("admin")
    await admin.data(GENERATE, {"month": MONTH})
    row = await AnalysisReport.get(month=MONTH)
    # while the rebuild is queued the earlier report stays downloadable
    assert row.status == AnalysisReportStatus.QUEUED
    still = await client.http.get(f"/reports/analysis/{MONTH}.html", headers=bearer(admin.token))
    assert still.status_code == 200
    await outbox.run_inline()
    rebuilt = await AnalysisReport.get(month=MONTH)
    assert rebuilt.id == first.id and rebuilt.status == AnalysisReportStatus.READY
    assert rebuilt.generated_at is not None and first.generated_at is not None
    assert rebuilt.generated_at >= first.generated_at
    assert await AnalysisReport.all().count() == 1


async def test_a_failed_build_is_recorded_and_the_old_report_kept(
    client: GraphQLClient, demo: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    await analysis.build_analysis_report(MONTH)

    def broken(_: object) -> str:
        raise RuntimeError("chart exploded")

    monkeypatch.setattr("resolvers.reports.analysis_html.render_html", broken)
    admin = await client.sign_in("admin")
    await admin.data(GENERATE, {"month": MONTH})
    await outbox.run_inline()  # the actor fails: the message goes back for a retry
    row = await AnalysisReport.get(month=MONTH)
    assert row.status == AnalysisReportStatus.FAILED
    assert "chart exploded" in row.error
    assert await OutboxMessage.filter(status=OutboxStatus.PENDING).exists()
    kept = await client.http.get(f"/reports/analysis/{MONTH}.xlsx", headers=bearer(admin.token))
    assert kept.status_code == 200


@pytest.mark.parametrize("username", ["ceo", "design_head", "design_staff", "bi"])
async def test_only_the_admin_generates(client: GraphQLClient, demo: None, username: str) -> None:
    caller = (
        GraphQLClient(client.http, await bi_token())
        if username == "bi"
        else await client.sign_in(username)
    )
    assert await caller.error_code(GENERATE, {"month": MONTH}) == "FORBIDDEN"
    assert not await AnalysisReport.exists()


async def test_a_month_must_be_a_past_or_current_month(client: GraphQLClient, demo: None) -> None:
    admin = await client.sign_in("admin")
    for month in ("2025-13", "march", "2999-01"):
        body = await admin.post(GENERATE, {"month": month})
        assert body["errors"][0]["extensions"] == {"code": "BAD_USER_INPUT", "field": "month"}


@pytest.mark.parametrize(
    ("username", "allowed"),
    [
        ("admin", True),
        ("ceo", True),
        ("design_head", False),
        ("design_staff", False),
        ("bi", False),
    ],
)
async def test_admin_and_executive_list_and_download(
    client: GraphQLClient, demo: None, username: str, allowed: bool
) -> None:
    await analysis.build_analysis_report(MONTH)
    caller = (
        GraphQLClient(client.http, await bi_token())
        if username == "bi"
        else await client.sign_in(username)
    )
    page = await client.http.get(f"/reports/analysis/{MONTH}.html", headers=bearer(caller.token))
    if allowed:
        assert (await caller.data(LIST))["analysisReports"]["totalCount"] == 1
        assert page.status_code == 200
    else:
        assert await caller.error_code(LIST) == "FORBIDDEN"
        assert page.status_code == 403


async def test_downloads_of_missing_months_and_without_token(
    client: GraphQLClient, demo: None
) -> None:
    admin = await client.sign_in("admin")
    missing = await client.http.get("/reports/analysis/2024-01.html", headers=bearer(admin.token))
    assert missing.status_code == 404
    not_a_month = await client.http.get("/reports/analysis/x.html", headers=bearer(admin.token))
    assert not_a_month.status_code == 404
    assert (await client.http.get(f"/reports/analysis/{MONTH}.pdf")).status_code == 404
    assert (await client.http.get(f"/reports/analysis/{MONTH}.html")).status_code == 401


def test_the_previous_month_is_the_beijing_month_before() -> None:
    # 1 March 00:30 in Beijing is still 28 February in UTC: the month before is February
    assert analysis.previous_month(datetime(2026, 2, 28, 16, 30, tzinfo=UTC)) == "2026-02"
    assert analysis.previous_month(datetime(2026, 1, 1, 3, tzinfo=UTC)) == "2025-12"


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
async def test_the_scheduler_enqueues_last_month_on_the_first_at_one(settings: Settings) -> None:
    # given the server's scheduler (the embedded worker takes the messages)
    jobs = scheduler.build_scheduler(settings, inline=False)
    job = jobs.get_job("analysis-report")
    assert job is not None and isinstance(job.trigger, CronTrigger)
    after = datetime(2026, 10, 15, tzinfo=UTC)
    fire = job.trigger.get_next_fire_time(None, after)
    assert fire is not None
    assert fire.astimezone(UTC) == datetime(2026, 10, 31, 17, tzinfo=UTC)  # 1 Nov 01:00 +08:00
    # when the job runs, the month before reaches the broker for the actor
    broker = broker_module.install(StubBroker())
    broker.declare_queue("default")
    await scheduler._enqueue_monthly_report()
    queued = broker.queues["default"].get_nowait()
    assert b"build_analysis_report" in queued and analysis.previous_month().encode() in queued
    assert scheduler.build_scheduler(settings, inline=True).get_job("analysis-report")
