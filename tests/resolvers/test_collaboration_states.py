"""Collaboration requests: a required expected response time that warns, and the addressed
department's three answers (answered, answered in part, declined), each with its reason.

Done when a request without an expected time is refused, the COLLABORATION_DUE rule warns
before the expected time while the request is open or answered in part (not once it is
answered or declined), and DECLINED / PARTLY_ANSWERED carry a reason (both backends).
"""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta
from typing import Any

import time_machine

from core.clock import BUSINESS_TZ
from core.settings import Settings
from models import AuditEntry, CollaborationRequest, Department, Notification, WarningRule
from models.enums import CollaborationStatus, NotificationKind, WarningRuleKind
from resolvers.alerts.scan import scan
from tests.conftest import GraphQLClient
from tests.resolvers.test_tasks import dept, gid, q3_task, refused

K = NotificationKind
CREATE = """mutation($input: CreateCollaborationRequestInput!) {
  createCollaborationRequest(input: $input) { id status expectedBy } }"""
ANSWER = """mutation($input: AnswerCollaborationRequestInput!) {
  answerCollaborationRequest(input: $input) { status answer reason answeredBy { username } } }"""
DECLINE = """mutation($input: DeclineCollaborationRequestInput!) {
  declineCollaborationRequest(input: $input) { status answer reason answeredBy { username } } }"""


def bj(month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=BUSINESS_TZ).astimezone(UTC)


async def ask_it(client: GraphQLClient, expected_by: datetime, content: str) -> str:
    """design_staff asks IT for help on the Q3 main visual by ``expected_by``."""
    visual = await q3_task("完成主视觉图初稿")
    requester = await client.sign_in("design_staff")
    created = await requester.data(
        CREATE,
        {
            "input": {
                "taskId": gid("Task", visual.id),
                "toDepartmentId": await dept("it"),
                "content": content,
                "expectedBy": expected_by.isoformat(),
            }
        },
    )
    return str(created["createCollaborationRequest"]["id"])


async def warned(content: str) -> Counter[str]:
    """Who was warned that the request with ``content`` is due."""
    request = await CollaborationRequest.get(content=content)
    names = await Notification.filter(
        kind=K.ALERT_COLLABORATION_DUE, subject_id=request.id
    ).values_list("recipient__username", flat=True)
    return Counter(str(name) for name in names)


async def test_a_request_without_an_expected_time_is_refused_and_nothing_is_written(
    client: GraphQLClient, demo: None
) -> None:
    # given design staff on the Q3 main visual
    visual = await q3_task("完成主视觉图初稿")
    requester = await client.sign_in("design_staff")
    before = await CollaborationRequest.all().count()
    base = {"taskId": gid("Task", visual.id), "toDepartmentId": await dept("it"), "content": "帮忙"}
    # when the request leaves the expected time out, or sends null
    for data in (base, {**base, "expectedBy": None}):
        body = await requester.post(CREATE, {"input": data})
        # then it is refused with a code, and no request exists
        assert body["errors"][0]["extensions"]["code"], body
        assert "expectedBy" in body["errors"][0]["message"]
    assert await CollaborationRequest.all().count() == before


async def test_the_expected_time_warns_while_open_or_partly_answered_only(
    client: GraphQLClient, demo: None, settings: Settings
) -> None:
    # given the rule exists by default: 2 hours ahead, to the addressed head and the asker
    rule = await WarningRule.get(kind=WarningRuleKind.COLLABORATION_DUE)
    assert (rule.threshold_normal, rule.enabled) == (2, True)
    # and at 09:00 four requests to IT, all expected at 15:00
    with time_machine.travel(bj(7, 1, 9), tick=False):
        await ask_it(client, bj(7, 1, 15), "A 开放中")
        partly = await ask_it(client, bj(7, 1, 15), "B 部分答复")
        answered = await ask_it(client, bj(7, 1, 15), "C 已答复")
        declined = await ask_it(client, bj(7, 1, 15), "D 已拒绝")
        it = await client.sign_in("it_staff")
        await it.data(
            ANSWER,
            {
                "input": {
                    "id": partly,
                    "answer": "页面已搭好",
                    "partly": True,
                    "reason": "评审账号明天开通",
                }
            },
        )
        await it.data(ANSWER, {"input": {"id": answered, "answer": "已搭建完成"}})
        await it.data(DECLINE, {"input": {"id": declined, "reason": "本周无空闲人力"}})
    # when the scan runs at 12:55: nothing is due yet
    await scan(settings, bj(7, 1, 12, 55))
    assert await warned("A 开放中") == Counter()
    # when it runs at 13:05, two hours before the expected time
    await scan(settings, bj(7, 1, 13, 5))
    # then the open and the partly answered requests warn the IT head and the asker, once
    assert await warned("A 开放中") == Counter({"it_head": 1, "design_staff": 1})
    assert await warned("B 部分答复") == Counter({"it_head": 1, "design_staff": 1})
    # and the answered and the declined ones do not
    assert await warned("C 已答复") == Counter() and await warned("D 已拒绝") == Counter()
    await scan(settings, bj(7, 1, 14, 0))
    assert sum((await warned("A 开放中")).values()) == 2
    text = await Notification.filter(
        kind=K.ALERT_COLLABORATION_DUE, recipient__username="it_head"
    ).first()
    it_name = (await Department.get(code="it")).name
    assert text is not None and it_name in text.body and "07月01日 15:00" in text.body


async def test_a_partial_answer_names_what_is_open_and_can_be_completed_later(
    client: GraphQLClient, demo: None
) -> None:
    # given a request to IT
    request = await ask_it(client, datetime.now(UTC) + timedelta(days=1), "请搭建评审页面")
    it = await client.sign_in("it_staff")
    # when IT answers in part without saying what is open, it is refused
    assert (
        await refused(
            it, ANSWER, {"input": {"id": request, "answer": "已部分完成", "partly": True}}
        )
    )["field"] == "reason"
    # when it says what is still open
    partial = await it.data(
        ANSWER,
        {
            "input": {
                "id": request,
                "answer": "页面已搭好",
                "partly": True,
                "reason": "评审账号明天开通",
            }
        },
    )
    # then the request is PARTLY_ANSWERED with both, and the asker hears what is open
    assert partial["answerCollaborationRequest"] == {
        "status": "PARTLY_ANSWERED",
        "answer": "页面已搭好",
        "reason": "评审账号明天开通",
        "answeredBy": {"username": "it_staff"},
    }
    heard = await Notification.filter(
        kind=K.COLLABORATION_ANSWERED, recipient__username="design_staff"
    ).first()
    assert heard is not None and "评审账号明天开通" in heard.body
    # and the full answer later settles it
    full = await it.data(ANSWER, {"input": {"id": request, "answer": "账号已开通"}})
    assert full["answerCollaborationRequest"]["status"] == "ANSWERED"
    assert full["answerCollaborationRequest"]["reason"] == ""
    assert await AuditEntry.filter(action="collaboration.partly_answered").count() == 1


async def test_declining_needs_a_reason_and_settles_the_request(
    client: GraphQLClient, demo: None
) -> None:
    # given a request to IT
    request = await ask_it(client, datetime.now(UTC) + timedelta(days=1), "请搭建评审页面")
    it = await client.sign_in("it_staff")
    # when IT declines without a reason, it is refused naming the reason
    assert (await refused(it, DECLINE, {"input": {"id": request, "reason": "  "}}))[
        "field"
    ] == "reason"
    # when it declines saying why
    declined = await it.data(DECLINE, {"input": {"id": request, "reason": "本周无空闲人力"}})
    # then the request is DECLINED with the reason, and the asker is told why
    assert declined["declineCollaborationRequest"] == {
        "status": "DECLINED",
        "answer": "",
        "reason": "本周无空闲人力",
        "answeredBy": {"username": "it_staff"},
    }
    told = await Notification.get(kind=K.COLLABORATION_DECLINED)
    asked = await CollaborationRequest.get(content="请搭建评审页面")
    assert "本周无空闲人力" in told.body and told.recipient_id == asked.from_user_id
    # and a declined request can be neither answered nor declined again
    for query, data in (
        (ANSWER, {"id": request, "answer": "还是帮你做了"}),
        (DECLINE, {"id": request, "reason": "再次拒绝"}),
    ):
        assert (await refused(it, query, {"input": data}))["code"] == "INVALID_TRANSITION"
    assert (await CollaborationRequest.get(id=asked.id)).status == CollaborationStatus.DECLINED


async def test_only_the_addressed_department_may_decline(client: GraphQLClient, demo: None) -> None:
    # given a request to IT
    request = await ask_it(client, datetime.now(UTC) + timedelta(days=1), "请搭建评审页面")
    refusal: dict[str, Any] = {"input": {"id": request, "reason": "不想做"}}
    # when the asker, or a member of another involved department, declines it
    for username in ("design_staff", "finance_staff"):
        other = await client.sign_in(username)
        code = (await refused(other, DECLINE, refusal))["code"]
        # then it is refused, and the request stays open
        assert code in {"FORBIDDEN", "NOT_FOUND"}, username
    asked = await CollaborationRequest.get(content="请搭建评审页面")
    assert asked.status == CollaborationStatus.OPEN
