"""The generated collaboration task list (协作任务清单): claims become draft tasks.

When the admin confirms initiation, every task a department claimed in its approval of the
final round becomes a draft task of that department (待分配: no responsible person and no
deadline yet), which the initiator or the admin completes with ``updateTask``. A requirement
made from a scenario template also gets the template's tasks and response-limit work
orders, with deadlines (``resolvers/templates/tasks.py``). Work cannot start while a draft
still has nobody responsible.
"""

from __future__ import annotations

from tortoise.backends.base.client import BaseDBAsyncClient

from models import Requirement, Review, Task
from models.enums import ReviewDecision, TaskStatus
from resolvers import audit, codes
from resolvers.access.auth import Viewer
from resolvers.errors import InvalidTransition
from resolvers.templates.tasks import add_template_tasks


async def generate_draft_tasks(
    viewer: Viewer, requirement: Requirement, conn: BaseDBAsyncClient
) -> list[Task]:
    """Draft tasks from the claims of the round that approved ``requirement``, then the
    tasks of the template version it was made with (if any)."""
    reviews = (
        await Review.filter(
            requirement_id=requirement.id,
            round__number=requirement.current_round,
            decision=ReviewDecision.APPROVE,
        )
        .using_db(conn)
        .order_by("id")
    )
    drafts: list[Task] = []
    for review in reviews:
        for claim in dict.fromkeys(review.claimed_tasks):
            code, seq = await codes.next_task_code(requirement.code, conn)
            drafts.append(
                await Task.create(
                    code=code,
                    seq=seq,
                    requirement_id=requirement.id,
                    title=claim[:200],
                    executing_department_id=review.department_id,
                    status=TaskStatus.PENDING,
                    using_db=conn,
                )
            )
    drafts += await add_template_tasks(requirement, conn)
    if drafts:
        await audit.record(
            viewer,
            "requirement.generate_tasks",
            "Requirement",
            requirement.id,
            subject_code=requirement.code,
            note=", ".join(task.code for task in drafts),
            using_db=conn,
        )
    return drafts


async def ensure_every_task_has_someone(requirement: Requirement, conn: BaseDBAsyncClient) -> None:
    """Refuse to start the work while a draft task has no responsible person."""
    unassigned = (
        await Task.filter(requirement_id=requirement.id, assignee_id=None)
        .using_db(conn)
        .values_list("code", flat=True)
    )
    if unassigned:
        raise InvalidTransition(
            "仍有待分配的任务未指定责任人 (tasks without a responsible person: "
            + ", ".join(str(code) for code in unassigned)
            + ")",
            status=str(requirement.status),
            action="startTask",
        )
