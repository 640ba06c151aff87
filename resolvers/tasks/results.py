"""Step 5: results are submitted, the acceptance group decides (``resolvers/tasks/acceptance.py``),
the initiator reports."""

from __future__ import annotations

from dataclasses import dataclass, field

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from core import outbox
from core.queries import int_column
from models import (
    Attachment,
    Requirement,
    RequirementDepartment,
    ResultReport,
    Task,
    TaskAssistingDepartment,
    TaskResult,
    User,
)
from models.enums import NotificationKind, RequirementStatus, TaskStatus
from resolvers.access import policy
from resolvers.access.auth import Viewer
from resolvers.archives.handoffs import tell_admins_of_result_report
from resolvers.errors import BadUserInput, InvalidTransition
from resolvers.notifications.notify import notify_about
from resolvers.tasks.acceptance import pin_versions
from resolvers.workflow import ensure_state, ensure_writable, load_visible, transition

LONG_TEXT = 10_000


def _required(value: str, field_name: str, message: str) -> str:
    text = value.strip()
    if not text:
        raise BadUserInput(message, field=field_name)
    if len(text) > LONG_TEXT:
        raise BadUserInput(f"{field_name}过长 (too long)", field=field_name)
    return text


@dataclass
class ResultSubmission:
    task_id: int
    note: str
    attachment_ids: list[int] = field(default_factory=list)


async def submit_task_result(viewer: Viewer, data: ResultSubmission) -> Task:
    """The assignee hands in deliverables and a completion note (提交成果)."""
    policy.require_writer(viewer)
    note = _required(data.note, "note", "请填写完成说明 (a completion note is required)")
    async with in_transaction() as conn:
        task = await load_visible(Task, viewer, data.task_id, conn, lock=True)
        requirement = await Requirement.get(id=task.requirement_id, using_db=conn)
        policy.require_assignee(viewer, task)
        ensure_writable(requirement)
        ensure_state(task, (TaskStatus.IN_PROGRESS,), "submitTaskResult")
        attachments = list(dict.fromkeys(data.attachment_ids))
        found = (
            await Attachment.filter(id__in=attachments, requirement_id=requirement.id)
            .using_db(conn)
            .count()
        )
        if found != len(attachments):
            raise BadUserInput("附件不属于该需求 (unknown attachment)", field="attachmentIds")
        assert viewer.user_id is not None
        result = await TaskResult.create(
            task_id=task.id,
            submitted_by_id=viewer.user_id,
            note=note,
            attachment_ids=attachments,
            using_db=conn,
        )
        await pin_versions(result, attachments, conn)
        await transition(
            viewer,
            task,
            TaskStatus.SUBMITTED,
            "task.submit_result",
            conn,
            stamp="submitted_at",
            note=note[:500],
        )
        group = (await policy.acceptance_group_ids([result.id], conn))[result.id]
        await notify_about(
            task, group, NotificationKind.RESULT_SUBMITTED, conn, exclude=viewer.user_id
        )
    outbox.kick()
    return task


@dataclass
class ReportInput:
    requirement_id: int
    goal_achievement: str
    contributions: str = ""
    problems: str = ""


async def submit_result_report(viewer: Viewer, data: ReportInput) -> Requirement:
    """The initiator's Collaboration Result Report completes the requirement (已完成).

    Every participant is then asked for feedback (协作反馈表).
    """
    policy.require_writer(viewer)
    goal = _required(
        data.goal_achievement,
        "goalAchievement",
        "请填写目标达成情况 (goal achievement is required)",
    )
    async with in_transaction() as conn:
        requirement = await load_visible(Requirement, viewer, data.requirement_id, conn, lock=True)
        policy.require_initiator(viewer, requirement)
        ensure_writable(requirement)
        ensure_state(requirement, (RequirementStatus.IN_PROGRESS,), "submitResultReport")
        statuses = (
            await Task.filter(requirement_id=requirement.id)
            .using_db(conn)
            .values_list("status", flat=True)
        )
        if not statuses or any(status != TaskStatus.COMPLETED for status in statuses):
            raise InvalidTransition(
                "所有任务验收完成后才能提交成果报告 (every task must be accepted first)",
                status=str(requirement.status),
                action="submitResultReport",
            )
        assert viewer.user_id is not None
        await ResultReport.create(
            requirement_id=requirement.id,
            author_id=viewer.user_id,
            goal_achievement=goal,
            contributions=data.contributions.strip()[:LONG_TEXT],
            problems=data.problems.strip()[:LONG_TEXT],
            using_db=conn,
        )
        await transition(
            viewer,
            requirement,
            RequirementStatus.COMPLETED,
            "requirement.complete",
            conn,
            stamp="completed_at",
        )
        await notify_about(
            requirement,
            await participant_ids(requirement, conn),
            NotificationKind.FEEDBACK_REQUESTED,
            conn,
        )
        await tell_admins_of_result_report(requirement, viewer.user_id, conn)
    outbox.kick()
    return requirement


async def participant_ids(requirement: Requirement, conn: BaseDBAsyncClient) -> list[int]:
    """The people who took part: initiator, assignees, members of involved and assisting
    departments (the ones asked for feedback)."""
    departments = set(
        await int_column(
            RequirementDepartment.filter(requirement_id=requirement.id).using_db(conn),
            "department_id",
        )
    )
    departments |= set(
        await int_column(
            TaskAssistingDepartment.filter(task__requirement_id=requirement.id).using_db(conn),
            "department_id",
        )
    )
    members = await int_column(
        User.filter(department_id__in=list(departments), is_active=True).using_db(conn), "id"
    )
    assignees = await int_column(
        Task.filter(requirement_id=requirement.id, assignee_id__isnull=False).using_db(conn),
        "assignee_id",
    )
    return sorted({requirement.initiator_id, *members, *assignees})
