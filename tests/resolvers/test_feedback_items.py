"""Feedback follow-ups: people named, the admin's 处理结果, suggestion remarks and plans,
task remarks, and the hand-off notices (result report → admins, monthly report → executives).

Done when each follow-up field has its writer, anyone else is refused, and the two
hand-offs reach their readers (both backends).
"""

from __future__ import annotations

from datetime import timedelta

from strawberry.relay import to_base64

from crossflow import clock
from models import (
    AnalysisReport,
    Feedback,
    Notification,
    Requirement,
    Suggestion,
    Task,
    User,
)
from models.enums import NotificationKind, TaskStatus
from resolvers.analysis import build_analysis_report
from tests.conftest import GraphQLClient

Q3 = "2024年Q3新品上市推广方案"
FEEDBACK = """mutation($input: SubmitFeedbackInput!) { submitFeedback(input: $input) {
  id kind people { username } departments { code } } }"""
RESULT = """mutation($input: RecordFeedbackResultInput!) { recordFeedbackResult(input: $input) {
  handlingResult handledAt handledBy { username } } }"""
EVALUATE = """mutation($input: EvaluateSuggestionInput!) { evaluateSuggestion(input: $input) {
  status remarks plannedFor } }"""
REMARKS = """mutation($input: SetTaskRemarksInput!) { setTaskRemarks(input: $input) {
  remarks version } }"""
REPORT = """mutation($input: SubmitResultReportInput!) { submitResultReport(input: $input) {
  status } }"""


async def completed_q3() -> Requirement:
    await Requirement.filter(title=Q3).update(status="COMPLETED")
    return await Requirement.get(title=Q3)


async def test_feedback_names_people_and_the_admin_writes_the_handling_result(
    client: GraphQLClient, demo: None
) -> None:
    # given the Q3 launch completed and a designer praising a sales colleague
    q3 = await completed_q3()
    designer = await client.sign_in("design_staff")
    sales_staff = await User.get(username="sales_staff")
    given = await designer.data(
        FEEDBACK,
        {
            "input": {
                "requirementId": to_base64("Requirement", q3.id),
                "kind": "PROBLEM",
                "content": "客户数据晚到3天",
                "personIds": [to_base64("User", sales_staff.id)],
            }
        },
    )
    feedback = given["submitFeedback"]
    assert feedback["people"] == [{"username": "sales_staff"}]
    # when the admin writes what was done about it
    admin = await client.sign_in("admin")
    written = await admin.data(
        RESULT, {"input": {"id": feedback["id"], "result": "已约定数据提前5个工作日提供"}}
    )
    # then it is recorded with who and when
    result = written["recordFeedbackResult"]
    assert result["handlingResult"] == "已约定数据提前5个工作日提供"
    assert result["handledBy"] == {"username": "admin"} and result["handledAt"]
    # and the author, a head or an empty result are refused
    for username in ("design_staff", "sales_head"):
        other = await client.sign_in(username)
        code = await other.error_code(RESULT, {"input": {"id": feedback["id"], "result": "x"}})
        assert code in {"FORBIDDEN", "NOT_FOUND"}, username
    empty = await admin.post(RESULT, {"input": {"id": feedback["id"], "result": " "}})
    assert empty["errors"][0]["extensions"]["field"] == "result"
    stored = await Feedback.get(content="客户数据晚到3天")
    assert stored.handling_result == "已约定数据提前5个工作日提供"


async def test_naming_an_unknown_person_is_refused_and_writes_nothing(
    client: GraphQLClient, demo: None
) -> None:
    q3 = await completed_q3()
    designer = await client.sign_in("design_staff")
    body = await designer.post(
        FEEDBACK,
        {
            "input": {
                "requirementId": to_base64("Requirement", q3.id),
                "kind": "PRAISE",
                "content": "配合顺畅",
                "personIds": [to_base64("User", 99999)],
            }
        },
    )
    assert body["errors"][0]["extensions"]["field"] == "personIds"
    assert not await Feedback.filter(content="配合顺畅").exists()


async def test_a_planned_suggestion_has_its_date_and_remarks(
    client: GraphQLClient, demo: None
) -> None:
    # given a suggestion
    proposer = await User.get(username="sales_staff")
    suggestion = await Suggestion.create(
        code="YJ209901001", proposer=proposer, pain_point="签批慢", proposal="电子签批"
    )
    sid = to_base64("Suggestion", suggestion.id)
    admin = await client.sign_in("admin")
    # when the admin plans it without a date, or for a past date: refused
    for extra, field in (({}, "plannedFor"), ({"plannedFor": "2020-08-01"}, "plannedFor")):
        body = await admin.post(EVALUATE, {"input": {"id": sid, "status": "PLANNED", **extra}})
        assert body["errors"][0]["extensions"]["field"] == field
    # when it plans it for next month with remarks
    month = str(clock.today() + timedelta(days=30))
    planned = await admin.data(
        EVALUATE,
        {"input": {"id": sid, "status": "PLANNED", "plannedFor": month, "remarks": "8月上线"}},
    )
    # then both are stored
    assert planned["evaluateSuggestion"] == {
        "status": "PLANNED",
        "remarks": "8月上线",
        "plannedFor": month,
    }
    # and a later evaluation without remarks keeps them
    adopted = await admin.data(EVALUATE, {"input": {"id": sid, "status": "ADOPTED"}})
    assert adopted["evaluateSuggestion"]["remarks"] == "8月上线"
    # and the proposer cannot evaluate
    staff = await client.sign_in("sales_staff")
    assert await staff.error_code(EVALUATE, {"input": {"id": sid, "status": "REJECTED"}}) in {
        "FORBIDDEN",
        "NOT_FOUND",
    }


async def test_task_remarks_are_written_by_those_who_run_the_task(
    client: GraphQLClient, demo: None
) -> None:
    # given the Q3 main visual (design executes it, market initiated the requirement)
    visual = await Task.get(requirement__title=Q3, title="完成主视觉图初稿")
    tid = to_base64("Task", visual.id)
    # when its assignee, the design head and the initiator write remarks, each is stored
    for username in ("design_staff", "design_head", "market_staff"):
        writer = await client.sign_in(username)
        written = await writer.data(REMARKS, {"input": {"taskId": tid, "remarks": username}})
        assert written["setTaskRemarks"]["remarks"] == username
    # when a member of another involved department, or an outsider, tries: refused
    for username in ("sales_staff", "finance_head", "legal_staff"):
        other = await client.sign_in(username)
        code = await other.error_code(REMARKS, {"input": {"taskId": tid, "remarks": "x"}})
        assert code in {"FORBIDDEN", "NOT_FOUND"}, username
    assert (await Task.get(id=visual.id)).remarks == "market_staff"
    # and a completed requirement's archive cannot be edited through remarks
    await Requirement.filter(title=Q3).update(status="ARCHIVED")
    initiator = await client.sign_in("market_staff")
    assert (
        await initiator.error_code(REMARKS, {"input": {"taskId": tid, "remarks": "改"}})
        == "FORBIDDEN"
    )


async def test_the_result_report_tells_the_admins_and_the_monthly_report_the_executives(
    client: GraphQLClient, demo: None
) -> None:
    # given every Q3 task accepted
    q3 = await Requirement.get(title=Q3)
    await Task.filter(requirement=q3).update(status=TaskStatus.COMPLETED, progress=100)
    initiator = await client.sign_in("market_staff")
    # when the initiator writes the result report
    await initiator.data(
        REPORT,
        {
            "input": {
                "requirementId": to_base64("Requirement", q3.id),
                "goalAchievement": "按期交付",
            }
        },
    )
    # then the admin is told it can be archived
    told = await Notification.filter(
        kind=NotificationKind.RESULT_REPORT_WRITTEN, subject_code=q3.code
    ).values_list("recipient__username", flat=True)
    assert list(told) == ["admin"]
    # when the monthly analysis report is built, the executives are told once
    month = clock.today().strftime("%Y-%m")
    report = await build_analysis_report(month)
    await build_analysis_report(month)  # a rebuild of a ready report tells nobody again
    ready = await Notification.filter(
        kind=NotificationKind.ANALYSIS_REPORT_READY, subject_id=report.id
    ).values_list("recipient__username", flat=True)
    assert list(ready) == ["ceo"]
    assert (await AnalysisReport.get(id=report.id)).status == "READY"
