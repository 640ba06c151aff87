"""API tokens for BI tools and service accounts: issued by the admin, shown once, stored hashed.

The secret exists in clear only in the return value of :func:`issue_api_token`; the table
keeps its SHA-256 and a short prefix to recognise it in lists. A token reads with its
role and never writes, whatever the role or the person it is bound to (every mutation is
refused by ``schema/read_only_tokens``, the use cases by ``policy.require_writer``); only
the roles that read are offered, so a leaked token never changes anything.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from tortoise.transactions import in_transaction

from core import clock, realtime
from core.security import hash_api_token, new_api_token
from models import ApiToken, User
from models.enums import Role
from resolvers import audit
from resolvers.access import policy
from resolvers.access.auth import Viewer
from resolvers.errors import BadUserInput, NotFound

#: Roles a token may carry: reading ones (BI reads reports, EXECUTIVE reads everything).
TOKEN_ROLES = (Role.BI, Role.EXECUTIVE)
#: Characters of the token kept in clear for display (``cft_`` and eight more).
PREFIX_LENGTH = 12
NAME_LIMIT = 128


@dataclass(frozen=True)
class IssuedToken:
    """A new token: ``secret`` is shown to its creator once and never stored."""

    secret: str
    record: ApiToken


async def issue_api_token(
    viewer: Viewer,
    *,
    name: str,
    role: Role = Role.BI,
    user_id: int | None = None,
    expires_at: datetime | None = None,
    via: str = "api",
) -> IssuedToken:
    """The admin issues a token; the audit entry names it by its prefix, never its secret."""
    policy.require_writer(viewer)
    policy.require_admin(viewer)
    return await create_api_token(
        viewer, name=name, role=role, user_id=user_id, expires_at=expires_at, via=via
    )


async def create_api_token(
    actor: Viewer | None,
    *,
    name: str,
    role: Role = Role.BI,
    user_id: int | None = None,
    expires_at: datetime | None = None,
    via: str = "api",
) -> IssuedToken:
    """Validate and store a token; ``actor`` None is the operator at the command line."""
    name = name.strip()
    if not name or len(name) > NAME_LIMIT:
        raise BadUserInput(
            f"请填写令牌名称（最多{NAME_LIMIT}字）(name is required, at most {NAME_LIMIT})",
            field="name",
        )
    if role not in TOKEN_ROLES:
        raise BadUserInput(
            "令牌只能是只读角色 (a token may only read: BI or EXECUTIVE)", field="role"
        )
    if expires_at is not None and (expires_at.tzinfo is None or expires_at <= clock.now()):
        raise BadUserInput(
            "过期时间须晚于现在 (expiresAt must be in the future)", field="expiresAt"
        )
    if user_id is not None and not await User.filter(id=user_id, is_active=True).exists():
        raise BadUserInput("用户不存在 (no such user)", field="userId")
    secret = new_api_token()
    async with in_transaction() as conn:
        record = await ApiToken.create(
            name=name,
            token_hash=hash_api_token(secret),
            prefix=secret[:PREFIX_LENGTH],
            role=role,
            user_id=user_id,
            created_by_id=actor.user_id if actor else None,
            expires_at=expires_at,
            using_db=conn,
        )
        await audit.record(
            actor,
            "api_token.issue",
            "ApiToken",
            record.id,
            subject_code=record.prefix,
            after={
                "name": name,
                "prefix": record.prefix,
                "role": role.value,
                "userId": user_id,
                "expiresAt": expires_at.isoformat() if expires_at else None,
            },
            via=via,
            using_db=conn,
        )
    return IssuedToken(secret=secret, record=record)


async def revoke_api_token(viewer: Viewer, token_id: int, *, via: str = "api") -> ApiToken:
    """Revoke a token from now on; revoking a revoked token changes nothing."""
    policy.require_writer(viewer)
    policy.require_admin(viewer)
    async with in_transaction() as conn:
        record = await ApiToken.filter(id=token_id).using_db(conn).select_for_update().first()
        if record is None:
            raise NotFound("令牌不存在 (no such token)")
        if record.revoked_at is not None:
            return record
        record.revoked_at = clock.now()
        await record.save(using_db=conn, update_fields=["revoked_at", "updated_at"])
        await audit.record(
            viewer,
            "api_token.revoke",
            "ApiToken",
            record.id,
            subject_code=record.prefix,
            before={"revokedAt": None},
            after={"revokedAt": record.revoked_at.isoformat()},
            via=via,
            using_db=conn,
        )
    await realtime.hub().api_token_changed(record.id)  # refused at once on every replica
    if record.user_id is not None:  # its open websockets close (4401)
        await realtime.hub().viewer_changed(record.user_id)
    return record
