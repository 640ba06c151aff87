"""The source document's Q3 launch case, end to end, through the GraphQL API only.

Market raises "2024年Q3新品上市推广方案"; finance rejects for a missing cost estimate;
the initiator amends and resubmits; design, sales and finance approve, design and sales
claiming a task each; the admin confirms, which turns the claims into two draft tasks
that the initiator gives one responsible person each; design reports progress and
@mentions R&D; design asks R&D for help; the initiator reschedules after a delay; the
first result is rejected, the second accepted; the report completes the requirement;
the admin archives it; the knowledge base finds it; a participant gives feedback.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from strawberry.relay import to_base64

from core import clock
from models import AuditEntry, Department, Notification, User
from models.enums import NotificationKind
from tests.conftest import GraphQLClient


async def gid(kind: str, model: Any, **where: Any) -> str:
    return to_base64(kind, (await model.get(**where)).id)


def later(days: float) -> str:
    return (clock.now() + timedelta(days=days)).isoformat()


async def test_the_q3_launch_case_from_raising_to_feedback(
    client: GraphQLClient, demo: None
) -> None:
    market = await client.sign_in("market_staff")
    heads = {c: await client.sign_in(f"{c}_head") for c in ("design", "sales", "finance")}
    admin = await client.sign_in("admin")
    designer = await client.sign_in("design_staff")
    seller = await client.sign_in("sales_staff")
    rnd = await client.sign_in("rnd_staff")
    dept = {
        c: await gid("Department", Department, code=c)
        for c in ("design", "sales", "finance", "rnd")
    }

    # 1. raise and submit
    created = (
        await market.data(
            """mutation($input: CreateRequirementInput!) { createRequirement(input: $input) {
           id code status } }""",
            {
                "input": {
                    "title": "2024年Q3新品上市推广方案（第二版）",
                    "background": "Q3新品即将上市，需要跨部门协同完成推广方案",
                    "goals": "上市首月销量达到5000台",
                    "deliverables": "推广方案PPT+预算表",
                    "acceptanceCriteria": "推广方案需包含3个渠道策略及预算明细",
                    "dataNeeds": "2024年Q2各渠道销售数据",
                    "priority": "URGENT",
                    "expectedBy": str(clock.today() + timedelta(days=40)),
                    "involvedDepartmentIds": [dept["design"], dept["sales"], dept["finance"]],
                }
            },
        )
    )["createRequirement"]
    rid, code = created["id"], created["code"]
    submit = "mutation($id: ID!) { submitRequirement(id: $id) { status } }"
    assert (await market.data(submit, {"id": rid}))["submitRequirement"]["status"] == (
        "PENDING_REVIEW"
    )

    # 2. review: finance rejects, the initiator amends and resubmits, all approve
    review = """mutation($input: ReviewRequirementInput!) { reviewRequirement(input: $input) {
        status } }"""
    await heads["design"].data(
        review,
        {
            "input": {
                "requirementId": rid,
                "approve": True,
                "claimedTasks": ["设计部：完成主视觉图初稿"],
            }
        },
    )
    rejected = await heads["finance"].data(
        review,
        {
            "input": {
                "requirementId": rid,
                "approve": False,
                "comment": "预算未明确，需补充成本测算",
            }
        },
    )
    assert rejected["reviewRequirement"]["status"] == "PENDING_MODIFICATION"
    await market.data(
        """mutation($id: ID!) { updateRequirement(input: {id: $id,
           deliverables: "推广方案PPT+预算表+成本测算"}) { status } }""",
        {"id": rid},
    )
    await market.data(submit, {"id": rid})
    for name, claims in (
        ("design", ["设计部：完成主视觉图初稿"]),
        ("sales", ["销售部：整理重点客户邀约名单"]),
        ("finance", []),  # finance reviews the budget, and takes on no task of its own
    ):
        result = await heads[name].data(
            review, {"input": {"requirementId": rid, "approve": True, "claimedTasks": claims}}
        )
    assert result["reviewRequirement"]["status"] == "APPROVED"
    confirmed = await admin.data(
        "mutation($id: ID!) { confirmRequirement(id: $id) { status } }", {"id": rid}
    )
    assert confirmed["confirmRequirement"]["status"] == "INITIATED"

    # 2b. the claims became the draft task list (待分配); the initiator completes each
    #     with exactly one responsible person and a deadline
    drafts = (
        await market.data(
            """query($code: String!) { requirement(code: $code) { tasks {
           id code title status assignee { username } executingDepartment { code } } } }""",
            {"code": code},
        )
    )["requirement"]["tasks"]
    assert [(t["title"], t["executingDepartment"]["code"], t["assignee"]) for t in drafts] == [
        ("设计部：完成主视觉图初稿", "design", None),
        ("销售部：整理重点客户邀约名单", "sales", None),
    ]
    assert [t["code"] for t in drafts] == [f"RW{code[2:]}-01", f"RW{code[2:]}-02"]
    update_task = """mutation($input: UpdateTaskInput!) { updateTask(input: $input) {
        id code status assignee { username } } }"""
    visual = (
        await market.data(
            update_task,
            {
                "input": {
                    "id": drafts[0]["id"],
                    "assigneeId": await gid("User", User, username="design_staff"),
                    "deadline": later(5),
                    "priority": "URGENT",
                    "acceptanceCriteria": "提供3套风格方案",
                }
            },
        )
    )["updateTask"]
    # work cannot start while a draft has nobody responsible
    start = "mutation($id: ID!) { startTask(id: $id) { status } }"
    assert await designer.error_code(start, {"id": visual["id"]}) == "INVALID_TRANSITION"
    invitations = (
        await market.data(
            update_task,
            {
                "input": {
                    "id": drafts[1]["id"],
                    "assigneeId": await gid("User", User, username="sales_staff"),
                    "deadline": later(7),
                }
            },
        )
    )["updateTask"]
    assert visual["assignee"] == {"username": "design_staff"}
    assert invitations["assignee"] == {"username": "sales_staff"}

    # 3. execute: start, progress, a mention, a collaboration request and its answer
    await designer.data(start, {"id": visual["id"]})
    await seller.data(start, {"id": invitations["id"]})
    await designer.data(
        """mutation($input: ReportProgressInput!) { reportProgress(input: $input) { progress } }""",
        {
            "input": {
                "taskId": visual["id"],
                "percent": 50,
                "summary": "已完成两套风格草图",
                "problems": "缺少产品高清渲染图",
                "supportNeeded": "需研发部提供3D渲染图",
            }
        },
    )
    await designer.data(
        """mutation($input: AddCommentInput!) { addComment(input: $input) { id } }""",
        {"input": {"taskId": visual["id"], "body": "@rnd_staff 请本周内提供3D渲染图"}},
    )
    assert (
        await Notification.filter(
            kind=NotificationKind.MENTION, recipient__username="rnd_staff"
        ).count()
        == 1
    )
    request = (
        await designer.data(
            """mutation($input: CreateCollaborationRequestInput!) {
           createCollaborationRequest(input: $input) { id status } }""",
            {
                "input": {
                    "taskId": visual["id"],
                    "toDepartmentId": dept["rnd"],
                    "content": "请提供新品高清3D渲染图",
                    "expectedBy": later(1),
                }
            },
        )
    )["createCollaborationRequest"]
    answered = await rnd.data(
        """mutation($input: AnswerCollaborationRequestInput!) {
           answerCollaborationRequest(input: $input) { status } }""",
        {"input": {"id": request["id"], "answer": "渲染图已上传共享盘"}},
    )
    assert answered["answerCollaborationRequest"]["status"] == "ANSWERED"

    # 4. a delay handled: reason, solution, new deadline; the board shows the state
    rescheduled = await market.data(
        """mutation($input: RescheduleTaskInput!) { rescheduleTask(input: $input) {
           reschedules { reason solution } } }""",
        {
            "input": {
                "taskId": visual["id"],
                "reason": "渲染图晚到2天",
                "solution": "设计部增派1人支持",
                "newDeadline": later(7),
            }
        },
    )
    assert rescheduled["rescheduleTask"]["reschedules"] == [
        {"reason": "渲染图晚到2天", "solution": "设计部增派1人支持"}
    ]
    board = (
        await market.data(
            "query($id: ID!) { requirementBoard(requirementId: $id) { total inProgress summary } }",
            {"id": rid},
        )
    )["requirementBoard"]
    assert (board["total"], board["inProgress"]) == (2, 2)

    # 5. results: rejected once, then accepted; the second task accepted too
    submit_result = """mutation($input: SubmitTaskResultInput!) { submitTaskResult(input: $input) {
        status } }"""
    decide = """mutation($input: ReviewTaskResultInput!) { reviewTaskResult(input: $input) {
        status } }"""
    await designer.data(submit_result, {"input": {"taskId": visual["id"], "note": "三套方案"}})
    assert (
        await market.data(
            decide,
            {"input": {"taskId": visual["id"], "accept": False, "comment": "竖版需适配手机海报"}},
        )
    )["reviewTaskResult"]["status"] == "IN_PROGRESS"
    await designer.data(submit_result, {"input": {"taskId": visual["id"], "note": "已适配竖版"}})
    await seller.data(submit_result, {"input": {"taskId": invitations["id"], "note": "名单120家"}})
    # the acceptance group (会签): the initiator and the three reviewing heads each accept
    for member in (market, *heads.values()):
        for task_ in (visual, invitations):
            await member.data(decide, {"input": {"taskId": task_["id"], "accept": True}})
    completed = await market.data(
        """mutation($input: SubmitResultReportInput!) { submitResultReport(input: $input) {
           status } }""",
        {
            "input": {
                "requirementId": rid,
                "goalAchievement": "推广方案按期交付，首月销量5200台",
                "contributions": "设计部主视觉；销售部客户邀约；财务部预算审核",
                "problems": "渲染图提供较晚",
            }
        },
    )
    assert completed["submitResultReport"]["status"] == "COMPLETED"
    archived = await admin.data(
        "mutation($id: ID!) { archiveRequirement(id: $id) { status } }", {"id": rid}
    )
    assert archived["archiveRequirement"]["status"] == "ARCHIVED"
    found = await market.data(
        """query { archives(search: "推广 成本测算") {
           edges { node { requirement { code } } } } }"""
    )
    assert [e["node"]["requirement"]["code"] for e in found["archives"]["edges"]] == [code]
    # archived: every write is refused, for everyone
    assert (
        await designer.error_code(
            """mutation($input: AddCommentInput!) { addComment(input: $input) { id } }""",
            {"input": {"taskId": visual["id"], "body": "补充说明"}},
        )
        == "FORBIDDEN"
    )

    # 6. feedback, once per participant
    feedback = """mutation($input: SubmitFeedbackInput!) { submitFeedback(input: $input) {
        code } }"""
    given = await designer.data(
        feedback,
        {
            "input": {
                "requirementId": rid,
                "kind": "SUGGESTION",
                "content": "数据需求应在立项时明确",
                "proposal": "需求表增加数据需求清单",
            }
        },
    )
    assert given["submitFeedback"]["code"].startswith("FK")
    assert (
        await designer.error_code(
            feedback, {"input": {"requirementId": rid, "kind": "PRAISE", "content": "再次反馈"}}
        )
        == "INVALID_TRANSITION"
    )

    # every state change left an audit entry
    actions = await AuditEntry.filter(subject_code=code).values_list("action", flat=True)
    for action in (
        "requirement.create",
        "requirement.submit",
        "requirement.review",
        "requirement.update",
        "requirement.confirm",
        "requirement.complete",
        "requirement.archive",
    ):
        assert action in actions, action
