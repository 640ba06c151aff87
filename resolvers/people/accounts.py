"""User management (用户管理): creating a local account, setting its password, deactivating it.

One set of use cases for the three doors an account is managed through: the panel's user
view (``admin_ui/views/organisation.py``), the console (``crossflow create-admin``) and the
API (``changePassword`` checks a new password with :func:`check_password`). Each door gets
the same password rule, the same audit entry and the same end of old sessions: a new
password or a deactivation raises the account's token epoch (every bearer token issued
before stops working) and, once committed, the open websockets are told to re-check.

It lives with the people, not with access: access decides who may act (auth, policy,
scope); this module keeps the account records, beside the import and the directory sync
that create and deactivate accounts from the outside.

``actor`` is the admin acting, or ``None`` for the operator at the console (the audit entry
then names no user and says ``via="cli"``).
"""

from __future__ import annotations

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from core import realtime
from core.security import hash_password
from core.settings import DEMO_PASSWORD
from models import User
from models.directory import AccountSource
from models.enums import Role
from resolvers import audit
from resolvers.access import policy
from resolvers.access.auth import Viewer
from resolvers.errors import BadUserInput, NotFound

PASSWORD_MIN = 8
PASSWORD_MAX = 128


def check_password(password: str, *, field: str = "password", current: str | None = None) -> None:
    """The password rule of every door: 8 to 128 characters, not the published demo
    password, and (when the current one is known) not the current one again."""
    if not PASSWORD_MIN <= len(password) <= PASSWORD_MAX:
        raise BadUserInput(
            f"密码至少{PASSWORD_MIN}位，至多{PASSWORD_MAX}位 "
            f"(the password needs {PASSWORD_MIN} to {PASSWORD_MAX} characters)",
            field=field,
        )
    if password == DEMO_PASSWORD or (current is not None and password == current):
        raise BadUserInput(
            "新密码不能与当前密码或演示密码相同 (choose a password you have not used here)",
            field=field,
        )


def take_password(user: User, password: str) -> None:
    """Check ``password`` and put its hash on the row, ending the user's sessions (unsaved:
    the caller saves the row, in its transaction)."""
    check_password(password)
    user.password_hash = hash_password(password)
    user.token_epoch += 1


def _require_admin(actor: Viewer | None) -> None:
    if actor is not None:
        policy.require_admin(actor)


def _via(actor: Viewer | None, via: str | None) -> str:
    return via or ("cli" if actor is None else "api")


async def create_user(
    actor: Viewer | None,
    *,
    username: str,
    display_name: str,
    password: str,
    role: Role = Role.EMPLOYEE,
    department_id: int | None = None,
    via: str | None = None,
) -> User:
    """A new local account with its initial password; a taken username is refused."""
    _require_admin(actor)
    check_password(password)
    if await User.filter(username=username).exists():
        raise BadUserInput("用户名已被使用 (the username is taken)", field="username")
    async with in_transaction() as conn:
        user = await User.create(
            username=username,
            display_name=display_name,
            role=role,
            department_id=department_id,
            password_hash=hash_password(password),
            using_db=conn,
        )
        await audit.record(
            actor,
            "user.create",
            "User",
            user.id,
            subject_code=username[:40],
            after={"username": username, "role": str(role), "department_id": department_id},
            via=_via(actor, via),
            using_db=conn,
        )
    return user


async def set_password(
    actor: Viewer | None, user_id: int, password: str, *, via: str | None = None
) -> User:
    """An admin (or the console) sets someone's password; their sessions end."""
    _require_admin(actor)
    check_password(password)
    async with in_transaction() as conn:
        user = await _local_user(user_id, conn)
        take_password(user, password)
        await user.save(update_fields=["password_hash", "token_epoch", "updated_at"], using_db=conn)
        await audit.record(
            actor,
            "user.set_password",
            "User",
            user.id,
            subject_code=user.username[:40],
            note="sessions ended",
            via=_via(actor, via),
            using_db=conn,
        )
    await realtime.hub().viewer_changed(user.id)
    return user


async def deactivate_user(actor: Viewer | None, user_id: int, *, via: str | None = None) -> User:
    """The account can no longer sign in and its sessions end; its history stays."""
    _require_admin(actor)
    if actor is not None and actor.user_id == user_id:
        raise BadUserInput("不能停用自己的账号 (you cannot deactivate yourself)", field="id")
    async with in_transaction() as conn:
        user = await User.filter(id=user_id).using_db(conn).select_for_update().first()
        if user is None:
            raise NotFound("用户不存在 (no such user)")
        was_active = user.is_active
        user.is_active = False
        user.token_epoch += 1
        await user.save(update_fields=["is_active", "token_epoch", "updated_at"], using_db=conn)
        await audit.record(
            actor,
            "user.deactivate",
            "User",
            user.id,
            subject_code=user.username[:40],
            before={"is_active": was_active},
            after={"is_active": False},
            via=_via(actor, via),
            using_db=conn,
        )
    await realtime.hub().viewer_changed(user.id)
    return user


async def ensure_admin(
    actor: Viewer | None, *, username: str, display_name: str, password: str, via: str = "cli"
) -> tuple[User, bool]:
    """A platform administrator with this password: created, or an existing account made an
    active ADMIN with the new password (its old sessions end). Returns the user and whether
    it was created."""
    _require_admin(actor)
    check_password(password)
    existing = await User.get_or_none(username=username)
    if existing is None:
        user = await create_user(
            actor,
            username=username,
            display_name=display_name,
            password=password,
            role=Role.ADMIN,
            via=via,
        )
        return user, True
    async with in_transaction() as conn:
        user = await _local_user(existing.id, conn)
        before = {"role": str(user.role), "is_active": user.is_active}
        user.display_name = display_name
        user.role = Role.ADMIN
        user.is_active = True
        take_password(user, password)
        await user.save(using_db=conn)
        await audit.record(
            actor,
            "user.ensure_admin",
            "User",
            user.id,
            subject_code=username[:40],
            before=before,
            after={"role": str(Role.ADMIN), "is_active": True},
            note="password set, sessions ended",
            via=via,
            using_db=conn,
        )
    await realtime.hub().viewer_changed(user.id)
    return user, False


async def _local_user(user_id: int, conn: BaseDBAsyncClient) -> User:
    """The account, locked; a directory or identity-provider account has no password here."""
    user = await User.filter(id=user_id).using_db(conn).select_for_update().first()
    if user is None:
        raise NotFound("用户不存在 (no such user)")
    if user.source in (AccountSource.LDAP, AccountSource.OIDC):
        raise BadUserInput(
            "该账号的密码由企业目录或身份提供方管理 "
            "(this account's password is kept by the company directory or identity provider)",
            field="password",
        )
    return user
