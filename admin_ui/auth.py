"""Sign-in to the panel with the platform's own accounts; only the administrator enters.

The password check is ``resolvers.access.auth.login`` itself (argon2, inactive users, the demo
password refused outside demo mode, sign-in throttling counted with the API's), so the
panel cannot be easier to enter than the API.
The session (a signed cookie) holds the user id and the user's token epoch: raising the
epoch ("sign out everywhere", a password change) or taking the ADMIN role away ends a
panel session at its next request, as it ends the user's bearer tokens.
"""

from __future__ import annotations

import hashlib
import hmac

from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route
from starlette.templating import Jinja2Templates
from starlette_admin.auth import AdminUser
from starlette_admin.auth.password import AuthProvider
from starlette_admin.exceptions import LoginFailed

from admin_ui.i18n import t
from core.settings import Settings
from models import User
from resolvers.access import auth, policy, sso_accounts
from resolvers.access.auth import Viewer
from resolvers.errors import DomainError, Forbidden
from resolvers.people.suites.config import company_sign_in

SESSION_KEY = "crossflow_admin"
SESSION_COOKIE = "crossflow_admin_session"


def session_secret(settings: Settings) -> str:
    """A key of its own for the panel's cookies, derived from the platform's secret key.

    Derived rather than shared, so a panel cookie can never be replayed as a bearer token
    (or the reverse); stable across restarts and replicas because the secret key is.
    """
    key = settings.signing_key.encode()
    return hmac.new(key, b"crossflow.admin", hashlib.sha256).hexdigest()


def session_middleware(settings: Settings) -> Middleware:
    return Middleware(
        SessionMiddleware,
        secret_key=session_secret(settings),
        session_cookie=SESSION_COOKIE,
        max_age=settings.token_ttl_hours * 3600,
        path="/admin",
        same_site="lax",
        https_only=settings.is_production,
    )


def admin_viewer(request: Request) -> Viewer:
    """The signed-in administrator as a use-case viewer (set by :meth:`authenticate`)."""
    viewer: Viewer = request.state.viewer
    return viewer


def admin_account(request: Request) -> User:
    user: User = request.state.admin_account
    return user


class AdminAuthProvider(AuthProvider):
    """starlette-admin's login page, checked by CrossFlow's own sign-in use case."""

    def __init__(self, settings: Settings) -> None:
        super().__init__(login_path="/login", logout_path="/logout", allow_routes=["sso"])
        self.settings = settings

    async def login(
        self, username: str, password: str, remember_me: bool, request: Request
    ) -> Response | None:
        try:
            _token, user = await auth.login(
                self.settings,
                username,
                password,
                address=request.client.host if request.client else None,
                via="admin",
            )
        except DomainError as exc:
            raise LoginFailed(exc.message) from exc
        try:
            # Checked after the password, so the answer reveals nothing to someone who
            # does not know it; the rule itself is the platform's (resolvers/access/policy.py).
            policy.require_admin(Viewer.of_user(user))
        except Forbidden as exc:
            raise LoginFailed(
                t(
                    "仅平台管理员可登录管理后台",
                    "Only the platform administrator may sign in to the admin panel",
                )
            ) from exc
        request.session.clear()
        request.session[SESSION_KEY] = {"user": user.id, "epoch": user.token_epoch}
        return None

    def get_routes(self, templates: Jinja2Templates) -> list[Route]:
        """starlette-admin's sign-in and sign-out, and ``/admin/sso`` for the company account."""
        return [*super().get_routes(templates), Route("/sso", self.complete_sign_on, name="sso")]

    async def render_login(self, request: Request, templates: Jinja2Templates) -> Response:
        """The sign-in page, with the company-account button and a refused SSO's reason."""
        if request.method != "GET" or getattr(request.state, "admin_user", None) is not None:
            return await super().render_login(request, templates)
        reason = request.query_params.get("sso_error")
        return templates.TemplateResponse(
            request=request,
            name="login.html",
            context={
                "company_sign_in": company_sign_in(self.settings),
                "error": sso_refusal(reason) if reason else None,
            },
            status_code=400 if reason else 200,
        )

    async def complete_sign_on(self, request: Request) -> Response:
        """Trade the one-time code of ``/auth/oidc/callback`` for the panel's session."""
        try:
            user = await sso_accounts.redeem_code(
                self.settings,
                request.query_params.get("code", ""),
                "panel",
                request.cookies.get(sso_accounts.BINDING_COOKIE),
            )
        except DomainError:
            return RedirectResponse("/admin/login?sso_error=EXPIRED", 303)
        if not Viewer.of_user(user).is_admin:
            return RedirectResponse("/admin/login?sso_error=NOT_ADMIN", 303)
        request.session.clear()
        request.session[SESSION_KEY] = {"user": user.id, "epoch": user.token_epoch, "sso": True}
        return RedirectResponse("/admin/", 303)

    async def authenticate(self, request: Request) -> AdminUser | None:
        data = request.session.get(SESSION_KEY)
        if not isinstance(data, dict):
            return None
        user = await User.get_or_none(id=data.get("user"), is_active=True)
        viewer = Viewer.of_user(user) if user is not None else None
        if (
            user is None
            or viewer is None
            or not viewer.is_admin
            or user.token_epoch != data.get("epoch")
        ):
            request.session.pop(SESSION_KEY, None)
            return None
        request.state.viewer = viewer
        request.state.admin_account = user
        return AdminUser(username=user.display_name)

    async def logout(self, request: Request) -> Response | None:
        """End the panel session; one begun at the provider goes on to its sign-out."""
        data = request.session.get(SESSION_KEY)
        request.session.clear()
        if isinstance(data, dict) and data.get("sso") and self.settings.oidc_enabled:
            return RedirectResponse("/auth/oidc/logout", 303)
        return None


def sso_refusal(reason: str) -> str:
    """What the panel's sign-in page says when the company account was refused."""
    messages = {
        "NO_DEPARTMENT": t(
            "你的企业账号未对应任何部门，请联系管理员",
            "Your company account maps to no department; ask an administrator",
        ),
        "DEACTIVATED": t(
            "你的账号已停用，请联系管理员", "Your account is deactivated; ask an administrator"
        ),
        "ACCOUNT_CONFLICT": t(
            "同名账号已存在且未关联你的企业账号，请联系管理员",
            "An account of this name exists and is not linked to your company account;"
            " ask an administrator",
        ),
        "NOT_ADMIN": t(
            "仅平台管理员可登录管理后台",
            "Only the platform administrator may sign in to the admin panel",
        ),
    }
    return messages.get(
        reason,
        t("企业账号登录未完成，请重试", "Signing in with the company account failed; try again"),
    )
