"""The workbench's task page reads on the compiled path (issue 19): its results (提交成果)
with the files as submitted, the acceptance group's decisions, added signers (加签) and
hand-overs (转交), and the involved departments' heads.

The document is the workbench's own as Apollo Client sends it (``web/src/pages/TaskPage.tsx``
with its fragments and a ``__typename`` in each selection), run through both servers of
``tests/schema/conftest.py`` (compiled path on and off, one PostgreSQL database) for six
kinds of viewer: the answers must be the same JSON, and the
compiled path must give every answer without errors itself. The submitted task has two
submissions: one rejected, one pending with a pinned file superseded by a later upload, a
decision, an added head and a seat handed over.
"""

from __future__ import annotations

import pytest
from strawberry.relay import to_base64

from models import Requirement, Task
from models.enums import SignOffMode
from tests.conftest import GraphQLClient
from tests.resolvers.test_acceptance_acts import ADD, HAND
from tests.resolvers.test_acceptance_group import SUBMIT, decide, visual_task
from tests.resolvers.test_attachments import PDF, uploaded
from tests.resolvers.test_signoff_modes import user_gid
from tests.schema.test_compiled_lists import Requests, answered_alike
from tests.schema.test_compiled_roots import MENTIONED, _mention
from tests.support.workbench_documents import as_apollo_sends, workbench_document

pytestmark = pytest.mark.postgres

TASK_PAGE = as_apollo_sends(workbench_document("TaskPage"))
ROUND_SIGNERS = """query($code: String!) { requirement(code: $code) { code
  reviewRounds { number addedSigners { createdAt department { code head { username } }
    addedBy { username } }
    handovers { createdAt department { code } fromUser { username } toUser { username }
      head { username } } } } }"""

FILES = """query($code: String!) { task(code: $code) { results { __typename id
  files { __typename fileName superseded version { number size downloadUrl
    uploadedBy { username } } } task { code } submittedBy { username } decidedAt } } }"""


async def _submissions(client: GraphQLClient) -> tuple[Requirement, str]:
    """The Q3 visual task submitted twice, as the class comment says; (requirement, task id)."""
    requirement, task_id = await visual_task()
    requirement.acceptance_mode = SignOffMode.ALL
    await requirement.save(update_fields=["acceptance_mode"])
    assignee = await client.sign_in("design_staff")
    rid = to_base64("Requirement", requirement.id)
    await assignee.data(SUBMIT, {"input": {"taskId": task_id, "note": "初稿"}})
    await decide(client, "market_staff", task_id, accept=False)
    first = await uploaded(assignee, ("主视觉.pdf", PDF, "application/pdf"), requirement=rid)
    again = {"input": {"taskId": task_id, "note": "修改稿", "attachmentIds": [first["id"]]}}
    await assignee.data(SUBMIT, again)
    await uploaded(assignee, ("主视觉.pdf", PDF + b"% v2\n", "application/pdf"), requirement=rid)
    await decide(client, "sales_head", task_id)
    design = await client.sign_in("design_head")
    await design.data(ADD, {"t": task_id, "u": await user_gid("legal_head")})
    finance = await client.sign_in("finance_head")
    await finance.data(HAND, {"t": task_id, "u": await user_gid("finance_staff")})
    return requirement, task_id


@pytest.mark.parametrize("backend", ["postgres"], indirect=True)
async def test_the_task_page_answers_as_the_generic_executor(
    apps: tuple[GraphQLClient, GraphQLClient],
) -> None:
    # given the visual task with two submissions (see the module's comment), and a person
    # who sees another requirement only through a mention
    compiled, _ = apps
    requirement, _ = await _submissions(compiled)
    await _mention(MENTIONED)
    codes = (
        await Task.filter(requirement=requirement).order_by("seq").values_list("code", flat=True)
    )
    visual = await Task.get(requirement=requirement, title="完成主视觉图初稿")
    requests: Requests = [(TASK_PAGE, {"code": c}) for c in codes]
    requests += [(ROUND_SIGNERS, {"code": requirement.code}), (FILES, {"code": visual.code})]
    # when both servers answer for every kind of viewer, then alike, the compiled path itself
    answers = await answered_alike(apps, requests)
    # and the submitted task's page showed what was done (to a member of the group)
    task = answers["market_staff", list(codes).index(visual.code)]["data"]["task"]
    rejected, pending = task["results"]
    assert (rejected["decision"], pending["decision"]) == ("REJECTED", "PENDING")
    assert [f["fileName"] for f in pending["files"]] == ["主视觉.pdf"]
    files = answers["market_staff", len(requests) - 1]["data"]["task"]["results"][1]["files"]
    assert [(f["superseded"], f["version"]["number"]) for f in files] == [(True, 1)]
    assert [s["department"] for s in rejected["signoffs"]] == [None]  # the initiator's seat
    assert pending["signoffs"][0]["department"] is not None
    assert [s["department"]["name"] for s in pending["addedSigners"]]
    assert [h["toUser"]["displayName"] for h in pending["handovers"]]
