"""The acceptance group's added heads (加签) and hand-over receivers (转交) find the results
on their to-do list (``myWork.acceptances``) and get the acceptance SLA warning; a head who
handed their seat on no longer does; decided results leave every list; outsiders never see.

The Q3 launch (demo): market_staff raised it, design, finance and sales reviewed it,
design_staff submits 完成主视觉图初稿 (``test_acceptance_group.submitted``).
"""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime

from core.clock import BUSINESS_TZ
from core.settings import Settings
from models import Notification, Requirement, Task, TaskResult, User
from models.enums import NotificationKind, ResultDecision
from resolvers.access import policy
from resolvers.access.auth import Viewer
from resolvers.alerts.scan import scan
from resolvers.errors import Forbidden
from tests.conftest import GraphQLClient
from tests.resolvers.test_acceptance_acts import ADD, HAND
from tests.resolvers.test_acceptance_group import SUBMIT, decide, submitted
from tests.resolvers.test_signoff_modes import user_gid

TODO = "{ myWork { acceptances { id } } }"
OUTSIDERS = ("rnd_head", "legal_staff", "design_staff")


def bj(month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=BUSINESS_TZ).astimezone(UTC)


async def on_list(client: GraphQLClient, username: str, task_id: str) -> bool:
    person = await client.sign_in(username)
    return task_id in [t["id"] for t in (await person.data(TODO))["myWork"]["acceptances"]]


async def warned() -> Counter[str]:
    names = await Notification.filter(kind=NotificationKind.ALERT_ACCEPTANCE_SLA).values_list(
        "recipient__username", flat=True
    )
    return Counter(str(name) for name in names)


async def scan_overdue(settings: Settings) -> None:
    """Backdate every submission so the acceptance SLA (3 working days) is crossed, and scan."""
    await Task.filter(status="SUBMITTED").update(submitted_at=bj(9, 30, 16))
    await scan(settings, bj(10, 10, 16, 5))


async def seat_holders_agree(requirement: Requirement, result_id: int) -> None:
    """The bulk answer (who is told, whose list) is the per-person one (who may decide)."""
    group = set((await policy.acceptance_group_ids([result_id]))[result_id])
    for user in await User.filter(is_active=True):
        try:
            seats = await policy.acceptance_seats(Viewer.of_user(user), requirement, result_id)
        except Forbidden:
            seats = []
        assert bool(seats) == (user.id in group), user.username


async def pending_result() -> tuple[Requirement, int]:
    result = await TaskResult.get(decision=ResultDecision.PENDING).prefetch_related(
        "task__requirement"
    )
    return result.task.requirement, result.id


async def test_an_added_head_sees_the_acceptance_and_is_warned(
    client: GraphQLClient, demo: None, settings: Settings
) -> None:
    # given submitted results to which the design head added the legal head (加签)
    task_id = await submitted(client)
    assert not await on_list(client, "legal_head", task_id)
    head = await client.sign_in("design_head")
    await head.data(ADD, {"t": task_id, "u": await user_gid("legal_head")})
    # then the legal head finds them on their to-do list, and outsiders do not
    assert await on_list(client, "legal_head", task_id)
    for username in OUTSIDERS:
        assert not await on_list(client, username, task_id), username
    await seat_holders_agree(*await pending_result())
    # when the results stay undecided past the SLA, then the legal head is warned too
    await scan_overdue(settings)
    told = await warned()
    assert told["legal_head"] == 1
    assert {"market_staff", "design_head", "finance_head", "sales_head"} <= set(told)
    assert not set(OUTSIDERS) & set(told)


async def test_after_a_hand_over_the_receiver_sees_it_and_the_head_no_longer(
    client: GraphQLClient, demo: None, settings: Settings
) -> None:
    # given submitted results the finance head handed to a finance employee (转交)
    task_id = await submitted(client)
    assert await on_list(client, "finance_head", task_id)
    assert not await on_list(client, "finance_staff", task_id)
    head = await client.sign_in("finance_head")
    await head.data(HAND, {"t": task_id, "u": await user_gid("finance_staff")})
    # then the employee finds them on the to-do list and the head no longer does
    assert await on_list(client, "finance_staff", task_id)
    assert not await on_list(client, "finance_head", task_id)
    await seat_holders_agree(*await pending_result())
    # and the SLA warning goes to the employee, not to the head who handed it on
    await scan_overdue(settings)
    told = await warned()
    assert told["finance_staff"] == 1
    assert "finance_head" not in told
    assert not set(OUTSIDERS) & set(told)


async def test_once_decided_it_leaves_everyones_list(client: GraphQLClient, demo: None) -> None:
    # given results with an added legal head and finance handed to a finance employee
    task_id = await submitted(client)
    design = await client.sign_in("design_head")
    await design.data(ADD, {"t": task_id, "u": await user_gid("legal_head")})
    finance = await client.sign_in("finance_head")
    await finance.data(HAND, {"t": task_id, "u": await user_gid("finance_staff")})
    holders = ("market_staff", "design_head", "sales_head", "finance_staff", "legal_head")
    for username in holders:
        assert await on_list(client, username, task_id), username
    # when every seat accepts (会签), the task is completed
    for username in holders:
        final = await decide(client, username, task_id)
    assert final["status"] == "COMPLETED"
    # then nobody, holder or not, still has it on the list
    for username in (*holders, "finance_head", *OUTSIDERS):
        assert not await on_list(client, username, task_id), username


async def test_a_resubmission_after_a_rejection_is_on_the_list_again(
    client: GraphQLClient, demo: None
) -> None:
    # given results the initiator rejected (会签: one rejection sends them back)
    task_id = await submitted(client)
    await decide(client, "market_staff", task_id, accept=False)
    assert not await on_list(client, "market_staff", task_id)
    # when the assignee submits again
    assignee = await client.sign_in("design_staff")
    await assignee.data(SUBMIT, {"input": {"taskId": task_id, "note": "改过的方案"}})
    # then every member of the group, the initiator who rejected included, has it to accept
    for username in ("market_staff", "design_head", "finance_head", "sales_head"):
        assert await on_list(client, username, task_id), username
