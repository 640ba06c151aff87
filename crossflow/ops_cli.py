"""Operators' commands (``backup``, ``restore``, ``retention``), registered on the main CLI.

Kept apart from ``crossflow/cli.py`` so the operations code reads as one piece.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import typer
from rich.console import Console

from core import db
from core.settings import get_settings
from crossflow.backup import BackupError
from crossflow.backup import backup as backup_data
from crossflow.backup import restore as restore_data
from crossflow.pg_tools import ToolError
from crossflow.retention import RetentionRefused
from crossflow.retention import run as apply_retention

console = Console()


def register(app: typer.Typer) -> None:
    """Add the operators' commands to ``app``."""
    app.command()(backup)
    app.command()(restore)
    app.command()(retention)


def backup(
    archive: Path = typer.Argument(..., help="The tar archive to write, e.g. crossflow.tar"),
) -> None:
    """Back up the database and the stored files into one archive with checksums.

    Safe while the platform runs: the database is copied as one snapshot, then the files.
    """
    try:
        manifest = asyncio.run(backup_data(get_settings(), archive))
    except (BackupError, ToolError) as refusal:
        console.print(f"[red]{refusal}[/red]")
        raise typer.Exit(2) from None
    console.print(
        f"{archive}: {manifest.backend}, {len(manifest.files)} members, "
        f"migrations {manifest.migrations[-1] if manifest.migrations else 'none recorded'}"
    )


def restore(
    archive: Path = typer.Argument(..., help="An archive written by crossflow backup"),
    force: bool = typer.Option(
        False, "--force", help="Replace a database and files folder that already hold data"
    ),
) -> None:
    """Restore an archive onto an empty database and data folder (checksums verified first).

    Stop the servers and workers first; run `crossflow migrate` afterwards when this code
    is newer than the archive.
    """
    try:
        manifest = asyncio.run(restore_data(get_settings(), archive, force=force))
    except (BackupError, ToolError) as refusal:
        console.print(f"[red]{refusal}[/red]")
        raise typer.Exit(2) from None
    console.print(f"restored {archive} (made {manifest.created_at}, {manifest.backend})")


def retention(
    dry_run: bool = typer.Option(False, "--dry-run", help="Count what would go, delete nothing"),
) -> None:
    """Delete sent outbox rows, old read notifications and unreferenced stored files.

    Ages come from CROSSFLOW_RETENTION_*; pending messages, unsent deliveries and every file
    an attachment names stay. Safe to run (e.g. daily from cron) while servers run.
    """
    settings = get_settings()

    async def run() -> None:
        async with db.orm(settings):
            report = await apply_retention(settings, dry_run=dry_run)
        verb = "would delete" if dry_run else "deleted"
        console.print(
            f"{verb}: {report.outbox} sent outbox rows, {report.notifications} read "
            f"notifications, {report.files} unreferenced files, {report.staged} stale uploads"
        )

    try:
        asyncio.run(run())
    except RetentionRefused as refusal:
        console.print(f"[red]{refusal}[/red]")
        raise typer.Exit(2) from None
