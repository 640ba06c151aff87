"""Step 3: a participant asks another department for help; that department answers."""

from __future__ import annotations

from typing import Any

import pytest

from models import AuditEntry, CollaborationRequest, Notification, Task
from models.enums import CollaborationStatus, NotificationKind, TaskStatus
from tests.conftest import GraphQLClient
from tests.resolvers.test_tasks import dept, gid, later, q3_task, refused

CREATE = """mutation($input: CreateCollaborationRequestInput!) {
  createCollaborationRequest(input: $input) { id status content expectedBy
    fromUser { username } fromDepartment { code } toDepartment { code } task { code } } }"""
ANSWER = """mutation($input: AnswerCollaborationRequestInput!) {
  answerCollaborationRequest(input: $input) {
    status answer answeredAt answeredBy { username } } }"""
TASK = """query($code: String!) { task(code: $code) { title
  collaborationRequests { content status toDepartment { code } } } }"""


async def help_from_it(**overrides: Any) -> dict[str, Any]:
    visual = await q3_task("完成主视觉图初稿")
    return {
        "taskId": gid("Task", visual.id),
        "toDepartmentId": await dept("it"),
        "content": "请协助搭建主视觉在线评审页面",
        "expectedBy": later(1),
        **overrides,
    }


async def ask_it(client: GraphQLClient) -> dict[str, Any]:
    """Given design_staff asked the IT department (not involved so far) for help."""
    requester = await client.sign_in("design_staff")
    created = await requester.data(CREATE, {"input": await help_from_it()})
    return dict(created["createCollaborationRequest"])


async def test_a_participant_asks_a_department_whose_head_and_members_are_notified(
    client: GraphQLClient, demo: None
) -> None:
    visual = await q3_task("完成主视觉图初稿")
    it_staff = await client.sign_in("it_staff")
    # given the IT staff member cannot see the task yet
    assert await it_staff.error_code(TASK, {"code": visual.code}) == "NOT_FOUND"
    # when design asks IT for help
    created = await ask_it(client)
    assert created["status"] == "OPEN"
    assert created["fromUser"] == {"username": "design_staff"}
    assert (created["fromDepartment"], created["toDepartment"]) == (
        {"code": "design"},
        {"code": "it"},
    )
    # then IT's head and members are notified, and they can read the task now
    notified = await Notification.filter(kind=NotificationKind.COLLABORATION_REQUEST).values_list(
        "recipient__username", flat=True
    )
    assert sorted(notified) == ["it_head", "it_staff"]
    task = (await it_staff.data(TASK, {"code": visual.code}))["task"]
    assert {(r["toDepartment"]["code"], r["status"]) for r in task["collaborationRequests"]} == {
        ("rnd", "OPEN"),
        ("it", "OPEN"),
    }
    entry = await AuditEntry.get(action="collaboration.create")
    assert (entry.actor_label, entry.to_state) == ("design_staff", "OPEN")


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"content": "   "}, "content"),
        ({"expectedBy": "2020-01-01T00:00:00+08:00"}, "expectedBy"),
        ({"toDepartmentId": gid("Department", 99_999)}, "toDepartmentId"),
        ({"toDepartmentId": gid("User", 1)}, "toDepartmentId"),
    ],
)
async def test_a_bad_request_is_refused_naming_the_field(
    client: GraphQLClient, demo: None, overrides: dict[str, Any], field: str
) -> None:
    before = await CollaborationRequest.all().count()
    requester = await client.sign_in("design_staff")
    extensions = await refused(requester, CREATE, {"input": await help_from_it(**overrides)})
    assert (extensions["code"], extensions["field"]) == ("BAD_USER_INPUT", field)
    assert await CollaborationRequest.all().count() == before


async def test_an_expected_time_without_a_zone_is_refused(
    client: GraphQLClient, demo: None
) -> None:
    requester = await client.sign_in("design_staff")
    naive = await help_from_it(expectedBy="2099-01-01T18:00:00")
    assert await requester.error_code(CREATE, {"input": naive}) == "BAD_USER_INPUT"
    assert await CollaborationRequest.all().count() == 1


@pytest.mark.parametrize(("username", "code"), [("ceo", "FORBIDDEN"), ("it_head", "NOT_FOUND")])
async def test_only_participants_raise_requests(
    client: GraphQLClient, demo: None, username: str, code: str
) -> None:
    before = await CollaborationRequest.all().count()
    other = await client.sign_in(username)
    assert await other.error_code(CREATE, {"input": await help_from_it()}) == code
    assert await CollaborationRequest.all().count() == before
    assert not await Notification.filter(kind=NotificationKind.COLLABORATION_REQUEST).exists()


async def test_the_addressed_department_answers_once_and_the_requester_is_told(
    client: GraphQLClient, demo: None
) -> None:
    created = await ask_it(client)
    answer = {"input": {"id": created["id"], "answer": "评审页面今晚上线，链接已发群里"}}
    # a participant of another department may read it but not answer; a stranger sees nothing
    assert await (await client.sign_in("design_head")).error_code(ANSWER, answer) == "FORBIDDEN"
    assert await (await client.sign_in("legal_staff")).error_code(ANSWER, answer) == "NOT_FOUND"
    # when an IT member answers
    it_staff = await client.sign_in("it_staff")
    answered = (await it_staff.data(ANSWER, answer))["answerCollaborationRequest"]
    assert answered["status"] == "ANSWERED" and answered["answeredAt"]
    assert answered["answeredBy"] == {"username": "it_staff"}
    # then the requester is notified
    note = await Notification.get(kind=NotificationKind.COLLABORATION_ANSWERED)
    assert (await note.recipient).username == "design_staff"
    assert "评审页面今晚上线" in note.body
    entry = await AuditEntry.get(action="collaboration.answer")
    assert (entry.from_state, entry.to_state) == ("OPEN", "ANSWERED")
    # and a second answer (here by the head) is an invalid transition that changes nothing
    audits = await AuditEntry.all().count()
    again = {"input": {"id": created["id"], "answer": "补充：已加一台服务器"}}
    assert await (await client.sign_in("it_head")).error_code(ANSWER, again) == (
        "INVALID_TRANSITION"
    )
    row = await CollaborationRequest.get(status=CollaborationStatus.ANSWERED)
    assert row.answer == "评审页面今晚上线，链接已发群里"
    assert await AuditEntry.all().count() == audits


async def test_the_head_answers_and_an_empty_answer_is_refused(
    client: GraphQLClient, demo: None
) -> None:
    created = await ask_it(client)
    head = await client.sign_in("it_head")
    extensions = await refused(head, ANSWER, {"input": {"id": created["id"], "answer": " "}})
    assert (extensions["code"], extensions["field"]) == ("BAD_USER_INPUT", "answer")
    answered = await head.data(ANSWER, {"input": {"id": created["id"], "answer": "已安排林涛支持"}})
    assert answered["answerCollaborationRequest"]["answeredBy"] == {"username": "it_head"}


async def test_an_accepted_task_needs_no_more_help(client: GraphQLClient, demo: None) -> None:
    visual = await q3_task("完成主视觉图初稿")
    await Task.filter(id=visual.id).update(status=TaskStatus.COMPLETED)
    before = (await CollaborationRequest.all().count(), await AuditEntry.all().count())
    requester = await client.sign_in("design_staff")
    assert await requester.error_code(CREATE, {"input": await help_from_it()}) == (
        "INVALID_TRANSITION"
    )
    assert (await CollaborationRequest.all().count(), await AuditEntry.all().count()) == before
