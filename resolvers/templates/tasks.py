"""The tasks a scenario template adds to the generated task list on confirmation (确认立项).

They are read from the snapshot of the template version the requirement was made with, so
a template edited after the requirement was raised changes nothing for it. Two kinds:

- the template's task list: "design: main visual draft, 10 days after initiation" becomes
  a task of the design department due 10 calendar days (10 × 24 h) after the instant of
  initiation. Calendar days, because the template's authors count them that way ("10
  days after initiation") and the warning rules measure deadlines in calendar time too;
- the response limits (响应时效): the complaint case's work orders, one task per
  department named after its standard ("质量追溯"), due the limit's hours after initiation,
  with the hours and the standard in its description and acceptance criteria.

Like the claimed tasks they are drafts (待分配): no responsible person yet, so work cannot
start until the initiator or the admin names one (``ensure_every_task_has_someone``). They
carry the requirement's priority, so an urgent complaint's work orders warn as urgent.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient

from models import Requirement, RequirementTemplateVersion, Task
from models.enums import TaskStatus
from resolvers import codes


async def recorded_snapshot(
    requirement: Requirement, conn: BaseDBAsyncClient | None = None
) -> dict[str, Any] | None:
    """The template definition the requirement was made with, if it was made from one."""
    if requirement.template_id is None or requirement.template_version is None:
        return None
    snapshot = await (
        RequirementTemplateVersion.filter(
            template_id=requirement.template_id, version=requirement.template_version
        )
        .using_db(conn)
        .first()
        .values_list("snapshot", flat=True)
    )
    return snapshot if isinstance(snapshot, dict) else None


def planned_tasks(snapshot: dict[str, Any], initiated_at: datetime) -> list[dict[str, Any]]:
    """The template's tasks and response-limit work orders, with their deadlines."""
    planned = [
        {
            "title": row["title"][:200],
            "description": row.get("description", ""),
            "executing_department_id": int(row["departmentId"]),
            "deadline": initiated_at + timedelta(days=int(row["offsetDays"])),
            "acceptance_criteria": "",
        }
        for row in sorted(snapshot.get("tasks", []), key=lambda row: row.get("position", 0))
    ]
    for limit in snapshot.get("responseLimits", []):
        hours = int(limit["hours"])
        standard = limit.get("standard") or "响应"
        planned.append(
            {
                "title": f"{standard}（{hours}小时内响应）"[:200],
                "description": f"响应时效：立项后{hours}小时内（respond within {hours} h）",
                "executing_department_id": int(limit["departmentId"]),
                "deadline": initiated_at + timedelta(hours=hours),
                "acceptance_criteria": f"处理标准：{standard}",
            }
        )
    return planned


async def add_template_tasks(requirement: Requirement, conn: BaseDBAsyncClient) -> list[Task]:
    """Create the draft tasks of the requirement's recorded template version."""
    snapshot = await recorded_snapshot(requirement, conn)
    if snapshot is None or requirement.initiated_at is None:
        return []
    created = []
    for plan in planned_tasks(snapshot, requirement.initiated_at):
        code, seq = await codes.next_task_code(requirement.code, conn)
        created.append(
            await Task.create(
                code=code,
                seq=seq,
                requirement_id=requirement.id,
                status=TaskStatus.PENDING,
                priority=requirement.priority,
                using_db=conn,
                **plan,
            )
        )
    return created
