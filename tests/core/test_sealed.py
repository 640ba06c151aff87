"""Secrets typed into the panel are stored sealed under a key derived from the signing key."""

from __future__ import annotations

from pathlib import Path

from core.sealed import seal, unseal
from core.settings import Mode, Settings


def _settings(tmp_path: Path, key: str) -> Settings:
    return Settings(
        mode=Mode.DEVELOPMENT,
        data_dir=tmp_path,
        secret_key=key,
        _env_file=None,  # type: ignore[call-arg]
    )


def test_a_sealed_value_opens_with_the_same_key_only(tmp_path: Path) -> None:
    # given a bind password sealed under one server key
    ours = _settings(tmp_path, "k" * 43)
    sealed = seal(ours, "LdapBind!密码")
    # then the stored text does not hold it, and a replica with the same key opens it
    assert "LdapBind" not in sealed and sealed.startswith("sealed:v1:")
    assert unseal(_settings(tmp_path, "k" * 43), sealed) == "LdapBind!密码"
    # when the signing key changed, or the value was stored unsealed or tampered with
    assert unseal(_settings(tmp_path, "x" * 43), sealed) is None
    assert unseal(ours, "LdapBind!密码") is None
    assert unseal(ours, sealed[:-4] + "AAAA") is None
