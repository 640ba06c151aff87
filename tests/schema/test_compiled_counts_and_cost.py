"""``totalCount`` rides in the page's own statement, and costly documents are costed per request.

Both paths must give the same answer: the compiled page counts its rows before paging in
the statement that reads the page (an empty page included), and a document whose cost at
the largest page is over the limit is compiled for the sizes the limit admits and refused,
with the generic executor's words, for those it does not.
"""

from __future__ import annotations

import pytest

from tests.conftest import GraphQLClient
from tests.support.sql_log import counted_statements

pytestmark = pytest.mark.postgres

COUNTED = """query($first: Int, $after: String) { tasks(first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { code } } } }"""

#: Review rounds with their reviews and files with their versions under every requirement:
#: over the cost limit at a page of 100, well under it at a page of 5.
COSTLY = """query($first: Int) { requirements(first: $first) { edges { node { code
  reviewRounds { number reviews { decision comment } }
  attachments { fileName versions { number size } } } } } }"""


@pytest.mark.parametrize("backend", ["postgres"], indirect=True)
@pytest.mark.parametrize("username", ["admin", "market_head"])
async def test_total_count_is_read_with_the_page_in_one_statement(
    apps: tuple[GraphQLClient, GraphQLClient], username: str
) -> None:
    # given a viewer signed in on both servers
    compiled, generic = apps
    token = (await compiled.sign_in(username)).token
    fast, slow = GraphQLClient(compiled.http, token), GraphQLClient(generic.http, token)
    # when a counted page is read for the first time (a head's ids not kept yet)
    with counted_statements() as statements:
        first = await fast.post(COUNTED, {"first": 2})
    # then it matches the generic executor, in the page's statement and at most one more
    assert first == await slow.post(COUNTED, {"first": 2})
    assert first["data"]["tasks"]["totalCount"] > 2
    pages = [s for s in statements if '"total"' in s]
    assert len(pages) == 1 and len(statements) <= 3, statements  # token's user, ids, page
    assert not any(s.startswith("SELECT COUNT(*)") for s in statements), statements
    # and past the last row, an empty page still carries the count
    total = first["data"]["tasks"]["totalCount"]
    cursor = None
    for _ in range(total):
        page = await fast.post(COUNTED, {"first": 100, "after": cursor})
        if not page["data"]["tasks"]["pageInfo"]["hasNextPage"]:
            break
        cursor = page["data"]["tasks"]["pageInfo"]["endCursor"]
    last = page["data"]["tasks"]["pageInfo"]["endCursor"]
    empty = await fast.post(COUNTED, {"first": 5, "after": last})
    assert empty == await slow.post(COUNTED, {"first": 5, "after": last})
    assert empty["data"]["tasks"]["edges"] == []
    assert empty["data"]["tasks"]["totalCount"] == total


@pytest.mark.parametrize("backend", ["postgres"], indirect=True)
async def test_a_costly_document_is_compiled_where_the_limit_admits_its_size(
    apps: tuple[GraphQLClient, GraphQLClient],
) -> None:
    # given the ADMIN on both servers and a document too costly at a page of 100
    compiled, generic = apps
    token = (await compiled.sign_in("admin")).token
    fast, slow = GraphQLClient(compiled.http, token), GraphQLClient(generic.http, token)
    # when a page of 5 is asked for
    with counted_statements() as statements:
        small = await fast.post(COSTLY, {"first": 5})
    # then the compiled path answers it, as the generic executor would
    assert small == await slow.post(COSTLY, {"first": 5})
    assert "errors" not in small and small["data"]["requirements"]["edges"]
    assert any('"node"' in s for s in statements), statements
    # and a page of 100 is refused by both in the same words, with the cost code
    large = await fast.post(COSTLY, {"first": 100})
    assert large == await slow.post(COSTLY, {"first": 100})
    assert large["errors"][0]["extensions"]["code"] == "QUERY_TOO_COSTLY"
