"""Steps 2-4 on tasks: split, edit, start, report progress, reschedule, board and queries."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta
from typing import Any

import pytest
from strawberry.relay import to_base64

from core import clock
from models import (
    AuditEntry,
    Department,
    Notification,
    ProgressUpdate,
    Requirement,
    Task,
    TaskReschedule,
    User,
)
from models.enums import NotificationKind, RequirementStatus, TaskStatus
from tests.conftest import GraphQLClient

Q3 = "2024年Q3新品上市推广方案"
EVENT = "年度客户答谢会筹备"
ARCHIVED = "智能温控器新品立项调研"
TASK_FIELDS = """id code seq: code title status progress version deadline startDate priority
  assignee { username } executingDepartment { code } assistingDepartments { code }
  requirement { status }"""
CREATE = (
    f"""mutation($input: CreateTaskInput!) {{ createTask(input: $input) {{ {TASK_FIELDS} }} }}"""
)
UPDATE = (
    f"""mutation($input: UpdateTaskInput!) {{ updateTask(input: $input) {{ {TASK_FIELDS} }} }}"""
)
START = "mutation($id: ID!) { startTask(id: $id) { status startedAt requirement { status } } }"
REPORT = """mutation($input: ReportProgressInput!) { reportProgress(input: $input) {
  progress lastProgressAt progressUpdates { percent summary author { username } } } }"""
RESCHEDULE = """mutation($input: RescheduleTaskInput!) { rescheduleTask(input: $input) {
  deadline reschedules { reason solution oldDeadline newDeadline requestedBy { username } } } }"""
CONFIRM = "mutation($id: ID!) { confirmRequirement(id: $id) { status } }"


def gid(type_name: str, pk: int) -> str:
    return to_base64(type_name, pk)


async def dept(code: str) -> str:
    return gid("Department", (await Department.get(code=code)).id)


async def user(username: str) -> str:
    return gid("User", (await User.get(username=username)).id)


async def requirement(title: str) -> Requirement:
    return await Requirement.get(title=title)


async def q3_task(title: str) -> Task:
    return await Task.get(requirement__title=Q3, title=title)


def later(days: float) -> str:
    return (clock.now() + timedelta(days=days)).isoformat()


async def initiated_event(client: GraphQLClient) -> Requirement:
    """Given the customer event (raised by market_head) confirmed by the admin."""
    event = await requirement(EVENT)
    admin = await client.sign_in("admin")
    await admin.data(CONFIRM, {"id": gid("Requirement", event.id)})
    # these tests split the work by hand; the draft tasks generated from the departments'
    # claims are tested in test_task_list.py
    await Task.filter(requirement=event).delete()
    return event


async def task_form(event: Requirement, **overrides: Any) -> dict[str, Any]:
    return {
        "requirementId": gid("Requirement", event.id),
        "title": "确认活动场地并签订合同",
        "executingDepartmentId": await dept("office"),
        "assigneeId": await user("office_staff"),
        "assistingDepartmentIds": [await dept("finance")],
        "startDate": str(clock.today()),
        "deadline": later(10),
        "priority": "URGENT",
        "acceptanceCriteria": "场地合同已签，可容纳200人",
        **overrides,
    }


async def refused(client: GraphQLClient, query: str, variables: dict[str, Any]) -> dict[str, Any]:
    """The first error's extensions of a request that must fail."""
    body = await client.post(query, variables)
    assert body.get("errors"), body
    extensions: dict[str, Any] = body["errors"][0]["extensions"]
    return extensions


async def test_the_initiator_splits_an_initiated_requirement_and_the_assignee_is_notified(
    client: GraphQLClient, demo: None
) -> None:
    event = await initiated_event(client)
    initiator = await client.sign_in("market_head")
    # when the initiator creates a task with one responsible person
    task = (await initiator.data(CREATE, {"input": await task_form(event)}))["createTask"]
    # then it is pending, coded after the requirement, with its departments
    assert task["code"].startswith("RW" + event.code.removeprefix("XQ") + "-")
    assert (task["status"], task["progress"], task["version"]) == ("PENDING", 0, 1)
    assert task["assignee"] == {"username": "office_staff"}
    assert task["executingDepartment"] == {"code": "office"}
    assert task["assistingDepartments"] == [{"code": "finance"}]
    assert (await Task.get(code=task["code"])).seq == int(task["code"][-2:])
    # and the assignee is told, with the deadline in Beijing time
    note = await Notification.get(kind=NotificationKind.TASK_ASSIGNED)
    assert (await note.recipient).username == "office_staff"
    local = datetime.fromisoformat(task["deadline"]).astimezone(clock.BUSINESS_TZ)
    assert f"{local:%m}月{local:%d}日 {local:%H:%M}" in note.body
    entry = await AuditEntry.get(action="task.create")
    assert (entry.actor_label, entry.to_state, entry.subject_code) == (
        "market_head",
        "PENDING",
        task["code"],
    )
    # and the admin may split off the next one
    admin = await client.sign_in("admin")
    second = await admin.data(CREATE, {"input": await task_form(event, assistingDepartmentIds=[])})
    assert int(second["createTask"]["code"][-2:]) == int(task["code"][-2:]) + 1


async def test_only_the_initiator_or_admin_creates_tasks_and_only_once_initiated(
    client: GraphQLClient, demo: None
) -> None:
    event = await requirement(EVENT)
    form = {"input": await task_form(event)}
    tasks, audits = await Task.all().count(), await AuditEntry.all().count()
    # a reviewing head (a participant) is FORBIDDEN, an outsider does not see it
    assert await (await client.sign_in("sales_head")).error_code(CREATE, form) == "FORBIDDEN"
    assert await (await client.sign_in("legal_staff")).error_code(CREATE, form) == "NOT_FOUND"
    # before the admin's confirmation the requirement cannot be split
    initiator = await client.sign_in("market_head")
    assert await initiator.error_code(CREATE, form) == "INVALID_TRANSITION"
    # an archived record is read-only, for the admin too
    archived = await requirement(ARCHIVED)
    admin = await client.sign_in("admin")
    archived_form = await task_form(archived, requirementId=gid("Requirement", archived.id))
    assert await admin.error_code(CREATE, {"input": archived_form}) == "FORBIDDEN"
    # and nothing was written
    assert (await Task.all().count(), await AuditEntry.all().count()) == (tasks, audits)


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"title": " 做 "}, "title"),
        ({"assigneeId": None}, "assigneeId"),
        ({"assigneeId": gid("User", 99_999)}, "assigneeId"),
        ({"assigneeId": gid("Department", 1)}, "assigneeId"),
        ({"executingDepartmentId": gid("Department", 99_999)}, "executingDepartmentId"),
        ({"assistingDepartmentIds": [gid("Department", 99_999)]}, "assistingDepartmentIds"),
        ({"deadline": "2020-01-01T00:00:00+08:00"}, "deadline"),
        ({"startDate": "2099-02-01"}, "deadline"),
    ],
)
async def test_bad_task_input_is_refused_naming_the_field(
    client: GraphQLClient, demo: None, overrides: dict[str, Any], field: str
) -> None:
    event = await initiated_event(client)
    initiator = await client.sign_in("market_head")
    before = await Task.all().count()
    extensions = await refused(initiator, CREATE, {"input": await task_form(event, **overrides)})
    assert (extensions["code"], extensions["field"]) == ("BAD_USER_INPUT", field)
    assert await Task.all().count() == before


async def test_a_time_without_a_zone_is_refused(client: GraphQLClient, demo: None) -> None:
    """18:00 where? Refused, whether the DateTime scalar or the use case notices first."""
    event = await initiated_event(client)
    initiator = await client.sign_in("market_head")
    naive = "2099-01-01T18:00:00"
    form = await task_form(event, deadline=naive)
    assert await initiator.error_code(CREATE, {"input": form}) == "BAD_USER_INPUT"
    budget = await q3_task("审核推广预算")
    move = {"taskId": gid("Task", budget.id), "reason": "口径调整", "solution": "延期"}
    move["newDeadline"] = naive
    admin = await client.sign_in("admin")
    assert await admin.error_code(RESCHEDULE, {"input": move}) == "BAD_USER_INPUT"
    assert (await Task.all().count(), await TaskReschedule.all().count()) == (4, 0)


async def test_assisting_departments_exclude_the_executing_one(
    client: GraphQLClient, demo: None
) -> None:
    event = await initiated_event(client)
    initiator = await client.sign_in("market_head")
    form = await task_form(event, assistingDepartmentIds=[await dept("office")])
    extensions = await refused(initiator, CREATE, {"input": form})
    assert extensions["field"] == "assistingDepartmentIds"


async def test_update_task_reassigns_with_versions_and_sends_deadline_moves_to_reschedule(
    client: GraphQLClient, demo: None
) -> None:
    visual = await q3_task("完成主视觉图初稿")
    initiator = await client.sign_in("market_staff")
    task_id = gid("Task", visual.id)
    # when the initiator hands the task to the design head
    updated = await initiator.data(
        UPDATE,
        {"input": {"id": task_id, "assigneeId": await user("design_head"), "version": 1}},
    )
    assert updated["updateTask"]["assignee"] == {"username": "design_head"}
    assert updated["updateTask"]["version"] == 2
    note = await Notification.get(kind=NotificationKind.TASK_ASSIGNED)
    assert (await note.recipient).username == "design_head"
    # then an edit based on the old version is a CONFLICT
    stale = {"input": {"id": task_id, "title": "主视觉图初稿三套", "version": 1}}
    assert await initiator.error_code(UPDATE, stale) == "CONFLICT"
    # and the started task's deadline moves only through rescheduleTask
    moved = await refused(initiator, UPDATE, {"input": {"id": task_id, "deadline": later(9)}})
    assert (moved["code"], moved["field"], moved["hint"]) == (
        "BAD_USER_INPUT",
        "deadline",
        "rescheduleTask",
    )
    # an outsider does not see the task at all
    outsider = await client.sign_in("legal_head")
    assert await outsider.error_code(UPDATE, {"input": {"id": task_id, "title": "改名"}}) == (
        "NOT_FOUND"
    )
    # a participant who is not the initiator may not edit
    other = await client.sign_in("design_head")
    assert await other.error_code(UPDATE, {"input": {"id": task_id, "title": "改名"}}) == (
        "FORBIDDEN"
    )
    # a pending task's deadline may still be set directly
    budget = await q3_task("审核推广预算")
    pending = {"input": {"id": gid("Task", budget.id), "deadline": later(3)}}
    assert (await initiator.data(UPDATE, pending))["updateTask"]["status"] == "PENDING"


async def test_a_completed_task_is_not_edited_or_rescheduled(
    client: GraphQLClient, demo: None
) -> None:
    # given an accepted task
    sales = await q3_task("整理重点客户邀约名单")
    await Task.filter(id=sales.id).update(status=TaskStatus.COMPLETED, progress=100)
    audits = await AuditEntry.all().count()
    initiator = await client.sign_in("market_staff")
    edit = {"input": {"id": gid("Task", sales.id), "title": "重新整理名单"}}
    assert await initiator.error_code(UPDATE, edit) == "INVALID_TRANSITION"
    move = {
        "input": {
            "taskId": gid("Task", sales.id),
            "reason": "客户名单变化",
            "solution": "销售部加派1人",
            "newDeadline": later(4),
        }
    }
    assert await initiator.error_code(RESCHEDULE, move) == "INVALID_TRANSITION"
    row = await Task.get(id=sales.id)
    assert (row.title, row.deadline, row.version) == (sales.title, sales.deadline, sales.version)
    assert await AuditEntry.all().count() == audits


async def test_the_assignee_starts_the_first_task_and_the_requirement_with_it(
    client: GraphQLClient, demo: None
) -> None:
    event = await initiated_event(client)
    initiator = await client.sign_in("market_head")
    created = (await initiator.data(CREATE, {"input": await task_form(event)}))["createTask"]
    # only the assignee may start it; an outsider does not see it
    assert await initiator.error_code(START, {"id": created["id"]}) == "FORBIDDEN"
    assert await (await client.sign_in("legal_staff")).error_code(START, {"id": created["id"]}) == (
        "NOT_FOUND"
    )
    # when the assignee starts it
    assignee = await client.sign_in("office_staff")
    started = (await assignee.data(START, {"id": created["id"]}))["startTask"]
    # then task and requirement are both in progress, each transition audited
    assert started["status"] == "IN_PROGRESS" and started["startedAt"]
    assert started["requirement"] == {"status": "IN_PROGRESS"}
    entries = {
        (e.action, e.from_state, e.to_state)
        for e in await AuditEntry.filter(action__in=["task.start", "requirement.start"])
    }
    assert entries == {
        ("task.start", "PENDING", "IN_PROGRESS"),
        ("requirement.start", "INITIATED", "IN_PROGRESS"),
    }
    # and starting again is an invalid transition that changes nothing
    audits = await AuditEntry.all().count()
    assert await assignee.error_code(START, {"id": created["id"]}) == "INVALID_TRANSITION"
    assert await AuditEntry.all().count() == audits
    assert (await Task.get(code=created["code"])).status == TaskStatus.IN_PROGRESS


async def test_the_assignee_reports_concrete_progress(client: GraphQLClient, demo: None) -> None:
    visual = await q3_task("完成主视觉图初稿")
    report = {
        "taskId": gid("Task", visual.id),
        "percent": 70,
        "summary": "三套风格草图已完成，横版定稿",
        "problems": "竖版尺寸待确认",
        "supportNeeded": "销售部确认门店物料尺寸",
    }
    assignee = await client.sign_in("design_staff")
    reported = (await assignee.data(REPORT, {"input": report}))["reportProgress"]
    assert reported["progress"] == 70 and reported["lastProgressAt"]
    assert reported["progressUpdates"][0] == {
        "percent": 70,
        "summary": "三套风格草图已完成，横版定稿",
        "author": {"username": "design_staff"},
    }
    assert await AuditEntry.filter(action="task.progress", subject_id=visual.id).count() == 1
    # someone else is FORBIDDEN, an outsider gets NOT_FOUND
    assert await (await client.sign_in("market_staff")).error_code(REPORT, {"input": report}) == (
        "FORBIDDEN"
    )
    assert await (await client.sign_in("it_head")).error_code(REPORT, {"input": report}) == (
        "NOT_FOUND"
    )
    # a task not started yet takes no report
    budget = await q3_task("审核推广预算")
    pending = {**report, "taskId": gid("Task", budget.id)}
    finance = await client.sign_in("finance_staff")
    assert await finance.error_code(REPORT, {"input": pending}) == "INVALID_TRANSITION"
    assert await ProgressUpdate.filter(task_id=budget.id).count() == 0


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"summary": "正在做"}, "summary"),
        ({"summary": "   进行中    "}, "summary"),
        ({"percent": 101}, "percent"),
        ({"percent": -1}, "percent"),
    ],
)
async def test_vague_or_impossible_progress_is_refused(
    client: GraphQLClient, demo: None, overrides: dict[str, Any], field: str
) -> None:
    visual = await q3_task("完成主视觉图初稿")
    report = {
        "taskId": gid("Task", visual.id),
        "percent": 60,
        "summary": "第三套草图完成",
        **overrides,
    }
    extensions = await refused(await client.sign_in("design_staff"), REPORT, {"input": report})
    assert (extensions["code"], extensions["field"]) == ("BAD_USER_INPUT", field)
    assert (await Task.get(id=visual.id)).progress == 50


async def test_ten_concurrent_reports_are_all_kept(client: GraphQLClient, demo: None) -> None:
    visual = await q3_task("完成主视觉图初稿")
    assignee = await client.sign_in("design_staff")
    before = await ProgressUpdate.filter(task_id=visual.id).count()

    async def report(percent: int) -> dict[str, Any]:
        summary = f"第{percent}版草图已提交评审"
        variables = {
            "input": {"taskId": gid("Task", visual.id), "percent": percent, "summary": summary}
        }
        return await assignee.post(REPORT, variables)

    # when ten reports arrive at once
    results = await asyncio.gather(*(report(51 + n) for n in range(10)))
    # then none failed, all are kept, and the task shows the last one written
    assert [r.get("errors") for r in results] == [None] * 10
    assert await ProgressUpdate.filter(task_id=visual.id).count() == before + 10
    latest = await ProgressUpdate.filter(task_id=visual.id).order_by("-id").first()
    assert latest is not None
    assert (await Task.get(id=visual.id)).progress == latest.percent


async def test_the_initiator_reschedules_with_reason_solution_and_new_deadline(
    client: GraphQLClient, demo: None
) -> None:
    budget = await q3_task("审核推广预算")
    move = {
        "taskId": gid("Task", budget.id),
        "reason": "预算口径调整，需重新测算",
        "solution": "财务部增派1人支持，延期2天完成",
        "newDeadline": later(2),
    }
    initiator = await client.sign_in("market_staff")
    moved = (await initiator.data(RESCHEDULE, {"input": move}))["rescheduleTask"]
    history = moved["reschedules"]
    assert [(h["reason"], h["solution"]) for h in history] == [(move["reason"], move["solution"])]
    assert history[0]["requestedBy"] == {"username": "market_staff"}
    assert datetime.fromisoformat(history[0]["oldDeadline"]) == budget.deadline
    assert moved["deadline"] == history[0]["newDeadline"]
    row = await Task.get(id=budget.id)
    assert (row.deadline_instance, row.version) == (1, 2)
    notified = await Notification.filter(kind=NotificationKind.TASK_RESCHEDULED).values_list(
        "recipient__username", flat=True
    )
    assert sorted(notified) == ["finance_head", "finance_staff"]
    # the assignee may not move their own deadline; an outsider does not see the task
    assert await (await client.sign_in("finance_staff")).error_code(
        RESCHEDULE, {"input": move}
    ) == ("FORBIDDEN")
    assert await (await client.sign_in("legal_head")).error_code(RESCHEDULE, {"input": move}) == (
        "NOT_FOUND"
    )
    assert await TaskReschedule.filter(task_id=budget.id).count() == 1


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"reason": "  "}, "reason"),
        ({"solution": ""}, "solution"),
        ({"newDeadline": None}, "newDeadline"),
        ({"newDeadline": "2020-01-01T00:00:00+08:00"}, "newDeadline"),
    ],
)
async def test_a_reschedule_needs_all_three_parts(
    client: GraphQLClient, demo: None, overrides: dict[str, Any], field: str
) -> None:
    budget = await q3_task("审核推广预算")
    move = {
        "taskId": gid("Task", budget.id),
        "reason": "预算口径调整",
        "solution": "延期2天",
        "newDeadline": later(2),
        **overrides,
    }
    extensions = await refused(await client.sign_in("admin"), RESCHEDULE, {"input": move})
    assert (extensions["code"], extensions["field"]) == ("BAD_USER_INPUT", field)
    assert await TaskReschedule.all().count() == 0


BOARD = """query($id: ID!) { requirementBoard(requirementId: $id) {
  total delayed completed inProgress pendingAssignment summary byStatus { status count } } }"""


@pytest.mark.parametrize("username", ["market_staff", "finance_head", "admin", "ceo"])
async def test_the_board_counts_in_sql_for_participants_and_management(
    client: GraphQLClient, demo: None, username: str
) -> None:
    q3 = await requirement(Q3)
    reader = await client.sign_in(username)
    board = (await reader.data(BOARD, {"id": gid("Requirement", q3.id)}))["requirementBoard"]
    # the demo: two tasks in progress, the budget review pending and past its deadline
    assert board["summary"] == "总任务3项，已完成0项，进行中2项，延迟1项"
    assert (board["total"], board["completed"], board["inProgress"], board["delayed"]) == (
        3,
        0,
        2,
        1,
    )
    assert board["pendingAssignment"] == 0
    assert {c["status"]: c["count"] for c in board["byStatus"]} == {
        "PENDING": 1,
        "IN_PROGRESS": 2,
        "SUBMITTED": 0,
        "COMPLETED": 0,
    }


async def test_the_board_follows_changes_and_hides_from_outsiders(
    client: GraphQLClient, demo: None
) -> None:
    q3 = await requirement(Q3)
    # given one task accepted (no longer delayed even if late) and one without an assignee
    await Task.filter(requirement_id=q3.id, title="审核推广预算").update(
        status=TaskStatus.COMPLETED
    )
    await Task.filter(requirement_id=q3.id, title="整理重点客户邀约名单").update(assignee_id=None)
    initiator = await client.sign_in("market_staff")
    board = (await initiator.data(BOARD, {"id": gid("Requirement", q3.id)}))["requirementBoard"]
    assert board["summary"] == "总任务3项，已完成1项，进行中2项，延迟0项，待分配1项"
    assert board["pendingAssignment"] == 1
    outsider = await client.sign_in("legal_staff")
    assert await outsider.error_code(BOARD, {"id": gid("Requirement", q3.id)}) == "NOT_FOUND"


TASK = "query($code: String!) { task(code: $code) { title assignee { username } } }"
TASKS = """query($filter: TaskFilter, $first: Int) { tasks(filter: $filter, first: $first) {
  totalCount edges { node { code status } } } }"""
MY_TASKS = """query($filter: TaskFilter) { myTasks(filter: $filter) {
  totalCount edges { node { title } } } }"""


async def test_task_queries_are_scoped(client: GraphQLClient, demo: None) -> None:
    visual = await q3_task("完成主视觉图初稿")
    designer = await client.sign_in("design_staff")
    # task(code) for a participant, NOT_FOUND for an outsider
    assert (await designer.data(TASK, {"code": visual.code}))["task"]["title"] == visual.title
    outsider = await client.sign_in("legal_staff")
    assert await outsider.error_code(TASK, {"code": visual.code}) == "NOT_FOUND"
    assert (await outsider.data(TASKS))["tasks"]["totalCount"] == 0
    # tasks with filters: the admin sees all; by status and by requirement
    admin = await client.sign_in("admin")
    assert (await admin.data(TASKS))["tasks"]["totalCount"] == await Task.all().count()
    q3 = gid("Requirement", visual.requirement_id)
    in_progress = {"filter": {"requirementId": q3, "statuses": ["IN_PROGRESS"]}}
    found = (await admin.data(TASKS, in_progress))["tasks"]
    assert found["totalCount"] == 2
    assert {e["node"]["status"] for e in found["edges"]} == {"IN_PROGRESS"}
    by_assignee = {"filter": {"assigneeId": await user("sales_staff")}}
    assert (await admin.data(TASKS, by_assignee))["tasks"]["totalCount"] == 1
    # myTasks: the viewer's own
    mine = (await designer.data(MY_TASKS))["myTasks"]
    assert [e["node"]["title"] for e in mine["edges"]] == ["完成主视觉图初稿"]
    assert (await admin.data(MY_TASKS))["myTasks"]["totalCount"] == 0
    assert (await designer.data(MY_TASKS, {"filter": {"statuses": ["COMPLETED"]}}))["myTasks"][
        "totalCount"
    ] == 0


async def test_tasks_of_a_requirement_in_progress_are_listed_on_it(
    client: GraphQLClient, demo: None
) -> None:
    q3 = await requirement(Q3)
    assert q3.status == RequirementStatus.IN_PROGRESS
    reader = await client.sign_in("ceo")
    listed = await reader.data(
        "query($code: String!) { requirement(code: $code) { tasks { code } } }", {"code": q3.code}
    )
    assert len(listed["requirement"]["tasks"]) == 3
