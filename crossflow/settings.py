"""Settings from environment variables (prefix ``CROSSFLOW_``) and an optional ``.env`` file.

Every process (server, worker, scheduler, CLI) reads the same settings, so that without
``CROSSFLOW_DATABASE_URL`` they all share one SQLite file in the data folder.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_SECRET_KEY = "crossflow-insecure-development-key"
DEMO_PASSWORD = "demo"


class Mode(StrEnum):
    """How the process runs: demo data and GraphiQL on, or hardened production."""

    DEMO = "demo"
    DEVELOPMENT = "development"
    PRODUCTION = "production"


class Settings(BaseSettings):
    """Process-wide configuration; see README for the variables that matter in production."""

    model_config = SettingsConfigDict(env_prefix="CROSSFLOW_", env_file=".env", extra="ignore")

    mode: Mode = Mode.DEVELOPMENT
    data_dir: Path = Path("crossflow-data")
    database_url: str | None = None
    redis_url: str | None = None
    secret_key: str = DEFAULT_SECRET_KEY
    token_ttl_hours: int = Field(default=12, ge=1, le=24 * 30)
    db_pool_max_size: int = Field(default=10, ge=1, le=200)
    upload_max_bytes: int = Field(default=20 * 1024 * 1024, ge=1024)
    log_level: str = "INFO"
    #: Browser origins allowed to call the API (CORS), e.g. ["https://crossflow.example.com"].
    cors_origins: list[str] = Field(default_factory=list)

    # Warnings (预警)
    alerts_scan_minutes: int = Field(default=5, ge=1, le=24 * 60)
    alerts_lookback_days: int = Field(default=30, ge=1, le=365)
    #: Hold warnings found outside working time and deliver one digest per person at the
    #: start of the next working period.
    quiet_hours: bool = False
    #: For years neither chinesecalendar nor the override table knows: ``weekdays`` (Monday
    #: to Friday work) or ``all_days``. The admin is notified whenever it is used.
    calendar_fallback: Literal["weekdays", "all_days"] = "weekdays"

    # Reports for BI (GET /reports/...): requests per minute per API token or user, with a
    # burst of the same size. Counted in Redis when CROSSFLOW_REDIS_URL is set (shared by
    # every replica), else in each server process.
    reports_rate_per_minute: int = Field(default=60, ge=1, le=100_000)

    # E-mail (SMTP) and webhooks
    smtp_host: str | None = None
    smtp_port: int = 25
    smtp_username: str | None = None
    smtp_password: str | None = None
    smtp_starttls: bool = False
    smtp_from: str = "CrossFlow <crossflow@localhost>"
    delivery_timeout_seconds: float = Field(default=10.0, gt=0, le=120)

    # Redis broker: how soon the messages of a dead worker are handed to another one
    broker_heartbeat_seconds: int = Field(default=60, ge=1, le=3600)
    #: Chance per million broker commands of running that requeue check.
    broker_maintenance_chance: int = Field(default=1000, ge=1, le=1_000_000)

    # GraphQL limits (docs/api.md, "Limits"): document size, result size, time
    graphql_max_depth: int = Field(default=12, ge=2, le=100)
    graphql_max_aliases: int = Field(default=20, ge=0, le=1000)
    graphql_max_tokens: int = Field(default=5_000, ge=100, le=1_000_000)
    #: Estimated nodes a result may hold: each list's ``first`` times the lists above it.
    graphql_max_cost: int = Field(default=50_000, ge=1)
    #: Time budget of one query (mutations are bounded by their transactions instead).
    graphql_timeout_seconds: float = Field(default=10.0, gt=0, le=600)
    #: Task lists answered with one SQL statement building their JSON (``schema/compiled``),
    #: on PostgreSQL; off, every request goes through the generic executor (the baseline).
    graphql_compiled: bool = True

    @property
    def is_demo(self) -> bool:
        return self.mode is Mode.DEMO

    @property
    def is_production(self) -> bool:
        return self.mode is Mode.PRODUCTION

    @property
    def sqlite_path(self) -> Path:
        return self.data_dir / "crossflow.sqlite3"

    @property
    def uses_sqlite(self) -> bool:
        return self.database_url is None or self.database_url.startswith("sqlite")

    def check_production_safety(self) -> None:
        """Refuse to start a production process with the well-known development secret."""
        if self.is_production and self.secret_key == DEFAULT_SECRET_KEY:
            raise RuntimeError(
                "CROSSFLOW_SECRET_KEY must be set to a private value in production mode"
            )


_current: Settings | None = None


def get_settings() -> Settings:
    """The settings of this process, read from the environment on first use."""
    global _current
    if _current is None:
        _current = Settings()
    return _current


def configure(settings: Settings) -> Settings:
    """Install settings for this process (the CLI's flags and the tests use this)."""
    global _current
    _current = settings
    return settings
