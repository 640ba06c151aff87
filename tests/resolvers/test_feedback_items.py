"""Feedback items and follow-ups: several items per person (praise, problems, suggestions,
each naming departments and people), the admin's 处理结果 per item, suggestion remarks and
plans, task remarks, and the hand-off notices (result report → admins, monthly report →
executives); feedback given before items existed becomes one item each (migration 0012).

Done when each follow-up field has its writer, anyone else is refused, bad forms are
refused naming the field and write nothing, and the two hand-offs reach their readers
(both backends).
"""

from __future__ import annotations

from datetime import timedelta

from strawberry.relay import to_base64
from tortoise.context import TortoiseContext
from tortoise.migrations.api import migrate as run_migrations

from core import clock, db
from core.settings import Settings
from crossflow.demo import load_demo_data
from models import (
    AnalysisReport,
    Department,
    Feedback,
    FeedbackDepartment,
    FeedbackItem,
    FeedbackPerson,
    Notification,
    Requirement,
    Suggestion,
    Task,
    User,
)
from models.enums import NotificationKind, TaskStatus
from resolvers.reports.analysis import build_analysis_report
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
ITEMS = """mutation($input: SubmitFeedbackInput!) { submitFeedback(input: $input) {
  id kind content people { username } departments { code }
  items { id position kind content proposal people { username } departments { code } } } }"""
ITEM_RESULT = """mutation($input: RecordFeedbackItemResultInput!) {
  recordFeedbackItemResult(input: $input) {
    handlingResult handledBy { username } feedback { handlingResult } } }"""
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


def gid(type_name: str, pk: int) -> str:
    return to_base64(type_name, pk)


async def test_one_form_holds_praise_a_problem_and_a_suggestion_each_with_its_result(
    client: GraphQLClient, demo: None
) -> None:
    # given the Q3 launch completed
    q3 = await completed_q3()
    sales = await Department.get(code="sales")
    design = await Department.get(code="design")
    sales_staff = await User.get(username="sales_staff")
    design_head = await User.get(username="design_head")
    market_staff = await client.sign_in("market_staff")
    # when the initiator praises design, reports a problem with sales and suggests a change
    items = [
        {
            "kind": "PRAISE",
            "content": "设计部主视觉提前完成",
            "departmentIds": [gid("Department", design.id)],
            "personIds": [gid("User", design_head.id)],
        },
        {
            "kind": "PROBLEM",
            "content": "客户数据晚到3天",
            "departmentIds": [gid("Department", sales.id)],
            "personIds": [gid("User", sales_staff.id)],
            "proposal": "数据提前5个工作日提供",
        },
        {"kind": "SUGGESTION", "content": "增加数据需求清单"},
    ]
    given = await market_staff.data(
        ITEMS, {"input": {"requirementId": gid("Requirement", q3.id), "items": items}}
    )
    # then each item keeps its own kind, text and the people and departments it names
    form = given["submitFeedback"]
    assert [(i["position"], i["kind"]) for i in form["items"]] == [
        (0, "PRAISE"),
        (1, "PROBLEM"),
        (2, "SUGGESTION"),
    ]
    assert form["items"][1]["people"] == [{"username": "sales_staff"}]
    assert form["items"][1]["departments"] == [{"code": "sales"}]
    assert form["items"][1]["proposal"] == "数据提前5个工作日提供"
    assert form["items"][2]["people"] == [] and form["items"][2]["departments"] == []
    # and the form as a whole names everyone its items name, its own kind the first item's
    assert form["kind"] == "PRAISE" and form["content"] == "设计部主视觉提前完成"
    assert sorted(p["username"] for p in form["people"]) == ["design_head", "sales_staff"]
    assert sorted(d["code"] for d in form["departments"]) == ["design", "sales"]
    # and the month's figures count each item under its kind and the department it names
    ceo = await client.sign_in("ceo")
    month = clock.today().strftime("%Y-%m")
    figures = await ceo.data(
        "query($m: String!) { reports(filter: {month: $m}) {"
        " feedbackByKind { kind departmentCode count } } }",
        {"m": month},
    )
    counted = {
        (r["kind"], r["departmentCode"]): r["count"] for r in figures["reports"]["feedbackByKind"]
    }
    assert counted[("PRAISE", "design")] == 1 and counted[("PROBLEM", "sales")] == 1
    assert counted[("SUGGESTION", None)] == 1 and ("PRAISE", "sales") not in counted
    # when the admin writes a result for the problem alone
    admin = await client.sign_in("admin")
    problem_id = form["items"][1]["id"]
    written = await admin.data(
        ITEM_RESULT, {"input": {"itemId": problem_id, "result": "已约定提前提供数据"}}
    )
    # then that item has it, and the praise (the form's mirror) still has none
    result = written["recordFeedbackItemResult"]
    assert result["handlingResult"] == "已约定提前提供数据"
    assert result["handledBy"] == {"username": "admin"}
    assert result["feedback"]["handlingResult"] == ""
    stored = await FeedbackItem.filter(content="客户数据晚到3天")
    assert [item.handling_result for item in stored] == ["已约定提前提供数据"]
    # and one result for the whole form of several items is refused, naming the id
    whole = await admin.post(RESULT, {"input": {"id": form["id"], "result": "已处理"}})
    assert whole["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert whole["errors"][0]["extensions"]["field"] == "id"
    # and the author or a head are refused, and another type's id is named
    for username in ("market_staff", "sales_head"):
        other = await client.sign_in(username)
        code = await other.error_code(ITEM_RESULT, {"input": {"itemId": problem_id, "result": "x"}})
        assert code in {"FORBIDDEN", "NOT_FOUND"}, username
    wrong = await admin.post(ITEM_RESULT, {"input": {"itemId": form["id"], "result": "x"}})
    assert wrong["errors"][0]["extensions"]["field"] == "itemId"
    assert (await FeedbackItem.get(id=stored[0].id)).handling_result == "已约定提前提供数据"


async def test_the_first_items_result_is_the_forms_result(
    client: GraphQLClient, demo: None
) -> None:
    # given a single-kind feedback given the older way
    q3 = await completed_q3()
    designer = await client.sign_in("design_staff")
    given = await designer.data(
        ITEMS,
        {
            "input": {
                "requirementId": gid("Requirement", q3.id),
                "kind": "SUGGESTION",
                "content": "文案审核提前",
                "proposal": "法务提前介入",
            }
        },
    )
    form = given["submitFeedback"]
    # then it is one item
    assert [(i["kind"], i["content"], i["proposal"]) for i in form["items"]] == [
        ("SUGGESTION", "文案审核提前", "法务提前介入")
    ]
    # when the admin writes the item's result, the form shows it too
    admin = await client.sign_in("admin")
    written = await admin.data(
        ITEM_RESULT, {"input": {"itemId": form["items"][0]["id"], "result": "已采纳"}}
    )
    assert written["recordFeedbackItemResult"]["feedback"] == {"handlingResult": "已采纳"}


async def test_bad_forms_are_refused_naming_the_field_and_write_nothing(
    client: GraphQLClient, demo: None
) -> None:
    # given the Q3 launch completed and a participant of it
    q3 = await completed_q3()
    rid = gid("Requirement", q3.id)
    designer = await client.sign_in("design_staff")
    praise = {"kind": "PRAISE", "content": "配合顺畅"}
    cases = [
        ({"items": []}, "items"),
        ({"items": [praise] * 21}, "items"),
        (
            {"items": [praise, {**praise, "departmentIds": [gid("Department", 99999)]}]},
            "items.1.departmentIds",
        ),
        ({"items": [{**praise, "personIds": [gid("User", 99999)]}]}, "items.0.personIds"),
        ({"items": [{**praise, "personIds": [gid("Department", 1)]}]}, "items.0.personIds"),
        ({"items": [praise, {**praise, "content": "  "}]}, "items.1.content"),
        ({"items": [praise], "kind": "PROBLEM", "content": "x"}, "kind"),
        ({"content": "只有内容"}, "kind"),
    ]
    for extra, field in cases:
        # when the form is sent
        body = await designer.post(ITEMS, {"input": {"requirementId": rid, **extra}})
        # then it is refused naming the field
        assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT", extra
        assert body["errors"][0]["extensions"]["field"] == field, extra
    # and nothing was written
    assert not await Feedback.filter(requirement_id=q3.id, author__username="design_staff").exists()
    # when someone outside the requirement sends a good form: refused
    outsider = await client.sign_in("legal_staff")
    code = await outsider.error_code(ITEMS, {"input": {"requirementId": rid, "items": [praise]}})
    assert code in {"FORBIDDEN", "NOT_FOUND"}
    # when the participant sends a good one twice, the second is refused
    await designer.data(ITEMS, {"input": {"requirementId": rid, "items": [praise]}})
    again = await designer.error_code(ITEMS, {"input": {"requirementId": rid, "items": [praise]}})
    assert again == "INVALID_TRANSITION"
    assert await FeedbackItem.filter(feedback__requirement_id=q3.id).count() == 1


async def _migrate(settings: Settings, target: str | None) -> None:
    ctx = TortoiseContext()
    with ctx:
        try:
            await run_migrations(config=db.tortoise_config(settings), target=target)
        finally:
            await ctx.close_connections()


async def test_feedback_given_before_items_becomes_one_item_each(settings: Settings) -> None:
    # given a database with feedback of one kind naming people and departments, handled
    await db.migrate(settings)
    async with db.orm(settings):
        await load_demo_data()
        old = await Feedback.get(kind="PRAISE")
        admin = await User.get(username="admin")
        await Feedback.filter(id=old.id).update(
            handling_result="已表彰", handled_by_id=admin.id, handled_at=clock.now()
        )
        rnd_staff = await User.get(username="rnd_staff")
        await FeedbackPerson.create(feedback_id=old.id, user_id=rnd_staff.id)
        await FeedbackDepartment.create(
            feedback_id=old.id, department_id=(await Department.get(code="rnd")).id
        )
    # when the items migration is taken back and applied again
    await _migrate(settings, "models.0011_directory_settings")
    await _migrate(settings, None)
    # then the feedback is one item with its kind, text, result and whom it named
    async with db.orm(settings):
        items = await FeedbackItem.filter(feedback_id=old.id)
        assert [(i.position, i.kind, i.content) for i in items] == [(0, old.kind, old.content)]
        assert items[0].handling_result == "已表彰" and items[0].handled_by_id == admin.id
        named = await items[0].people.all().values_list("user__username", flat=True)
        assert list(named) == ["rnd_staff"]
        about = await items[0].departments.all().values_list("department__code", flat=True)
        assert list(about) == ["rnd"]
        assert await FeedbackItem.all().count() == await Feedback.all().count()
