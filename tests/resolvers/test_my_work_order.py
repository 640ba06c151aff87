"""``myWork``'s lists keep the database's order although their rows come in one statement
unordered (``resolvers/tasks/my_work.py`` sorts them): a missing deadline or submission
time sorts where PostgreSQL and SQLite put a NULL, equal times newest id first."""

from __future__ import annotations

import pytest

from core import clock
from core.queries import int_column
from models import Task, User
from resolvers.access.auth import Viewer
from resolvers.tasks.my_work import my_work
from tests.conftest import GraphQLClient
from tests.schema.test_my_work_statements import _work_for_the_market_head


async def _mixed_times() -> list[int]:
    """The made tasks' ids, a third without deadline and submission time, a third sharing
    one."""
    ids = await int_column(Task.filter(code__startswith="XQ2097").order_by("id"), "id")
    now = clock.now()
    await Task.filter(id__in=ids[::3]).update(deadline=None, submitted_at=None)
    await Task.filter(id__in=ids[1::3]).update(deadline=now, submitted_at=now)
    return ids


async def test_the_lists_are_in_the_databases_order(client: GraphQLClient, demo: None) -> None:
    # given the marketing head with 9 tasks and 9 submissions to accept, some without
    # deadline or submission time and some sharing one
    await _work_for_the_market_head(0, 9)
    ids = await _mixed_times()
    head = await User.get(username="market_head")
    # when their work is read
    work = await my_work(Viewer.of_user(head))
    # then each list is in the order the database gives its query
    mine = Task.filter(assignee_id=head.id).exclude(status="COMPLETED")
    expected_tasks = await mine.order_by("deadline", "-id").values_list("id", flat=True)
    submitted = Task.filter(id__in=ids, status="SUBMITTED")
    expected_acceptances = await submitted.order_by("-submitted_at", "-id").values_list(
        "id", flat=True
    )
    assert [t.id for t in work.tasks] == list(expected_tasks)
    assert [t.id for t in work.acceptances] == list(expected_acceptances)
    # and the undated ones are where the database puts a NULL (not all in one place)
    undated = [t.id for t in work.tasks if t.deadline is None]
    assert undated and len(undated) < len(work.tasks)


@pytest.mark.parametrize("username", ["market_staff", "logistics_staff"])
async def test_nobody_else_sees_the_heads_lists(
    client: GraphQLClient, demo: None, username: str
) -> None:
    # given the marketing head's work
    await _work_for_the_market_head(0, 3)
    person = await User.get(username=username)
    # when a member of marketing, or of a department with no part in it, reads their work
    work = await my_work(Viewer.of_user(person))
    # then none of the head's reviews, acceptances, tasks or feedback is theirs
    made = {"XQ2098", "XQ2097", "XQ2096"}
    codes = [r.code for r in (*work.reviews, *work.feedback)]
    codes += [t.code for t in (*work.acceptances, *work.tasks)]
    shown = [code for code in codes if code[:6] in made]
    assert shown == []


async def test_the_initiator_accepts_what_was_submitted_to_them(
    client: GraphQLClient, demo: None
) -> None:
    # given three submissions on requirements the design employee raised
    await _work_for_the_market_head(0, 3)
    initiator = await User.get(username="design_staff")
    # when they read their work
    work = await my_work(Viewer.of_user(initiator))
    # then they sit in each acceptance group (the initiator's seat), newest first
    accepting = [t.code for t in work.acceptances if t.code.startswith("XQ2097")]
    assert accepting == [f"XQ2097{n:05d}-01" for n in (2, 1, 0)]
