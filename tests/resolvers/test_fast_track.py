"""Urgent intake (快速触发): a complaint from a fast-track template starts work at once.

Done when a complaint raised from the fast-track template is initiated within the one
request that raises it, its work orders assigned to each department's on-duty person with
their deadlines counted from that moment, so the warnings fire on those deadlines without
anybody reviewing or confirming first (both backends).
"""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta

import time_machine
from strawberry.relay import to_base64

from core.clock import BUSINESS_TZ
from core.settings import Settings
from models import (
    Department,
    Notification,
    RequirementTemplate,
    ReviewRound,
    Task,
    TemplateDepartment,
    User,
)
from models.enums import NotificationKind, TaskStatus
from resolvers.alerts.scan import scan
from resolvers.templates.definitions import bump_template_version
from tests.conftest import GraphQLClient

K = NotificationKind
RAISE = """mutation($input: CreateRequirementFromTemplateInput!) {
  createRequirementFromTemplate(input: $input) {
    code status initiatedAt reviewRounds { number }
    tasks { code title status deadline executingDepartment { code } assignee { username } }
  } }"""
KEY_POINTS = {
    "goals": "48小时内查明原因并答复客户",
    "deliverables": "质量追溯报告+客户回访记录",
    "acceptanceCriteria": "客户确认接受处理方案",
}


def bj(month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=BUSINESS_TZ).astimezone(UTC)


async def make_fast_track(on_duty: dict[str, str]) -> RequirementTemplate:
    """The demo's complaint template marked for urgent intake, with on-duty people."""
    template = await RequirementTemplate.get(key="customer-complaint")
    template.urgent_intake = True
    await template.save(update_fields=["urgent_intake", "updated_at"])
    for department, username in on_duty.items():
        user = await User.get(username=username)
        await TemplateDepartment.filter(
            template_id=template.id, department__code=department
        ).update(on_duty_id=user.id)
    await bump_template_version(template.id, None, "urgent intake with on-duty people")
    return template


async def raise_complaint(client: GraphQLClient, template: RequirementTemplate, **form: object):  # type: ignore[no-untyped-def]
    staff = await client.sign_in("service_staff")
    data = {
        "templateId": to_base64("RequirementTemplate", template.id),
        "title": "客户投诉：A2026批次外壳开裂处理",
        **KEY_POINTS,
        **form,
    }
    return await staff.post(RAISE, {"input": data})


async def received(kind: NotificationKind, code: str) -> Counter[str]:
    names = await Notification.filter(kind=kind, subject_code=code).values_list(
        "recipient__username", flat=True
    )
    return Counter(str(name) for name in names)


async def test_a_complaint_is_initiated_with_assigned_work_orders_and_running_clocks(
    client: GraphQLClient, demo: None, settings: Settings
) -> None:
    # given the complaint template marked for urgent intake, with on-duty people for three
    # of its departments (the service department names nobody: its head takes its task)
    template = await make_fast_track(
        {"production": "production_staff", "logistics": "logistics_staff", "sales": "sales_staff"}
    )
    # when customer service raises a complaint from it at 09:00, in one request
    with time_machine.travel(bj(7, 1, 9), tick=False):
        body = await raise_complaint(client, template)
    created = body["data"]["createRequirementFromTemplate"]
    # then it is initiated at once, without a review round
    assert created["status"] == "INITIATED" and created["reviewRounds"] == []
    assert datetime.fromisoformat(created["initiatedAt"]) == bj(7, 1, 9)
    # and every work order has its responsible person and a deadline counted from now
    orders = {
        (task["executingDepartment"]["code"], task["assignee"]["username"], task["deadline"])
        for task in created["tasks"]
    }
    assert orders == {
        ("production", "production_staff", bj(7, 2, 9).isoformat()),
        ("logistics", "logistics_staff", bj(7, 2, 9).isoformat()),
        ("sales", "sales_staff", bj(7, 1, 13).isoformat()),
        ("service", "service_head", bj(7, 4, 9).isoformat()),
    }
    assert {task["status"] for task in created["tasks"]} == {TaskStatus.PENDING.value}
    # and each responsible person has the assignment in their to-do list
    sales = await Task.get(requirement__code=created["code"], executing_department__code="sales")
    assert await received(K.TASK_ASSIGNED, sales.code) == Counter({"sales_staff": 1})
    # and the clocks run: at 10:05 the 4-hour customer contact is due soon (the template
    # warns 3 hours ahead), to its responsible person, the sales head and the initiator
    await scan(settings, bj(7, 1, 10, 5))
    assert await received(K.ALERT_DUE_SOON, sales.code) == Counter(
        {"sales_staff": 1, "sales_head": 1, "service_staff": 1}
    )
    # and past its deadline it is overdue
    await scan(settings, bj(7, 1, 13, 5))
    assert (await received(K.ALERT_OVERDUE, sales.code))["sales_staff"] == 1


async def test_an_on_duty_person_who_left_the_department_is_passed_over_for_the_head(
    client: GraphQLClient, demo: None
) -> None:
    # given production's on-duty person moved to another department after being named
    template = await make_fast_track({"production": "production_staff"})
    moved = await User.get(username="production_staff")
    moved.department = await Department.get(code="finance")
    await moved.save(update_fields=["department_id", "updated_at"])
    # when a complaint is raised
    created = (await raise_complaint(client, template))["data"]["createRequirementFromTemplate"]
    # then production's work orders go to its head
    production = {
        task["assignee"]["username"]
        for task in created["tasks"]
        if task["executingDepartment"]["code"] == "production"
    }
    assert production == {"production_head"}


async def test_a_fast_track_complaint_without_its_key_points_is_refused_and_writes_nothing(
    client: GraphQLClient, demo: None
) -> None:
    # given the fast-track template
    template = await make_fast_track({"sales": "sales_staff"})
    tasks, rounds = await Task.all().count(), await ReviewRound.all().count()
    # when a complaint is raised without goals or acceptance criteria
    body = await raise_complaint(client, template, goals="", acceptanceCriteria=" ")
    # then it is refused naming both fields, and neither a requirement nor a task is written
    error = body["errors"][0]
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert error["extensions"]["fields"] == ["goals", "acceptanceCriteria"]
    assert (await Task.all().count(), await ReviewRound.all().count()) == (tasks, rounds)
    assert not await Task.filter(requirement__title__contains="A2026批次").exists()


async def test_an_ordinary_template_still_waits_for_review(
    client: GraphQLClient, demo: None
) -> None:
    # given the complaint template not marked for urgent intake
    template = await RequirementTemplate.get(key="customer-complaint")
    # when a complaint is raised from it
    created = (await raise_complaint(client, template))["data"]["createRequirementFromTemplate"]
    # then it is a draft without work orders
    assert (created["status"], created["tasks"]) == ("DRAFT", [])


async def test_work_orders_keep_their_deadlines_from_the_moment_of_intake(
    client: GraphQLClient, demo: None
) -> None:
    # given the fast-track template and a complaint raised at 16:00
    template = await make_fast_track({})
    with time_machine.travel(bj(7, 1, 16), tick=False):
        created = (await raise_complaint(client, template))["data"]["createRequirementFromTemplate"]
    # then every deadline is that moment plus the department's response time
    deadlines = sorted(datetime.fromisoformat(task["deadline"]) for task in created["tasks"])
    assert deadlines[0] == bj(7, 1, 16) + timedelta(hours=4)
    # and with nobody on duty each department's head is responsible
    assert {task["assignee"]["username"] for task in created["tasks"]} == {
        "production_head",
        "logistics_head",
        "sales_head",
        "service_head",
    }
