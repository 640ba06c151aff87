"""A template's sign-off and acceptance modes (会签/或签), chosen in a real browser.

The admin edits the customer-complaint template in ``/admin`` of a real ``crossflow demo``
process and picks 或签 for both modes; a complaint then raised from the template through the
API starts with them. The browser, the server and the offline checks are those of
``test_admin_browser.py``; screenshots go to ``test-artifacts/admin/``.
"""

from __future__ import annotations

import base64
from typing import TYPE_CHECKING

import httpx
import pytest

from tests.e2e.test_admin_browser import (  # noqa: F401  (fixtures used by name)
    LOGIN,
    browser,
    graphql_data,
    page,
    server,
    shot,
    sign_in,
)

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = [pytest.mark.e2e, pytest.mark.browser]

TEMPLATES = "{ requirementTemplates { id key signoffMode acceptanceMode } }"
FROM_TEMPLATE = """mutation($input: CreateRequirementFromTemplateInput!) {
  createRequirementFromTemplate(input: $input) { code signoffMode acceptanceMode } }"""


def test_modes_chosen_in_the_panel_start_the_templates_requirements(
    page: Page,  # noqa: F811
    server: str,  # noqa: F811
) -> None:
    with httpx.Client(base_url=server) as http:
        token = http.post(
            "/graphql", json={"query": LOGIN, "variables": {"u": "service_staff", "p": "demo"}}
        ).json()["data"]["login"]["token"]
        listed = graphql_data(http, token, TEMPLATES, {})["requirementTemplates"]
        complaint = next(t for t in listed if t["key"] == "customer-complaint")
        assert (complaint["signoffMode"], complaint["acceptanceMode"]) == ("ALL", "ALL")
        pk = base64.b64decode(complaint["id"]).decode().split(":")[1]

        # the admin opens the template and picks 或签 for both modes
        sign_in(page, "admin", "demo")
        page.goto(f"/admin/requirement-template/edit?pk={pk}")
        body = page.inner_text("body")
        assert "审核方式" in body and "验收方式" in body
        page.select_option("select[name=signoff_mode]", "ANY")
        page.select_option("select[name=acceptance_mode]", "ANY")
        shot(page, "30-template-signoff-modes")
        page.click("button[data-testid=save]")
        page.wait_for_url("**/admin/requirement-template/**")
        assert "或签" in page.inner_text("body")
        shot(page, "31-template-signoff-modes-saved")

        # then the API shows them, and a complaint raised from it starts with them
        listed = graphql_data(http, token, TEMPLATES, {})["requirementTemplates"]
        complaint = next(t for t in listed if t["key"] == "customer-complaint")
        assert (complaint["signoffMode"], complaint["acceptanceMode"]) == ("ANY", "ANY")
        form = {"templateId": complaint["id"], "title": "客户投诉：外包装破损"}
        raised = graphql_data(http, token, FROM_TEMPLATE, {"input": form})
        created = raised["createRequirementFromTemplate"]
        assert (created["signoffMode"], created["acceptanceMode"]) == ("ANY", "ANY")
