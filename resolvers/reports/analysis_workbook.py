"""The Excel workbook of the monthly Collaboration Analysis Report (协作分析报告).

One sheet per section of the HTML page, with Chinese headers, and native Excel bar charts
(openpyxl) where the page has charts, so the figures can be re-used in slides as they are.
"""

from __future__ import annotations

from typing import Any

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.worksheet.worksheet import Worksheet

from core.tabular import Table, from_rows, plain, workbook_bytes, write_sheet
from resolvers.reports import aggregates as reports
from resolvers.reports.analysis_html import (
    FEEDBACK_LABELS,
    NO_DEPARTMENT,
    SUGGESTION_LABELS,
    TASK_STATUS_LABELS,
)
from resolvers.reports.analysis_month import FeedbackText, MonthAnalysis, SuggestionText

#: The sheets, in order (a test opens the workbook and expects these).
SHEETS = ("概览", "需求", "任务状态", "逾期率", "时效", "协作矩阵", "反馈统计", "反馈", "建议")

_SUMMARY_LABELS = {
    "requirementsRaised": "提出需求",
    "requirementsCompleted": "完成需求",
    "tasksCreated": "新建任务",
    "tasksDue": "到期任务",
    "overdueRate": "逾期率",
    "collaborationRequests": "协作请求",
    "collaborationOpen": "待答复协作请求",
    "averageHoursToAnswer": "协作平均响应(小时)",
    "feedback": "反馈",
    "suggestions": "优化建议",
}


def _bar_chart(sheet: Worksheet, title: str, data_columns: tuple[int, int], anchor: str) -> None:
    """A clustered bar chart of columns ``data_columns`` against the first column."""
    rows = sheet.max_row
    if rows < 2:
        return
    chart = BarChart()
    chart.type = "bar"
    chart.title = title
    chart.height = max(7.5, 0.6 * rows)
    chart.width = 18
    first, last = data_columns
    data = Reference(sheet, min_col=first, max_col=last, min_row=1, max_row=rows)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(Reference(sheet, min_col=1, min_row=2, max_row=rows))
    sheet.add_chart(chart, anchor)


def _summary(sheet: Worksheet, analysis: MonthAnalysis) -> None:
    summary = analysis.summary()
    rows = [{"指标": label, "数值": summary[key]} for key, label in _SUMMARY_LABELS.items()]
    sheet.append([analysis.title])
    write_sheet(sheet, Table(["指标", "数值"], rows))
    sheet.freeze_panes = None


def _tasks(sheet: Worksheet, analysis: MonthAnalysis) -> None:
    departments = list(dict.fromkeys(r.department_name for r in analysis.tasks))
    counts = {(r.department_name, r.status): r.count for r in analysis.tasks}
    labels = list(TASK_STATUS_LABELS.values())
    rows: list[dict[str, Any]] = []
    for department in departments:
        row: dict[str, Any] = {"部门": department}
        for status, label in TASK_STATUS_LABELS.items():
            row[label] = counts.get((department, status), 0)
        row["合计"] = sum(row[label] for label in labels)
        rows.append(row)
    write_sheet(sheet, Table(["部门", *labels, "合计"], rows))
    _bar_chart(sheet, "任务状态分布", (2, 1 + len(labels)), "H2")


def _lead_times(sheet: Worksheet, analysis: MonthAnalysis) -> None:
    sections = (
        ("审核用时(提交→签批)", analysis.review),
        ("验收用时(提交成果→验收)", analysis.acceptance),
        ("任务周期(开始→完成)", analysis.task_cycle),
        ("需求周期(首次提交→完成)", analysis.requirement_cycle),
    )
    rows = [
        {"类别": name, "部门": r.department_name, "数量": r.count, "平均小时": r.average_hours}
        for name, section in sections
        for r in section
    ]
    write_sheet(sheet, Table(["类别", "部门", "数量", "平均小时"], rows))


def _feedback(sheet: Worksheet, texts: list[FeedbackText]) -> None:
    columns = [
        "编号",
        "类型",
        "需求编号",
        "需求",
        "反馈部门",
        "涉及部门",
        "内容",
        "改进建议",
        "时间",
    ]
    rows = [
        dict(
            zip(
                columns,
                (
                    f.code,
                    FEEDBACK_LABELS[f.kind],
                    f.requirement_code,
                    f.requirement_title,
                    f.author_department,
                    f.departments,
                    f.content,
                    f.proposal,
                    plain(f.created_at),
                ),
                strict=True,
            )
        )
        for f in texts
    ]
    write_sheet(sheet, Table(columns, rows))


def _suggestions(sheet: Worksheet, suggestions: list[SuggestionText]) -> None:
    columns = ["编号", "部门", "痛点", "建议", "预期效果", "评估", "评估说明", "评估时间"]
    rows = [
        dict(
            zip(
                columns,
                (
                    s.code,
                    s.department,
                    s.pain_point,
                    s.proposal,
                    s.expected_effect,
                    SUGGESTION_LABELS[s.status],
                    s.evaluation_note,
                    plain(s.evaluated_at),
                ),
                strict=True,
            )
        )
        for s in suggestions
    ]
    write_sheet(sheet, Table(columns, rows))


def render_workbook(analysis: MonthAnalysis) -> bytes:
    """The report as an .xlsx file."""
    workbook = Workbook()
    first = workbook.active
    assert first is not None
    workbook.remove(first)
    sheets = {name: workbook.create_sheet(name) for name in SHEETS}
    _summary(sheets["概览"], analysis)
    write_sheet(
        sheets["需求"],
        from_rows(reports.RequirementFlowRow, analysis.requirements),
        ["部门代码", "部门", "提出", "完成"],
    )
    _bar_chart(sheets["需求"], "需求提出与完成", (3, 4), "G2")
    _tasks(sheets["任务状态"], analysis)
    write_sheet(
        sheets["逾期率"],
        from_rows(reports.OverdueRow, analysis.overdue),
        ["部门代码", "部门", "到期任务", "逾期未完成", "逾期完成", "按期完成", "未到期", "逾期率"],
    )
    for row in sheets["逾期率"].iter_rows(min_row=2, min_col=8, max_col=8):
        row[0].number_format = "0.0%"
    _bar_chart(sheets["逾期率"], "逾期率", (8, 8), "J2")
    _lead_times(sheets["时效"], analysis)
    write_sheet(
        sheets["协作矩阵"],
        from_rows(reports.CollaborationRow, analysis.collaboration),
        [
            "请求部门代码",
            "请求部门",
            "被请求部门代码",
            "被请求部门",
            "次数",
            "已答复",
            "待答复",
            "平均答复小时",
        ],
    )
    counts = from_rows(reports.FeedbackRow, analysis.feedback_counts)
    for row in counts.rows:
        row["kind"] = FEEDBACK_LABELS.get(row["kind"], row["kind"])
        row["departmentName"] = row["departmentName"] or NO_DEPARTMENT
    write_sheet(sheets["反馈统计"], counts, ["类型", "部门代码", "涉及部门", "数量"])
    _feedback(sheets["反馈"], analysis.feedback)
    _suggestions(sheets["建议"], analysis.suggestions)
    return workbook_bytes(workbook)
