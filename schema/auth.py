"""Signing in (``login``) and asking who is signed in (``viewer``)."""

from __future__ import annotations

import strawberry

from resolvers import auth
from schema.base import Info, load_one
from schema.permissions import CanWrite
from schema.users import UserType


@strawberry.input(description="A username and password")
class LoginInput:
    username: str
    password: str


@strawberry.type(description="A bearer token for the Authorization header, and its user")
class LoginPayload:
    token: str
    user: UserType
    expires_in_seconds: int


@strawberry.type
class AuthQueries:
    @strawberry.field(description="The signed-in user, or null when nobody is signed in")
    async def viewer(self, info: Info) -> UserType | None:
        viewer = info.context.viewer
        if viewer is None or viewer.user_id is None:
            return None
        return await load_one(info, UserType.model, viewer.user_id)


@strawberry.type
class AuthMutations:
    @strawberry.mutation(description="Sign in; send the token as `Authorization: Bearer <token>`")
    async def login(self, info: Info, input: LoginInput) -> LoginPayload:
        settings = info.context.settings
        token, user = await auth.login(settings, input.username, input.password)
        info.context.sign_in(auth.Viewer.of_user(user))
        return LoginPayload(
            token=token,
            user=user,  # type: ignore[arg-type]  # model-backed type
            expires_in_seconds=settings.token_ttl_hours * 3600,
        )

    @strawberry.mutation(
        description="Revoke every token you were issued (sign out on all devices)",
        permission_classes=[CanWrite],
    )
    async def sign_out_everywhere(self, info: Info) -> UserType:
        return await auth.sign_out_everywhere(info.context.require_viewer())  # type: ignore[return-value]
