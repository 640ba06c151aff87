"""One rule's read: everything it decides from, in one statement.

A rule used to read its subjects, then the rows they name (requirements, reviews, seats),
then the heads of their departments, a round trip each. Each later read is now a
subquery of the subjects' queries, so the scan pays one round trip per rule, and the
panel's preview adds the warnings already sent and the recipients to the same statement
(issue 19: a read is at most two statements).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from tortoise.queryset import QuerySet, ValuesListQuery

from core.fact_statement import FactRows, FactStatement
from resolvers.alerts.finding import Finding


@dataclass
class Plan:
    """What a rule reads and how its findings are made of the rows read.

    ``subjects`` are the querysets whose ids are the findings' subjects (of
    ``subject_type``); ``people`` the queries of the ids of everyone a finding may name.
    """

    statement: FactStatement
    subject_type: str
    finish: Callable[[FactRows], list[Finding]]
    subjects: list[QuerySet[Any]] = field(default_factory=list)
    people: list[ValuesListQuery[Any]] = field(default_factory=list)

    async def findings(self) -> list[Finding]:
        """Read the statement and decide."""
        return self.finish(await self.statement.read())


def user_ids(queries: list[QuerySet[Any]], column: str) -> list[ValuesListQuery[Any]]:
    """The user ids in ``column`` of each of ``queries``, once each: people a finding may
    name (the same few people are named by many findings)."""
    return [query.distinct().values_list(column) for query in queries]
