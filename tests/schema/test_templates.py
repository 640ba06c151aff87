"""The templates API: ``requirementTemplates``, ``createRequirementFromTemplate`` and
``Requirement.template``, as a frontend calls them."""

from __future__ import annotations

from typing import Any

from strawberry.relay import to_base64

from core.settings import Settings
from models import (
    AuditEntry,
    Department,
    FormField,
    Requirement,
    RequirementTemplate,
    RequirementTemplateVersion,
    TemplateDepartment,
    TemplateTask,
    User,
)
from tests.conftest import GraphQLClient
from tests.support.sql_log import counted_statements

TEMPLATES = """{ requirementTemplates { id key name nameEn priority enabled version
  departments { isLead contribution department { code } }
  tasks { title offsetDays department { code } }
  responseLimits { hours standard department { code } }
  thresholds { kind thresholdNormal thresholdUrgent unit }
} }"""
CREATE = """mutation($input: CreateRequirementFromTemplateInput!) {
  createRequirementFromTemplate(input: $input) {
    id code status priority background templateVersion template { key version }
    involvedDepartments { isLead department { code } }
  } }"""
READ = "query($code: String!) { requirement(code: $code) { code template { key } } }"
#: Sign-in (no access cache here), then the templates with every list selected in one
#: statement (``Loaders.with_children``), whatever the number of templates.
TEMPLATE_LIST_STATEMENTS = 2
#: Plus the departments the tasks and limits name: none when the template departments' own
#: (read with them, resolvers/loaders.py JOINED) are all of them, else one batch, never one
#: per row.
DEPARTMENT_BATCHES = range(0, 2)


def split(statements: list[str]) -> tuple[int, int]:
    departments = [s for s in statements if 'FROM "department"' in s]
    return len(statements) - len(departments), len(departments)


async def template_gid(key: str) -> str:
    return to_base64("RequirementTemplate", (await RequirementTemplate.get(key=key)).id)


async def test_an_employee_lists_the_enabled_templates_with_their_definitions(
    client: GraphQLClient, demo: None
) -> None:
    # given the default templates, the policy rollout disabled
    await RequirementTemplate.filter(key="policy-rollout").update(enabled=False)
    employee = await client.sign_in("sales_staff")
    # when an employee lists them
    listed = (await employee.data(TEMPLATES))["requirementTemplates"]
    # then the three enabled ones, the complaint with its departments, limits and thresholds
    assert [t["key"] for t in listed] == ["new-product", "marketing-event", "customer-complaint"]
    complaint = listed[2]
    assert (complaint["name"], complaint["nameEn"], complaint["priority"]) == (
        "客户投诉跨部门处理",
        "Cross-department customer complaint",
        "URGENT",
    )
    assert complaint["version"] == 1 and complaint["enabled"] is True
    assert [(d["department"]["code"], d["isLead"]) for d in complaint["departments"]] == [
        ("service", True),
        ("production", False),
        ("logistics", False),
        ("sales", False),
    ]
    assert [
        (r["department"]["code"], r["hours"], r["standard"]) for r in complaint["responseLimits"]
    ] == [
        ("production", 24, "质量追溯"),
        ("logistics", 24, "物流路径核查"),
        ("sales", 4, "客户沟通安抚"),
    ]
    assert {(t["kind"], t["thresholdUrgent"], t["unit"]) for t in complaint["thresholds"]} == {
        ("DUE_SOON", 3, "HOURS"),
        ("ESCALATION", 1, "HOURS"),
    }
    event = listed[1]
    assert ("行政部：确认活动场地", 7, "office") in [
        (t["title"], t["offsetDays"], t["department"]["code"]) for t in event["tasks"]
    ]
    # and the admin also sees the disabled one
    admin = await client.sign_in("admin")
    assert len((await admin.data(TEMPLATES))["requirementTemplates"]) == 4
    # without a token: UNAUTHENTICATED
    assert await client.error_code(TEMPLATES) == "UNAUTHENTICATED"


async def test_listing_templates_costs_the_same_statements_for_one_or_many(
    client: GraphQLClient, demo: None
) -> None:
    admin = await client.sign_in("admin")
    await admin.data(TEMPLATES)  # the token's user is cached after the first request
    await RequirementTemplate.exclude(key="customer-complaint").update(enabled=False)
    employee = await client.sign_in("sales_staff")
    await employee.data(TEMPLATES)
    with counted_statements() as one:
        assert len((await employee.data(TEMPLATES))["requirementTemplates"]) == 1
    with counted_statements() as four:
        assert len((await admin.data(TEMPLATES))["requirementTemplates"]) == 4
    for statements in (one, four):
        if any(' AS "node"' in statement for statement in statements):
            # PostgreSQL's compiled path: the lists and departments in the one statement
            assert len(statements) == TEMPLATE_LIST_STATEMENTS, statements
            continue
        others, departments = split(statements)
        assert others == TEMPLATE_LIST_STATEMENTS, statements
        assert departments in DEPARTMENT_BATCHES, statements


async def test_the_list_read_in_one_statement_is_what_each_template_reads_alone(
    client: GraphQLClient, demo: None
) -> None:
    # given templates with on-duty people and a second task of the same position
    complaint = await RequirementTemplate.get(key="customer-complaint")
    await TemplateDepartment.filter(template=complaint).update(
        on_duty_id=(await User.get(username="sales_staff")).id
    )
    service = await Department.get(code="service")
    await TemplateTask.create(
        template=complaint, department=service, position=1, title="同序任务", offset_days=2
    )
    fields = TEMPLATES.split("requirementTemplates {", 1)[1].rsplit("}", 2)[0]
    fields += " departments { onDuty { displayName department { code } } }"
    one = f"query($id: ID!) {{ node(id: $id) {{ ... on RequirementTemplate {{ {fields} }} }} }}"
    for username in ("sales_staff", "admin"):
        viewer = await client.sign_in(username)
        # when the list is read (one statement for the templates and their lists)
        listed = (await viewer.data(f"{{ requirementTemplates {{ {fields} }} }}"))[
            "requirementTemplates"
        ]
        # then each template reads the same alone, through the per-field loaders
        alone = [(await viewer.data(one, {"id": t["id"]}))["node"] for t in listed]
        assert listed == alone and len(listed) >= 3, username


async def test_a_complaint_is_raised_from_its_template_and_shows_it(
    client: GraphQLClient, demo: None
) -> None:
    # when customer service raises a complaint from the template with only a title
    service = await client.sign_in("service_staff")
    created = (
        await service.data(
            CREATE,
            {
                "input": {
                    "templateId": await template_gid("customer-complaint"),
                    "title": "客户投诉：B2026批次包装破损处理",
                }
            },
        )
    )["createRequirementFromTemplate"]
    # then the draft carries the template's departments, priority, text and version
    assert created["status"] == "DRAFT" and created["priority"] == "URGENT"
    assert created["template"] == {"key": "customer-complaint", "version": 1}
    assert created["templateVersion"] == 1
    assert created["background"].startswith("客服部收到复杂投诉")
    assert {(d["department"]["code"], d["isLead"]) for d in created["involvedDepartments"]} == {
        ("service", True),
        ("production", False),
        ("logistics", False),
        ("sales", False),
    }
    # an involved department's member reads it with its template, an outsider cannot see it
    sales = await client.sign_in("sales_staff")
    read = (await sales.data(READ, {"code": created["code"]}))["requirement"]
    assert read["template"] == {"key": "customer-complaint"}
    outsider = await client.sign_in("legal_staff")
    assert await outsider.error_code(READ, {"code": created["code"]}) == "NOT_FOUND"


async def test_the_form_overrides_the_template_departments_and_priority(
    client: GraphQLClient, demo: None
) -> None:
    market = await client.sign_in("market_staff")
    design = to_base64("Department", (await User.get(username="design_head")).department_id)
    created = (
        await market.data(
            CREATE,
            {
                "input": {
                    "templateId": await template_gid("marketing-event"),
                    "title": "2026年度品牌发布会",
                    "priority": "URGENT",
                    "involvedDepartmentIds": [design],
                    "background": "发布新品牌形象",
                }
            },
        )
    )["createRequirementFromTemplate"]
    assert created["priority"] == "URGENT" and created["background"] == "发布新品牌形象"
    assert {d["department"]["code"] for d in created["involvedDepartments"]} == {
        "market",
        "design",
    }


async def refused(client: GraphQLClient, variables: dict[str, Any]) -> dict[str, Any]:
    body = await client.post(CREATE, variables)
    assert body.get("errors") and body.get("data") is None, body
    return dict(body["errors"][0]["extensions"])


async def test_a_disabled_unknown_or_malformed_template_is_refused_with_a_code(
    client: GraphQLClient, demo: None, settings: Settings
) -> None:
    service = await client.sign_in("service_staff")
    await RequirementTemplate.filter(key="policy-rollout").update(enabled=False)
    before = (await Requirement.all().count(), await AuditEntry.all().count())

    def payload(template_id: str) -> dict[str, Any]:
        return {"input": {"templateId": template_id, "title": "客户投诉：不应写入的需求"}}

    disabled = await refused(service, payload(await template_gid("policy-rollout")))
    assert disabled == {"code": "BAD_USER_INPUT", "field": "templateId"}
    unknown = await refused(service, payload(to_base64("RequirementTemplate", 999_999)))
    assert unknown["code"] == "NOT_FOUND"
    wrong_type = await refused(service, payload(to_base64("Requirement", 1)))
    assert wrong_type["code"] == "BAD_USER_INPUT" and wrong_type["field"] == "templateId"
    anonymous = await refused(client, payload(await template_gid("customer-complaint")))
    assert anonymous["code"] == "UNAUTHENTICATED"
    assert (await Requirement.all().count(), await AuditEntry.all().count()) == before


async def test_template_versions_are_snapshots_of_the_whole_definition(demo: None) -> None:
    template = await RequirementTemplate.get(key="customer-complaint")
    snapshot = (await RequirementTemplateVersion.get(template=template, version=1)).snapshot
    assert snapshot["key"] == "customer-complaint"
    assert set(snapshot) >= {
        "departments",
        "tasks",
        "responseLimits",
        "thresholds",
        "formFields",
        "priority",
        "description",
    }
    assert [limit["hours"] for limit in snapshot["responseLimits"]] == [24, 24, 4]


async def test_the_template_form_fields_are_checked_and_stored(
    client: GraphQLClient, demo: None
) -> None:
    # given a required field on the complaint template's form
    template = await RequirementTemplate.get(key="customer-complaint")
    await FormField.create(
        template=template, key="batch_no", label="批次号", field_type="TEXT", required=True
    )
    service = await client.sign_in("service_staff")
    payload: dict[str, Any] = {
        "input": {
            "templateId": await template_gid("customer-complaint"),
            "title": "客户投诉：D2026批次异响处理",
        }
    }
    # when it is left out, the field is named; when given, it is stored on the requirement
    missing = await refused(service, payload)
    assert (missing["code"], missing["field"]) == ("BAD_USER_INPUT", "customFields.batch_no")
    payload["input"]["customFields"] = {"batch_no": "D2026-07"}
    created = (await service.data(CREATE, payload))["createRequirementFromTemplate"]
    stored = await Requirement.get(code=created["code"])
    assert stored.custom_fields == {"batch_no": "D2026-07"}


async def test_disabled_templates_and_retired_fields_are_the_admins_alone(
    client: GraphQLClient, demo: None
) -> None:
    # given a disabled template with a field, and a retired field of the requirement form
    template = await RequirementTemplate.get(key="policy-rollout")
    await RequirementTemplate.filter(id=template.id).update(enabled=False)
    hidden_field = await FormField.create(
        template=template, key="scope", label="范围", field_type="TEXT"
    )
    retired = await FormField.create(key="budget", label="预算", field_type="MONEY", active=False)
    query = "query($id: ID!) { node(id: $id) { id } }"
    ids = [
        to_base64("RequirementTemplate", template.id),
        to_base64("FormField", hidden_field.id),
        to_base64("FormField", retired.id),
    ]
    employee, admin = await client.sign_in("service_staff"), await client.sign_in("admin")
    for gid in ids:
        # when an employee asks for them by id, then they do not exist for them
        assert await employee.error_code(query, {"id": gid}) == "NOT_FOUND"
        # while the admin reads them
        assert (await admin.data(query, {"id": gid}))["node"] == {"id": gid}
    # and the employee's template list leaves the disabled one out
    keys = {t["key"] for t in (await employee.data(TEMPLATES))["requirementTemplates"]}
    assert "policy-rollout" not in keys and "customer-complaint" in keys
