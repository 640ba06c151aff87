"""Step 3: participants comment on tasks; ``@username`` mentions notify exactly those named."""

from __future__ import annotations

import pytest

from core.settings import Settings
from models import AuditEntry, CollaborationRequest, Comment, Mention, Notification, Task, User
from models.enums import NotificationKind
from tests.conftest import GraphQLClient
from tests.resolvers.test_tasks import gid, q3_task, refused
from tests.support.sql_log import counted_statements

ADD = """mutation($input: AddCommentInput!) { addComment(input: $input) {
  id body author { username } task { code } mentions { username } } }"""
COMMENTS = """query($code: String!) { task(code: $code) {
  comments { body author { username } mentions { username } } } }"""


async def visual_id() -> str:
    return gid("Task", (await q3_task("完成主视觉图初稿")).id)


async def test_mentions_notify_exactly_the_mentioned_active_users(
    client: GraphQLClient, demo: None
) -> None:
    author = await client.sign_in("design_staff")
    body = (
        "@sales_head 请确认门店物料尺寸；@nobody_here 不存在；"
        "邮件 someone@finance_staff.com 不算；自己 @design_staff；@rnd_staff."
    )
    # when a participant comments with mentions
    comment = (await author.data(ADD, {"input": {"taskId": await visual_id(), "body": body}}))[
        "addComment"
    ]
    # then the comment names the existing users it mentions
    assert comment["author"] == {"username": "design_staff"}
    assert sorted(m["username"] for m in comment["mentions"]) == [
        "design_staff",
        "rnd_staff",
        "sales_head",
    ]
    # and exactly the others are notified (not the author, nobody unknown)
    notified = await Notification.filter(kind=NotificationKind.MENTION).values_list(
        "recipient__username", flat=True
    )
    assert sorted(notified) == ["rnd_staff", "sales_head"]
    note = await Notification.get(kind=NotificationKind.MENTION, recipient__username="sales_head")
    assert "郭晨" in note.title and note.subject_code == comment["task"]["code"]
    assert await AuditEntry.filter(action="comment.add").count() == 1


async def test_a_mentioned_outsider_reads_the_task_when_mentions_reach_the_company(
    client: GraphQLClient, demo: None, settings: Settings
) -> None:
    # (issue #14: by default an outsider cannot be mentioned at all, tests/security)
    settings.mentions_scope = "company"
    visual = await q3_task("完成主视觉图初稿")
    outsider = await client.sign_in("legal_staff")
    assert await outsider.error_code(COMMENTS, {"code": visual.code}) == "NOT_FOUND"
    author = await client.sign_in("market_staff")
    body = "@legal_staff 请审核推广文案的广告法风险"
    await author.data(ADD, {"input": {"taskId": gid("Task", visual.id), "body": body}})
    comments = (await outsider.data(COMMENTS, {"code": visual.code}))["task"]["comments"]
    assert comments[-1] == {
        "body": body,
        "author": {"username": "market_staff"},
        "mentions": [{"username": "legal_staff"}],
    }


@pytest.mark.parametrize(("body", "field"), [("   ", "body"), ("长" * 5001, "body")])
async def test_an_empty_or_huge_comment_is_refused(
    client: GraphQLClient, demo: None, body: str, field: str
) -> None:
    before = await Comment.all().count()
    author = await client.sign_in("design_staff")
    extensions = await refused(author, ADD, {"input": {"taskId": await visual_id(), "body": body}})
    assert (extensions["code"], extensions["field"]) == ("BAD_USER_INPUT", field)
    assert await Comment.all().count() == before


@pytest.mark.parametrize(("username", "code"), [("ceo", "FORBIDDEN"), ("it_staff", "NOT_FOUND")])
async def test_non_participants_cannot_comment(
    client: GraphQLClient, demo: None, username: str, code: str
) -> None:
    before = (await Comment.all().count(), await Mention.all().count())
    reader = await client.sign_in(username)
    variables = {"input": {"taskId": await visual_id(), "body": "@design_staff 进度如何"}}
    assert await reader.error_code(ADD, variables) == code
    assert (await Comment.all().count(), await Mention.all().count()) == before
    assert not await Notification.filter(kind=NotificationKind.MENTION).exists()


PAGE = """query($first: Int) { tasks(first: $first) { edges { node {
  code comments { body author { username } mentions { username } }
  collaborationRequests { content toDepartment { code } } } } } }"""


async def test_comments_of_a_page_of_tasks_cost_the_same_sql_whatever_the_page_size(
    client: GraphQLClient, demo: None
) -> None:
    # given every task with a comment that mentions someone and a collaboration request
    staff = await User.get(username="rnd_staff")
    for task in await Task.all():
        comment = await Comment.create(task=task, author=staff, body="@sales_staff 请确认")
        await Mention.create(comment=comment, user=await User.get(username="sales_staff"))
        await CollaborationRequest.create(
            task=task,
            requirement_id=task.requirement_id,
            from_user=staff,
            to_department_id=staff.department_id,
            content="请协助",
        )
    admin = await client.sign_in("admin")
    await admin.data(PAGE, {"first": 1})  # warm the per-process caches
    with counted_statements() as small:
        one = await admin.data(PAGE, {"first": 1})
    with counted_statements() as large:
        every = await admin.data(PAGE, {"first": 10})
    assert len(one["tasks"]["edges"]) == 1 and len(every["tasks"]["edges"]) >= 4
    assert len(small) > 0 and len(large) == len(small)


async def test_an_archived_task_takes_no_more_comments(client: GraphQLClient, demo: None) -> None:
    archived = await Task.get(requirement__title="智能温控器新品立项调研")
    author = await client.sign_in("market_staff")
    variables = {"input": {"taskId": gid("Task", archived.id), "body": "补充一点调研数据"}}
    assert await author.error_code(ADD, variables) == "FORBIDDEN"
    assert not await Comment.filter(task_id=archived.id).exists()
