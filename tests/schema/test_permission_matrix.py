"""Every mutation as every kind of caller: exactly the allowed ones succeed.

For each mutation a setup builds a fresh object in the state the mutation needs, then the
mutation runs as each caller. Denials must be FORBIDDEN (or NOT_FOUND for callers who may
not even see the object), UNAUTHENTICATED without a token, and FORBIDDEN for a BI token.
The matrix is about who may act, not about storage, so it runs on SQLite only.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest
from strawberry.relay import to_base64
from tortoise.transactions import in_transaction

from core import clock
from core.security import hash_api_token, new_api_token
from models import (
    ApiToken,
    CollaborationRequest,
    Delegation,
    Department,
    Feedback,
    FeedbackItem,
    FormField,
    Meeting,
    Notification,
    Requirement,
    RequirementDepartment,
    ResultReport,
    ReviewRound,
    Suggestion,
    Task,
    TaskResult,
    User,
)
from models.enums import NotificationKind, RequirementStatus, Role, TaskStatus
from resolvers import codes
from tests.conftest import GraphQLClient

pytestmark = pytest.mark.parametrize("backend", ["sqlite"], indirect=True)

#: caller label -> username (None: anonymous; "bi": a BI API token)
CALLERS = {
    "admin": "admin",
    "ceo": "ceo",
    "initiator": "market_staff",
    "assignee": "design_staff",
    "involved_head": "finance_head",
    "member": "sales_staff",
    "outsider": "legal_staff",
    "outsider_head": "legal_head",
    "bi": "bi",
    "anonymous": None,
}
PEOPLE = {
    "admin",
    "ceo",
    "initiator",
    "assignee",
    "involved_head",
    "member",
    "outsider",
    "outsider_head",
}
PARTICIPANTS = {"initiator", "assignee", "involved_head", "member"}


def gid(kind: str, pk: int) -> str:
    return to_base64(kind, pk)


async def user(username: str) -> User:
    return await User.get(username=username)


async def dept(code: str) -> Department:
    return await Department.get(code=code)


async def requirement(status: RequirementStatus) -> Requirement:
    """A requirement of market_staff involving design, finance and sales, in ``status``."""
    initiator = await user("market_staff")
    async with in_transaction() as conn:
        code = await codes.next_monthly_code(codes.REQUIREMENT, conn)
    row = await Requirement.create(
        code=code,
        title="权限矩阵需求",
        background="权限测试",
        goals="每个调用者按角色放行或拒绝",
        deliverables="权限矩阵",
        acceptance_criteria="矩阵全部通过",
        status=status,
        initiator=initiator,
        initiating_department_id=initiator.department_id,
        current_round=1,
    )
    await RequirementDepartment.create(
        requirement=row, department=await dept("market"), is_lead=True
    )
    for code_ in ("design", "finance", "sales"):
        await RequirementDepartment.create(requirement=row, department=await dept(code_))
    await ReviewRound.create(requirement=row, number=1, opened_at=clock.now())
    return row


async def task(
    status: TaskStatus,
    req_status: RequirementStatus = RequirementStatus.IN_PROGRESS,
) -> Task:
    req = await requirement(req_status)
    return await Task.create(
        code=f"{req.code}-01",
        seq=1,
        requirement=req,
        title="完成主视觉图初稿",
        executing_department=await dept("design"),
        assignee=await user("design_staff"),
        deadline=clock.now() + timedelta(days=5),
        status=status,
    )


@dataclass
class Case:
    document: str
    setup: Callable[[], Awaitable[dict[str, Any]]]
    allowed: set[str]
    upload: bool = False


def later(days: int = 5) -> str:
    return (clock.now() + timedelta(days=days)).isoformat()


async def _create_requirement() -> dict[str, Any]:
    return {
        "input": {
            "title": "新的跨部门需求",
            "involvedDepartmentIds": [
                gid("Department", (await dept(code)).id) for code in ("design", "finance")
            ],
        }
    }


async def _requirement_id(status: RequirementStatus) -> dict[str, Any]:
    return {"id": gid("Requirement", (await requirement(status)).id)}


async def _review() -> dict[str, Any]:
    row = await requirement(RequirementStatus.PENDING_REVIEW)
    return {"input": {"requirementId": gid("Requirement", row.id), "approve": True}}


async def _delegate() -> dict[str, Any]:
    return {
        "input": {
            "delegateId": gid("User", (await user("design_head")).id),  # another head
            "startsAt": clock.now().isoformat(),
            "endsAt": later(3),
        }
    }


async def _pending_review(**extra: Any) -> dict[str, Any]:
    row = await requirement(RequirementStatus.PENDING_REVIEW)
    return {"id": gid("Requirement", row.id), **extra}


async def _add_signer() -> dict[str, Any]:
    return await _pending_review(user=gid("User", (await user("legal_head")).id))


async def _hand_over() -> dict[str, Any]:
    return await _pending_review(user=gid("User", (await user("finance_staff")).id))


async def _remind() -> dict[str, Any]:
    return await _pending_review(dept=gid("Department", (await dept("finance")).id))


async def _revoke() -> dict[str, Any]:
    row = await Delegation.create(
        head=await user("finance_head"),
        delegate=await user("design_head"),
        starts_at=clock.now(),
        ends_at=clock.now() + timedelta(days=3),
    )
    return {"id": gid("Delegation", row.id)}


async def _create_task() -> dict[str, Any]:
    row = await requirement(RequirementStatus.INITIATED)
    return {
        "input": {
            "requirementId": gid("Requirement", row.id),
            "title": "设计部：主视觉",
            "executingDepartmentId": gid("Department", (await dept("design")).id),
            "assigneeId": gid("User", (await user("design_staff")).id),
            "deadline": later(),
        }
    }


async def _task_input(status: TaskStatus, **extra: Any) -> dict[str, Any]:
    row = await task(status)
    return {"input": {"taskId": gid("Task", row.id), **extra}}


async def _task_id(status: TaskStatus) -> dict[str, Any]:
    return {"id": gid("Task", (await task(status)).id)}


async def _update_task() -> dict[str, Any]:
    row = await task(TaskStatus.PENDING)
    return {"input": {"id": gid("Task", row.id), "title": "设计部：主视觉（修订）"}}


async def _collaboration() -> dict[str, Any]:
    return await _task_input(
        TaskStatus.IN_PROGRESS,
        toDepartmentId=gid("Department", (await dept("sales")).id),
        content="请协助",
        expectedBy=later(1),
    )


async def _answer() -> dict[str, Any]:
    row = await task(TaskStatus.IN_PROGRESS)
    request = await CollaborationRequest.create(
        task=row,
        requirement_id=row.requirement_id,
        from_user=await user("design_staff"),
        to_department=await dept("sales"),
        content="请协助",
    )
    return {"input": {"id": gid("CollaborationRequest", request.id), "answer": "已处理"}}


async def _decline() -> dict[str, Any]:
    answer = await _answer()
    return {"input": {"id": answer["input"]["id"], "reason": "本周无人力"}}


async def _meeting() -> dict[str, Any]:
    row = await task(TaskStatus.IN_PROGRESS)
    return {
        "input": {
            "requirementId": gid("Requirement", row.requirement_id),
            "taskId": gid("Task", row.id),
            "title": "延期讨论",
            "startsAt": later(1),
            "durationMinutes": 30,
            "attendeeIds": [gid("User", (await user("design_staff")).id)],
        }
    }


async def _minutes() -> dict[str, Any]:
    row = await task(TaskStatus.IN_PROGRESS)
    meeting = await Meeting.create(
        requirement_id=row.requirement_id,
        task=row,
        organizer=await user("market_staff"),
        title="延期讨论",
        starts_at=clock.now() - timedelta(hours=1),
        uid=f"m{row.id}@test",
    )
    owner = gid("User", (await user("design_staff")).id)
    return {
        "input": {
            "meetingId": gid("Meeting", meeting.id),
            "minutes": "设计部增派1人",
            "decisions": [{"decision": "增派1人", "ownerId": owner}],
        }
    }


async def _review_result() -> dict[str, Any]:
    row = await task(TaskStatus.SUBMITTED)
    await TaskResult.create(task=row, submitted_by=await user("design_staff"), note="完成")
    return {"input": {"taskId": gid("Task", row.id), "accept": True}}


async def _submitted(**extra: str) -> dict[str, Any]:
    row = await task(TaskStatus.SUBMITTED)
    await TaskResult.create(task=row, submitted_by=await user("design_staff"), note="完成")
    return {"id": gid("Task", row.id), **extra}


async def _add_acceptance_signer() -> dict[str, Any]:
    return await _submitted(user=gid("User", (await user("legal_head")).id))


async def _hand_over_acceptance() -> dict[str, Any]:
    return await _submitted(user=gid("User", (await user("finance_staff")).id))


async def _remind_acceptor() -> dict[str, Any]:
    return await _submitted(dept=gid("Department", (await dept("finance")).id))


async def _report() -> dict[str, Any]:
    row = await task(TaskStatus.COMPLETED)
    return {
        "input": {
            "requirementId": gid("Requirement", row.requirement_id),
            "goalAchievement": "按期完成",
        }
    }


async def _archive() -> dict[str, Any]:
    row = await requirement(RequirementStatus.COMPLETED)
    await ResultReport.create(
        requirement_id=row.id, author=await user("market_staff"), goal_achievement="按期完成"
    )
    return {"id": gid("Requirement", row.id)}


async def _feedback() -> dict[str, Any]:
    row = await task(TaskStatus.COMPLETED, RequirementStatus.COMPLETED)
    return {
        "input": {
            "requirementId": gid("Requirement", row.requirement_id),
            "kind": "PRAISE",
            "content": "配合顺畅",
        }
    }


async def _suggestion() -> dict[str, Any]:
    return {"input": {"painPoint": "签批慢", "proposal": "电子签批"}}


async def _evaluate() -> dict[str, Any]:
    row = await Suggestion.create(
        code=f"YJ2099{await Suggestion.all().count():05d}",
        proposer=await user("sales_staff"),
        pain_point="慢",
        proposal="快",
    )
    return {"input": {"id": gid("Suggestion", row.id), "status": "ADOPTED"}}


async def _given_feedback() -> FeedbackItem:
    """A feedback of one item (a problem), as submitFeedback leaves it."""
    row = await task(TaskStatus.COMPLETED, RequirementStatus.COMPLETED)
    given = await Feedback.create(
        code=f"FK2099{await Feedback.all().count():05d}",
        requirement_id=row.requirement_id,
        author=await user("sales_staff"),
        kind="PROBLEM",
        content="数据晚到",
    )
    return await FeedbackItem.create(feedback=given, position=0, kind="PROBLEM", content="数据晚到")


async def _feedback_result() -> dict[str, Any]:
    item = await _given_feedback()
    return {"input": {"id": gid("Feedback", item.feedback_id), "result": "已约定提前5个工作日"}}


async def _feedback_item_result() -> dict[str, Any]:
    item = await _given_feedback()
    return {"input": {"itemId": gid("FeedbackItem", item.id), "result": "已约定提前5个工作日"}}


async def _rule() -> dict[str, Any]:
    return {"input": {"kind": "DUE_SOON", "thresholdUrgent": 4}}


_FIELD_KEYS = iter(range(1_000_000))


async def _new_form_field() -> dict[str, Any]:
    return {"input": {"key": f"f{next(_FIELD_KEYS)}", "label": "预算", "type": "MONEY"}}


async def _form_field() -> dict[str, Any]:
    row = await FormField.create(key=f"f{next(_FIELD_KEYS)}", label="场地", field_type="TEXT")
    return {"id": gid("FormField", row.id), "input": {"id": gid("FormField", row.id)}}


async def _mark_read() -> dict[str, Any]:
    row = await Notification.create(
        recipient=await user("market_staff"), kind=NotificationKind.SYSTEM, title="t"
    )
    return {"ids": [gid("Notification", row.id)]}


async def _upload() -> dict[str, Any]:
    row = await task(TaskStatus.IN_PROGRESS)
    return {
        "input": {
            "file": None,
            "requirementId": gid("Requirement", row.requirement_id),
            "note": "初版",
        }
    }


def M(name: str, args: str, params: str) -> str:
    return f"mutation({params}) {{ {name}({args}) {{ __typename }} }}"


S = RequirementStatus
CASES: dict[str, Case] = {
    "createRequirement": Case(
        M("createRequirement", "input: $input", "$input: CreateRequirementInput!"),
        _create_requirement,
        PEOPLE,
    ),
    "updateRequirement": Case(
        M("updateRequirement", 'input: {id: $id, goals: "新目标"}', "$id: ID!"),
        lambda: _requirement_id(S.DRAFT),
        {"initiator"},
    ),
    "submitRequirement": Case(
        M("submitRequirement", "id: $id", "$id: ID!"),
        lambda: _requirement_id(S.DRAFT),
        {"initiator"},
    ),
    "cancelRequirement": Case(
        M("cancelRequirement", "id: $id", "$id: ID!"),
        lambda: _requirement_id(S.DRAFT),
        {"initiator", "admin"},
    ),
    "reviewRequirement": Case(
        M("reviewRequirement", "input: $input", "$input: ReviewRequirementInput!"),
        _review,
        {"involved_head"},
    ),
    "confirmRequirement": Case(
        M("confirmRequirement", "id: $id", "$id: ID!"),
        lambda: _requirement_id(S.APPROVED),
        {"admin"},
    ),
    "setDelegate": Case(
        M("setDelegate", "input: $input", "$input: SetDelegateInput!"),
        _delegate,
        {"involved_head", "outsider_head"},
    ),
    "setSignOffModes": Case(
        M("setSignOffModes", "requirementId: $id, signoffMode: ANY", "$id: ID!"),
        lambda: _requirement_id(S.DRAFT),
        {"initiator"},
    ),
    "addSigner": Case(
        M("addSigner", "requirementId: $id, userId: $user", "$id: ID!, $user: ID!"),
        _add_signer,
        {"involved_head"},
    ),
    "handOverReview": Case(
        M("handOverReview", "requirementId: $id, toUserId: $user", "$id: ID!, $user: ID!"),
        _hand_over,
        {"involved_head"},
    ),
    "remindReviewer": Case(
        M("remindReviewer", "requirementId: $id, departmentId: $dept", "$id: ID!, $dept: ID!"),
        _remind,
        {"initiator"},
    ),
    "revokeDelegation": Case(
        M("revokeDelegation", "id: $id", "$id: ID!"),
        _revoke,
        {"involved_head", "admin"},
    ),
    "createTask": Case(
        M("createTask", "input: $input", "$input: CreateTaskInput!"),
        _create_task,
        {"initiator", "admin"},
    ),
    "updateTask": Case(
        M("updateTask", "input: $input", "$input: UpdateTaskInput!"),
        _update_task,
        {"initiator", "admin"},
    ),
    "startTask": Case(
        M("startTask", "id: $id", "$id: ID!"), lambda: _task_id(TaskStatus.PENDING), {"assignee"}
    ),
    "reportProgress": Case(
        M("reportProgress", "input: $input", "$input: ReportProgressInput!"),
        lambda: _task_input(TaskStatus.IN_PROGRESS, percent=60, summary="完成两套草图"),
        {"assignee"},
    ),
    "addComment": Case(
        M("addComment", "input: $input", "$input: AddCommentInput!"),
        lambda: _task_input(TaskStatus.IN_PROGRESS, body="进展顺利"),
        PARTICIPANTS,
    ),
    "createCollaborationRequest": Case(
        M(
            "createCollaborationRequest",
            "input: $input",
            "$input: CreateCollaborationRequestInput!",
        ),
        _collaboration,
        PARTICIPANTS,
    ),
    "answerCollaborationRequest": Case(
        M(
            "answerCollaborationRequest",
            "input: $input",
            "$input: AnswerCollaborationRequestInput!",
        ),
        _answer,
        {"member"},
    ),
    "declineCollaborationRequest": Case(
        M(
            "declineCollaborationRequest",
            "input: $input",
            "$input: DeclineCollaborationRequestInput!",
        ),
        _decline,
        {"member"},
    ),
    "rescheduleTask": Case(
        M("rescheduleTask", "input: $input", "$input: RescheduleTaskInput!"),
        lambda: _task_input(
            TaskStatus.IN_PROGRESS, reason="晚到", solution="增派", newDeadline=later(9)
        ),
        {"initiator", "admin"},
    ),
    "scheduleMeeting": Case(
        M("scheduleMeeting", "input: $input", "$input: ScheduleMeetingInput!"),
        _meeting,
        {"initiator", "admin"},
    ),
    "recordMeetingMinutes": Case(
        M("recordMeetingMinutes", "input: $input", "$input: RecordMeetingMinutesInput!"),
        _minutes,
        {"initiator", "admin"},
    ),
    "submitTaskResult": Case(
        M("submitTaskResult", "input: $input", "$input: SubmitTaskResultInput!"),
        lambda: _task_input(TaskStatus.IN_PROGRESS, note="完成"),
        {"assignee"},
    ),
    "reviewTaskResult": Case(
        M("reviewTaskResult", "input: $input", "$input: ReviewTaskResultInput!"),
        _review_result,
        {"initiator", "involved_head"},
    ),
    "addAcceptanceSigner": Case(
        M("addAcceptanceSigner", "taskId: $id, userId: $user", "$id: ID!, $user: ID!"),
        _add_acceptance_signer,
        {"initiator", "involved_head"},
    ),
    "handOverAcceptance": Case(
        M("handOverAcceptance", "taskId: $id, toUserId: $user", "$id: ID!, $user: ID!"),
        _hand_over_acceptance,
        {"involved_head"},
    ),
    "remindAcceptor": Case(
        M("remindAcceptor", "taskId: $id, departmentId: $dept", "$id: ID!, $dept: ID!"),
        _remind_acceptor,
        {"initiator"},
    ),
    "submitResultReport": Case(
        M("submitResultReport", "input: $input", "$input: SubmitResultReportInput!"),
        _report,
        {"initiator"},
    ),
    "archiveRequirement": Case(M("archiveRequirement", "id: $id", "$id: ID!"), _archive, {"admin"}),
    "submitFeedback": Case(
        M("submitFeedback", "input: $input", "$input: SubmitFeedbackInput!"),
        _feedback,
        PARTICIPANTS,
    ),
    "createSuggestion": Case(
        M("createSuggestion", "input: $input", "$input: CreateSuggestionInput!"),
        _suggestion,
        PEOPLE,
    ),
    "recordFeedbackResult": Case(
        M("recordFeedbackResult", "input: $input", "$input: RecordFeedbackResultInput!"),
        _feedback_result,
        {"admin"},
    ),
    "recordFeedbackItemResult": Case(
        M(
            "recordFeedbackItemResult",
            "input: $input",
            "$input: RecordFeedbackItemResultInput!",
        ),
        _feedback_item_result,
        {"admin"},
    ),
    "setTaskRemarks": Case(
        M("setTaskRemarks", "input: $input", "$input: SetTaskRemarksInput!"),
        lambda: _task_input(TaskStatus.IN_PROGRESS, remarks="需加急处理"),
        {"initiator", "assignee", "admin"},
    ),
    "evaluateSuggestion": Case(
        M("evaluateSuggestion", "input: $input", "$input: EvaluateSuggestionInput!"),
        _evaluate,
        {"admin"},
    ),
    "updateWarningRule": Case(
        M("updateWarningRule", "input: $input", "$input: WarningRuleInput!"), _rule, {"admin"}
    ),
    "createFormField": Case(
        M("createFormField", "input: $input", "$input: CreateFormFieldInput!"),
        _new_form_field,
        {"admin"},
    ),
    "updateFormField": Case(
        "mutation($input: UpdateFormFieldInput!) { updateFormField(input: $input) { id } }",
        _form_field,
        {"admin"},
    ),
    "retireFormField": Case(
        "mutation($id: ID!) { retireFormField(id: $id) { id } }", _form_field, {"admin"}
    ),
    "markNotificationsRead": Case(
        "mutation($ids: [ID!]!) { markNotificationsRead(ids: $ids) { id } }",
        _mark_read,
        PEOPLE,
    ),
    "uploadAttachment": Case(
        M("uploadAttachment", "input: $input", "$input: UploadAttachmentInput!"),
        _upload,
        PARTICIPANTS,
        upload=True,
    ),
}


async def _call(
    client: GraphQLClient, token: str | None, case: Case, variables: dict[str, Any]
) -> dict[str, Any]:
    headers = {"authorization": f"Bearer {token}"} if token else {}
    if not case.upload:
        response = await client.http.post(
            "/graphql", json={"query": case.document, "variables": variables}, headers=headers
        )
    else:
        operations = {"query": case.document, "variables": variables}
        response = await client.http.post(
            "/graphql",
            headers={**headers, "x-crossflow-csrf": "1"},
            data={
                "operations": json.dumps(operations),
                "map": json.dumps({"0": ["variables.input.file"]}),
            },
            files={"0": ("方案.txt", "推广方案初稿".encode(), "text/plain")},
        )
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


@pytest.mark.parametrize("mutation", sorted(CASES))
async def test_exactly_the_allowed_callers_may_run_the_mutation(
    client: GraphQLClient, demo: None, mutation: str
) -> None:
    case = CASES[mutation]
    raw = new_api_token()
    await ApiToken.create(name="BI", token_hash=hash_api_token(raw), prefix=raw[:8], role=Role.BI)
    tokens: dict[str, str | None] = {"anonymous": None, "bi": raw}
    for label, username in CALLERS.items():
        if username and label != "bi":
            tokens[label] = (await client.sign_in(username)).token
    outcomes: dict[str, str] = {}
    for label in CALLERS:
        body = await _call(client, tokens[label], case, await case.setup())
        errors = body.get("errors") or []
        outcomes[label] = errors[0]["extensions"]["code"] if errors else "OK"
    allowed = {label for label, outcome in outcomes.items() if outcome == "OK"}
    assert allowed == case.allowed, outcomes
    for label, outcome in outcomes.items():
        if label in case.allowed:
            continue
        expected = {"anonymous": {"UNAUTHENTICATED"}, "bi": {"FORBIDDEN"}}.get(
            label, {"FORBIDDEN", "NOT_FOUND"}
        )
        assert outcome in expected, (label, outcome)
        if label in {"outsider", "outsider_head"} and case.allowed <= PARTICIPANTS | {"admin"}:
            assert outcome in {"NOT_FOUND", "FORBIDDEN"}, (label, outcome)
