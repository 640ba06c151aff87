"""``myWork``'s SQL statements do not grow with its lists (issue 19: no N+1, no statement
per item): a department head with 5 items in every list costs what one with 50 does.

The items are made for the marketing head directly in the tables (each list's reason to
hold an item: a review their department owes in an open round, a submission their
department's head sits in the acceptance group of, a task of theirs, a request to their
department, a finished requirement of theirs without feedback), and the document asks for
the nested relations the workbench shows.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from core import clock
from models import (
    CollaborationRequest,
    Department,
    Requirement,
    RequirementDepartment,
    ReviewRound,
    Task,
    TaskResult,
    User,
)
from models.enums import Priority, RequirementStatus, TaskStatus
from tests.conftest import GraphQLClient
from tests.schema.test_statement_counts import CASES
from tests.security.test_api2_cached_viewer import listening
from tests.support.sql_log import counted_statements

pytestmark = [pytest.mark.postgres, pytest.mark.redis]

SECTIONS = ("reviews", "acceptances", "tasks", "collaborationRequests", "feedback")


async def _requirement(code: str, status: RequirementStatus, initiator: User) -> Requirement:
    return await Requirement.create(
        code=code,
        title=f"待办{code}",
        status=status,
        initiator=initiator,
        initiating_department_id=initiator.department_id,
        current_round=1,
    )


async def _work_for_the_market_head(start: int, stop: int) -> None:
    """Items ``start`` to ``stop`` (exclusive) in each of the marketing head's lists."""
    head = await User.get(username="market_head")
    market = await Department.get(code="market")
    other = await User.get(username="design_staff")
    soon = clock.now() + timedelta(days=3)
    for n in range(start, stop):
        review = await _requirement(f"XQ2098{n:05d}", RequirementStatus.PENDING_REVIEW, other)
        await RequirementDepartment.create(
            requirement=review, department_id=other.department_id, is_lead=True
        )
        await RequirementDepartment.create(requirement=review, department=market, is_lead=False)
        await ReviewRound.create(requirement=review, number=1, opened_at=clock.now())
        running = await _requirement(f"XQ2097{n:05d}", RequirementStatus.IN_PROGRESS, other)
        await RequirementDepartment.create(
            requirement=running, department_id=other.department_id, is_lead=True
        )
        await RequirementDepartment.create(requirement=running, department=market, is_lead=False)
        submitted, mine = [
            await Task.create(
                code=f"{running.code}-{seq:02d}",
                requirement=running,
                seq=seq,
                title=f"任务{seq}",
                executing_department_id=assignee.department_id,
                assignee=assignee,
                deadline=soon + timedelta(hours=n),
                priority=Priority.NORMAL,
                status=status,
                submitted_at=clock.now() if status is TaskStatus.SUBMITTED else None,
            )
            for seq, assignee, status in (
                (1, other, TaskStatus.SUBMITTED),
                (2, head, TaskStatus.IN_PROGRESS),
            )
        ]
        await TaskResult.create(task=submitted, submitted_by=other, note="完成")
        await CollaborationRequest.create(
            task=mine,
            requirement=running,
            from_user=other,
            from_department_id=other.department_id,
            to_department=market,
            content=f"请协助{n}",
        )
        await _requirement(f"XQ2096{n:05d}", RequirementStatus.COMPLETED, head)


#: The facts (who sits in which acceptance group among them: ``my_work_seats.py``), then
#: every list's rows (``resolvers/tasks/my_work.py``): submissions awaiting acceptance cost
#: nothing more, as in the demo's case of ``CASES``.
WITH_SUBMISSIONS = 2


async def _read(viewer: GraphQLClient, document: str) -> tuple[int, dict[str, Any]]:
    """(statements, lists) of one read of ``myWork``, after one that warmed the caches."""
    await viewer.data(document)
    with counted_statements() as statements:
        work = (await viewer.data(document))["myWork"]
    return len(statements), work


@pytest.mark.parametrize("backend", ["postgres"], indirect=True)
async def test_my_work_costs_the_same_with_5_and_50_items_in_every_list(
    apps: tuple[GraphQLClient, GraphQLClient], redis_url: str
) -> None:
    # given a department head with 5 items in each list (and the demo's own)
    compiled, _ = apps
    await _work_for_the_market_head(0, 5)
    document = CASES["myWork"].document
    viewer = await compiled.sign_in(CASES["myWork"].viewer)
    async with listening(redis_url):  # the viewer from the access cache, as a server runs
        # when they read their work with its nested relations, then again with 50 of each
        few, small = await _read(viewer, document)
        await _work_for_the_market_head(5, 50)
        many, large = await _read(viewer, document)
    # then every list holds the items made for it
    sizes = {section: (len(small[section]), len(large[section])) for section in SECTIONS}
    assert all(a >= 5 and b >= 50 for a, b in sizes.values()), sizes
    # and 50 items cost what 5 do, within the pinned statements
    assert (few, many) == (few, few) and few <= WITH_SUBMISSIONS, (few, many)


@pytest.mark.parametrize("backend", ["postgres"], indirect=True)
async def test_a_person_with_nothing_to_accept_costs_the_pinned_case(
    apps: tuple[GraphQLClient, GraphQLClient], redis_url: str
) -> None:
    # given an employee with 50 tasks and requests, and nothing to review or accept
    compiled, _ = apps
    await _work_for_the_market_head(0, 50)
    viewer = await compiled.sign_in("market_staff")
    await Task.filter(code__startswith="XQ2097", seq=2).update(
        assignee_id=(await User.get(username="market_staff")).id
    )
    async with listening(redis_url):
        # when they read their work
        count, work = await _read(viewer, CASES["myWork"].document)
    # then they see their tasks and requests and nothing of the head's, in the facts' and
    # the rows' statements: no acceptance group is asked for
    assert (len(work["tasks"]), len(work["collaborationRequests"])) == (50, 50), work
    assert (work["reviews"], work["acceptances"]) == ([], []), work
    assert count <= CASES["myWork"].most, count
