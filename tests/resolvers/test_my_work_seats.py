"""The to-do list reads who sits in an acceptance group inside its own facts statement
(``resolvers/tasks/my_work_seats.py``); everyone's list agrees with the policy's answer
(``policy.acceptance_group_ids``, who is told and who may decide) in the cases where the
rows differ: an added head (加签), seats handed over (转交) to an active and to a
deactivated person, a running delegation (代理审批), one to a person the head may not name,
a revoked one, and a deactivated head.

The Q3 launch (demo): market_staff raised it, design, finance and sales reviewed it,
design_staff submits 完成主视觉图初稿 (``test_acceptance_group.submitted``).
"""

from __future__ import annotations

from datetime import timedelta

from core import clock
from models import Delegation, User
from resolvers.access import policy
from tests.conftest import GraphQLClient
from tests.resolvers.test_acceptance_acts import ADD, HAND
from tests.resolvers.test_acceptance_group import submitted
from tests.resolvers.test_acceptance_todo import on_list, pending_result
from tests.resolvers.test_signoff_modes import user_gid


async def _lists_agree_with_the_group(client: GraphQLClient, task_id: str) -> set[str]:
    """Everyone active finds the submission on their list exactly when the policy seats
    them; the names of those who do."""
    _, result_id = await pending_result()
    group = set((await policy.acceptance_group_ids([result_id]))[result_id])
    listed = set()
    for user in await User.filter(is_active=True).order_by("id"):
        held = await on_list(client, user.username, task_id)
        assert held == (user.id in group), (user.username, held)
        if held:
            listed.add(user.username)
    return listed


async def _delegate(head: str, delegate: str, revoked: bool = False) -> None:
    """A delegation running now, written as a row (the API refuses whom a head may not
    name; a row can still name them, e.g. after the delegate changed department)."""
    now = clock.now()
    await Delegation.create(
        head=await User.get(username=head),
        delegate=await User.get(username=delegate),
        starts_at=now - timedelta(hours=1),
        ends_at=now + timedelta(days=1),
        revoked_at=now if revoked else None,
    )


async def test_every_list_agrees_with_the_acceptance_group(
    client: GraphQLClient, demo: None
) -> None:
    # given submitted results of the Q3 launch
    task_id = await submitted(client)
    group = {"market_staff", "design_head", "finance_head", "sales_head"}
    assert await _lists_agree_with_the_group(client, task_id) == group
    # when the design head adds the legal head (加签) and the finance head hands their seat
    # to a finance employee (转交)
    design = await client.sign_in("design_head")
    await design.data(ADD, {"t": task_id, "u": await user_gid("legal_head")})
    finance = await client.sign_in("finance_head")
    await finance.data(HAND, {"t": task_id, "u": await user_gid("finance_staff")})
    # then the added head and the receiver sit, the head who handed on does not
    group = group - {"finance_head"} | {"legal_head", "finance_staff"}
    assert await _lists_agree_with_the_group(client, task_id) == group
    # when the sales head delegates to a sales employee, the legal head to a legal employee
    # but revokes it, and the design head names a sales employee (not theirs to name)
    await _delegate("sales_head", "sales_staff")
    await _delegate("legal_head", "legal_staff", revoked=True)
    await _delegate("design_head", "market_head")
    await _delegate("design_head", "sales_staff")
    # then the running, nameable delegates sit beside their heads, and no one else
    group |= {"sales_staff", "market_head"}  # another department's head may stand in
    assert await _lists_agree_with_the_group(client, task_id) == group
    # when the receiver of the finance seat and the sales head leave (deactivated)
    await User.filter(username__in=["finance_staff", "sales_head"]).update(is_active=False)
    # then the finance seat is held by nobody, and the sales head's delegate no longer acts
    group -= {"finance_staff", "sales_head", "sales_staff"}
    assert await _lists_agree_with_the_group(client, task_id) == group
