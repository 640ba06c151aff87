"""The signed-in person's own account: ``changePassword`` and ``setLanguage``."""

from __future__ import annotations

from typing import Annotated

import strawberry

from resolvers.access import account
from schema.access.auth import LoginPayload
from schema.access.permissions import CanWrite
from schema.base import Info
from schema.people.users import UserType


@strawberry.input(description="Your current password and the new one")
class ChangePasswordInput:
    current_password: str = strawberry.field(description="The password you sign in with now")
    new_password: str = strawberry.field(
        description=f"The new password: {account.PASSWORD_MIN} to {account.PASSWORD_MAX} characters"
    )


@strawberry.type
class AccountMutations:
    @strawberry.mutation(
        description=(
            "Change your password; every other session is signed out and a new token returned."
            " Errors: UNAUTHENTICATED; FORBIDDEN (an API token); BAD_USER_INPUT (current"
            " password wrong, new one too short, too long or not new)"
        ),
        permission_classes=[CanWrite],
    )
    async def change_password(
        self,
        info: Info,
        input: Annotated[
            ChangePasswordInput, strawberry.argument(description="The current and new password")
        ],
    ) -> LoginPayload:
        settings = info.context.settings
        token, user = await account.change_password(
            settings, info.context.require_viewer(), input.current_password, input.new_password
        )
        return LoginPayload(
            token=token,
            user=user,  # type: ignore[arg-type]  # model-backed type
            expires_in_seconds=settings.token_ttl_hours * 3600,
        )

    @strawberry.mutation(
        description="The language of your screens and notifications: zh (简体中文) or en. "
        "Errors: UNAUTHENTICATED; FORBIDDEN (an API token); BAD_USER_INPUT (another value)",
        permission_classes=[CanWrite],
    )
    async def set_language(
        self,
        info: Info,
        language: Annotated[str, strawberry.argument(description="zh or en")],
    ) -> UserType:
        return await account.set_language(info.context.require_viewer(), language)  # type: ignore[return-value]
