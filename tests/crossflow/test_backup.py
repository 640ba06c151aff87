"""Backup and restore: the demo's data and files round-trip to the same API answers."""

from __future__ import annotations

import asyncio
import io
import json
import re
import tarfile
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import psycopg
import pytest
from psycopg import sql
from tortoise.context import TortoiseContext

from core.db import committed_migrations, migrate, orm, tortoise_config
from core.settings import Settings, configure
from crossflow.app import create_app
from crossflow.backup import MANIFEST, BackupError, backup, restore
from crossflow.demo import load_demo_data
from models import Notification, User
from models.enums import NotificationKind
from tests.conftest import GraphQLClient
from tests.crossflow.test_cli import crossflow
from tests.resolvers.test_attachments import PDF, uploaded

QUERIES = [
    "{ requirements(first: 50) { totalCount edges { node { code title status priority"
    " initiator { username } tasks { code status progress assignee { username } }"
    " attachments(includeTasks: true) { fileName versions { number sha256 size } } } } } }",
    "{ departments { name } users(first: 100) { totalCount edges { node { username } } } }",
    "{ notifications(first: 100) { totalCount edges { node { title kind } } } }",
]


@pytest.fixture
def target(
    settings: Settings, tmp_path: Path, request: pytest.FixtureRequest
) -> Iterator[Settings]:
    """Settings of a second, empty installation (its own data folder and database)."""
    if settings.uses_sqlite:
        yield settings.model_copy(update={"data_dir": tmp_path / "restored"})
        return
    server = request.getfixturevalue("postgres_server")
    name = f"cf_restore_{uuid.uuid4().hex[:8]}"
    admin = server.dsn("postgres")
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    yield settings.model_copy(
        update={"data_dir": tmp_path / "restored", "database_url": server.dsn(name)}
    )
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )


async def answers(settings: Settings) -> list[Any]:
    """What the admin and a department head see, and the bytes of every stored file."""
    app = create_app(settings, manage_orm=False)
    transport = httpx.ASGITransport(app=app)
    seen: list[Any] = []
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
        for username in ("admin", "market_head"):
            client = await GraphQLClient(http).sign_in(username)
            for query in QUERIES:
                seen.append(await client.data(query))
        admin = await GraphQLClient(http).sign_in("admin")
        urls = await admin.data(
            "{ requirements(first: 50) { edges { node { attachments(includeTasks: true)"
            " { versions { downloadUrl } } } } } }"
        )
        for edge in urls["requirements"]["edges"]:
            for attachment in edge["node"]["attachments"]:
                for version in attachment["versions"]:
                    response = await http.get(
                        version["downloadUrl"], headers={"authorization": f"Bearer {admin.token}"}
                    )
                    seen.append((response.status_code, response.content))
    return seen


async def served_by(target: Settings) -> list[Any]:
    configure(target)
    async with TortoiseContext() as ctx:
        await ctx.init(config=tortoise_config(target))
        return await answers(target)


async def test_restore_gives_the_same_api_answers(
    demo: None, client: GraphQLClient, settings: Settings, target: Settings, tmp_path: Path
) -> None:
    # given the demo's data with an uploaded file, and what the API answers about it
    admin = await client.sign_in("market_head")
    await uploaded(admin, ("方案.pdf", PDF, "application/pdf"), note="first draft")
    before = await answers(settings)
    archive = tmp_path / "crossflow.tar"
    # when it is backed up and restored onto an empty installation
    manifest = await backup(settings, archive)
    await restore(target, archive)
    # then the manifest names every member with its checksum, the file among them
    assert manifest.backend == ("sqlite" if settings.uses_sqlite else "postgresql")
    assert any(name.startswith("files/") for name in manifest.files)
    # and the restored installation answers exactly as the original did, files included
    after = await served_by(target)
    assert after == before
    assert (200, PDF) in after


async def test_restore_refuses_data_it_would_overwrite_unless_forced(
    demo: None, settings: Settings, target: Settings, tmp_path: Path
) -> None:
    # given an archive restored once
    archive = tmp_path / "crossflow.tar"
    await backup(settings, archive)
    await restore(target, archive)
    # when it is restored again onto the now non-empty installation
    with pytest.raises(BackupError, match="not empty"):
        await restore(target, archive)
    # then --force replaces the data and the answers are still the original's
    await restore(target, archive, force=True)
    assert await served_by(target) == await answers(configure(settings))


async def test_restore_refuses_a_damaged_archive_before_touching_anything(
    demo: None, settings: Settings, target: Settings, tmp_path: Path
) -> None:
    # given an archive whose database member was altered after it was written
    archive = tmp_path / "crossflow.tar"
    manifest = await backup(settings, archive)
    damaged = tmp_path / "damaged.tar"
    with tarfile.open(archive) as source, tarfile.open(damaged, "w") as out:
        for member in source.getmembers():
            data = source.extractfile(member)
            assert data is not None
            raw = data.read()
            if member.name != MANIFEST and not member.name.startswith("files/"):
                raw = raw[:-1] + bytes([raw[-1] ^ 0xFF])
            out.addfile(member, io.BytesIO(raw))
    # when it is restored, then the checksum refuses it and the target stays empty
    with pytest.raises(BackupError, match="checksum mismatch"):
        await restore(target, damaged)
    assert not (target.data_dir / "files").exists()
    # and an archive from another backend, or a newer CrossFlow, is refused too
    for change, message in (
        ({"backend": "oracle"}, "holds a oracle database"),
        ({"migrations": ["9999_future"]}, "newer CrossFlow"),
    ):
        edited = tmp_path / "edited.tar"
        with tarfile.open(archive) as source, tarfile.open(edited, "w") as out:
            for member in source.getmembers():
                data = source.extractfile(member)
                assert data is not None
                raw = data.read()
                if member.name == MANIFEST:
                    raw = json.dumps({**manifest.__dict__, **change}).encode()
                    member.size = len(raw)
                out.addfile(member, io.BytesIO(raw))
        with pytest.raises(BackupError, match=message):
            await restore(target, edited)
    # and a file that is no archive at all is refused with a message, not a traceback
    junk = tmp_path / "junk.tar"
    junk.write_bytes(b"not a tar")
    with pytest.raises(BackupError, match="not a CrossFlow archive"):
        await restore(target, junk)


async def test_a_backup_taken_while_writes_run_restores_a_consistent_snapshot(
    demo: None, settings: Settings, target: Settings, tmp_path: Path
) -> None:
    # given notifications being written one after another while the backup runs
    recipient = await User.get(username="market_head")
    start = await Notification.all().count()
    stop = asyncio.Event()

    async def write() -> int:
        written = 0
        while not stop.is_set():
            await Notification.create(
                recipient=recipient, kind=NotificationKind.TASK_ASSIGNED, title=f"n{written}"
            )
            written += 1
            await asyncio.sleep(0)
        return written

    writer = asyncio.create_task(write())
    await asyncio.sleep(0.2)
    archive = tmp_path / "crossflow.tar"
    await backup(settings, archive)
    stop.set()
    written = await writer
    # when it is restored
    await restore(target, archive)
    configure(target)
    async with TortoiseContext() as ctx:
        await ctx.init(config=tortoise_config(target))
        restored = await Notification.filter(recipient=recipient).values_list("title", flat=True)
        total = await Notification.all().count()
    # then it holds a prefix of the writes: nothing missing before the snapshot's last row
    copied = sorted(int(t[1:]) for t in restored if re.fullmatch(r"n\d+", t))
    assert 0 < len(copied) < written
    assert copied == list(range(len(copied)))
    assert total == start + len(copied)


async def test_the_commands_back_up_restore_and_refuse_with_exit_codes(tmp_path: Path) -> None:
    # given a data folder with a migrated SQLite database holding the demo
    source, target = tmp_path / "source", tmp_path / "target"
    data = Settings(data_dir=source / "crossflow-data", _env_file=None)  # type: ignore[call-arg]
    await migrate(data)
    async with orm(data):
        await load_demo_data()
    target.mkdir()
    archive = str(tmp_path / "crossflow.tar")
    # when it is backed up and restored into another folder from the command line
    made = crossflow("backup", archive, cwd=source)
    restored = crossflow("restore", archive, cwd=target)
    # then both succeed, naming the backend and the migration level
    assert made.returncode == 0, made.stderr
    assert "sqlite" in made.stdout and committed_migrations()[-1] in made.stdout
    assert restored.returncode == 0, restored.stderr
    # and restoring again is refused with a message and exit code 2, unless --force
    again = crossflow("restore", archive, cwd=target)
    assert again.returncode == 2 and "not empty" in again.stdout
    assert crossflow("restore", archive, "--force", cwd=target).returncode == 0
    # and a missing archive is a message, not a traceback
    missing = crossflow("restore", str(tmp_path / "nothing.tar"), cwd=target)
    assert missing.returncode == 2 and "no archive" in missing.stdout
    # and retention's dry run counts without deleting
    dry = crossflow("retention", "--dry-run", cwd=target)
    assert dry.returncode == 0, dry.stderr
    assert "would delete: 0 sent outbox rows" in dry.stdout
