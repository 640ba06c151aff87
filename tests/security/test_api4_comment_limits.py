"""API4 unrestricted resource consumption: mentions per comment and comments per minute.

Issue #14 saw one comment mention 85-96 people in 0.1 s, and five more such comments
accepted in a row: each mention is a notification, an e-mail or a webhook call.
"""

from __future__ import annotations

from typing import Any

import httpx

from core.settings import Settings
from crossflow.app import create_app
from models import Comment, Notification, User
from models.enums import NotificationKind
from tests.conftest import GraphQLClient
from tests.resolvers.test_tasks import gid, q3_task

VISUAL = "完成主视觉图初稿"
ADD = "mutation($input: AddCommentInput!) { addComment(input: $input) { id } }"


async def _comment(author: GraphQLClient, task_id: int, body: str) -> dict[str, Any]:
    return await author.post(ADD, {"input": {"taskId": gid("Task", task_id), "body": body}})


async def test_a_comment_mentioning_more_people_than_the_cap_is_refused(
    client: GraphQLClient, demo: None, settings: Settings
) -> None:
    # given mentions reaching the company and the default cap of ten
    settings.mentions_scope = "company"
    assert settings.mentions_per_comment == 10
    visual = await q3_task(VISUAL)
    others = await User.exclude(username="market_staff").order_by("id").limit(11)
    names = [f"@{user.username}" for user in others]
    author = await client.sign_in("market_staff")
    # when a comment mentions eleven people
    refused = await _comment(author, visual.id, " ".join(names))
    # then it is refused on its body, with the cap, and nobody is notified
    extensions = refused["errors"][0]["extensions"]
    assert extensions["code"] == "BAD_USER_INPUT" and extensions["field"] == "body"
    assert (extensions["mentioned"], extensions["limit"]) == (11, 10)
    assert not await Notification.filter(kind=NotificationKind.MENTION).exists()
    # and ten are accepted
    accepted = await _comment(author, visual.id, " ".join(names[:10]))
    assert not accepted.get("errors"), accepted
    assert await Notification.filter(kind=NotificationKind.MENTION).count() == 10


async def test_a_person_writes_at_most_the_rate_of_comments_per_minute(
    client: GraphQLClient, demo: None, settings: Settings
) -> None:
    # given the default rate of 20 comments a minute
    assert settings.comments_rate_per_minute == 20
    visual = await q3_task(VISUAL)
    author = await client.sign_in("design_staff")
    for number in range(20):
        answer = await _comment(author, visual.id, f"进度说明 {number}")
        assert not answer.get("errors"), answer
    # when the same person writes a 21st comment within the minute
    refused = await _comment(author, visual.id, "再来一条")
    # then it is refused with RATE_LIMITED and when to retry, and not stored
    extensions = refused["errors"][0]["extensions"]
    assert extensions["code"] == "RATE_LIMITED"
    assert 1 <= extensions["retryAfterSeconds"] <= 3
    assert not await Comment.filter(body="再来一条").exists()
    # and another person still comments
    colleague = await client.sign_in("design_head")
    assert not (await _comment(colleague, visual.id, "收到")).get("errors")


async def test_the_comment_rate_is_shared_by_replicas_through_redis(
    client: GraphQLClient, demo: None, settings: Settings, redis_url: str
) -> None:
    # given two server replicas counting comments in the same Redis (the process's own
    # settings keep no Redis, so its broker and pushes stay in-process)
    shared = settings.model_copy(update={"redis_url": redis_url})
    visual = await q3_task(VISUAL)
    token = (await client.sign_in("design_staff")).token
    replicas = [create_app(shared, manage_orm=False) for _ in range(2)]
    async with (
        httpx.AsyncClient(transport=httpx.ASGITransport(app=replicas[0]), base_url="http://a") as a,
        httpx.AsyncClient(transport=httpx.ASGITransport(app=replicas[1]), base_url="http://b") as b,
    ):
        clients = [GraphQLClient(a, token), GraphQLClient(b, token)]
        # when one person writes 20 comments, alternating between the replicas
        for number in range(20):
            answer = await _comment(clients[number % 2], visual.id, f"评论 {number}")
            assert not answer.get("errors"), answer
        # then the 21st is refused on either replica
        for replica in clients:
            refused = await _comment(replica, visual.id, "第二十一条")
            assert refused["errors"][0]["extensions"]["code"] == "RATE_LIMITED"
