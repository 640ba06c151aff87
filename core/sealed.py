"""Secrets the administrator types into the panel, kept sealed in the database.

A directory's bind password saved in the panel would otherwise sit in plain text in every
database backup and every replica. It is sealed with Fernet (AES-128-CBC + HMAC-SHA256,
from ``cryptography``) under a key derived from the server's signing key (HKDF-SHA256 with
its own label, so the derived key is useless as a token-signing key and vice versa).
Replicas share the signing key, so each can open what another sealed. When the signing key
changes, old seals no longer open: :func:`unseal` answers ``None`` and the administrator
types the password again (the panel then shows it as not set).
"""

from __future__ import annotations

import base64
import logging

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from core.settings import Settings

log = logging.getLogger(__name__)

#: The prefix of a sealed value: a stored value without it is refused, never used as is.
PREFIX = "sealed:v1:"
_LABEL = b"crossflow sealed settings v1"


def _fernet(settings: Settings) -> Fernet:
    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_LABEL).derive(
        settings.signing_key.encode("utf-8")
    )
    return Fernet(base64.urlsafe_b64encode(key))


def seal(settings: Settings, plaintext: str) -> str:
    """``plaintext`` sealed for storage."""
    return PREFIX + _fernet(settings).encrypt(plaintext.encode("utf-8")).decode("ascii")


def unseal(settings: Settings, stored: str) -> str | None:
    """What :func:`seal` sealed, or ``None`` if it cannot be opened with this key."""
    if not stored.startswith(PREFIX):
        return None
    try:
        return _fernet(settings).decrypt(stored[len(PREFIX) :].encode("ascii")).decode("utf-8")
    except (InvalidToken, ValueError):
        log.warning("a sealed setting no longer opens (the signing key changed?); set it again")
        return None
