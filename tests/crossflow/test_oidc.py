"""Single sign-on over HTTP against a real OpenID provider (oidc-provider on a loopback port).

One cookie jar walks like a browser: the app (served in-process at ``http://crossflow.test``)
sends it to the provider, the provider's dev login and consent forms are posted, and the
callback lands back in the app. Both halves of the database run (SQLite and PostgreSQL).
"""

from __future__ import annotations

import re
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urljoin, urlsplit

import httpx
import pytest
from joserfc import jwt
from joserfc.jwk import KeySet, RSAKey
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route
from tortoise.context import TortoiseContext

from core.settings import Settings
from crossflow.app import create_app
from models import AuditEntry, User
from models.directory import AccountSource
from tests.conftest import GraphQLClient
from tests.resolvers.test_suite_adapter import serving
from tests.support.oidc_provider import CLIENT_ID, oidc_provider, sso_settings

APP = "http://crossflow.test"
REDEEM = "mutation($c: String!) { redeemSignOnCode(code: $c) { token user { username } } }"
LOGIN = (
    "mutation($u: String!, $p: String!) { login(input: {username: $u, password: $p}) { token } }"
)


@pytest.fixture(scope="module")
def issuer(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with oidc_provider([APP], tmp_path_factory.mktemp("idp") / "idp.log") as url:
        yield url


@pytest.fixture
def sso_app(db: TortoiseContext, demo: None, settings: Settings, issuer: str) -> Starlette:
    """The app, configured for the test provider."""
    return create_app(sso_settings(settings, issuer), manage_orm=False)


@pytest.fixture
async def browser(sso_app: Starlette) -> AsyncIterator[httpx.AsyncClient]:
    """One cookie jar for the app (in-process) and the provider (over loopback)."""
    async with httpx.AsyncClient(
        mounts={f"{APP}/": httpx.ASGITransport(app=sso_app)}, base_url=APP, timeout=10
    ) as client:
        yield client


async def walk(client: httpx.AsyncClient, url: str, login: str) -> httpx.Response:
    """Follow redirects, posting the provider's login and consent forms, until a page
    other than the provider's answers (the app's last redirect is returned, unfollowed)."""
    for _ in range(20):
        response = await client.get(url)
        if response.is_redirect:
            url = urljoin(url, response.headers["location"])
            if url.startswith(APP) and "/auth/oidc/" not in url:
                return response
            continue
        form = re.search(r'<form[^>]*action="([^"]+)"', response.text)
        if form is None:
            return response
        action = urljoin(str(response.url), form.group(1).replace("&amp;", "&"))
        prompt = re.search(r'name="prompt" value="(\w+)"', response.text)
        assert prompt is not None, response.text[:500]
        data = {"prompt": prompt.group(1)}
        if data["prompt"] == "login":
            data |= {"login": login, "password": "any"}
        posted = await client.post(action, data=data)
        assert posted.is_redirect, posted.text[:500]
        url = urljoin(action, posted.headers["location"])
    raise AssertionError("the sign-in never came back")


def fragment(response: httpx.Response) -> dict[str, str]:
    location = urlsplit(response.headers["location"])
    return {key: values[0] for key, values in parse_qs(location.fragment).items()}


async def sign_in(client: httpx.AsyncClient, login: str, to: str = "workbench") -> httpx.Response:
    return await walk(client, f"{APP}/auth/oidc/login?to={to}", login)


async def test_a_first_sign_in_creates_the_account_from_the_claims(
    browser: httpx.AsyncClient,
) -> None:
    # given a person the provider knows and CrossFlow does not
    assert await User.get_or_none(username="chenjing") is None
    # when they sign in with the company account through the workbench
    start = await browser.get("/auth/oidc/login")
    query = parse_qs(urlsplit(start.headers["location"]).query)
    landed = await sign_in(browser, "chenjing")
    code = fragment(landed)["sso_code"]
    redeemed = await GraphQLClient(browser).data(REDEEM, {"c": code})
    # then PKCE was asked for, and the account exists in the claimed department
    assert query["code_challenge_method"] == ["S256"] and query["code_challenge"]
    user = await User.get(username="chenjing").prefetch_related("department")
    assert (user.display_name, user.email, user.source) == (
        "陈静",
        "chenjing@corp.test",
        AccountSource.OIDC,
    )
    assert user.department is not None and user.department.code == "market"
    assert user.external_id == "chenjing"
    # and the workbench's token works, and the creation is audited as oidc's
    signed_in = GraphQLClient(browser, redeemed["redeemSignOnCode"]["token"])
    assert (await signed_in.data("{ viewer { username } }"))["viewer"] == {"username": "chenjing"}
    created = await AuditEntry.get(action="user.create", subject_id=user.id)
    assert created.via == "oidc"


async def test_a_sign_in_code_is_used_once(browser: httpx.AsyncClient) -> None:
    # given a code that was redeemed
    code = fragment(await sign_in(browser, "chenjing"))["sso_code"]
    await GraphQLClient(browser).data(REDEEM, {"c": code})
    # when it is redeemed again, or a made-up one is
    again = await GraphQLClient(browser).error_code(REDEEM, {"c": code})
    forged = await GraphQLClient(browser).error_code(REDEEM, {"c": "not-a-code"})
    # then both are refused
    assert again == forged == "UNAUTHENTICATED"


async def test_a_sign_in_code_works_only_in_the_browser_that_signed_in(
    browser: httpx.AsyncClient, sso_app: Starlette
) -> None:
    # given an attacker who signed in with their own company account and kept the code
    code = fragment(await sign_in(browser, "mallory"))["sso_code"]
    victim = httpx.AsyncClient(transport=httpx.ASGITransport(app=sso_app), base_url=APP)
    async with victim:
        # when a victim's browser opens the attacker's link (/#sso_code=…) and redeems it
        refused = await GraphQLClient(victim).error_code(REDEEM, {"c": code})
        # then the victim is not signed in to the attacker's account (login CSRF)
        assert refused == "UNAUTHENTICATED"
        # while in the attacker's own browser the unused code still works
        redeemed = await GraphQLClient(browser).data(REDEEM, {"c": code})
        assert redeemed["redeemSignOnCode"]["user"] == {"username": "mallory"}
        # and the same holds for the panel's link (/admin/sso?code=…): refused as expired
        # in the victim's browser, not even looked at as the attacker's account
        panel_link = (await sign_in(browser, "mallory", to="panel")).headers["location"]
        assert panel_link.startswith("/admin/sso?code=")
        panel = await victim.get(panel_link)
        assert panel.headers["location"] == "/admin/login?sso_error=EXPIRED"
        own = await browser.get(panel_link)
        assert own.headers["location"] == "/admin/login?sso_error=NOT_ADMIN"


async def test_the_department_is_matched_by_name_as_well_as_code(
    browser: httpx.AsyncClient,
) -> None:
    # given a person whose department claim is a name (财务部)
    # when they sign in
    landed = await sign_in(browser, "zhoulei")
    # then they are in the finance department
    assert "sso_code" in fragment(landed)
    user = await User.get(username="zhoulei").prefetch_related("department")
    assert user.department is not None and user.department.code == "finance"


async def test_claims_that_map_to_no_department_are_refused(browser: httpx.AsyncClient) -> None:
    # given a person whose department claim names no department
    # when they sign in
    landed = await sign_in(browser, "wangxm")
    # then the sign-in page is told why, and no account was created
    assert fragment(landed) == {"sso_error": "NO_DEPARTMENT"}
    assert await User.get_or_none(username="wangxm") is None


async def test_a_deactivated_person_is_refused(browser: httpx.AsyncClient) -> None:
    # given the directory deactivated the person the provider signs in
    await User.create(
        username="chenjing",
        display_name="陈静",
        password_hash="",
        source=AccountSource.LDAP,
        external_id="uuid-1",
        is_active=False,
    )
    # when they sign in with the company account
    landed = await sign_in(browser, "chenjing")
    # then they are refused as deactivated
    assert fragment(landed) == {"sso_error": "DEACTIVATED"}


async def test_an_unverified_e_mail_never_matches_an_account(browser: httpx.AsyncClient) -> None:
    # given a provider account claiming market_staff's address, but not verified
    # when it signs in
    landed = await sign_in(browser, "mallory")
    redeemed = await GraphQLClient(browser).data(REDEEM, {"c": fragment(landed)["sso_code"]})
    # then it is an account of its own, without the address, and market_staff is untouched
    assert redeemed["redeemSignOnCode"]["user"] == {"username": "mallory"}
    assert (await User.get(username="mallory")).email == ""
    staff = await User.get(username="market_staff")
    assert staff.source == AccountSource.LOCAL and staff.last_login_at is None


async def test_a_callback_without_its_flow_is_refused(browser: httpx.AsyncClient) -> None:
    # given a flow started in this browser
    await browser.get("/auth/oidc/login")
    # when a callback arrives with another state, then with no flow cookie at all
    forged = await browser.get("/auth/oidc/callback?code=x&state=forged")
    browser.cookies.clear()
    cookieless = await browser.get("/auth/oidc/callback?code=x&state=forged")
    # then both go back to the sign-in page as expired, and nobody is signed in
    assert fragment(forged) == fragment(cookieless) == {"sso_error": "EXPIRED"}


async def test_the_panel_signs_an_administrator_in_and_refuses_anyone_else(
    browser: httpx.AsyncClient,
) -> None:
    # given the panel's sign-in page offers the company account
    page = await browser.get("/admin/login")
    assert "使用企业账号登录" in page.text
    # when an employee signs in to the panel with the company account
    refused = await sign_in(browser, "chenjing", to="panel")
    assert refused.headers["location"].startswith("/admin/sso?code=")
    denied = await browser.get(refused.headers["location"], follow_redirects=True)
    # then the sign-in page says only the administrator may enter
    assert "仅平台管理员可登录管理后台" in denied.text
    assert (await browser.get("/admin/", follow_redirects=False)).is_redirect
    # when the provider's "admin" signs in while CrossFlow's admin is a local account
    browser.cookies.clear()
    conflict = await sign_in(browser, "admin", to="panel")
    # then the panel refuses: a provider's username never opens an administrator
    assert conflict.headers["location"] == "/admin/login?sso_error=ACCOUNT_CONFLICT"
    assert (await User.get(username="admin")).source == AccountSource.LOCAL
    # when the administrator's account is linked to their subject and they sign in again
    await User.filter(username="admin").update(source=AccountSource.OIDC, external_id="admin")
    landed = await sign_in(browser, "admin", to="panel")
    panel = await browser.get(landed.headers["location"], follow_redirects=True)
    # then the panel opens, and signing out goes on to the provider's end_session
    assert panel.status_code == 200 and str(panel.url) == f"{APP}/admin/"
    csrf = re.search(r'name="csrftoken" value="([^"]+)"', panel.text)
    headers = {"x-csrftoken": csrf.group(1)} if csrf else {}
    out = await browser.post("/admin/logout", headers=headers)
    assert out.headers["location"] == "/auth/oidc/logout"
    provider = await browser.get("/auth/oidc/logout")
    assert "/session/end" in provider.headers["location"]
    assert (await browser.get("/admin/", follow_redirects=False)).is_redirect


async def test_local_passwords_off_leave_only_break_glass_admins(
    db: TortoiseContext, demo: None, settings: Settings, tmp_path: Path
) -> None:
    # given local passwords switched off with admin as the break-glass account
    app = create_app(
        settings.model_copy(update={"local_passwords": False, "break_glass_admins": ["admin"]}),
        manage_orm=False,
    )
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=APP) as http:
        client = GraphQLClient(http)
        # when an employee and the administrator sign in with their passwords
        refused = await client.error_code(LOGIN, {"u": "market_staff", "p": "demo"})
        wrong = await client.error_code(LOGIN, {"u": "market_staff", "p": "wrong"})
        admitted = await client.data(LOGIN, {"u": "admin", "p": "demo"})
    # then only the administrator gets in; a wrong password still reads as wrong
    assert refused == "LOCAL_PASSWORD_DISABLED"
    assert wrong == "UNAUTHENTICATED"
    assert admitted["login"]["token"]


async def test_a_code_the_provider_refuses_goes_back_as_a_refusal_not_a_500(
    browser: httpx.AsyncClient,
) -> None:
    # given a flow started in this browser, with its state
    start = await browser.get("/auth/oidc/login")
    state = parse_qs(urlsplit(start.headers["location"]).query)["state"][0]
    # when the callback brings a code the provider never issued (its token endpoint
    # answers invalid_grant)
    landed = await browser.get(f"/auth/oidc/callback?code=never-issued&state={state}")
    # then the sign-in page is told the provider refused, and nobody is signed in
    assert landed.status_code == 303
    assert fragment(landed) == {"sso_error": "PROVIDER_REFUSED"}


@pytest.mark.parametrize(
    "document",
    [["not", "an", "object"], {"token_endpoint": "/token", "jwks_uri": "/jwks"}],
    ids=["a-list", "no-authorization-endpoint"],
)
async def test_a_discovery_document_without_its_endpoints_is_unavailable_not_a_500(
    db: TortoiseContext, settings: Settings, document: Any
) -> None:
    # given a provider whose discovery document is not an object, or lacks an endpoint
    async def discovery(request: Request) -> JSONResponse:
        answer = document if isinstance(document, list) else {"issuer": base, **document}
        return JSONResponse(answer)

    routes = [Route("/.well-known/openid-configuration", discovery)]
    async with serving(Starlette(routes=routes)) as base:
        app = create_app(sso_settings(settings, base), manage_orm=False)
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url=APP
        ) as client:
            # when a person starts the sign-in
            started = await client.get("/auth/oidc/login")
    # then the sign-in page is told the provider is unavailable
    assert started.status_code == 303
    assert fragment(started) == {"sso_error": "PROVIDER_UNAVAILABLE"}


@pytest.mark.parametrize(
    ("keys_broken", "userinfo"),
    [(False, ["not", "an", "object"]), (True, {"sub": "mallory"})],
    ids=["userinfo-a-list", "key-set-a-list"],
)
async def test_a_malformed_userinfo_or_key_set_is_refused_not_a_500(
    db: TortoiseContext, settings: Settings, keys_broken: bool, userinfo: Any
) -> None:
    # given a provider that issues a proper ID token but answers its key set or userinfo
    # with something that is not a JSON object
    key = RSAKey.generate_key(2048, parameters={"kid": "k1", "use": "sig"})

    async def discovery(request: Request) -> JSONResponse:
        return JSONResponse(
            {
                "issuer": base,
                "authorization_endpoint": f"{base}/auth",
                "token_endpoint": f"{base}/token",
                "jwks_uri": f"{base}/jwks",
                "userinfo_endpoint": f"{base}/me",
            }
        )

    async def token(request: Request) -> JSONResponse:
        claims = {
            "iss": base,
            "aud": CLIENT_ID,
            "sub": "mallory",
            "nonce": nonce[0],
            "exp": int(time.time()) + 300,
            "iat": int(time.time()),
        }
        id_token = jwt.encode({"alg": "RS256", "kid": "k1"}, claims, key)
        return JSONResponse({"access_token": "a", "token_type": "Bearer", "id_token": id_token})

    async def jwks(request: Request) -> JSONResponse:
        if keys_broken:
            return JSONResponse([1, 2, 3])
        return JSONResponse(KeySet([key]).as_dict(private=False))

    async def me(request: Request) -> JSONResponse:
        return JSONResponse(userinfo)

    nonce: list[str] = []
    routes = [
        Route("/.well-known/openid-configuration", discovery),
        Route("/token", token, methods=["POST"]),
        Route("/jwks", jwks),
        Route("/me", me),
    ]
    async with serving(Starlette(routes=routes)) as base:
        app = create_app(sso_settings(settings, base), manage_orm=False)
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url=APP
        ) as client:
            # when a person comes back from that provider with a code
            start = await client.get("/auth/oidc/login")
            query = parse_qs(urlsplit(start.headers["location"]).query)
            nonce.append(query["nonce"][0])
            landed = await client.get(f"/auth/oidc/callback?code=c1&state={query['state'][0]}")
    # then the sign-in page is told the provider refused, and nobody was signed in
    assert landed.status_code == 303
    assert fragment(landed) == {"sso_error": "PROVIDER_REFUSED"}
    assert await User.get_or_none(username="mallory") is None
