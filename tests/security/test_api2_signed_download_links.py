"""Signed download links (``signDownloadLink``): a plain link opens one download, briefly.

A browser following a link cannot send the ``Authorization`` header, so the workbench asks
for a link signed with the server key, bound to the person and the one address, valid for
``LINK_SECONDS``. These tests show what such a link must not become: a bearer token in a
URL, a key to another address, a way past the signer's own rights, or still valid after
it expired or its signer signed out everywhere.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any
from urllib.parse import parse_qs, quote, urlsplit

import httpx
import pytest
import time_machine

from core import clock
from core.security import hash_api_token, new_api_token
from models import ApiToken
from models.enums import Role
from resolvers.files.download_links import LINK_SECONDS
from tests.conftest import GraphQLClient
from tests.resolvers.test_attachments import PDF, uploaded

SIGN = """mutation($path: String!) { signDownloadLink(path: $path) { url expiresAt } }"""
REPORT = "/reports/task-status-by-department.csv?month=2025-03"


async def signed(client: GraphQLClient, path: str) -> dict[str, Any]:
    data = await client.data(SIGN, {"path": path})
    link: dict[str, Any] = data["signDownloadLink"]
    return link


async def open_plain(client: GraphQLClient, url: str) -> httpx.Response:
    """GET as a browser following a link would: no Authorization header."""
    return await client.http.get(url)


def code_of(response: httpx.Response) -> str:
    code: str = response.json()["errors"][0]["extensions"]["code"]
    return code


async def market_file(client: GraphQLClient) -> tuple[GraphQLClient, str]:
    market = await client.sign_in("market_staff")
    made = await uploaded(market, ("推广方案.pdf", PDF, "application/pdf"))
    url: str = made["versions"][0]["downloadUrl"]
    return market, url


async def test_a_signed_link_opens_the_file_without_a_header_and_carries_no_bearer_token(
    client: GraphQLClient, demo: None
) -> None:
    # given a participant's file
    market, path = await market_file(client)
    # when she signs its address
    link = await signed(market, path)
    # then the link opens the bytes with no Authorization header
    response = await open_plain(client, link["url"])
    assert response.status_code == 200, response.text
    assert response.content == PDF
    assert quote("推广方案.pdf") in response.headers["content-disposition"]
    # and it is the address plus a signature, never her bearer token
    assert market.token is not None and market.token not in link["url"]
    assert urlsplit(link["url"]).path == path
    assert set(parse_qs(urlsplit(link["url"]).query)) == {"sig"}


async def test_a_link_stops_opening_once_it_expired(client: GraphQLClient, demo: None) -> None:
    # given a signed link
    market, path = await market_file(client)
    link = await signed(market, path)
    # when it is opened just before it expires, it opens
    with time_machine.travel(clock.now() + timedelta(seconds=LINK_SECONDS - 5), tick=False):
        assert (await open_plain(client, link["url"])).status_code == 200
    # when it is opened just after, it is refused with a code and a reason
    with time_machine.travel(clock.now() + timedelta(seconds=LINK_SECONDS + 5), tick=False):
        response = await open_plain(client, link["url"])
    assert response.status_code == 403
    assert code_of(response) == "FORBIDDEN"
    assert "expired" in response.json()["errors"][0]["message"]


async def test_a_link_opens_only_the_address_it_was_signed_for(
    client: GraphQLClient, demo: None
) -> None:
    # given two files of the same person and a link to the first
    market, first = await market_file(client)
    other = await uploaded(market, ("预算.pdf", PDF + b"v2", "application/pdf"))
    second = other["versions"][0]["downloadUrl"]
    link = await signed(market, first)
    signature = parse_qs(urlsplit(link["url"]).query)["sig"][0]
    # when its signature is moved to the second file, or a parameter is added: refused
    moved = await client.http.get(second, params={"sig": signature})
    assert moved.status_code == 403 and code_of(moved) == "FORBIDDEN"
    widened = await client.http.get(first, params={"sig": signature, "month": "2025-03"})
    assert widened.status_code == 403
    # when the signature itself is altered: refused
    altered = await client.http.get(first, params={"sig": signature[:-2] + "xx"})
    assert altered.status_code == 403
    # and the link's signature is no bearer token either
    as_bearer = await client.http.get(first, headers={"authorization": f"Bearer {signature}"})
    assert as_bearer.status_code == 401 and code_of(as_bearer) == "UNAUTHENTICATED"


async def test_a_link_carries_its_signers_rights_and_no_more(
    client: GraphQLClient, demo: None
) -> None:
    # given a file of the Q3 launch, in which the legal department takes no part
    _, path = await market_file(client)
    legal = await client.sign_in("legal_staff")
    # when an outsider signs its address (signing checks only that it is a download address)
    link = await signed(legal, path)
    # then the link opens nothing: the file stays NOT_FOUND for her, as with her token
    response = await open_plain(client, link["url"])
    assert response.status_code == 404 and code_of(response) == "NOT_FOUND"


async def test_signing_out_everywhere_voids_the_links_already_given(
    client: GraphQLClient, demo: None
) -> None:
    # given a link that opens
    market, path = await market_file(client)
    link = await signed(market, path)
    assert (await open_plain(client, link["url"])).status_code == 200
    # when its signer signs out everywhere
    await market.data("mutation { signOutEverywhere { username } }")
    # then the link is refused
    assert (await open_plain(client, link["url"])).status_code == 403


async def test_a_report_link_opens_for_an_executive_and_not_for_staff(
    client: GraphQLClient, demo: None
) -> None:
    # given the CEO's link to a monthly report with its query parameters
    ceo = await client.sign_in("ceo")
    link = await signed(ceo, REPORT)
    # then it opens the CSV without a header
    response = await open_plain(client, link["url"])
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    # but a member of staff's own link meets the report's rule, not a way around it
    staff = await client.sign_in("sales_staff")
    refused = await open_plain(client, (await signed(staff, REPORT))["url"])
    assert refused.status_code == 403 and code_of(refused) == "FORBIDDEN"


@pytest.mark.parametrize(
    "path",
    ["/graphql", "https://evil.example/files/x", "//evil.example/files/x", "/files/../graphql"],
)
async def test_only_download_addresses_are_signed(
    client: GraphQLClient, demo: None, path: str
) -> None:
    # given a signed-in person
    market = await client.sign_in("market_staff")
    # when she asks to sign anything but a download address
    body = await market.post(SIGN, {"path": path})
    # then BAD_USER_INPUT names the path
    error = body["errors"][0]["extensions"]
    assert error["code"] == "BAD_USER_INPUT" and error.get("field") == "path", body


async def test_anonymous_callers_and_api_tokens_sign_no_links(
    client: GraphQLClient, demo: None
) -> None:
    # given no sign-in at all: UNAUTHENTICATED
    assert await client.error_code(SIGN, {"path": REPORT}) == "UNAUTHENTICATED"
    # given an API token (a program, which sends the header): FORBIDDEN
    raw = new_api_token()
    await ApiToken.create(name="BI", token_hash=hash_api_token(raw), prefix=raw[:8], role=Role.BI)
    assert await GraphQLClient(client.http, raw).error_code(SIGN, {"path": REPORT}) == "FORBIDDEN"
