"""The commands of background work (``scheduler``, ``alerts scan``, ``relay``), registered
on the main CLI.

Kept apart from ``crossflow/cli.py`` so "scan, then send" reads in one place; the sending
itself is one function for every caller (``core.outbox.deliver_pending``, and
``resolvers.alerts.scan.scan_and_deliver`` after a scan).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import datetime

import typer
from rich.console import Console

from core import db, outbox
from core.settings import Settings, get_settings
from crossflow.scheduler import run_forever
from resolvers.alerts.scan import scan_and_deliver

console = Console()


def register(app: typer.Typer, setup_logging: Callable[[Settings], None]) -> None:
    """Add the background commands to ``app``; ``setup_logging`` is the CLI's own."""
    _setup[0] = setup_logging
    app.command()(scheduler)
    app.command()(relay)
    alerts_app = typer.Typer(help="Warnings (预警).", no_args_is_help=True)
    alerts_app.command("scan")(alerts_scan)
    app.add_typer(alerts_app, name="alerts")


_setup: list[Callable[[Settings], None]] = [lambda _settings: None]


def _settings() -> Settings:
    settings = get_settings()
    _setup[0](settings)
    return settings


def scheduler() -> None:
    """Enqueue warning scans every CROSSFLOW_ALERTS_SCAN_MINUTES (running two is harmless)."""
    asyncio.run(run_forever(_settings()))


def relay() -> None:
    """Send the pending outbox messages now: to Redis when set, else run them here."""
    import workers  # noqa: F401  (a start-up step: declares the actors on this broker)

    settings = _settings()

    async def run() -> int:
        async with db.orm(settings):
            return await outbox.deliver_pending(settings)

    console.print(f"messages handled {asyncio.run(run())}")


def alerts_scan(
    at: str = typer.Option(None, help="Scan as of this ISO time, e.g. 2026-10-08T09:00+08:00"),
) -> None:
    """Run one warning scan now (or as of --at) and deliver; inline when no Redis is set."""
    import workers  # noqa: F401  (a start-up step: declares the actors on this broker)

    settings = _settings()
    try:
        moment = datetime.fromisoformat(at) if at else None
    except ValueError:
        console.print(f"[red]--at must be an ISO time, got {at!r}[/red]")
        raise typer.Exit(2) from None
    if moment is not None and moment.tzinfo is None:
        console.print("[red]--at needs a time zone, e.g. +08:00[/red]")
        raise typer.Exit(2)

    async def run() -> None:
        async with db.orm(settings):
            report, delivered = await scan_and_deliver(settings, moment)
        console.print(
            f"found {report.found}, recorded {report.recorded} (held {report.held}), "
            f"released {report.released}, notifications {report.notifications}, "
            f"deliveries {report.deliveries}, messages handled {delivered}"
        )
        if report.unknown_years:
            years = ", ".join(str(y) for y in sorted(report.unknown_years))
            console.print(f"[yellow]no working-day data for {years}: fallback used[/yellow]")

    asyncio.run(run())
