"""Files in the workbench: versions uploaded on the requirement page, opened from a plain link.

Market staff uploads a plan to the Q3 launch (with the CSRF header the API asks of
multipart requests), then a second version under the same name with a change note; both
versions are listed, and each opens through a short-lived signed link that carries no
bearer token. An outsider's link to the same file opens nothing. At a phone's width, with
axe-core finding nothing serious. Screenshots go to ``test-artifacts/workbench/``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import httpx
import pytest

from tests.e2e.processes import crossflow_process, free_port, wait_until_ready
from tests.e2e.test_admin_browser import browser  # noqa: F401  (fixture used by name)
from tests.e2e.workbench import (
    PHONE,
    graphql,
    serious_accessibility_violations,
    shot,
    sign_in,
    workbench_page,
)

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = [pytest.mark.e2e, pytest.mark.browser]

Q3 = "2024年Q3新品上市推广方案"
FIRST = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"
SECOND = FIRST + b"% budget added\n"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("workbench-files")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = folder / "demo.log"
    with crossflow_process(["demo", "--port", str(port)], {}, folder, log) as process:
        wait_until_ready(base, process, log)
        yield base


def _upload(page: Page, folder: Path, content: bytes, note: str) -> None:
    """Choose the file in the attachments card's upload, after typing the change note."""
    path = folder / "推广方案.pdf"
    path.write_bytes(content)
    card = page.get_by_test_id("attachments")
    card.get_by_label("变更说明").fill(note)
    card.locator("input[type=file]").set_input_files(str(path))
    page.get_by_text("文件已上传").last.wait_for()


def test_versions_are_uploaded_and_each_opens_from_a_signed_link(
    browser: Browser,  # noqa: F811
    server: str,
    tmp_path: Path,
) -> None:
    code = graphql(
        server, "market_staff", "{ requirements(first: 50) { edges { node { code title } } } }", {}
    )
    q3 = next(e["node"]["code"] for e in code["requirements"]["edges"] if e["node"]["title"] == Q3)
    with workbench_page(browser, server, viewport=PHONE) as page:
        # given the initiator on the Q3 launch's page, on a phone
        sign_in(page, "market_staff")
        page.goto(f"/requirements/{q3}")
        page.get_by_role("heading", name=Q3).wait_for()

        # when she uploads a plan, then a second version of it with a change note
        _upload(page, tmp_path, FIRST, "初稿")
        _upload(page, tmp_path, SECOND, "补充预算")
        # then the card lists the file at version 2 with both versions and their notes
        card = page.get_by_test_id("attachments")
        card.get_by_text("补充预算").wait_for()
        assert "推广方案.pdf" in card.inner_text() and "初稿" in card.inner_text()
        assert card.get_by_role("button", name="下载 推广方案.pdf 第1版").is_visible()
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        assert serious_accessibility_violations(page) == []
        shot(page, "40-phone-attachments")

        # when she opens each version: the browser follows a signed link, no header
        token = page.evaluate("localStorage.getItem('crossflow.token')")
        opened: dict[str, bytes] = {}
        for number in (1, 2):
            with page.expect_download() as pending:
                card.get_by_role("button", name=f"下载 推广方案.pdf 第{number}版").click()
            download = pending.value
            # then each link is the file's address with a signature, never the bearer token
            assert "sig=" in download.url and token not in download.url
            opened[download.url] = Path(download.path()).read_bytes()
        assert sorted(opened.values()) == sorted([FIRST, SECOND])

    # and a link an outsider signs for the same file opens nothing (NOT_FOUND)
    link = next(iter(opened))
    path = link.split("//", 1)[1].split("/", 1)[1].split("?", 1)[0]
    outsider = graphql(
        server,
        "legal_staff",
        "mutation($p: String!) { signDownloadLink(path: $p) { url } }",
        {"p": f"/{path}"},
    )
    refused = httpx.get(server + outsider["signDownloadLink"]["url"])
    assert refused.status_code == 404
    assert refused.json()["errors"][0]["extensions"]["code"] == "NOT_FOUND"


COMPLAINT = "客户投诉跨部门处理"
ADD_FIELD = """mutation($input: CreateFormFieldInput!) { createFormField(input: $input) { key } }"""


def test_a_file_field_of_the_form_is_uploaded_with_the_requirement(
    browser: Browser,  # noqa: F811
    server: str,
    tmp_path: Path,
) -> None:
    # given the admin added a FILE field (photos of the damage) to the complaint template
    templates = graphql(server, "admin", "{ requirementTemplates { id name } }", {})
    template = next(t["id"] for t in templates["requirementTemplates"] if t["name"] == COMPLAINT)
    field = {"key": "damagePhoto", "label": "破损照片", "type": "FILE", "templateId": template}
    graphql(server, "admin", ADD_FIELD, {"input": field})
    photo = tmp_path / "破损照片.png"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(64))
    with workbench_page(browser, server) as page:
        # when service staff raises a complaint with the photo chosen in the form
        sign_in(page, "service_staff")
        page.goto("/requirements/new")
        page.get_by_text(COMPLAINT).click()
        page.get_by_test_id("template-next").click()
        page.get_by_label("需求名称").fill("B2026批次外箱破损投诉处理")
        page.get_by_label("需求目标").fill("三个工作日内给客户处理方案")
        page.get_by_label("交付物").fill("原因分析与赔付方案")
        page.get_by_label("验收标准").fill("客户确认方案")
        field_item = page.get_by_test_id("custom-damagePhoto")
        field_item.locator("input[type=file]").set_input_files(str(photo))
        field_item.get_by_text("破损照片.png").wait_for()
        shot(page, "41-form-file-field")
        page.get_by_role("button", name="提交审核").click()
        # then the submitted requirement shows the file as the field's value and in 附件
        page.wait_for_url(re.compile(r"/requirements/XQ\d+"))
        page.get_by_text("待审核").first.wait_for()
        value = page.locator(".ant-descriptions-item", has_text="破损照片")
        assert "破损照片.png" in value.first.inner_text()
        attachments = page.get_by_test_id("attachments")
        assert "破损照片.png" in attachments.inner_text()
        # and the file opens from its signed link
        with page.expect_download() as pending:
            attachments.get_by_role("button", name="下载 破损照片.png 第1版").click()
        assert Path(pending.value.path()).read_bytes() == photo.read_bytes()
        shot(page, "42-requirement-with-file-field")
