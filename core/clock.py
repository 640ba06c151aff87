"""The one place that tells the time, so tests can travel in it (time-machine) consistently."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

#: Business dates (deadlines "by July 15", working days) are Beijing dates.
BUSINESS_TZ = ZoneInfo("Asia/Shanghai")


def now() -> datetime:
    """The current instant, timezone-aware in UTC (what the database stores)."""
    return datetime.now(UTC)


def today() -> date:
    """Today's date where the business is (China), not where the server runs."""
    return now().astimezone(BUSINESS_TZ).date()
