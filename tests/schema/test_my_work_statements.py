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


async def _work_for_the_market_head(count: int) -> None:
    """``count`` items in each of the marketing head's lists."""
    head = await User.get(username="market_head")
    market = await Department.get(code="market")
    other = await User.get(username="design_staff")
    soon = clock.now() + timedelta(days=3)
    for n in range(count):
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


@pytest.mark.parametrize("backend", ["postgres"], indirect=True)
@pytest.mark.parametrize("count", [5, 50])
async def test_my_work_costs_the_same_with_5_and_50_items_in_every_list(
    apps: tuple[GraphQLClient, GraphQLClient], redis_url: str, count: int
) -> None:
    # given a department head with `count` items in each list (and the demo's own)
    compiled, _ = apps
    await _work_for_the_market_head(count)
    case = CASES["myWork"]
    viewer = await compiled.sign_in(case.viewer)
    async with listening(redis_url):  # the viewer from the access cache, as a server runs
        await viewer.data(case.document)
        # when they read their work with its nested relations
        with counted_statements() as statements:
            work = (await viewer.data(case.document))["myWork"]
    # then every list holds the items made for it
    made = {section: len(work[section]) >= count for section in SECTIONS}
    assert made == dict.fromkeys(SECTIONS, True), work
    # and the read costs at most the pinned statements, whatever the number of items
    assert len(statements) <= case.most, statements
