"""Uploads the browser could not type (application/octet-stream) are judged by content."""

from __future__ import annotations

import io
import zipfile

import openpyxl
import pytest

from core.settings import Settings
from models import Attachment
from resolvers.files.content import content_agrees, identified_type
from tests.conftest import GraphQLClient
from tests.resolvers.test_attachments import PDF, PNG, refusal, stored_files, uploaded

UNKNOWN = "application/octet-stream"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _xlsx() -> bytes:
    """A workbook as openpyxl (and Excel) writes it."""
    buffer = io.BytesIO()
    openpyxl.Workbook().save(buffer)
    return buffer.getvalue()


def _docx() -> bytes:
    """The opening entries of a Word document: a ZIP whose content types say word/."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def test_the_content_names_the_office_document_a_zip_holds() -> None:
    # given a workbook and a Word document, both ZIP files
    # then the first bytes tell them apart, and plain text has no identity of its own
    assert identified_type(_xlsx()) == XLSX_TYPE
    assert identified_type(_docx()) == DOCX_TYPE
    assert identified_type(b"name,amount\n") is None
    assert content_agrees(XLSX_TYPE, _xlsx()) and not content_agrees(XLSX_TYPE, _docx())


@pytest.mark.parametrize(
    ("name", "content", "stored_as"),
    [
        ("报名名单.csv", "姓名,部门\n张三,市场部\n".encode(), "text/csv"),
        ("说明.txt", "会议纪要".encode(), "text/plain"),
        ("预算表.xlsx", _xlsx(), XLSX_TYPE),
        ("方案.docx", _docx(), DOCX_TYPE),
        ("报告.pdf", PDF, "application/pdf"),
    ],
)
async def test_an_untyped_upload_is_accepted_when_its_content_is_what_its_name_says(
    client: GraphQLClient, demo: None, name: str, content: bytes, stored_as: str
) -> None:
    # given a participant of the requirement
    market = await client.sign_in("market_staff")
    # when the browser sends the file as application/octet-stream
    made = await uploaded(market, (name, content, UNKNOWN))
    # then the content decided, and the file is stored with the allow-list's type
    assert made["versions"][0]["contentType"] == stored_as


@pytest.mark.parametrize(
    ("name", "content", "declared"),
    [
        ("预算表.xlsx", _docx(), UNKNOWN),  # a Word document named as a workbook
        ("预算表.xlsx", _docx(), XLSX_TYPE),  # ... even when the browser says workbook
        ("名单.csv", PNG, UNKNOWN),  # an image named as text
        ("说明.txt", PDF, UNKNOWN),  # a PDF named as text (no NUL bytes to give it away)
        ("setup.txt", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00", UNKNOWN),  # a Windows program
    ],
)
async def test_an_upload_whose_content_is_something_else_is_refused(
    client: GraphQLClient,
    demo: None,
    settings: Settings,
    name: str,
    content: bytes,
    declared: str,
) -> None:
    # given a participant of the requirement
    market = await client.sign_in("market_staff")
    # when the content is identified as another type than the name gives
    refused = await refusal(market, (name, content, declared))
    # then the upload is refused on the file field, and nothing is stored
    assert (refused["code"], refused["field"]) == ("BAD_USER_INPUT", "file")
    assert await Attachment.all().count() == 0
    assert stored_files(settings) == []
