"""API4 (unrestricted resource consumption) — input hygiene at the edge.

Control characters in text inputs, ids out of any key's range and malformed multipart bodies
are refused with a code at the edge, alike on SQLite and PostgreSQL, before anything is
written or any database error can be read as an outage.
"""

from __future__ import annotations

import base64
import json
from typing import Any

import pytest

from models import AuditEntry, Department, Requirement
from tests.admin_ui.conftest import Panel, admin_panel, panel  # noqa: F401  (fixtures)
from tests.conftest import GraphQLClient

CREATE = "mutation($input: CreateRequirementInput!) { createRequirement(input: $input) { id } }"
LOGIN = "mutation($input: LoginInput!) { login(input: $input) { token } }"

#: One of each kind of character that has no place in typed text.
CONTROL_CHARACTERS = {
    "NUL": "\x00",
    "bell": "\x07",
    "escape": "\x1b",
    "DEL": "\x7f",
    "C1 next line": "\x85",
    "lone surrogate": "\ud800",
}


def global_id(type_name: str, key: object) -> str:
    return base64.b64encode(f"{type_name}:{key}".encode()).decode()


async def involved(client: GraphQLClient) -> list[str]:
    """One department to involve, so that only the input under test can be wrong."""
    data = await client.data("{ departments { id code } }")
    return [next(d["id"] for d in data["departments"] if d["code"] == "sales")]


async def counts() -> tuple[int, int]:
    return await Requirement.all().count(), await AuditEntry.all().count()


async def post_ascii(client: GraphQLClient, query: str, variables: dict[str, Any]) -> Any:
    """Post with every non-ASCII character escaped, as JSON allows (a lone surrogate too)."""
    response = await client.http.post(
        "/graphql",
        content=json.dumps({"query": query, "variables": variables}),
        headers={"content-type": "application/json", "authorization": f"Bearer {client.token}"},
    )
    assert response.status_code == 200, response.text
    return response.json()


def only_error(body: dict[str, Any]) -> dict[str, Any]:
    assert body.get("data") is None, body
    errors: list[dict[str, Any]] = body["errors"]
    assert len(errors) == 1, errors
    return errors[0]


@pytest.mark.parametrize("name", sorted(CONTROL_CHARACTERS))
async def test_a_control_character_in_a_variable_is_refused_naming_the_field(
    client: GraphQLClient, demo: None, name: str
) -> None:
    # given a signed-in employee and the counts of requirements and audit entries
    staff = await client.sign_in("market_staff")
    before = await counts()
    # when a requirement's goals carry the character
    title = "新品推广方案"
    goals = f"提升{CONTROL_CHARACTERS[name]}转化率"
    departments = await involved(staff)
    variables = {"input": {"title": title, "goals": goals, "involvedDepartmentIds": departments}}
    body = await post_ascii(staff, CREATE, variables)
    # then it is a BAD_USER_INPUT naming the variable path, and nothing was written
    error = only_error(body)
    assert error["extensions"] == {"code": "BAD_USER_INPUT", "field": "input.goals"}
    assert await counts() == before


async def test_a_control_character_in_a_literal_argument_is_refused_naming_the_argument(
    client: GraphQLClient, demo: None
) -> None:
    # given a signed-in employee
    staff = await client.sign_in("market_staff")
    before = await counts()
    # when the NUL is written into the document itself, as a string escape
    document = (
        'mutation { createRequirement(input: {title: "推广\\u0000方案",'
        " involvedDepartmentIds: []}) { id } }"
    )
    body = await staff.post(document)
    # then the argument path is named, and nothing was written
    error = only_error(body)
    assert error["extensions"] == {
        "code": "BAD_USER_INPUT",
        "field": "createRequirement.input.title",
    }
    assert await counts() == before


@pytest.mark.parametrize("field", ["username", "password"])
async def test_an_anonymous_login_with_a_nul_is_bad_input_not_an_outage(
    client: GraphQLClient, demo: None, field: str, caplog: pytest.LogCaptureFixture
) -> None:
    # given an anonymous caller
    credentials = {"username": "market_staff", "password": "demo"}
    credentials[field] += "\x00"
    # when it signs in with a NUL in one of the credentials
    body = await client.post(LOGIN, {"input": credentials})
    # then it is BAD_USER_INPUT naming the field, and no outage is logged
    error = only_error(body)
    assert error["extensions"] == {"code": "BAD_USER_INPUT", "field": f"input.{field}"}
    assert not [r for r in caplog.records if "unavailable" in r.getMessage()]


async def test_tab_line_feed_and_carriage_return_are_kept(
    client: GraphQLClient, demo: None
) -> None:
    # given a signed-in employee
    staff = await client.sign_in("market_staff")
    departments = await involved(staff)
    # when a requirement's background has tabs and line breaks
    background = "第一段\r\n第二段\t附表"
    data = await staff.data(
        CREATE,
        {
            "input": {
                "title": "多行背景",
                "background": background,
                "involvedDepartmentIds": departments,
            }
        },
    )
    # then it is stored as typed
    created = await staff.data(
        "query($id: ID!) { node(id: $id) { ... on Requirement { background } } }",
        {"id": data["createRequirement"]["id"]},
    )
    assert created["node"]["background"] == background


OUT_OF_RANGE = ["99999999999999999999999", "-1", "0", str(2**63), str(2**31)]


@pytest.mark.parametrize("key", OUT_OF_RANGE)
async def test_a_global_id_out_of_range_is_not_found(
    client: GraphQLClient, demo: None, key: str
) -> None:
    # given a signed-in department head
    head = await client.sign_in("market_head")
    requirement = global_id("Requirement", key)
    # when the id is read through node(), and acted on through an id: ID! argument
    read = await head.post("query($id: ID!) { node(id: $id) { id } }", {"id": requirement})
    acted = await head.post(
        "mutation($id: ID!) { submitRequirement(id: $id) { id } }", {"id": requirement}
    )
    # then both are NOT_FOUND, like any id that names nothing
    assert only_error(read)["extensions"]["code"] == "NOT_FOUND"
    assert only_error(acted)["extensions"]["code"] == "NOT_FOUND"


async def test_an_id_out_of_range_inside_an_input_is_not_found_and_writes_nothing(
    client: GraphQLClient, demo: None
) -> None:
    # given a signed-in employee
    staff = await client.sign_in("market_staff")
    before = await counts()
    # when a requirement names a department whose key is beyond any column
    departments = [global_id("Department", "99999999999999999999999")]
    body = await staff.post(
        CREATE, {"input": {"title": "越界部门", "involvedDepartmentIds": departments}}
    )
    # then it is NOT_FOUND and nothing was written
    assert only_error(body)["extensions"]["code"] == "NOT_FOUND"
    assert await counts() == before


UPLOAD = (
    'mutation($file: Upload!) { uploadAttachment(input: {requirementId: "UmVxdWlyZW1lbnQ6MQ==",'
    " file: $file}) { id } }"
)
MALFORMED_MAPS: dict[str, bytes] = {
    "a path through missing keys": b'{"0": ["variables.f.x.y"]}',
    "a list": b'["variables.file"]',
    "not JSON": b"{variables",
    "a file part that is not there": b'{"7": ["variables.file"]}',
    "a path to the query": b'{"0": ["query"]}',
}


def multipart(files_map: bytes) -> tuple[bytes, str]:
    operations = json.dumps({"query": UPLOAD, "variables": {"file": None}}).encode()
    parts = [
        b'Content-Disposition: form-data; name="operations"\r\n\r\n' + operations,
        b'Content-Disposition: form-data; name="map"\r\n\r\n' + files_map,
        b'Content-Disposition: form-data; name="0"; filename="a.txt"\r\n'
        b"Content-Type: text/plain\r\n\r\nhello",
    ]
    body = b"".join(b"--x\r\n" + part + b"\r\n" for part in parts) + b"--x--\r\n"
    return body, "multipart/form-data; boundary=x"


@pytest.mark.parametrize("case", sorted(MALFORMED_MAPS))
async def test_a_malformed_multipart_map_is_a_coded_400_even_anonymously(
    client: GraphQLClient, demo: None, case: str
) -> None:
    # given an anonymous caller and a multipart body whose map does not fit its operations
    body, content_type = multipart(MALFORMED_MAPS[case])
    # when it is posted
    response = await client.http.post(
        "/graphql",
        content=body,
        headers={"content-type": content_type, "x-crossflow-csrf": "1"},
    )
    # then it is a 400 with a coded GraphQL error, not a 500
    assert response.status_code == 400, response.text
    error = only_error(response.json())
    assert error["extensions"]["code"] == "BAD_REQUEST"


async def test_a_control_character_typed_into_the_panel_is_a_form_error(
    admin_panel: Panel,  # noqa: F811
) -> None:
    # given the administrator editing a department in the panel
    market = await Department.get(code="market")
    form = {
        "code": market.code,
        "name": "市场\x00部",
        "name_en": market.name_en,
        "is_active": "on",
        "sort_order": str(market.sort_order),
    }
    # when the name carries a NUL
    response = await admin_panel.post_form(f"/admin/department/edit?pk={market.id}", form)
    # then the form comes back with the error on that field, and nothing changed
    assert response.status_code == 422, response.text[:300]
    assert "含有不允许的控制字符" in response.text
    assert (await Department.get(id=market.id)).name == market.name
    assert not await AuditEntry.filter(via="admin").exists()
