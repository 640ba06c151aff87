"""Urgent intake (快速触发): a complaint from a fast-track template starts work at once.

The source's complaint case gives each department a response time ("生产部24小时内质量追溯").
Waiting for the heads' review and the admin's confirmation before any work order exists
would spend that time on paperwork, so a template marked ``urgent_intake`` skips both: the
requirement it makes is initiated (已立项) in the same request, its work orders (the
template's tasks and response limits) are created with their deadlines counted from now and
assigned to each department's on-duty person (值班人) named in the template. From then on
they are ordinary tasks: the warning rules watch their deadlines like any other.

The on-duty person comes from the template version the requirement was made with. One who
has since left the department or was deactivated is passed over for the department's head
(and that head's delegates are told through the head's notifications as usual); a department
with neither keeps its work order unassigned for the initiator or the admin to fill in.
"""

from __future__ import annotations

from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient

from core.queries import int_column
from models import DepartmentHead, Requirement, RequirementDepartment, Task, User
from models.enums import NotificationKind, RequirementStatus
from resolvers import audit
from resolvers.access.auth import Viewer
from resolvers.access.policy import head_ids
from resolvers.notifications.notify import notify_about
from resolvers.notifications.texts import beijing_time
from resolvers.requirements.key_points import require_key_points
from resolvers.templates.tasks import add_template_tasks
from resolvers.workflow import transition


def is_fast_track(snapshot: dict[str, Any]) -> bool:
    """Whether the recorded template version asks for urgent intake."""
    return bool(snapshot.get("urgentIntake"))


async def on_duty_people(snapshot: dict[str, Any], conn: BaseDBAsyncClient) -> dict[int, int]:
    """Who takes each department's work orders: the template's on-duty person while still an
    active member of that department, otherwise the department's head."""
    named = {
        int(row["departmentId"]): int(row["onDutyId"])
        for row in snapshot.get("departments", [])
        if row.get("onDutyId")
    }
    still_there = {
        (int(department), int(user))
        for user, department in await User.filter(id__in=list(named.values()), is_active=True)
        .using_db(conn)
        .values_list("id", "department_id")
        if department is not None
    }
    chosen = {dept: user for dept, user in named.items() if (dept, user) in still_there}
    departments = {int(row["departmentId"]) for row in snapshot.get("departments", [])}
    departments |= {int(row["departmentId"]) for row in snapshot.get("responseLimits", [])}
    departments |= {int(row["departmentId"]) for row in snapshot.get("tasks", [])}
    for dept, user in (
        await DepartmentHead.filter(department_id__in=list(departments - set(chosen)))
        .using_db(conn)
        .values_list("department_id", "user_id")
    ):
        chosen.setdefault(int(dept), int(user))
    return chosen


async def start_urgent_intake(
    viewer: Viewer,
    requirement: Requirement,
    snapshot: dict[str, Any],
    conn: BaseDBAsyncClient,
) -> list[Task]:
    """Initiate a requirement just made from a fast-track template and assign its work
    orders; call it in the creating transaction. The form's key points are required, as
    for a submission, since nobody reviews it before work starts."""
    await require_key_points(requirement)
    await transition(
        viewer,
        requirement,
        RequirementStatus.INITIATED,
        "requirement.urgent_intake",
        conn,
        stamp="initiated_at",
        note=f"template v{requirement.template_version} urgent intake",
    )
    tasks = await add_template_tasks(requirement, conn)
    people = await on_duty_people(snapshot, conn)
    for task in tasks:
        task.assignee_id = people.get(task.executing_department_id)
        if task.assignee_id is None:
            continue
        await task.save(using_db=conn, update_fields=["assignee_id", "updated_at"])
        await notify_about(
            task,
            [task.assignee_id],
            NotificationKind.TASK_ASSIGNED,
            conn,
            exclude=viewer.user_id,
            deadline=beijing_time(task.deadline),
        )
    if tasks:
        await audit.record(
            viewer,
            "requirement.generate_tasks",
            "Requirement",
            requirement.id,
            subject_code=requirement.code,
            note=", ".join(f"{task.code}→{task.assignee_id or '-'}" for task in tasks),
            using_db=conn,
        )
    involved = await int_column(
        RequirementDepartment.filter(requirement_id=requirement.id).using_db(conn),
        "department_id",
    )
    await notify_about(
        requirement,
        [requirement.initiator_id, *await head_ids(involved, conn)],
        NotificationKind.REQUIREMENT_INITIATED,
        conn,
        exclude=viewer.user_id,
    )
    return tasks
