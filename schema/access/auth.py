"""Signing in (``login``) and asking who is signed in (``viewer``)."""

from __future__ import annotations

from typing import Annotated

import strawberry

from resolvers.access import auth, sso_accounts
from resolvers.people.suites.config import company_sign_in
from schema.access.permissions import CanWrite
from schema.base import Info, load_one
from schema.people.users import UserType


@strawberry.input(description="A username and password")
class LoginInput:
    username: str = strawberry.field(description="The sign-in name")
    password: str = strawberry.field(description="The password")


@strawberry.type(description="A bearer token for the Authorization header, and its user")
class LoginPayload:
    token: str = strawberry.field(description="Send it as `Authorization: Bearer <token>`")
    user: UserType = strawberry.field(description="The signed-in user")
    expires_in_seconds: int = strawberry.field(
        description="Seconds until the token expires; then sign in again"
    )


@strawberry.type
class AuthQueries:
    @strawberry.field(description="The signed-in user, or null when nobody is signed in")
    async def viewer(self, info: Info) -> UserType | None:
        viewer = info.context.viewer
        if viewer is None or viewer.user_id is None:
            return None
        return await load_one(info, UserType.model, viewer.user_id)

    @strawberry.field(
        description="Whether sign-in with the company account (an OpenID provider, or a suite "
        "such as Feishu) is offered: the sign-in page shows its button and sends the browser "
        "to /auth/company/login"
    )
    def company_sign_in(self, info: Info) -> bool:
        return company_sign_in(info.context.settings)


@strawberry.type
class AuthMutations:
    @strawberry.mutation(
        description="Sign in; send the token as `Authorization: Bearer <token>`. Errors: "
        "UNAUTHENTICATED (wrong username or password, deactivated); FORBIDDEN (the demo "
        "password outside demo mode); RATE_LIMITED (too many failed attempts for the account "
        "or address; extensions.retryAfterSeconds says when to retry)"
    )
    async def login(
        self,
        info: Info,
        input: Annotated[LoginInput, strawberry.argument(description="Your credentials")],
    ) -> LoginPayload:
        settings = info.context.settings
        client = getattr(info.context.request, "client", None)  # throttled per address too
        token, user = await auth.login(
            settings, input.username, input.password, address=client.host if client else None
        )
        info.context.sign_in(auth.Viewer.of_user(user))
        return LoginPayload(
            token=token,
            user=user,  # type: ignore[arg-type]  # model-backed type
            expires_in_seconds=settings.token_ttl_hours * 3600,
        )

    @strawberry.mutation(
        description="Finish a sign-in with the company account: trade the one-time code the "
        "workbench received from /auth/oidc/callback (in its URL fragment) for a bearer token. "
        "Errors: UNAUTHENTICATED (the code is unknown, used, expired or for the panel, or the "
        "account was deactivated since)"
    )
    async def redeem_sign_on_code(
        self,
        info: Info,
        code: Annotated[
            str, strawberry.argument(description="The one-time code, valid for two minutes")
        ],
    ) -> LoginPayload:
        settings = info.context.settings
        request = info.context.request
        binding = request.cookies.get(sso_accounts.BINDING_COOKIE) if request is not None else None
        user = await sso_accounts.redeem_code(settings, code, "workbench", binding)
        info.context.sign_in(auth.Viewer.of_user(user))
        return LoginPayload(
            token=auth.tokens_for(settings).issue(user.id, user.token_epoch),
            user=user,  # type: ignore[arg-type]  # model-backed type
            expires_in_seconds=settings.token_ttl_hours * 3600,
        )

    @strawberry.mutation(
        description="Revoke every token you were issued (sign out on all devices). Errors: "
        "UNAUTHENTICATED; FORBIDDEN (read-only token)",
        permission_classes=[CanWrite],
    )
    async def sign_out_everywhere(self, info: Info) -> UserType:
        user = await auth.sign_out_everywhere(info.context.require_viewer())
        return user  # type: ignore[return-value]
