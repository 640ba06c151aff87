"""The HTML page of the monthly Collaboration Analysis Report (协作分析报告).

One self-contained file: inline CSS and inline SVG charts, no script and no external
resource, so it opens offline, prints, and can be mailed on. Every text from the database
(feedback, suggestions, names) is escaped.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta
from html import escape
from typing import Any

from core import clock
from core.charts import PALETTE, Series, horizontal_bars, shade
from models.enums import FeedbackKind, SuggestionStatus, TaskStatus
from resolvers.reports import aggregates as reports
from resolvers.reports.analysis_month import MonthAnalysis

TASK_STATUS_LABELS = {
    TaskStatus.PENDING: "待执行",
    TaskStatus.IN_PROGRESS: "进行中",
    TaskStatus.SUBMITTED: "待验收",
    TaskStatus.COMPLETED: "已完成",
}
FEEDBACK_LABELS = {
    FeedbackKind.PRAISE: "表扬",
    FeedbackKind.PROBLEM: "问题",
    FeedbackKind.SUGGESTION: "建议",
}
SUGGESTION_LABELS = {
    SuggestionStatus.SUBMITTED: "待评估",
    SuggestionStatus.ADOPTED: "已采纳",
    SuggestionStatus.PLANNED: "计划中",
    SuggestionStatus.REJECTED: "不采纳",
}
NO_DEPARTMENT = "（未填部门）"

_STYLE = """
body{font-family:"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;margin:2em auto;
max-width:960px;color:#222;line-height:1.5;padding:0 1em}
h1{border-bottom:3px solid #4e79a7;padding-bottom:.3em}h1 small{font-size:.5em;color:#666}
h2{margin-top:2em;color:#4e79a7}table{border-collapse:collapse;margin:.8em 0;width:100%}
th,td{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#f3f5f9}td.n{text-align:right;font-variant-numeric:tabular-nums}
.cards{display:flex;flex-wrap:wrap;gap:12px}.card{border:1px solid #ddd;border-radius:6px;
padding:8px 14px;min-width:130px}.card b{display:block;font-size:1.6em}.meta,.note{color:#666}
blockquote{margin:.4em 0;padding:.3em .8em;border-left:4px solid #ccc;background:#fafafa}
@media print{h2{page-break-after:avoid}}
"""


def _cell(value: Any) -> str:
    if value is None:
        return '<td class="n">—</td>'
    if isinstance(value, float):
        return f'<td class="n">{value:.2f}</td>'
    if isinstance(value, int):
        return f'<td class="n">{value}</td>'
    return f"<td>{escape(str(value))}</td>"


def table(headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    body = "".join("<tr>" + "".join(_cell(v) for v in row) + "</tr>" for row in rows)
    if not body:
        body = f'<tr><td colspan="{len(headers)}" class="note">无数据 (no data)</td></tr>'
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def _local(moment: datetime | None) -> str:
    return "" if moment is None else moment.astimezone(clock.BUSINESS_TZ).strftime("%Y-%m-%d")


def _summary(analysis: MonthAnalysis) -> str:
    s = analysis.summary()
    hours = s["averageHoursToAnswer"]
    cards = [
        ("提出需求", s["requirementsRaised"]),
        ("完成需求", s["requirementsCompleted"]),
        ("新建任务", s["tasksCreated"]),
        ("到期任务", s["tasksDue"]),
        ("逾期率", _percent(s["overdueRate"])),
        ("协作请求", s["collaborationRequests"]),
        ("平均响应(小时)", "—" if hours is None else f"{hours:.1f}"),
        ("反馈", s["feedback"]),
        ("优化建议", s["suggestions"]),
    ]
    items = "".join(f'<div class="card"><b>{escape(str(v))}</b>{escape(k)}</div>' for k, v in cards)
    return f'<section id="summary"><h2>概览 Summary</h2><div class="cards">{items}</div></section>'


def _requirements(analysis: MonthAnalysis) -> str:
    rows = analysis.requirements
    chart = horizontal_bars(
        "需求提出与完成",
        [r.department_name for r in rows],
        [
            Series("提出", [r.raised for r in rows], PALETTE[0]),
            Series("完成", [r.completed for r in rows], PALETTE[2]),
        ],
    )
    data = table(
        ["部门 (发起)", "提出", "完成"], [(r.department_name, r.raised, r.completed) for r in rows]
    )
    return (
        '<section id="requirements"><h2>一、需求提出与完成 Requirements</h2>'
        f'<figure class="chart">{chart}</figure>{data}</section>'
    )


def _tasks(analysis: MonthAnalysis) -> str:
    departments = list(dict.fromkeys(r.department_name for r in analysis.tasks))
    counts = {(r.department_name, r.status): r.count for r in analysis.tasks}
    series = [
        Series(label, [counts.get((d, status), 0) for d in departments], PALETTE[i])
        for i, (status, label) in enumerate(TASK_STATUS_LABELS.items())
    ]
    chart = horizontal_bars("任务状态分布", departments, series)

    data = table(
        ["部门 (执行)", *TASK_STATUS_LABELS.values(), "合计"],
        [
            (
                d,
                *(counts.get((d, s), 0) for s in TASK_STATUS_LABELS),
                sum(x.values[i] for x in series),
            )
            for i, d in enumerate(departments)
        ],
    )
    return (
        '<section id="tasks"><h2>二、任务状态 Tasks by status</h2>'
        '<p class="note">本月新建任务按执行部门与当前状态统计。</p>'
        f'<figure class="chart">{chart}</figure>{data}</section>'
    )


def _overdue(analysis: MonthAnalysis) -> str:
    rows = analysis.overdue
    chart = horizontal_bars(
        "逾期率",
        [r.department_name for r in rows],
        [Series("逾期率", [r.overdue_rate or 0.0 for r in rows], PALETTE[3])],
        value_label=lambda v: f"{v * 100:.1f}%",
        maximum=1.0,
    )
    data = table(
        ["部门", "到期任务", "逾期未完成", "逾期完成", "按期完成", "未到期", "逾期率"],
        [
            (
                r.department_name,
                r.tasks,
                r.overdue,
                r.completed_late,
                r.completed_on_time,
                r.not_yet_due,
                _percent(r.overdue_rate),
            )
            for r in rows
        ],
    )
    return (
        '<section id="overdue"><h2>三、各部门逾期率 Overdue rate</h2>'
        '<p class="note">截止日期在本月的任务；'
        "逾期率 = (逾期未完成 + 逾期完成) / 已有结果的任务。</p>"
        f'<figure class="chart">{chart}</figure>{data}</section>'
    )


def _lead_table(title: str, rows: Sequence[reports.LeadTimeRow]) -> str:
    return f"<h3>{escape(title)}</h3>" + table(
        ["部门", "数量", "平均小时"], [(r.department_name, r.count, r.average_hours) for r in rows]
    )


def _lead_times(analysis: MonthAnalysis) -> str:
    review = analysis.review
    chart = horizontal_bars(
        "审核平均用时(小时)",
        [r.department_name for r in review],
        [Series("审核", [r.average_hours or 0.0 for r in review], PALETTE[4])],
    )
    return (
        '<section id="lead-times"><h2>四、审核与验收时效 Review and acceptance lead times</h2>'
        f'<figure class="chart">{chart}</figure>'
        + _lead_table("审核用时：提交/轮次开启 → 签批", review)
        + _lead_table("验收用时：提交成果 → 验收决定", analysis.acceptance)
        + _lead_table("任务周期：开始 → 完成", analysis.task_cycle)
        + _lead_table("需求周期：首次提交 → 完成", analysis.requirement_cycle)
        + "</section>"
    )


def _collaboration(analysis: MonthAnalysis) -> str:
    cells = analysis.collaboration
    askers = list(dict.fromkeys(c.from_department_name or NO_DEPARTMENT for c in cells))
    answerers = list(dict.fromkeys(c.to_department_name for c in cells))
    by_pair = {(c.from_department_name or NO_DEPARTMENT, c.to_department_name): c for c in cells}
    most = max((c.count for c in cells), default=0)
    head = "".join(f"<th>→ {escape(a)}</th>" for a in answerers)
    body = []
    for asker in askers:
        row = [f"<th>{escape(asker)}</th>"]
        for answerer in answerers:
            cell = by_pair.get((asker, answerer))
            if cell is None:
                row.append("<td></td>")
                continue
            hours = cell.average_hours_to_answer
            text = f"{cell.count} 次<br>{'—' if hours is None else f'{hours:.1f} 小时'}"
            if cell.open:
                text += f"<br>待答复 {cell.open}"
            ink = "#fff" if cell.count > most * 0.6 else "#222"  # readable on dark cells
            row.append(f'<td style="background:{shade(cell.count, most)};color:{ink}">{text}</td>')
        body.append("<tr>" + "".join(row) + "</tr>")
    matrix = (
        f"<table><thead><tr><th>请求方 \\ 被请求方</th>{head}</tr></thead>"
        f"<tbody>{''.join(body)}</tbody></table>"
        if cells
        else '<p class="note">本月没有协作请求。</p>'
    )
    return (
        '<section id="collaboration"><h2>五、协作响应矩阵 Collaboration response matrix</h2>'
        '<p class="note">每格：请求次数、平均答复用时、待答复数。</p>'
        f"{matrix}</section>"
    )


def _feedback(analysis: MonthAnalysis) -> str:
    counts = table(
        ["类型", "涉及部门", "数量"],
        [
            (FEEDBACK_LABELS[r.kind], r.department_name or NO_DEPARTMENT, r.count)
            for r in analysis.feedback_counts
        ],
    )
    parts = ['<section id="feedback"><h2>六、反馈汇总 Feedback</h2>', counts]
    for kind, label in FEEDBACK_LABELS.items():
        texts = [f for f in analysis.feedback if f.kind is kind]
        parts.append(f"<h3>{escape(label)}（{len(texts)}）</h3>")
        for f in texts:
            about = f"，涉及{f.departments}" if f.departments else ""
            proposal = f"<br>改进建议：{escape(f.proposal)}" if f.proposal else ""
            parts.append(
                f"<blockquote>{escape(f.content)}{proposal}<br><small>{escape(f.code)} · "
                f"{escape(f.requirement_code)} {escape(f.requirement_title)} · "
                f"{escape(f.author_department)}{escape(about)}</small></blockquote>"
            )
    parts.append("</section>")
    return "".join(parts)


def _suggestions(analysis: MonthAnalysis) -> str:
    data = table(
        ["编号", "部门", "痛点", "建议", "预期效果", "评估", "评估说明", "评估日期"],
        [
            (
                s.code,
                s.department,
                s.pain_point,
                s.proposal,
                s.expected_effect,
                SUGGESTION_LABELS[s.status],
                s.evaluation_note,
                _local(s.evaluated_at),
            )
            for s in analysis.suggestions
        ],
    )
    return f'<section id="suggestions"><h2>七、流程优化建议及评估 Suggestions</h2>{data}</section>'


def render_html(analysis: MonthAnalysis) -> str:
    """The whole report page."""
    period = reports.month_period(*reports.parse_month(analysis.month))
    assert period.start is not None and period.end is not None
    last_day = period.end - timedelta(days=1)
    generated = analysis.generated_at.astimezone(clock.BUSINESS_TZ).strftime("%Y-%m-%d %H:%M")
    return (
        '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">'
        f"<title>{escape(analysis.title)}</title><style>{_STYLE}</style></head><body>"
        f"<h1>{escape(analysis.title)} <small>Collaboration Analysis Report</small></h1>"
        f'<p class="meta">统计周期：{_local(period.start)} 至 {_local(last_day)}（北京时间）'
        f" · 生成时间：{generated}</p>"
        + _summary(analysis)
        + _requirements(analysis)
        + _tasks(analysis)
        + _overdue(analysis)
        + _lead_times(analysis)
        + _collaboration(analysis)
        + _feedback(analysis)
        + _suggestions(analysis)
        + "</body></html>"
    )
