"""``crossflow import-people`` and ``crossflow directory-sync``, run as an operator would: a
subprocess against the test's own database (SQLite file or PostgreSQL)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from tortoise.context import TortoiseContext

from core.settings import Settings
from models import AuditEntry, Department, PeopleSyncRun, User
from models.directory import AccountSource, SyncStatus
from tests.e2e.processes import REPOSITORY
from tests.support.people_files import company, csv_bytes, xlsx
from tests.support.slapd import (
    ROOT_DN,
    ROOT_PASSWORD,
    SUFFIX,
    Directory,
    require_slapd,
    running_directory,
)


def crossflow(
    settings: Settings, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """The command line on the test's database; wide columns so no summary line wraps."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("CROSSFLOW_")}
    own = {
        "CROSSFLOW_DATA_DIR": str(settings.data_dir),
        "CROSSFLOW_SECRET_KEY": "test-secret-key",
        **({"CROSSFLOW_DATABASE_URL": settings.database_url} if settings.database_url else {}),
    }
    return subprocess.run(
        [sys.executable, "-m", "crossflow", *args],
        cwd=settings.data_dir.parent,
        env={**clean, "PYTHONPATH": str(REPOSITORY), "COLUMNS": "300", **own, **(env or {})},
        capture_output=True,
        text=True,
        timeout=120,
    )


def counts(created: int, changed: int, deactivated: int, unchanged: int, refused: int) -> str:
    return (
        f"{created} created, {changed} changed, {deactivated} deactivated, "
        f"{unchanged} unchanged, {refused} refused"
    )


async def test_import_people_dry_run_then_apply_then_rerun_then_a_leaver(
    db: TortoiseContext, settings: Settings, tmp_path: Path
) -> None:
    # given an empty CrossFlow and an XLSX of 8 people in 2 departments under a root
    rows = company(8, 2)
    people = tmp_path / "people.xlsx"
    people.write_bytes(xlsx(rows))
    # when the operator runs a dry run
    preview = crossflow(settings, "import-people", str(people), "--dry-run")
    # then it says what would be created, and nothing is
    assert preview.returncode == 0, preview.stdout + preview.stderr
    assert "(dry run: nothing changed)" in preview.stdout
    assert counts(8, 0, 0, 0, 0) in preview.stdout
    assert await User.all().count() == 0 and await Department.all().count() == 0
    # when they run it for real
    applied = crossflow(settings, "import-people", str(people))
    # then the 8 people and 3 departments exist, audited as the import's
    assert applied.returncode == 0, applied.stdout + applied.stderr
    assert counts(8, 0, 0, 0, 0) in applied.stdout and "dry run" not in applied.stdout
    assert await User.filter(source=AccountSource.IMPORT, is_active=True).count() == 8
    assert await Department.filter(source=AccountSource.IMPORT).count() == 3
    audited = await AuditEntry.filter(via="import").count()
    assert audited > 0
    # when the same file is imported again: then nothing changes
    again = crossflow(settings, "import-people", str(people))
    assert again.returncode == 0 and counts(0, 0, 0, 8, 0) in again.stdout
    assert await AuditEntry.filter(via="import").count() == audited

    # given a new file where one person is renamed and the last one is gone
    rows[1][2] = "改名的员工"
    later = tmp_path / "people-later.csv"
    later.write_bytes(csv_bytes(rows[:-1]))
    gone = rows[-1][1]
    # when its dry run deactivates the missing
    preview = crossflow(settings, "import-people", str(later), "--dry-run", "--deactivate-missing")
    # then it shows one change and one deactivation, and applies neither
    assert preview.returncode == 0 and counts(0, 1, 1, 6, 0) in preview.stdout
    assert (await User.get(username=gone)).is_active
    assert (await User.get(username=rows[1][1])).display_name != "改名的员工"
    # when it runs for real: then both are applied, the leaver kept but deactivated
    applied = crossflow(settings, "import-people", str(later), "--deactivate-missing")
    assert applied.returncode == 0 and counts(0, 1, 1, 6, 0) in applied.stdout
    assert not (await User.get(username=gone)).is_active
    assert (await User.get(username=rows[1][1])).display_name == "改名的员工"


async def test_import_people_refuses_a_bad_file_with_its_row_numbers(
    db: TortoiseContext, settings: Settings, tmp_path: Path
) -> None:
    # given a CSV whose rows 3 and 5 are bad (no username, an e-mail that is not one)
    rows = company(5, 1)
    rows[1][1] = ""
    rows[3][3] = "not-an-address"
    bad = tmp_path / "bad.csv"
    bad.write_bytes(csv_bytes(rows))
    # when it is imported for real
    result = crossflow(settings, "import-people", str(bad))
    # then the command fails naming each row and its reason, and nothing is applied
    assert result.returncode == 1, result.stdout + result.stderr
    assert "REFUSED" in result.stdout
    assert "row 3" in result.stdout and "username is empty" in result.stdout
    assert "row 5" in result.stdout and "is not an address" in result.stdout
    assert await User.all().count() == 0 and await Department.all().count() == 0
    # and a file that is neither CSV nor XLSX is refused before any run, with exit 2
    other = tmp_path / "people.txt"
    other.write_text("hello")
    refused = crossflow(settings, "import-people", str(other))
    assert refused.returncode != 0
    assert await User.all().count() == 0


@pytest.fixture
def small_directory(tmp_path: Path) -> Iterator[Directory]:
    require_slapd()
    with running_directory(tmp_path / "ldap", 10, 2) as directory:
        yield directory


def ldap_env(url: str) -> dict[str, str]:
    """The directory connection as an operator puts it in the environment."""
    return {
        "CROSSFLOW_LDAP_URL": url,
        "CROSSFLOW_LDAP_BIND_DN": ROOT_DN,
        "CROSSFLOW_LDAP_BIND_PASSWORD": ROOT_PASSWORD,
        "CROSSFLOW_LDAP_PEOPLE_BASE": SUFFIX,
        "CROSSFLOW_LDAP_DEPARTMENTS_BASE": SUFFIX,
    }


async def test_directory_sync_brings_the_directory_in_then_changes_nothing(
    db: TortoiseContext, settings: Settings, small_directory: Directory
) -> None:
    env = ldap_env(small_directory.url)
    # given an empty CrossFlow and a directory of 10 people in 2 departments
    # when the operator syncs it from the command line
    first = crossflow(settings, "directory-sync", env=env)
    # then the 10 are in, as the directory's, and the run is recorded as the console's
    assert first.returncode == 0, first.stdout + first.stderr
    assert "SUCCEEDED" in first.stdout and counts(10, 0, 0, 0, 0) in first.stdout
    assert await User.filter(source=AccountSource.LDAP, is_active=True).count() == 10
    run = await PeopleSyncRun.get(source=AccountSource.LDAP)
    assert (run.started_by, run.status, run.full) == ("cli", SyncStatus.SUCCEEDED, True)
    # when it runs again, asked to read every entry: then nothing changes
    again = crossflow(settings, "directory-sync", "--full", env=env)
    assert again.returncode == 0 and counts(0, 0, 0, 10, 0) in again.stdout
    # when someone leaves the directory: then the next sync deactivates them
    small_directory.remove("p00003", "d01")
    left = crossflow(settings, "directory-sync", env=env)
    assert left.returncode == 0 and "1 deactivated" in left.stdout
    assert not (await User.get(username="p00003")).is_active


async def test_directory_sync_without_a_directory_or_to_an_unreachable_one_fails(
    db: TortoiseContext, settings: Settings
) -> None:
    # given no directory configured: then the command refuses with exit 2 and records nothing
    unset = crossflow(settings, "directory-sync")
    assert unset.returncode == 2 and "no directory is configured" in unset.stdout
    assert not await PeopleSyncRun.exists()
    # given a directory URL where nothing listens: then the run is FAILED, exit 1
    down = crossflow(settings, "directory-sync", env=ldap_env("ldap://127.0.0.1:9"))
    assert down.returncode == 1 and "FAILED" in down.stdout
    assert (await PeopleSyncRun.get()).status is SyncStatus.FAILED
    assert await User.all().count() == 0
