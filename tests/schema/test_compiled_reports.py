"""``savedReports`` and ``analysisReports`` on the compiled path (issue 19).

``SavedReport`` and ``AnalysisReport`` are declared in ``schema/compiled/fields.py`` and their
lists are roots of ``schema/compiled/plan.py``, their rows read by the resolvers' own
``saved_report_list`` and ``analysis_report_list``. Each document runs through both servers
of ``tests/schema/conftest.py`` (compiled path on and off, one PostgreSQL database) for the
viewers of ``test_compiled_roots`` and must answer the same JSON, key order included. Those
the scope admits (saved reports: ADMIN, EXECUTIVE, BI and heads; analysis reports: ADMIN and
EXECUTIVE) are answered by the compiled path itself; the others get the generic executor's
FORBIDDEN, and NOT_FOUND for a report named by id. The addresses (``jsonUrl``, ``htmlUrl``,
``xlsxUrl``) are written by PostgreSQL from the slug and the month, as the resolvers write them.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from strawberry.relay import to_base64

from tests.conftest import GraphQLClient
from tests.schema.test_compiled_roots import MENTIONED, VIEWERS, _clients
from tests.support.compiled_reports import SUMMARIES, build_reports, save_reports
from tests.support.sql_log import counted_statements

pytestmark = pytest.mark.postgres

#: Who reads each list (the scope rules report_readers and admin_and_executive)
READERS = {
    "savedReports": {"admin", "ceo", "market_head", "bi"},
    "analysisReports": {"admin", "ceo"},
}
SAVED = """{ savedReports(first: 10) { __typename totalCount
  pageInfo { hasNextPage hasPreviousPage startCursor endCursor __typename }
  edges { __typename cursor node { __typename id name title description document createdAt
    updatedAt createdBy { __typename id username displayName department { name } } } } } }"""
ANALYSIS = """{ analysisReports(first: 10) { __typename totalCount
  pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  edges { cursor node { __typename id month status requestedAt generatedAt error createdAt
    updatedAt summary requestedBy { username role } } } } }"""
ALIASED = """query($n: Int, $after: String) { r: analysisReports(first: $n, after: $after) {
  e: edges { c: cursor n: node { ...A s2: summary } } p: pageInfo { endCursor hasNextPage } } }
  fragment A on AnalysisReport { m: month ... on AnalysisReport { status } summary }"""
PAGED = """query($n: Int, $after: String) { savedReports(first: $n, after: $after) {
  pageInfo { endCursor hasNextPage hasPreviousPage } edges { node { n: name ... { title } } } } }"""
NODE = """query($id: ID!) { node(id: $id) { __typename id
  ... on SavedReport { name title createdBy { username } }
  ... on AnalysisReport { month status summary requestedBy { displayName } } } }"""


async def _same(
    fast: GraphQLClient, slow: GraphQLClient, document: str, variables: dict[str, Any]
) -> tuple[dict[str, Any], bool]:
    """Both servers' answer (required equal, keys in the same order) and whether the
    compiled path gave it (its statement, naming the ``node`` column, was sent)."""
    expected = await slow.post(document, variables)
    with counted_statements() as statements:
        answered = await fast.post(document, variables)
    assert answered == expected, (document, variables, answered, expected)
    assert json.dumps(answered) == json.dumps(expected), (document, variables)
    return answered, any(' AS "node"' in statement for statement in statements)


def _root(document: str) -> str:
    return "savedReports" if "savedReports" in document else "analysisReports"


@pytest.mark.parametrize("backend", ["postgres"], indirect=True)
async def test_report_lists_answer_as_the_generic_executor_for_every_viewer(
    apps: tuple[GraphQLClient, GraphQLClient],
) -> None:
    # given saved reports (one without its author) and analysis reports of every status
    saved = await save_reports()
    built = await build_reports()
    ids = [to_base64("SavedReport", r.id) for r in saved[:2]]
    ids += [to_base64("AnalysisReport", r.id) for r in built[:2]]
    for viewer in VIEWERS:
        fast, slow = await _clients(apps, viewer, MENTIONED)
        requests: list[tuple[str, dict[str, Any], int]] = [
            (SAVED, {}, len(saved)),
            (ANALYSIS, {}, len(built)),
            (ALIASED, {"n": 2}, 2),
            (PAGED, {"n": 3}, 3),
        ]
        for document, variables, rows in requests:
            # when both servers answer a list
            answered, compiled = await _same(fast, slow, document, variables)
            # then a reader's answer is the compiled path's own, with every row
            if viewer in READERS[_root(document)]:
                assert compiled and "errors" not in answered, (viewer, document, answered)
                (connection,) = answered["data"].values()
                edges = connection.get("edges") or connection["e"]
                assert len(edges) == rows, (viewer, document, answered)
            # and anyone else is refused by the generic executor, FORBIDDEN
            else:
                assert not compiled, (viewer, document)
                assert answered["errors"][0]["extensions"]["code"] == "FORBIDDEN", answered
        for global_id in ids:
            # when a report is asked for by its id
            answered, compiled = await _same(fast, slow, NODE, {"id": global_id})
            # then a reader gets it from the compiled path, anyone else NOT_FOUND
            root = "savedReports" if global_id in ids[:2] else "analysisReports"
            if viewer in READERS[root]:
                assert compiled and answered["data"]["node"]["id"] == global_id, answered
            else:
                assert answered["errors"][0]["extensions"]["code"] == "NOT_FOUND", answered


@pytest.mark.parametrize("backend", ["postgres"], indirect=True)
async def test_summaries_are_the_stored_json_on_the_compiled_path(
    apps: tuple[GraphQLClient, GraphQLClient],
) -> None:
    # given analysis reports whose summaries hold ratios, nulls, nesting and escapes
    await build_reports()
    fast, slow = await _clients(apps, "ceo", MENTIONED)
    # when the EXECUTIVE lists them
    answered, compiled = await _same(fast, slow, ANALYSIS, {})
    # then the compiled path gives each summary as it was stored, newest report first
    assert compiled
    summaries = [e["node"]["summary"] for e in answered["data"]["analysisReports"]["edges"]]
    assert summaries == SUMMARIES[::-1]
    assert [e["node"]["status"] for e in answered["data"]["analysisReports"]["edges"]] == [
        "FAILED",
        "QUEUED",
        "READY",
    ]


@pytest.mark.parametrize("backend", ["postgres"], indirect=True)
async def test_saved_report_pages_follow_the_compiled_cursor(
    apps: tuple[GraphQLClient, GraphQLClient],
) -> None:
    # given four saved reports and a department head, who may read them
    saved = await save_reports()
    fast, slow = await _clients(apps, "market_head", MENTIONED)
    seen: list[str] = []
    after = None
    while True:
        # when each next page of one is read after the previous page's end cursor
        page, compiled = await _same(fast, slow, PAGED, {"n": 1, "after": after})
        assert compiled
        seen.extend(edge["node"]["n"] for edge in page["data"]["savedReports"]["edges"])
        info = page["data"]["savedReports"]["pageInfo"]
        assert info["hasPreviousPage"] == (after is not None)
        if not info["hasNextPage"]:
            break
        after = info["endCursor"]
    # then every report came once, newest first
    assert seen == [report.name for report in reversed(saved)]


@pytest.mark.parametrize("backend", ["postgres"], indirect=True)
@pytest.mark.parametrize("viewer", ["market_staff", "mentioned", "market_head", "bi"])
async def test_analysis_reports_are_refused_outside_admin_and_executive(
    apps: tuple[GraphQLClient, GraphQLClient], viewer: str
) -> None:
    # given analysis reports and a viewer who is neither ADMIN nor EXECUTIVE
    await build_reports()
    fast, slow = await _clients(apps, viewer, MENTIONED)
    # when they list them
    answered, compiled = await _same(fast, slow, ANALYSIS, {})
    # then the generic executor refuses them, and no row was read for them
    assert not compiled
    assert answered["data"] is None
    assert answered["errors"][0]["extensions"]["code"] == "FORBIDDEN"


@pytest.mark.parametrize("backend", ["postgres"], indirect=True)
async def test_report_addresses_are_compiled_as_the_resolvers_write_them(
    apps: tuple[GraphQLClient, GraphQLClient],
) -> None:
    # given reports of both kinds, one of them generated
    await save_reports()
    await build_reports()
    fast, slow = await _clients(apps, "admin", MENTIONED)
    saved = "{ savedReports(first: 2) { edges { node { name jsonUrl } } } }"
    analysis = "{ analysisReports { edges { node { month htmlUrl xlsxUrl } } } }"
    # when documents select the addresses
    (listed, saved_compiled), (built, analysis_compiled) = [
        await _same(fast, slow, document, {}) for document in (saved, analysis)
    ]
    # then the compiled path answers them, with each address (a month's once generated)
    assert saved_compiled and analysis_compiled
    assert [e["node"] for e in listed["data"]["savedReports"]["edges"]] == [
        {"name": "saved-3", "jsonUrl": "/reports/saved/saved-3.json"},
        {"name": "saved-2", "jsonUrl": "/reports/saved/saved-2.json"},
    ]
    months = {e["node"]["month"]: e["node"] for e in built["data"]["analysisReports"]["edges"]}
    assert months["2026-09"]["xlsxUrl"] == "/reports/analysis/2026-09.xlsx"
    assert months["2026-10"]["htmlUrl"] is None
