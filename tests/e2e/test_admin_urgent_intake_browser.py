"""Urgent intake (快速触发) switched on for a template in a real browser.

The admin ticks 快速触发 on the customer-complaint template in ``/admin`` of a real
``crossflow demo`` process; a complaint then raised from the template through the API is
initiated at once, its work orders assigned (to each department's head: the demo names no
on-duty person) with deadlines. The browser, the server and the offline checks are those of
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

TEMPLATES = "{ requirementTemplates { id key urgentIntake } }"
FROM_TEMPLATE = """mutation($input: CreateRequirementFromTemplateInput!) {
  createRequirementFromTemplate(input: $input) {
    status tasks { deadline assignee { username } executingDepartment { code } } } }"""


def test_urgent_intake_ticked_in_the_panel_starts_a_complaint_at_once(
    page: Page,  # noqa: F811
    server: str,  # noqa: F811
) -> None:
    with httpx.Client(base_url=server) as http:
        token = http.post(
            "/graphql", json={"query": LOGIN, "variables": {"u": "service_staff", "p": "demo"}}
        ).json()["data"]["login"]["token"]
        listed = graphql_data(http, token, TEMPLATES, {})["requirementTemplates"]
        complaint = next(t for t in listed if t["key"] == "customer-complaint")
        assert complaint["urgentIntake"] is False
        pk = base64.b64decode(complaint["id"]).decode().split(":")[1]

        # the admin opens the template and ticks 快速触发
        sign_in(page, "admin", "demo")
        page.goto(f"/admin/requirement-template/edit?pk={pk}")
        assert "快速触发" in page.inner_text("body")
        page.check("input[name=urgent_intake]")
        shot(page, "40-template-urgent-intake")
        page.click("button[data-testid=save]")
        page.wait_for_url("**/admin/requirement-template/**")
        shot(page, "41-template-urgent-intake-saved")

        # then a complaint raised from it is initiated with assigned, timed work orders
        listed = graphql_data(http, token, TEMPLATES, {})["requirementTemplates"]
        complaint = next(t for t in listed if t["key"] == "customer-complaint")
        assert complaint["urgentIntake"] is True
        form = {
            "templateId": complaint["id"],
            "title": "客户投诉：外包装破损",
            "goals": "24小时内答复客户",
            "deliverables": "物流排查结论",
            "acceptanceCriteria": "客户确认",
        }
        created = graphql_data(http, token, FROM_TEMPLATE, {"input": form})
        raised = created["createRequirementFromTemplate"]
        assert raised["status"] == "INITIATED"
        assert raised["tasks"] and all(
            task["assignee"] and task["deadline"] for task in raised["tasks"]
        )
        sales = [t for t in raised["tasks"] if t["executingDepartment"]["code"] == "sales"]
        assert [t["assignee"]["username"] for t in sales] == ["sales_head"]
