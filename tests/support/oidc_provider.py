"""A real OpenID provider (panva's oidc-provider 9.13.3 on Node) on a loopback port.

As verified in ../shared/sign-on (NOTES.md): ``tests/oidc_idp/idp.mjs`` with its pinned
``node_modules`` beside it (ESM ignores NODE_PATH; ``npm ci`` there, as ``.ci/run`` does),
ready in about half a second, started and stopped by its own pid. Its dev interactions
sign in any configured account with any password. Without Node or the package the tests
skip, unless ``CROSSFLOW_REQUIRE_SERVICES=1`` (CI) makes that an error.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest

from core.settings import Settings
from tests.e2e.processes import free_port

FOLDER = Path(__file__).resolve().parents[1] / "oidc_idp"
CLIENT_ID = "crossflow"
CLIENT_SECRET = "crossflow-test-secret"
#: The people the provider knows: market and finance match the demo's department codes,
#: 王小明's "unknown-unit" matches none.
ACCOUNTS: dict[str, dict[str, Any]] = {
    "chenjing": {"name": "陈静", "email": "chenjing@corp.test", "department": "market"},
    "zhoulei": {"name": "周磊", "email": "zhoulei@corp.test", "department": "财务部"},
    "wangxm": {"name": "王小明", "email": "wangxm@corp.test", "department": "unknown-unit"},
    "admin": {"name": "管理员", "email": "admin@corp.test", "department": "market"},
    #: Claims the demo's market_staff's address, unverified.
    "mallory": {
        "name": "马洛",
        "email": "market_staff@crossflow.example",
        "email_verified": False,
        "department": "market",
    },
}


def _unavailable(reason: str) -> None:
    if os.environ.get("CROSSFLOW_REQUIRE_SERVICES") == "1":
        pytest.fail(f"the OpenID provider is required but {reason}")
    pytest.skip(reason)


@contextmanager
def oidc_provider(redirect_bases: list[str], log_path: Path) -> Iterator[str]:
    """The provider's issuer URL while the block runs; it accepts each base's callback."""
    node = shutil.which("node")
    if node is None:
        _unavailable("node is not installed")
    if not (FOLDER / "node_modules" / "oidc-provider").is_dir():
        _unavailable("oidc-provider is not installed (npm ci in tests/oidc_idp)")
    port = free_port()
    issuer = f"http://127.0.0.1:{port}"
    env = {
        **os.environ,
        "IDP_PORT": str(port),
        "IDP_ACCOUNTS": json.dumps(ACCOUNTS),
        "RP_REDIRECTS": ",".join(f"{base}/auth/oidc/callback" for base in redirect_bases),
        "RP_LOGOUT_REDIRECTS": ",".join(f"{base}/" for base in redirect_bases),
    }
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [str(node), "idp.mjs"], cwd=FOLDER, env=env, stdout=log, stderr=subprocess.STDOUT
        )
        try:
            deadline = time.monotonic() + 20
            while True:
                try:
                    httpx.get(f"{issuer}/.well-known/openid-configuration", timeout=1)
                    break
                except httpx.HTTPError:
                    if process.poll() is not None or time.monotonic() > deadline:
                        raise AssertionError(log_path.read_text(errors="replace")) from None
                    time.sleep(0.05)
            yield issuer
        finally:
            process.terminate()
            process.wait(timeout=10)


def sso_settings(settings: Settings, issuer: str, **changes: Any) -> Settings:
    """``settings`` connected to the test provider."""
    return settings.model_copy(
        update={
            "oidc_issuer": issuer,
            "oidc_client_id": CLIENT_ID,
            "oidc_client_secret": CLIENT_SECRET,
            "oidc_scopes": "openid profile email department",
            **changes,
        }
    )
