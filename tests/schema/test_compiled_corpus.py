"""A generated corpus of read documents answers the same on the compiled and generic paths.

hypothesis draws the documents from the schema (``tests/support/corpus.py``: every root the
compiled path serves, nesting, aliases, fragments, ``__typename``, arguments as literals and
variables, cursors of a page before). Each runs through the two servers of
``tests/schema/conftest.py`` (compiled path on and off, one PostgreSQL database) for seven
kinds of viewer, and the responses must be the same JSON: data, key order and errors with
their ``extensions.code``. A failing document is shrunk by hypothesis to a minimal one.

The compiled path must answer a good share of the requests itself (its statement, which
names the ``node`` column, was sent), else the test would compare the generic executor with
itself. ``CROSSFLOW_CORPUS_EXAMPLES`` sets the number of documents (default 120, ~30 s).
"""

from __future__ import annotations

import asyncio
import json
import os
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from strawberry.relay import to_base64

from core import clock
from models import (
    AnalysisReport,
    Attachment,
    AttachmentVersion,
    Delegation,
    Department,
    Requirement,
    Review,
    ReviewRound,
    SavedReport,
    Task,
    User,
)
from models.enums import Role
from schema.compiled.plan import ROOTS
from tests.conftest import GraphQLClient
from tests.schema.test_bi_tokens import token_for
from tests.schema.test_compiled import _vary_the_tasks
from tests.schema.test_compiled_roots import MENTIONED, _inboxes, _knowledge, _mention
from tests.support.compiled_lists import attach_files, sign_on_behalf
from tests.support.compiled_reports import build_reports, save_reports
from tests.support.corpus import Document, Pools, documents
from tests.support.sql_log import counted_statements

pytestmark = pytest.mark.postgres

EXAMPLES = int(os.environ.get("CROSSFLOW_CORPUS_EXAMPLES", "120"))
#: At least this share of the requests must be answered by the compiled path itself.
MIN_COMPILED_SHARE = 0.5
#: The viewers every document is run for: (kind, username or "bi" for a BI API token).
VIEWERS = {
    "ADMIN": "admin",
    "EXECUTIVE": "ceo",
    "a department head": "market_head",
    "an employee": "market_staff",
    "a BI token": "bi",
    "a head acting as delegate": "design_head",
    "an employee @mentioned on one task": MENTIONED,
}


@dataclass
class Tally:
    """Documents drawn, requests the compiled path answered, the roots among them, and
    those of its answers that had a second root or an ``@include``/``@skip``."""

    documents: int = 0
    compiled: int = 0
    two_roots: int = 0
    conditions: int = 0
    roots: set[str] = field(default_factory=set)


async def _pools() -> Pools:
    """Codes and global ids of real rows, and ones that name nothing."""
    tasks = await Task.all().order_by("id").limit(6)
    requirements = await Requirement.all().order_by("id").limit(6)
    people = await User.all().order_by("id").limit(4)
    departments = await Department.all().order_by("id").limit(4)
    ids = {
        type_name: [to_base64(type_name, row.id) for row in rows]
        for type_name, rows in (
            ("Task", tasks),
            ("Requirement", requirements),
            ("User", people),
            ("Department", departments),
        )
    }
    for model, type_name in (
        (Attachment, "Attachment"),
        (AttachmentVersion, "AttachmentVersion"),
        (ReviewRound, "ReviewRound"),
        (Review, "Review"),
        (SavedReport, "SavedReport"),
        (AnalysisReport, "AnalysisReport"),
    ):  # rows of the listed types node(id) may name (each viewer sees some of them)
        keys = await model.all().order_by("id").limit(3).values_list("id", flat=True)
        ids[type_name] = [to_base64(type_name, pk) for pk in keys]
    ids["any"] = [
        *(one for some in ids.values() for one in some),
        to_base64("Task", 2**31 - 1),
        "nonsense",
    ]
    return Pools(
        codes={
            "Task": [t.code for t in tasks] + ["RW-none"],
            "Requirement": [r.code for r in requirements] + ["XQ-none"],
        },
        ids=ids,
    )


async def _viewers(
    apps: tuple[GraphQLClient, GraphQLClient],
) -> dict[str, tuple[GraphQLClient, GraphQLClient]]:
    """(compiled, generic) clients per kind of viewer; the design head is the logistics
    head's active delegate (代理审批)."""
    compiled, generic = apps
    now = clock.now()
    await Delegation.create(
        head=await User.get(username="logistics_head"),
        delegate=await User.get(username="design_head"),
        starts_at=now - timedelta(hours=1),
        ends_at=now + timedelta(days=7),
    )
    clients = {}
    for kind, username in VIEWERS.items():
        if username == "bi":
            token = await token_for(Role.BI)
        else:
            token = (await compiled.sign_in(username)).token
        clients[kind] = GraphQLClient(compiled.http, token), GraphQLClient(generic.http, token)
    return clients


async def _compare(
    document: Document,
    viewers: dict[str, tuple[GraphQLClient, GraphQLClient]],
    tally: Tally,
) -> None:
    """Both paths answer ``document`` the same for every viewer."""
    tally.documents += 1
    for kind, (fast, slow) in viewers.items():
        variables = dict(document.variables)
        if document.prior is not None:
            prior = await slow.post(*document.prior)
            edges = next(iter((prior.get("data") or {}).values()), None) or {"edges": []}
            variables[document.after] = edges["edges"][-1]["cursor"] if edges["edges"] else None
        expected = await _post(slow, document, variables)
        with counted_statements() as statements:
            answered = await _post(fast, document, variables)
        request = f"as {kind}: {document.text} with {variables} ({document.operation})"
        assert answered == expected, request
        assert json.dumps(answered) == json.dumps(expected), f"key order {request}"
        if any(' AS "node"' in statement for statement in statements):
            tally.compiled += 1
            tally.roots.add(document.root)
            tally.two_roots += " second: " in document.text
            tally.conditions += "(if: " in document.text


async def _post(
    client: GraphQLClient, document: Document, variables: dict[str, Any]
) -> dict[str, Any]:
    """The response body to ``document`` with its operationName, keys in their order."""
    response = await client.http.post(
        "/graphql",
        json={"query": document.text, "variables": variables, "operationName": document.operation},
        headers={"authorization": f"Bearer {client.token}"},
    )
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


@pytest.mark.parametrize("backend", ["postgres"], indirect=True)
async def test_a_generated_corpus_answers_the_same_on_both_paths(
    apps: tuple[GraphQLClient, GraphQLClient],
) -> None:
    # given varied tasks, a person @mentioned on one task, a delegation, files with
    # versions, review rounds with reviews (one signed for a head), saved reports and
    # analysis reports, the two servers
    await _vary_the_tasks()
    await _mention(MENTIONED)
    await _inboxes()
    await _knowledge()
    await attach_files()
    await sign_on_behalf()
    await save_reports()
    await build_reports()
    viewers = await _viewers(apps)
    pools = await _pools()
    tally = Tally()
    loop = asyncio.get_running_loop()

    # when every drawn document is sent to both servers for every viewer (hypothesis runs in
    # a thread so that it can shrink a failing document; the requests run on the test's loop),
    # an equal share of the documents drawn for each root (one draw of the root among seven
    # left one of them out of 120 documents)
    for root in sorted(ROOTS):

        @settings(
            max_examples=max(EXAMPLES // len(ROOTS), 1),
            derandomize=True,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        @given(documents(pools, root))
        def same_answers(document: Document) -> None:
            asyncio.run_coroutine_threadsafe(_compare(document, viewers, tally), loop).result()

        await asyncio.to_thread(same_answers)

    # then every answer was the same (checked in _compare), and the compiled path answered
    # a good share of the requests itself, for every root it serves
    requests = tally.documents * len(viewers)
    assert tally.compiled >= MIN_COMPILED_SHARE * requests, (tally.compiled, requests)
    assert tally.roots == set(ROOTS), tally.roots
    assert tally.two_roots > 0, "no document of two roots was answered by the compiled path"
    assert tally.conditions > 0, "no document with a condition was answered by the compiled path"
