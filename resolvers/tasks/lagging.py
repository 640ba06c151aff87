"""Lagging tasks (进度滞后): progress that trails the share of the time already elapsed.

A task whose plan started at ``start`` and ends at its deadline is lagging when the share of
that time already gone, in points, exceeds its reported progress by the margin or more
(``CROSSFLOW_LAGGING_MARGIN_POINTS``, 30 by default, the source's "进度滞后30%"). Completed
tasks and tasks without a start or a deadline never lag.
"""

from __future__ import annotations

from datetime import datetime

from core import clock
from core.settings import get_settings
from models import Task
from models.enums import TaskStatus
from resolvers.tasks.lifecycle import start_of


def planned_start(task: Task) -> datetime | None:
    """When the plan began: the start date (Beijing), else when work started."""
    if task.start_date is not None:
        return start_of(task.start_date)
    return task.started_at


def is_lagging(task: Task, now: datetime | None = None, margin: int | None = None) -> bool:
    """Whether the task's progress trails the elapsed time by ``margin`` points or more."""
    start, deadline = planned_start(task), task.deadline
    if task.status == TaskStatus.COMPLETED or start is None or deadline is None:
        return False
    moment = now or clock.now()
    if deadline <= start or moment <= start:
        return False
    elapsed = min(100.0, (moment - start) / (deadline - start) * 100)
    points = get_settings().lagging_margin_points if margin is None else margin
    return elapsed - task.progress >= points
