"""Panel actions call the API's use cases: they cannot do what the API would refuse."""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

from core import clock
from models import Archive, AuditEntry, Delegation, Requirement, Task, TaskReschedule, User
from models.enums import RequirementStatus
from tests.admin_ui.conftest import Panel

Q3 = "2024年Q3新品上市推广方案"
CUSTOMER_EVENT = "年度客户答谢会筹备"
COMPLAINT = "客户投诉：A2024批次产品外壳开裂问题处理"
BEIJING = ZoneInfo("Asia/Shanghai")


async def test_archiving_an_unfinished_requirement_is_refused_and_changes_nothing(
    admin_panel: Panel,
) -> None:
    # given the Q3 launch, still in progress
    q3 = await Requirement.get(title=Q3)
    assert q3.status == RequirementStatus.IN_PROGRESS
    audit_before = await AuditEntry.all().count()
    # when the admin tries to archive it from the panel
    response = await admin_panel.action("requirement", "archive", [q3.id], row=True)
    # then the panel shows the use case's refusal
    assert response.status_code == 400
    assert "INVALID_TRANSITION" not in response.text  # a message for people, not a code
    assert "archiveRequirement" in response.json()["msg"]
    # and nothing changed: status, version, knowledge base, audit log
    unchanged = await Requirement.get(id=q3.id)
    assert (unchanged.status, unchanged.version, unchanged.archived_at) == (
        q3.status,
        q3.version,
        None,
    )
    assert not await Archive.filter(requirement_id=q3.id).exists()
    assert await AuditEntry.all().count() == audit_before


async def test_confirming_initiation_uses_the_use_case_and_is_audited(admin_panel: Panel) -> None:
    # given a requirement every involved department approved
    event = await Requirement.get(title=CUSTOMER_EVENT)
    assert event.status == RequirementStatus.APPROVED
    trail = AuditEntry.filter(subject_type="Requirement", subject_id=event.id)
    earlier = await trail.count()
    # when the admin confirms initiation (确认立项) in the panel
    response = await admin_panel.action("requirement", "confirm", [event.id], row=True)
    assert response.status_code == 200, response.text
    # then it is initiated, as by the confirmRequirement mutation, and audited once
    confirmed = await Requirement.get(id=event.id)
    assert confirmed.status == RequirementStatus.INITIATED
    assert confirmed.initiated_at is not None
    # (the use case's entries, as through the mutation: the confirmation and the task list)
    entries = await trail.order_by("id").offset(earlier)
    assert [(e.action, e.via) for e in entries] == [
        ("requirement.confirm", "admin"),
        ("requirement.generate_tasks", "admin"),
    ]
    entry = entries[0]
    assert (entry.from_state, entry.to_state, entry.actor_label) == (
        "APPROVED",
        "INITIATED",
        "admin",
    )


async def test_confirming_a_requirement_still_under_review_is_refused(admin_panel: Panel) -> None:
    complaint = await Requirement.get(title=COMPLAINT)
    response = await admin_panel.action("requirement", "confirm", [complaint.id], row=True)
    assert response.status_code == 400
    assert (await Requirement.get(id=complaint.id)).status == RequirementStatus.PENDING_REVIEW


async def test_rescheduling_a_delayed_task_records_reason_solution_and_new_deadline(
    admin_panel: Panel,
) -> None:
    # given the overdue budget review of the Q3 launch
    task = await Task.get(title="审核推广预算")
    assert task.deadline is not None and task.deadline < clock.now()
    new_deadline = (clock.now() + timedelta(days=3)).astimezone(BEIJING)
    # when the admin reschedules it in the panel (a Beijing-time form field)
    response = await admin_panel.action(
        "task",
        "reschedule",
        [task.id],
        {
            "reason": "财务部人手不足",
            "solution": "财务部增派1人支持",
            "new_deadline": new_deadline.strftime("%Y-%m-%dT%H:%M"),
        },
        row=True,
    )
    assert response.status_code == 200, response.text
    # then the use case moved the deadline and kept the history
    moved = await Task.get(id=task.id)
    assert moved.deadline is not None
    assert abs(moved.deadline - new_deadline.replace(second=0, microsecond=0)) < timedelta(
        seconds=1
    )
    assert moved.deadline_instance == task.deadline_instance + 1
    history = await TaskReschedule.get(task_id=task.id)
    assert (history.reason, history.solution) == ("财务部人手不足", "财务部增派1人支持")
    # and audited once, by the use case, as made through the panel
    entry = await AuditEntry.get(subject_type="Task", subject_id=task.id)
    assert (entry.action, entry.via, entry.note) == (
        "task.reschedule",
        "admin",
        "财务部人手不足 / 财务部增派1人支持",
    )


async def test_a_reschedule_without_a_reason_is_refused(admin_panel: Panel) -> None:
    task = await Task.get(title="审核推广预算")
    response = await admin_panel.action(
        "task", "reschedule", [task.id], {"reason": "", "solution": "加人"}, row=True
    )
    assert response.status_code == 400
    assert "原因" in response.json()["msg"]
    assert (await Task.get(id=task.id)).deadline == task.deadline


async def test_records_owned_by_the_api_cannot_be_created_edited_or_deleted(
    admin_panel: Panel,
) -> None:
    q3 = await Requirement.get(title=Q3)
    assert (await admin_panel.get("/admin/requirement/create")).status_code == 403
    assert (await admin_panel.get(f"/admin/requirement/edit?pk={q3.id}")).status_code == 403
    response = await admin_panel.action("requirement", "delete", [q3.id])
    assert response.status_code == 400
    assert await Requirement.filter(id=q3.id).exists()


async def test_a_delegation_follows_the_rules_of_set_delegate(admin_panel: Panel) -> None:
    staff = await User.get(username="market_staff")
    head = await User.get(username="market_head")
    starts = clock.now().astimezone(BEIJING)
    form = {
        "head": str(staff.id),  # not a department head
        "delegate": str(head.id),
        "starts_at": starts.strftime("%Y-%m-%dT%H:%M"),
        "ends_at": (starts + timedelta(days=7)).strftime("%Y-%m-%dT%H:%M"),
        "note": "出差",
    }
    refused = await admin_panel.post_form("/admin/delegation/create", form)
    assert refused.status_code == 422
    assert "仅部门负责人可设置代理人" in refused.text
    # a head delegating to their staff for a week is fine, and audited
    form.update(head=str(head.id), delegate=str(staff.id))
    created = await admin_panel.post_form("/admin/delegation/create", form)
    assert created.status_code == 303, created.text
    delegation = await Delegation.get(head_id=head.id)
    assert delegation.ends_at - delegation.starts_at == timedelta(days=7)
    assert delegation.starts_at.utcoffset() == timedelta(0)
    assert await AuditEntry.filter(action="admin.delegation.create", via="admin").exists()


async def test_records_are_searched_and_filtered(admin_panel: Panel) -> None:
    # a search in Chinese words finds the Q3 launch, not the complaint
    found = await admin_panel.get("/admin/requirement/list", params={"q": "推广"})
    assert found.status_code == 200
    assert Q3 in found.text and COMPLAINT not in found.text
    # a filter on the status (待审核) finds the complaint only
    pending = await admin_panel.get(
        "/admin/requirement/list", params={"filter": "status__in=PENDING_REVIEW"}
    )
    assert pending.status_code == 200, pending.text
    assert COMPLAINT in pending.text and Q3 not in pending.text
    # the audit log is searchable too
    log = await admin_panel.get("/admin/audit-entry/list", params={"q": "no-such-action"})
    assert log.status_code == 200
