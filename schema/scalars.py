"""The ``DateTime`` scalar: ISO 8601 with a time zone in, UTC inside.

Every instant entering the API is converted to UTC here, in one place: SQLite compares
stored instants as text, so ``18:00+08:00`` and ``10:00+00:00`` must never both occur in a
column. A time without a zone is refused (which zone did the client mean?).
"""

from __future__ import annotations

from datetime import UTC, datetime

import strawberry


def parse_instant(value: object) -> datetime:
    if not isinstance(value, str):
        raise ValueError("DateTime must be an ISO 8601 string")
    moment = datetime.fromisoformat(value)
    if moment.tzinfo is None:
        raise ValueError("DateTime needs a time zone, e.g. 2026-07-15T18:00:00+08:00")
    return moment.astimezone(UTC)


def serialize_instant(value: datetime) -> str:
    return value.isoformat()


UTCDateTime = strawberry.scalar(
    name="DateTime",
    description="An instant, ISO 8601 with a time zone (e.g. 2026-07-15T18:00:00+08:00)",
    serialize=serialize_instant,
    parse_value=parse_instant,
)
