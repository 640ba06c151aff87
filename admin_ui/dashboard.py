"""The dashboard (仪表盘): the panel's home page, every figure an SQL aggregate.

Tasks by status, overdue (延迟) tasks by executing department, the average review lead
time (submission → round closed) by month, and the requirement board (需求看板) of a
chosen requirement. Each is one GROUP BY statement, so the page costs the same with ten
tasks or a million; Chart.js (served from ``admin_ui/static``, no CDN) draws them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette_admin import CustomView
from starlette_admin.routing import route
from tortoise.connection import get_connection
from tortoise.functions import Count

from admin_ui.auth import admin_viewer
from admin_ui.i18n import enum_label, is_english, t
from models import Department, Requirement, Task
from models.enums import RequirementStatus, TaskStatus
from resolvers.errors import DomainError
from resolvers.listing import overdue_condition
from resolvers.reports.board import requirement_board

#: Beijing is UTC+8 all year (no daylight saving): months are counted in the users' time.
BEIJING_OFFSET_HOURS = 8

_LEAD_TIME_SQL = {
    "sqlite": (
        "SELECT strftime('%Y-%m', opened_at, '+{h} hours') AS month, COUNT(*) AS rounds,"
        " AVG((julianday(closed_at) - julianday(opened_at)) * 24.0) AS hours"
        " FROM review_round WHERE closed_at IS NOT NULL GROUP BY month ORDER BY month"
    ),
    "postgres": (
        "SELECT to_char(opened_at + interval '{h} hours', 'YYYY-MM') AS month,"
        " COUNT(*) AS rounds,"
        " AVG(EXTRACT(EPOCH FROM (closed_at - opened_at)) / 3600.0) AS hours"
        " FROM review_round WHERE closed_at IS NOT NULL GROUP BY month ORDER BY month"
    ),
}

#: Requirements that have a board worth showing (tasks exist from initiation on).
BOARD_STATES = (
    RequirementStatus.INITIATED,
    RequirementStatus.IN_PROGRESS,
    RequirementStatus.COMPLETED,
    RequirementStatus.ARCHIVED,
)


@dataclass
class Series:
    """One chart: labels and values (what Chart.js draws)."""

    labels: list[str]
    values: list[float]

    def as_json(self) -> dict[str, Any]:
        return {"labels": self.labels, "values": self.values}


async def tasks_by_status() -> Series:
    rows = await Task.annotate(n=Count("id")).group_by("status").values("status", "n")
    counts = {str(row["status"]): int(row["n"]) for row in rows}
    return Series(
        labels=[enum_label(TaskStatus, s.value) for s in TaskStatus],
        values=[counts.get(s.value, 0) for s in TaskStatus],
    )


async def overdue_by_department() -> Series:
    rows = (
        await Task.filter(overdue_condition())
        .annotate(n=Count("id"))
        .group_by("executing_department_id")
        .values("executing_department_id", "n")
    )
    counts = {int(row["executing_department_id"]): int(row["n"]) for row in rows}
    departments = await Department.filter(id__in=list(counts)).order_by("sort_order", "id")
    return Series(
        labels=[d.name_en if is_english() and d.name_en else d.name for d in departments],
        values=[counts[d.id] for d in departments],
    )


async def review_lead_time() -> tuple[Series, float | None, int]:
    """Average hours from submission to the round's close, by month; and overall."""
    connection = get_connection("default")
    dialect = "postgres" if connection.capabilities.dialect == "postgres" else "sqlite"
    sql = _LEAD_TIME_SQL[dialect].format(h=BEIJING_OFFSET_HOURS)
    _count, rows = await connection.execute_query(sql)
    months = [dict(row) for row in rows]
    rounds = sum(int(m["rounds"]) for m in months)
    total_hours = sum(float(m["hours"]) * int(m["rounds"]) for m in months)
    series = Series(
        labels=[str(m["month"]) for m in months],
        values=[round(float(m["hours"]), 1) for m in months],
    )
    return series, (round(total_hours / rounds, 1) if rounds else None), rounds


async def board_choices() -> list[tuple[int, str]]:
    """Requirements with a board, the ones still running first, newest first."""
    rows = (
        await Requirement.filter(status__in=BOARD_STATES)
        .order_by("-id")
        .limit(200)
        .values_list("id", "code", "title", "status")
    )
    running = (RequirementStatus.INITIATED, RequirementStatus.IN_PROGRESS)
    rows = sorted(rows, key=lambda row: row[3] not in running)  # stable: keeps newest first
    return [(int(pk), f"{code} {title}") for pk, code, title, _status in rows]


class Dashboard(CustomView):
    """The panel's index page (``/admin/``)."""

    def __init__(self) -> None:
        super().__init__(
            menu_label=t("仪表盘", "Dashboard"),
            icon="fa fa-chart-pie",
            path="/",
            route_name="index",
            add_to_menu=True,
        )

    @route("", methods=["GET"], name="index")
    async def index(self, request: Request) -> Response:
        assert self._admin is not None
        by_status = await tasks_by_status()
        overdue = await overdue_by_department()
        lead_time, average_hours, rounds = await review_lead_time()
        choices = await board_choices()
        chosen = _chosen(request, choices)
        board: dict[str, Any] | None = None
        board_error = None
        if chosen is not None:
            try:
                found = await requirement_board(admin_viewer(request), chosen)
            except DomainError as exc:
                board_error = exc.message
            else:
                board = {
                    "code": found.requirement.code,
                    "title": found.requirement.title,
                    "summary": found.summary,
                    "total": found.total,
                    "delayed": found.delayed,
                    "chart": Series(
                        labels=[enum_label(TaskStatus, s.value) for s in TaskStatus],
                        values=[found.by_status[s] for s in TaskStatus],
                    ).as_json(),
                }
        return self._admin._template_response(
            request,
            "crossflow/dashboard.html",
            {
                "title": self.title(request),
                "charts": {
                    "byStatus": by_status.as_json(),
                    "overdue": overdue.as_json(),
                    "leadTime": lead_time.as_json(),
                    "board": board["chart"] if board else None,
                },
                "total_tasks": int(sum(by_status.values)),
                "overdue_total": int(sum(overdue.values)),
                "average_hours": average_hours,
                "rounds": rounds,
                "choices": choices,
                "chosen": chosen,
                "board": board,
                "board_error": board_error,
            },
        )


def _chosen(request: Request, choices: list[tuple[int, str]]) -> int | None:
    raw = request.query_params.get("requirement")
    if raw and raw.isdigit():
        return int(raw)
    return choices[0][0] if choices else None
