"""Kept requirement ids are never used once a change of participation has committed.

A server keeps a scoped viewer's requirement ids between requests and proves them current
in the statement that uses them (``resolvers/access/participation.py``), from the log the
triggers of ``core/participation_log.py`` write. Each case reads a viewer's requirement list
once (their ids are kept), changes who takes part in what, in the ORM or in plain SQL from
another connection, and requires the very next read to show the change, gained or lost, as
the scope's own definition reads it.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import TypeVar

import asyncpg
import pytest
import time_machine
from tortoise.connection import get_connection
from tortoise.context import TortoiseContext
from tortoise.models import Model
from tortoise.queryset import QuerySet

from core import clock, participation_log
from core.participation_log import TABLE
from core.settings import Settings
from crossflow import scheduler
from models import (
    Comment,
    Delegation,
    Department,
    DepartmentHead,
    Mention,
    Requirement,
    RequirementDepartment,
    Task,
    TaskAssistingDepartment,
    User,
)
from models.enums import RequirementStatus, Role, TaskStatus
from resolvers.access.auth import Viewer
from resolvers.access.participation import with_participation
from resolvers.access.scope import participation_sources, scoped
from tests.conftest import GraphQLClient
from tests.support.sql_log import counted_statements

pytestmark = pytest.mark.postgres

M = TypeVar("M", bound=Model)
LIST = "{ requirements(first: 100) { edges { node { code } } } }"


async def _read(client: GraphQLClient) -> set[str]:
    data = await client.data(LIST)
    return {edge["node"]["code"] for edge in data["requirements"]["edges"]}


async def _allowed(username: str) -> set[str]:
    """What the scope's definition lets the person read (its subquery, nothing kept)."""
    viewer = Viewer.of_user(await User.get(username=username))
    codes: list[str] = await scoped(Requirement, viewer).values_list("code", flat=True)
    return set(codes)


async def _unseen(username: str) -> Requirement:
    """A new requirement of another department, with a task there, that the person does not
    take part in (the newest, so it leads the page)."""
    user = await User.get(username=username)
    other = await _first(Department.exclude(id=user.department_id).order_by("id"))
    people = await User.filter(department=other).exclude(id=user.id).order_by("id")
    count = await Requirement.all().count()
    requirement = await Requirement.create(
        code=f"XQ209912{count:03d}",
        title="另一个部门的需求",
        status=RequirementStatus.IN_PROGRESS,
        initiator=people[0],
        initiating_department=other,
    )
    await RequirementDepartment.create(requirement=requirement, department=other, is_lead=True)
    await Task.create(
        code=f"{requirement.code}-01",
        requirement=requirement,
        seq=1,
        title="另一个部门的任务",
        executing_department=other,
        assignee=people[-1],
        status=TaskStatus.IN_PROGRESS,
    )
    if not await DepartmentHead.filter(department=other).exists():
        await DepartmentHead.create(department=other, user=people[0])
    assert requirement.code not in await _allowed(username)
    return requirement


async def _first(queryset: QuerySet[M]) -> M:
    found = await queryset.first()
    assert found is not None
    return found


Change = Callable[[str], Awaitable[str]]


async def _assigned_a_task(username: str) -> str:
    requirement = await _unseen(username)
    user = await User.get(username=username)
    await Task.filter(requirement=requirement).limit(1).update(assignee=user)
    return requirement.code


async def _their_department_involved(username: str) -> str:
    requirement = await _unseen(username)
    user = await User.get(username=username)
    await RequirementDepartment.create(
        requirement=requirement, department_id=user.department_id, is_lead=False
    )
    return requirement.code


async def _their_department_assisting(username: str) -> str:
    requirement = await _unseen(username)
    user = await User.get(username=username)
    task = await _first(Task.filter(requirement=requirement))
    await TaskAssistingDepartment.create(task=task, department_id=user.department_id)
    return requirement.code


async def _made_the_initiator(username: str) -> str:
    requirement = await _unseen(username)
    await Requirement.filter(id=requirement.id).update(initiator=await User.get(username=username))
    return requirement.code


async def _a_delegate_of_another_head(username: str) -> str:
    """An active delegation to the person from the head of a department involved in a
    requirement they do not see."""
    requirement = await _unseen(username)
    user = await User.get(username=username)
    involved = await _first(RequirementDepartment.filter(requirement=requirement))
    head = await DepartmentHead.filter(department_id=involved.department_id).first()
    if head is None:
        other = await User.exclude(id=user.id).filter(department_id=involved.department_id)
        head = await DepartmentHead.create(department_id=involved.department_id, user=other[0])
    now = clock.now()
    await Delegation.create(
        head_id=head.user_id,
        delegate=user,
        starts_at=now - timedelta(hours=1),
        ends_at=now + timedelta(days=1),
    )
    return requirement.code


async def _mentioned_on_a_task(username: str) -> str:
    """Someone of the other department @mentions the person on one of its tasks: they read
    that requirement's summary (``_or_mentioned``), though they take no part in it."""
    requirement = await _unseen(username)
    task = await _first(Task.filter(requirement=requirement))
    comment = await Comment.create(task=task, author_id=requirement.initiator_id, body="请看")
    await Mention.create(comment=comment, user=await User.get(username=username))
    return requirement.code


CHANGES: dict[str, Change] = {
    "@mentioned on a task": _mentioned_on_a_task,
    "a task assigned to them": _assigned_a_task,
    "their department involved": _their_department_involved,
    "their department assisting on a task": _their_department_assisting,
    "made the initiator": _made_the_initiator,
    "a delegate of another head": _a_delegate_of_another_head,
}


@pytest.mark.parametrize("backend", ["postgres"], indirect=True)
@pytest.mark.parametrize("username", ["market_staff", "market_head"])
@pytest.mark.parametrize("change", list(CHANGES))
async def test_the_next_read_after_a_change_shows_it(
    apps: tuple[GraphQLClient, GraphQLClient], username: str, change: str
) -> None:
    # given a viewer whose requirement ids the server keeps after a first read
    compiled, _ = apps
    viewer = await compiled.sign_in(username)
    before = await _read(viewer)
    assert before == await _allowed(username)
    with counted_statements() as statements:
        assert await _read(viewer) == before
    assert not any("array_agg" in s for s in statements), "the ids were read again"
    # when they come to take part in one more requirement
    gained = await CHANGES[change](username)
    # then the very next read shows it, as the scope's definition does
    after = await _read(viewer)
    assert gained in after and gained not in before
    assert after == await _allowed(username)


async def _department_taken_off(username: str, code: str) -> None:
    department = (await User.get(username=username)).department_id
    await RequirementDepartment.filter(requirement__code=code, department_id=department).delete()


async def _mention_taken_away(_: str, code: str) -> None:
    await Comment.filter(task__requirement__code=code).delete()  # (its mentions go with it)


#: A part lost: who, how they came to read a requirement, and how that is taken away.
LOSSES: dict[str, tuple[str, Change, Callable[[str, str], Awaitable[None]]]] = {
    "their department taken off": (
        "market_head",
        _their_department_involved,
        _department_taken_off,
    ),
    "the @mention taken away": ("market_staff", _mentioned_on_a_task, _mention_taken_away),
}


@pytest.mark.parametrize("backend", ["postgres"], indirect=True)
@pytest.mark.parametrize("loss", list(LOSSES))
async def test_losing_a_part_hides_the_requirement_at_once(
    apps: tuple[GraphQLClient, GraphQLClient], loss: str
) -> None:
    # given someone who reads a requirement only through one part (their department
    # involved, or an @mention), their ids kept
    username, gain, lose = LOSSES[loss]
    compiled, _ = apps
    viewer = await compiled.sign_in(username)
    gained = await gain(username)
    assert gained in await _read(viewer)
    assert gained in await _read(viewer)  # kept
    # when that part is taken away
    await lose(username, gained)
    # then the next read no longer shows it
    assert gained not in await _read(viewer)
    assert await _read(viewer) == await _allowed(username)


COUNTED = "{ requirements(first: 100) { edges { node { code taskCount } } } }"


@pytest.mark.parametrize("backend", ["postgres"], indirect=True)
async def test_someone_mentioned_nowhere_is_scoped_by_their_ids_alone(
    apps: tuple[GraphQLClient, GraphQLClient],
) -> None:
    # given a head whom no @mention names, reading their requirements with task counts
    compiled, generic = apps
    head, same_head = await compiled.sign_in("market_head"), await generic.sign_in("market_head")
    await head.data(COUNTED)
    # when the page is read with their ids kept
    with counted_statements() as statements:
        page = await head.data(COUNTED)
    # then one statement answers it, with no mention branch (PostgreSQL walks the index by
    # their ids), and the counts are the generic executor's
    (statement,) = [s for s in statements if '"requirement"' in s]
    assert '"mention"' not in statement
    assert page == await same_head.data(COUNTED)
    # and once someone @mentions them, the next page has the branch and shows that
    # requirement with only the task they were asked about counted
    gained = await _mentioned_on_a_task("market_head")
    with counted_statements() as statements:
        page = await head.data(COUNTED)
    assert any('"mention"' in s for s in statements)
    counts = {e["node"]["code"]: e["node"]["taskCount"] for e in page["requirements"]["edges"]}
    assert counts[gained] == 1
    assert page == await same_head.data(COUNTED)


@pytest.mark.parametrize("backend", ["postgres"], indirect=True)
async def test_a_change_typed_in_sql_on_another_connection_counts(
    apps: tuple[GraphQLClient, GraphQLClient], settings: Settings
) -> None:
    # given a staff member whose ids are kept
    compiled, _ = apps
    staff = await compiled.sign_in("market_staff")
    before = await _read(staff)
    await _read(staff)
    # when someone assigns them a task by hand, in psql, outside the application
    requirement = await _unseen("market_staff")
    user = await User.get(username="market_staff")
    url = re.sub(r"^postgres://", "postgresql://", settings.database_url or "")
    outside = await asyncpg.connect(url)
    try:
        await outside.execute(
            "UPDATE task SET assignee_id = $1 WHERE id ="
            " (SELECT min(id) FROM task WHERE requirement_id = $2)",
            user.id,
            requirement.id,
        )
    finally:
        await outside.close()
    # then the next read shows the requirement
    after = await _read(staff)
    assert requirement.code in after and requirement.code not in before


@pytest.mark.parametrize("backend", ["postgres"], indirect=True)
async def test_a_truncated_source_counts_too(apps: tuple[GraphQLClient, GraphQLClient]) -> None:
    # given a staff member who reads a requirement only because their department assists
    compiled, _ = apps
    staff = await compiled.sign_in("market_staff")
    gained = await _their_department_assisting("market_staff")
    assert gained in await _read(staff)
    assert gained in await _read(staff)  # kept
    # when the table is emptied at once (no row trigger fires for a TRUNCATE)
    await get_connection("default").execute_script("TRUNCATE task_assisting_department")
    # then the next read no longer shows it
    assert gained not in await _read(staff)


@pytest.mark.parametrize("backend", ["postgres"], indirect=True)
async def test_an_unrelated_change_keeps_the_ids(apps: tuple[GraphQLClient, GraphQLClient]) -> None:
    # given a staff member whose ids are kept
    compiled, _ = apps
    staff = await compiled.sign_in("market_staff")
    await _read(staff)
    # when another department joins a requirement and a task's progress moves
    market = (await User.get(username="market_staff")).department_id
    unseen = await _unseen("market_staff")
    taken = await RequirementDepartment.filter(requirement=unseen).values_list(
        "department_id", flat=True
    )
    other = await _first(Department.exclude(id__in=[market, *taken]))
    await RequirementDepartment.create(requirement=unseen, department=other, is_lead=False)
    await Task.all().limit(1).update(progress=42)
    # then the next read uses the kept ids: one statement besides the token's user
    allowed = await _allowed("market_staff")
    with counted_statements() as statements:
        assert await _read(staff) == allowed
    assert not any("array_agg" in s for s in statements)
    assert len(statements) == 2, statements


@pytest.mark.parametrize("backend", ["postgres"], indirect=True)
async def test_a_delegation_that_starts_later_counts_from_its_start(
    apps: tuple[GraphQLClient, GraphQLClient],
) -> None:
    # given a delegation to a staff member that starts in an hour, and their ids kept now
    compiled, _ = apps
    staff = await compiled.sign_in("market_staff")
    user = await User.get(username="market_staff")
    requirement = await _unseen("market_staff")
    involved = await _first(RequirementDepartment.filter(requirement=requirement))
    head = await _first(DepartmentHead.filter(department_id=involved.department_id))
    now = clock.now()
    await Delegation.create(
        head_id=head.user_id,
        delegate=user,
        starts_at=now + timedelta(hours=1),
        ends_at=now + timedelta(hours=3),
    )
    assert requirement.code not in await _read(staff)
    assert requirement.code not in await _read(staff)
    # when the hour has passed (no row changed meanwhile)
    with time_machine.travel(now + timedelta(hours=1, minutes=1), tick=True):
        # then the delegation counts
        assert requirement.code in await _read(staff)
    # and once it has ended it no longer does
    with time_machine.travel(now + timedelta(hours=3, minutes=1), tick=True):
        assert requirement.code not in await _read(staff)


@pytest.mark.parametrize("backend", ["postgres"], indirect=True)
async def test_a_prune_makes_every_kept_viewer_read_again(
    apps: tuple[GraphQLClient, GraphQLClient],
) -> None:
    # given a viewer whose ids are kept and a log with rows in it
    compiled, _ = apps
    staff = await compiled.sign_in("market_staff")
    await _read(staff)
    await _read(staff)
    # when the log is pruned
    await participation_log.prune()
    # then the rows every transaction has seen are gone, and the next read reads the ids
    _, rows = await get_connection("default").execute_query(
        f'SELECT key FROM "{participation_log.TABLE}"'
    )
    assert [row["key"] for row in rows] == ["*"]
    allowed = await _allowed("market_staff")
    with counted_statements() as statements:
        assert await _read(staff) == allowed
    assert any("array_agg" in s for s in statements)


@pytest.mark.parametrize("backend", ["postgres"], indirect=True)
async def test_without_the_triggers_nothing_is_kept(
    apps: tuple[GraphQLClient, GraphQLClient],
) -> None:
    # given a database whose participation triggers were dropped (a schema made by hand)
    connection = get_connection("default")
    for statement in participation_log.uninstall_statements():
        await connection.execute_script(statement)
    compiled, _ = apps
    staff = await compiled.sign_in("market_staff")
    await _read(staff)
    # when the viewer reads again
    with counted_statements() as statements:
        await _read(staff)
    # then their ids are read again, and a change shows
    assert any("array_agg" in s for s in statements)
    gained = await _assigned_a_task("market_staff")
    assert gained in await _read(staff)


async def test_every_table_of_the_participation_sources_is_logged(db: TortoiseContext) -> None:
    # given the tables the participation UNION reads (besides the people and departments
    # it reaches by their keys, which never change)
    viewer = Viewer(user_id=1, department_id=1, role=Role.EMPLOYEE, username="x")
    tables = set()
    for source in participation_sources(viewer):
        sql = source.sql()
        tables |= set(re.findall(r'(?:FROM|JOIN) "(\w+)"', sql))
    # then each has triggers that log its changes
    logged = {source.table for source in participation_log.SOURCES}
    assert tables - {"user", "department"} <= logged, tables - logged


async def test_with_participation_still_reads_without_keeping(demo: None) -> None:
    # the uncached read (tests, the generic path's helpers) is unchanged
    viewer = Viewer.of_user(await User.get(username="market_staff"))
    ahead = await with_participation(viewer)
    assert set(ahead.requirement_ids or ()) == set(
        await scoped(Requirement, viewer).values_list("id", flat=True)
    )


@pytest.mark.parametrize("backend", ["postgres"], indirect=True)
async def test_the_scheduler_prunes_the_log_every_ten_minutes(
    apps: tuple[GraphQLClient, GraphQLClient], settings: Settings
) -> None:
    # given a log with the rows of the demo's data
    connection = get_connection("default")
    _, before = await connection.execute_query(f'SELECT count(*) FROM "{TABLE}"')
    assert before[0][0] > 1
    # when the scheduler's prune job runs
    job = scheduler.build_scheduler(settings, inline=True).get_job("participation-prune")
    assert job.trigger.interval == timedelta(minutes=10)
    await job.func()
    # then only its own "read everything again" row is left
    _, after = await connection.execute_query(f'SELECT key FROM "{TABLE}"')
    assert [row["key"] for row in after] == ["*"]
