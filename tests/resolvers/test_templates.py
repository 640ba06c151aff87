"""Scenario templates (需求模板): a complaint made from its template, confirmed, and warned.

Done when a complaint created from its template gets the template's departments, tasks with
the right deadlines and response limits, and the alerts fire at the template's thresholds,
not the global ones (both backends, through the ``demo`` fixture).
"""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from core.clock import BUSINESS_TZ
from core.settings import Settings
from models import (
    AuditEntry,
    Department,
    Notification,
    Requirement,
    RequirementDepartment,
    RequirementTemplate,
    RequirementTemplateVersion,
    Task,
    TemplateTask,
    TemplateWarningThreshold,
    User,
    WarningRule,
)
from models.enums import (
    NotificationKind,
    Priority,
    RequirementStatus,
    TaskStatus,
    WarningRuleKind,
)
from resolvers.access.auth import Viewer
from resolvers.alerts.detect import Detector
from resolvers.alerts.scan import scan
from resolvers.errors import BadUserInput, NotFound
from resolvers.requirements.from_template import create_requirement_from_template
from resolvers.requirements.lifecycle import (
    RequirementForm,
    confirm_requirement,
    submit_requirement,
)
from resolvers.requirements.reviews import ReviewInput, review_requirement
from resolvers.templates.definitions import bump_template_version, requirement_templates
from resolvers.templates.thresholds import template_overrides, threshold_bands
from resolvers.workdays import WorkCalendar
from tests.support.sql_log import counted_statements

K = NotificationKind
COMPLAINT = "customer-complaint"


def bj(month: int, day: int, hour: int, minute: int = 0) -> datetime:
    """A Beijing wall-clock time of 2026, as the UTC instant the application stores."""
    return datetime(2026, month, day, hour, minute, tzinfo=BUSINESS_TZ).astimezone(UTC)


async def as_user(username: str) -> Viewer:
    return Viewer.of_user(await User.get(username=username))


async def template_id(key: str = COMPLAINT) -> int:
    return (await RequirementTemplate.get(key=key)).id


async def raise_complaint(
    title: str = "客户投诉：B2026批次包装破损处理", **form: object
) -> Requirement:
    key_points = {
        "goals": "48小时内查明原因并答复客户",
        "deliverables": "质量追溯报告+客户回访记录",
        "acceptance_criteria": "客户确认接受处理方案",
    }
    return await create_requirement_from_template(
        await as_user("service_staff"),
        await template_id(),
        RequirementForm(title=title, **{**key_points, **form}),  # type: ignore[arg-type]
    )


async def approve_and_confirm(
    requirement: Requirement, claims: dict[str, list[str]] | None = None
) -> Requirement:
    """Submit, every involved head approves (with ``claims``), the admin confirms."""
    await submit_requirement(await as_user("service_staff"), requirement.id)
    reviewers = await RequirementDepartment.filter(
        requirement_id=requirement.id, is_lead=False
    ).values_list("department__code", flat=True)
    for code in reviewers:
        await review_requirement(
            await as_user(f"{code}_head"),
            ReviewInput(requirement.id, True, "同意", (claims or {}).get(str(code), [])),
        )
    return await confirm_requirement(await as_user("admin"), requirement.id)


async def planned(requirement: Requirement) -> list[tuple[str, str, datetime | None, str]]:
    rows = (
        await Task.filter(requirement_id=requirement.id)
        .order_by("seq")
        .values("title", "executing_department__code", "deadline", "status", "assignee_id")
    )
    assert all(row["assignee_id"] is None for row in rows)  # drafts: 待分配
    assert {row["status"] for row in rows} <= {TaskStatus.PENDING}
    return [
        (row["title"], row["executing_department__code"], row["deadline"], row["status"])
        for row in rows
    ]


async def test_everyone_lists_the_enabled_templates_and_the_admin_the_disabled_too(
    demo: None,
) -> None:
    # given the four default scenarios, one of them disabled
    await RequirementTemplate.filter(key="policy-rollout").update(enabled=False)
    # when an employee and the admin list them
    employee = [t.key for t in await requirement_templates(await as_user("sales_staff"))]
    admin = [t.key for t in await requirement_templates(await as_user("admin"))]
    # then the employee sees the enabled ones, the admin all four, each at version 1
    assert employee == ["new-product", "marketing-event", "customer-complaint"]
    assert admin == [*employee, "policy-rollout"]
    assert await RequirementTemplateVersion.filter(version=1).count() == 4
    assert not await RequirementTemplate.exclude(version=1).exists()


async def test_a_complaint_from_its_template_gets_its_departments_lead_and_priority(
    demo: None,
) -> None:
    # when customer service raises a complaint from the template, giving only a title
    requirement = await raise_complaint()
    # then it is a draft with the template's departments (customer service leads)
    assert requirement.status == RequirementStatus.DRAFT
    involved = await RequirementDepartment.filter(requirement_id=requirement.id).values_list(
        "department__code", "is_lead", "contribution"
    )
    assert sorted(involved) == [
        ("logistics", False, "路径核查"),
        ("production", False, "质量追溯"),
        ("sales", False, "客户沟通"),
        ("service", True, "受理投诉、汇总结论并回访客户"),
    ]
    # with the template's priority and description, and the version it was made with
    assert requirement.priority == Priority.URGENT
    assert requirement.background.startswith("客服部收到复杂投诉")
    assert (requirement.template_id, requirement.template_version) == (await template_id(), 1)
    audit = await AuditEntry.get(action="requirement.from_template", subject_id=requirement.id)
    assert audit.note == "customer-complaint v1"
    assert await AuditEntry.filter(action="requirement.create", subject_id=requirement.id).exists()


async def test_what_the_form_gives_wins_over_the_template(demo: None) -> None:
    requirement = await raise_complaint(
        background="经销商反馈包装破损",
        priority=Priority.NORMAL,
        involved_department_ids=[(await Department.get(code="logistics")).id],
    )
    involved = await RequirementDepartment.filter(requirement_id=requirement.id).values_list(
        "department__code", flat=True
    )
    assert sorted(involved) == ["logistics", "service"]
    assert (requirement.background, requirement.priority) == ("经销商反馈包装破损", "NORMAL")


async def test_confirmation_adds_the_template_tasks_and_response_limits_to_the_claims(
    demo: None,
) -> None:
    # given a complaint raised and approved, production claiming a task of its own
    with time_machine.travel(bj(7, 1, 9), tick=False):
        requirement = await raise_complaint()
        # when the admin confirms initiation at 09:00
        confirmed = await approve_and_confirm(
            requirement, {"production": ["生产部：排查同批次库存"]}
        )
    assert confirmed.initiated_at == bj(7, 1, 9)
    # then the claim, the template's task (3 days) and one work order per response limit
    assert await planned(requirement) == [
        ("生产部：排查同批次库存", "production", None, TaskStatus.PENDING),
        ("客服部：汇总处理结论并完成客户回访", "service", bj(7, 4, 9), TaskStatus.PENDING),
        ("质量追溯（24小时内响应）", "production", bj(7, 2, 9), TaskStatus.PENDING),
        ("物流路径核查（24小时内响应）", "logistics", bj(7, 2, 9), TaskStatus.PENDING),
        ("客户沟通安抚（4小时内响应）", "sales", bj(7, 1, 13), TaskStatus.PENDING),
    ]
    order = await Task.get(requirement_id=requirement.id, executing_department__code="sales")
    assert order.priority == Priority.URGENT
    assert order.acceptance_criteria == "处理标准：客户沟通安抚"
    assert await AuditEntry.filter(
        action="requirement.generate_tasks", subject_id=requirement.id
    ).exists()


async def test_a_template_edit_raises_the_version_and_leaves_raised_requirements_alone(
    demo: None,
) -> None:
    # given a complaint raised from version 1
    with time_machine.travel(bj(7, 1, 9), tick=False):
        old = await raise_complaint()
    # when the admin moves the template's task from 3 to 5 days after initiation
    admin = await User.get(username="admin")
    tid = await template_id()
    await TemplateTask.filter(template_id=tid).update(offset_days=5)
    version = await bump_template_version(tid, admin.id, "task moved to 5 days")
    # then the template is at version 2, with a snapshot and an audit entry
    assert version == 2 == (await RequirementTemplate.get(id=tid)).version
    snapshot = (await RequirementTemplateVersion.get(template_id=tid, version=2)).snapshot
    assert snapshot["tasks"][0]["offsetDays"] == 5
    audit = await AuditEntry.get(action="template.change", subject_id=tid, to_state="v2")
    assert (audit.actor_id, audit.note, audit.from_state) == (
        admin.id,
        "task moved to 5 days",
        "v1",
    )
    assert audit.before is not None and audit.before["tasks"][0]["offsetDays"] == 3
    # and the requirement raised before keeps version 1 and its 3 days on confirmation
    with time_machine.travel(bj(7, 1, 10), tick=False):
        new = await raise_complaint("客户投诉：C2026批次说明书缺页处理")
        await approve_and_confirm(await Requirement.get(id=old.id))
        await approve_and_confirm(new)
    assert (old.template_version, new.template_version) == (1, 2)
    old_task = await Task.get(requirement_id=old.id, executing_department__code="service")
    new_task = await Task.get(requirement_id=new.id, executing_department__code="service")
    assert old_task.deadline == bj(7, 4, 10)
    assert new_task.deadline == bj(7, 6, 10)


async def test_a_disabled_or_unknown_template_is_refused_and_nothing_is_written(
    demo: None,
) -> None:
    before = (await Requirement.all().count(), await AuditEntry.all().count())
    await RequirementTemplate.filter(key=COMPLAINT).update(enabled=False)
    with pytest.raises(BadUserInput) as refused:
        await raise_complaint()
    assert refused.value.field == "templateId"
    with pytest.raises(NotFound):
        await create_requirement_from_template(
            await as_user("admin"), 999_999, RequirementForm(title="不存在的模板需求")
        )
    # an invalid form is refused as usual, whole: no requirement, no audit entry
    await RequirementTemplate.filter(key=COMPLAINT).update(enabled=True)
    with pytest.raises(BadUserInput):
        await raise_complaint("投诉")  # too short a title
    assert (await Requirement.all().count(), await AuditEntry.all().count()) == before


async def received(kind: NotificationKind, code: str) -> Counter[str]:
    names = await Notification.filter(kind=kind, subject_code=code).values_list(
        "recipient__username", flat=True
    )
    return Counter(str(name) for name in names)


async def test_complaint_work_orders_warn_at_the_template_thresholds_not_the_global_ones(
    demo: None, settings: Settings
) -> None:
    # given a complaint confirmed at 09:00 (an urgent one: globally due soon 3 days ahead,
    # escalated 6 hours ahead; the template says 3 hours and 1 hour)
    with time_machine.travel(bj(7, 1, 9), tick=False):
        requirement = await approve_and_confirm(await raise_complaint())
    sales = await Task.get(requirement_id=requirement.id, executing_department__code="sales")
    trace = await Task.get(
        requirement_id=requirement.id,
        executing_department__code="production",
        title__contains="追溯",
    )
    # and, for comparison, an urgent task of a requirement made without a template
    plain = await Task.get(title="完成主视觉图初稿")
    await Task.filter(id=plain.id).update(deadline=bj(7, 3, 18))
    # when the scan runs at 09:30: the global thresholds would already have fired
    await scan(settings, bj(7, 1, 9, 30))
    # then the plain task is due soon, none of the complaint's work orders is
    assert (await received(K.ALERT_DUE_SOON, plain.code))["design_head"] == 1
    for task in await Task.filter(requirement_id=requirement.id):
        assert await received(K.ALERT_DUE_SOON, task.code) == Counter()
        assert await received(K.ALERT_ESCALATION, task.code) == Counter()
    # at 10:05 the 4-hour customer contact is 3 hours from its deadline: due soon, to the
    # sales head and the initiator (nobody is responsible yet)
    await scan(settings, bj(7, 1, 10, 5))
    assert await received(K.ALERT_DUE_SOON, sales.code) == Counter(
        {"sales_head": 1, "service_staff": 1}
    )
    body = await Notification.filter(kind=K.ALERT_DUE_SOON, subject_code=sales.code).first()
    assert body is not None and "客户沟通安抚" in body.body
    # one hour before it, escalated to the head; not six hours before the 24-hour trace
    await scan(settings, bj(7, 1, 11, 55))
    assert await received(K.ALERT_ESCALATION, sales.code) == Counter()
    await scan(settings, bj(7, 1, 12, 5))
    assert await received(K.ALERT_ESCALATION, sales.code) == Counter({"sales_head": 1})
    # overdue is not overridden: it fires at the deadline, as for every task
    await scan(settings, bj(7, 1, 13, 5))
    assert await received(K.ALERT_OVERDUE, sales.code) == Counter(
        {"sales_head": 1, "service_staff": 1}
    )
    await scan(settings, bj(7, 2, 5, 0))
    assert await received(K.ALERT_ESCALATION, trace.code) == Counter()
    assert await received(K.ALERT_DUE_SOON, trace.code) == Counter()
    await scan(settings, bj(7, 2, 6, 5))
    assert await received(K.ALERT_DUE_SOON, trace.code) == Counter(
        {"production_head": 1, "service_staff": 1}
    )
    # and each warning once
    assert sum((await received(K.ALERT_DUE_SOON, sales.code)).values()) == 2


async def test_the_threshold_of_the_recorded_version_applies(
    demo: None, settings: Settings
) -> None:
    # given a complaint confirmed from version 1 (due soon 3 hours ahead when urgent)
    with time_machine.travel(bj(7, 1, 9), tick=False):
        requirement = await approve_and_confirm(await raise_complaint())
    sales = await Task.get(requirement_id=requirement.id, executing_department__code="sales")
    # when the admin then widens the template's due-soon threshold to 4 hours (version 2)
    tid = await template_id()
    await TemplateWarningThreshold.filter(template_id=tid, kind="DUE_SOON").update(
        threshold_urgent=4
    )
    await bump_template_version(tid, None, "due soon 4 h")
    # then the complaint raised from version 1 still warns 3 hours ahead, not 4
    await scan(settings, bj(7, 1, 9, 5))
    assert await received(K.ALERT_DUE_SOON, sales.code) == Counter()
    await scan(settings, bj(7, 1, 10, 5))
    assert sum((await received(K.ALERT_DUE_SOON, sales.code)).values()) == 2
    assert sales.deadline is not None and sales.deadline - bj(7, 1, 10) == timedelta(hours=3)


async def test_the_scan_reads_every_threshold_of_a_rule_in_one_statement(
    demo: None, settings: Settings
) -> None:
    # given the due-soon rule, which the complaint template's version 1 overrides
    rule = await WarningRule.get(kind="DUE_SOON")
    now = bj(7, 1, 9)

    async def bands_and_statements() -> tuple[int, int]:
        overrides = (await template_overrides()).get(WarningRuleKind.DUE_SOON, {})
        bands = sum(len(threshold_bands(rule, p, overrides)) for p in Priority)
        with counted_statements() as statements:  # a window with nothing due in it
            await Detector(WorkCalendar({}), now).find(rule, now)
        return bands, len(statements)

    before = await bands_and_statements()
    # when the admin gives two more versions of the template thresholds of their own
    tid = await template_id()
    for hours in (4, 5):
        await TemplateWarningThreshold.filter(template_id=tid, kind="DUE_SOON").update(
            threshold_normal=hours, threshold_urgent=hours
        )
        await bump_template_version(tid, None, f"due soon {hours} h")
    after = await bands_and_statements()
    # then the rule has more thresholds to look at, read as before: the template versions
    # and one statement for every band of both priorities
    assert after[0] > before[0] >= 3
    assert before[1] == after[1] == 2
