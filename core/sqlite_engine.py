"""A Tortoise SQLite engine whose transactions start with ``BEGIN IMMEDIATE``.

SQLite cannot upgrade a deferred read transaction to a write once another connection
(a worker process, the CLI) has committed: the write fails at once with "database is
locked", whatever the busy timeout. Taking the write lock at ``BEGIN`` makes concurrent
writers wait for each other (up to ``busy_timeout``) instead of failing.
"""

from __future__ import annotations

import sqlite3

from tortoise.backends.base.client import TransactionContext
from tortoise.backends.sqlite.client import (
    SqliteClient,
    SqliteTransactionContext,
    SqliteTransactionWrapper,
)
from tortoise.exceptions import TransactionManagementError


class ImmediateTransactionWrapper(SqliteTransactionWrapper):
    """A transaction that takes SQLite's write lock when it begins."""

    async def begin(self) -> None:
        try:
            await self._connection.commit()
            await self._connection.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise TransactionManagementError(exc) from exc


class ImmediateSqliteClient(SqliteClient):
    """The stock client, with immediate transactions."""

    def _in_transaction(self) -> TransactionContext:
        return SqliteTransactionContext(ImmediateTransactionWrapper(self), self._lock)


client_class = ImmediateSqliteClient
