"""OWASP API5 (function level authorisation): what a BI principal may read, true everywhere.

A ``--role BI`` API token reads, like EXECUTIVE, every list and node reports are built from
(requirements, tasks, archives, reviews, progress, comments, collaboration requests,
feedback, suggestions, departments, people's public fields, reports). What it deliberately
may not read — a person's notifications, the bytes of attachments, the audit trail's
analysis reports — answers ``FORBIDDEN`` naming the reason, never an empty list.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import openpyxl
from strawberry.relay import to_base64

from core.settings import Settings
from models import (
    Archive,
    Attachment,
    AttachmentVersion,
    Requirement,
    Task,
    User,
)
from models.enums import Role
from resolvers.access.api_tokens import create_api_token
from resolvers.access.auth import viewer_from_token
from resolvers.access.live_sockets import LiveConnection
from resolvers.context import RequestContext
from resolvers.errors import Forbidden
from schema import schema
from tests.conftest import GraphQLClient

API_DOC = Path(__file__).resolve().parents[2] / "docs" / "api.md"
EVERYTHING_REPORTS_USE = """{
  requirements(first: 20) { totalCount edges { node { code status
    reviewRounds { number reviews { decision department { code } } }
    feedback { code kind } } } }
  tasks(first: 20) { totalCount edges { node { code updatedAt
    assignee { username displayName department { code } }
    progressUpdates { percent } comments { body } collaborationRequests { status } } } }
  archives(first: 100) { totalCount edges { node { title requirement { code } } } }
  suggestions { totalCount }
  departments { code head { username } }
  users(first: 100) { totalCount }
  reports { tasksByStatus { count } }
  savedReports { totalCount }
}"""


async def bi_token(user: User | None = None) -> str:
    """A token made by the use case ``crossflow create-token --role BI`` calls."""
    issued = await create_api_token(
        None, name="Power BI 财务", role=Role.BI, user_id=user.id if user else None, via="cli"
    )
    return issued.secret


def recipe_block(name: str) -> str:
    """A fenced block of docs/api.md's BI recipe, by the operation or command it holds."""
    text = API_DOC.read_text(encoding="utf-8")
    blocks = re.findall(r"```(?:graphql|sh)\n(.*?)```", text, re.DOTALL)
    return next(block for block in blocks if name in block)


async def test_a_bi_token_reads_every_list_reports_are_built_from(
    client: GraphQLClient, demo: None
) -> None:
    # given a BI token made as the docs say
    bi = GraphQLClient(client.http, await bi_token())
    # when it reads the records reports are built from
    data = await bi.data(EVERYTHING_REPORTS_USE)
    # then it sees every requirement, task and archive, with what hangs off them
    assert data["requirements"]["totalCount"] == await Requirement.all().count()
    assert data["tasks"]["totalCount"] == await Task.all().count()
    assert data["archives"]["totalCount"] == await Archive.all().count() == 1
    requirements = [e["node"] for e in data["requirements"]["edges"]]
    assert any(r["reviewRounds"] and r["reviewRounds"][0]["reviews"] for r in requirements)
    assert any(r["feedback"] for r in requirements)
    tasks = [e["node"] for e in data["tasks"]["edges"]]
    assert any(t["progressUpdates"] and t["comments"] and t["collaborationRequests"] for t in tasks)
    assert len(data["departments"]) == 12 and data["users"]["totalCount"] > 20
    # and a single node by its global id
    task = await Task.first()
    assert task is not None
    node = await bi.data(
        "query($id: ID!) { node(id: $id) { ... on Task { code } } }",
        {"id": to_base64("Task", task.id)},
    )
    assert node["node"] == {"code": task.code}


async def test_what_a_bi_token_may_not_read_is_refused_with_the_reason(
    client: GraphQLClient, demo: None
) -> None:
    # given a BI token acting for nobody
    bi = GraphQLClient(client.http, await bi_token())
    # when it asks for an inbox, its own tasks or the monthly analysis reports
    refusals = {
        name: (await bi.post(document))["errors"][0]
        for name, document in {
            "notifications": "{ notifications { totalCount } }",
            "myTasks": "{ myTasks { totalCount } }",
            "analysisReports": "{ analysisReports { totalCount } }",
        }.items()
    }
    # then each is FORBIDDEN, and the message says why
    assert {name: e["extensions"]["code"] for name, e in refusals.items()} == dict.fromkeys(
        refusals, "FORBIDDEN"
    )
    assert "inbox" in refusals["notifications"]["message"]
    assert "no person" in refusals["myTasks"]["message"]
    # and the bytes of an attachment are refused with a 403 naming the reason
    task = await Task.first()
    assert task is not None
    staff = await User.get(username="design_staff")
    attachment = await Attachment.create(
        requirement_id=task.requirement_id, task=task, file_name="合同.pdf", uploaded_by=staff
    )
    version = await AttachmentVersion.create(
        attachment=attachment,
        number=1,
        sha256="0" * 64,
        size=3,
        content_type="application/pdf",
        storage_path="00/contract",
        uploaded_by=staff,
    )
    response = await client.http.get(
        f"/files/{to_base64('AttachmentVersion', version.id)}",
        headers={"authorization": f"Bearer {bi.token}"},
    )
    assert response.status_code == 403
    assert response.json()["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert "not files" in response.json()["errors"][0]["message"]
    # while its metadata is readable
    listed = await bi.data(
        "query($c: String!) { task(code: $c) { attachments { fileName } } }", {"c": task.code}
    )
    assert listed["task"]["attachments"] == [{"fileName": "合同.pdf"}]


async def test_a_bi_token_tied_to_a_person_still_reads_no_inbox_but_their_tasks(
    client: GraphQLClient, demo: None
) -> None:
    # given a BI token tied to the design department's staff member
    person = await User.get(username="design_staff")
    bi = GraphQLClient(client.http, await bi_token(person))
    # when it asks for their notifications and their tasks
    inbox = await bi.error_code("{ notifications { totalCount } }")
    mine = await bi.data("{ myTasks { totalCount } }")
    # then the inbox stays the person's, and their tasks are theirs
    assert inbox == "FORBIDDEN"
    assert mine["myTasks"]["totalCount"] == await Task.filter(assignee=person).count() > 0


async def test_the_bi_recipe_of_the_docs_runs_as_written(client: GraphQLClient, demo: None) -> None:
    # given a token from `crossflow create-token --role BI` (the recipe's first step)
    assert "crossflow create-token" in recipe_block("create-token") and "--role BI" in (
        recipe_block("create-token")
    )
    token = await bi_token()
    bi = GraphQLClient(client.http, token)
    # when it extracts tasks with the recipe's query and variables, page by page
    extract = recipe_block("query Extract")
    variables = json.loads(re.search(r"# variables: (\{.*\})", extract).group(1))  # type: ignore[union-attr]
    codes: list[str] = []
    while True:
        page = (await bi.data(extract, variables))["tasks"]
        codes += [edge["node"]["code"] for edge in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        variables["after"] = page["pageInfo"]["endCursor"]
    # then it gets every task, not an empty list
    assert sorted(codes) == sorted(await Task.all().values_list("code", flat=True))
    assert codes
    # and the recipe's report URL answers a CSV with its header row
    url = re.search(r"https://crossflow\.example\.com(/reports/\S+?)\"", recipe_block("curl"))
    assert url is not None
    response = await client.http.get(url.group(1), headers={"authorization": f"Bearer {token}"})
    assert response.status_code == 200
    header = next(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert header[:3] == ["month", "departmentCode", "departmentName"]


async def test_a_saved_report_over_tasks_gives_a_bi_token_rows_and_always_a_header(
    client: GraphQLClient, demo: None
) -> None:
    # given the admin saved a report over tasks with a text variable
    admin = await client.sign_in("admin")
    document = """query($text: String) { tasks(first: 100,
      filter: {text: $text}) { edges { node { code progress
      executingDepartment { code } } } } }"""
    await admin.data(
        "mutation($i: SaveReportInput!) { saveReport(input: $i) { id } }",
        {"i": {"name": "tasks", "title": "任务", "document": document}},
    )
    headers = {"authorization": f"Bearer {await bi_token()}"}
    # when a BI token downloads it as CSV
    full = await client.http.get("/reports/saved/tasks.csv", headers=headers)
    rows = list(csv.reader(io.StringIO(full.content.decode("utf-8-sig"))))
    # then it holds the header and one row per task (it held only the BOM before)
    assert rows[0] == ["code", "progress", "executingDepartment.code"]
    assert sorted(r[0] for r in rows[1:]) == sorted(await Task.all().values_list("code", flat=True))
    # and a filter matching nothing still gives the header row, in CSV and in XLSX
    empty = {"text": "没有这样的任务"}
    none = await client.http.get("/reports/saved/tasks.csv", params=empty, headers=headers)
    assert none.status_code == 200, none.text
    assert none.content.decode("utf-8-sig").splitlines() == [
        "code,progress,executingDepartment.code"
    ]
    sheet = await client.http.get("/reports/saved/tasks.xlsx", params=empty, headers=headers)
    book = openpyxl.load_workbook(io.BytesIO(sheet.content)).active
    assert book is not None
    assert [[c.value for c in row] for row in book.iter_rows()] == [
        ["code", "progress", "executingDepartment.code"]
    ]


async def test_a_bi_token_subscribing_to_notifications_is_refused_with_the_reason(
    settings: Settings, demo: None
) -> None:
    # given a BI token bound to no person, signed in on a websocket
    viewer = await viewer_from_token(settings, await bi_token())
    assert viewer is not None
    context = RequestContext.build(settings, viewer, live=LiveConnection())
    # when it subscribes to notificationAdded
    stream = await schema.subscribe(
        "subscription { notificationAdded { title } }", context_value=context
    )
    assert hasattr(stream, "__anext__"), stream
    result = await stream.__anext__()
    # then it is told why, instead of a stream that silently ends
    assert result.errors is not None
    assert isinstance(result.errors[0].original_error, Forbidden)
    assert "API" in result.errors[0].message
    await stream.aclose()
