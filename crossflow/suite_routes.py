"""Signing in with a suite (``/auth/feishu/…``) and the company-account button's entry.

The suite's OAuth flow mirrors OpenID Connect's (``crossflow/oidc.py``): a signed
ten-minute cookie scoped to this suite's path holds the state and the PKCE verifier; the
callback checks the state, asks the adapter for the person, and hands the result to the
same completion (a one-time code for the workbench or the panel, or the refusal's reason).
``/auth/company/login`` is where both sign-in pages' button points: the OpenID provider
when one is configured, else the suite.
"""

from __future__ import annotations

import logging
import secrets

import httpx
from authlib.common.security import generate_token
from authlib.oauth2.rfc7636 import create_s256_code_challenge
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from core.settings import Settings
from crossflow import oidc
from resolvers.people.suites import SuiteError, SuiteProvider

log = logging.getLogger(__name__)

FLOW_TTL_SECONDS = 600


def _suite(request: Request) -> SuiteProvider | None:
    suite: SuiteProvider | None = getattr(request.app.state, "suite", None)
    return suite


def _flows(settings: Settings, suite: SuiteProvider) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(settings.signing_key, salt=f"crossflow.{suite.name}-flow")


def _cookie(suite: SuiteProvider) -> tuple[str, str]:
    """The flow cookie's name and path, the suite's own (no clash with OIDC's)."""
    return f"crossflow_{suite.name}_flow", f"/auth/{suite.name}"


async def company_login(request: Request) -> Response:
    """The company-account button: the OpenID provider, else the suite."""
    settings: Settings = request.app.state.settings
    query = request.url.query
    if settings.oidc_enabled:
        return RedirectResponse(f"/auth/oidc/login?{query}", 303)
    suite = _suite(request)
    if suite is not None:
        return RedirectResponse(f"/auth/{suite.name}/login?{query}", 303)
    return oidc.refused(oidc.target(request.query_params.get("to")), "NOT_CONFIGURED")


async def login(request: Request) -> Response:
    """Send the browser to the suite's authorization page."""
    settings: Settings = request.app.state.settings
    purpose = oidc.target(request.query_params.get("to"))
    suite = _suite(request)
    if suite is None or request.path_params["suite"] != suite.name:
        return oidc.refused(purpose, "NOT_CONFIGURED")
    state, verifier = secrets.token_urlsafe(24), generate_token(64)
    response = RedirectResponse(
        suite.authorization_url(
            redirect_uri=str(request.url_for("suite-callback", suite=suite.name)),
            state=state,
            code_challenge=create_s256_code_challenge(verifier),
        ),
        303,
    )
    name, path = _cookie(suite)
    response.set_cookie(
        name,
        _flows(settings, suite).dumps({"s": state, "v": verifier, "p": purpose}),
        max_age=FLOW_TTL_SECONDS,
        path=path,
        httponly=True,
        samesite="lax",
        secure=settings.is_production,
    )
    return response


async def callback(request: Request) -> Response:
    """Check the state, ask the suite who signed in, and finish like OpenID Connect."""
    settings: Settings = request.app.state.settings
    suite = _suite(request)
    if suite is None or request.path_params["suite"] != suite.name:
        return oidc.refused("workbench", "NOT_CONFIGURED")
    name, path = _cookie(suite)
    try:
        flow = _flows(settings, suite).loads(
            request.cookies.get(name, ""), max_age=FLOW_TTL_SECONDS
        )
    except (BadSignature, SignatureExpired):
        flow = None
    purpose = oidc.target(flow.get("p") if isinstance(flow, dict) else None)
    state = request.query_params.get("state", "")
    if not isinstance(flow, dict) or not secrets.compare_digest(state, str(flow.get("s"))):
        response: Response = oidc.refused(purpose, "EXPIRED")
    else:
        try:
            claims = await suite.claims(
                code=request.query_params.get("code", ""),
                redirect_uri=str(request.url_for("suite-callback", suite=suite.name)),
                code_verifier=str(flow["v"]),
            )
        except (SuiteError, httpx.HTTPError) as exc:
            log.warning("%s sign-in failed: %s", suite.name, exc)
            response = oidc.refused(purpose, "PROVIDER_REFUSED")
        else:
            response = await oidc.signed_on(settings, claims, purpose)
    response.delete_cookie(name, path=path)
    return response


def routes() -> list[Route]:
    return [
        Route("/auth/company/login", company_login, methods=["GET"], name="company-login"),
        Route("/auth/{suite}/login", login, methods=["GET"], name="suite-login"),
        Route("/auth/{suite}/callback", callback, methods=["GET"], name="suite-callback"),
    ]
