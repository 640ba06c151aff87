"""Domain errors with the codes clients see in ``extensions.code``.

Use cases raise these whether they are called from GraphQL or the admin panel; the GraphQL
layer turns them into errors with ``extensions.code`` (see ``schema/errors.py``).
"""

from __future__ import annotations

from typing import Any, ClassVar


class DomainError(Exception):
    """A refusal a client can act on; ``code`` is stable, the message is for humans."""

    code: ClassVar[str] = "BAD_REQUEST"

    def __init__(self, message: str, **extensions: Any) -> None:
        super().__init__(message)
        self.message = message
        self.extensions = extensions


class Unauthenticated(DomainError):
    code = "UNAUTHENTICATED"


class Forbidden(DomainError):
    code = "FORBIDDEN"


class NotFound(DomainError):
    """Also the answer for objects that exist but that the viewer may not see."""

    code = "NOT_FOUND"


class BadUserInput(DomainError):
    """Invalid input; ``field`` names the offending input field."""

    code = "BAD_USER_INPUT"

    def __init__(self, message: str, *, field: str, **extensions: Any) -> None:
        super().__init__(message, field=field, **extensions)
        self.field = field


class InvalidTransition(DomainError):
    code = "INVALID_TRANSITION"


class Conflict(DomainError):
    """The object changed since the client read it (optimistic versioning): reload and retry."""

    code = "CONFLICT"


class RateLimited(DomainError):
    """Too many requests of one kind from one person; ``retryAfterSeconds`` says when to retry."""

    code = "RATE_LIMITED"
