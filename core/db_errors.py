"""What a database (or broker) error means for the client: an outage, bad input, or a bug.

Only a failure to reach the service (a refused or lost connection, a pool timeout, SQLite's
lock held past the busy timeout) is ``SERVICE_UNAVAILABLE``: the client may retry and the
operator is told of an outage. A value the database refuses (a NUL in text, a number out of
range, a string too long, an integer SQLite cannot bind) is the client's input:
``BAD_USER_INPUT``, not logged as an outage. Anything else (a constraint the code should
have checked, SQL the code got wrong) is an internal error: logged with its traceback for
the developers, answered without details.

Tortoise wraps driver errors (``OperationalError(exc)`` for asyncpg's data errors and
for every ``sqlite3.OperationalError``), so the whole chain of causes is looked at.
"""

from __future__ import annotations

import enum
import sqlite3
from collections.abc import Iterator

import asyncpg
import redis.exceptions
from asyncpg.exceptions import _base as asyncpg_base
from dramatiq.errors import BrokerConnectionError
from tortoise.exceptions import BaseORMException, DBConnectionError

#: Messages of SQLite errors that mean "try again later", not "this statement is wrong".
_SQLITE_UNAVAILABLE = ("database is locked", "database is busy", "unable to open", "disk i/o")
#: Raised by the sqlite3 module itself when a Python integer does not fit its INTEGER.
_SQLITE_OVERFLOW = "too large to convert to sqlite"

#: Exceptions that reach the service's edge and may come from the database or the broker
#: (the HTTP layer answers these by their classification, see ``classify``).
SERVICE_ERRORS: tuple[type[BaseException], ...] = (
    BaseORMException,
    asyncpg.PostgresError,
    asyncpg.InterfaceError,
    sqlite3.Error,
    redis.exceptions.RedisError,
    BrokerConnectionError,
    OverflowError,
    OSError,
    TimeoutError,
)


class Kind(enum.Enum):
    UNAVAILABLE = "SERVICE_UNAVAILABLE"
    BAD_INPUT = "BAD_USER_INPUT"
    INTERNAL = "INTERNAL_SERVER_ERROR"


def _chain(exc: BaseException) -> Iterator[BaseException]:
    """``exc``, its causes and the driver errors Tortoise wraps in its ``args``."""
    seen: set[int] = set()
    pending = [exc]
    while pending:
        current = pending.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        pending.extend(arg for arg in current.args if isinstance(arg, BaseException))
        if current.__cause__ is not None:
            pending.append(current.__cause__)


def _bad_input(exc: BaseException) -> bool:
    if isinstance(exc, (asyncpg.DataError, asyncpg_base.DataError, sqlite3.DataError)):
        return True
    return isinstance(exc, OverflowError) and _SQLITE_OVERFLOW in str(exc).lower()


def _unavailable(exc: BaseException) -> bool:
    if isinstance(exc, sqlite3.OperationalError):
        return any(text in str(exc).lower() for text in _SQLITE_UNAVAILABLE)
    if isinstance(exc, asyncpg_base.DataError):  # an InterfaceError about a value, not a link
        return False
    return isinstance(
        exc,
        (
            DBConnectionError,
            asyncpg.PostgresConnectionError,
            asyncpg.InterfaceError,
            asyncpg.exceptions.OperatorInterventionError,  # admin shutdown, cannot connect now
            asyncpg.exceptions.InsufficientResourcesError,  # too many connections, disk full
            redis.exceptions.ConnectionError,
            redis.exceptions.TimeoutError,
            BrokerConnectionError,
            OSError,
            TimeoutError,
        ),
    )


def classify(exc: BaseException) -> Kind:
    """Whether ``exc`` is an outage, the client's bad input, or an internal error."""
    chain = list(_chain(exc))
    if any(_bad_input(e) for e in chain):
        return Kind.BAD_INPUT
    if any(_unavailable(e) for e in chain):
        return Kind.UNAVAILABLE
    return Kind.INTERNAL


def is_unavailable(exc: BaseException) -> bool:
    return classify(exc) is Kind.UNAVAILABLE
