"""Saved reports (persisted queries): the admin's allow-list of documents BI tools pull by name."""

from __future__ import annotations

import csv
import io
from typing import Any

import openpyxl
import pytest

from core.security import hash_api_token, new_api_token
from models import ApiToken, AuditEntry, SavedReport
from models.enums import Role
from tests.conftest import GraphQLClient
from tests.support.report_data import MONTH, build_march

SAVE = """mutation($input: SaveReportInput!) { saveReport(input: $input) {
  id name title document jsonUrl createdBy { username } } }"""
DELETE = "mutation($id: ID!) { deleteReport(id: $id) { name } }"
LIST = "{ savedReports { edges { node { name title } } totalCount } }"
OVERDUE = """query($month: String) { reports(filter: {month: $month}) {
  overdueByDepartment { departmentCode tasks overdueRate department { code name } } } }"""


async def bi_token() -> str:
    raw = new_api_token()
    await ApiToken.create(name="BI", token_hash=hash_api_token(raw), prefix=raw[:8], role=Role.BI)
    return raw


def bearer(token: str | None) -> dict[str, str]:
    return {"authorization": f"Bearer {token}"} if token else {}


async def save(admin: GraphQLClient, name: str, document: str, **extra: str) -> dict[str, Any]:
    variables = {"input": {"name": name, "title": "逾期率", "document": document, **extra}}
    return await admin.post(SAVE, variables)


async def test_a_saved_query_runs_by_name_as_json_csv_and_xlsx(
    client: GraphQLClient, demo: None
) -> None:
    # given the admin saved a report query with a variable
    await build_march()
    admin = await client.sign_in("admin")
    saved = (await save(admin, "overdue-monthly", OVERDUE))["data"]["saveReport"]
    assert saved["jsonUrl"] == "/reports/saved/overdue-monthly.json"
    assert saved["createdBy"] == {"username": "admin"}
    assert await AuditEntry.filter(
        action="saved_report.save", subject_code="overdue-monthly"
    ).exists()
    token = await bi_token()
    # when a BI tool pulls it with the variable in the query string
    path = "/reports/saved/overdue-monthly"
    response = await client.http.get(f"{path}.json", params={"month": MONTH}, headers=bearer(token))
    # then JSON is the GraphQL result, as /graphql would answer
    assert response.status_code == 200, response.text
    overdue = response.json()["data"]["reports"]["overdueByDepartment"]
    assert [(r["departmentCode"], r["tasks"], r["overdueRate"]) for r in overdue] == [
        ("sales", 1, 1.0),
        ("design", 4, 0.75),
    ]
    # and CSV flattens the first list, nested objects as dotted columns
    as_csv = await client.http.get(f"{path}.csv", params={"month": MONTH}, headers=bearer(token))
    assert as_csv.content.startswith(b"\xef\xbb\xbf")
    assert list(csv.reader(io.StringIO(as_csv.content.decode("utf-8-sig")))) == [
        ["departmentCode", "tasks", "overdueRate", "department.code", "department.name"],
        ["sales", "1", "1.0", "sales", "销售部"],
        ["design", "4", "0.75", "design", "设计部"],
    ]
    as_xlsx = await client.http.get(f"{path}.xlsx", params={"month": MONTH}, headers=bearer(token))
    sheet = openpyxl.load_workbook(io.BytesIO(as_xlsx.content)).active
    assert sheet is not None
    assert [c.value for c in sheet[2]] == ["sales", 1, 1, "sales", "销售部"]


async def test_a_saved_query_runs_with_the_rights_of_the_caller(
    client: GraphQLClient, demo: None
) -> None:
    await build_march()
    admin = await client.sign_in("admin")
    await save(admin, "overdue-monthly", OVERDUE)
    head = await client.sign_in("design_head")
    own = await client.http.get(
        "/reports/saved/overdue-monthly.json", params={"month": MONTH}, headers=bearer(head.token)
    )
    overdue = own.json()["data"]["reports"]["overdueByDepartment"]
    assert [row["departmentCode"] for row in overdue] == ["design"]
    staff = await client.sign_in("design_staff")
    refused = await client.http.get(
        "/reports/saved/overdue-monthly.json", headers=bearer(staff.token)
    )
    assert refused.status_code == 403
    anonymous = await client.http.get("/reports/saved/overdue-monthly.json")
    assert anonymous.status_code == 401


async def test_a_connection_is_flattened_to_its_nodes(client: GraphQLClient, demo: None) -> None:
    admin = await client.sign_in("admin")
    await save(admin, "saved-list", LIST)
    await save(admin, "another", "{ departments { code } }")
    response = await client.http.get("/reports/saved/saved-list.csv", headers=bearer(admin.token))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["name", "title"]
    assert sorted(row[0] for row in rows[1:]) == ["another", "saved-list"]


async def test_only_saved_names_run(client: GraphQLClient, demo: None) -> None:
    token = await bi_token()
    unknown = await client.http.get("/reports/saved/anything.json", headers=bearer(token))
    assert unknown.status_code == 404
    assert unknown.json()["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    # a name is never a document: a query in the address is just an unknown name
    inline = await client.http.get("/reports/saved/{ viewer { id } }.json", headers=bearer(token))
    assert inline.status_code == 404


@pytest.mark.parametrize(
    ("document", "why"),
    [
        ('mutation { cancelRequirement(id: "x") { id } }', "a mutation"),
        ("subscription { notificationAdded { id } }", "a subscription"),
        ("query A { viewer { id } } query B { viewer { id } }", "two operations"),
        ("{ viewer { salary } }", "not in the schema"),
        ("{ viewer { id ", "not GraphQL"),
        ("", "empty"),
    ],
)
async def test_a_document_that_is_not_one_valid_query_is_refused_at_save_time(
    client: GraphQLClient, demo: None, document: str, why: str
) -> None:
    admin = await client.sign_in("admin")
    body = await save(admin, "bad", document)
    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT", why
    assert body["errors"][0]["extensions"]["field"] == "document", why
    assert not await SavedReport.exists()


@pytest.mark.parametrize("name", ["Overdue", "a_b", "-x", "x-", "a/b", "x" * 65])
async def test_a_name_must_be_a_slug(client: GraphQLClient, demo: None, name: str) -> None:
    admin = await client.sign_in("admin")
    body = await save(admin, name, "{ departments { code } }")
    assert body["errors"][0]["extensions"] == {"code": "BAD_USER_INPUT", "field": "name"}


async def test_saving_again_replaces_and_deleting_removes(
    client: GraphQLClient, demo: None
) -> None:
    admin = await client.sign_in("admin")
    first = (await save(admin, "depts", "{ departments { code } }"))["data"]["saveReport"]
    second = (await save(admin, "depts", "{ departments { name } }"))["data"]["saveReport"]
    assert second["id"] == first["id"] and "name" in second["document"]
    assert await SavedReport.all().count() == 1
    assert (await admin.data(DELETE, {"id": first["id"]}))["deleteReport"] == {"name": "depts"}
    gone = await client.http.get("/reports/saved/depts.json", headers=bearer(admin.token))
    assert gone.status_code == 404
    assert await admin.error_code(DELETE, {"id": first["id"]}) == "NOT_FOUND"


@pytest.mark.parametrize("username", ["ceo", "design_head", "design_staff", "bi"])
async def test_only_the_admin_saves_or_deletes(
    client: GraphQLClient, demo: None, username: str
) -> None:
    admin = await client.sign_in("admin")
    saved = (await save(admin, "depts", "{ departments { code } }"))["data"]["saveReport"]
    caller = (
        GraphQLClient(client.http, await bi_token())
        if username == "bi"
        else await client.sign_in(username)
    )
    assert (await save(caller, "mine", "{ departments { code } }"))["errors"][0]["extensions"][
        "code"
    ] == "FORBIDDEN"
    assert await caller.error_code(DELETE, {"id": saved["id"]}) == "FORBIDDEN"
    assert await SavedReport.all().count() == 1


async def test_the_list_is_for_report_readers(client: GraphQLClient, demo: None) -> None:
    admin = await client.sign_in("admin")
    await save(admin, "depts", "{ departments { code } }")
    bi = GraphQLClient(client.http, await bi_token())
    assert (await bi.data(LIST))["savedReports"]["totalCount"] == 1
    head = await client.sign_in("design_head")
    assert (await head.data(LIST))["savedReports"]["totalCount"] == 1
    staff = await client.sign_in("design_staff")
    assert await staff.error_code(LIST) == "FORBIDDEN"
