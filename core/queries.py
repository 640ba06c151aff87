"""Small helpers over Tortoise querysets, for every layer above the kernel.

They know nothing of the domain: one integer column of a query's rows, a list of ids written
into a statement, a UNION of single-column queries. The access modules need them and are
themselves imported by the use-case helpers (``resolvers/workflow.py``): when ``int_column``
lived in ``workflow.py`` it tied policy, scope and workflow into an import cycle.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from pypika_tortoise.context import SqlContext
from pypika_tortoise.terms import Parameterizer, Term
from tortoise.queryset import ValuesQuery


async def int_column(queryset: Any, field: str) -> list[int]:
    """One integer column of a query's rows (ids, foreign keys), as plain ints."""
    values: list[Any] = await queryset.values_list(field, flat=True)
    return [int(value) for value in values]


class IdList(Term):
    """Integer ids written into the statement as ``(1,2,…)``.

    A read-ahead scope holds thousands of ids; as one bound parameter each, rendering the
    statement costs milliseconds of Python, while the text is one join. The ids are
    primary keys read from the database (ints, never client input), so nothing can be
    injected; PostgreSQL turns the list into ``= ANY(array)`` with exact statistics.
    """

    def __init__(self, ids: tuple[int, ...]) -> None:
        super().__init__()
        self.ids = ids

    def get_sql(self, ctx: SqlContext) -> str:
        return id_text(self.ids)


@lru_cache(maxsize=64)
def id_text(ids: tuple[int, ...]) -> str:
    """``(1,2,…)``, kept for the next statement of the same viewer (a page renders it twice)."""
    return "(" + ",".join(map(str, map(int, ids))) + ")"


def union(sources: list[ValuesQuery[Any]]) -> tuple[str, list[Any]]:
    """One ``SELECT … UNION SELECT …`` of single-column querysets, parameters shared."""
    context: SqlContext | None = None
    parts: list[str] = []
    for source in sources:
        source._choose_db_if_not_chosen()
        source._make_query()
        source.query._orderbys = []  # a default ordering is not allowed inside a UNION
        if context is None:
            context = source.query.QUERY_CLS.SQL_CONTEXT.copy(parameterizer=Parameterizer())
        parts.append(source.query.get_sql(context))
    assert context is not None and context.parameterizer is not None
    return " UNION ".join(parts), list(context.parameterizer.values)


#: A PostgreSQL placeholder (``$1``), its number the group
PLACEHOLDER = re.compile(r"\$(\d+)")


def renumbered(sql: str, offset: int) -> str:
    """``sql`` with each placeholder ``$n`` written ``$(n + offset)``: a statement placed in
    one with ``offset`` values before its own (the reports of a request, a document's
    compiled roots)."""
    return PLACEHOLDER.sub(lambda match: f"${int(match.group(1)) + offset}", sql)
