"""Feedback forms (协作反馈表) on the compiled path (issue 19): a requirement's ``feedback``,
each form's rows (反馈项), and the people and departments they name, declared in
``schema/compiled/fields_feedback.py``.

The completed Q3 launch gets two forms: one of three rows (a praise, a problem the admin
has answered, a suggestion) naming people and departments, one of a single row; a
department one row names is deactivated afterwards. The requirement, a page of
requirements and each form and row by ``node(id)`` run through both servers of
``tests/schema/conftest.py`` for six kinds of viewer: the answers must be the same JSON,
and the compiled path must give each one without errors.
"""

from __future__ import annotations

from typing import Any

import pytest
from strawberry.relay import to_base64

from models import Department, Feedback, FeedbackItem, Requirement, User
from tests.conftest import GraphQLClient
from tests.resolvers.test_feedback_items import ITEM_RESULT, ITEMS, completed_q3
from tests.schema.test_compiled_lists import Requests, answered_alike

pytestmark = pytest.mark.postgres

ROW = """__typename id position kind content proposal handlingResult handledAt
  feedback { code } handledBy { username } people { username }
  departments { code isActive }"""
FORM = f"""__typename id code kind content proposal handlingResult handledAt createdAt
  updatedAt requirement {{ code }} author {{ username department {{ code }} }}
  authorDepartment {{ code }} handledBy {{ username }} people {{ username }}
  departments {{ code }} items {{ {ROW} }}"""
REQUIREMENT = (
    f"query($code: String!) {{ requirement(code: $code) {{ code feedback {{ {FORM} }} }} }}"
)
PAGE = """{ requirements(first: 10) { edges { node { code
  feedback { code kind items { kind people { username } } } } } } }"""
NODE = f"""query($id: ID!) {{ node(id: $id) {{ __typename id ... on Feedback {{ {FORM} }}
  ... on FeedbackItem {{ {ROW} }} }} }}"""


async def _item(kind: str, content: str, people: list[str], departments: list[str]) -> Any:
    return {
        "kind": kind,
        "content": content,
        "proposal": f"{content}：建议",
        "personIds": [to_base64("User", (await User.get(username=name)).id) for name in people],
        "departmentIds": [
            to_base64("Department", (await Department.get(code=code)).id) for code in departments
        ],
    }


async def _two_forms(compiled: GraphQLClient) -> Requirement:
    """The Q3 launch completed, with a designer's three-row form (the problem answered by
    the admin) and a salesperson's one-row form; one named department since deactivated."""
    q3 = await completed_q3()
    requirement_id = to_base64("Requirement", q3.id)
    designer = await compiled.sign_in("design_staff")
    form = await designer.data(
        ITEMS,
        {
            "input": {
                "requirementId": requirement_id,
                "items": [
                    await _item("PRAISE", "销售配合及时", ["sales_staff", "market_staff"], []),
                    await _item("PROBLEM", "客户数据晚到", ["sales_staff"], ["sales", "it"]),
                    await _item("SUGGESTION", "提前对齐排期", [], ["market"]),
                ],
            }
        },
    )
    problem = form["submitFeedback"]["items"][1]["id"]
    admin = await compiled.sign_in("admin")
    await admin.data(ITEM_RESULT, {"input": {"itemId": problem, "result": "已约定提前提供数据"}})
    seller = await compiled.sign_in("sales_staff")
    await seller.data(
        ITEMS,
        {
            "input": {
                "requirementId": requirement_id,
                "items": [await _item("PRAISE", "设计稿质量高", ["design_staff"], ["design"])],
            }
        },
    )
    await Department.filter(code="it").update(is_active=False)
    return q3


@pytest.mark.parametrize("backend", ["postgres"], indirect=True)
async def test_feedback_forms_and_their_rows_answer_as_the_generic_executor(
    apps: tuple[GraphQLClient, GraphQLClient],
) -> None:
    # given two feedback forms on the completed Q3 launch, one with three rows
    q3 = await _two_forms(apps[0])
    assert await FeedbackItem.filter(feedback__requirement_id=q3.id).count() == 4
    ids = [to_base64("Feedback", pk) for pk in await Feedback.all().values_list("id", flat=True)]
    ids += [
        to_base64("FeedbackItem", pk)
        for pk in await FeedbackItem.all().order_by("id").values_list("id", flat=True)
    ]
    requests: Requests = [(REQUIREMENT, {"code": q3.code}), (PAGE, {})]
    requests += [(NODE, {"id": global_id}) for global_id in ids]
    # when both servers answer for every kind of viewer
    answers = await answered_alike(apps, requests)
    # then the answers are the same (in answered_alike), and the admin reads every row
    # in its place with what it names, the answered problem with its handler
    forms = answers["admin", 0]["data"]["requirement"]["feedback"]
    assert [[row["kind"] for row in form["items"]] for form in forms] == [
        ["PRAISE", "PROBLEM", "SUGGESTION"],
        ["PRAISE"],
    ]
    problem = forms[0]["items"][1]
    assert problem["handledBy"] == {"username": "admin"}
    assert [person["username"] for person in problem["people"]] == ["sales_staff"]
    assert {department["code"] for department in forms[0]["departments"]} >= {"sales", "market"}
