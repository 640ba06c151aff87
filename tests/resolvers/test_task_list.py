"""The generated task list (协作任务清单): each claim in an approval becomes a draft task."""

from __future__ import annotations

from strawberry.relay import to_base64

from models import AuditEntry, Requirement, Task, User
from models.enums import TaskStatus
from tests.conftest import GraphQLClient

EVENT = "年度客户答谢会筹备"
BOARD = (
    "query($id: ID!) { requirementBoard(requirementId: $id) { total pendingAssignment summary } }"
)


async def test_confirmation_turns_every_claim_into_a_draft_task_of_its_department(
    client: GraphQLClient, demo: None
) -> None:
    # given the customer event approved with four departments' claims
    event = await Requirement.get(title=EVENT)
    admin = await client.sign_in("admin")
    # when the admin confirms initiation
    await admin.data(
        "mutation($id: ID!) { confirmRequirement(id: $id) { status } }",
        {"id": to_base64("Requirement", event.id)},
    )
    # then each claim is a pending task of the claiming department, nobody responsible yet
    drafts = (
        await Task.filter(requirement=event)
        .order_by("seq")
        .values("title", "executing_department__code", "assignee_id", "deadline", "status", "code")
    )
    assert [(d["title"], d["executing_department__code"]) for d in drafts] == [
        ("行政部：确认活动场地", "office"),
        ("技术部：现场设备调试", "tech"),
        ("销售部：客户邀约", "sales"),
        ("财务部：活动预算", "finance"),
    ]
    assert all(d["assignee_id"] is None and d["deadline"] is None for d in drafts)
    assert {d["status"] for d in drafts} == {TaskStatus.PENDING}
    assert drafts[0]["code"] == "RW" + event.code[2:] + "-01"
    assert await AuditEntry.filter(action="requirement.generate_tasks").exists()
    # and the board shows them as waiting for assignment (待分配)
    initiator = await client.sign_in("market_head")
    board = await initiator.data(BOARD, {"id": to_base64("Requirement", event.id)})
    assert board["requirementBoard"]["pendingAssignment"] == 4
    assert board["requirementBoard"]["summary"].endswith("待分配4项")


async def test_work_cannot_start_until_every_draft_has_a_responsible_person(
    client: GraphQLClient, demo: None
) -> None:
    event = await Requirement.get(title=EVENT)
    admin = await client.sign_in("admin")
    await admin.data(
        "mutation($id: ID!) { confirmRequirement(id: $id) { status } }",
        {"id": to_base64("Requirement", event.id)},
    )
    drafts = await Task.filter(requirement=event).order_by("seq")
    initiator = await client.sign_in("market_head")
    update = """mutation($input: UpdateTaskInput!) { updateTask(input: $input) { status } }"""
    staff = {
        code: await User.get(username=f"{code}_staff")
        for code in ("office", "tech", "sales", "finance")
    }
    order = ("office", "tech", "sales", "finance")
    # the first draft gets its responsible person and a deadline
    await initiator.data(
        update,
        {
            "input": {
                "id": to_base64("Task", drafts[0].id),
                "assigneeId": to_base64("User", staff["office"].id),
                "deadline": "2099-01-10T18:00:00+08:00",
            }
        },
    )
    office = await client.sign_in("office_staff")
    start = "mutation($id: ID!) { startTask(id: $id) { status } }"
    # while three drafts have nobody, the requirement cannot leave INITIATED
    assert await office.error_code(start, {"id": to_base64("Task", drafts[0].id)}) == (
        "INVALID_TRANSITION"
    )
    assert (await Requirement.get(id=event.id)).status == "INITIATED"
    for task, code in zip(drafts[1:], order[1:], strict=True):
        await initiator.data(
            update,
            {
                "input": {
                    "id": to_base64("Task", task.id),
                    "assigneeId": to_base64("User", staff[code].id),
                    "deadline": "2099-01-10T18:00:00+08:00",
                }
            },
        )
    # once everyone has someone responsible, the work starts
    assert (await office.data(start, {"id": to_base64("Task", drafts[0].id)}))["startTask"][
        "status"
    ] == "IN_PROGRESS"
    assert (await Requirement.get(id=event.id)).status == "IN_PROGRESS"
