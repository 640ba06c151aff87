"""An admin-defined form field, added in a real browser, enforced by the API.

The admin signs in to ``/admin`` of a real ``crossflow demo`` process, adds a required
choice field to the marketing-event template's form through the panel's pages, and a
frontend's ``createRequirementFromTemplate`` is then refused without it (BAD_USER_INPUT
naming the field) and accepted with it. Screenshots go to ``test-artifacts/admin/``.
The browser, the server and the offline checks are those of ``test_admin_browser.py``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse

import httpx
import pytest

from tests.e2e.test_admin_browser import (  # noqa: F401  (fixtures used by name)
    LOGIN,
    browser,
    page,
    server,
    shot,
    sign_in,
)

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = [pytest.mark.e2e, pytest.mark.browser]

TEMPLATE_NAME = "大型市场活动统筹执行"
TEMPLATES = "{ requirementTemplates { id key } }"
FROM_TEMPLATE = """mutation($input: CreateRequirementFromTemplateInput!) {
  createRequirementFromTemplate(input: $input) {
    code status customFields { key label type choices { value label labelEn } } } }"""


def _graphql(http: httpx.Client, token: str, query: str, variables: dict[str, Any]) -> Any:
    response = http.post(
        "/graphql",
        json={"query": query, "variables": variables},
        headers={"authorization": f"Bearer {token}"},
    )
    assert response.status_code == 200, response.text
    return response.json()


def test_a_required_choice_field_added_in_the_panel_is_enforced_by_the_api(
    page: Page,  # noqa: F811
    server: str,  # noqa: F811
) -> None:
    sign_in(page, "admin", "demo")
    assert urlparse(page.url).path == "/admin/"

    # the admin opens the template form fields and adds one
    page.goto("/admin/template-form-field/list")
    assert "模板表单字段" in page.inner_text("body")
    page.goto("/admin/template-form-field/create")
    # the template, chosen in its search box (select2 asks the server for matches)
    page.click("#template + .select2 .select2-selection")
    page.fill(".select2-container--open .select2-search__field", "市场活动")
    page.click(f".select2-results__option:has-text('{TEMPLATE_NAME}')")
    page.fill("input[name=key]", "venueType")
    page.fill("input[name=label]", "场地类型")
    page.fill("input[name=label_en]", "Venue type")
    page.select_option("select[name=field_type]", "CHOICE")
    page.check("input[name=required]")
    page.fill(
        "textarea[name=options_text]",
        "indoor|室内场馆|Indoor venue\noutdoor|户外场地|Outdoor site",
    )
    page.fill("input[name=help_text]", "场地确认前请先选择类型")
    shot(page, "20-form-field-create")
    page.click("button[data-testid=save]")
    page.wait_for_url("**/admin/template-form-field/list**")
    body = page.inner_text("body")
    assert "场地类型" in body
    shot(page, "21-form-field-saved")

    with httpx.Client(base_url=server) as http:
        token = http.post(
            "/graphql", json={"query": LOGIN, "variables": {"u": "market_staff", "p": "demo"}}
        ).json()["data"]["login"]["token"]
        listed = _graphql(http, token, TEMPLATES, {})["data"]["requirementTemplates"]
        template_id = next(t["id"] for t in listed if t["key"] == "marketing-event")
        form = {"templateId": template_id, "title": "2024年度品牌发布会统筹执行"}

        # without the new field: refused, naming it
        refused = _graphql(http, token, FROM_TEMPLATE, {"input": form})
        assert refused["data"] is None
        error = refused["errors"][0]
        assert error["extensions"]["code"] == "BAD_USER_INPUT"
        assert error["extensions"]["field"] == "customFields.venueType"
        assert "场地类型" in error["message"]

        # an option that is not one of the field's: refused too
        wrong = {**form, "customFields": {"venueType": "boat"}}
        assert _graphql(http, token, FROM_TEMPLATE, {"input": wrong})["errors"][0]["extensions"][
            "field"
        ] == ("customFields.venueType")

        # with it: accepted, and the value reads back with its labels
        given = {**form, "customFields": {"venueType": "indoor"}}
        created = _graphql(http, token, FROM_TEMPLATE, {"input": given})
        assert not created.get("errors"), created["errors"]
        requirement = created["data"]["createRequirementFromTemplate"]
        assert requirement["status"] == "DRAFT"
        assert requirement["customFields"] == [
            {
                "key": "venueType",
                "label": "场地类型",
                "type": "CHOICE",
                "choices": [{"value": "indoor", "label": "室内场馆", "labelEn": "Indoor venue"}],
            }
        ]

    # the panel shows the value on the requirement's page, and the audit log the change
    page.goto("/admin/requirement/list")
    row = page.locator("tr", has_text="2024年度品牌发布会统筹执行")
    row.locator("a[href*='/detail?pk=']").first.click()
    page.wait_for_load_state()
    assert "场地类型（单选）：室内场馆" in page.inner_text("body")
    shot(page, "22-requirement-custom-values")
    page.goto("/admin/audit-entry/list")
    assert "formField.create" in page.inner_text("body")
