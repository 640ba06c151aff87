"""加签, 转交 and 催办 for the acceptance group (验收小组), as a review round has them.

The Q3 launch (demo): market_staff raised it, design, finance and sales reviewed it (they
and market_staff are the acceptance group), design_staff submits 完成主视觉图初稿.
"""

from __future__ import annotations

from datetime import timedelta

from core import clock
from models import (
    AuditEntry,
    Delegation,
    Notification,
    ResultHandover,
    ResultReminder,
    ResultSigner,
    User,
)
from models.enums import NotificationKind, SignOffMode
from tests.conftest import GraphQLClient
from tests.resolvers.test_acceptance_group import GROUP, decide, submitted
from tests.resolvers.test_signoff_modes import dept_gid, user_gid

ADD = """mutation($t: ID!, $u: ID!) { addAcceptanceSigner(taskId: $t, userId: $u) {
  status results { addedSigners { department { code } addedBy { username } } } } }"""
HAND = """mutation($t: ID!, $u: ID!) { handOverAcceptance(taskId: $t, toUserId: $u) {
  status results { handovers { fromUser { username } toUser { username } head { username } } }
  } }"""
REMIND = """mutation($t: ID!, $d: ID!) { remindAcceptor(taskId: $t, departmentId: $d) {
  status } }"""


async def asked_to_accept(username: str) -> int:
    """How many times ``username`` was told results await their acceptance."""
    return await Notification.filter(
        kind=NotificationKind.RESULT_SUBMITTED, recipient__username=username
    ).count()


async def test_an_added_signer_must_accept_under_all(client: GraphQLClient, demo: None) -> None:
    # given submitted results of a 会签 requirement
    task_id = await submitted(client)
    # when the design head adds the legal head (加签)
    head = await client.sign_in("design_head")
    added = await head.data(ADD, {"t": task_id, "u": await user_gid("legal_head")})
    # then the legal head is asked to accept, and it is recorded and audited
    assert added["addAcceptanceSigner"]["status"] == "SUBMITTED"
    assert added["addAcceptanceSigner"]["results"][0]["addedSigners"] == [
        {"department": {"code": "legal"}, "addedBy": {"username": "design_head"}}
    ]
    assert await asked_to_accept("legal_head") == 1
    assert await ResultSigner.all().count() == 1
    assert await AuditEntry.filter(action="task.add_acceptance_signer").count() == 1
    # when the whole original group accepts, the results still wait for legal
    for username in GROUP:
        partial = await decide(client, username, task_id)
    assert partial["status"] == "SUBMITTED"
    # when the legal head accepts, the task is completed, legal's decision recorded
    final = await decide(client, "legal_head", task_id)
    assert final["status"] == "COMPLETED"
    departments = [s["department"] for s in final["results"][0]["signoffs"]]
    assert {"code": "legal"} in departments


async def test_under_any_an_added_signer_is_needed_too(client: GraphQLClient, demo: None) -> None:
    # given 或签 results to which the finance head added the legal head
    task_id = await submitted(client, SignOffMode.ANY)
    head = await client.sign_in("finance_head")
    await head.data(ADD, {"t": task_id, "u": await user_gid("legal_head")})
    # when the sales head accepts, then the results still wait for legal
    assert (await decide(client, "sales_head", task_id))["status"] == "SUBMITTED"
    # when the legal head accepts too, then the task is completed
    assert (await decide(client, "legal_head", task_id))["status"] == "COMPLETED"


async def test_adding_is_refused_to_outsiders_and_for_asked_departments(
    client: GraphQLClient, demo: None
) -> None:
    task_id = await submitted(client)
    legal = await user_gid("legal_head")
    # when the assignee or a finance employee (they see the task) adds a signer: FORBIDDEN
    for username in ("design_staff", "finance_staff"):
        caller = await client.sign_in(username)
        assert await caller.error_code(ADD, {"t": task_id, "u": legal}) == "FORBIDDEN"
    # and an uninvolved head does not even see the task
    outsider = await client.sign_in("legal_head")
    assert await outsider.error_code(ADD, {"t": task_id, "u": legal}) == "NOT_FOUND"
    # when a member adds a head already asked, the lead's head, or an employee: BAD_USER_INPUT
    head = await client.sign_in("design_head")
    for username in ("finance_head", "market_head", "legal_staff"):
        variables = {"t": task_id, "u": await user_gid(username)}
        assert await head.error_code(ADD, variables) == "BAD_USER_INPUT", username
    # when a member who already decided adds one: FORBIDDEN
    await decide(client, "sales_head", task_id)
    sales = await client.sign_in("sales_head")
    assert await sales.error_code(ADD, {"t": task_id, "u": legal}) == "FORBIDDEN"
    assert await ResultSigner.all().count() == 0


async def test_a_handed_over_acceptance_is_decided_on_the_heads_behalf(
    client: GraphQLClient, demo: None
) -> None:
    # given submitted results awaiting the finance head
    task_id = await submitted(client)
    head = await client.sign_in("finance_head")
    # when the head hands the acceptance to a finance employee (转交)
    handed = await head.data(HAND, {"t": task_id, "u": await user_gid("finance_staff")})
    assert handed["handOverAcceptance"]["status"] == "SUBMITTED"
    assert handed["handOverAcceptance"]["results"][0]["handovers"] == [
        {
            "fromUser": {"username": "finance_head"},
            "toUser": {"username": "finance_staff"},
            "head": {"username": "finance_head"},
        }
    ]
    # then the employee is asked, the hand-over recorded and audited
    assert await asked_to_accept("finance_staff") == 1
    assert await ResultHandover.all().count() == 1
    assert await AuditEntry.filter(action="task.hand_over_acceptance").count() == 1
    # and the head no longer decides for finance
    variables = {"input": {"taskId": task_id, "accept": True}}
    assert await head.error_code(DECIDE_PLAIN, variables) == "FORBIDDEN"
    # when the employee accepts, it is "finance_staff on behalf of finance_head"
    decided = await decide(client, "finance_staff", task_id)
    assert decided["results"][0]["signoffs"] == [
        {
            "decision": "ACCEPTED",
            "department": {"code": "finance"},
            "signedBy": {"username": "finance_staff"},
            "onBehalfOf": {"username": "finance_head"},
        }
    ]


DECIDE_PLAIN = """mutation($input: ReviewTaskResultInput!) { reviewTaskResult(input: $input) {
  status } }"""


async def test_an_acceptance_is_handed_over_only_within_the_department(
    client: GraphQLClient, demo: None
) -> None:
    task_id = await submitted(client)
    head = await client.sign_in("finance_head")
    # when the head hands it to another department's employee, the initiator, or themselves
    for username in ("sales_staff", "market_staff", "finance_head"):
        variables = {"t": task_id, "u": await user_gid(username)}
        assert await head.error_code(HAND, variables) == "BAD_USER_INPUT", username
    # and an employee, the initiator (their own seat is not handed) or the assignee cannot
    staff = await user_gid("finance_staff")
    for username in ("finance_staff", "market_staff", "design_staff"):
        caller = await client.sign_in(username)
        assert await caller.error_code(HAND, {"t": task_id, "u": staff}) == "FORBIDDEN"
    outsider = await client.sign_in("legal_head")
    assert await outsider.error_code(HAND, {"t": task_id, "u": staff}) == "NOT_FOUND"
    assert await ResultHandover.all().count() == 0


async def test_the_initiator_nudges_a_pending_acceptor_once_a_working_day(
    client: GraphQLClient, demo: None
) -> None:
    # given submitted results; the sales head's delegate is a sales employee
    await Delegation.create(
        head=await User.get(username="sales_head"),
        delegate=await User.get(username="sales_staff"),
        starts_at=clock.now() - timedelta(hours=1),
        ends_at=clock.now() + timedelta(days=2),
    )
    task_id = await submitted(client)
    sales = await dept_gid("sales")
    before = {name: await asked_to_accept(name) for name in ("sales_head", "sales_staff")}
    initiator = await client.sign_in("market_staff")
    # when the initiator nudges sales (催办)
    await initiator.data(REMIND, {"t": task_id, "d": sales})
    # then the head and the delegate are asked again, and it is recorded and audited
    for name, count in before.items():
        assert await asked_to_accept(name) == count + 1, name
    assert await asked_to_accept("finance_head") == 1
    assert await ResultReminder.all().count() == 1
    assert await AuditEntry.filter(action="task.remind_acceptor").count() == 1
    # when the initiator nudges sales again the same working day: RATE_LIMITED with a wait
    body = await initiator.post(REMIND, {"t": task_id, "d": sales})
    error = body["errors"][0]["extensions"]
    assert error["code"] == "RATE_LIMITED" and error["retryAfterSeconds"] > 0
    assert await ResultReminder.all().count() == 1


async def test_nudging_is_the_initiators_and_only_for_pending_acceptances(
    client: GraphQLClient, demo: None
) -> None:
    task_id = await submitted(client)
    finance, legal = await dept_gid("finance"), await dept_gid("legal")
    # when a head nudges: FORBIDDEN
    head = await client.sign_in("sales_head")
    assert await head.error_code(REMIND, {"t": task_id, "d": finance}) == "FORBIDDEN"
    initiator = await client.sign_in("market_staff")
    # when the initiator nudges a department not in the group, or one that decided
    await decide(client, "finance_head", task_id)
    for department in (legal, finance):
        variables = {"t": task_id, "d": department}
        assert await initiator.error_code(REMIND, variables) == "BAD_USER_INPUT"
    # when the acceptance is decided (a rejection sends the task back), nothing is nudged
    await decide(client, "sales_head", task_id, accept=False)
    sales = await dept_gid("sales")
    assert await initiator.error_code(REMIND, {"t": task_id, "d": sales}) == "INVALID_TRANSITION"
    assert await ResultReminder.all().count() == 0
