"""A requirement's review rounds, reviews and files on the compiled path (issue 19).

``Requirement.reviewRounds`` (→ ``ReviewRound.reviews``), ``Requirement.attachments`` and
``Task.attachments`` (→ ``Attachment.versions``) are declared in
``schema/compiled/fields.py``: each runs through both servers of ``tests/schema/conftest.py``
(compiled path on and off, one PostgreSQL database) and must answer the same JSON, in the
generic resolvers' order and scope, while the compiled path answers it itself. A person
@mentioned on one task sees the requirement and that task but none of its rounds, reviews
or files; someone outside a requirement reads none of its files by id either.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from graphql import GraphQLObjectType
from strawberry.relay import to_base64

from models import Attachment, Requirement, RequirementDepartment, Review, ReviewRound, Task
from resolvers.requirements.signoff import content_hash
from schema import schema as app_schema
from schema.compiled.fields import GENERIC_ONLY, SOURCES
from tests.conftest import GraphQLClient
from tests.schema.test_compiled import _vary_the_tasks
from tests.schema.test_compiled_roots import MENTIONED, VIEWERS, _clients, _mention
from tests.support.compiled_lists import attach_files, round_with_review, sign_on_behalf
from tests.support.sql_log import counted_statements

pytestmark = pytest.mark.postgres

FILE = """__typename id fileName currentVersion createdAt uploadedBy { username }
  requirement { code } task { code }
  versions { __typename id number sha256 size contentType changeNote createdAt downloadUrl
    uploadedBy { displayName department { name } } }"""
ROUNDS = """reviewRounds { __typename id number outcome openedAt closedAt
  reviews { __typename id decision comment claimedTasks signedAt contentHash
    department { code name } signedBy { username } onBehalfOf { username } } }"""
REQUIREMENT = f"""query($code: String!) {{ requirement(code: $code) {{ code {ROUNDS}
  attachments {{ {FILE} }} tasks {{ code attachments {{ {FILE} }} }} }} }}"""
#: (a page size as a literal: at a $first of 100 the two nested lists of lists are beyond
#: the cost limit, and the planner leaves a document it may not run at any page size)
PAGE = """{ requirements(first: 20) { edges { node { code
  r: reviewRounds { number outcome reviews { decision claimedTasks signedBy { username } } }
  attachments { fileName versions { number createdAt } } } } } }"""
NODES = """query($id: ID!) { node(id: $id) { __typename id
  ... on Attachment { fileName requirement { code } task { code } versions { number } }
  ... on AttachmentVersion { number size downloadUrl uploadedBy { username } }
  ... on ReviewRound { number outcome reviews { decision } }
  ... on Review { decision claimedTasks onBehalfOf { username } } } }"""


async def _data() -> tuple[str, str]:
    """Files everywhere, a delegate's sign-off, a round on the requirement a person sees
    only through a mention; (that requirement's code, the task's code)."""
    await _vary_the_tasks()
    requirement_code, task_code = await _mention(MENTIONED)
    await round_with_review(await Requirement.get(code=requirement_code))
    await attach_files()
    await sign_on_behalf()
    return requirement_code, task_code


async def _same(
    fast: GraphQLClient, slow: GraphQLClient, document: str, variables: dict[str, Any]
) -> tuple[dict[str, Any], bool]:
    """Both servers' answer (required equal) and whether the compiled path gave it."""
    expected = await slow.post(document, variables)
    with counted_statements() as statements:
        answered = await fast.post(document, variables)
    assert answered == expected, (document, variables, answered, expected)
    return answered, any(' AS "node"' in statement for statement in statements)


Requests = list[tuple[str, dict[str, Any]]]


async def answered_alike(
    apps: tuple[GraphQLClient, GraphQLClient], requests: Requests
) -> dict[tuple[str, int], dict[str, Any]]:
    """Each request through both servers for every kind of viewer of ``VIEWERS``: the same
    JSON (required), and one without errors the compiled path's own (required); the
    answers by (viewer, index of the request)."""
    answers = {}
    for viewer in VIEWERS:
        fast, slow = await _clients(apps, viewer, MENTIONED)
        for index, (document, variables) in enumerate(requests):
            answered, compiled = await _same(fast, slow, document, variables)
            if "errors" not in answered:
                assert compiled, (viewer, document, variables)
            answers[viewer, index] = answered
    return answers


@pytest.mark.parametrize("backend", ["postgres"], indirect=True)
async def test_rounds_reviews_and_files_answer_as_the_generic_executor(
    apps: tuple[GraphQLClient, GraphQLClient],
) -> None:
    # given rounds with reviews (one by a delegate), files of requirements and tasks with
    # versions, and rows of the four types to name by id
    await _data()
    codes = await Requirement.all().order_by("id").values_list("code", flat=True)
    ids = [
        to_base64(type_name, pk)
        for model, type_name in (
            (Attachment, "Attachment"),
            (ReviewRound, "ReviewRound"),
            (Review, "Review"),
        )
        for pk in await model.all().order_by("id").limit(4).values_list("id", flat=True)
    ]
    ids += [to_base64("AttachmentVersion", 1), to_base64("AttachmentVersion", 4)]
    requests: Requests = [(PAGE, {})]
    requests += [(REQUIREMENT, {"code": code}) for code in codes]
    requests += [(NODES, {"id": global_id}) for global_id in ids]
    # when both servers answer for every kind of viewer, then the answers are the same, and
    # one without errors the compiled path's own (in answered_alike)
    await answered_alike(apps, requests)


@pytest.mark.parametrize("backend", ["postgres"], indirect=True)
async def test_a_mention_shows_no_round_review_or_file(
    apps: tuple[GraphQLClient, GraphQLClient],
) -> None:
    # given a person @mentioned on one task of a requirement with rounds and files
    requirement_code, task_code = await _data()
    fast, slow = await _clients(apps, "mentioned", MENTIONED)
    admin, _ = await _clients(apps, "admin", MENTIONED)
    # when they and the ADMIN open the requirement
    answered, compiled = await _same(fast, slow, REQUIREMENT, {"code": requirement_code})
    everything = (await admin.data(REQUIREMENT, {"code": requirement_code}))["requirement"]
    # then the ADMIN sees its rounds, reviews and files, on the requirement and its task
    assert everything["reviewRounds"] and everything["reviewRounds"][-1]["reviews"]
    assert everything["attachments"] and everything["tasks"][0]["attachments"]
    # and the mentioned person, from the compiled path, the requirement and that one task
    # but none of them
    assert compiled
    requirement = answered["data"]["requirement"]
    assert requirement["reviewRounds"] == [] and requirement["attachments"] == []
    assert [task["code"] for task in requirement["tasks"]] == [task_code]
    assert requirement["tasks"][0]["attachments"] == []


@pytest.mark.parametrize("backend", ["postgres"], indirect=True)
async def test_no_file_of_a_requirement_one_is_outside_of_by_id(
    apps: tuple[GraphQLClient, GraphQLClient],
) -> None:
    # given the files of a requirement a person sees only through a mention
    requirement_code, _ = await _data()
    files = await Attachment.filter(requirement__code=requirement_code).order_by("id")
    fast, slow = await _clients(apps, "mentioned", MENTIONED)
    for file in files:
        # when they ask for each file by its id
        answered, _ = await _same(fast, slow, NODES, {"id": to_base64("Attachment", file.id)})
        # then both paths answer that there is no such file
        assert answered["data"] == {"node": None} or answered["data"] is None, answered
        assert answered["errors"][0]["extensions"]["code"] == "NOT_FOUND", answered


@pytest.mark.parametrize("backend", ["postgres"], indirect=True)
async def test_a_requirements_files_are_its_own_unless_its_tasks_are_asked_for(
    apps: tuple[GraphQLClient, GraphQLClient],
) -> None:
    # given a requirement with a file of its own and one of its first task
    await attach_files()
    requirement = await Requirement.all().order_by("id").first()
    assert requirement is not None
    task = await Task.filter(requirement_id=requirement.id).order_by("seq").first()
    assert task is not None
    fast, slow = await _clients(apps, "admin", MENTIONED)
    own = "query($c: String!) { requirement(code: $c) { attachments { fileName task { code } } } }"
    every = own.replace("attachments", "attachments(includeTasks: true)")
    unasked = own.replace("attachments", "attachments(includeTasks: false)")
    aliased = """query($c: String!) { requirement(code: $c) {
      own: attachments(includeTasks: false) { fileName task { code } }
      all: attachments(includeTasks: true) { fileName task { code } } } }"""
    variable = every.replace("String!)", "String!, $t: Boolean!)").replace("true", "$t")
    # when its files are read without includeTasks, with it false, with it true, both at
    # once under aliases, and with it given by a variable
    alone, compiled = await _same(fast, slow, own, {"c": requirement.code})
    both, compiled_too = await _same(fast, slow, every, {"c": requirement.code})
    unwidened, compiled_unwidened = await _same(fast, slow, unasked, {"c": requirement.code})
    aliases, compiled_aliases = await _same(fast, slow, aliased, {"c": requirement.code})
    by_variable, _ = await _same(fast, slow, variable, {"c": requirement.code, "t": True})
    # then without it (or false), only its own file; with it, the task's too; each from the
    # compiled path (a variable is the generic executor's, with the same answer)
    assert compiled and compiled_too and compiled_unwidened and compiled_aliases
    own_file = {"fileName": f"需求说明-{requirement.code}.pdf", "task": None}
    assert alone["data"]["requirement"]["attachments"] == [own_file]
    assert unwidened == alone
    task_file = {"fileName": "进度表.xlsx", "task": {"code": task.code}}
    assert both["data"]["requirement"]["attachments"] == [own_file, task_file]
    assert aliases["data"]["requirement"] == {"own": [own_file], "all": [own_file, task_file]}
    assert by_variable == both


CHANGED = """query($c: String!) { requirement(code: $c) { code
  reviewRounds { number reviews { id contentHash contentChangedSinceApproval } } } }"""


async def _signed_over_its_content(requirement: Requirement) -> None:
    """A round whose sign-off is the SHA-256 of the requirement's content as it is now."""
    round_ = await round_with_review(requirement)
    await requirement.refresh_from_db()
    involved = await RequirementDepartment.filter(requirement_id=requirement.id).values_list(
        "department_id", flat=True
    )
    await Review.filter(round=round_).update(content_hash=content_hash(requirement, involved))


@pytest.mark.parametrize("backend", ["postgres"], indirect=True)
async def test_content_changed_since_approval_answers_as_the_generic_executor(
    apps: tuple[GraphQLClient, GraphQLClient],
) -> None:
    # given reviews signed over their requirement's content: one requirement untouched
    # since, one whose goals were edited, one with custom values (keys PostgreSQL's jsonb
    # orders otherwise than Python's sort_keys, a float, Chinese text) signed as they are,
    # and the demo's sign-offs
    await _data()
    untouched, edited, custom = await Requirement.all().order_by("id").limit(3)
    await Requirement.filter(id=custom.id).update(
        custom_fields={"z_key": "值", "a": 1.5, "mm": {"bbb": 2, "a": [1, "x", None]}}
    )
    for requirement in (untouched, edited, custom):
        await _signed_over_its_content(requirement)
    await Requirement.filter(id=edited.id).update(goals="改过的目标")
    codes = await Requirement.all().order_by("id").values_list("code", flat=True)
    # when both servers answer for every kind of viewer, then alike, the compiled path itself
    answers = await answered_alike(apps, [(CHANGED, {"c": code}) for code in codes])
    # and the ADMIN reads each requirement's newest sign-off as changed or not, as it is

    def newest(index: int) -> bool:
        rounds = answers["admin", index]["data"]["requirement"]["reviewRounds"]
        return bool(
            max(rounds, key=lambda r: r["number"])["reviews"][-1]["contentChangedSinceApproval"]
        )

    assert [newest(codes.index(r.code)) for r in (untouched, edited, custom)] == [
        False,
        True,
        False,
    ]


def test_every_field_of_a_declared_type_is_described_or_left_to_the_generic_executor() -> None:
    # given the types the compiled path describes, and the fields it leaves generic (each
    # item of GENERIC_ONLY starts with a field's name; one with arguments is not a field)
    types = app_schema._schema.type_map
    for name, source in SOURCES.items():
        graphql_type = types[name]
        assert isinstance(graphql_type, GraphQLObjectType)
        left = set(re.findall(r"(?:^|, )([A-Za-z]+)(?![A-Za-z(])", GENERIC_ONLY.get(name, "")))
        # when each field of the type in the schema is looked for in the two
        unaccounted = [f for f in graphql_type.fields if f not in source.fields.keys() | left]
        # then none is in neither (the list of what stays generic is complete), and none
        # described is named as generic too
        assert unaccounted == [], (name, unaccounted)
        assert not (source.fields.keys() & left), (name, source.fields.keys() & left)
