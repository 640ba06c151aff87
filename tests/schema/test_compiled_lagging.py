"""``Task.lagging`` (进度滞后) on the compiled path (issue 19): the arithmetic of
``resolvers/tasks/lagging.py`` written in SQL (``schema/compiled/sql.py``).

The Q3 launch's tasks get plans around now that fall on each side of every rule: half the
time gone with little or enough done, a start date (a Beijing midnight) or only the moment
work started, a deadline passed (the share capped at 100), a plan not begun yet, a deadline
at or before the start, no deadline, a completed task. The tasks, one task and the
requirement's tasks run through both servers of ``tests/schema/conftest.py`` for six kinds
of viewer: the answers must be the same JSON, and the compiled path must give each itself.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from core import clock
from models import Requirement, Task
from models.enums import TaskStatus
from tests.conftest import GraphQLClient
from tests.resolvers.test_acceptance_group import Q3
from tests.schema.test_compiled_lists import Requests, answered_alike

pytestmark = pytest.mark.postgres

PAGE = "{ tasks(first: 50) { edges { node { code title lagging progress } } } }"
TASK = "query($code: String!) { task(code: $code) { code lagging isOverdue } }"
REQUIREMENT = """query($code: String!) { requirement(code: $code) { code
  tasks { title lagging latestProgress { percent } } } }"""
DAY = timedelta(days=1)


def _plans() -> dict[str, dict[str, Any]]:
    """Plans by title, and whether each lags (a margin of 30 points)."""
    now, today = clock.now(), clock.today()
    return {
        "半程仅一成": {"start_date": today - 10 * DAY, "deadline": now + 10 * DAY, "progress": 10},
        "半程过四成": {"start_date": today - 10 * DAY, "deadline": now + 10 * DAY, "progress": 40},
        "已开工落后": {"started_at": now - 6 * DAY, "deadline": now + 2 * DAY, "progress": 5},
        "已过期六成": {"start_date": today - 5 * DAY, "deadline": now - DAY, "progress": 60},
        "已过期八成": {"start_date": today - 5 * DAY, "deadline": now - DAY, "progress": 80},
        "尚未开始": {"start_date": today + 2 * DAY, "deadline": now + 9 * DAY, "progress": 0},
        "截止早于开始": {"start_date": today, "deadline": now - 3 * DAY, "progress": 0},
        "没有截止": {"start_date": today - 3 * DAY, "deadline": None, "progress": 0},
        "已完成": {
            "start_date": today - 9 * DAY,
            "deadline": now - DAY,
            "progress": 0,
            "status": TaskStatus.COMPLETED,
        },
    }


LAGGING = {"半程仅一成", "已开工落后", "已过期六成"}


async def _planned() -> Requirement:
    """The Q3 launch with a task per plan (its first task's fields copied)."""
    q3 = await Requirement.get(title=Q3)
    first = await Task.filter(requirement_id=q3.id).order_by("seq").first()
    assert first is not None
    for n, (title, plan) in enumerate(_plans().items()):
        await Task.create(
            requirement_id=q3.id,
            seq=100 + n,
            code=f"RW2099{n:04d}",
            title=title,
            executing_department_id=first.executing_department_id,
            assignee_id=first.assignee_id,
            status=plan.pop("status", TaskStatus.IN_PROGRESS),
            **{"start_date": None, "started_at": None, **plan},
        )
    return q3


@pytest.mark.parametrize("backend", ["postgres"], indirect=True)
async def test_lagging_answers_as_the_generic_executor(
    apps: tuple[GraphQLClient, GraphQLClient],
) -> None:
    # given tasks on either side of each rule of lagging
    q3 = await _planned()
    codes = await Task.filter(title__in=list(_plans())).values_list("code", flat=True)
    requests: Requests = [(PAGE, {}), (REQUIREMENT, {"code": q3.code})]
    requests += [(TASK, {"code": code}) for code in codes]
    # when both servers answer for every kind of viewer
    answers = await answered_alike(apps, requests)
    # then the answers are the same (in answered_alike), and exactly the trailing ones lag
    tasks = answers["admin", 1]["data"]["requirement"]["tasks"]
    planned = {task["title"]: task["lagging"] for task in tasks if task["title"] in _plans()}
    assert planned == {title: title in LAGGING for title in _plans()}
