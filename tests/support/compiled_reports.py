"""Saved and analysis reports in the demo, for the compiled path's equality tests.

The demo has neither. These helpers add them directly in the tables (saving a report and
building a month's are tested with their use cases), varied where the two read paths could
drift: text with quotes, a backslash, a line break and Chinese, a report whose author is
gone, instants with and without microseconds, every build status, and summaries holding
integers, rounded ratios (``1.0`` among them), nulls, nesting and keys of every length (the
order ``jsonb`` keeps them in).
"""

from __future__ import annotations

from datetime import timedelta

from core import clock
from models import AnalysisReport, SavedReport, User
from models.enums import AnalysisReportStatus

#: Headline numbers as ``MonthAnalysis.summary`` writes them, and some it could.
SUMMARIES = [
    {
        "requirementsRaised": 12,
        "requirementsCompleted": 7,
        "tasksCreated": 40,
        "tasksDue": 31,
        "overdueRate": 0.1935,
        "collaborationRequests": 5,
        "collaborationOpen": 1,
        "averageHoursToAnswer": 26.5,
        "feedback": 3,
        "suggestions": 0,
    },
    {"overdueRate": 1.0, "averageHoursToAnswer": None, "tasksDue": 0, "z": [], "a": {}},
    {"注释": '带"引号"\\与\n换行', "nested": {"b": [1, 2.25, None, True], "a": "x"}},
]


async def save_reports() -> list[SavedReport]:
    """Four saved reports of the admin (one whose author left the table empty), the
    second dated to a whole second."""
    admin = await User.get(username="admin")
    reports = []
    for n, (title, description) in enumerate(
        [
            ("逾期率", ""),
            ('the "monthly" view', "每月\n统计"),
            ("部门任务", "a \\ backslash"),
            ("无作者", "saved by someone since removed"),
        ]
    ):
        reports.append(
            await SavedReport.create(
                name=f"saved-{n}",
                title=title,
                description=description,
                document="query($m: String) { reports(filter: {month: $m}) { live } }",
                created_by=admin if n < 3 else None,
            )
        )
    whole_second = clock.now().replace(microsecond=0) - timedelta(days=2)
    await SavedReport.filter(id=reports[1].id).update(created_at=whole_second)
    return reports


async def build_reports() -> list[AnalysisReport]:
    """Months READY, QUEUED by the admin and FAILED, each with a summary of its own; the
    READY one generated at a whole second."""
    admin = await User.get(username="admin")
    now = clock.now()
    rows = [
        ("2026-09", AnalysisReportStatus.READY, None, now.replace(microsecond=0), ""),
        ("2026-10", AnalysisReportStatus.QUEUED, admin, None, ""),
        ("2026-11", AnalysisReportStatus.FAILED, admin, None, 'ValueError: "bad"\nmonth'),
    ]
    reports = []
    for (month, status, requester, generated, error), summary in zip(rows, SUMMARIES, strict=True):
        reports.append(
            await AnalysisReport.create(
                month=month,
                status=status,
                requested_by=requester,
                requested_at=now - timedelta(hours=1) if requester else None,
                generated_at=generated,
                error=error,
                summary=summary,
                html="<html></html>",
            )
        )
    return reports
