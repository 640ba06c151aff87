"""The command line, run as a user would, against the SQLite file of a data folder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from core import db
from core.settings import Settings
from crossflow.demo import load_demo_data
from crossflow.secret_key import resolve as resolve_secret_key
from models import AuditEntry, Notification, User
from models.enums import Role
from resolvers.access.auth import tokens_for, viewer_from_token
from tests.e2e.processes import REPOSITORY


def crossflow(
    *args: str, cwd: Path, stdin: str | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("CROSSFLOW_")}
    env = {**clean, "PYTHONPATH": str(REPOSITORY), **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "crossflow", *args],
        cwd=cwd,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
async def demo_folder(tmp_path: Path) -> Path:
    """A folder whose ./crossflow-data holds a migrated SQLite file with the demo data."""
    settings = Settings(data_dir=tmp_path / "crossflow-data", _env_file=None)  # type: ignore[call-arg]
    await db.migrate(settings)
    async with db.orm(settings):
        await load_demo_data()
    return tmp_path


async def test_alerts_scan_records_and_delivers_inline_without_redis(demo_folder: Path) -> None:
    # when a scan runs twice as of 5 January 2027, when the demo's tasks are overdue
    # (quiet hours on: deciding whether 2027-01-05 is working time needs the calendar)
    env = {"CROSSFLOW_ALERTS_LOOKBACK_DAYS": "365", "CROSSFLOW_QUIET_HOURS": "true"}
    at = ("--at", "2027-01-05T10:00:00+08:00")
    first = crossflow("alerts", "scan", *at, cwd=demo_folder, env=env)
    second = crossflow("alerts", "scan", *at, cwd=demo_folder, env=env)
    assert first.returncode == 0, first.stderr
    # then the first records warnings and delivers them, the second adds nothing
    assert "recorded 0" not in first.stdout
    assert "recorded 0 " in second.stdout
    # 2027 is a year no calendar knows yet: said out loud, and the admins are told
    assert "fallback used" in first.stdout
    settings = Settings(data_dir=demo_folder / "crossflow-data", _env_file=None)  # type: ignore[call-arg]
    async with db.orm(settings):
        admins = await Notification.filter(
            dedup_key__startswith="calendar-unknown-year:2027"
        ).count()
        assert admins == await User.filter(role=Role.ADMIN).count()
        assert await Notification.filter(kind="ALERT_OVERDUE").exists()


def test_alerts_scan_refuses_a_time_without_a_zone(tmp_path: Path) -> None:
    result = crossflow("alerts", "scan", "--at", "2026-07-15T10:00", cwd=tmp_path)
    assert result.returncode == 2 and "time zone" in result.stdout


def test_migrate_then_create_admin_with_a_prompted_password(tmp_path: Path) -> None:
    assert crossflow("migrate", cwd=tmp_path).returncode == 0
    created = crossflow("create-admin", "--username", "ops", cwd=tmp_path, stdin="s3cret-pass\n")
    assert created.returncode == 0, created.stderr
    assert (tmp_path / "crossflow-data" / "crossflow.sqlite3").is_file()


async def _migrated(tmp_path: Path) -> Settings:
    """The settings of a migrated data folder under ``tmp_path`` (migrated in-process)."""
    settings = Settings(data_dir=tmp_path / "crossflow-data", _env_file=None)  # type: ignore[call-arg]
    await db.migrate(settings)
    return resolve_secret_key(settings)  # the key the server would sign tokens with


async def test_create_admin_again_resets_the_password_audited_and_ends_old_sessions(
    tmp_path: Path,
) -> None:
    # given an administrator created from the console, holding a bearer token
    settings = await _migrated(tmp_path)
    first = crossflow("create-admin", "--username", "ops", cwd=tmp_path, stdin="s3cret-pass\n")
    assert first.returncode == 0, first.stderr
    async with db.orm(settings):
        ops = await User.get(username="ops")
        old_token = tokens_for(settings).issue(ops.id, ops.token_epoch)
        assert await viewer_from_token(settings, old_token) is not None
    # when the console runs create-admin again with a new password
    again = crossflow("create-admin", "--username", "ops", cwd=tmp_path, stdin="an0ther-pass\n")
    # then it succeeds, both runs are in the audit log as the console's, and the token
    # issued before the new password no longer signs anybody in
    assert again.returncode == 0, again.stderr
    async with db.orm(settings):
        entries = await AuditEntry.filter(subject_type="User", subject_id=ops.id).order_by("id")
        assert [(e.action, e.via, e.actor_id) for e in entries] == [
            ("user.create", "cli", None),
            ("user.ensure_admin", "cli", None),
        ]
        assert await viewer_from_token(settings, old_token) is None
        assert (await User.get(id=ops.id)).role == Role.ADMIN


async def test_the_console_refuses_a_weak_password_and_writes_nothing(tmp_path: Path) -> None:
    # given a migrated database
    settings = await _migrated(tmp_path)
    # when create-admin is given a 5-character password, then the demo password
    short = crossflow("create-admin", "--username", "ops", "--password", "short", cwd=tmp_path)
    demo = crossflow("create-admin", "--username", "ops", "--password", "demo", cwd=tmp_path)
    # then both are refused with the shared rule's message and no account exists
    assert short.returncode == 2 and "密码至少8位" in short.stdout
    assert demo.returncode == 2
    async with db.orm(settings):
        assert not await User.filter(username="ops").exists()
        assert not await AuditEntry.filter(subject_type="User").exists()


async def test_set_password_and_deactivate_refuse_an_unknown_user(tmp_path: Path) -> None:
    # given a migrated database without the user "ghost"
    await _migrated(tmp_path)
    # when the console sets its password or deactivates it
    password = crossflow(
        "set-password", "--username", "ghost", "--password", "long-enough-1", cwd=tmp_path
    )
    deactivated = crossflow("deactivate-user", "--username", "ghost", cwd=tmp_path)
    # then both are refused naming the missing user
    assert password.returncode == 2 and "no such user" in password.stdout
    assert deactivated.returncode == 2 and "no such user" in deactivated.stdout


def test_export_schema_prints_the_committed_sdl(tmp_path: Path) -> None:
    result = crossflow("export-schema", cwd=tmp_path)
    assert result.stdout == (REPOSITORY / "schema.graphql").read_text(encoding="utf-8")
