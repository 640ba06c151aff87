"""Credentials: argon2 password hashes, signed bearer tokens, hashed API tokens.

Generic cryptography comes from libraries (argon2-cffi, itsdangerous, hashlib); this module
only fixes the parameters and the token formats CrossFlow uses.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

#: RFC 9106's second recommended option (64 MiB, 3 passes), the library's defaults as named.
_hasher = PasswordHasher(time_cost=3, memory_cost=64 * 1024, parallelism=4)

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


def needs_rehash(password_hash: str) -> bool:
    """Whether the hash was made with weaker parameters than today's."""
    try:
        return _hasher.check_needs_rehash(password_hash)
    except InvalidHashError:
        return True


@dataclass(frozen=True, slots=True)
class BearerClaims:
    """What a bearer token says: whose it is and which sign-in epoch it belongs to."""

    user_id: int
    epoch: int


class BearerTokens:
    """Signs and checks bearer tokens with the secret key; tokens expire after ``ttl_seconds``.

    Raising the user's ``token_epoch`` revokes every token issued before.
    """

    def __init__(self, secret_key: str, ttl_seconds: int) -> None:
        self._serializer = URLSafeTimedSerializer(secret_key, salt="crossflow.bearer")
        self._ttl_seconds = ttl_seconds

    def issue(self, user_id: int, epoch: int) -> str:
        return self._serializer.dumps({"u": user_id, "e": epoch})

    def read(self, token: str) -> BearerClaims | None:
        """The claims of a valid, unexpired token; ``None`` for anything else."""
        try:
            data = self._serializer.loads(token, max_age=self._ttl_seconds)
        except (SignatureExpired, BadSignature):
            return None
        if not isinstance(data, dict):
            return None
        user_id, epoch = data.get("u"), data.get("e")
        if not isinstance(user_id, int) or not isinstance(epoch, int):
            return None
        return BearerClaims(user_id=user_id, epoch=epoch)

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
