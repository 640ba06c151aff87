"""``crossflow backup`` / ``crossflow restore``: the database and the stored files in one tar.

The archive holds ``manifest.json`` (format, CrossFlow version, time, backend, applied
migrations, and every other member with its size and SHA-256), the database (``pg_dump``
custom format, or a SQLite copy made with SQLite's online backup API and checkpointed so
the one file is complete) and ``files/…`` (the content-addressed store).

Consistency while the platform runs: the database is copied first as one snapshot (one
``pg_dump`` transaction; one SQLite backup step), then the files. A stored file is written
before the row that names it commits and is never rewritten, so every file the snapshot
refers to is already on disk when the files are copied.

Restore verifies every checksum before it touches anything, refuses a database or file
folder that already holds data unless ``force`` (then it replaces them), and refuses an
archive made by a newer CrossFlow (migrations this code does not know).
"""

from __future__ import annotations

import asyncio
import hashlib
import io
import json
import os
import shutil
import sqlite3
import tarfile
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib.metadata import version as package_version
from pathlib import Path
from typing import Any

import asyncpg

from core.db import APP_LABEL, committed_migrations
from core.files import FileStore
from core.settings import Settings
from crossflow import pg_tools

FORMAT = 1
MANIFEST = "manifest.json"
SQLITE_MEMBER = "database.sqlite3"
POSTGRES_MEMBER = "database.pgdump"
CHUNK = 1024 * 1024


class BackupError(RuntimeError):
    """The archive cannot be made or restored; the message says why, for an operator."""


@dataclass(frozen=True)
class Manifest:
    """What an archive holds; ``files`` maps member names to ``{"size", "sha256"}``."""

    created_at: str
    backend: str
    migrations: list[str]
    files: dict[str, dict[str, Any]]
    crossflow_version: str
    format: int = FORMAT

    def to_json(self) -> bytes:
        return json.dumps(self.__dict__, indent=2, sort_keys=True).encode()

    @classmethod
    def from_json(cls, raw: bytes) -> Manifest:
        data = json.loads(raw)
        if data.get("format") != FORMAT:
            raise BackupError(f"unknown archive format {data.get('format')!r}")
        return cls(**data)


def _backend(settings: Settings) -> str:
    return "sqlite" if settings.uses_sqlite else "postgresql"


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _stored_files(settings: Settings) -> list[Path]:
    """The committed files of the store (not uploads still being staged in ``.tmp``)."""
    root = FileStore(settings.data_dir).root
    if not root.is_dir():
        return []
    return sorted(p for p in root.glob("??/*") if p.is_file())


# --- backup -----------------------------------------------------------------------------


async def backup(settings: Settings, archive: Path) -> Manifest:
    """Write the database and the stored files of ``settings`` to the tar ``archive``."""
    with tempfile.TemporaryDirectory(prefix="crossflow-backup-") as scratch:
        if settings.uses_sqlite:
            database = Path(scratch) / SQLITE_MEMBER
            await asyncio.to_thread(_copy_sqlite, _sqlite_file(settings), database)
            migrations = await asyncio.to_thread(_sqlite_migrations, database)
        else:
            database = Path(scratch) / POSTGRES_MEMBER
            migrations = await _postgres_migrations(_url(settings))
            await pg_tools.dump(_url(settings), database)
        return await asyncio.to_thread(_write_archive, settings, archive, database, migrations)


def _copy_sqlite(source: Path, target: Path) -> None:
    """One consistent copy while writers go on (WAL readers do not block them)."""
    if not source.exists():
        raise BackupError(f"no SQLite database at {source}")
    with sqlite3.connect(source, timeout=30) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
        # The copy inherits WAL mode: fold its log into the file so one file is complete.
        dst.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        dst.execute("PRAGMA journal_mode=DELETE")
    src.close()
    dst.close()


def _write_archive(
    settings: Settings, archive: Path, database: Path, migrations: list[str]
) -> Manifest:
    members: dict[str, Path] = {database.name: database}
    root = FileStore(settings.data_dir).root
    for path in _stored_files(settings):
        members[f"files/{path.relative_to(root).as_posix()}"] = path
    entries = {
        name: {"size": path.stat().st_size, "sha256": _sha256(path)}
        for name, path in members.items()
    }
    manifest = Manifest(
        created_at=datetime.now(UTC).isoformat(timespec="seconds"),
        backend=_backend(settings),
        migrations=migrations,
        files=entries,
        crossflow_version=package_version("crossflow"),
    )
    archive.parent.mkdir(parents=True, exist_ok=True)
    partial = archive.with_name(archive.name + ".partial")
    # Owner-only, whatever the umask: the archive holds every password hash and every file.
    descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.fchmod(descriptor, 0o600)  # a partial left by a crash keeps its mode otherwise
    with os.fdopen(descriptor, "wb") as output, tarfile.open(fileobj=output, mode="w") as tar:
        raw = manifest.to_json()
        info = tarfile.TarInfo(MANIFEST)
        info.size = len(raw)
        info.mtime = int(datetime.now(UTC).timestamp())
        tar.addfile(info, io.BytesIO(raw))
        for name, path in members.items():
            tar.add(path, arcname=name, recursive=False)
    partial.replace(archive)  # a crash never leaves a half archive under the final name
    return manifest


# --- restore ----------------------------------------------------------------------------


async def restore(settings: Settings, archive: Path, *, force: bool = False) -> Manifest:
    """Restore ``archive`` into the database and data folder of ``settings``."""
    with tempfile.TemporaryDirectory(prefix="crossflow-restore-") as scratch:
        folder = Path(scratch)
        manifest = await asyncio.to_thread(_extract_verified, archive, folder)
        if manifest.backend != _backend(settings):
            raise BackupError(
                f"the archive holds a {manifest.backend} database; this installation uses "
                f"{_backend(settings)}"
            )
        unknown = sorted(set(manifest.migrations) - set(committed_migrations()))
        if unknown:
            raise BackupError(
                f"the archive comes from a newer CrossFlow (migrations {', '.join(unknown)}): "
                "upgrade first"
            )
        if not force:
            await _refuse_if_not_empty(settings)
        if settings.uses_sqlite:
            await asyncio.to_thread(_restore_sqlite, folder / SQLITE_MEMBER, _sqlite_file(settings))
        else:
            await pg_tools.restore(_url(settings), folder / POSTGRES_MEMBER, clean=force)
        await asyncio.to_thread(_restore_files, folder / "files", settings)
        return manifest


def _extract_verified(archive: Path, folder: Path) -> Manifest:
    """Unpack into ``folder`` and check every member against the manifest."""
    if not archive.is_file():
        raise BackupError(f"no archive at {archive}")
    try:
        with tarfile.open(archive, "r") as tar:
            manifest_member = tar.extractfile(MANIFEST)
            if manifest_member is None:
                raise BackupError("the archive has no manifest")
            manifest = Manifest.from_json(manifest_member.read())
            names = {m.name for m in tar.getmembers()} - {MANIFEST}
            if names != set(manifest.files):
                raise BackupError("the archive's members differ from its manifest")
            tar.extractall(folder, filter="data")
    except (tarfile.TarError, KeyError, json.JSONDecodeError, TypeError) as exc:
        raise BackupError(f"not a CrossFlow archive: {exc}") from exc
    for name, entry in manifest.files.items():
        path = folder / name
        if path.stat().st_size != entry["size"] or _sha256(path) != entry["sha256"]:
            raise BackupError(f"checksum mismatch for {name}: the archive is damaged")
    return manifest


async def _refuse_if_not_empty(settings: Settings) -> None:
    if settings.uses_sqlite:
        tables = await asyncio.to_thread(_sqlite_table_count, _sqlite_file(settings))
    else:
        connection = await asyncpg.connect(pg_tools.libpq_url(_url(settings)))
        try:
            tables = await connection.fetchval(
                "SELECT count(*) FROM information_schema.tables"
                " WHERE table_schema = current_schema()"
            )
        finally:
            await connection.close()
    if tables:
        raise BackupError("the database is not empty (restore --force replaces it)")
    if _stored_files(settings):
        raise BackupError("the data folder holds files (restore --force replaces them)")


def _restore_sqlite(source: Path, target: Path) -> None:
    """Replace the database file; stale ``-wal``/``-shm`` files of an old one go too."""
    target.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    staged = target.with_name(target.name + ".restoring")
    shutil.copyfile(source, staged)
    staged.replace(target)


def _restore_files(source: Path, settings: Settings) -> None:
    """Make the store hold exactly the archive's files."""
    root = FileStore(settings.data_dir).root
    for path in _stored_files(settings):
        path.unlink()
    if not source.is_dir():
        return
    for path in sorted(source.glob("??/*")):
        target = root / path.relative_to(source)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)


# --- database facts ----------------------------------------------------------------------


def _sqlite_file(settings: Settings) -> Path:
    if settings.database_url:
        return Path(settings.database_url.removeprefix("sqlite://"))
    return settings.sqlite_path


def _url(settings: Settings) -> str:
    assert settings.database_url is not None
    return settings.database_url


def _sqlite_table_count(path: Path) -> int:
    if not path.exists():
        return 0
    with sqlite3.connect(path) as connection:
        (count,) = connection.execute(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
        ).fetchone()
    connection.close()
    return int(count)


def _sqlite_migrations(path: Path) -> list[str]:
    with sqlite3.connect(path) as connection:
        try:
            rows = connection.execute(
                "SELECT name FROM tortoise_migrations WHERE app = ? ORDER BY name", (APP_LABEL,)
            ).fetchall()
        except sqlite3.OperationalError:  # created from the models, no migration table
            rows = []
    connection.close()
    return [str(name) for (name,) in rows]


async def _postgres_migrations(url: str) -> list[str]:
    connection = await asyncpg.connect(pg_tools.libpq_url(url))
    try:
        rows = await connection.fetch(
            "SELECT name FROM tortoise_migrations WHERE app = $1 ORDER BY name", APP_LABEL
        )
    except asyncpg.UndefinedTableError:
        rows = []
    finally:
        await connection.close()
    return [str(row["name"]) for row in rows]
