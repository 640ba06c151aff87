"""Single sign-on with OpenID Connect: authorization code with PKCE, through authlib.

``/auth/oidc/login?to=workbench|panel`` sends the browser to the provider with a fresh
state, nonce and PKCE verifier, kept in a signed cookie scoped to ``/auth/oidc`` for ten
minutes (named so it cannot clash with the provider's own cookies on a shared host).
``/auth/oidc/callback`` checks the state (and the RFC 9207 ``iss``), trades the code with
the verifier, verifies the ID token (signature against the provider's keys, issuer,
audience, nonce, expiry), reads userinfo for the profile claims (many providers leave them
out of the ID token), and asks ``resolvers/sso_accounts`` for the account. It ends with a
one-time code: in the workbench's URL fragment (never sent to a server, traded through the
``redeemSignOnCode`` mutation) or handed to the panel's ``/admin/sso``, which sets the
panel session. A refusal goes back to the sign-in page with its reason.
``/auth/oidc/logout`` sends the browser to the provider's ``end_session_endpoint`` when it
has one, after the workbench or the panel ended CrossFlow's own session.
"""

from __future__ import annotations

import logging
import secrets
import time
import warnings
from typing import Any, cast
from urllib.parse import urlencode

import httpx
from authlib.common.security import generate_token
from authlib.deprecate import AuthlibDeprecationWarning
from authlib.integrations.base_client import OAuthError
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
from joserfc import jwt
from joserfc.errors import JoseError
from joserfc.jwk import KeySet
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from core.settings import Settings
from resolvers.access import sso_accounts
from resolvers.errors import DomainError

with warnings.catch_warnings():
    # authlib 1.9 announces on import that its httpx integration moves to httpx2 (it still
    # works); authlib.deprecate has already set that warning to "always", so it is muted here.
    warnings.simplefilter("ignore", AuthlibDeprecationWarning)
    from authlib.integrations.httpx_client import AsyncOAuth2Client

log = logging.getLogger(__name__)

FLOW_COOKIE = "crossflow_oidc_flow"
FLOW_PATH = "/auth/oidc"
FLOW_TTL_SECONDS = 600
#: What the flow needs from the discovery document (checked once, when it is read).
ENDPOINTS = ("authorization_endpoint", "token_endpoint", "jwks_uri")
#: Discovery documents by URL, with when they were read (re-read after an hour).
_metadata: dict[str, tuple[float, dict[str, Any]]] = {}


class ProviderError(Exception):
    """The provider's answer cannot be trusted or used (logged; the person sees a reason)."""


def _settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def _flows(settings: Settings) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(settings.signing_key, salt="crossflow.oidc-flow")


def _redirect_uri(request: Request, settings: Settings) -> str:
    return settings.oidc_redirect_url or str(request.url_for("oidc-callback"))


def _http(settings: Settings) -> httpx.AsyncClient:
    return httpx.AsyncClient(timeout=settings.oidc_timeout_seconds)


async def metadata(settings: Settings) -> dict[str, Any]:
    """The provider's discovery document (cached for an hour), with the flow's endpoints."""
    issuer = (settings.oidc_issuer or "").rstrip("/")
    url = settings.oidc_discovery_url or f"{issuer}/.well-known/openid-configuration"
    cached = _metadata.get(url)
    if cached is not None and time.monotonic() - cached[0] < 3600:
        return cached[1]
    async with _http(settings) as http:
        response = await http.get(url)
    response.raise_for_status()
    document = response.json()
    if not isinstance(document, dict):
        raise ProviderError("the discovery document is not an object")
    if document.get("issuer") != settings.oidc_issuer:
        raise ProviderError(f"discovery names issuer {document.get('issuer')!r}")
    missing = [name for name in ENDPOINTS if not isinstance(document.get(name), str)]
    if missing:
        raise ProviderError(f"the discovery document names no {', '.join(missing)}")
    _metadata[url] = (time.monotonic(), document)
    return document


def target(value: str | None) -> sso_accounts.Purpose:
    """Which sign-in page started the flow (``?to=panel``; anything else: the workbench)."""
    return "panel" if value == "panel" else "workbench"


def refused(purpose: sso_accounts.Purpose, reason: str) -> RedirectResponse:
    """Back to the sign-in page that started the flow, with the reason it shows."""
    if purpose == "panel":
        return RedirectResponse(f"/admin/login?{urlencode({'sso_error': reason})}", 303)
    return RedirectResponse(f"/#{urlencode({'sso_error': reason})}", 303)


async def login(request: Request) -> Response:
    """Start the sign-in: redirect to the provider's authorization endpoint."""
    settings = _settings(request)
    purpose = target(request.query_params.get("to"))
    if not settings.oidc_enabled:
        return refused(purpose, "NOT_CONFIGURED")
    try:
        document = await metadata(settings)
    except (httpx.HTTPError, ValueError, ProviderError) as exc:
        log.warning("oidc discovery failed: %s", exc)
        return refused(purpose, "PROVIDER_UNAVAILABLE")
    state, nonce = secrets.token_urlsafe(24), secrets.token_urlsafe(24)
    verifier = generate_token(64)  # PKCE: 64 characters of the unreserved set (RFC 7636)
    client = AsyncOAuth2Client(
        client_id=settings.oidc_client_id,
        scope=settings.oidc_scopes,
        redirect_uri=_redirect_uri(request, settings),
        code_challenge_method="S256",
    )
    url, _ = client.create_authorization_url(
        document["authorization_endpoint"], state=state, nonce=nonce, code_verifier=verifier
    )
    response = RedirectResponse(url, 303)
    flow = {"s": state, "n": nonce, "v": verifier, "p": purpose}
    response.set_cookie(
        FLOW_COOKIE,
        _flows(settings).dumps(flow),
        max_age=FLOW_TTL_SECONDS,
        path=FLOW_PATH,
        httponly=True,
        samesite="lax",  # the provider's redirect back is a top-level GET
        secure=settings.is_production,
    )
    return response


def _flow(request: Request, settings: Settings) -> dict[str, str] | None:
    raw = request.cookies.get(FLOW_COOKIE)
    if not raw:
        return None
    try:
        flow = _flows(settings).loads(raw, max_age=FLOW_TTL_SECONDS)
    except (BadSignature, SignatureExpired):
        return None
    return flow if isinstance(flow, dict) else None


async def _claims(
    request: Request, settings: Settings, flow: dict[str, str], document: dict[str, Any]
) -> dict[str, Any]:
    """Trade the code, verify the ID token, merge userinfo over it."""
    async with AsyncOAuth2Client(
        client_id=settings.oidc_client_id,
        client_secret=settings.oidc_client_secret,
        redirect_uri=_redirect_uri(request, settings),
        timeout=settings.oidc_timeout_seconds,
    ) as client:
        token = await client.fetch_token(
            document["token_endpoint"],
            code=request.query_params.get("code", ""),
            code_verifier=flow["v"],
        )
        keys = (await client.get(document["jwks_uri"])).raise_for_status().json()
        if not isinstance(keys, dict):
            raise ProviderError("the key set is not an object")
        id_token = token.get("id_token")
        if not isinstance(id_token, str):
            raise ProviderError("no id_token in the token response")
        try:
            decoded = jwt.decode(id_token, KeySet.import_key_set(cast(Any, keys)))
            jwt.JWTClaimsRegistry(
                iss={"essential": True, "value": settings.oidc_issuer or ""},
                aud={"essential": True, "value": settings.oidc_client_id},
                nonce={"essential": True, "value": flow["n"]},
                exp={"essential": True},
            ).validate(decoded.claims)
        except (JoseError, ValueError, TypeError, KeyError) as exc:
            # TypeError/KeyError: a key set whose entries are not keys
            raise ProviderError(f"id_token refused: {exc}") from exc
        claims: dict[str, Any] = dict(decoded.claims)
        if document.get("userinfo_endpoint"):
            answer = await client.get(document["userinfo_endpoint"])
            userinfo = answer.raise_for_status().json()
            if not isinstance(userinfo, dict):
                raise ProviderError("userinfo is not an object")
            if userinfo.get("sub") != claims.get("sub"):
                raise ProviderError("userinfo is about someone else")
            claims.update(userinfo)
    return claims


async def callback(request: Request) -> Response:
    """Finish the sign-in: check everything, find or create the account, hand over a code."""
    settings = _settings(request)
    flow = _flow(request, settings)
    purpose = target(flow.get("p") if flow else None)
    params = request.query_params
    if flow is None or not secrets.compare_digest(params.get("state", ""), flow["s"]):
        return _finish(refused(purpose, "EXPIRED"))
    if params.get("error"):
        log.info("oidc provider answered %s", params.get("error"))
        return _finish(refused(purpose, "PROVIDER_REFUSED"))
    if "iss" in params and params["iss"] != settings.oidc_issuer:
        return _finish(refused(purpose, "PROVIDER_REFUSED"))
    try:
        document = await metadata(settings)
        raw = await _claims(request, settings, flow, document)
    except (httpx.HTTPError, ValueError, ProviderError, KeyError, OAuthError) as exc:
        # OAuthError: the token endpoint's own refusal (invalid_grant for a code it never
        # issued, already traded or expired).
        log.warning("oidc sign-in failed: %s", exc)
        return _finish(refused(purpose, "PROVIDER_REFUSED"))
    return _finish(
        await signed_on(settings, sso_accounts.claims_from("oidc", raw, settings), purpose)
    )


async def signed_on(
    settings: Settings, claims: sso_accounts.Claims, purpose: sso_accounts.Purpose
) -> Response:
    """The account for verified ``claims`` handed to the page that asked, or its refusal.

    Shared by every provider (OpenID Connect here, the suites in ``resolvers/people/suites``).
    """
    try:
        user = await sso_accounts.sign_on(settings, claims)
    except sso_accounts.SignOnRefused as exc:
        return refused(purpose, exc.reason)
    except DomainError as exc:
        log.warning("%s sign-in refused: %s", claims.provider, exc)
        return refused(purpose, "PROVIDER_REFUSED")
    binding = secrets.token_urlsafe(32)
    code = await sso_accounts.issue_code(settings, user, purpose, claims.provider, binding)
    if purpose == "panel":
        response = RedirectResponse(f"/admin/sso?{urlencode({'code': code})}", 303)
    else:
        response = RedirectResponse(f"/#{urlencode({'sso_code': code})}", 303)
    response.set_cookie(
        sso_accounts.BINDING_COOKIE,
        binding,
        max_age=sso_accounts.CODE_TTL_SECONDS,
        path="/",
        httponly=True,
        samesite="lax",  # set on the provider's top-level redirect back
        secure=settings.is_production,
    )
    return response


def _finish(response: Response, cookie: str = FLOW_COOKIE, path: str = FLOW_PATH) -> Response:
    """The flow cookie is used once, whatever the outcome."""
    response.delete_cookie(cookie, path=path)
    return response


async def logout(request: Request) -> Response:
    """After CrossFlow's session ended: the provider's sign-out, when it offers one."""
    settings = _settings(request)
    back = str(request.base_url)
    if not settings.oidc_enabled:
        return RedirectResponse("/", 303)
    try:
        end_session = (await metadata(settings)).get("end_session_endpoint")
    except (httpx.HTTPError, ValueError, ProviderError):
        end_session = None
    if not end_session:
        return RedirectResponse("/", 303)
    query = urlencode({"client_id": settings.oidc_client_id, "post_logout_redirect_uri": back})
    return RedirectResponse(f"{end_session}?{query}", 303)


def routes() -> list[Route]:
    return [
        Route("/auth/oidc/login", login, methods=["GET"], name="oidc-login"),
        Route("/auth/oidc/callback", callback, methods=["GET"], name="oidc-callback"),
        Route("/auth/oidc/logout", logout, methods=["GET"], name="oidc-logout"),
    ]
