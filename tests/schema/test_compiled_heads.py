"""A department's ``head`` on the compiled path (issue 19): through ``department_head``.

The generic resolver reads a department's first headship and then its person, each in the
viewer's scope; the compiled path joins both (``ToOneVia`` in ``schema/compiled/fields.py``).
Wherever a department appears (a person's, a task's, a requirement's and its involved
departments), both servers must answer the same JSON for every kind of viewer, with a
department without a head and a head who left (deactivated) among them, and the compiled
path must answer itself.
"""

from __future__ import annotations

import pytest

from models import DepartmentHead, Requirement, User
from tests.conftest import GraphQLClient
from tests.schema.test_compiled_lists import Requests, answered_alike
from tests.schema.test_compiled_roots import MENTIONED, _mention

pytestmark = pytest.mark.postgres

HEAD = "head { __typename id username displayName department { code head { username } } }"
PEOPLE = (
    f"{{ users(first: 100) {{ edges {{ node {{ username department {{ code {HEAD} }} }} }} }} }}"
)
TASKS = f"""{{ tasks(first: 50) {{ edges {{ node {{ code
  executingDepartment {{ name {HEAD} }} assignee {{ department {{ h: head {{ username }} }} }}
  }} }} }} }}"""
REQUIREMENT = f"""query($code: String!) {{ requirement(code: $code) {{ code
  initiatingDepartment {{ {HEAD} }}
  involvedDepartments {{ isLead department {{ code {HEAD} }} }} }} }}"""


async def _departments_of_every_kind() -> None:
    """A department without a head, and one whose head left."""
    await DepartmentHead.filter(department__code="legal").delete()
    await User.filter(username="design_head").update(is_active=False)


@pytest.mark.parametrize("backend", ["postgres"], indirect=True)
async def test_a_departments_head_answers_as_the_generic_executor(
    apps: tuple[GraphQLClient, GraphQLClient],
) -> None:
    # given departments with a head, without one, and with one who left; and a person who
    # sees one requirement only through a mention
    await _departments_of_every_kind()
    await _mention(MENTIONED)
    codes = await Requirement.all().order_by("id").values_list("code", flat=True)
    requests: Requests = [(PEOPLE, {}), (TASKS, {})]
    requests += [(REQUIREMENT, {"code": code}) for code in codes]
    # when both servers answer for every kind of viewer, then alike, the compiled path itself
    answers = await answered_alike(apps, requests)
    heads_seen = set()
    for (_, index), answered in answers.items():
        if index == 0 and "data" in answered:
            for edge in answered["data"]["users"]["edges"]:
                department = edge["node"]["department"] or {"code": None, "head": None}
                head = department["head"] or {}
                heads_seen.add((department["code"], head.get("username")))
    # and the departments of every kind were among the answers
    assert ("legal", None) in heads_seen and ("design", "design_head") in heads_seen
    assert ("market", "market_head") in heads_seen
