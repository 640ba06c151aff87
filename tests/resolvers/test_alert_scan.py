"""Warnings fire by themselves: a task walked through every rule, each warning once."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime

import time_machine
from tortoise.context import TortoiseContext

from core.clock import BUSINESS_TZ
from core.settings import Settings
from models import (
    CollaborationRequest,
    Department,
    Notification,
    Requirement,
    RequirementDepartment,
    ReviewRound,
    Task,
    TaskResult,
    User,
)
from models.enums import NotificationKind, Priority, RequirementStatus, TaskStatus
from resolvers.alerts.scan import scan

K = NotificationKind


def bj(month: int, day: int, hour: int, minute: int = 0) -> datetime:
    """A Beijing wall-clock time, as the UTC instant the application stores."""
    return datetime(2026, month, day, hour, minute, tzinfo=BUSINESS_TZ).astimezone(UTC)


async def received(kind: NotificationKind) -> Counter[str]:
    names = await Notification.filter(kind=kind).values_list("recipient__username", flat=True)
    return Counter(str(name) for name in names)


async def make_task(
    priority: Priority,
    deadline: datetime,
    *,
    title: str = "完成主视觉图初稿",
    status: TaskStatus = TaskStatus.IN_PROGRESS,
    progress_at: datetime | None = None,
) -> Task:
    initiator = await User.get(username="market_staff")
    with time_machine.travel(bj(7, 1, 9), tick=False):
        requirement = await Requirement.create(
            code=f"XQ202607{await Requirement.all().count() + 100:03d}",
            title="预警测试",
            initiator=initiator,
            initiating_department_id=initiator.department_id,
            status=RequirementStatus.IN_PROGRESS,
        )
        return await Task.create(
            code=f"{requirement.code}-01",
            seq=1,
            requirement=requirement,
            title=title,
            executing_department=await Department.get(code="design"),
            assignee=await User.get(username="design_staff"),
            deadline=deadline,
            priority=priority,
            status=status,
            progress=50,
            started_at=bj(7, 1, 9),
            last_progress_at=progress_at or bj(7, 14, 9),
        )


async def test_a_normal_task_warns_one_day_before_then_escalates_then_is_overdue(
    demo: None, settings: Settings
) -> None:
    await Task.all().delete()  # only this test's task
    await make_task(Priority.NORMAL, bj(7, 15, 18))
    # two days before: nothing yet
    assert (await scan(settings, bj(7, 13, 18))).recorded == 0
    # one day before: due soon, to the assignee, the department head and the initiator
    await scan(settings, bj(7, 14, 18, 5))
    assert await received(K.ALERT_DUE_SOON) == Counter(
        {"design_staff": 1, "design_head": 1, "market_staff": 1}
    )
    body = (await Notification.filter(kind=K.ALERT_DUE_SOON).first()).body  # type: ignore[union-attr]
    assert body == "任务'完成主视觉图初稿'将于07月15日 18:00截止，当前进度50%，请及时跟进"
    # the same scan again, and a second scheduler at the same time: nothing twice
    await scan(settings, bj(7, 14, 18, 5))
    await scan(settings, bj(7, 14, 18, 10))
    assert sum((await received(K.ALERT_DUE_SOON)).values()) == 3
    # six hours before with nothing submitted: escalated to the department head only
    await scan(settings, bj(7, 15, 12, 5))
    assert await received(K.ALERT_ESCALATION) == Counter({"design_head": 1})
    # after the deadline: overdue
    await scan(settings, bj(7, 15, 18, 5))
    assert await received(K.ALERT_OVERDUE) == Counter(
        {"design_staff": 1, "design_head": 1, "market_staff": 1}
    )


async def test_an_urgent_task_warns_three_days_ahead(demo: None, settings: Settings) -> None:
    await Task.all().delete()
    await make_task(Priority.URGENT, bj(7, 20, 18), progress_at=bj(7, 17, 9))
    # the scheduler's scan runs "now": travel to the moments instead of passing them
    with time_machine.travel(bj(7, 17, 17), tick=False):
        await scan(settings)
    assert await received(K.ALERT_DUE_SOON) == Counter()
    with time_machine.travel(bj(7, 17, 18, 5), tick=False):
        await scan(settings)
    assert await received(K.ALERT_DUE_SOON) == Counter(
        {"design_staff": 1, "design_head": 1, "market_staff": 1}
    )


async def test_rescheduling_opens_a_new_instance_of_the_same_warning(
    demo: None, settings: Settings
) -> None:
    await Task.all().delete()
    task = await make_task(Priority.NORMAL, bj(7, 15, 18))
    await scan(settings, bj(7, 14, 18, 5))
    # the deadline moves two days (a reschedule raises the instance)
    with time_machine.travel(bj(7, 14, 19), tick=False):
        await Task.filter(id=task.id).update(
            deadline=bj(7, 17, 18),
            deadline_instance=task.deadline_instance + 1,
            updated_at=bj(7, 14, 19),
        )
    await scan(settings, bj(7, 15, 18, 5))
    assert await received(K.ALERT_OVERDUE) == Counter()
    await scan(settings, bj(7, 16, 18, 5))
    assert (await received(K.ALERT_DUE_SOON))["design_staff"] == 2


async def test_no_progress_for_three_days_is_stale(demo: None, settings: Settings) -> None:
    await Task.all().delete()
    await make_task(Priority.NORMAL, bj(7, 30, 18), progress_at=bj(7, 10, 10))
    assert (await scan(settings, bj(7, 13, 9))).recorded == 0
    await scan(settings, bj(7, 13, 10, 5))
    assert await received(K.ALERT_STALE) == Counter(
        {"design_staff": 1, "design_head": 1, "market_staff": 1}
    )
    # a new progress report starts a new period: stale again three days later
    with time_machine.travel(bj(7, 14, 9), tick=False):
        await Task.all().update(last_progress_at=bj(7, 14, 9), updated_at=bj(7, 14, 9))
    await scan(settings, bj(7, 17, 9, 5))
    assert (await received(K.ALERT_STALE))["design_staff"] == 2


async def test_review_sla_counts_working_days_across_the_national_day_holiday(
    demo: None, settings: Settings
) -> None:
    # given a requirement submitted on 30 September, reviewed by nobody
    initiator = await User.get(username="market_staff")
    with time_machine.travel(bj(9, 30, 10), tick=False):
        requirement = await Requirement.create(
            code="XQ202609901",
            title="国庆前提交的需求",
            initiator=initiator,
            initiating_department_id=initiator.department_id,
            status=RequirementStatus.PENDING_REVIEW,
            current_round=1,
        )
        for code in ("design", "finance"):
            await RequirementDepartment.create(
                requirement=requirement, department=await Department.get(code=code)
            )
        await ReviewRound.create(requirement=requirement, number=1, opened_at=bj(9, 30, 10))
    # three working days are 10-08, 10-09 and the make-up Saturday 10-10
    await scan(settings, bj(10, 9, 10, 5))
    assert await received(K.ALERT_REVIEW_SLA) == Counter()
    await scan(settings, bj(10, 10, 10, 5))
    assert await received(K.ALERT_REVIEW_SLA) == Counter({"design_head": 1, "finance_head": 1})


async def test_acceptance_sla_and_unanswered_collaboration(demo: None, settings: Settings) -> None:
    await Task.all().delete()
    task = await make_task(Priority.NORMAL, bj(10, 20, 18), status=TaskStatus.SUBMITTED)
    await Task.filter(id=task.id).update(submitted_at=bj(9, 30, 16))
    designer = await User.get(username="design_staff")
    await TaskResult.create(task=task, submitted_by=designer, note="", attachment_ids=[])
    await RequirementDepartment.create(
        requirement_id=task.requirement_id, department=await Department.get(code="finance")
    )
    await scan(settings, bj(10, 10, 15))
    assert await received(K.ALERT_ACCEPTANCE_SLA) == Counter()
    await scan(settings, bj(10, 10, 16, 5))
    assert await received(K.ALERT_ACCEPTANCE_SLA) == Counter({"market_staff": 1, "finance_head": 1})
    # a collaboration request to R&D unanswered for 24 hours warns R&D's head
    request = await CollaborationRequest.create(
        task=task,
        requirement_id=task.requirement_id,
        from_user=await User.get(username="design_staff"),
        to_department=await Department.get(code="rnd"),
        content="请提供3D渲染图",
    )
    await CollaborationRequest.filter(id=request.id).update(created_at=bj(10, 12, 9))
    await scan(settings, bj(10, 13, 8))
    assert await received(K.ALERT_COLLABORATION_SLA) == Counter()
    await scan(settings, bj(10, 13, 9, 5))
    assert await received(K.ALERT_COLLABORATION_SLA) == Counter({"rnd_head": 1})


async def test_quiet_hours_hold_warnings_and_deliver_one_digest_per_person(
    demo: None, settings: Settings, db: TortoiseContext
) -> None:
    await Task.all().delete()
    settings.quiet_hours = True
    await make_task(Priority.NORMAL, bj(7, 18, 18), title="任务甲", progress_at=bj(7, 17, 9))
    await make_task(Priority.NORMAL, bj(7, 18, 20), title="任务乙", progress_at=bj(7, 17, 9))
    # found on Friday evening: held, nobody is disturbed
    report = await scan(settings, bj(7, 17, 21))
    assert (report.recorded, report.held) == (2, 2)
    assert await Notification.filter(kind=K.ALERT_DUE_SOON).count() == 0
    # Saturday 18 July is no working day: still held
    await scan(settings, bj(7, 18, 10))
    assert await Notification.filter(kind=K.ALERT_DIGEST).count() == 0
    # Monday 09:00: one digest per person, listing both tasks
    await scan(settings, bj(7, 20, 9, 1))
    assert await received(K.ALERT_DIGEST) == Counter(
        {"design_staff": 1, "design_head": 1, "market_staff": 1}
    )
    digest = await Notification.get(kind=K.ALERT_DIGEST, recipient__username="design_staff")
    assert "任务甲" in digest.body and "任务乙" in digest.body
