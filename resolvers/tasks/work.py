"""Step 3 of the process: the assignee starts a task and reports its progress (进度更新).

The first task started starts its requirement; a report with problems or a request for
support is escalated to the head and the initiator (``progress_escalation.py``).
"""

from __future__ import annotations

from dataclasses import dataclass

from tortoise.transactions import in_transaction

from core import outbox
from models import ProgressUpdate, Task
from resolvers import audit
from resolvers.access import policy
from resolvers.access.auth import Viewer
from resolvers.errors import BadUserInput
from resolvers.tasks.lifecycle import NOTE_LIMIT, PLANNABLE, R, S, task_in_context
from resolvers.tasks.progress_escalation import escalate_progress
from resolvers.tasks.task_list import ensure_every_task_has_someone
from resolvers.workflow import ensure_state, ensure_writable, transition

#: "正在做" is not a progress report: the source asks for something concrete.
MIN_SUMMARY = 5


@dataclass
class ProgressReport:
    """A progress update (进度更新): how far, what blocks, what help is needed."""

    task_id: int
    percent: int
    summary: str
    problems: str = ""
    support_needed: str = ""


async def start_task(viewer: Viewer, task_id: int) -> Task:
    """The assignee starts work (进行中); the first started task starts the requirement."""
    policy.require_writer(viewer)
    async with in_transaction() as conn:
        task, requirement = await task_in_context(viewer, task_id, conn, lock_requirement=True)
        policy.require_assignee(viewer, task)
        ensure_writable(requirement)
        ensure_state(requirement, PLANNABLE, "startTask")
        ensure_state(task, (S.PENDING,), "startTask")
        if requirement.status == R.INITIATED:
            await ensure_every_task_has_someone(requirement, conn)
        await transition(viewer, task, S.IN_PROGRESS, "task.start", conn, stamp="started_at")
        if requirement.status == R.INITIATED:
            await transition(
                viewer,
                requirement,
                R.IN_PROGRESS,
                "requirement.start",
                conn,
                note=f"first task started: {task.code}",
            )
    return task


def _check_report(report: ProgressReport) -> None:
    if not 0 <= report.percent <= 100:
        raise BadUserInput("进度须在0到100之间 (percent must be 0-100)", field="percent")
    report.summary = report.summary.strip()
    if len(report.summary) < MIN_SUMMARY:
        raise BadUserInput(
            "请具体说明完成了什么，不少于5个字，不接受“正在做” (say concretely what was done,"
            " at least 5 characters)",
            field="summary",
        )
    report.problems = report.problems.strip()
    report.support_needed = report.support_needed.strip()
    for name, value in (
        ("summary", report.summary),
        ("problems", report.problems),
        ("supportNeeded", report.support_needed),
    ):
        if len(value) > NOTE_LIMIT:
            raise BadUserInput(f"{name}过长 (too long, at most {NOTE_LIMIT})", field=name)


async def report_progress(viewer: Viewer, report: ProgressReport) -> Task:
    """The assignee reports progress; every report is kept and the task shows the latest.
    Problems or a request for support are sent to the head and the initiator.

    The task's row lock orders concurrent reports, so the progress left on the task is
    the one of the report written last, and none is lost.
    """
    policy.require_writer(viewer)
    async with in_transaction() as conn:
        task, requirement = await task_in_context(viewer, report.task_id, conn)
        policy.require_assignee(viewer, task)
        ensure_writable(requirement)
        ensure_state(task, (S.IN_PROGRESS,), "reportProgress")
        _check_report(report)
        assert viewer.user_id is not None
        update = await ProgressUpdate.create(
            task_id=task.id,
            author_id=viewer.user_id,
            percent=report.percent,
            summary=report.summary,
            problems=report.problems,
            support_needed=report.support_needed,
            using_db=conn,
        )
        previous = task.progress
        task.progress = report.percent
        task.last_progress_at = update.created_at
        await task.save(using_db=conn, update_fields=["progress", "last_progress_at", "updated_at"])
        await audit.record(
            viewer,
            "task.progress",
            "Task",
            task.id,
            subject_code=task.code,
            note=f"{previous}% -> {report.percent}%",
            before={"progress": previous},
            after={"progress": report.percent, "progress_update_id": update.id},
            using_db=conn,
        )
        escalated = await escalate_progress(
            viewer, task, requirement, report.percent, report.problems, report.support_needed, conn
        )
    if escalated:
        outbox.kick()
    return task
