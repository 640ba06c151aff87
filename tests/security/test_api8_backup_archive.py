"""API8 security misconfiguration: a backup archive is readable by its owner only.

The archive holds the whole database (every password hash, API token hash, sealed
directory password) and every stored file. Written with the process's umask (022 on most
systems) it was readable by every account on the host, and by whatever later copies the
backup folder on.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from tortoise.context import TortoiseContext

from core.settings import Settings
from crossflow.backup import backup


@pytest.fixture
def lax_umask() -> Iterator[None]:
    """The common default umask (group and others may read new files)."""
    previous = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(previous)


async def test_a_backup_archive_is_readable_by_its_owner_only(
    db: TortoiseContext, demo: None, settings: Settings, tmp_path: Path, lax_umask: None
) -> None:
    # given an installation with data, under a umask that lets others read new files
    archive = tmp_path / "backups" / "crossflow.tar"
    # when it is backed up, twice over the same name (a crash's leftover replaced too)
    await backup(settings, archive)
    (archive.parent / "crossflow.tar.partial").write_bytes(b"left by a crash")
    await backup(settings, archive)
    # then the archive is readable and writable by its owner, and no one else
    assert stat.S_IMODE(archive.stat().st_mode) == 0o600
    assert not (archive.parent / "crossflow.tar.partial").exists()
