"""Steps 5 and 6: acceptance, the result report, the archive, feedback and suggestions."""

from __future__ import annotations

from datetime import timedelta

import pytest
from strawberry.relay import to_base64

from core import clock
from models import AuditEntry, Notification, Requirement, Task
from models.enums import NotificationKind, TaskStatus
from tests.conftest import GraphQLClient

Q3 = "2024年Q3新品上市推广方案"
SUBMIT_RESULT = """mutation($input: SubmitTaskResultInput!) { submitTaskResult(input: $input) {
  status results { note decision } } }"""
REVIEW_RESULT = """mutation($input: ReviewTaskResultInput!) { reviewTaskResult(input: $input) {
  status progress results { decision decisionComment decidedBy { username } } } }"""
REPORT = """mutation($input: SubmitResultReportInput!) { submitResultReport(input: $input) {
  status completedAt resultReport { goalAchievement author { username } } } }"""
ARCHIVE = "mutation($id: ID!) { archiveRequirement(id: $id) { status archivedAt } }"
SEARCH = """query($q: String) { archives(search: $q) { totalCount
  edges { node { title summary requirement { code } } } } }"""
FEEDBACK = """mutation($input: SubmitFeedbackInput!) { submitFeedback(input: $input) {
  code kind content departments { code } author { username } } }"""


async def q3_visual_task() -> tuple[str, str]:
    requirement = await Requirement.get(title=Q3)
    task = await Task.get(requirement=requirement, title="完成主视觉图初稿")
    return to_base64("Requirement", requirement.id), to_base64("Task", task.id)


async def test_results_are_rejected_then_accepted_by_the_acceptance_group(
    client: GraphQLClient, demo: None
) -> None:
    _, task_id = await q3_visual_task()
    assignee = await client.sign_in("design_staff")
    initiator = await client.sign_in("market_staff")
    # given the assignee submits results
    submitted = (
        await assignee.data(
            SUBMIT_RESULT, {"input": {"taskId": task_id, "note": "三套主视觉方案已完成，见附件"}}
        )
    )["submitTaskResult"]
    assert submitted["status"] == "SUBMITTED"
    notified = await Notification.filter(kind=NotificationKind.RESULT_SUBMITTED).values_list(
        "recipient__username", flat=True
    )
    assert sorted(notified) == ["design_head", "finance_head", "market_staff", "sales_head"]
    # when the initiator rejects without saying what to change: refused
    assert (
        await initiator.error_code(REVIEW_RESULT, {"input": {"taskId": task_id, "accept": False}})
        == "BAD_USER_INPUT"
    )
    # with a comment: back to in progress
    rejected = await initiator.data(
        REVIEW_RESULT,
        {"input": {"taskId": task_id, "accept": False, "comment": "竖版需适配手机海报尺寸"}},
    )
    assert rejected["reviewTaskResult"]["status"] == "IN_PROGRESS"
    # then after a resubmission the group accepts (会签, the default: every member), the
    # sales head last
    await assignee.data(SUBMIT_RESULT, {"input": {"taskId": task_id, "note": "已调整竖版尺寸"}})
    for username in ("market_staff", "design_head", "finance_head"):
        member = await client.sign_in(username)
        partial = await member.data(REVIEW_RESULT, {"input": {"taskId": task_id, "accept": True}})
        assert partial["reviewTaskResult"]["status"] == "SUBMITTED"
    head = await client.sign_in("sales_head")
    accepted = (await head.data(REVIEW_RESULT, {"input": {"taskId": task_id, "accept": True}}))[
        "reviewTaskResult"
    ]
    assert (accepted["status"], accepted["progress"]) == ("COMPLETED", 100)
    assert [r["decision"] for r in accepted["results"]] == ["REJECTED", "ACCEPTED"]
    assert accepted["results"][1]["decidedBy"] == {"username": "sales_head"}


async def test_only_the_assignee_submits_and_only_the_acceptance_group_decides(
    client: GraphQLClient, demo: None
) -> None:
    _, task_id = await q3_visual_task()
    for username, code in (("market_staff", "FORBIDDEN"), ("legal_staff", "NOT_FOUND")):
        other = await client.sign_in(username)
        assert (
            await other.error_code(SUBMIT_RESULT, {"input": {"taskId": task_id, "note": "完成"}})
            == code
        )
    assignee = await client.sign_in("design_staff")
    await assignee.data(SUBMIT_RESULT, {"input": {"taskId": task_id, "note": "完成"}})
    # the assignee cannot accept their own work; a mere member of an involved department neither
    for username in ("design_staff", "sales_staff"):
        other = await client.sign_in(username)
        assert (
            await other.error_code(REVIEW_RESULT, {"input": {"taskId": task_id, "accept": True}})
            == "FORBIDDEN"
        )
    task = await Task.get(id=int(__import__("base64").b64decode(task_id).decode().split(":")[1]))
    assert task.status == TaskStatus.SUBMITTED


async def _complete_all_tasks(requirement_code: str) -> None:
    await Task.filter(requirement__code=requirement_code).update(
        status=TaskStatus.COMPLETED, progress=100
    )


async def test_report_completes_archive_freezes_and_search_finds_it_by_chinese_words(
    client: GraphQLClient, demo: None
) -> None:
    requirement_id, _ = await q3_visual_task()
    initiator = await client.sign_in("market_staff")
    report = {
        "requirementId": requirement_id,
        "goalAchievement": "推广方案按期交付，首月销量5200台",
        "contributions": "设计部完成主视觉；销售部完成客户邀约；财务部审核预算",
        "problems": "渲染图提供较晚",
    }
    # given tasks still open: the report is refused
    assert await initiator.error_code(REPORT, {"input": report}) == "INVALID_TRANSITION"
    # when every task is accepted, the initiator's report completes the requirement
    code = (await Requirement.get(title=Q3)).code
    await _complete_all_tasks(code)
    completed = (await initiator.data(REPORT, {"input": report}))["submitResultReport"]
    assert completed["status"] == "COMPLETED"
    assert completed["resultReport"]["author"] == {"username": "market_staff"}
    # and every participant is asked for feedback, the initiator included
    asked = set(
        await Notification.filter(kind=NotificationKind.FEEDBACK_REQUESTED).values_list(
            "recipient__username", flat=True
        )
    )
    assert {"market_staff", "design_staff", "finance_head", "sales_staff"} <= asked
    assert "legal_staff" not in asked
    # when the admin archives it
    admin = await client.sign_in("admin")
    assert await initiator.error_code(ARCHIVE, {"id": requirement_id}) == "FORBIDDEN"
    assert (await admin.data(ARCHIVE, {"id": requirement_id}))["archiveRequirement"][
        "status"
    ] == "ARCHIVED"
    # then the knowledge base finds it by words inside its title and report
    for words in ("推广", "新品上市", "销量 主视觉"):
        found = (await initiator.data(SEARCH, {"q": words}))["archives"]
        assert [e["node"]["requirement"]["code"] for e in found["edges"]] == [code], words
    assert (await initiator.data(SEARCH, {"q": "报销流程"}))["archives"]["totalCount"] == 0
    # an outsider finds the record (知识库, for every employee) but not the requirement
    outsider = await client.sign_in("legal_staff")
    read = (await outsider.data(SEARCH, {"q": "推广"}))["archives"]
    assert [e["node"]["requirement"] for e in read["edges"]] == [None]
    # and every later write is refused, for the admin too
    audit_count = await AuditEntry.all().count()
    assert await initiator.error_code(REPORT, {"input": report}) == "FORBIDDEN"
    assert await admin.error_code(ARCHIVE, {"id": requirement_id}) == "INVALID_TRANSITION"
    assert await AuditEntry.all().count() == audit_count


async def test_feedback_once_per_participant_and_never_from_outsiders(
    client: GraphQLClient, demo: None
) -> None:
    requirement_id, _ = await q3_visual_task()
    participant = await client.sign_in("design_staff")
    form = {
        "requirementId": requirement_id,
        "kind": "PRAISE",
        "content": "市场部需求描述清晰，响应及时",
        "departmentIds": [
            to_base64("Department", (await Requirement.get(title=Q3)).initiating_department_id)
        ],
    }
    # before completion: refused
    assert await participant.error_code(FEEDBACK, {"input": form}) == "INVALID_TRANSITION"
    await Requirement.filter(title=Q3).update(status="COMPLETED")
    given = (await participant.data(FEEDBACK, {"input": form}))["submitFeedback"]
    assert given["code"].startswith("FK") and given["departments"] == [{"code": "market"}]
    assert await participant.error_code(FEEDBACK, {"input": form}) == "INVALID_TRANSITION"
    outsider = await client.sign_in("legal_staff")
    assert await outsider.error_code(FEEDBACK, {"input": form}) == "NOT_FOUND"


@pytest.mark.parametrize("status", ["ADOPTED", "PLANNED", "REJECTED"])
async def test_any_employee_suggests_and_only_the_admin_evaluates(
    client: GraphQLClient, demo: None, status: str
) -> None:
    staff = await client.sign_in("finance_staff")
    created = (
        await staff.data(
            """mutation($input: CreateSuggestionInput!) { createSuggestion(input: $input) {
           id code status department { code } } }""",
            {
                "input": {
                    "painPoint": "纸质签批耗时2天",
                    "proposal": "上线电子签批",
                    "expectedEffect": "审核缩短到4小时",
                }
            },
        )
    )["createSuggestion"]
    assert created["code"].startswith("YJ") and created["department"] == {"code": "finance"}
    evaluate = """mutation($input: EvaluateSuggestionInput!) { evaluateSuggestion(input: $input) {
        status evaluationNote evaluatedBy { username } } }"""
    variables = {"input": {"id": created["id"], "status": status, "note": "8月上线"}}
    if status == "PLANNED":  # a plan has its date (tests/resolvers/test_feedback_items.py)
        variables["input"]["plannedFor"] = str(clock.today() + timedelta(days=30))
    assert await staff.error_code(evaluate, variables) == "FORBIDDEN"
    admin = await client.sign_in("admin")
    evaluated = (await admin.data(evaluate, variables))["evaluateSuggestion"]
    assert evaluated == {
        "status": status,
        "evaluationNote": "8月上线",
        "evaluatedBy": {"username": "admin"},
    }
