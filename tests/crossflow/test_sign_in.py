"""Signing in and asking who is signed in, as every demo user."""

from __future__ import annotations

import pytest

from core.settings import Mode, Settings
from crossflow.demo_people import DEPARTMENTS
from tests.conftest import GraphQLClient

VIEWER = "{ viewer { username role department { code } } }"

DEMO_USERS = [("admin", "ADMIN", "office"), ("ceo", "EXECUTIVE", None)] + [
    (f"{code}_{kind}", role, code)
    for code, *_ in DEPARTMENTS
    for kind, role in (("head", "DEPT_HEAD"), ("staff", "EMPLOYEE"))
]


async def test_every_demo_user_signs_in_and_sees_their_role_and_department(
    client: GraphQLClient, demo: None
) -> None:
    for username, role, department in DEMO_USERS:
        # given a demo user signed in with the published password
        data = await client.data(
            'mutation($u: String!) { login(input: {username: $u, password: "demo"}) { token } }',
            {"u": username},
        )
        signed_in = GraphQLClient(client.http, data["login"]["token"])
        # when they ask who they are
        viewer = (await signed_in.data(VIEWER))["viewer"]
        # then they see their own role and department
        assert viewer["username"] == username
        assert viewer["role"] == role
        assert (viewer["department"] or {}).get("code") == department


async def test_departments_lists_the_twelve_demo_departments_with_their_heads(
    client: GraphQLClient, demo: None
) -> None:
    staff = await client.sign_in("sales_staff")
    departments = (await staff.data("{ departments { code name head { username } } }"))[
        "departments"
    ]
    assert [d["code"] for d in departments] == [code for code, *_ in DEPARTMENTS]
    assert departments[0] == {
        "code": "market",
        "name": "市场部",
        "head": {"username": "market_head"},
    }


async def test_a_wrong_password_is_a_coded_error(client: GraphQLClient, demo: None) -> None:
    code = await client.error_code(
        'mutation { login(input: {username: "market_head", password: "wrong"}) { token } }'
    )
    assert code == "UNAUTHENTICATED"


async def test_an_unknown_user_gets_the_same_answer_as_a_wrong_password(
    client: GraphQLClient, demo: None
) -> None:
    body = await client.post(
        'mutation { login(input: {username: "nobody", password: "demo"}) { token } }'
    )
    wrong = await client.post(
        'mutation { login(input: {username: "market_head", password: "nope"}) { token } }'
    )
    assert body["errors"][0]["message"] == wrong["errors"][0]["message"]
    assert body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


async def test_nobody_signed_in_means_viewer_is_null_and_data_is_refused(
    client: GraphQLClient, demo: None
) -> None:
    assert (await client.data(VIEWER))["viewer"] is None
    assert await client.error_code("{ departments { code } }") == "UNAUTHENTICATED"


async def test_a_forged_token_signs_nobody_in(client: GraphQLClient, demo: None) -> None:
    signed_in = await client.sign_in("admin")
    forged = GraphQLClient(client.http, signed_in.token[:-2] + "xx")  # type: ignore[index]
    assert (await forged.data(VIEWER))["viewer"] is None


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
async def test_the_demo_password_is_refused_outside_demo_mode(
    client: GraphQLClient, demo: None, settings: Settings
) -> None:
    # given a production-like process holding demo data
    settings.mode = Mode.DEVELOPMENT
    # when a demo user signs in with the published password
    code = await client.error_code(
        'mutation { login(input: {username: "admin", password: "demo"}) { token } }'
    )
    # then the sign-in is refused
    assert code == "FORBIDDEN"
