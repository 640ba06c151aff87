"""Reschedule requests (延期申请): the assignee asks, ahead of time or flagged late; the
initiator approves (the deadline moves as rescheduleTask moves it) or declines with a note."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest
from strawberry.relay import to_base64

from core import clock, outbox
from models import AuditEntry, Notification, RescheduleRequest, Task, TaskReschedule
from models.enums import NotificationKind, RescheduleRequestStatus
from tests.conftest import GraphQLClient

Q3 = "2024年Q3新品上市推广方案"
ASK = """mutation($input: RequestRescheduleInput!) { requestReschedule(input: $input) {
  id status late reason newDeadline deadlineBefore requestedBy { username } } }"""
DECIDE = """mutation($input: DecideRescheduleRequestInput!) {
  decideRescheduleRequest(input: $input) { status decisionNote decidedBy { username }
    task { deadline rescheduleRequests { status }
      reschedules { reason solution requestedBy { username } } } } }"""


@pytest.fixture(autouse=True)
def _worker_runs_when_told(monkeypatch: pytest.MonkeyPatch) -> None:
    """Staged messages wait in the outbox until the test looks at them."""
    monkeypatch.setattr(outbox, "kick", lambda: None)


async def visual(due_in: timedelta) -> Task:
    """The demo's design task (assignee design_staff, initiator market_staff), due in ``due_in``."""
    task = await Task.get(requirement__title=Q3, title="完成主视觉图初稿")
    await Task.filter(id=task.id).update(deadline=clock.now() + due_in)
    return await Task.get(id=task.id)


def ask(task: Task, **fields: Any) -> dict[str, Any]:
    assert task.deadline is not None
    return {
        "input": {
            "taskId": to_base64("Task", task.id),
            "reason": "竖版尺寸待销售部确认，需等门店反馈",
            "newDeadline": (task.deadline + timedelta(days=3)).isoformat(),
            **fields,
        }
    }


async def told(kind: NotificationKind) -> list[str]:
    names = await Notification.filter(kind=kind).values_list("recipient__username", flat=True)
    return sorted(str(name) for name in names)


async def test_the_assignee_asks_ahead_and_the_initiator_approves(
    client: GraphQLClient, demo: None
) -> None:
    task = await visual(timedelta(days=10))
    assignee = await client.sign_in("design_staff")
    # when the assignee asks ten days ahead
    asked = (await assignee.data(ASK, ask(task)))["requestReschedule"]
    # then the request waits, not late, and the initiator is told
    assert (asked["status"], asked["late"]) == ("PENDING", False)
    assert asked["requestedBy"] == {"username": "design_staff"}
    assert datetime.fromisoformat(asked["deadlineBefore"]) == task.deadline
    assert await told(NotificationKind.RESCHEDULE_REQUESTED) == ["market_staff"]
    # and a second request while one waits is refused
    assert await assignee.error_code(ASK, ask(task)) == "INVALID_TRANSITION"
    # when the initiator approves
    initiator = await client.sign_in("market_staff")
    decided = (await initiator.data(DECIDE, {"input": {"id": asked["id"], "approve": True}}))[
        "decideRescheduleRequest"
    ]
    # then the deadline moved, with the request's reason in the task's history
    assert decided["status"] == "APPROVED" and decided["decidedBy"] == {"username": "market_staff"}
    assert decided["task"]["deadline"] == asked["newDeadline"]
    assert decided["task"]["rescheduleRequests"] == [{"status": "APPROVED"}]
    assert decided["task"]["reschedules"][-1]["reason"] == "竖版尺寸待销售部确认，需等门店反馈"
    # and the history names who asked for it (the assignee), the approver being on the request
    assert decided["task"]["reschedules"][-1]["requestedBy"] == {"username": "design_staff"}
    row = await Task.get(id=task.id)
    assert row.deadline_instance == task.deadline_instance + 1
    # and the assignee is told; the decision is audited
    assert await told(NotificationKind.RESCHEDULE_DECIDED) == ["design_staff"]
    assert await AuditEntry.filter(action="task.reschedule_decision", to_state="APPROVED").exists()
    # and a decided request is not decided again
    again = {"input": {"id": asked["id"], "approve": False, "note": "改主意了"}}
    assert await initiator.error_code(DECIDE, again) == "INVALID_TRANSITION"


async def test_a_request_less_than_a_working_day_ahead_is_accepted_and_flagged_late(
    client: GraphQLClient, demo: None
) -> None:
    task = await visual(timedelta(hours=3))
    assignee = await client.sign_in("design_staff")
    asked = (await assignee.data(ASK, ask(task)))["requestReschedule"]
    assert (asked["status"], asked["late"]) == ("PENDING", True)
    body = (await Notification.get(kind=NotificationKind.RESCHEDULE_REQUESTED)).body
    assert "未提前1个工作日" in body


async def test_the_initiator_declines_with_a_note_and_the_deadline_stays(
    client: GraphQLClient, demo: None
) -> None:
    task = await visual(timedelta(days=5))
    asked = (await (await client.sign_in("design_staff")).data(ASK, ask(task)))["requestReschedule"]
    initiator = await client.sign_in("market_staff")
    # a decline needs a note
    body = await initiator.post(DECIDE, {"input": {"id": asked["id"], "approve": False}})
    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert body["errors"][0]["extensions"]["field"] == "note"
    # when declined with one
    note = "上市日期不能推迟，请按横版先行"
    decided = (
        await initiator.data(DECIDE, {"input": {"id": asked["id"], "approve": False, "note": note}})
    )["decideRescheduleRequest"]
    # then the deadline stays and the assignee reads why
    assert (decided["status"], decided["decisionNote"]) == ("DECLINED", note)
    assert (await Task.get(id=task.id)).deadline == task.deadline
    assert not await TaskReschedule.filter(task_id=task.id).exists()
    decision = await Notification.get(kind=NotificationKind.RESCHEDULE_DECIDED)
    assert note in decision.body


async def test_only_the_assignee_asks_and_only_the_initiator_or_admin_decides(
    client: GraphQLClient, demo: None
) -> None:
    task = await visual(timedelta(days=5))
    # the initiator cannot ask for the assignee, an outsider does not see the task
    initiator = await client.sign_in("market_staff")
    assert await initiator.error_code(ASK, ask(task)) == "FORBIDDEN"
    outsider = await client.sign_in("it_head")
    assert await outsider.error_code(ASK, ask(task)) == "NOT_FOUND"
    assignee = await client.sign_in("design_staff")
    asked = (await assignee.data(ASK, ask(task)))["requestReschedule"]
    approve = {"input": {"id": asked["id"], "approve": True}}
    # the assignee, the executing head and an outsider cannot decide it
    assert await assignee.error_code(DECIDE, approve) == "FORBIDDEN"
    assert await (await client.sign_in("design_head")).error_code(DECIDE, approve) == "FORBIDDEN"
    assert await outsider.error_code(DECIDE, approve) == "NOT_FOUND"
    assert (await RescheduleRequest.get()).status == RescheduleRequestStatus.PENDING
    # the admin may
    admin = await client.sign_in("admin")
    assert (await admin.data(DECIDE, approve))["decideRescheduleRequest"]["status"] == "APPROVED"


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"reason": "   "}, "reason"),
        ({"newDeadline": "2020-01-01T00:00:00+08:00"}, "newDeadline"),
    ],
)
async def test_a_request_needs_a_reason_and_a_later_deadline(
    client: GraphQLClient, demo: None, fields: dict[str, Any], field: str
) -> None:
    task = await visual(timedelta(days=5))
    assignee = await client.sign_in("design_staff")
    body = await assignee.post(ASK, ask(task, **fields))
    error = body["errors"][0]["extensions"]
    assert (error["code"], error["field"]) == ("BAD_USER_INPUT", field)
    # an earlier deadline than the current one is no reschedule request either
    assert task.deadline is not None
    earlier = ask(task, newDeadline=(task.deadline - timedelta(days=1)).isoformat())
    assert (await assignee.post(ASK, earlier))["errors"][0]["extensions"]["field"] == "newDeadline"
    assert not await RescheduleRequest.exists()
