"""``crossflow create-token``: a BI token printed once, stored only as its hash."""

from __future__ import annotations

from pathlib import Path

from core import db
from core.security import hash_api_token
from core.settings import Settings
from models import ApiToken, AuditEntry
from models.enums import Role
from resolvers.access.auth import viewer_from_token
from tests.crossflow.test_cli import crossflow


async def test_create_token_prints_a_bi_token_once_and_stores_its_hash(tmp_path: Path) -> None:
    assert crossflow("migrate", cwd=tmp_path).returncode == 0
    # when an operator creates a BI token
    made = crossflow("create-token", "--name", "Power BI 财务", "--role", "BI", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    token = made.stdout.strip().splitlines()[-1]
    assert token.startswith("cft_")
    # then only its hash is stored, and it signs in as a read-only BI viewer
    settings = Settings(data_dir=tmp_path / "crossflow-data", _env_file=None)  # type: ignore[call-arg]
    async with db.orm(settings):
        stored = await ApiToken.get(name="Power BI 财务")
        assert stored.token_hash == hash_api_token(token) and token not in stored.token_hash
        assert stored.role == Role.BI and stored.user_id is None
        viewer = await viewer_from_token(settings, token)
        assert viewer is not None and viewer.is_read_only
        # and the issue is audited under the prefix, never the secret
        entry = await AuditEntry.get(action="api_token.issue")
        assert entry.via == "cli" and entry.subject_code == token[:12]
        assert token not in str(entry.after)


def test_create_token_refuses_other_roles_and_unknown_users(tmp_path: Path) -> None:
    assert crossflow("migrate", cwd=tmp_path).returncode == 0
    admin = crossflow("create-token", "--name", "x", "--role", "ADMIN", cwd=tmp_path)
    assert admin.returncode == 2 and "BI or EXECUTIVE" in admin.stdout
    nobody = crossflow("create-token", "--name", "x", "--user", "nobody", cwd=tmp_path)
    assert nobody.returncode == 2 and "no user nobody" in nobody.stdout
