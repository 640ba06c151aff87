"""Step 2 of the process: split a requirement into tasks (the task form), and the helpers
every task use case shares (the task in its requirement's context, instants in UTC).

Each task has exactly one responsible person (责任人). Doing the task (starting it,
reporting progress) is in ``resolvers/tasks/work.py``; rescheduling, the other way a
task's deadline moves, lives with the board in ``resolvers/reports/board.py`` (step 4).
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import UTC, date, datetime, time

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from core import clock, outbox
from core.queries import int_column
from models import Department, Requirement, Task, TaskAssistingDepartment, User
from models.enums import NotificationKind, Priority, RequirementStatus, TaskStatus
from resolvers import audit, codes
from resolvers.access import policy
from resolvers.access.auth import Viewer
from resolvers.errors import BadUserInput
from resolvers.notifications.notify import notify_about
from resolvers.notifications.texts import beijing_time
from resolvers.workflow import (
    check_version,
    ensure_state,
    ensure_writable,
    load_visible,
    snapshot,
)

S = TaskStatus
R = RequirementStatus
#: Tasks are planned once the requirement is initiated, and while it runs.
PLANNABLE = (R.INITIATED, R.IN_PROGRESS)
#: Every task status but COMPLETED: accepted work is not edited or rescheduled.
UNFINISHED = (S.PENDING, S.IN_PROGRESS, S.SUBMITTED)
TEXT_LIMITS = {
    "description": ("description", 10_000),
    "acceptance_criteria": ("acceptanceCriteria", 5_000),
}
NOTE_LIMIT = 5_000


@dataclass
class TaskForm:
    """The task form's fields; ``None`` leaves a field unchanged on update."""

    title: str | None = None
    description: str | None = None
    executing_department_id: int | None = None
    assignee_id: int | None = None
    assisting_department_ids: list[int] | None = None
    start_date: date | None = None
    deadline: datetime | None = None
    priority: Priority | None = None
    acceptance_criteria: str | None = None
    #: The version the client edited (optimistic concurrency), if it sends one.
    version: int | None = None


#: The task's own columns among the form's fields, in the form's order (written as they
#: are, and the audit log's view of the task); the assisting departments are rows of their
#: own and the version is a check, not a value.
FORM_FIELDS = tuple(
    field.name
    for field in fields(TaskForm)
    if field.name not in ("assisting_department_ids", "version")
)


async def task_in_context(
    viewer: Viewer, task_id: int, conn: BaseDBAsyncClient, *, lock_requirement: bool = False
) -> tuple[Task, Requirement]:
    """The task, row-locked, and its requirement; ``NOT_FOUND`` outside the viewer's scope.

    A task is visible exactly when its requirement is, so the requirement needs no scope
    check of its own. Locks are taken task first, then requirement, in every use case.
    """
    task = await load_visible(Task, viewer, task_id, conn, lock=True)
    query = Requirement.filter(id=task.requirement_id).using_db(conn)
    if lock_requirement:
        query = query.select_for_update()
    return task, await query.get()


def as_utc(moment: datetime | None, field: str) -> datetime | None:
    """An input instant in UTC; a time without a zone is refused (18:00 where?).

    Stored instants are all UTC, because SQLite compares them as text.
    """
    if moment is None:
        return None
    if moment.tzinfo is None:
        raise BadUserInput("时间需带时区 (times need a time zone)", field=field)
    return moment.astimezone(UTC)


def start_of(day: date) -> datetime:
    """The first instant of a business (Beijing) day."""
    return datetime.combine(day, time.min, tzinfo=clock.BUSINESS_TZ)


async def _check_form(form: TaskForm, task: Task | None, conn: BaseDBAsyncClient) -> None:
    """Validate (and normalise) a task form; ``task`` is the row being edited, if any."""
    creating = task is None
    if creating or form.title is not None:
        title = (form.title or "").strip()
        if not 4 <= len(title) <= 200:
            raise BadUserInput(
                "任务名称需具体明确，4到200个字 (a concrete title of 4 to 200 characters)",
                field="title",
            )
        form.title = title
    for name, (input_field, limit) in TEXT_LIMITS.items():
        value = getattr(form, name)
        if value is not None and len(value) > limit:
            raise BadUserInput(f"{input_field}过长 (too long, at most {limit})", field=input_field)
    if creating and form.assignee_id is None:
        raise BadUserInput(
            "每个任务须有且仅有一位责任人 (a task needs exactly one responsible person)",
            field="assigneeId",
        )
    if (
        form.assignee_id is not None
        and not await User.filter(id=form.assignee_id, is_active=True).using_db(conn).exists()
    ):
        raise BadUserInput("责任人不存在或已停用 (no such active user)", field="assigneeId")
    if creating and form.executing_department_id is None:
        raise BadUserInput(
            "请指定执行部门 (name the executing department)", field="executingDepartmentId"
        )
    if (
        form.executing_department_id is not None
        and not await Department.filter(id=form.executing_department_id, is_active=True)
        .using_db(conn)
        .exists()
    ):
        raise BadUserInput("执行部门不存在 (unknown department)", field="executingDepartmentId")
    await _check_assisting(form, task, conn)
    _check_dates(form, task)


async def _check_assisting(form: TaskForm, task: Task | None, conn: BaseDBAsyncClient) -> None:
    """Assisting departments exist, and the executing department is never one of them."""
    executing = form.executing_department_id or (task.executing_department_id if task else None)
    if form.assisting_department_ids is None:
        wanted = [] if task is None else await _assisting_ids(task.id, conn)
    else:
        wanted = form.assisting_department_ids = list(dict.fromkeys(form.assisting_department_ids))
        found = await Department.filter(id__in=wanted, is_active=True).using_db(conn).count()
        if found != len(wanted):
            raise BadUserInput(
                "协助部门不存在 (unknown department)", field="assistingDepartmentIds"
            )
    if executing in wanted:
        raise BadUserInput(
            "执行部门不能同时是协助部门 (the executing department cannot also assist)",
            field="assistingDepartmentIds",
        )


def _check_dates(form: TaskForm, task: Task | None) -> None:
    form.deadline = as_utc(form.deadline, "deadline")
    if form.deadline is not None and form.deadline <= clock.now():
        raise BadUserInput("截止时间不能早于现在 (deadline is in the past)", field="deadline")
    start = form.start_date if form.start_date is not None else (task and task.start_date)
    deadline = form.deadline if form.deadline is not None else (task and task.deadline)
    if start and deadline and deadline <= start_of(start):
        raise BadUserInput(
            "截止时间须晚于开始日期 (the deadline must come after the start date)",
            field="deadline" if form.deadline is not None else "startDate",
        )


async def _assisting_ids(task_id: int, conn: BaseDBAsyncClient) -> list[int]:
    return await int_column(
        TaskAssistingDepartment.filter(task_id=task_id).using_db(conn), "department_id"
    )


async def _set_assisting(task: Task, department_ids: list[int], conn: BaseDBAsyncClient) -> None:
    await TaskAssistingDepartment.filter(task_id=task.id).using_db(conn).delete()
    for department_id in department_ids:
        await TaskAssistingDepartment.create(
            task_id=task.id, department_id=department_id, using_db=conn
        )


async def _notify_assigned(task: Task, conn: BaseDBAsyncClient, actor: Viewer) -> None:
    await notify_about(
        task,
        [task.assignee_id],
        NotificationKind.TASK_ASSIGNED,
        conn,
        exclude=actor.user_id,
        deadline=beijing_time(task.deadline),
    )


def _audit_view(task: Task, assisting: list[int]) -> dict[str, object]:
    return {**snapshot(task, FORM_FIELDS), "assisting_department_ids": sorted(assisting)}


async def create_task(viewer: Viewer, requirement_id: int, form: TaskForm) -> Task:
    """Split off a task (待执行) with its one responsible person, who is notified.

    The requirement's row lock serialises planners of the same requirement; the code
    counter keeps ``RW…-NN`` unique regardless.
    """
    policy.require_writer(viewer)
    async with in_transaction() as conn:
        requirement = await load_visible(Requirement, viewer, requirement_id, conn, lock=True)
        policy.require_initiator_or_admin(viewer, requirement)
        ensure_writable(requirement)
        ensure_state(requirement, PLANNABLE, "createTask")
        await _check_form(form, None, conn)
        code, seq = await codes.next_task_code(requirement.code, conn)
        task = await Task.create(
            code=code,
            seq=seq,
            requirement_id=requirement.id,
            status=S.PENDING,
            using_db=conn,
            **{
                name: getattr(form, name) for name in FORM_FIELDS if getattr(form, name) is not None
            },
        )
        assisting = form.assisting_department_ids or []
        await _set_assisting(task, assisting, conn)
        await audit.record(
            viewer,
            "task.create",
            "Task",
            task.id,
            subject_code=task.code,
            to_state=S.PENDING,
            after=_audit_view(task, assisting),
            using_db=conn,
        )
        await _notify_assigned(task, conn, viewer)
    outbox.kick()
    return task


async def update_task(viewer: Viewer, task_id: int, form: TaskForm) -> Task:
    """Edit a task that is not yet accepted (the initiator or the admin).

    A started task's deadline is not edited here: moving it is a handled delay, recorded
    with reason and solution through ``rescheduleTask``. A new assignee is notified.
    """
    policy.require_writer(viewer)
    async with in_transaction() as conn:
        task, requirement = await task_in_context(viewer, task_id, conn)
        policy.require_initiator_or_admin(viewer, requirement)
        ensure_writable(requirement)
        ensure_state(requirement, PLANNABLE, "updateTask")
        ensure_state(task, UNFINISHED, "updateTask")
        check_version(task, form.version)
        if (
            form.deadline is not None
            and task.deadline is not None
            and task.status != S.PENDING
            and form.deadline != task.deadline
        ):
            raise BadUserInput(
                "已开始的任务调整截止时间请使用调整节点（rescheduleTask），记录原因与解决方案"
                " (a started task's deadline moves through rescheduleTask, with reason and"
                " solution)",
                field="deadline",
                hint="rescheduleTask",
            )
        await _check_form(form, task, conn)
        before = _audit_view(task, await _assisting_ids(task.id, conn))
        previous_assignee = task.assignee_id
        changed = [name for name in FORM_FIELDS if getattr(form, name) is not None]
        for name in changed:
            setattr(task, name, getattr(form, name))
        task.version += 1
        await task.save(using_db=conn, update_fields=[*changed, "version", "updated_at"])
        if form.assisting_department_ids is not None:
            await _set_assisting(task, form.assisting_department_ids, conn)
        await audit.record(
            viewer,
            "task.update",
            "Task",
            task.id,
            subject_code=task.code,
            before=before,
            after=_audit_view(task, await _assisting_ids(task.id, conn)),
            using_db=conn,
        )
        if task.assignee_id != previous_assignee:
            await _notify_assigned(task, conn, viewer)
    outbox.kick()
    return task
