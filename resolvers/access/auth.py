"""Who is asking: sign-in with a password, and reading bearer or API tokens into a viewer."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache

from tortoise.expressions import F

from core import clock, realtime
from core.access_cache import KnownApiToken, KnownUser
from core.security import (
    BearerTokens,
    hash_api_token,
    hash_password,
    hash_password_off_loop,
    is_api_token,
    needs_rehash,
    verify_password_off_loop,
)
from core.settings import DEMO_PASSWORD, Settings
from models import ApiToken, User
from models.directory import AccountSource
from models.enums import Role
from resolvers import audit
from resolvers.access.credentials import password_matches
from resolvers.access.sign_in_guard import guard_for
from resolvers.errors import DomainError, Forbidden, Unauthenticated

#: An API token's ``last_used_at`` is written at most this often per process.
LAST_USED_EVERY = timedelta(minutes=1)

#: Verified against when the username is unknown, so both failures take the same time.
_DUMMY_HASH = hash_password("crossflow-dummy-password")


@dataclass(frozen=True, slots=True)
class Viewer:
    """The signed-in principal of a request: a person, or an API token acting for a role."""

    user_id: int | None
    role: Role
    department_id: int | None
    username: str
    api_token_id: int | None = None
    #: The requirements this viewer takes part in, when read ahead for the request
    #: (``resolvers.access.scope.with_participation``); ``None``: each query looks them up itself.
    requirement_ids: tuple[int, ...] | None = None
    #: Whether any @mention names this viewer, read ahead with ``requirement_ids`` (in the
    #: same snapshot); ``False`` lets the scope leave out the mention branch, which cannot
    #: admit a row (``resolvers.access.scope._or_mentioned``). ``None``: not read.
    mentioned: bool | None = None

    @property
    def is_admin(self) -> bool:
        return self.role is Role.ADMIN

    @property
    def reads_everything(self) -> bool:
        """ADMIN, EXECUTIVE and BI read every requirement and what hangs off it.

        BI reads like EXECUTIVE because reports are built from these records
        (docs/decisions.md, "What a BI principal reads"); it never writes.
        """
        return self.role in (Role.ADMIN, Role.EXECUTIVE, Role.BI)

    @property
    def is_read_only(self) -> bool:
        """API tokens (whatever their role) and BI principals query but never change anything.

        The GraphQL layer refuses a token's mutations as a whole (``schema/read_only_tokens``);
        this is the same rule for the use cases, which the panel and the CLI call directly.
        """
        return self.api_token_id is not None or self.role is Role.BI

    @classmethod
    def of_user(cls, user: User) -> Viewer:
        return cls(
            user_id=user.id,
            role=Role(user.role),
            department_id=user.department_id,
            username=user.username,
        )


@lru_cache(maxsize=4)
def bearer_tokens(secret_key: str, ttl_seconds: int) -> BearerTokens:
    return BearerTokens(secret_key, ttl_seconds)


def tokens_for(settings: Settings) -> BearerTokens:
    return bearer_tokens(settings.signing_key, settings.token_ttl_hours * 3600)


async def login(
    settings: Settings,
    username: str,
    password: str,
    *,
    address: str | None = None,
    via: str = "api",
) -> tuple[str, User]:
    """Check a username and password and issue a bearer token.

    The published demo password is refused outside demo mode, so a demo database copied
    to production cannot be entered with it. Failed sign-ins are throttled per account
    and per client ``address`` (``resolvers/access/sign_in_guard``): while an attempt must wait,
    it is refused before any password is hashed, the right one included.
    """
    guard = guard_for(settings)
    await guard.check(username, address)
    user = await User.get_or_none(username=username.strip())
    if user is None or not user.is_active:
        await verify_password_off_loop(_DUMMY_HASH, password)
        await guard.failed(username, address, via=via)
        raise Unauthenticated("用户名或密码错误 (wrong username or password)")
    if not await password_matches(settings, user, password):
        await guard.failed(username, address, via=via)
        raise Unauthenticated("用户名或密码错误 (wrong username or password)")
    await guard.succeeded(username)
    _require_local_passwords_allowed(settings, user)
    if password == DEMO_PASSWORD and not settings.is_demo:
        raise Forbidden("演示密码仅限演示模式 (the demo password only works in demo mode)")
    fields = ["last_login_at"]
    user.last_login_at = clock.now()
    if user.source == AccountSource.LOCAL and needs_rehash(user.password_hash):
        user.password_hash = await hash_password_off_loop(password)
        fields.append("password_hash")
    await user.save(update_fields=fields)
    return tokens_for(settings).issue(user.id, user.token_epoch), user


class LocalPasswordDisabled(DomainError):
    """Local passwords are switched off (``CROSSFLOW_LOCAL_PASSWORDS``) for this account."""

    code = "LOCAL_PASSWORD_DISABLED"


def _require_local_passwords_allowed(settings: Settings, user: User) -> None:
    """With local passwords off, only break-glass administrators use one.

    Checked after the password, so the answer tells nothing to someone who does not know
    it. A directory account's bind is the directory's password, not a local one.
    """
    if settings.local_passwords or user.source == AccountSource.LDAP:
        return
    if user.username in settings.break_glass_admins and user.role == Role.ADMIN:
        return
    raise LocalPasswordDisabled(
        "本系统已停用本地密码登录，请使用企业账号登录 "
        "(local passwords are switched off; sign in with the company account)"
    )


async def viewer_from_token(
    settings: Settings, token: str, *, fresh: bool = False
) -> Viewer | None:
    """The viewer a bearer or API token stands for, or ``None`` if it is not valid now.

    A bearer token's signature and age are checked here; whose it is and its epoch come
    from the token's claims, and the user's state from the access cache when this process
    may trust it (``core.access_cache``), else from the database. ``fresh`` always reads
    the database (an open websocket's periodic re-check, for changes nobody announced).
    """
    if is_api_token(token):
        return await _viewer_from_api_token(token, fresh)
    claims = tokens_for(settings).read(token)
    if claims is None:
        return None
    user = await _known_user(claims.user_id, fresh)
    if user is None or not user.is_active or user.token_epoch != claims.epoch:
        return None
    return Viewer(
        user_id=user.user_id,
        role=Role(user.role),
        department_id=user.department_id,
        username=user.username,
    )


async def _known_user(user_id: int, fresh: bool) -> KnownUser | None:
    """The user's sign-in state: cached, or read (and cached unless a change intervened)."""
    cache = realtime.hub().access
    known = None if fresh else cache.user(user_id)
    if known is not None:
        return known
    generation = cache.generation
    user = await User.get_or_none(id=user_id)
    if user is None:
        return None
    known = KnownUser(
        user_id=user.id,
        is_active=user.is_active,
        token_epoch=user.token_epoch,
        role=str(Role(user.role).value),
        department_id=user.department_id,
        username=user.username,
    )
    cache.keep_user(known, generation)
    return known


async def _viewer_from_api_token(token: str, fresh: bool) -> Viewer | None:
    token_hash = hash_api_token(token)
    record = await _known_api_token(token_hash, fresh)
    now = clock.now()
    if record is None or record.revoked:
        return None
    if record.expires_at is not None and record.expires_at <= now:
        return None
    user = await _known_user(record.user_id, fresh) if record.user_id is not None else None
    if record.user_id is not None and (user is None or not user.is_active):
        return None
    await _note_use(record.token_id, token_hash, now)
    return Viewer(
        user_id=user.user_id if user else None,
        role=Role(record.role),
        department_id=user.department_id if user else None,
        username=user.username if user else f"token:{record.prefix}",
        api_token_id=record.token_id,
    )


async def _known_api_token(token_hash: str, fresh: bool) -> KnownApiToken | None:
    cache = realtime.hub().access
    known = None if fresh else cache.api_token(token_hash)
    if known is not None:
        return known
    generation = cache.generation
    record = await ApiToken.get_or_none(token_hash=token_hash)
    if record is None:
        return None
    known = KnownApiToken(
        token_id=record.id,
        role=str(Role(record.role).value),
        user_id=record.user_id,
        expires_at=record.expires_at,
        revoked=record.revoked_at is not None,
        prefix=record.prefix,
    )
    cache.keep_api_token(token_hash, known, generation)
    return known


#: When this process last wrote each API token's ``last_used_at``, by the token's hash (an
#: id names another token once a database is restored or recreated; the hash never does).
_last_use_written: dict[str, datetime] = {}


async def _note_use(token_id: int, token_hash: str, now: datetime) -> None:
    """Record a token's use, at most once per ``LAST_USED_EVERY`` per process.

    ``last_used_at`` tells an admin which tokens are still in use; a minute's precision
    does that, and a write per request would double the statements of every BI read.
    """
    written = _last_use_written.get(token_hash)
    if written is not None and timedelta(0) <= now - written < LAST_USED_EVERY:
        return
    if len(_last_use_written) >= 10_000:
        _last_use_written.clear()
    _last_use_written[token_hash] = now
    await ApiToken.filter(id=token_id).update(last_used_at=now)


async def sign_out_everywhere(viewer: Viewer) -> User:
    """Revoke every bearer token of the viewer (raises their token epoch)."""
    if viewer.user_id is None:
        raise Forbidden("API令牌请由管理员吊销 (API tokens are revoked by an admin)")
    await User.filter(id=viewer.user_id).update(token_epoch=F("token_epoch") + 1)
    user = await User.get(id=viewer.user_id)
    await audit.record(viewer, "user.sign_out_everywhere", "User", user.id)
    await realtime.hub().viewer_changed(user.id)  # every replica; open sockets: 4401
    return user
