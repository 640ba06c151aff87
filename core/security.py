"""Credentials: argon2 password hashes, signed bearer tokens, hashed API tokens.

Generic cryptography comes from libraries (argon2-cffi, itsdangerous, hashlib); this module
only fixes the parameters and the token formats CrossFlow uses.
"""

from __future__ import annotations

import asyncio
import hashlib
import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TypeVar

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

#: OWASP's argon2id configuration of 19 MiB, 2 passes, 1 lane (Password Storage Cheat Sheet),
#: equal in strength to its 46 MiB/1 pass and 64 MiB-class options. Each check holds its
#: memory while it runs, and a server's peak RSS is its idle size plus that times the checks
#: running at once: with RFC 9106's 64 MiB, one sign-in lifted a 152 MB server to 218 MB
#: (docs/decisions.md, "Password hashing parameters"). Hashes made with other parameters
#: are rehashed at the next sign-in (``needs_rehash``).
_hasher = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)
#: Checks running at once in a process (in threads, off the event loop): bounds the memory
#: a burst of sign-ins can take, and keeps cores for the requests being served meanwhile.
#: (A thread semaphore, not asyncio's: it is bound to no event loop.)
_checks = threading.BoundedSemaphore(2)

T = TypeVar("T")

API_TOKEN_PREFIX = "cft_"


def hash_password(password: str) -> str:
    """An argon2id hash of the password, salted."""
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    """Whether the password matches; a malformed stored hash never matches."""
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def _bounded(work: Callable[..., T], *args: str) -> T:
    with _checks:
        return work(*args)


async def hash_password_off_loop(password: str) -> str:
    """:func:`hash_password` in a thread, so other requests go on while it runs."""
    return await asyncio.to_thread(_bounded, hash_password, password)


async def verify_password_off_loop(password_hash: str, password: str) -> bool:
    """:func:`verify_password` in a thread (a check takes tens of milliseconds of CPU)."""
    return await asyncio.to_thread(_bounded, verify_password, password_hash, password)


def needs_rehash(password_hash: str) -> bool:
    """Whether the hash was made with other parameters than today's (it is rehashed)."""
    try:
        return _hasher.check_needs_rehash(password_hash)
    except InvalidHashError:
        return True


@dataclass(frozen=True, slots=True)
class BearerClaims:
    """What a bearer token says: whose it is and which sign-in epoch it belongs to."""

    user_id: int
    epoch: int


#: Checked bearer tokens a process remembers (most recently used kept).
CHECKED_TOKENS = 4096


class BearerTokens:
    """Signs and checks bearer tokens with the secret key; tokens expire after ``ttl_seconds``.

    Raising the user's ``token_epoch`` revokes every token issued before.
    """

    def __init__(self, secret_key: str, ttl_seconds: int) -> None:
        self._serializer = URLSafeTimedSerializer(secret_key, salt="crossflow.bearer")
        self._ttl_seconds = ttl_seconds
        #: Tokens whose signature was checked, with their claims and signing time. The
        #: check (a key derivation and an HMAC) was a tenth of a compiled request's CPU;
        #: the same text always checks the same, so only the age is looked at again.
        self._checked: OrderedDict[str, tuple[BearerClaims, float]] = OrderedDict()

    def issue(self, user_id: int, epoch: int) -> str:
        return self._serializer.dumps({"u": user_id, "e": epoch})

    def read(self, token: str) -> BearerClaims | None:
        """The claims of a valid, unexpired token; ``None`` for anything else."""
        checked = self._checked.get(token)
        if checked is not None:
            claims, signed_at = checked
            age = time.time() - signed_at
            if 0 <= age <= self._ttl_seconds:
                self._checked.move_to_end(token)
                return claims
            del self._checked[token]
        try:
            data, signed = self._serializer.loads(
                token, max_age=self._ttl_seconds, return_timestamp=True
            )
        except (SignatureExpired, BadSignature):
            return None
        if not isinstance(data, dict):
            return None
        user_id, epoch = data.get("u"), data.get("e")
        if not isinstance(user_id, int) or not isinstance(epoch, int):
            return None
        claims = BearerClaims(user_id=user_id, epoch=epoch)
        self._checked[token] = (claims, signed.timestamp())
        if len(self._checked) > CHECKED_TOKENS:
            self._checked.popitem(last=False)
        return claims

    def expires_at(self, token: str) -> datetime | None:
        """When a valid token stops being accepted (an open websocket closes then)."""
        try:
            _, signed_at = self._serializer.loads(
                token, max_age=self._ttl_seconds, return_timestamp=True
            )
        except (SignatureExpired, BadSignature):
            return None
        return signed_at + timedelta(seconds=self._ttl_seconds)


def new_api_token() -> str:
    """A fresh API token, shown once to its creator: ``cft_`` and 40 URL-safe characters."""
    return API_TOKEN_PREFIX + secrets.token_urlsafe(30)


def hash_api_token(token: str) -> str:
    """The stored form of an API token (SHA-256: tokens are long and random, no salt needed)."""
    return hashlib.sha256(token.encode()).hexdigest()


def is_api_token(token: str) -> bool:
    return token.startswith(API_TOKEN_PREFIX)
