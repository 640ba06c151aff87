"""People commands (``import-people``, ``directory-sync``, ``suite-sync``), on the main CLI.

Both call the same use cases as the panel (``resolvers/people/importing.py``,
``resolvers/people/directory_sync.py``), audited with the source ``import`` or ``ldap`` and the
actor ``system``; each run is recorded and shown in the panel's sync report.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from core import db
from core.settings import get_settings
from models import PeopleSyncRun

console = Console()


def register(app: typer.Typer) -> None:
    """Add the people commands to ``app``."""
    app.command("import-people")(import_people)
    app.command("directory-sync")(directory_sync)
    app.command("suite-sync")(suite_sync)


def import_people(
    file: Path = typer.Argument(..., exists=True, dir_okay=False, help="A .csv or .xlsx file"),
    dry_run: bool = typer.Option(False, "--dry-run", help="Show what would change; change nothing"),
    deactivate_missing: bool = typer.Option(
        False, help="Deactivate people of earlier imports that this file no longer lists"
    ),
) -> None:
    """Import people and departments from a CSV or XLSX file (all rows, or none)."""
    from resolvers.errors import DomainError
    from resolvers.people.importing import import_people as run_import

    data = file.read_bytes()

    async def run() -> PeopleSyncRun:
        async with db.orm(get_settings()):
            with Progress(console=console, transient=True) as progress:

                def bar(total: int) -> Callable[[], None]:
                    task = progress.add_task(f"importing {file.name}", total=total)
                    return lambda: progress.advance(task)

                return await run_import(
                    None,
                    data,
                    file.name,
                    dry_run=dry_run,
                    deactivate_missing=deactivate_missing,
                    started_by="cli",
                    progress=bar,
                )

    try:
        outcome = asyncio.run(run())
    except DomainError as refusal:
        console.print(f"[red]{refusal.message}[/red]")
        raise typer.Exit(2) from None
    _print_run(outcome)
    if outcome.status != "SUCCEEDED":
        raise typer.Exit(1)


def directory_sync(
    full: bool = typer.Option(False, help="Read every entry's attributes, not only changes"),
) -> None:
    """Sync people, departments and heads from the LDAP directory now."""
    from resolvers.errors import DomainError
    from resolvers.people.directory_sync import sync_directory

    settings = get_settings()

    async def run() -> PeopleSyncRun:
        async with db.orm(settings):
            with console.status("syncing the directory"):
                return await sync_directory(settings, started_by="cli", full=full)

    try:
        outcome = asyncio.run(run())
    except DomainError as refusal:
        console.print(f"[red]{refusal.message}[/red]")
        raise typer.Exit(2) from None
    _print_run(outcome)
    if outcome.status == "FAILED":
        raise typer.Exit(1)


def suite_sync() -> None:
    """Sync people, departments and heads from the configured suite (Feishu) now."""
    from resolvers.people.suite_sync import sync_suite
    from resolvers.people.suites.config import configured_suite

    settings = get_settings()
    suite = configured_suite()
    if suite is None:
        console.print("[red]no suite is configured (CROSSFLOW_FEISHU_APP_ID and _SECRET)[/red]")
        raise typer.Exit(2)

    async def run() -> PeopleSyncRun:
        async with db.orm(settings):
            with console.status(f"syncing from {suite.name}"):
                return await sync_suite(suite, started_by="cli")

    outcome = asyncio.run(run())
    _print_run(outcome)
    if outcome.status == "FAILED":
        raise typer.Exit(1)


def _print_run(run: PeopleSyncRun) -> None:
    """The run's counts, and each refusal with where it is."""
    mode = " (dry run: nothing changed)" if run.dry_run else ""
    console.print(
        f"{run.source} run #{run.id}: {run.status}{mode}; {run.created} created, "
        f"{run.updated} changed, {run.deactivated} deactivated, {run.unchanged} unchanged, "
        f"{run.refused} refused"
    )
    if run.error:
        console.print(f"[red]{run.error}[/red]")
    if run.refusals:
        table = Table("where", "reason")
        for refusal in run.refusals:
            table.add_row(str(refusal["where"]), str(refusal["reason"]))
        console.print(table)
