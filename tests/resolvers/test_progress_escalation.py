"""Progress that reaches people: problems and support requests are escalated, and tasks whose
progress trails the time elapsed are flagged lagging (进度滞后) on the task and the board."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from strawberry.relay import to_base64

from core import clock, outbox
from core.settings import Settings
from models import Delivery, Notification, NotificationPreference, Task, User
from models.enums import Channel, NotificationKind, TaskStatus
from resolvers.tasks.lagging import is_lagging
from tests.conftest import GraphQLClient

Q3 = "2024年Q3新品上市推广方案"
REPORT = """mutation($input: ReportProgressInput!) { reportProgress(input: $input) { progress } }"""
LAGGING = "query($code: String!) { task(code: $code) { lagging } }"
BOARD = "query($id: ID!) { requirementBoard(requirementId: $id) { lagging total } }"


@pytest.fixture(autouse=True)
def _worker_runs_when_told(monkeypatch: pytest.MonkeyPatch) -> None:
    """Staged messages wait in the outbox until the test looks at them."""
    monkeypatch.setattr(outbox, "kick", lambda: None)


async def visual() -> Task:
    """The demo's design task, in progress, assigned to design_staff (initiator market_staff)."""
    return await Task.get(requirement__title=Q3, title="完成主视觉图初稿")


def report(task: Task, **fields: Any) -> dict[str, Any]:
    return {
        "input": {
            "taskId": to_base64("Task", task.id),
            "percent": 60,
            "summary": "横版主视觉定稿，竖版进行中",
            **fields,
        }
    }


async def issue_recipients() -> list[str]:
    names = await Notification.filter(kind=NotificationKind.PROGRESS_ISSUE).values_list(
        "recipient__username", flat=True
    )
    return sorted(str(name) for name in names)


async def test_problems_and_support_needed_reach_the_head_and_the_initiator(
    client: GraphQLClient, demo: None, settings: Settings
) -> None:
    settings.smtp_host = "127.0.0.1"  # e-mail on (the outbox is not run)
    task = await visual()
    # given the design head wants progress problems by e-mail too
    head = await User.get(username="design_head")
    await NotificationPreference.create(
        user=head, kind=NotificationKind.PROGRESS_ISSUE, channels=[Channel.EMAIL]
    )
    assignee = await client.sign_in("design_staff")
    # when the assignee reports a problem and asks for support
    await assignee.data(
        REPORT,
        report(task, problems="竖版尺寸待确认", supportNeeded="销售部确认门店物料尺寸"),
    )
    # then the executing department's head and the initiator are told, not the reporter
    assert await issue_recipients() == ["design_head", "market_staff"]
    told = await Notification.get(kind=NotificationKind.PROGRESS_ISSUE, recipient=head)
    assert "竖版尺寸待确认" in told.body and "销售部确认门店物料尺寸" in told.body
    assert told.subject_code == task.code
    # and the head's e-mail goes through the same delivery path
    assert await Delivery.filter(channel=Channel.EMAIL, target=head.email).count() == 1


async def test_support_needed_alone_is_escalated_too(client: GraphQLClient, demo: None) -> None:
    task = await visual()
    assignee = await client.sign_in("design_staff")
    await assignee.data(REPORT, report(task, supportNeeded="需要市场部提供品牌色值"))
    assert await issue_recipients() == ["design_head", "market_staff"]
    body = (
        await Notification.get(
            kind=NotificationKind.PROGRESS_ISSUE, recipient__username="market_staff"
        )
    ).body
    assert "问题：无" in body and "需要市场部提供品牌色值" in body


async def test_a_plain_report_and_a_refused_one_tell_nobody(
    client: GraphQLClient, demo: None
) -> None:
    task = await visual()
    # a report without problems or support needed escalates nothing
    assignee = await client.sign_in("design_staff")
    await assignee.data(REPORT, report(task, problems="  ", supportNeeded=""))
    # someone else's report is refused and escalates nothing either
    other = await client.sign_in("market_staff")
    assert await other.error_code(REPORT, report(task, problems="我来报个问题")) == "FORBIDDEN"
    outsider = await client.sign_in("it_head")
    assert await outsider.error_code(REPORT, report(task, problems="外部人员")) == "NOT_FOUND"
    assert await issue_recipients() == []


async def plan(task: Task, *, started_days_ago: int, due_in_days: int, progress: int) -> Task:
    """Give the task a plan around today and a progress."""
    today = clock.today()
    await Task.filter(id=task.id).update(
        start_date=today - timedelta(days=started_days_ago),
        deadline=clock.now() + timedelta(days=due_in_days),
        progress=progress,
    )
    return await Task.get(id=task.id)


async def test_a_task_trailing_the_elapsed_time_by_the_margin_is_lagging_on_task_and_board(
    client: GraphQLClient, demo: None, settings: Settings
) -> None:
    task = await visual()
    initiator = await client.sign_in("market_staff")
    board_id = {"id": to_base64("Requirement", task.requirement_id)}
    # given about half of the planned time gone and 25% done: under 30 points behind
    await plan(task, started_days_ago=10, due_in_days=10, progress=25)
    assert (await initiator.data(LAGGING, {"code": task.code}))["task"] == {"lagging": False}
    before = (await initiator.data(BOARD, board_id))["requirementBoard"]["lagging"]
    # when only 10% is done: 40 points behind
    await plan(task, started_days_ago=10, due_in_days=10, progress=10)
    # then the task is lagging, and the board counts it
    assert (await initiator.data(LAGGING, {"code": task.code}))["task"] == {"lagging": True}
    assert (await initiator.data(BOARD, board_id))["requirementBoard"]["lagging"] == before + 1
    # and a wider margin set by the operator clears it
    settings.lagging_margin_points = 50
    assert (await initiator.data(LAGGING, {"code": task.code}))["task"] == {"lagging": False}
    # an outsider does not see the task
    assert await (await client.sign_in("it_head")).error_code(LAGGING, {"code": task.code}) == (
        "NOT_FOUND"
    )


def test_completed_unplanned_or_not_yet_begun_tasks_never_lag() -> None:
    now = clock.now()
    base: dict[str, Any] = {
        "status": TaskStatus.IN_PROGRESS,
        "start_date": date(2026, 11, 1),
        "deadline": now + timedelta(days=1),
        "progress": 0,
    }
    assert is_lagging(Task(**base), now, 30)
    assert not is_lagging(Task(**{**base, "status": TaskStatus.COMPLETED}), now, 30)
    assert not is_lagging(Task(**{**base, "deadline": None}), now, 30)
    assert not is_lagging(Task(**{**base, "start_date": None, "started_at": None}), now, 30)
    assert not is_lagging(Task(**{**base, "start_date": now.date() + timedelta(days=2)}), now, 30)
