"""Incremental loads: "everything changed since my last pull" is one paged query.

A BI tool remembers when its last pull started and asks for the rows changed since, ordered
by ``UPDATED_AT`` so that a run can resume from its last cursor. Every write path of a task
moves ``updatedAt``: its own saves, a progress report, a state change, and rows that change
what a task list shows (a comment, a collaboration request).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from strawberry.relay import to_base64

from core import clock
from models import Archive, Notification, Requirement, Task, User
from models.enums import NotificationKind, Role
from resolvers.access.api_tokens import create_api_token
from tests.conftest import GraphQLClient

CHANGED_TASKS = """
query Changed($since: DateTime, $after: String) {
  tasks(first: 2, after: $after, orderBy: {field: UPDATED_AT, direction: ASC},
        filter: {updatedAt: {from: $since}}) {
    pageInfo { hasNextPage endCursor }
    edges { node { code status progress commentCount updatedAt } }
  }
}"""


async def bi_client(client: GraphQLClient) -> GraphQLClient:
    issued = await create_api_token(None, name="BI 增量", role=Role.BI, via="cli")
    return GraphQLClient(client.http, issued.secret)


async def pull(bi: GraphQLClient, document: str, root: str, **variables: Any) -> list[dict]:
    """Every node of a list, page by page, following ``endCursor``."""
    nodes: list[dict] = []
    after = None
    while True:
        page = (await bi.data(document, {**variables, "after": after}))[root]
        nodes += [edge["node"] for edge in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            return nodes
        after = page["pageInfo"]["endCursor"]


async def task_id(title: str) -> str:
    task = await Task.get(title=title)
    return to_base64("Task", task.id)


async def test_a_pull_after_a_progress_report_a_comment_and_a_start_gets_those_three_tasks(
    client: GraphQLClient, demo: None
) -> None:
    # given a BI tool that pulled everything up to now
    bi = await bi_client(client)
    since = clock.now().isoformat()
    assert await pull(bi, CHANGED_TASKS, "tasks", since=since) == []
    # when the assignee reports progress, another comments, and a third starts work
    designer = await client.sign_in("design_staff")
    await designer.data(
        "mutation($t: ID!) { reportProgress(input: {taskId: $t, percent: 70,"
        ' summary: "第三套风格完成"}) { progress } }',
        {"t": await task_id("完成主视觉图初稿")},
    )
    seller = await client.sign_in("sales_staff")
    await seller.data(
        'mutation($t: ID!) { addComment(input: {taskId: $t, body: "名单已过半"}) { id } }',
        {"t": await task_id("整理重点客户邀约名单")},
    )
    finance = await client.sign_in("finance_staff")
    await finance.data(
        "mutation($t: ID!) { startTask(id: $t) { status } }", {"t": await task_id("审核推广预算")}
    )
    # then one paged query since the last pull gets exactly those tasks, in the order they
    # changed, each with what changed
    changed = await pull(bi, CHANGED_TASKS, "tasks", since=since)
    assert [(n["status"], n["progress"], n["commentCount"]) for n in changed] == [
        ("IN_PROGRESS", 70, 1),
        ("IN_PROGRESS", 30, 1),
        ("IN_PROGRESS", 0, 0),
    ]
    assert [n["updatedAt"] for n in changed] == sorted(n["updatedAt"] for n in changed)
    assert all(n["updatedAt"] >= since for n in changed)
    # and nothing else of the demo's tasks came along
    assert len(await pull(bi, CHANGED_TASKS, "tasks", since=None)) == await Task.all().count()


async def test_requirements_and_archives_filter_and_sort_by_their_last_change(
    client: GraphQLClient, demo: None
) -> None:
    # given a BI tool's last pull, then the draft requirement is submitted
    bi = await bi_client(client)
    since = clock.now().isoformat()
    draft = await Requirement.get(title="费用报销流程线上化推行")
    finance = await client.sign_in("finance_staff")
    await finance.data(
        "mutation($r: ID!) { submitRequirement(id: $r) { status } }",
        {"r": to_base64("Requirement", draft.id)},
    )
    # when it pulls requirements and archives changed since
    changed = await pull(
        bi,
        """query($since: DateTime, $after: String) { requirements(first: 1, after: $after,
          orderBy: {field: UPDATED_AT}, filter: {updatedAt: {from: $since}}) {
          pageInfo { hasNextPage endCursor } edges { node { code status updatedAt } } } }""",
        "requirements",
        since=since,
    )
    archives = """query($since: DateTime, $after: String) { archives(first: 1, after: $after,
      orderBy: {field: UPDATED_AT, direction: DESC}, filter: {updatedAt: {from: $since}}) {
      pageInfo { hasNextPage endCursor } edges { node { title updatedAt } } } }"""
    # then only the submitted requirement changed, and no archive did
    assert [(n["code"], n["status"]) for n in changed] == [(draft.code, "PENDING_REVIEW")]
    assert await pull(bi, archives, "archives", since=since) == []
    # and the full pull of archives reads the archived one
    archived = await pull(bi, archives, "archives", since=None)
    assert [n["title"] for n in archived] == [a.title for a in await Archive.all()]


async def test_an_inverted_range_or_a_foreign_cursor_is_refused_with_the_field_named(
    client: GraphQLClient, demo: None
) -> None:
    bi = await bi_client(client)
    # given a range whose from is after its to
    inverted = await bi.post(
        '{ tasks(filter: {updatedAt: {from: "2026-10-02T00:00:00Z", to: "2026-10-01T00:00:00Z"}})'
        " { totalCount } }"
    )
    error = inverted["errors"][0]["extensions"]
    assert error == {"code": "BAD_USER_INPUT", "field": "updatedAt"}
    # and a cursor of the UPDATED_AT order handed to the CREATED_AT order
    page = await bi.data(
        "{ tasks(first: 1, orderBy: {field: UPDATED_AT}) { pageInfo { endCursor } } }"
    )
    cursor = page["tasks"]["pageInfo"]["endCursor"]
    foreign = await bi.post(
        "query($a: String) { tasks(after: $a, orderBy: {field: CREATED_AT}) { totalCount } }",
        {"a": cursor},
    )
    assert foreign["errors"][0]["extensions"] == {"code": "BAD_USER_INPUT", "field": "after"}


async def test_reading_a_notification_moves_its_updated_at(
    client: GraphQLClient, demo: None
) -> None:
    # given a notification in the market head's inbox
    head = await User.get(username="market_head")
    notice = await Notification.create(recipient=head, kind=NotificationKind.SYSTEM, title="hi")
    # when they mark it read (one bulk UPDATE, which auto_now would not touch)
    reader = await client.sign_in("market_head")
    data = await reader.data(
        "mutation($ids: [ID!]!) { markNotificationsRead(ids: $ids) { readAt updatedAt } }",
        {"ids": [to_base64("Notification", notice.id)]},
    )
    # then its last change is the moment it was read
    [read] = data["markNotificationsRead"]
    assert read["updatedAt"] == read["readAt"]
    assert datetime.fromisoformat(read["updatedAt"]) > notice.updated_at
