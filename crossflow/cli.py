"""The ``crossflow`` command line (typer)."""

from __future__ import annotations

import asyncio
import logging
import sys
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from core import clock, db, logs
from core.settings import DEFAULT_SECRET_KEY, DEMO_PASSWORD, Mode, Settings, configure, get_settings
from crossflow import demo as demo_data
from crossflow.app import create_app
from crossflow.demo_people import DEPARTMENTS
from crossflow.metrics_dir import prepare_multiprocess_metrics
from crossflow.sdl_check import check
from crossflow.secret_key import resolve as resolve_secret_key
from crossflow.seed import seed as load
from models import User
from models.enums import Role
from resolvers.access.api_tokens import create_api_token
from resolvers.access.sign_in_guard import SignInGuard
from resolvers.access.sign_in_locks import unlock_sign_in as unlock
from resolvers.alerts.rules import ensure_default_rules
from resolvers.errors import DomainError
from schema import schema

app = typer.Typer(
    help="CrossFlow: cross-department collaboration over GraphQL.", no_args_is_help=True
)
console = Console()


def _logging(settings: Settings) -> None:
    logs.configure(settings)  # structured lines (CROSSFLOW_LOG_FORMAT), secrets redacted
    # Dramatiq narrates every message at INFO; its warnings and errors are what matter here.
    logging.getLogger("dramatiq").setLevel(max(logging.WARNING, logging.root.level))
    logging.getLogger("apscheduler").setLevel(max(logging.WARNING, logging.root.level))


@app.command()
def demo(
    host: str = typer.Option("127.0.0.1", help="Address to listen on"),
    port: int = typer.Option(8000, help="Port to listen on"),
    data_dir: Path = typer.Option(Path("crossflow-data"), help="Folder of the SQLite file"),
) -> None:
    """Run the embedded demo: SQLite, demo data, in-process worker, on one port."""
    import uvicorn

    settings = configure(
        get_settings().model_copy(update={"mode": Mode.DEMO, "data_dir": data_dir})
    )
    _logging(settings)

    async def prepare() -> bool:
        await db.migrate(settings, fresh_from_models=True)
        async with db.orm(settings):
            return await demo_data.load_demo_data()

    loaded = asyncio.run(prepare())
    _print_demo_banner(settings, host, port, fresh=loaded)
    uvicorn.run(
        create_app(settings, embedded_worker=True), host=host, port=port, log_level="warning"
    )


def _print_demo_banner(settings: Settings, host: str, port: int, *, fresh: bool) -> None:
    if settings.secret_key in (None, DEFAULT_SECRET_KEY):
        console.print(
            "[bold yellow]Demo mode: sign-ins are signed with the PUBLIC demo key (set"
            " CROSSFLOW_SECRET_KEY to change it) and the demo password is public: anyone who"
            " reaches this port can act as anyone (演示模式：签名密钥公开).[/bold yellow]"
        )
    if not _is_loopback(host):
        console.print(
            f"[bold red]Warning: the demo listens on {host}, reachable from other machines."
            " Use --host 127.0.0.1 unless everyone on this network may be the admin.[/bold red]"
        )
    table = Table(title="Demo accounts (演示账号)", show_lines=False)
    table.add_column("username")
    table.add_column("role")
    table.add_row("admin", "ADMIN")
    table.add_row("ceo", "EXECUTIVE")
    for code, name, *_ in DEPARTMENTS:
        table.add_row(f"{code}_head / {code}_staff", f"DEPT_HEAD / EMPLOYEE · {name}")
    console.print(table)
    console.print(f"Password for every demo account: [bold]{DEMO_PASSWORD}[/bold]")
    console.print(f"Data: {settings.sqlite_path} ({'new' if fresh else 'existing'})")
    console.print(f"Workbench (协作工作台, sign in as any demo user): http://{host}:{port}/")
    console.print(f"GraphQL + GraphiQL: http://{host}:{port}/graphql")
    console.print(f"Admin panel (管理后台, sign in as admin): http://{host}:{port}/admin")


def _is_loopback(host: str) -> bool:
    """Whether ``host`` is reachable from this machine only."""
    import ipaddress

    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@app.command()
def serve(
    host: str = typer.Option("127.0.0.1", help="Address to listen on"),
    port: int = typer.Option(8000, help="Port to listen on"),
    workers: int = typer.Option(1, min=1, help="Server processes (uvicorn workers)"),
    embedded_worker: bool = typer.Option(
        False, help="Run the background actors in this process (deployments without Redis)"
    ),
) -> None:
    """Serve the API on the configured database and broker (run `crossflow migrate` first)."""
    import uvicorn

    settings = get_settings()
    _logging(settings)
    # Settled before the workers start: the key file is then created once, and a refused
    # key stops the command with its message rather than every worker with a traceback.
    try:
        settings = resolve_secret_key(settings)
    except RuntimeError as refusal:
        console.print(f"[red]{refusal}[/red]", markup=False)
        raise typer.Exit(2) from None
    if workers > 1:
        prepare_multiprocess_metrics()
        uvicorn.run(
            "crossflow.asgi:app",
            host=host,
            port=port,
            workers=workers,
            log_level="warning",
            factory=False,
        )
        return
    uvicorn.run(
        create_app(settings, embedded_worker=embedded_worker or not settings.redis_url),
        host=host,
        port=port,
        log_level="warning",
    )


@app.command()
def worker(
    processes: int = typer.Option(1, min=1, help="Worker processes"),
    threads: int = typer.Option(4, min=1, help="Threads per worker process"),
) -> None:
    """Run Dramatiq workers for the background actors (needs CROSSFLOW_REDIS_URL)."""
    from dramatiq.cli import main as dramatiq_main
    from dramatiq.cli import make_argument_parser

    if not get_settings().redis_url:
        console.print("[red]crossflow worker needs CROSSFLOW_REDIS_URL[/red]")
        raise typer.Exit(2)
    arguments = ["crossflow.worker_boot", "--processes", str(processes), "--threads", str(threads)]
    sys.exit(dramatiq_main(make_argument_parser().parse_args(arguments)))


@app.command()
def migrate() -> None:
    """Apply the committed migrations (SQLite file or CROSSFLOW_DATABASE_URL) and defaults."""
    settings = get_settings()
    _logging(settings)

    async def run() -> None:
        await db.migrate(settings)
        async with db.orm(settings):
            await ensure_default_rules()

    asyncio.run(run())
    console.print("migrations applied")


@app.command("create-token")
def create_token(
    name: str = typer.Option(..., help="What the token is for, e.g. 'Power BI finance'"),
    role: str = typer.Option("BI", help="BI (reads reports) or EXECUTIVE (reads all)"),
    user: str = typer.Option(None, help="Username the token reads for (optional)"),
    expires_days: int = typer.Option(None, min=1, help="Expire after this many days"),
) -> None:
    """Create a read-only API token for a BI tool and print it once (only its hash is stored).

    API tokens never write, whatever their role or bound user: every mutation is refused.
    """
    from datetime import timedelta

    async def run() -> str:
        async with db.orm(get_settings()):
            owner = await User.get_or_none(username=user) if user else None
            if user and owner is None:
                raise DomainError(f"no user {user}")
            issued = await create_api_token(
                None,
                name=name,
                role=Role(role.upper()) if role.upper() in Role.__members__ else Role.EMPLOYEE,
                user_id=owner.id if owner else None,
                expires_at=clock.now() + timedelta(days=expires_days) if expires_days else None,
                via="cli",
            )
            return issued.secret

    try:
        token = asyncio.run(run())
    except DomainError as refusal:
        console.print(f"[red]{refusal.message}[/red]")
        raise typer.Exit(2) from None
    console.print(f"read-only {role.upper()} token {name!r} created; it is shown only this once:")
    sys.stdout.write(token + "\n")


@app.command("unlock-sign-in")
def unlock_sign_in(
    user: str = typer.Option(None, help="Username whose failed sign-ins to forget"),
    address: str = typer.Option(None, help="Client address whose failed sign-ins to forget"),
) -> None:
    """Lift a sign-in lock before it ends by itself (audited; the panel's Users page too)."""

    settings = get_settings()
    if not settings.redis_url:
        console.print(
            "[yellow]without CROSSFLOW_REDIS_URL the counts live in each server process:"
            " unlock in the admin panel (Users) of the server, or restart it[/yellow]"
        )
        raise typer.Exit(2)

    async def run() -> bool:
        async with db.orm(settings):
            return await unlock(
                None, SignInGuard.of(settings), username=user, address=address, via="cli"
            )

    try:
        had = asyncio.run(run())
    except DomainError as refusal:
        console.print(f"[red]{refusal.message}[/red]")
        raise typer.Exit(2) from None
    console.print("unlocked" if had else "nothing was locked or counted (recorded anyway)")


@app.command()
def seed(
    tasks: int = typer.Option(200_000, min=100, help="How many tasks (others scale with it)"),
    due_soon: int = typer.Option(2_000, min=0, help="How many of them are due within a day"),
) -> None:
    """Load a large benchmark dataset into an empty PostgreSQL database (migrated first)."""
    settings = get_settings()
    if settings.uses_sqlite or not settings.database_url:
        console.print("[red]crossflow seed needs CROSSFLOW_DATABASE_URL (PostgreSQL)[/red]")
        raise typer.Exit(2)
    asyncio.run(db.migrate(settings))
    counts = asyncio.run(load(settings.database_url, tasks, due_soon))
    console.print(", ".join(f"{count:,} {name}" for name, count in counts.items()))


@app.command("export-schema")
def export_schema(
    output: Path = typer.Option(None, help="Write to this file instead of standard output"),
) -> None:
    """Print the GraphQL SDL (the committed copy is schema.graphql at the repository root)."""
    sdl = schema.as_str() + "\n"
    if output is None:
        sys.stdout.write(sdl)
    else:
        output.write_text(sdl, encoding="utf-8")


@app.command("check-schema")
def check_schema(
    repository: Path = typer.Option(Path("."), help="The git checkout holding schema.graphql"),
) -> None:
    """Fail when the code's SDL differs from the committed schema.graphql (CI runs this).

    Breaking changes since the previous commit pass only with schema.graphql updated in the
    same commit; they are printed either way.
    """
    verdict = check(repository, schema.as_str() + "\n")
    for line in verdict.lines:
        console.print(line, style=None if verdict.ok else "red", markup=False, soft_wrap=True)
    if not verdict.ok:
        raise typer.Exit(1)


from crossflow import background_cli, ops_cli, people_cli  # noqa: E402  (commands join this app)

ops_cli.register(app)
people_cli.register(app)
background_cli.register(app, _logging)
