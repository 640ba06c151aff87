"""Attachments: multipart uploads with versions and change notes, limits, CSRF, downloads."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import pytest
from strawberry.relay import to_base64

from core.settings import Settings
from models import Attachment, AttachmentVersion, AuditEntry, Requirement, Task
from resolvers.errors import BadUserInput
from resolvers.files.attachments import clean_file_name
from tests.conftest import GraphQLClient

Q3 = "2024年Q3新品上市推广方案"
ARCHIVED = "智能温控器新品立项调研"
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(64)
UPLOAD = """mutation($input: UploadAttachmentInput!) { uploadAttachment(input: $input) {
  id fileName currentVersion task { code } uploadedBy { username }
  versions { id number sha256 size contentType changeNote downloadUrl uploadedBy { username } }
} }"""


async def requirement_id(title: str = Q3) -> str:
    return to_base64("Requirement", (await Requirement.get(title=title)).id)


async def upload(
    client: GraphQLClient,
    file: tuple[str, bytes, str],
    *,
    requirement: str | None = None,
    task: str | None = None,
    note: str = "",
    csrf: str | None = "1",
) -> httpx.Response:
    """A GraphQL multipart request (operations, map, the file part), as a browser sends it."""
    variables: dict[str, Any] = {
        "input": {
            "file": None,
            "requirementId": requirement or await requirement_id(),
            "taskId": task,
            "note": note,
        }
    }
    headers = {"authorization": f"Bearer {client.token}"} if client.token else {}
    if csrf is not None:
        headers["X-CrossFlow-CSRF"] = csrf
    return await client.http.post(
        "/graphql",
        data={
            "operations": json.dumps({"query": UPLOAD, "variables": variables}),
            "map": json.dumps({"0": ["variables.input.file"]}),
        },
        files={"0": file},
        headers=headers,
    )


async def uploaded(client: GraphQLClient, file: tuple[str, bytes, str], **kw: Any) -> Any:
    response = await upload(client, file, **kw)
    assert response.status_code == 200, response.text
    body = response.json()
    assert not body.get("errors"), body["errors"]
    return body["data"]["uploadAttachment"]


async def refusal(client: GraphQLClient, file: tuple[str, bytes, str], **kw: Any) -> Any:
    """The first error of an upload that must fail."""
    response = await upload(client, file, **kw)
    assert response.status_code == 200, response.text
    errors = response.json().get("errors")
    assert errors, response.text
    return errors[0]["extensions"]


def stored_files(settings: Settings) -> list[Path]:
    """Everything in the store, staging folder included."""
    root = settings.data_dir / "files"
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


async def download(client: GraphQLClient, url: str, token: str | None) -> httpx.Response:
    headers = {"authorization": f"Bearer {token}"} if token else {}
    return await client.http.get(url, headers=headers)


async def test_a_new_name_is_an_attachment_the_same_name_a_new_version_content_stored_once(
    client: GraphQLClient, demo: None, settings: Settings
) -> None:
    market = await client.sign_in("market_staff")
    # given a participant uploads a competitor analysis
    first = await uploaded(market, ("竞品分析.pdf", PDF, "application/pdf"), note="初稿")
    assert (first["fileName"], first["currentVersion"]) == ("竞品分析.pdf", 1)
    assert first["versions"][0]["changeNote"] == "初稿"
    assert first["versions"][0]["contentType"] == "application/pdf"
    # when the same name is uploaded again with new content and a change note
    newer = PDF.replace(b"Catalog", b"Catalog /Lang (zh-CN)")
    note = "更新为2024年Q2数据（原为2023年）"
    second = await uploaded(market, ("竞品分析.pdf", newer, "application/pdf"), note=note)
    # then it is the same attachment with a second version carrying the note
    assert second["id"] == first["id"] and second["currentVersion"] == 2
    assert [(v["number"], v["changeNote"]) for v in second["versions"]] == [(1, "初稿"), (2, note)]
    assert second["versions"][1]["size"] == len(newer)
    # and the same content under another name is a new attachment, stored only once on disk
    copy = await uploaded(market, ("竞品分析-副本.pdf", newer, "application/pdf"))
    assert copy["id"] != first["id"] and copy["currentVersion"] == 1
    assert copy["versions"][0]["sha256"] == second["versions"][1]["sha256"]
    blobs = stored_files(settings)
    assert [p.name for p in blobs] == sorted(v["sha256"] for v in second["versions"])
    assert all(p.parent.name == p.name[:2] for p in blobs)
    assert await AuditEntry.filter(action="attachment.upload").count() == 3
    # and every participant downloads the exact bytes of each version
    design = await client.sign_in("design_staff")
    for version, content in zip(second["versions"], (PDF, newer), strict=True):
        response = await download(client, version["downloadUrl"], design.token)
        assert response.status_code == 200
        assert response.content == content
        assert response.headers["content-type"] == "application/pdf"
        assert response.headers["x-content-type-options"] == "nosniff"
        disposition = response.headers["content-disposition"]
        assert disposition.startswith("attachment;")
        assert f"filename*=UTF-8''{quote('竞品分析.pdf')}" in disposition
    # and the requirement lists its attachments
    listed = await design.data(
        "query($code: String!) { requirement(code: $code) { attachments { fileName } } }",
        {"code": (await Requirement.get(title=Q3)).code},
    )
    names = [a["fileName"] for a in listed["requirement"]["attachments"]]
    assert names == ["竞品分析.pdf", "竞品分析-副本.pdf"]


async def test_a_task_file_belongs_to_its_task(client: GraphQLClient, demo: None) -> None:
    task = await Task.get(title="完成主视觉图初稿")
    task_id = to_base64("Task", task.id)
    design = await client.sign_in("design_staff")
    made = await uploaded(design, ("主视觉.png", PNG, "image/png"), task=task_id, note="第一版")
    assert made["task"] == {"code": task.code}
    query = """query($code: String!) { task(code: $code) { attachments { fileName } }
      requirement: task(code: $code) { requirement {
        own: attachments { fileName } all: attachments(includeTasks: true) { fileName } } } }"""
    seen = await design.data(query, {"code": task.code})
    assert seen["task"]["attachments"] == [{"fileName": "主视觉.png"}]
    assert seen["requirement"]["requirement"]["own"] == []
    assert seen["requirement"]["requirement"]["all"] == [{"fileName": "主视觉.png"}]
    # a task of another requirement is refused, naming the field
    other = await Task.get(title="竞品与用户调研")
    refused = await refusal(
        design, ("主视觉.png", PNG, "image/png"), task=to_base64("Task", other.id)
    )
    assert (refused["code"], refused["field"]) == ("BAD_USER_INPUT", "taskId")


async def test_a_file_over_the_size_limit_is_refused_and_nothing_is_stored(
    client: GraphQLClient, demo: None, settings: Settings
) -> None:
    settings.upload_max_bytes = 2048
    market = await client.sign_in("market_staff")
    assert (await uploaded(market, ("ok.png", PNG.ljust(2048, b"\0"), "image/png")))["id"]
    before = (await Attachment.all().count(), stored_files(settings))
    # one byte over the limit: the use case names the field
    refused = await refusal(market, ("big.png", PNG.ljust(2049, b"\0"), "image/png"))
    assert (refused["code"], refused["field"]) == ("BAD_USER_INPUT", "file")
    # far over the limit: the body is cut off while it arrives
    response = await upload(market, ("huge.png", PNG.ljust(1_200_000, b"\0"), "image/png"))
    assert response.status_code == 413
    assert response.json()["errors"][0]["extensions"]["code"] == "PAYLOAD_TOO_LARGE"
    assert (await Attachment.all().count(), stored_files(settings)) == before


@pytest.mark.parametrize(
    "file",
    [
        ("setup.exe", b"MZ\x90\x00\x03\x00\x00\x00", "application/x-msdownload"),
        ("logo.png", b"GIF89a not a png at all", "image/png"),
        ("report.pdf", PDF, "image/png"),
        ("notes.txt", b"MZ\x90\x00\x03\x00\x00\x00", "text/plain"),
        ("budget.xlsx", b"plain text pretending", "application/octet-stream"),
        ("page.html", b"<script>alert(1)</script>", "text/html"),
        ("empty.pdf", b"", "application/pdf"),
    ],
)
async def test_types_outside_the_allow_list_or_not_what_they_claim_are_refused(
    client: GraphQLClient, demo: None, settings: Settings, file: tuple[str, bytes, str]
) -> None:
    market = await client.sign_in("market_staff")
    refused = await refusal(market, file)
    assert (refused["code"], refused["field"]) == ("BAD_USER_INPUT", "file")
    assert await Attachment.all().count() == 0
    assert stored_files(settings) == []


@pytest.mark.parametrize("csrf", [None, " "])
async def test_a_multipart_request_without_the_csrf_header_is_rejected(
    client: GraphQLClient, demo: None, settings: Settings, csrf: str | None
) -> None:
    market = await client.sign_in("market_staff")
    response = await upload(market, ("a.pdf", PDF, "application/pdf"), csrf=csrf)
    assert response.status_code == 400
    assert response.json()["errors"][0]["extensions"]["code"] == "CSRF_REJECTED"
    assert await Attachment.all().count() == 0 and stored_files(settings) == []


async def test_outsiders_neither_upload_nor_download(
    client: GraphQLClient, demo: None, settings: Settings
) -> None:
    market = await client.sign_in("market_staff")
    made = await uploaded(market, ("预算表.xlsx", b"PK\x03\x04rest", "application/octet-stream"))
    url = made["versions"][0]["downloadUrl"]
    legal = await client.sign_in("legal_staff")
    # the legal department takes no part in the Q3 launch: NOT_FOUND, nothing stored
    assert (await refusal(legal, ("x.pdf", PDF, "application/pdf")))["code"] == "NOT_FOUND"
    assert await Attachment.all().count() == 1 and len(stored_files(settings)) == 1
    assert (await download(client, url, legal.token)).status_code == 404
    assert (await download(client, url, None)).status_code == 401
    assert (await download(client, url, "not-a-token")).status_code == 401
    wrong_type = f"/files/{to_base64('Attachment', 1)}"
    assert (await download(client, wrong_type, market.token)).status_code == 404
    # the admin reads every requirement's files
    admin = await client.sign_in("admin")
    assert (await download(client, url, admin.token)).status_code == 200
    # but the admin is no participant, so cannot add files
    assert (await refusal(admin, ("x.pdf", PDF, "application/pdf")))["code"] == "FORBIDDEN"


async def test_archived_requirements_take_no_more_files(client: GraphQLClient, demo: None) -> None:
    initiator = await client.sign_in("rnd_staff")
    refused = await refusal(
        initiator, ("补充.pdf", PDF, "application/pdf"), requirement=await requirement_id(ARCHIVED)
    )
    assert refused["code"] == "FORBIDDEN"
    assert await AttachmentVersion.all().count() == 0


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("C:\\Users\\li\\方案 v1.pdf", "方案 v1.pdf"),
        ("../../etc/passwd.txt", "passwd.txt"),
        ("report\u202egnp.exe", "reportgnp.exe"),
        ('a:b*c?"d".pdf', "a_b_c__d_.pdf"),
        ("  .hidden.csv  ", "hidden.csv"),
        ("x" * 300 + ".pdf", "x" * 196 + ".pdf"),
    ],
)
def test_file_names_keep_only_a_safe_last_segment(raw: str, clean: str) -> None:
    assert clean_file_name(raw) == clean


@pytest.mark.parametrize("raw", [None, "", "..", "dir/", " . "])
def test_a_name_with_nothing_left_is_refused(raw: str | None) -> None:
    with pytest.raises(BadUserInput):
        clean_file_name(raw)
