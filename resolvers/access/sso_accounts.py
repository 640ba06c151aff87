"""The account behind a single sign-on: matched or created from the provider's claims.

Shared by OpenID Connect (``crossflow/oidc.py``) and the Chinese suites' OAuth sign-in
(``resolvers/people/suites``): each turns its provider's answer into :class:`Claims`, and this
module decides who that is. An account already linked to the provider (source ``OIDC``,
its subject as ``external_id``) is that person's. Otherwise an account with the claimed
username or the provider-verified e-mail is linked only if nothing else owns it: a
provider's username claim is only a name, so an administrator (or a break-glass account),
an account of a directory or an import, or one linked to another subject is never taken
over, and the sign-in is refused (``ACCOUNT_CONFLICT``) for an administrator to sort out.
A person nobody knows yet is created just in time, in the department the claims name (by
code, then by name). A person whose claims map to no department, or whose account is
deactivated (by an admin or by the directory), is refused.

The sign-in ends with a one-time code, not a token: the browser carries it for seconds
(in a URL fragment for the workbench, a redirect for the panel) and trades it for a bearer
token or a panel session. Its single use needs no table: the code names the instant
written to the account's ``last_login_at`` at sign-in, and trading it moves that instant
on with a compare-and-set, so a second trade (or a code older than a newer sign-in) finds
nothing to swap.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from core import clock, realtime
from core.settings import Settings
from models import Department, User
from models.directory import AccountSource
from models.enums import Role
from resolvers import audit
from resolvers.errors import DomainError, Unauthenticated

#: Seconds a one-time sign-in code stays valid.
CODE_TTL_SECONDS = 120
#: The browser that finished a sign-in holds this cookie (set by ``crossflow/oidc.py``);
#: its one-time code works only there. Path ``/``: the workbench redeems through
#: ``/graphql``, the panel at ``/admin/sso``.
BINDING_COOKIE = "crossflow_sso_binding"
Purpose = Literal["workbench", "panel"]


class SignOnRefused(DomainError):
    """The provider signed the person in, but CrossFlow will not; ``reason`` says why."""

    code = "SIGN_ON_REFUSED"

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message, reason=reason)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Claims:
    """What a provider says about the person, already mapped to CrossFlow's fields."""

    #: Which provider (``oidc``, ``feishu``, …): named in the audit log.
    provider: str
    subject: str
    username: str
    email: str
    display_name: str
    department: str
    #: The provider says it verified ``email`` (``email_verified: true``): only then may
    #: the address pick an existing account.
    email_verified: bool = False
    #: The username is the provider's own claim, or the local part of a verified address:
    #: a name taken from an address nobody verified may create an account, never link one.
    username_trusted: bool = True


def claims_from(provider: str, raw: dict[str, Any], settings: Settings) -> Claims:
    """Read the configured claims out of a provider's merged ID token and userinfo."""

    def text(name: str) -> str:
        value = raw.get(name) if name else None
        return str(value).strip() if isinstance(value, str | int) else ""

    # An address the provider itself says it has not verified could be anyone's: it is
    # neither matched against accounts nor stored.
    email = "" if raw.get("email_verified") is False else text(settings.oidc_claim_email)
    claimed = text(settings.oidc_claim_username)
    verified = bool(email) and raw.get("email_verified") is True
    username = claimed or email.split("@", 1)[0]
    return Claims(
        provider=provider,
        subject=text("sub"),
        username=username[:64],
        email=email[:254],
        display_name=(text(settings.oidc_claim_display_name) or username)[:64],
        department=text(settings.oidc_claim_department),
        email_verified=verified,
        username_trusted=bool(claimed) or verified,
    )


async def _department(claims: Claims) -> Department:
    if claims.department:
        found = await Department.get_or_none(code=claims.department, is_active=True)
        found = found or await Department.filter(name=claims.department, is_active=True).first()
        if found is not None:
            return found
    raise SignOnRefused(
        "NO_DEPARTMENT",
        "你的企业账号未对应任何部门，请联系管理员 "
        "(your company account maps to no department; ask an administrator)",
    )


async def _matching(claims: Claims) -> User | None:
    """The account linked to the provider's subject, else one named by username or e-mail."""
    linked = await User.get_or_none(source=AccountSource.OIDC, external_id=claims.subject)
    if linked is not None:
        return linked
    query = Q(username=claims.username)
    if claims.email and claims.email_verified:
        query |= Q(email=claims.email)
    return await User.filter(query).order_by("id").first()


def _linkable(settings: Settings, user: User) -> bool:
    """Whether an account not yet linked to this subject may become its account.

    Only a plain local account, or a provider account that has no subject yet: never an
    administrator nor a break-glass name (a provider account called "admin" would open
    the panel), nor an account that a directory, an import or another subject owns.
    """
    if user.role == Role.ADMIN or user.username in settings.break_glass_admins:
        return False
    if user.source == AccountSource.OIDC:
        return user.external_id is None
    return user.source == AccountSource.LOCAL


async def _link(user: User, claims: Claims) -> None:
    """Tie ``user`` to the provider's subject (audited): later sign-ins match by it alone."""
    before = {"source": str(user.source), "external_id": user.external_id}
    user.source, user.external_id = AccountSource.OIDC, claims.subject
    after = {"source": str(user.source), "external_id": user.external_id}
    note = f"linked at the first sign-in through {claims.provider}"
    await _save_audited(user, ["source", "external_id"], before, after, note, claims.provider)


async def _save_audited(
    user: User,
    fields: list[str],
    before: dict[str, Any],
    after: dict[str, Any],
    note: str,
    provider: str,
) -> None:
    """Save what a sign-on changed on ``user`` with its audit entry, in one transaction."""
    async with in_transaction() as connection:
        await user.save(update_fields=fields, using_db=connection)
        await audit.record(
            None,
            "user.update",
            "User",
            user.id,
            subject_code=user.username,
            before=before,
            after=after,
            note=note,
            via=provider,
            using_db=connection,
        )
    await realtime.hub().viewer_changed(user.id)  # a new department: every replica's cache


async def sign_on(settings: Settings, claims: Claims) -> User:
    """The active account for ``claims``: found (kept in step with them) or created."""
    if not claims.subject or not claims.username:
        raise SignOnRefused(
            "INCOMPLETE_CLAIMS",
            "身份提供方未返回用户名 (the identity provider sent no username)",
        )
    user = await _matching(claims)
    if user is not None and not user.is_active:
        raise SignOnRefused(
            "DEACTIVATED",
            "你的账号已停用，请联系管理员 (your account is deactivated; ask an administrator)",
        )
    if user is not None and not (
        user.source == AccountSource.OIDC and user.external_id == claims.subject
    ):
        if not (claims.username_trusted and _linkable(settings, user)):
            raise SignOnRefused(
                "ACCOUNT_CONFLICT",
                "同名账号已存在且未关联你的企业账号，请联系管理员 (an account with this name "
                "exists and is not linked to your company account; ask an administrator)",
            )
        await _link(user, claims)
    via = claims.provider
    if user is None:
        department = await _department(claims)
        async with in_transaction() as connection:
            user = await User.create(
                username=claims.username,
                display_name=claims.display_name,
                email=claims.email,
                department=department,
                role=Role.EMPLOYEE,
                password_hash="",  # no password: an invalid hash never matches
                source=AccountSource.OIDC,
                external_id=claims.subject,
                using_db=connection,
            )
            await audit.record(
                None,
                "user.create",
                "User",
                user.id,
                subject_code=user.username,
                after=_fields(user, department.code),
                note=f"created at the first sign-in through {via}",
                via=via,
                using_db=connection,
            )
        return user
    await _follow_claims(user, claims)
    return user


def _fields(user: User, department_code: str | None) -> dict[str, Any]:
    return {
        "username": user.username,
        "display_name": user.display_name,
        "email": user.email,
        "department": department_code,
    }


async def _follow_claims(user: User, claims: Claims) -> None:
    """An account the provider owns takes its name, e-mail and department from it.

    A provider whose sign-in names no department (a suite's user_info) leaves the one its
    organisation sync set.
    """
    await user.fetch_related("department")
    department = await _department(claims) if claims.department else user.department
    before = _fields(user, user.department.code if user.department else None)
    user.display_name = claims.display_name
    user.email = claims.email
    user.department = department
    after = _fields(user, department.code if department else None)
    if before == after:
        return
    note = f"changed at sign-in through {claims.provider}"
    fields = ["display_name", "email", "department_id"]
    await _save_audited(user, fields, before, after, note, claims.provider)


def _serializer(settings: Settings) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(settings.signing_key, salt="crossflow.sign-on-code")


def _binding_digest(binding: str) -> str:
    return hashlib.sha256(binding.encode("utf-8")).hexdigest()


async def issue_code(
    settings: Settings, user: User, purpose: Purpose, via: str, binding: str
) -> str:
    """Record the sign-in and return the one-time code that completes it for ``purpose``.

    The code only works in the browser that finished the provider's flow: ``binding`` is a
    random value set there as a cookie (``crossflow/oidc.py``), and the code carries its
    digest. Without it, an attacker's own code in a link (``/#sso_code=…``) would sign the
    victim into the attacker's account (login CSRF).
    """
    stamp = clock.now()
    await User.filter(id=user.id).update(last_login_at=stamp)
    await audit.record(
        None, "user.sign_on", "User", user.id, subject_code=user.username, note=purpose, via=via
    )
    return _serializer(settings).dumps(
        {
            "u": user.id,
            "t": stamp.isoformat(),
            "p": purpose,
            "v": via,
            "b": _binding_digest(binding),
        }
    )


async def redeem_code(settings: Settings, code: str, purpose: Purpose, binding: str | None) -> User:
    """The account a fresh, unused code for ``purpose`` signs in, in the browser it was
    issued to (``binding``: the cookie :func:`issue_code` was given); it is used up."""
    refused = Unauthenticated("登录链接无效或已过期 (the sign-in link is invalid or has expired)")
    try:
        data = _serializer(settings).loads(code, max_age=CODE_TTL_SECONDS)
    except (BadSignature, SignatureExpired):
        raise refused from None
    if not isinstance(data, dict) or data.get("p") != purpose:
        raise refused
    if not binding or not hmac.compare_digest(str(data.get("b")), _binding_digest(binding)):
        raise refused
    try:
        stamp = datetime.fromisoformat(str(data.get("t")))
    except ValueError:
        raise refused from None
    user_id = data.get("u")
    if not isinstance(user_id, int):
        raise refused
    swapped = await User.filter(id=user_id, last_login_at=stamp, is_active=True).update(
        last_login_at=clock.now()
    )
    if swapped != 1:
        raise refused
    return await User.get(id=user_id)
