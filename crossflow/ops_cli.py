"""Operators' commands (``backup``, ``restore``, ``retention``), registered on the main CLI.

Kept apart from ``crossflow/cli.py`` so the operations code reads as one piece.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import typer
from rich.console import Console

from crossflow.settings import get_settings

console = Console()


def register(app: typer.Typer) -> None:
    """Add the operators' commands to ``app``."""
    app.command()(backup)
    app.command()(restore)


def backup(
    archive: Path = typer.Argument(..., help="The tar archive to write, e.g. crossflow.tar"),
) -> None:
    """Back up the database and the stored files into one archive with checksums.

    Safe while the platform runs: the database is copied as one snapshot, then the files.
    """
    from crossflow.backup import BackupError
    from crossflow.backup import backup as run
    from crossflow.pg_tools import ToolError

    try:
        manifest = asyncio.run(run(get_settings(), archive))
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
    from crossflow.backup import BackupError
    from crossflow.backup import restore as run
    from crossflow.pg_tools import ToolError

    try:
        manifest = asyncio.run(run(get_settings(), archive, force=force))
    except (BackupError, ToolError) as refusal:
        console.print(f"[red]{refusal}[/red]")
        raise typer.Exit(2) from None
    console.print(f"restored {archive} (made {manifest.created_at}, {manifest.backend})")
