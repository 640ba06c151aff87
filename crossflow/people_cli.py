"""People commands (``import-people``, ``directory-sync``, ``suite-sync``, ``create-admin``,
``set-password``, ``deactivate-user``), on the main CLI.

They call the same use cases as the panel (``resolvers/people/importing.py``,
``resolvers/people/directory_sync.py``, ``resolvers/people/accounts.py``), audited with the
source ``import``, ``ldap`` or ``cli`` and the actor ``system``; each import or sync run is
recorded and shown in the panel's sync report.
"""

from __future__ import annotations

import asyncio
import getpass
from collections.abc import Awaitable, Callable
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from core import db
from core.settings import get_settings
from models import PeopleSyncRun, User
from resolvers.errors import DomainError, NotFound
from resolvers.people import accounts
from resolvers.people.directory_sync import sync_directory
from resolvers.people.importing import import_people as run_import
from resolvers.people.suite_sync import sync_suite
from resolvers.people.suites.config import configured_suite

console = Console()


def register(app: typer.Typer) -> None:
    """Add the people commands to ``app``."""
    app.command("import-people")(import_people)
    app.command("directory-sync")(directory_sync)
    app.command("suite-sync")(suite_sync)
    app.command("create-admin")(create_admin)
    app.command("set-password")(set_password)
    app.command("deactivate-user")(deactivate_user)


def import_people(
    file: Path = typer.Argument(..., exists=True, dir_okay=False, help="A .csv or .xlsx file"),
    dry_run: bool = typer.Option(False, "--dry-run", help="Show what would change; change nothing"),
    deactivate_missing: bool = typer.Option(
        False, help="Deactivate people of earlier imports that this file no longer lists"
    ),
) -> None:
    """Import people and departments from a CSV or XLSX file (all rows, or none)."""
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


def create_admin(
    username: str = typer.Option(..., help="Login name"),
    display_name: str = typer.Option("平台管理员", help="Name shown to others"),
    password: str = typer.Option(
        None, help="Password (prompted when omitted; prefer the prompt over the flag)"
    ),
) -> None:
    """Create a platform administrator (or reset an existing one's password and role: its
    old sessions end). Audited as the console's."""
    secret = password or getpass.getpass("Password: ")

    async def call() -> str:
        _, created = await accounts.ensure_admin(
            None, username=username, display_name=display_name, password=secret
        )
        return f"administrator {username} is {'ready' if created else 'ready (password reset)'}"

    _run(call)


def set_password(
    username: str = typer.Option(..., help="Login name"),
    password: str = typer.Option(None, help="New password (prompted when omitted)"),
) -> None:
    """Set a local account's password; every session of the account ends. Audited."""
    secret = password or getpass.getpass("New password: ")

    async def call() -> str:
        await accounts.set_password(None, await _user_id(username), secret)
        return f"password of {username} set; its sessions ended"

    _run(call)


def deactivate_user(username: str = typer.Option(..., help="Login name")) -> None:
    """Deactivate an account: it can no longer sign in and its sessions end. Audited."""

    async def call() -> str:
        await accounts.deactivate_user(None, await _user_id(username))
        return f"{username} is deactivated"

    _run(call)


async def _user_id(username: str) -> int:
    user = await User.get_or_none(username=username)
    if user is None:
        raise NotFound("用户不存在 (no such user)")
    return user.id


def _run(call: Callable[[], Awaitable[str]]) -> None:
    """Run an account use case against the configured database; a refusal exits with 2."""

    async def run() -> str:
        async with db.orm(get_settings()):
            return await call()

    try:
        message = asyncio.run(run())
    except DomainError as refusal:
        console.print(f"[red]{refusal.message}[/red]")
        raise typer.Exit(2) from None
    console.print(message)


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
