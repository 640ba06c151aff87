"""Settings from environment variables (prefix ``CROSSFLOW_``) and an optional ``.env`` file.

Every process (server, worker, scheduler, CLI) reads the same settings, so that without
``CROSSFLOW_DATABASE_URL`` they all share one SQLite file in the data folder.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Literal

from pydantic import Field, model_validator
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
    #: A PostgreSQL streaming replica of ``database_url`` for BI and report reads
    #: (``core/replica.py``); unset: the primary answers them too.
    database_replica_url: str | None = None
    #: A replica lagging more than this is passed over: the primary answers BI reads.
    replica_max_lag_seconds: float = Field(default=30.0, gt=0, le=86_400)
    #: How often the replica's lag is measured (0: before every BI read).
    replica_lag_check_seconds: float = Field(default=1.0, ge=0, le=600)
    redis_url: str | None = None
    #: Signs bearer tokens and panel cookies. Unset: a random key generated once into
    #: ``<data_dir>/secret_key``; the demo uses the published demo key (crossflow/secret_key.py).
    secret_key: str | None = None
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
    #: A task lags (进度滞后) when its progress trails the share of its time already gone by
    #: this many points or more (the source's 30%).
    lagging_margin_points: int = Field(default=30, ge=1, le=100)
    #: For years neither chinesecalendar nor the override table knows: ``weekdays`` (Monday
    #: to Friday work) or ``all_days``. The admin is notified whenever it is used.
    calendar_fallback: Literal["weekdays", "all_days"] = "weekdays"

    # Reports for BI (GET /reports/...): requests per minute per API token or user, with a
    # burst of the same size. Counted in Redis when CROSSFLOW_REDIS_URL is set (shared by
    # every replica), else in each server process.
    reports_rate_per_minute: int = Field(default=60, ge=1, le=100_000)

    # Sign-in throttling (README): failed sign-ins through the API's login and the panel,
    # counted per account and per client address; in Redis when CROSSFLOW_REDIS_URL is set.
    #: Failures allowed before each further attempt waits (1 s, doubling with each failure).
    sign_in_free_failures: int = Field(default=3, ge=0, le=1000)
    #: The longest wait between two attempts.
    sign_in_max_delay_seconds: int = Field(default=60, ge=1, le=3600)
    #: Failures that lock an account, until the lock ends or an administrator unlocks it.
    sign_in_lock_failures: int = Field(default=10, ge=1, le=1000)
    #: How long a lock lasts; the failures are forgotten this long after the last one.
    sign_in_lock_minutes: int = Field(default=15, ge=1, le=24 * 60)
    #: The same for one client address, which many people may share (an office's NAT).
    sign_in_address_free_failures: int = Field(default=20, ge=0, le=100_000)
    sign_in_address_lock_failures: int = Field(default=100, ge=1, le=100_000)

    # Comments and @mentions (README's settings table): whom a mention may reach (``involved``:
    # people who already take part in the requirement, ``company``: anyone active), how
    # many people one comment may mention, and comments per minute per person (shared
    # through Redis like the report downloads' limit).
    mentions_scope: Literal["involved", "company"] = "company"
    mentions_per_comment: int = Field(default=10, ge=1, le=1000)
    comments_rate_per_minute: int = Field(default=20, ge=1, le=100_000)

    # Open websockets re-check their viewer at least this often, besides the moment a
    # change is announced and the moment the token expires.
    ws_recheck_seconds: float = Field(default=30.0, gt=0, le=3600)

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

    # Operations (README, "Running on PostgreSQL and Redis"): retention, metrics, logs, traces
    #: Sent outbox rows are kept this long (pending ones always stay).
    retention_outbox_days: int = Field(default=7, ge=1, le=3650)
    #: A message whose sending fails this many times is parked for an admin (docs/decisions.md).
    outbox_max_attempts: int = Field(default=8, ge=1, le=100)
    #: The wait after a message's first failure; it doubles with each further one.
    outbox_backoff_seconds: float = Field(default=30.0, gt=0, le=3600)
    #: The longest wait between two attempts of one message.
    outbox_backoff_max_seconds: float = Field(default=3600.0, gt=0, le=86_400)
    #: Read notifications are kept this long; longer than the warnings' look-back, so a
    #: scan never re-sends a warning whose notification was deleted.
    retention_notification_days: int = Field(default=180, ge=1, le=3650)
    #: A stored file no attachment names is deleted only once it is this old (an upload
    #: writes its file before the row that names it).
    retention_file_grace_hours: int = Field(default=24, ge=1, le=24 * 365)
    #: Bearer token for GET /metrics; without it, /metrics answers only the networks below.
    metrics_token: str | None = None
    #: Client networks allowed to read /metrics without a token (CIDR).
    metrics_networks: list[str] = Field(default_factory=lambda: ["127.0.0.0/8", "::1/128"])
    #: Log lines as JSON objects (production, log shippers) or coloured console text.
    log_format: Literal["json", "console"] = "console"
    #: OTLP/HTTP endpoint for traces, e.g. http://otel-collector:4318 (off when unset; the
    #: standard OTEL_EXPORTER_OTLP_ENDPOINT is honoured too).
    otlp_endpoint: str | None = None

    # Directory sync (LDAP / Active Directory; docs/operations.md, "Connecting a directory").
    #: e.g. ldap://ldap.example.com:389 or ldaps://…; unset: no directory sync, no LDAP sign-in.
    ldap_url: str | None = None
    #: The service account the sync searches with (read access to people and departments).
    ldap_bind_dn: str = ""
    ldap_bind_password: str = ""
    ldap_people_base: str = ""
    ldap_people_filter: str = "(objectClass=inetOrgPerson)"
    #: Departments are the entries below this base (an OU tree); empty: the people base.
    ldap_departments_base: str = ""
    ldap_departments_filter: str = "(objectClass=organizationalUnit)"
    #: The attribute mapping. ``ldap_attr_key`` is the stable id that survives renames and
    #: moves (OpenLDAP ``entryUUID``, Active Directory ``objectGUID``).
    ldap_attr_key: str = "entryUUID"
    ldap_attr_username: str = "uid"
    ldap_attr_display_name: str = "displayName"
    ldap_attr_email: str = "mail"
    #: A person's department: this attribute's value is a department code; empty: the
    #: department entry the person sits under (the DN's parent).
    ldap_attr_department: str = ""
    ldap_attr_department_code: str = "ou"
    ldap_attr_department_name: str = "description"
    #: The head of a department: this attribute of the department entry (AD ``managedBy``)
    #: names the head's DN; empty: the manager most of its members name (``manager``).
    ldap_attr_department_head: str = ""
    ldap_attr_manager: str = "manager"
    #: How often the scheduler runs the sync (0: only on demand).
    ldap_sync_minutes: int = Field(default=60, ge=0, le=7 * 24 * 60)
    ldap_timeout_seconds: float = Field(default=10.0, gt=0, le=120)

    # Single sign-on with OpenID Connect (docs/operations.md, "Connecting an identity provider").
    #: The provider's issuer, e.g. https://idp.example.com/realms/corp; unset: no SSO.
    oidc_issuer: str | None = None
    #: Where its metadata is; empty: ``<issuer>/.well-known/openid-configuration``.
    oidc_discovery_url: str = ""
    oidc_client_id: str = ""
    oidc_client_secret: str = ""
    oidc_scopes: str = "openid profile email"
    #: The callback registered at the provider; empty: this server's ``/auth/oidc/callback``
    #: as the browser reached it (set it behind a proxy that rewrites the host).
    oidc_redirect_url: str = ""
    #: Which claims (from the ID token, then userinfo) give the account's fields. The
    #: department claim is matched to a department's code, then to its name.
    oidc_claim_username: str = "preferred_username"
    oidc_claim_email: str = "email"
    oidc_claim_display_name: str = "name"
    oidc_claim_department: str = "department"
    oidc_timeout_seconds: float = Field(default=10.0, gt=0, le=120)
    #: Off: only the break-glass administrators below may sign in with a password here;
    #: everyone else signs in with the company account (or their directory's bind).
    local_passwords: bool = True
    #: Usernames of administrator accounts that keep their local password when it is off.
    break_glass_admins: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _replica_needs_postgres(self) -> Settings:
        """A read replica only makes sense beside a PostgreSQL primary, and is one itself."""
        replica = self.database_replica_url
        if replica is None:
            return self
        if not replica.startswith(("postgres://", "postgresql://", "asyncpg://")):
            raise ValueError("CROSSFLOW_DATABASE_REPLICA_URL must be a postgres:// URL")
        if self.uses_sqlite:
            raise ValueError(
                "CROSSFLOW_DATABASE_REPLICA_URL needs CROSSFLOW_DATABASE_URL on PostgreSQL"
            )
        return self

    @property
    def oidc_enabled(self) -> bool:
        return bool(self.oidc_issuer and self.oidc_client_id)

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

    @property
    def signing_key(self) -> str:
        """The secret key, once ``crossflow.secret_key.resolve`` has settled it."""
        if self.secret_key is None:
            raise RuntimeError("the secret key is not resolved (crossflow.secret_key.resolve)")
        return self.secret_key


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
