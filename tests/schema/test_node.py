"""``node(id)`` answers participants and management, and nobody else."""

from __future__ import annotations

import pytest
from strawberry.relay import to_base64

from models import Requirement, Task
from tests.conftest import GraphQLClient

NODE = """query($id: ID!) { node(id: $id) { id __typename
  ... on Requirement { code title initiator { username }
                       involvedDepartments { department { code } } }
  ... on Task { code assignee { username } requirement { code } }
} }"""

Q3_TITLE = "2024年Q3新品上市推广方案"


async def _q3_ids() -> tuple[str, str]:
    requirement = await Requirement.get(title=Q3_TITLE)
    task = await Task.filter(requirement=requirement).order_by("seq").first()
    assert task is not None
    return to_base64("Requirement", requirement.id), to_base64("Task", task.id)


@pytest.mark.parametrize(
    "username", ["market_staff", "design_staff", "finance_head", "sales_staff", "admin", "ceo"]
)
async def test_participants_and_management_read_the_requirement_and_its_task(
    client: GraphQLClient, demo: None, username: str
) -> None:
    requirement_id, task_id = await _q3_ids()
    reader = await client.sign_in(username)
    requirement = (await reader.data(NODE, {"id": requirement_id}))["node"]
    task = (await reader.data(NODE, {"id": task_id}))["node"]
    assert requirement["title"] == Q3_TITLE
    assert requirement["initiator"] == {"username": "market_staff"}
    assert {d["department"]["code"] for d in requirement["involvedDepartments"]} == {
        "market",
        "design",
        "sales",
        "finance",
    }
    assert task["requirement"]["code"] == requirement["code"]


@pytest.mark.parametrize("username", ["legal_staff", "legal_head", "it_staff"])
async def test_an_outsider_gets_not_found_as_if_nothing_existed(
    client: GraphQLClient, demo: None, username: str
) -> None:
    requirement_id, task_id = await _q3_ids()
    outsider = await client.sign_in(username)
    missing = to_base64("Requirement", 999_999)
    for global_id in (requirement_id, task_id, missing):
        body = await outsider.post(NODE, {"id": global_id})
        assert body["data"] is None
        assert body["errors"][0]["extensions"]["code"] == "NOT_FOUND"
        assert body["errors"][0]["message"] == "对象不存在 (no such object)"


async def test_garbage_ids_are_bad_input_naming_the_field(
    client: GraphQLClient, demo: None
) -> None:
    admin = await client.sign_in("admin")
    for garbage in ("not-base64!", to_base64("Requirement", "abc"), to_base64("Nope", 1)):
        body = await admin.post(NODE, {"id": garbage})
        error = body["errors"][0]
        assert error["extensions"]["code"] in {"BAD_USER_INPUT", "NOT_FOUND"}
        if error["extensions"]["code"] == "BAD_USER_INPUT":
            assert error["extensions"]["field"] == "id"


async def test_node_needs_a_signed_in_viewer(client: GraphQLClient, demo: None) -> None:
    requirement_id, _ = await _q3_ids()
    assert await client.error_code(NODE, {"id": requirement_id}) == "UNAUTHENTICATED"
