"""Panel list pages cost a fixed number of SQL statements, whatever the page size (no N+1)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from core import clock
from models import Requirement, Task, User
from models.enums import TaskStatus
from tests.admin_ui.conftest import Panel
from tests.support.sql_log import counted_statements


async def _seed_tasks(count: int) -> None:
    q3 = await Requirement.get(title="2024年Q3新品上市推广方案")
    staff = await User.get(username="design_staff")
    await Task.bulk_create(
        [
            Task(
                code=f"{q3.code}-{100 + n}",
                seq=100 + n,
                requirement_id=q3.id,
                title=f"批量任务{n}",
                executing_department_id=staff.department_id,
                assignee_id=staff.id,
                deadline=clock.now() + timedelta(days=n % 9 - 3),
                status=TaskStatus.IN_PROGRESS,
            )
            for n in range(count)
        ]
    )


async def _statements(panel: Panel, path: str) -> int:
    await panel.get(path)  # warm the per-process caches
    with counted_statements() as statements:
        response = await panel.get(path)
    assert response.status_code == 200
    return len(statements)


@pytest.mark.parametrize("key", ["task", "requirement", "user", "audit-entry"])
async def test_a_list_page_costs_the_same_for_10_or_100_rows(admin_panel: Panel, key: str) -> None:
    await _seed_tasks(60)
    small = await _statements(admin_panel, f"/admin/{key}/list?page_size=10")
    large = await _statements(admin_panel, f"/admin/{key}/list?page_size=100")
    assert small == large, (small, large)


async def test_the_dashboard_costs_the_same_with_more_tasks(admin_panel: Panel) -> None:
    before = await _statements(admin_panel, "/admin/")
    await _seed_tasks(60)
    assert await _statements(admin_panel, "/admin/") == before
