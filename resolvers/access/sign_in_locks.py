"""Unlocking sign-in (解除登录锁定): the administrator, in the panel or at the command line.

A lock otherwise ends by itself ``CROSSFLOW_SIGN_IN_LOCK_MINUTES`` after the last failure.
Unlocking forgets the failures counted for the account (or for a client address), on
every replica when the counts are in Redis, and is audited even when nothing was locked,
so the log shows who looked.
"""

from __future__ import annotations

from models import User
from resolvers import audit
from resolvers.access import policy
from resolvers.access.auth import Viewer
from resolvers.access.sign_in_guard import SignInGuard, account_key, address_key
from resolvers.errors import BadUserInput


async def unlock_sign_in(
    actor: Viewer | None,
    guard: SignInGuard,
    *,
    username: str | None = None,
    address: str | None = None,
    via: str = "admin",
) -> bool:
    """Forget the failed sign-ins of an account or an address; whether any were counted.

    ``actor`` None is the operator at the command line (as for ``create-token``).
    """
    if actor is not None:
        policy.require_writer(actor)
        policy.require_admin(actor)
    if bool(username) == bool(address):
        raise BadUserInput(
            "请指定一个用户或一个地址 (name one user or one address)", field="username"
        )
    user = None
    if username:
        user = await User.get_or_none(username=username.strip())
        if user is None:
            raise BadUserInput("用户不存在 (no such user)", field="username")
        key = account_key(user.username)
    else:
        key = address_key(str(address).strip())
    cleared = await guard.store.clear(key)
    await audit.record(
        actor,
        "sign_in.unlocked",
        "User" if user is not None else "SignIn",
        user.id if user is not None else None,
        subject_code=key[:40],
        note=key,
        after={"hadFailures": cleared},
        via=via,
    )
    return cleared
