"""``myWork`` (待办事项) over the demo data: what awaits each person, and nothing else."""

from __future__ import annotations

from datetime import timedelta

from strawberry.relay import to_base64

from core import clock
from models import Delegation, Requirement, Task, TaskResult, User
from models.enums import TaskStatus
from tests.conftest import GraphQLClient

MY_WORK = """{ myWork {
  reviews { code }
  acceptances { code }
  collaborationRequests { toDepartment { code } task { code } }
  tasks { code status }
  feedback { code }
  total
} }"""
COMPLAINT = "客户投诉：A2024批次产品外壳开裂问题处理"
REVIEW = """mutation($id: ID!) {
  reviewRequirement(input: {requirementId: $id, approve: true, comment: "同意"}) { status } }"""


async def _code(title: str) -> str:
    return (await Requirement.get(title=title)).code


async def test_a_head_sees_the_review_their_department_still_owes(
    client: GraphQLClient, demo: None
) -> None:
    # given the complaint under review, which logistics has not reviewed yet
    complaint = await _code(COMPLAINT)
    head = await client.sign_in("logistics_head")
    # when the logistics head asks for their work
    work = (await head.data(MY_WORK))["myWork"]
    # then the complaint awaits their review, and the total counts it
    assert [r["code"] for r in work["reviews"]] == [complaint]
    assert work["total"] >= 1


async def test_a_review_given_leaves_the_list(client: GraphQLClient, demo: None) -> None:
    # given the logistics head with the complaint to review
    requirement = await Requirement.get(title=COMPLAINT)
    head = await client.sign_in("logistics_head")
    # when they approve it
    await head.data(REVIEW, {"id": to_base64("Requirement", requirement.id)})
    # then it no longer awaits them, while sales still owes its review
    assert (await head.data(MY_WORK))["myWork"]["reviews"] == []
    sales = await client.sign_in("sales_head")
    assert [r["code"] for r in (await sales.data(MY_WORK))["myWork"]["reviews"]] == [
        requirement.code
    ]


async def test_a_head_who_reviewed_and_an_employee_have_no_review_waiting(
    client: GraphQLClient, demo: None
) -> None:
    # given production already approved the complaint; logistics staff is no head
    for username in ("production_head", "logistics_staff", "ceo"):
        viewer = await client.sign_in(username)
        # when they ask for their work
        work = (await viewer.data(MY_WORK))["myWork"]
        # then no review waits for them
        assert work["reviews"] == [], username


async def test_an_active_delegate_sees_the_heads_reviews_and_a_revoked_one_does_not(
    client: GraphQLClient, demo: None
) -> None:
    # given the logistics head named logistics staff their delegate for this week
    head = await User.get(username="logistics_head")
    delegate = await User.get(username="logistics_staff")
    now = clock.now()
    delegation = await Delegation.create(
        head=head,
        delegate=delegate,
        starts_at=now - timedelta(hours=1),
        ends_at=now + timedelta(days=7),
    )
    staff = await client.sign_in("logistics_staff")
    # when the delegate asks for their work
    work = (await staff.data(MY_WORK))["myWork"]
    # then the head's review awaits them too
    assert [r["code"] for r in work["reviews"]] == [await _code(COMPLAINT)]
    # and once the delegation is revoked, it does not
    delegation.revoked_at = clock.now()
    await delegation.save()
    assert (await staff.data(MY_WORK))["myWork"]["reviews"] == []


async def test_tasks_requests_and_acceptances_reach_the_right_people(
    client: GraphQLClient, demo: None
) -> None:
    # given the Q3 launch case: design staff works on the visual and asked R&D for help
    designer = await client.sign_in("design_staff")
    # when the designer, R&D staff and the initiator ask for their work
    design_work = (await designer.data(MY_WORK))["myWork"]
    rnd_work = (await (await client.sign_in("rnd_staff")).data(MY_WORK))["myWork"]
    # then the designer has their open task and no request; R&D has the request
    assert design_work["tasks"] and all(t["status"] != "COMPLETED" for t in design_work["tasks"])
    assert design_work["collaborationRequests"] == []
    assert {r["toDepartment"]["code"] for r in rnd_work["collaborationRequests"]} == {"rnd"}
    # and a submitted result awaits the initiator (acceptance group), not another employee
    task = await Task.get(code=design_work["tasks"][0]["code"])
    await Task.filter(id=task.id).update(status=TaskStatus.SUBMITTED, submitted_at=clock.now())
    await TaskResult.create(task=task, submitted_by_id=task.assignee_id, note="", attachment_ids=[])
    initiator = await client.sign_in("market_staff")
    assert [t["code"] for t in (await initiator.data(MY_WORK))["myWork"]["acceptances"]] == [
        task.code
    ]
    outsider = await client.sign_in("legal_staff")
    assert (await outsider.data(MY_WORK))["myWork"]["acceptances"] == []


async def test_feedback_is_asked_of_participants_until_they_give_it(
    client: GraphQLClient, demo: None
) -> None:
    # given the archived thermostat study: production was involved, market gave feedback
    archived = await _code("智能温控器新品立项调研")
    staff = await client.sign_in("production_staff")
    # when production staff asks for their work
    work = (await staff.data(MY_WORK))["myWork"]
    # then the archived requirement asks for their feedback
    assert archived in [r["code"] for r in work["feedback"]]
    # and after they give it, it does not; market (given) and legal (outside) are not asked
    requirement = await Requirement.get(code=archived)
    await staff.data(
        """mutation($id: ID!) { submitFeedback(input: {requirementId: $id, kind: PRAISE,
           content: "协作顺畅"}) { code } }""",
        {"id": to_base64("Requirement", requirement.id)},
    )
    assert archived not in [r["code"] for r in (await staff.data(MY_WORK))["myWork"]["feedback"]]
    for username in ("market_staff", "legal_staff"):
        other = await client.sign_in(username)
        assert archived not in [
            r["code"] for r in (await other.data(MY_WORK))["myWork"]["feedback"]
        ]


async def test_my_work_needs_a_signed_in_person(client: GraphQLClient, demo: None) -> None:
    # given nobody signed in
    # when the anonymous client asks for work
    code = await client.error_code(MY_WORK)
    # then it is refused with a code, not an empty list
    assert code == "UNAUTHENTICATED"
