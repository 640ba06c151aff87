"""``changePassword`` and ``setLanguage``: a person's own account, as the workbench uses it."""

from __future__ import annotations

from tests.conftest import GraphQLClient

CHANGE = """mutation($current: String!, $new: String!) {
  changePassword(input: {currentPassword: $current, newPassword: $new}) {
    token user { username } } }"""
LANGUAGE = "mutation($l: String!) { setLanguage(language: $l) { username language } }"
LOGIN = """mutation($u: String!, $p: String!) {
  login(input: {username: $u, password: $p}) { token } }"""


async def test_a_changed_password_signs_other_sessions_out(
    client: GraphQLClient, demo: None
) -> None:
    # given market staff signed in on two devices
    first = GraphQLClient(
        client.http,
        (await client.data(LOGIN, {"u": "market_staff", "p": "demo"}))["login"]["token"],
    )
    second = GraphQLClient(
        client.http,
        (await client.data(LOGIN, {"u": "market_staff", "p": "demo"}))["login"]["token"],
    )
    # when they change the password on the first
    changed = (await first.data(CHANGE, {"current": "demo", "new": "s3cret-Pass"}))[
        "changePassword"
    ]
    # then the new token works, the other device is signed out, and the new password signs in
    renewed = GraphQLClient(client.http, changed["token"])
    assert (await renewed.data("{ viewer { username } }"))["viewer"] == {"username": "market_staff"}
    assert (await second.data("{ viewer { username } }"))["viewer"] is None
    assert await client.data(LOGIN, {"u": "market_staff", "p": "s3cret-Pass"})
    assert await client.error_code(LOGIN, {"u": "market_staff", "p": "demo"}) == "UNAUTHENTICATED"


async def test_a_wrong_current_or_short_new_password_names_the_field(
    client: GraphQLClient, demo: None
) -> None:
    # given market staff signed in
    staff = GraphQLClient(
        client.http,
        (await client.data(LOGIN, {"u": "market_staff", "p": "demo"}))["login"]["token"],
    )
    # when the current password is wrong, or the new one too short
    wrong = (await staff.post(CHANGE, {"current": "nope", "new": "long-enough-1"}))["errors"][0]
    short = (await staff.post(CHANGE, {"current": "demo", "new": "short"}))["errors"][0]
    # then each is refused naming its field, and the password still is the old one
    assert (wrong["extensions"]["code"], wrong["extensions"]["field"]) == (
        "BAD_USER_INPUT",
        "currentPassword",
    )
    assert (short["extensions"]["code"], short["extensions"]["field"]) == (
        "BAD_USER_INPUT",
        "newPassword",
    )
    assert (await staff.data("{ viewer { username } }"))["viewer"] == {"username": "market_staff"}


async def test_the_language_is_kept_and_only_known_ones_are_taken(
    client: GraphQLClient, demo: None
) -> None:
    # given sales staff signed in
    staff = await client.sign_in("sales_staff")
    # when they choose English, then an unknown language
    chosen = (await staff.data(LANGUAGE, {"l": "en"}))["setLanguage"]
    refused = (await staff.post(LANGUAGE, {"l": "fr"}))["errors"][0]
    # then English is kept; the unknown one is refused naming the argument
    assert chosen == {"username": "sales_staff", "language": "en"}
    assert refused["extensions"]["code"] == "BAD_USER_INPUT"
    assert refused["extensions"]["field"] == "language"
    assert (await staff.data("{ viewer { language } }"))["viewer"] == {"language": "en"}


async def test_anonymous_callers_cannot_change_an_account(
    client: GraphQLClient, demo: None
) -> None:
    # given nobody signed in
    # when an anonymous client tries both mutations
    # then both are refused with UNAUTHENTICATED
    assert (
        await client.error_code(CHANGE, {"current": "demo", "new": "whatever-1"})
        == "UNAUTHENTICATED"
    )
    assert await client.error_code(LANGUAGE, {"l": "en"}) == "UNAUTHENTICATED"
