"""The key that signs bearer tokens and panel cookies: never a published one outside the demo.

Whoever knows the key can sign a token for any user, the administrator included, so a
server that is not in demo mode refuses the development key printed in the source. When
``CROSSFLOW_SECRET_KEY`` is unset, a random key is generated once into
``<data_dir>/secret_key`` (mode 0600) and read on later starts: every replica sharing the
data folder (which they must, for the uploaded files) signs with the same key, and a
restart does not sign everyone out. Demo mode keeps the published key on purpose (its
accounts and password are published too) and says so at start.
"""

from __future__ import annotations

import logging
import os
import secrets
import tempfile
from pathlib import Path

from core.settings import DEFAULT_SECRET_KEY, Settings

log = logging.getLogger(__name__)

KEY_FILE = "secret_key"
#: Keys anybody can read: the development key of the source and the documentation.
KNOWN_KEYS = frozenset({DEFAULT_SECRET_KEY})
MIN_LENGTH = 32


def key_file(settings: Settings) -> Path:
    return settings.data_dir / KEY_FILE


def resolve(settings: Settings) -> Settings:
    """Settings whose ``secret_key`` is set, or ``RuntimeError`` with what to do about it."""
    key = settings.secret_key
    if key is not None:
        if key in KNOWN_KEYS and not settings.is_demo:
            raise RuntimeError(
                f"CROSSFLOW_SECRET_KEY is the published development key: {settings.mode.value}"
                " mode refuses it (anyone could sign in as anyone). Set a private value, e.g."
                " python3 -c 'import secrets; print(secrets.token_urlsafe(32))', or unset it"
                f" to use a key generated into {key_file(settings)}"
            )
        return settings
    if settings.is_demo:
        log.warning(
            "demo mode signs tokens with the PUBLIC demo key: anyone can sign in as anyone;"
            " keep the demo on this machine (127.0.0.1)"
        )
        return settings.model_copy(update={"secret_key": DEFAULT_SECRET_KEY})
    path = key_file(settings)
    created = _create_once(path)
    key = path.read_text(encoding="utf-8").strip()
    if len(key) < MIN_LENGTH or key in KNOWN_KEYS:
        raise RuntimeError(
            f"{path} holds no usable secret key (at least {MIN_LENGTH} private characters):"
            " delete it to have one generated, or set CROSSFLOW_SECRET_KEY"
        )
    log.warning(
        "CROSSFLOW_SECRET_KEY is not set: signing with the key %s %s (replicas must share"
        " this data folder or set CROSSFLOW_SECRET_KEY)",
        "generated into" if created else "read from",
        path,
    )
    return settings.model_copy(update={"secret_key": key})


def _create_once(path: Path) -> bool:
    """Write a random key to ``path`` unless it exists; whether this call created it.

    The key is written to a private temporary file first and linked into place, so two
    processes starting together never read a half-written file and only one key wins.
    """
    if path.exists():
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=".secret_key.")  # 0600
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(secrets.token_urlsafe(48) + "\n")
        try:
            os.link(temporary, path)
        except FileExistsError:
            return False
        return True
    finally:
        os.unlink(temporary)
