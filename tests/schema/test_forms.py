"""Admin-defined form fields over GraphQL: the form, typed values, filters, old versions."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from strawberry.relay import to_base64

from core import clock
from models import (
    Attachment,
    AuditEntry,
    Department,
    FormField,
    Requirement,
    RequirementFieldValue,
    RequirementTemplate,
    User,
)
from tests.conftest import GraphQLClient

FORM = """query($t: ID) { requirementForm(templateId: $t) { version templateVersion
  fields { id key label labelEn type required helpText position templateId
    options { value label labelEn } } } }"""
ADD = """mutation($input: CreateFormFieldInput!) { createFormField(input: $input) {
  id key type required active options { value label } } }"""
CHANGE = """mutation($input: UpdateFormFieldInput!) { updateFormField(input: $input) {
  id label active } }"""
RETIRE = "mutation($id: ID!) { retireFormField(id: $id) { active } }"
VALUES = """customFields { key label labelEn type retired textValue numberValue moneyValue
  dateValue choices { value label labelEn } user { username } department { code }
  file { fileName } }"""
CREATE = (
    "mutation($input: CreateRequirementInput!) { createRequirement(input: $input) {"
    f" id code formVersion {VALUES} }} }}"
)
UPDATE = (
    "mutation($input: UpdateRequirementInput!) { updateRequirement(input: $input) {"
    f" formVersion {VALUES} }} }}"
)
READ = f"query($code: String!) {{ requirement(code: $code) {{ formVersion {VALUES} }} }}"
LIST = """query($filter: RequirementFilter) { requirements(filter: $filter) {
  totalCount edges { node { code } } } }"""
CHANNELS = [
    {"value": "online", "label": "线上", "labelEn": "Online"},
    {"value": "offline", "label": "线下", "labelEn": "Offline"},
]


def gid(type_name: str, pk: int) -> str:
    return to_base64(type_name, pk)


async def form_input(**custom: Any) -> dict[str, Any]:
    design = await Department.get(code="design")
    return {
        "title": "Q4会员日促销方案",
        "involvedDepartmentIds": [gid("Department", design.id)],
        "expectedBy": str(clock.today() + timedelta(days=30)),
        "customFields": custom or None,
    }


async def define(admin: GraphQLClient, **field: Any) -> dict[str, Any]:
    return dict((await admin.data(ADD, {"input": field}))["createFormField"])


async def errors(client: GraphQLClient, query: str, variables: dict[str, Any]) -> dict[str, Any]:
    body = await client.post(query, variables)
    assert body.get("errors"), body
    return dict(body["errors"][0]["extensions"])


async def test_a_required_field_missing_is_refused_naming_it_and_nothing_is_written(
    client: GraphQLClient, demo: None
) -> None:
    admin = await client.sign_in("admin")
    staff = await client.sign_in("market_staff")
    before = await Requirement.all().count()
    # given the admin made the budget a required field of the requirement form
    await define(admin, key="budget", label="预算", labelEn="Budget", type="MONEY", required=True)
    # when an employee raises a requirement without it
    refused = await errors(staff, CREATE, {"input": await form_input()})
    # then it is refused, naming the field, and nothing is written
    assert refused["code"] == "BAD_USER_INPUT"
    assert refused["field"] == "customFields.budget"
    assert await Requirement.all().count() == before
    assert not await RequirementFieldValue.exists()
    # and with it, the requirement is raised with the amount to the cent
    created = (await staff.data(CREATE, {"input": await form_input(budget=12000.5)}))[
        "createRequirement"
    ]
    assert created["formVersion"] == 1
    assert created["customFields"][0]["moneyValue"] == "12000.50"
    audit = await AuditEntry.get(action="requirement.create", subject_code=created["code"])
    assert audit.after is not None and audit.after["custom_fields"] == {"budget": "12000.50"}


async def test_the_form_definition_is_exposed_for_a_generic_renderer(
    client: GraphQLClient, demo: None
) -> None:
    admin = await client.sign_in("admin")
    staff = await client.sign_in("market_staff")
    template = await RequirementTemplate.create(key="forms-test", name="测试模板")
    await define(admin, key="venue", label="场地", type="TEXT", helpText="城市+场馆", position=2)
    await define(
        admin,
        key="channel",
        label="渠道",
        labelEn="Channel",
        type="CHOICE",
        options=CHANNELS,
        templateId=gid("RequirementTemplate", template.id),
        required=True,
    )
    base = (await staff.data(FORM))["requirementForm"]
    assert base["version"] == 1 and base["templateVersion"] is None
    assert [(f["key"], f["type"], f["helpText"]) for f in base["fields"]] == [
        ("venue", "TEXT", "城市+场馆")
    ]
    with_template = (await staff.data(FORM, {"t": gid("RequirementTemplate", template.id)}))[
        "requirementForm"
    ]
    assert [f["key"] for f in with_template["fields"]] == ["venue", "channel"]
    channel = with_template["fields"][1]
    assert channel["required"] and channel["options"][0] == CHANNELS[0]
    assert channel["templateId"] == gid("RequirementTemplate", template.id)
    assert with_template["templateVersion"] >= 1
    missing = gid("RequirementTemplate", 99999)
    assert await staff.error_code(FORM, {"t": missing}) == "NOT_FOUND"


async def test_every_type_is_returned_as_a_typed_value(client: GraphQLClient, demo: None) -> None:
    admin = await client.sign_in("admin")
    staff = await client.sign_in("market_staff")
    for key, kind in [
        ("brief", "TEXT"),
        ("guests", "NUMBER"),
        ("budget", "MONEY"),
        ("eventDay", "DATE"),
        ("channel", "CHOICE"),
        ("channels", "MULTI_CHOICE"),
        ("owner", "USER"),
        ("payer", "DEPARTMENT"),
    ]:
        await define(admin, key=key, label=key, type=kind, position=len(key), options=CHANNELS)
    owner = await User.get(username="sales_head")
    finance = await Department.get(code="finance")
    values = {
        "brief": "三个渠道",
        "guests": "250",
        "budget": "80000",
        "eventDay": "2024-09-20",
        "channel": "offline",
        "channels": ["online", "offline"],
        "owner": gid("User", owner.id),
        "payer": gid("Department", finance.id),
    }
    created = (await staff.data(CREATE, {"input": await form_input(**values)}))["createRequirement"]
    by_key = {v["key"]: v for v in created["customFields"]}
    assert by_key["brief"]["textValue"] == "三个渠道"
    assert by_key["guests"]["numberValue"] == "250"
    assert by_key["budget"]["moneyValue"] == "80000.00"
    assert by_key["eventDay"]["dateValue"] == "2024-09-20"
    assert by_key["channel"]["choices"] == [CHANNELS[1]]
    assert [c["value"] for c in by_key["channels"]["choices"]] == ["online", "offline"]
    assert by_key["owner"]["user"] == {"username": "sales_head"}
    assert by_key["payer"]["department"] == {"code": "finance"}
    # exactly the member of its type is set
    assert by_key["brief"]["numberValue"] is None and by_key["owner"]["textValue"] is None
    assert all(not v["retired"] for v in created["customFields"])


async def test_a_file_value_must_be_an_attachment_the_person_may_read(
    client: GraphQLClient, demo: None
) -> None:
    admin = await client.sign_in("admin")
    await define(admin, key="analysis", label="竞品分析", type="FILE")
    q3 = await Requirement.get(title="2024年Q3新品上市推广方案")
    initiator = await User.get(username="market_staff")
    attachment = await Attachment.create(
        requirement_id=q3.id, file_name="竞品分析.pdf", uploaded_by_id=initiator.id
    )
    file_id = gid("Attachment", attachment.id)
    # an outsider of the Q3 launch may not cite its file
    outsider = await client.sign_in("legal_staff")
    refused = await errors(outsider, CREATE, {"input": await form_input(analysis=file_id)})
    assert refused["field"] == "customFields.analysis"
    # its initiator may
    staff = await client.sign_in("market_staff")
    created = await staff.data(CREATE, {"input": await form_input(analysis=file_id)})
    assert created["createRequirement"]["customFields"][0]["file"] == {"fileName": "竞品分析.pdf"}


async def test_requirements_are_filtered_by_custom_fields(
    client: GraphQLClient, demo: None
) -> None:
    admin = await client.sign_in("admin")
    staff = await client.sign_in("market_staff")
    await define(admin, key="budget", label="预算", type="MONEY")
    await define(admin, key="channels", label="渠道", type="MULTI_CHOICE", options=CHANNELS)
    await define(admin, key="brief", label="简介", type="TEXT")
    await define(admin, key="eventDay", label="活动日", type="DATE")
    codes = {}
    for name, custom in [
        ("small", {"budget": "5000", "channels": ["online"], "eventDay": "2024-09-01"}),
        ("large", {"budget": "90000", "channels": ["online", "offline"], "brief": "线下路演"}),
        ("none", {}),
    ]:
        created = await staff.data(CREATE, {"input": await form_input(**custom)})
        codes[name] = created["createRequirement"]["code"]

    async def found(*conditions: dict[str, Any]) -> set[str]:
        data = await staff.data(LIST, {"filter": {"customFields": list(conditions)}})
        return {e["node"]["code"] for e in data["requirements"]["edges"]}

    assert await found({"key": "budget", "gte": "10000"}) == {codes["large"]}
    assert await found({"key": "budget", "lte": "5000.00"}) == {codes["small"]}
    assert await found({"key": "budget", "equals": "5000"}) == {codes["small"]}
    assert await found({"key": "channels", "equals": "online"}) == {codes["small"], codes["large"]}
    assert await found({"key": "channels", "in": ["offline"]}) == {codes["large"]}
    assert await found({"key": "brief", "contains": "路演"}) == {codes["large"]}
    assert await found({"key": "eventDay", "gte": "2024-08-01", "lte": "2024-09-30"}) == {
        codes["small"]
    }
    assert await found({"key": "channels", "equals": "online"}, {"key": "budget", "lte": "9"}) == (
        set()
    )
    # an unknown key or a value of the wrong type is refused
    for condition in ({"key": "colour", "equals": "red"}, {"key": "budget", "gte": "lots"}):
        body = await staff.post(LIST, {"filter": {"customFields": [condition]}})
        assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


async def test_changing_and_retiring_fields_leaves_older_requirements_readable(
    client: GraphQLClient, demo: None
) -> None:
    admin = await client.sign_in("admin")
    staff = await client.sign_in("market_staff")
    # given a requirement made with version 2 of the form (two fields)
    venue = await define(admin, key="venue", label="场地", labelEn="Venue", type="TEXT")
    channel = await define(
        admin, key="channel", label="渠道", type="CHOICE", options=CHANNELS, required=True
    )
    old = (
        await staff.data(
            CREATE, {"input": await form_input(venue="上海展览中心", channel="online")}
        )
    )["createRequirement"]
    assert old["formVersion"] == 2
    # when the admin renames the venue, relabels the options and retires the channel field
    await admin.data(CHANGE, {"input": {"id": venue["id"], "label": "活动场地"}})
    relabelled = [{**CHANNELS[0], "label": "线上直播"}, CHANNELS[1]]
    await admin.data(CHANGE, {"input": {"id": channel["id"], "options": relabelled}})
    assert (await admin.data(RETIRE, {"id": channel["id"]}))["retireFormField"]["active"] is False
    # then the old requirement still reads with the labels it was filled in under
    values = (await staff.data(READ, {"code": old["code"]}))["requirement"]["customFields"]
    by_key = {v["key"]: v for v in values}
    assert by_key["venue"]["label"] == "场地" and by_key["venue"]["retired"] is False
    assert by_key["channel"]["choices"] == [CHANNELS[0]]
    assert by_key["channel"]["retired"] is True
    # and a new requirement is made with the latest version, without the retired field
    new = (await staff.data(CREATE, {"input": await form_input(venue="北京")}))["createRequirement"]
    assert new["formVersion"] == 5
    assert [(v["key"], v["label"]) for v in new["customFields"]] == [("venue", "活动场地")]
    # every change is audited
    actions = await AuditEntry.filter(subject_type="FormField").values_list("action", flat=True)
    assert sorted(actions) == sorted(["formField.create"] * 2 + ["formField.update"] * 3)


async def test_an_edit_merges_values_and_keeps_those_of_retired_fields(
    client: GraphQLClient, demo: None
) -> None:
    admin = await client.sign_in("admin")
    staff = await client.sign_in("market_staff")
    await define(admin, key="venue", label="场地", type="TEXT")
    retired = await define(admin, key="legacy", label="旧字段", type="TEXT")
    budget = await define(admin, key="budget", label="预算", type="MONEY")
    created = (
        await staff.data(CREATE, {"input": await form_input(venue="上海", legacy="x", budget=1)})
    )["createRequirement"]
    await admin.data(RETIRE, {"id": retired["id"]})
    # when the initiator changes the venue and clears the budget
    changes = {"venue": "杭州", "budget": None}
    updated = (await staff.data(UPDATE, {"input": {"id": created["id"], "customFields": changes}}))[
        "updateRequirement"
    ]
    # then the venue changed, the budget is gone, the retired field's value is kept
    assert {v["key"]: v["textValue"] for v in updated["customFields"]} == {
        "venue": "杭州",
        "legacy": "x",
    }
    row = await Requirement.get(code=created["code"])
    assert row.custom_fields == {"venue": "杭州", "legacy": "x"}
    keys = await RequirementFieldValue.filter(requirement_id=row.id).values_list("key", flat=True)
    assert sorted(keys) == ["legacy", "venue"]
    # a value for the retired field is refused now
    refused = await errors(
        staff, UPDATE, {"input": {"id": created["id"], "customFields": {"legacy": "y"}}}
    )
    assert refused["field"] == "customFields.legacy"
    assert budget["type"] == "MONEY"


async def test_only_the_admin_defines_fields(client: GraphQLClient, demo: None) -> None:
    field = {"key": "x", "label": "x", "type": "TEXT"}
    for username in ("market_staff", "market_head", "ceo"):
        other = await client.sign_in(username)
        assert await other.error_code(ADD, {"input": field}) == "FORBIDDEN"
    assert not await FormField.exists()
    admin = await client.sign_in("admin")
    created = await define(admin, **field)
    staff = await client.sign_in("market_staff")
    assert await staff.error_code(RETIRE, {"id": created["id"]}) == "FORBIDDEN"
    assert (
        await staff.error_code(CHANGE, {"input": {"id": created["id"], "label": "y"}})
        == "FORBIDDEN"
    )


ARCHIVE_SEARCH = """query($q: String) { archives(search: $q) { totalCount
  edges { node { snapshot } } } }"""


async def test_the_archive_keeps_custom_values_with_their_labels(
    client: GraphQLClient, demo: None
) -> None:
    from models import Task
    from models.enums import TaskStatus

    admin = await client.sign_in("admin")
    initiator = await client.sign_in("market_staff")
    await define(admin, key="venue", label="场地", labelEn="Venue", type="TEXT")
    await define(admin, key="channel", label="渠道", type="CHOICE", options=CHANNELS)
    # given the Q3 launch carries custom values, and is completed with its report
    q3 = await Requirement.get(title="2024年Q3新品上市推广方案")
    q3.custom_fields = {"venue": "国家会展中心", "channel": "offline"}
    q3.form_version = 2
    await q3.save(update_fields=["custom_fields", "form_version"])
    await Task.filter(requirement_id=q3.id).update(status=TaskStatus.COMPLETED, progress=100)
    report = {
        "requirementId": gid("Requirement", q3.id),
        "goalAchievement": "按期交付",
        "contributions": "各部门配合",
        "problems": "无",
    }
    await initiator.data(
        "mutation($input: SubmitResultReportInput!) { submitResultReport(input: $input)"
        " { status } }",
        {"input": report},
    )
    # when the admin archives it
    await admin.data(
        "mutation($id: ID!) { archiveRequirement(id: $id) { status } }",
        {"id": gid("Requirement", q3.id)},
    )
    # then the archived record holds the values with their labels, and search finds them
    found = (await initiator.data(ARCHIVE_SEARCH, {"q": "会展中心"}))["archives"]
    assert found["totalCount"] == 1
    custom = found["edges"][0]["node"]["snapshot"]["customFields"]
    assert [(c["key"], c["label"], c["display"]) for c in custom] == [
        ("venue", "场地", "国家会展中心"),
        ("channel", "渠道", "线下"),
    ]


async def test_a_page_of_custom_values_costs_the_same_statements_for_2_or_10_rows(
    client: GraphQLClient, demo: None
) -> None:
    from tests.support.sql_log import counted_statements

    admin = await client.sign_in("admin")
    staff = await client.sign_in("market_staff")
    await define(admin, key="owner", label="负责人", type="USER")
    await define(admin, key="channel", label="渠道", type="CHOICE", options=CHANNELS)
    owner = gid("User", (await User.get(username="sales_head")).id)
    for _ in range(10):
        custom = {"owner": owner, "channel": "online"}
        await staff.data(CREATE, {"input": await form_input(**custom)})
    page = (
        "query($first: Int) { requirements(first: $first, filter: {customFields: "
        '[{key: "channel", equals: "online"}]}) { edges { node { code '
        f"{VALUES} }} }} }} }}"
    )
    await staff.data(page, {"first": 2})  # the per-process reads of a first request
    counts = []
    for first in (2, 10):
        with counted_statements() as statements:
            data = await staff.data(page, {"first": first})
        assert len(data["requirements"]["edges"]) == first
        counts.append(len(statements))
    assert counts[0] == counts[1], counts
