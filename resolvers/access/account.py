"""The signed-in person's own account: their password and their language.

Changing the password raises the token epoch, so every other session (another browser,
a stolen token) is signed out; the caller gets a fresh token to carry on with.
"""

from __future__ import annotations

from tortoise.expressions import F

from core import realtime
from core.security import hash_password_off_loop, verify_password_off_loop
from core.settings import Settings
from models import User
from models.directory import AccountSource
from resolvers import audit
from resolvers.access.auth import Viewer, tokens_for
from resolvers.access.sign_in_guard import guard_for
from resolvers.errors import BadUserInput, Forbidden
from resolvers.people.accounts import PASSWORD_MAX, PASSWORD_MIN, check_password

__all__ = ["LANGUAGES", "PASSWORD_MAX", "PASSWORD_MIN", "change_password", "set_language"]
#: Languages the workbench and the API's messages are written in.
LANGUAGES = ("zh", "en")


def _person(viewer: Viewer) -> int:
    if viewer.user_id is None:
        raise Forbidden("API令牌没有个人账户 (an API token has no personal account)")
    return viewer.user_id


async def change_password(
    settings: Settings, viewer: Viewer, current: str, new: str
) -> tuple[str, User]:
    """Replace the password after checking the current one; other sessions end.

    Wrong current passwords count as failed sign-ins of the account (throttled, then
    locked, ``RATE_LIMITED``), shared with ``login`` and the panel.

    A directory or identity-provider account has no password here to change: it signs in
    with the company's, which is changed there.
    """
    user = await User.get(id=_person(viewer))
    if user.source in (AccountSource.LDAP, AccountSource.OIDC):
        raise Forbidden(
            "该账号的密码由企业目录或身份提供方管理 "
            "(this account's password is kept by the company directory or identity provider)"
        )
    # The current password is guessed against the sign-in's own count for the account:
    # else a stolen session could try passwords here without limit and learn the real one.
    guard = guard_for(settings)
    await guard.check(user.username, None)
    if not await verify_password_off_loop(user.password_hash, current):
        await guard.failed(user.username, None, via="change_password")
        raise BadUserInput(
            "当前密码不正确 (the current password is wrong)", field="currentPassword"
        )
    await guard.succeeded(user.username)
    check_password(new, field="newPassword", current=current)  # the rule of every door
    await User.filter(id=user.id).update(
        password_hash=await hash_password_off_loop(new), token_epoch=F("token_epoch") + 1
    )
    await user.refresh_from_db()
    await audit.record(viewer, "user.change_password", "User", user.id)
    await realtime.hub().viewer_changed(user.id)  # every replica; open sockets: 4401
    return tokens_for(settings).issue(user.id, user.token_epoch), user


async def set_language(viewer: Viewer, language: str) -> User:
    """The language of the person's screens and messages: ``zh`` or ``en``."""
    if language not in LANGUAGES:
        raise BadUserInput(
            f"语言应为 {' / '.join(LANGUAGES)} (language must be one of {', '.join(LANGUAGES)})",
            field="language",
        )
    user = await User.get(id=_person(viewer))
    if user.language != language:
        before = user.language
        user.language = language
        await user.save(update_fields=["language", "updated_at"])
        await audit.record(
            viewer,
            "user.set_language",
            "User",
            user.id,
            before={"language": before},
            after={"language": language},
        )
    return user
