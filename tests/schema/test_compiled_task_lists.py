"""What happens around a task on the compiled path (issue 19): its deadline changes (延期),
reschedule requests, helping departments (协助部门) and requests for help (协作请求),
declared in ``schema/compiled/fields_tasks.py``.

The Q3 launch's visual task gets two of each (one request decided, one answered, one
helping department inactive); a task page, a page of tasks and each row by ``node(id)``
run through both servers of ``tests/schema/conftest.py`` for six kinds of viewer: the
answers must be the same JSON, and the compiled path must give each one without errors.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from strawberry.relay import to_base64

from core import clock
from models import (
    CollaborationRequest,
    Department,
    RescheduleRequest,
    Task,
    TaskAssistingDepartment,
    TaskReschedule,
    User,
)
from models.enums import CollaborationStatus, RescheduleRequestStatus
from tests.conftest import GraphQLClient
from tests.schema.test_compiled_lists import Requests, answered_alike
from tests.schema.test_compiled_roots import MENTIONED, _mention

pytestmark = pytest.mark.postgres

LISTS = """code
  reschedules { __typename id reason solution oldDeadline newDeadline createdAt
    requestedBy { username } task { code } }
  rescheduleRequests { id reason deadlineBefore newDeadline late status decidedAt
    decisionNote createdAt requestedBy { username } decidedBy { username } task { code } }
  assistingDepartments { code name head { username } }
  collaborationRequests { id content expectedBy status answer reason answeredAt createdAt
    updatedAt task { code } fromUser { username } fromDepartment { code }
    toDepartment { code } answeredBy { username } }"""
TASK = f"query($code: String!) {{ task(code: $code) {{ {LISTS} }} }}"
PAGE = f"{{ tasks(first: 20) {{ edges {{ node {{ {LISTS} }} }} }} }}"
NODE = """query($id: ID!) { node(id: $id) { __typename id
  ... on TaskReschedule { reason task { code } }
  ... on RescheduleRequest { status decidedBy { username } }
  ... on CollaborationRequest { status toDepartment { code } answeredBy { username } } } }"""


async def _around_the_visual_task() -> Task:
    """Two deadline changes, two reschedule requests (one approved), two helping
    departments (one since deactivated) and two requests for help (one answered)."""
    task = await Task.get(title="完成主视觉图初稿")
    assignee, initiator = (
        await User.get(username="design_staff"),
        await User.get(username="market_staff"),
    )
    now = clock.now()
    for n in range(2):
        await TaskReschedule.create(
            task=task,
            requested_by=initiator,
            reason=f"原因{n}",
            solution=f"方案{n}",
            old_deadline=now + timedelta(days=n),
            new_deadline=now + timedelta(days=n + 3),
        )
    await RescheduleRequest.create(
        task=task,
        requested_by=assignee,
        reason="素材晚到",
        deadline_before=now,
        new_deadline=now + timedelta(days=2),
        late=True,
        status=RescheduleRequestStatus.APPROVED,
        decided_by=initiator,
        decided_at=now,
        decision_note="同意",
    )
    await RescheduleRequest.create(
        task=task, requested_by=assignee, reason="再延", new_deadline=now + timedelta(days=5)
    )
    rnd, production = await Department.get(code="rnd"), await Department.get(code="production")
    await TaskAssistingDepartment.create(task=task, department=rnd)
    await TaskAssistingDepartment.create(task=task, department=production)
    await Department.filter(id=production.id).update(is_active=False)
    for n, department in enumerate((rnd, production)):
        await CollaborationRequest.create(
            task=task,
            requirement_id=task.requirement_id,
            from_user=assignee,
            from_department_id=assignee.department_id,
            to_department=department,
            content=f"请协助{n}",
            expected_by=now + timedelta(days=1),
            status=CollaborationStatus.ANSWERED if n == 0 else CollaborationStatus.OPEN,
            answer="已提供" if n == 0 else "",
            answered_by=initiator if n == 0 else None,
            answered_at=now if n == 0 else None,
        )
    return task


@pytest.mark.parametrize("backend", ["postgres"], indirect=True)
async def test_what_happens_around_a_task_answers_as_the_generic_executor(
    apps: tuple[GraphQLClient, GraphQLClient],
) -> None:
    # given a person who sees the visual task only through a mention on it, and the task
    # with two of each
    _, mentioned_on = await _mention(MENTIONED)
    task = await _around_the_visual_task()
    assert mentioned_on == task.code
    codes = await Task.all().order_by("id").values_list("code", flat=True)
    requests: Requests = [(PAGE, {})]
    requests += [(TASK, {"code": code}) for code in codes]
    for model in (TaskReschedule, RescheduleRequest, CollaborationRequest):
        for pk in await model.all().order_by("id").values_list("id", flat=True):
            requests.append((NODE, {"id": to_base64(model.__name__, pk)}))
    # when both servers answer for every kind of viewer, then alike, the compiled path itself
    answers = await answered_alike(apps, requests)
    # and the initiator saw all of it (after the demo's own request for help), reschedule
    # requests newest first
    seen = answers["market_staff", 1 + list(codes).index(task.code)]["data"]["task"]
    assert [r["reason"] for r in seen["rescheduleRequests"]] == ["再延", "素材晚到"]
    assert [r["reason"] for r in seen["reschedules"]] == ["原因0", "原因1"]
    assert [d["code"] for d in seen["assistingDepartments"]] == ["rnd", "production"]
    made = [(c["content"], c["status"]) for c in seen["collaborationRequests"]][-2:]
    assert made == [("请协助0", "ANSWERED"), ("请协助1", "OPEN")]
    # while the person mentioned on it saw the task and none of it
    mentioned = answers["mentioned", 1 + list(codes).index(task.code)]["data"]["task"]
    assert mentioned["code"] == task.code and not mentioned["reschedules"]
