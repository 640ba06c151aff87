"""Every invalid requirement transition is refused and changes nothing."""

from __future__ import annotations

import pytest
from strawberry.relay import to_base64

from models import AuditEntry, Department, Requirement, RequirementDepartment, Task, User
from models.enums import RequirementStatus as S
from models.enums import TaskStatus
from tests.conftest import GraphQLClient

#: mutation -> (who performs it, the document, the statuses it is allowed from)
MUTATIONS = {
    "submitRequirement": (
        "market_staff",
        "mutation($id: ID!) { submitRequirement(id: $id) { id } }",
        {S.DRAFT, S.PENDING_MODIFICATION},
    ),
    "updateRequirement": (
        "market_staff",
        """mutation($id: ID!) {
        updateRequirement(input: {id: $id, goals: "更新目标"}) { id } }""",
        {S.DRAFT, S.PENDING_MODIFICATION},
    ),
    "cancelRequirement": (
        "market_staff",
        "mutation($id: ID!) { cancelRequirement(id: $id) { id } }",
        {S.DRAFT, S.PENDING_REVIEW, S.PENDING_MODIFICATION, S.APPROVED},
    ),
    "confirmRequirement": (
        "admin",
        "mutation($id: ID!) { confirmRequirement(id: $id) { id } }",
        {S.APPROVED},
    ),
    "reviewRequirement": (
        "design_head",
        """mutation($id: ID!) {
        reviewRequirement(input: {requirementId: $id, approve: true}) { id } }""",
        {S.PENDING_REVIEW},
    ),
    "submitResultReport": (
        "market_staff",
        """mutation($id: ID!) { submitResultReport(input: {
        requirementId: $id, goalAchievement: "达成"}) { id } }""",
        {S.IN_PROGRESS},
    ),
    "archiveRequirement": (
        "admin",
        "mutation($id: ID!) { archiveRequirement(id: $id) { id } }",
        {S.COMPLETED},
    ),
}

CASES = [
    (name, status)
    for name, (_, _, allowed) in MUTATIONS.items()
    for status in S
    if status not in allowed and status is not S.ARCHIVED
]


@pytest.mark.parametrize(("mutation", "status"), CASES)
async def test_a_mutation_from_a_status_it_does_not_leave_is_an_invalid_transition(
    client: GraphQLClient, demo: None, mutation: str, status: S
) -> None:
    # given a requirement of market_staff involving design, in `status`
    initiator = await User.get(username="market_staff")
    requirement = await Requirement.create(
        code=f"XQ209901{list(S).index(status):03d}",
        title="状态机检查",
        status=status,
        initiator=initiator,
        initiating_department_id=initiator.department_id,
        current_round=0,
    )
    await RequirementDepartment.create(
        requirement=requirement, department=await Department.get(code="design")
    )
    audit_before = await AuditEntry.all().count()
    actor, document, _ = MUTATIONS[mutation]
    signed_in = await client.sign_in(actor)
    # when the mutation is attempted
    code = await signed_in.error_code(document, {"id": to_base64("Requirement", requirement.id)})
    # then it is refused as a transition, and neither the row nor the audit log changed
    assert code == "INVALID_TRANSITION"
    after = await Requirement.get(id=requirement.id)
    assert (after.status, after.version, after.updated_at) == (
        status,
        requirement.version,
        requirement.updated_at,
    )
    assert await AuditEntry.all().count() == audit_before


@pytest.mark.parametrize("mutation", sorted(MUTATIONS))
async def test_every_write_to_an_archived_requirement_is_refused(
    client: GraphQLClient, demo: None, mutation: str
) -> None:
    archived = await Requirement.get(status=S.ARCHIVED)
    actor, document, _ = MUTATIONS[mutation]
    # the archived demo requirement was raised by R&D and reviewed by production
    actor = {"market_staff": "rnd_staff", "design_head": "production_head"}.get(actor, actor)
    signed_in = await client.sign_in(actor)
    code = await signed_in.error_code(document, {"id": to_base64("Requirement", archived.id)})
    assert code in {"INVALID_TRANSITION", "FORBIDDEN"}
    assert (await Requirement.get(id=archived.id)).version == archived.version


#: task mutation -> (who performs it, the document, the task statuses it is allowed from)
TASK_MUTATIONS = {
    "startTask": (
        "design_staff",
        "mutation($id: ID!) { startTask(id: $id) { id } }",
        {TaskStatus.PENDING},
    ),
    "reportProgress": (
        "design_staff",
        """mutation($id: ID!) { reportProgress(input: {
        taskId: $id, percent: 60, summary: "完成两套草图"}) { id } }""",
        {TaskStatus.IN_PROGRESS},
    ),
    "submitTaskResult": (
        "design_staff",
        """mutation($id: ID!) { submitTaskResult(input: {
        taskId: $id, note: "完成"}) { id } }""",
        {TaskStatus.IN_PROGRESS},
    ),
    "reviewTaskResult": (
        "market_staff",
        """mutation($id: ID!) { reviewTaskResult(input: {
        taskId: $id, accept: true}) { id } }""",
        {TaskStatus.SUBMITTED},
    ),
}

TASK_CASES = [
    (name, status)
    for name, (_, _, allowed) in TASK_MUTATIONS.items()
    for status in TaskStatus
    if status not in allowed
]


@pytest.mark.parametrize(("mutation", "status"), TASK_CASES)
async def test_a_task_mutation_from_a_status_it_does_not_leave_is_refused(
    client: GraphQLClient, demo: None, mutation: str, status: TaskStatus
) -> None:
    # given the Q3 visual task (design_staff's) put in `status`
    task = await Task.get(title="完成主视觉图初稿")
    await Task.filter(id=task.id).update(status=status)
    task = await Task.get(id=task.id)
    audit_before = await AuditEntry.all().count()
    actor, document, _ = TASK_MUTATIONS[mutation]
    signed_in = await client.sign_in(actor)
    code = await signed_in.error_code(document, {"id": to_base64("Task", task.id)})
    assert code == "INVALID_TRANSITION"
    after = await Task.get(id=task.id)
    assert (after.status, after.version, after.progress) == (status, task.version, task.progress)
    assert await AuditEntry.all().count() == audit_before
