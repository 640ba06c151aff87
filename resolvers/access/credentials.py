"""Checking a sign-in's password by where the account comes from.

A local (or imported) account is checked against its argon2 hash; a directory account by
an LDAP bind as that person (its ``password_hash`` is never used, so a password set in
CrossFlow cannot open it); an account from an identity provider has no password here.
"""

from __future__ import annotations

import asyncio

from core import ldap_directory
from core.security import verify_password_off_loop
from core.settings import Settings
from models import User
from models.directory import AccountSource
from resolvers.errors import DomainError
from resolvers.people.directory_values import effective


class DirectoryUnavailable(DomainError):
    """The directory that checks this account's password cannot be reached."""

    code = "DIRECTORY_UNAVAILABLE"


async def password_matches(settings: Settings, user: User, password: str) -> bool:
    """Whether ``password`` is the account's password, asked of the account's source."""
    source = AccountSource(user.source)
    if source is AccountSource.LDAP:
        settings = await effective(settings)
        if not settings.ldap_url:
            return False
        try:
            key = await asyncio.to_thread(
                ldap_directory.authenticate, settings, user.username, password
            )
        except ldap_directory.DirectoryError as exc:
            raise DirectoryUnavailable(
                "目录服务暂不可用，请稍后再试 (the directory is unavailable, try again later)"
            ) from exc
        # The directory's person must be this account's, not a namesake created since.
        return key is not None and key == user.external_id
    if source is AccountSource.OIDC:
        return False
    return await verify_password_off_loop(user.password_hash, password)
