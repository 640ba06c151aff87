"""SQL statements per page: a fixed number, whatever the page size (no N+1).

Tortoise logs every statement it sends at DEBUG on the ``tortoise.db_client`` logger; the
tests count them around one HTTP request. The counts are pinned: a new statement per page
is a decision to make on purpose, and one per row is a bug.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from core import clock
from core.settings import Settings
from models import (
    Comment,
    Department,
    ProgressUpdate,
    Requirement,
    RequirementDepartment,
    Task,
    User,
)
from models.enums import Priority, RequirementStatus, Role, TaskStatus
from tests.conftest import GraphQLClient
from tests.support.sql_log import counted_statements

TASK_PAGE = """query($first: Int) { tasks(first: $first) { edges { node {
  code title deadline isOverdue
  requirement { title }
  assignee { displayName department { name } }
  executingDepartment { name }
  commentCount
  latestProgress { percent summary createdAt }
} } } }"""
REQUIREMENT_PAGE = """query($first: Int) { requirements(first: $first) { edges { node {
  code title status
  initiator { displayName }
  involvedDepartments { isLead department { name } }
  taskCount
} } } }"""

#: Sign-in (the bearer token's user), the page, requirements, users (with their departments,
#: joined: resolvers/loaders.py JOINED), departments of the tasks, comment counts, latest
#: progress reports.
TASK_PAGE_STATEMENTS = 7
#: The same page on PostgreSQL, on the compiled path: sign-in and the page.
COMPILED_TASK_PAGE = 2
#: Sign-in, the page, initiators, involved departments, their departments, task counts.
REQUIREMENT_PAGE_STATEMENTS = 6
#: The same page on PostgreSQL, where the compiled path builds it in one statement
#: (``schema/compiled``): sign-in and the page (a scoped viewer's requirement ids kept
#: from their first read, ``resolvers/access/participation.py``).
COMPILED_REQUIREMENT_PAGE = {"ceo": 2, "finance_head": 2}


async def seed_tasks(count: int) -> None:
    """``count`` tasks over 10 requirements, each with two comments and two progress reports
    (so "latest" has something to choose from).

    Tasks are executed by the first six departments and assigned to people of the other
    six, so the assignees' departments are never already loaded with the executing ones:
    both department batches always run, for 5 rows as for 50.
    """
    departments = await Department.all().order_by("id")
    executing, others = departments[:6], departments[6:]
    people = await User.filter(
        role__in=[Role.EMPLOYEE, Role.DEPT_HEAD], department_id__in=[d.id for d in others]
    ).order_by("id")
    initiator = people[0]
    requirements = [
        await Requirement.create(
            code=f"XQ209901{n:03d}",
            title=f"批量需求{n}",
            status=RequirementStatus.IN_PROGRESS,
            initiator=initiator,
            initiating_department_id=initiator.department_id,
        )
        for n in range(10)
    ]
    for n, requirement in enumerate(requirements):
        for k in range(3):
            await RequirementDepartment.create(
                requirement=requirement,
                department=departments[(n + k) % len(departments)],
                is_lead=k == 0,
            )
    soon = clock.now() + timedelta(days=3)
    await Task.bulk_create(
        [
            Task(
                code=f"{requirements[n % 10].code}-{n // 10 + 1:02d}",
                requirement_id=requirements[n % 10].id,
                seq=n // 10 + 1,
                title=f"批量任务{n:03d}",
                executing_department_id=executing[n % len(executing)].id,
                assignee_id=people[n % len(people)].id,
                deadline=soon + timedelta(hours=n),
                priority=Priority.NORMAL,
                status=TaskStatus.IN_PROGRESS,
            )
            for n in range(count)
        ]
    )
    tasks = await Task.filter(title__startswith="批量任务")
    await Comment.bulk_create(
        [
            Comment(task_id=t.id, author_id=initiator.id, body="进展如何？")
            for t in tasks
            for _ in "ab"
        ]
    )
    await ProgressUpdate.bulk_create(
        [
            ProgressUpdate(task_id=t.id, author_id=t.assignee_id, percent=p, summary=f"完成{p}%")
            for p in (30, 60)
            for t in tasks
        ]
    )


async def statements_for(client: GraphQLClient, query: str, first: int) -> tuple[int, int]:
    """(SQL statements, rows on the page) of one request for a page of ``first``."""
    await client.data(query, {"first": first})  # warm the per-process caches
    with counted_statements() as statements:
        data = await client.data(query, {"first": first})
    (connection,) = data.values()
    return len(statements), len(connection["edges"])


@pytest.mark.parametrize("username", ["admin", "market_head"])
async def test_a_task_page_costs_the_same_statements_for_5_or_50_rows(
    client: GraphQLClient, demo: None, username: str, settings: Settings
) -> None:
    await seed_tasks(60)
    if username == "market_head":  # a participant of every seeded requirement
        market = await Department.get(code="market")
        for requirement in await Requirement.filter(code__startswith="XQ209901"):
            await RequirementDepartment.get_or_create(
                requirement=requirement, department=market, defaults={"is_lead": False}
            )
    viewer = await client.sign_in(username)
    small, small_rows = await statements_for(viewer, TASK_PAGE, 5)
    large, large_rows = await statements_for(viewer, TASK_PAGE, 50)
    assert (small_rows, large_rows) == (5, 50)
    expected = TASK_PAGE_STATEMENTS if settings.uses_sqlite else COMPILED_TASK_PAGE
    assert small == large == expected


async def test_the_task_page_fields_are_right(client: GraphQLClient, demo: None) -> None:
    await seed_tasks(12)
    admin = await client.sign_in("admin")
    data = await admin.data(TASK_PAGE, {"first": 12})
    for edge in data["tasks"]["edges"]:
        node = edge["node"]
        task = await Task.get(code=node["code"]).prefetch_related(
            "requirement", "assignee__department", "executing_department"
        )
        assert node["requirement"] == {"title": task.requirement.title}
        assert task.assignee is not None
        assert node["assignee"]["displayName"] == task.assignee.display_name
        assert node["executingDepartment"] == {"name": task.executing_department.name}
        assert node["commentCount"] == 2
        assert node["latestProgress"]["percent"] == 60


@pytest.mark.parametrize("username", ["ceo", "finance_head"])
async def test_a_requirement_page_costs_the_same_statements_for_5_or_15_rows(
    client: GraphQLClient, demo: None, settings: Settings, username: str
) -> None:
    await seed_tasks(60)
    finance = await Department.get(code="finance")
    for requirement in await Requirement.all():
        await RequirementDepartment.get_or_create(
            requirement=requirement, department=finance, defaults={"is_lead": False}
        )
    viewer = await client.sign_in(username)
    await viewer.data(REQUIREMENT_PAGE, {"first": 5})  # a first read keeps a head's ids
    small, small_rows = await statements_for(viewer, REQUIREMENT_PAGE, 5)
    large, large_rows = await statements_for(viewer, REQUIREMENT_PAGE, 50)
    assert (small_rows, large_rows) == (5, await Requirement.all().count())
    expected = (
        REQUIREMENT_PAGE_STATEMENTS if settings.uses_sqlite else COMPILED_REQUIREMENT_PAGE[username]
    )
    assert small == large == expected
    data = await viewer.data(REQUIREMENT_PAGE, {"first": 50})
    for edge in data["requirements"]["edges"]:
        code = edge["node"]["code"]
        assert edge["node"]["taskCount"] == await Task.filter(requirement__code=code).count()
