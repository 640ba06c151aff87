"""Task lists as Relay connections: typed filters, orderBy, stable keyset cursors, the cap."""

from __future__ import annotations

import base64
from datetime import datetime, timedelta
from typing import Any

import pytest
from strawberry.relay import to_base64

from core import clock
from models import Comment, Department, ProgressUpdate, Requirement, Task, User
from models.enums import Priority, TaskStatus
from tests.conftest import GraphQLClient

Q3 = "2024年Q3新品上市推广方案"
LIST = """query($filter: TaskFilter, $orderBy: TaskOrder, $first: Int, $after: String) {
  tasks(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { code deadline } } } }"""
MINE = """query($filter: TaskFilter, $orderBy: TaskOrder) {
  myTasks(filter: $filter, orderBy: $orderBy) { totalCount edges { node { code } } } }"""


def gid(type_name: str, pk: int) -> str:
    return to_base64(type_name, pk)


async def extra_tasks(count: int, *, start: datetime | None = None) -> list[Task]:
    """``count`` more tasks on the Q3 requirement: deadlines repeat in pairs, every 5th has none.

    Repeated deadlines make the id the tie-breaker; missing ones must sort last.
    """
    requirement = await Requirement.get(title=Q3)
    design = await Department.get(code="design")
    designer = await User.get(username="design_staff")
    start = start or clock.now() + timedelta(days=10)
    offset = await Task.filter(requirement_id=requirement.id, seq__gte=50).count()
    rows = [
        Task(
            code=f"{requirement.code}-{50 + offset + n:02d}",
            requirement_id=requirement.id,
            seq=50 + offset + n,
            title=f"批量任务{offset + n:02d}",
            executing_department_id=design.id,
            assignee_id=designer.id,
            deadline=None if n % 5 == 4 else start + timedelta(hours=n // 2),
            priority=Priority.URGENT if n % 3 == 0 else Priority.NORMAL,
            status=TaskStatus.PENDING,
            progress=n,
        )
        for n in range(count)
    ]
    await Task.bulk_create(rows)
    return await Task.filter(code__in=[row.code for row in rows]).order_by("id")


async def walk(client: GraphQLClient, page: int, **variables: Any) -> tuple[list[str], int]:
    """Every code of the list, page after page; and the totalCount of the first page."""
    codes: list[str] = []
    after, total = None, -1
    while True:
        data = (await client.data(LIST, {**variables, "first": page, "after": after}))["tasks"]
        total = data["totalCount"] if total < 0 else total
        codes += [edge["node"]["code"] for edge in data["edges"]]
        assert data["pageInfo"]["hasPreviousPage"] is (after is not None)
        if not data["pageInfo"]["hasNextPage"]:
            return codes, total
        after = data["pageInfo"]["endCursor"]
        assert after == data["edges"][-1]["cursor"]


def by_deadline(tasks: list[Task], *, descending: bool) -> list[str]:
    """Deadline order with the id breaking ties the same way; no deadline last."""
    dated = sorted(
        (t for t in tasks if t.deadline is not None),
        key=lambda t: (t.deadline, t.id),
        reverse=descending,
    )
    undated = sorted((t for t in tasks if t.deadline is None), key=lambda t: t.id)
    return [t.code for t in dated] + [t.code for t in (undated[::-1] if descending else undated)]


@pytest.mark.parametrize("direction", ["ASC", "DESC"])
async def test_pages_by_deadline_visit_every_task_once_in_order(
    client: GraphQLClient, demo: None, direction: str
) -> None:
    await extra_tasks(23)
    admin = await client.sign_in("admin")
    order = {"field": "DEADLINE", "direction": direction}
    codes, total = await walk(admin, 4, orderBy=order)
    everything = await Task.all()
    assert total == len(everything) == len(codes) == len(set(codes))
    assert codes == by_deadline(everything, descending=direction == "DESC")


@pytest.mark.parametrize(
    ("field", "key"),
    [
        ("PRIORITY", lambda t: (t.priority.value, t.id)),
        ("PROGRESS", lambda t: (t.progress, t.id)),
        ("CODE", lambda t: (t.code, t.id)),
        ("CREATED_AT", lambda t: (t.created_at, t.id)),
    ],
)
async def test_every_task_order_pages_without_gaps(
    client: GraphQLClient, demo: None, field: str, key: Any
) -> None:
    await extra_tasks(11)
    admin = await client.sign_in("admin")
    codes, _ = await walk(admin, 5, orderBy={"field": field, "direction": "DESC"})
    assert codes == [t.code for t in sorted(await Task.all(), key=key, reverse=True)]


async def test_the_default_order_is_newest_first(client: GraphQLClient, demo: None) -> None:
    await extra_tasks(6)
    admin = await client.sign_in("admin")
    codes, _ = await walk(admin, 4)
    assert codes == [t.code for t in await Task.all().order_by("-id")]


async def test_a_cursor_stays_valid_when_rows_are_added_meanwhile(
    client: GraphQLClient, demo: None
) -> None:
    await extra_tasks(10)
    admin = await client.sign_in("admin")
    order = {"field": "DEADLINE", "direction": "ASC"}
    first = (await admin.data(LIST, {"orderBy": order, "first": 5}))["tasks"]
    seen = [edge["node"]["code"] for edge in first["edges"]]
    # while the client reads page one, tasks due earlier than all of them are added
    await extra_tasks(3, start=clock.now() + timedelta(days=1))
    rest = (
        await admin.data(
            LIST, {"orderBy": order, "first": 100, "after": first["pageInfo"]["endCursor"]}
        )
    )["tasks"]
    following = [edge["node"]["code"] for edge in rest["edges"]]
    # then page two goes on exactly after the last row read: nothing repeats or shifts
    assert not set(seen) & set(following)
    everything = by_deadline(await Task.all(), descending=False)
    assert following == everything[everything.index(seen[-1]) + 1 :]


@pytest.mark.parametrize("first", [101, -1, 1000])
async def test_first_outside_0_to_100_is_refused_naming_first(
    client: GraphQLClient, demo: None, first: int
) -> None:
    admin = await client.sign_in("admin")
    body = await admin.post(LIST, {"first": first})
    assert body["errors"][0]["extensions"] == {
        "code": "BAD_USER_INPUT",
        "field": "first",
    }


async def test_first_defaults_to_20_and_100_is_allowed(client: GraphQLClient, demo: None) -> None:
    await extra_tasks(30)
    admin = await client.sign_in("admin")
    assert len((await admin.data(LIST))["tasks"]["edges"]) == 20
    assert len((await admin.data(LIST, {"first": 100}))["tasks"]["edges"]) == 34
    empty = (await admin.data(LIST, {"first": 0}))["tasks"]
    assert empty["edges"] == [] and empty["pageInfo"]["hasNextPage"] is True


def _b64(raw: str) -> str:
    return base64.urlsafe_b64encode(raw.encode()).decode()


@pytest.mark.parametrize(
    "cursor",
    [
        "garbage",
        "!!!",
        _b64("not json"),
        _b64('["k1","ID:DESC","7"]'),
        _b64('["k1","DEADLINE:ASC",3,"yesterday"]'),
        _b64('["k1","DEADLINE:ASC",3,"2026-07-01T10:00:00"]'),
        _b64('{"id": 3}'),
    ],
)
async def test_a_garbage_cursor_is_refused_naming_after(
    client: GraphQLClient, demo: None, cursor: str
) -> None:
    admin = await client.sign_in("admin")
    order = {"field": "DEADLINE", "direction": "ASC"}
    body = await admin.post(LIST, {"after": cursor, "orderBy": order})
    assert body["errors"][0]["extensions"] == {"code": "BAD_USER_INPUT", "field": "after"}


async def test_a_cursor_of_another_order_is_refused(client: GraphQLClient, demo: None) -> None:
    admin = await client.sign_in("admin")
    page = (await admin.data(LIST, {"first": 1}))["tasks"]
    cursor = page["pageInfo"]["endCursor"]
    other = {"after": cursor, "orderBy": {"field": "CODE", "direction": "ASC"}}
    body = await admin.post(LIST, other)
    assert body["errors"][0]["extensions"] == {"code": "BAD_USER_INPUT", "field": "after"}


async def test_cursors_issued_before_order_by_existed_still_work(
    client: GraphQLClient, demo: None
) -> None:
    admin = await client.sign_in("admin")
    newest = await Task.all().order_by("-id")
    legacy = _b64(f"cursor:{newest[0].id}")  # the format of the first release
    data = (await admin.data(LIST, {"after": legacy}))["tasks"]
    assert [e["node"]["code"] for e in data["edges"]] == [t.code for t in newest[1:]]


async def filtered(client: GraphQLClient, task_filter: dict[str, Any]) -> list[str]:
    order = {"field": "CODE", "direction": "ASC"}
    data = await client.data(LIST, {"filter": task_filter, "orderBy": order, "first": 100})
    codes = [edge["node"]["code"] for edge in data["tasks"]["edges"]]
    assert data["tasks"]["totalCount"] == len(codes)
    return codes


async def test_task_filters_narrow_the_list(client: GraphQLClient, demo: None) -> None:
    await extra_tasks(10)
    admin = await client.sign_in("admin")
    q3 = await Requirement.get(title=Q3)
    every = sorted(t.code for t in await Task.all())
    batch = sorted(t.code for t in await Task.filter(title__startswith="批量任务"))

    async def codes(**where: Any) -> list[str]:
        return sorted(t.code for t in await Task.filter(**where))

    design = await Department.get(code="design")
    designer = await User.get(username="design_staff")
    assert await filtered(admin, {}) == every
    assert await filtered(admin, {"statuses": ["PENDING"]}) == await codes(status="PENDING")
    assert await filtered(admin, {"departmentIds": [gid("Department", design.id)]}) == await codes(
        executing_department_id=design.id
    )
    assert await filtered(admin, {"assigneeId": gid("User", designer.id)}) == await codes(
        assignee_id=designer.id
    )
    by_initiator = {"initiatorId": gid("User", q3.initiator_id)}
    assert await filtered(admin, by_initiator) == await codes(requirement_id=q3.id)
    assert await filtered(admin, {"priority": "URGENT"}) == await codes(priority="URGENT")
    assert await filtered(admin, {"text": "批量"}) == batch
    assert await filtered(admin, {"text": "rw202609"}) == await codes(code__startswith="RW202609")
    # ranges include both ends
    dated = sorted((t for t in await Task.all() if t.deadline), key=lambda t: t.deadline)
    window = {"from": dated[2].deadline.isoformat(), "to": dated[5].deadline.isoformat()}
    inside = sorted(t.code for t in dated if dated[2].deadline <= t.deadline <= dated[5].deadline)
    assert await filtered(admin, {"deadline": window}) == inside
    # the demo's tasks were created over its story's two months, the batch just now
    oldest = min(t.created_at for t in await Task.all())
    assert await filtered(admin, {"createdAt": {"from": oldest.isoformat()}}) == every
    recent = {"from": (clock.now() - timedelta(minutes=5)).isoformat()}
    assert await filtered(admin, {"createdAt": recent}) == batch
    assert await filtered(admin, {"createdAt": {"to": "2020-01-01T00:00:00+08:00"}}) == []
    # combined: every field must match
    both = {"priority": "URGENT", "text": "批量"}
    assert await filtered(admin, both) == await codes(priority="URGENT", title__startswith="批量")


async def test_the_overdue_filter_is_the_boards_delayed(client: GraphQLClient, demo: None) -> None:
    admin = await client.sign_in("admin")
    late = await Task.filter(status=TaskStatus.IN_PROGRESS).first()
    assert late is not None
    await Task.filter(id=late.id).update(deadline=clock.now() - timedelta(hours=1))
    done = await Task.filter(status=TaskStatus.COMPLETED).first()
    assert done is not None
    await Task.filter(id=done.id).update(deadline=clock.now() - timedelta(days=9))
    await extra_tasks(5)  # one without a deadline: never overdue
    now = clock.now()
    late_codes = sorted(
        t.code
        for t in await Task.all()
        if t.deadline is not None and t.deadline < now and t.status != TaskStatus.COMPLETED
    )
    assert late.code in late_codes and done.code not in late_codes
    assert await filtered(admin, {"overdue": True}) == late_codes
    others = sorted(t.code for t in await Task.exclude(code__in=late_codes))
    assert await filtered(admin, {"overdue": False}) == others


@pytest.mark.parametrize(
    ("task_filter", "field"),
    [
        (
            {"deadline": {"from": "2026-12-01T00:00:00+08:00", "to": "2026-11-01T00:00:00+08:00"}},
            "deadline",
        ),
        (
            {"createdAt": {"from": "2026-12-01T00:00:00Z", "to": "2026-11-01T00:00:00Z"}},
            "createdAt",
        ),
        ({"departmentIds": ["not-an-id"]}, "departmentIds"),
        ({"departmentIds": [to_base64("User", 1)]}, "departmentIds"),
        ({"assigneeId": to_base64("Task", 1)}, "assigneeId"),
        ({"initiatorId": "x"}, "initiatorId"),
        ({"text": "长" * 101}, "text"),
    ],
)
async def test_an_invalid_filter_is_refused_naming_its_field(
    client: GraphQLClient, demo: None, task_filter: dict[str, Any], field: str
) -> None:
    admin = await client.sign_in("admin")
    body = await admin.post(LIST, {"filter": task_filter})
    error = body["errors"][0]["extensions"]
    assert (error["code"], error["field"]) == ("BAD_USER_INPUT", field)


async def test_filters_never_widen_the_viewers_scope(client: GraphQLClient, demo: None) -> None:
    outsider = await client.sign_in("legal_staff")
    q3 = await Requirement.get(title=Q3)
    assert await filtered(outsider, {"initiatorId": gid("User", q3.initiator_id)}) == []
    assert await filtered(outsider, {"text": "RW"}) == []


async def test_my_tasks_filter_and_order(client: GraphQLClient, demo: None) -> None:
    await extra_tasks(7)
    designer = await client.sign_in("design_staff")
    order = {"field": "PROGRESS", "direction": "DESC"}
    mine = (await designer.data(MINE, {"orderBy": order}))["myTasks"]
    user = await User.get(username="design_staff")
    expected = await Task.filter(assignee_id=user.id).order_by("-progress", "-id")
    assert [e["node"]["code"] for e in mine["edges"]] == [t.code for t in expected]
    urgent = (await designer.data(MINE, {"filter": {"priority": "URGENT"}}))["myTasks"]
    assert urgent["totalCount"] == await Task.filter(assignee_id=user.id, priority="URGENT").count()


COUNTS = """{ tasks(orderBy: {field: CODE}) { edges { node { code commentCount
  latestProgress { percent summary } } } } }"""


async def test_comment_count_and_latest_progress(client: GraphQLClient, demo: None) -> None:
    admin = await client.sign_in("admin")
    task = await Task.get(title="完成主视觉图初稿")
    author = await User.get(username="design_staff")
    before = await Comment.filter(task_id=task.id).count()
    for n in range(3):
        await Comment.create(task_id=task.id, author_id=author.id, body=f"第{n}条")
    for percent in (40, 60):
        await ProgressUpdate.create(
            task_id=task.id, author_id=author.id, percent=percent, summary=f"完成了{percent}%"
        )
    rows = {e["node"]["code"]: e["node"] for e in (await admin.data(COUNTS))["tasks"]["edges"]}
    assert rows[task.code]["commentCount"] == before + 3
    assert rows[task.code]["latestProgress"] == {"percent": 60, "summary": "完成了60%"}
    for other in await Task.exclude(id=task.id):
        expected = await ProgressUpdate.filter(task_id=other.id).order_by("-id").first()
        node = rows[other.code]
        assert node["commentCount"] == await Comment.filter(task_id=other.id).count()
        assert node["latestProgress"] == (
            None if expected is None else {"percent": expected.percent, "summary": expected.summary}
        )
