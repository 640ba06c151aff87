"""A requirement's custom field values (自定义字段) on the compiled path (issue 19): read by
the statement, finished in Python with the generic resolver's own reading
(``schema/compiled/custom_fields.py``).

The demo's Q3 launch gets a value of every type against version N of the form, after which
the admin renames one field, relabels a choice and retires another; a template field is
read with its template's version; a key no definition knows reads as retired text; a number
is stored as JSON numbers too; a person named has since left; a file value names a file of
a requirement most viewers do not take part in. The requirement, a page of requirements,
``node(id)`` and the workbench's requirement page (as Apollo Client sends it) run through
both servers of ``tests/schema/conftest.py`` for six kinds of viewer: the answers must be
the same JSON, and the compiled path must give each one without errors, in one statement.
"""

from __future__ import annotations

from typing import Any

import pytest
from strawberry.relay import to_base64

from models import (
    Attachment,
    Department,
    FormField,
    Requirement,
    RequirementFormVersion,
    RequirementTemplate,
    RequirementTemplateVersion,
    User,
)
from tests.conftest import GraphQLClient
from tests.schema.test_compiled_lists import Requests, answered_alike
from tests.schema.test_forms import CHANGE, CHANNELS, RETIRE, define
from tests.support.compiled_lists import attach_files
from tests.support.sql_log import counted_statements
from tests.support.workbench_documents import as_apollo_sends, workbench_document

pytestmark = pytest.mark.postgres

Q3 = "2024年Q3新品上市推广方案"
VALUES = """__typename key label labelEn type retired textValue numberValue moneyValue
  dateValue choices { __typename value label labelEn } user { __typename username
  department { code } } department { code name } file { fileName requirement { code } }
  again: key"""
REQUIREMENT = f"""query($code: String!) {{ requirement(code: $code) {{ code
  customFields {{ {VALUES} }} c2: customFields {{ key user {{ displayName }} }} }} }}"""
PAGE = """{ requirements(first: 10) { edges { node { code
  customFields { key type textValue numberValue choices { label } user { username } } } } } }"""
NODE = f"""query($id: ID!) {{ node(id: $id) {{ __typename id
  ... on Requirement {{ customFields {{ {VALUES} }} }} }} }}"""
FILE_BY_ID = "query($id: ID!) { node(id: $id) { id } }"
PAGE_OF_THE_WORKBENCH = as_apollo_sends(workbench_document("RequirementPage"))
TYPES = [
    ("brief", "TEXT"),
    ("guests", "NUMBER"),
    ("budget", "MONEY"),
    ("eventDay", "DATE"),
    ("channel", "CHOICE"),
    ("channels", "MULTI_CHOICE"),
    ("owner", "USER"),
    ("payer", "DEPARTMENT"),
    ("brochure", "FILE"),
]


async def _definitions(admin: GraphQLClient) -> dict[str, dict[str, Any]]:
    """A base field of every type, in a position order unlike their keys'."""
    fields = {}
    for n, (key, kind) in enumerate(TYPES):
        fields[key] = await define(
            admin,
            key=key,
            label=f"字段{key}",
            labelEn=key.title(),
            type=kind,
            position=(n * 7) % 5,
            options=CHANNELS,
        )
    return fields


async def _template_field() -> tuple[int, int]:
    """A template with a field of its own in its version 1 snapshot: (id, version)."""
    template = await RequirementTemplate.create(key="launch", name="上市推广")
    snapshot = {
        "formFields": [
            {"key": "region", "label": "区域", "labelEn": "Region", "type": "TEXT", "position": 1}
        ]
    }
    await RequirementTemplateVersion.create(template=template, version=1, snapshot=snapshot)
    await FormField.create(
        key="region", label="大区", field_type="TEXT", template_id=template.id, position=1
    )
    return template.id, 1


async def _unseen_by(person: GraphQLClient, q3: Requirement) -> Attachment:
    """A file of another requirement that ``person`` (the Q3 launch's initiator) may not read."""
    for attachment in await Attachment.filter(requirement_id__not=q3.id).order_by("id"):
        seen = await person.post(FILE_BY_ID, {"id": to_base64("Attachment", attachment.id)})
        if not (seen.get("data") or {}).get("node"):
            return attachment
    raise AssertionError("every file is the initiator's to read")


async def _values(admin: GraphQLClient) -> Requirement:
    """The Q3 launch with a value of every type, read after the form has moved on."""
    fields = await _definitions(admin)
    owner = await User.get(username="service_staff")
    finance = await Department.get(code="finance")
    await attach_files()
    q3 = await Requirement.get(title=Q3)
    elsewhere = await _unseen_by(await admin.sign_in("market_staff"), q3)
    template_id, template_version = await _template_field()
    latest = await RequirementFormVersion.all().order_by("-version").first()
    assert latest is not None
    form_version = latest.version  # the form as it is now: the values are written against it
    await Requirement.filter(id=q3.id).update(
        form_version=form_version,
        template_id=template_id,
        template_version=template_version,
        custom_fields={
            "brief": "三个渠道",
            "guests": "250",
            "budget": "80000.00",
            "eventDay": "2024-09-20",
            "channel": "offline",
            "channels": ["online", "offline", "radio"],
            "owner": owner.id,
            "payer": finance.id,
            "brochure": elsewhere.id,
            "region": "华东",
            "colour": "red",  # a key no definition knows
        },
    )
    # the admin moves on: a label renamed, an option relabelled, a field retired
    await admin.data(CHANGE, {"input": {"id": fields["brief"]["id"], "label": "简介"}})
    relabelled = [{**CHANNELS[0], "label": "线上直播"}, CHANNELS[1]]
    await admin.data(CHANGE, {"input": {"id": fields["channels"]["id"], "options": relabelled}})
    await admin.data(RETIRE, {"id": fields["guests"]["id"]})
    # the person named has left
    await User.filter(id=owner.id).update(is_active=False)
    # numbers stored as JSON numbers, on another requirement
    other = await Requirement.exclude(id=q3.id).order_by("id").first()
    assert other is not None
    await Requirement.filter(id=other.id).update(
        form_version=form_version, custom_fields={"guests": 0.1, "budget": 12, "owner": "7"}
    )
    return q3


@pytest.mark.parametrize("backend", ["postgres"], indirect=True)
async def test_custom_values_answer_as_the_generic_executor(
    apps: tuple[GraphQLClient, GraphQLClient],
) -> None:
    # given the Q3 launch's values of every type, read after the form moved on
    admin = await apps[0].sign_in("admin")
    q3 = await _values(admin)
    ids = [
        to_base64("Requirement", pk) for pk in await Requirement.all().values_list("id", flat=True)
    ]
    requests: Requests = [(REQUIREMENT, {"code": q3.code}), (PAGE, {})]
    requests += [(NODE, {"id": global_id}) for global_id in ids[:4]]
    requests += [(PAGE_OF_THE_WORKBENCH, {"code": q3.code})]
    # when both servers answer for every kind of viewer
    answers = await answered_alike(apps, requests)
    # then the answers are the same (in answered_alike); the admin reads each value with
    # the definition the requirement was written against, in the form's order
    values = answers["admin", 0]["data"]["requirement"]["customFields"]
    by_key = {value["key"]: value for value in values}
    assert by_key["brief"]["label"] == "字段brief"  # not the later 简介
    assert by_key["guests"]["retired"] is True and by_key["guests"]["numberValue"] == "250"
    assert [c["label"] for c in by_key["channels"]["choices"]] == ["线上", "线下", "radio"]
    assert by_key["owner"]["user"]["username"] == "service_staff"
    assert by_key["payer"]["department"] == {"code": "finance", "name": "财务部"}
    assert by_key["brochure"]["file"] is not None
    # and the initiator, who may not read the file a value names, reads null for it
    theirs = answers["market_staff", 0]["data"]["requirement"]["customFields"]
    assert {value["key"]: value["file"] for value in theirs}["brochure"] is None
    assert by_key["region"]["label"] == "区域" and by_key["colour"]["retired"] is True
    assert values[-1] == by_key["region"]  # the template's fields after the base form's


@pytest.mark.parametrize("backend", ["postgres"], indirect=True)
async def test_the_workbench_requirement_page_is_one_statement(
    apps: tuple[GraphQLClient, GraphQLClient],
) -> None:
    # given the Q3 launch with custom values, opened once by its initiator
    q3 = await _values(await apps[0].sign_in("admin"))
    initiator = await apps[0].sign_in("market_staff")
    await initiator.data(PAGE_OF_THE_WORKBENCH, {"code": q3.code})
    # when they open the workbench's requirement page again
    with counted_statements() as statements:
        page = await initiator.data(PAGE_OF_THE_WORKBENCH, {"code": q3.code})
    # then it is one statement, with the values finished in it
    assert [s for s in statements if ' AS "node"' in s] and len(statements) <= 2, statements
    assert {value["key"] for value in page["requirement"]["customFields"]} >= {"brief", "owner"}
