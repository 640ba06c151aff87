"""The acceptance group (验收小组): the initiator and the reviewing departments' heads decide
under 会签 (ALL) or 或签 (ANY), see the submitted files, and accept exactly their versions.

The Q3 launch (demo): market_staff raised it, design, finance and sales reviewed it, and
design_staff works on 完成主视觉图初稿 (IN_PROGRESS).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from strawberry.relay import to_base64

from core import clock
from models import Delegation, Requirement, ResultSignoff, Task, User
from models.enums import SignOffMode
from tests.conftest import GraphQLClient
from tests.resolvers.test_attachments import PDF, uploaded

Q3 = "2024年Q3新品上市推广方案"
SUBMIT = """mutation($input: SubmitTaskResultInput!) { submitTaskResult(input: $input) {
  status } }"""
DECIDE = """mutation($input: ReviewTaskResultInput!) { reviewTaskResult(input: $input) {
  status results { decision signoffs { decision department { code } signedBy { username }
    onBehalfOf { username } } } } }"""
FILES = """query($id: ID!) { node(id: $id) { ... on Task { results {
  files { fileName superseded version { number downloadUrl } } } } } }"""
GROUP = ("market_staff", "design_head", "finance_head", "sales_head")


async def visual_task() -> tuple[Requirement, str]:
    requirement = await Requirement.get(title=Q3)
    task = await Task.get(requirement=requirement, title="完成主视觉图初稿")
    return requirement, to_base64("Task", task.id)


async def submitted(client: GraphQLClient, mode: SignOffMode = SignOffMode.ALL) -> str:
    """The visual task's results submitted, the requirement's acceptance in ``mode``."""
    requirement, task_id = await visual_task()
    requirement.acceptance_mode = mode
    await requirement.save(update_fields=["acceptance_mode"])
    assignee = await client.sign_in("design_staff")
    await assignee.data(SUBMIT, {"input": {"taskId": task_id, "note": "三套主视觉方案"}})
    return task_id


async def decide(
    client: GraphQLClient, username: str, task_id: str, accept: bool = True
) -> dict[str, Any]:
    member = await client.sign_in(username)
    variables = {"input": {"taskId": task_id, "accept": accept, "comment": "" if accept else "改"}}
    return dict((await member.data(DECIDE, variables))["reviewTaskResult"])


async def test_under_all_every_member_must_accept(client: GraphQLClient, demo: None) -> None:
    # given submitted results of a 会签 requirement
    task_id = await submitted(client)
    # when three of the four members accept
    for username in GROUP[:3]:
        partial = await decide(client, username, task_id)
        # then each acceptance is recorded and the task still awaits the group
        assert partial["status"] == "SUBMITTED"
    assert [s["signedBy"]["username"] for s in partial["results"][0]["signoffs"]] == list(GROUP[:3])
    # when the last member accepts, the task is completed
    final = await decide(client, "sales_head", task_id)
    assert final["status"] == "COMPLETED"
    assert final["results"][0]["decision"] == "ACCEPTED"


async def test_under_all_one_rejection_sends_it_back(client: GraphQLClient, demo: None) -> None:
    task_id = await submitted(client)
    await decide(client, "market_staff", task_id)
    # when the finance head rejects after the initiator accepted
    rejected = await decide(client, "finance_head", task_id, accept=False)
    # then the task goes back to the assignee
    assert rejected["status"] == "IN_PROGRESS"
    assert rejected["results"][0]["decision"] == "REJECTED"


async def test_under_any_the_first_acceptance_decides(client: GraphQLClient, demo: None) -> None:
    task_id = await submitted(client, SignOffMode.ANY)
    # when the sales head alone accepts a 或签 requirement's results
    accepted = await decide(client, "sales_head", task_id)
    # then it is completed
    assert accepted["status"] == "COMPLETED"


async def test_a_member_decides_once_and_others_not_at_all(
    client: GraphQLClient, demo: None
) -> None:
    task_id = await submitted(client)
    await decide(client, "design_head", task_id)
    # when the design head decides again: INVALID_TRANSITION
    head = await client.sign_in("design_head")
    variables = {"input": {"taskId": task_id, "accept": True}}
    assert await head.error_code(DECIDE, variables) == "INVALID_TRANSITION"
    # the lead department's head (marketing: it did not review) and a member are not in the
    # group; an uninvolved head does not even see the task
    for username in ("market_head", "design_staff", "legal_head"):
        caller = await client.sign_in(username)
        code = await caller.error_code(DECIDE, variables)
        assert code in {"FORBIDDEN", "NOT_FOUND"}, (username, code)
    assert await ResultSignoff.all().count() == 1


async def test_a_delegate_decides_on_behalf_of_the_head(client: GraphQLClient, demo: None) -> None:
    # given the finance head's delegate is a finance employee, for three days
    await Delegation.create(
        head=await User.get(username="finance_head"),
        delegate=await User.get(username="finance_staff"),
        starts_at=clock.now() - timedelta(hours=1),
        ends_at=clock.now() + timedelta(days=3),
    )
    task_id = await submitted(client)
    # when the delegate accepts
    decided = await decide(client, "finance_staff", task_id)
    # then the finance seat is taken "finance_staff on behalf of finance_head"
    assert decided["results"][0]["signoffs"] == [
        {
            "decision": "ACCEPTED",
            "department": {"code": "finance"},
            "signedBy": {"username": "finance_staff"},
            "onBehalfOf": {"username": "finance_head"},
        }
    ]


async def test_the_group_sees_the_submitted_versions_and_a_later_upload_is_not_accepted(
    client: GraphQLClient, demo: None
) -> None:
    # given the assignee attached 主视觉.pdf (version 1) and submitted the results with it
    requirement, task_id = await visual_task()
    requirement.acceptance_mode = SignOffMode.ANY
    await requirement.save(update_fields=["acceptance_mode"])
    assignee = await client.sign_in("design_staff")
    rid = to_base64("Requirement", requirement.id)
    first = await uploaded(assignee, ("主视觉.pdf", PDF, "application/pdf"), requirement=rid)
    submission = {"input": {"taskId": task_id, "note": "主视觉", "attachmentIds": [first["id"]]}}
    await assignee.data(SUBMIT, submission)
    # when a new version is uploaded under the same name after submission
    later = PDF + b"% v2\n"
    second = await uploaded(assignee, ("主视觉.pdf", later, "application/pdf"), requirement=rid)
    assert second["currentVersion"] == 2
    # then a group member reads the result's file at version 1, marked superseded
    head = await client.sign_in("finance_head")
    files = (await head.data(FILES, {"id": task_id}))["node"]["results"][0]["files"]
    assert [(f["fileName"], f["version"]["number"], f["superseded"]) for f in files] == [
        ("主视觉.pdf", 1, True)
    ]
    # and may download exactly that version
    url = files[0]["version"]["downloadUrl"]
    response = await client.http.get(url, headers={"authorization": f"Bearer {head.token}"})
    assert response.status_code == 200 and response.content == PDF
    # when the head accepts, the accepted pin stays on version 1
    await decide(client, "finance_head", task_id)
    files = (await head.data(FILES, {"id": task_id}))["node"]["results"][0]["files"]
    assert [f["version"]["number"] for f in files] == [1]


async def test_the_to_do_list_drops_what_i_already_accepted(
    client: GraphQLClient, demo: None
) -> None:
    task_id = await submitted(client)
    query = "{ myWork { acceptances { id } } }"
    head = await client.sign_in("finance_head")
    assert task_id in [t["id"] for t in (await head.data(query))["myWork"]["acceptances"]]
    # when the finance head accepts, the task leaves their list but stays on the others'
    await decide(client, "finance_head", task_id)
    assert task_id not in [t["id"] for t in (await head.data(query))["myWork"]["acceptances"]]
    other = await client.sign_in("sales_head")
    assert task_id in [t["id"] for t in (await other.data(query))["myWork"]["acceptances"]]
