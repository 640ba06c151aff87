"""API1 broken object level authorisation: what an @mention opens, and to whom.

Issue #14: one @mention made an outsider a participant of the whole requirement (its
tasks, reviews and attachments: a price list downloaded). A mention now notifies and lets
its person read what was mentioned (the task, its comments, the requirement's summary);
by default (``CROSSFLOW_MENTIONS_SCOPE=involved``) only people who already take part may
be mentioned at all.
"""

from __future__ import annotations

from typing import Any

from core.settings import Settings
from models import Comment, Mention, Notification, Task
from models.enums import NotificationKind
from tests.conftest import GraphQLClient
from tests.resolvers.test_attachments import PDF, uploaded
from tests.resolvers.test_tasks import Q3, gid, q3_task

VISUAL = "完成主视觉图初稿"
ADD = """mutation($input: AddCommentInput!) { addComment(input: $input) {
  body mentions { username } } }"""
TASK = """query($code: String!) { task(code: $code) {
  title progress comments { body author { username } }
  attachments { fileName } progressUpdates { summary } latestProgress { summary }
  requirement {
    title status goals
    tasks { title } taskCount attachments { fileName } reviewRounds { number }
    involvedDepartments { department { code } } resultReport { problems }
  } } }"""
NODE = "query($id: ID!) { node(id: $id) { id } }"
REQUEST_HELP = """mutation($input: CreateCollaborationRequestInput!) {
  createCollaborationRequest(input: $input) { id } }"""


async def _comment(author: GraphQLClient, task: Task, body: str) -> dict[str, Any]:
    return await author.post(ADD, {"input": {"taskId": gid("Task", task.id), "body": body}})


async def test_an_outsider_cannot_be_mentioned_when_mentions_reach_the_involved_only(
    client: GraphQLClient, demo: None, settings: Settings
) -> None:
    # given mentions limited to the involved, and the Q3 requirement legal takes no part in
    settings.mentions_scope = "involved"
    visual = await q3_task(VISUAL)
    author = await client.sign_in("market_staff")
    # when its initiator mentions legal_staff next to an involved head
    answer = await _comment(author, visual, "@sales_head @legal_staff 请审核推广文案")
    # then the comment is refused, naming the body and the outsider
    error = answer["errors"][0]
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert error["extensions"]["field"] == "body"
    assert error["extensions"]["usernames"] == ["legal_staff"]
    # and nothing was written, nobody notified, and legal still cannot read the task
    assert not await Comment.filter(task_id=visual.id, body__contains="请审核").exists()
    assert not await Notification.filter(kind=NotificationKind.MENTION).exists()
    outsider = await client.sign_in("legal_staff")
    assert await outsider.error_code(TASK, {"code": visual.code}) == "NOT_FOUND"


async def test_involved_people_may_be_mentioned_and_it_opens_nothing_new(
    client: GraphQLClient, demo: None
) -> None:
    visual = await q3_task(VISUAL)
    author = await client.sign_in("market_staff")
    # when the initiator mentions a head of an involved department and R&D (asked for help)
    answer = await _comment(author, visual, "@finance_head @rnd_staff 请确认")
    # then the comment stands and both are notified
    assert not answer.get("errors"), answer
    mentioned = sorted(m["username"] for m in answer["data"]["addComment"]["mentions"])
    assert mentioned == ["finance_head", "rnd_staff"]
    assert await Notification.filter(kind=NotificationKind.MENTION).count() == 2


async def test_a_mention_opens_the_task_and_the_requirement_summary_only(
    client: GraphQLClient, demo: None, settings: Settings
) -> None:
    # given mentions reaching the whole company, and a price list on the mentioned task
    settings.mentions_scope = "company"
    visual = await q3_task(VISUAL)
    initiator = await client.sign_in("market_staff")
    price_list = await uploaded(
        initiator, ("价格表.pdf", PDF, "application/pdf"), task=gid("Task", visual.id)
    )
    other = await Task.filter(requirement__title=Q3).exclude(id=visual.id).first()
    assert other is not None
    # when the initiator mentions legal_staff on the task
    answer = await _comment(initiator, visual, "@legal_staff 请审核推广文案的广告法风险")
    assert not answer.get("errors"), answer
    outsider = await client.sign_in("legal_staff")
    # then legal reads the task, its comments and the requirement's own fields
    task = (await outsider.data(TASK, {"code": visual.code}))["task"]
    assert task["title"] == VISUAL and task["progress"] == 50
    assert task["comments"][-1]["body"] == "@legal_staff 请审核推广文案的广告法风险"
    requirement = task["requirement"]
    assert requirement["title"] == Q3 and requirement["goals"]
    # and none of the requirement's other records: files, reviews, other tasks, progress
    assert task["attachments"] == [] and requirement["attachments"] == []
    assert task["progressUpdates"] == [] and task["latestProgress"] is None
    assert requirement["reviewRounds"] == [] and requirement["involvedDepartments"] == []
    assert requirement["tasks"] == [{"title": VISUAL}] and requirement["taskCount"] == 1
    assert await outsider.error_code(TASK, {"code": other.code}) == "NOT_FOUND"
    assert await outsider.error_code(NODE, {"id": price_list["id"]}) == "NOT_FOUND"
    download = await outsider.http.get(
        price_list["versions"][0]["downloadUrl"],
        headers={"authorization": f"Bearer {outsider.token}"},
    )
    assert download.status_code == 404


async def test_the_mentioned_may_answer_on_that_task_but_act_nowhere_else(
    client: GraphQLClient, demo: None, settings: Settings
) -> None:
    settings.mentions_scope = "company"
    visual = await q3_task(VISUAL)
    other = await Task.filter(requirement__title=Q3).exclude(id=visual.id).first()
    assert other is not None
    initiator = await client.sign_in("market_staff")
    await _comment(initiator, visual, "@legal_staff 请审核")
    outsider = await client.sign_in("legal_staff")
    # when legal answers on the mentioned task, then the answer stands
    answer = await _comment(outsider, visual, "@market_staff 已审核，无风险")
    assert not answer.get("errors"), answer
    # but commenting on another task of the requirement finds nothing
    elsewhere = await _comment(outsider, other, "顺便看看")
    assert elsewhere["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    # and asking another department for help, as a participant would, is forbidden
    refused = await outsider.post(
        REQUEST_HELP,
        {
            "input": {
                "taskId": gid("Task", visual.id),
                "toDepartmentId": gid("Department", 1),
                "content": "帮忙",
                "expectedBy": "2099-01-01T18:00:00+08:00",
            }
        },
    )
    assert refused["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert await Mention.filter(user__username="market_staff").count() == 1
