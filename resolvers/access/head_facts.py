"""Who acts as a department's head (代理审批), read as facts of a caller's statement.

``policy.heads_and_delegates`` (for some departments) and the warning rules (for every
department, a few rows) need the head and the delegates in force. Read as branches of the
caller's one statement (``core/fact_statement.FactStatement``), the answer costs no round
trip of its own: the headships, the delegations of those heads running at the moment, and
what naming a delegate asks of both (their departments, whether active, what they head).
The rules that decide are ``acting.may_name`` and ``acting.acting``, whoever reads the rows.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.expressions import Q, Subquery
from tortoise.queryset import ValuesListQuery

from core.fact_statement import FactRows, FactStatement
from core.union_rows import flag
from models import Delegation, DepartmentHead, User
from resolvers.access.acting import Person, acting, may_name


@dataclass(frozen=True)
class NamingFacts:
    """The kinds of the branches that say what naming a delegate asks of some people."""

    people: tuple[int, ...]  # id, department, active
    headed: tuple[int, ...]  # id, person, department: their headships

    def allowed(self, rows: FactRows, pairs: set[tuple[int, int]]) -> set[tuple[int, int]]:
        """The (head, delegate) pairs of ``pairs`` where the head may name the delegate
        (``acting.may_name``, over the rows read)."""
        people = {
            pk: Person(department, bool(active))
            for kind in self.people
            for pk, department, active in rows.columns(kind, 3)
            if pk is not None
        }
        headed: dict[int, set[int]] = defaultdict(set)
        for _, person, department in (c for kind in self.headed for c in rows.columns(kind, 3)):
            if person is not None and department is not None:
                headed[person].add(department)
        return may_name(pairs, people, headed)


def add_naming_facts(
    statement: FactStatement,
    persons: Sequence[Subquery | list[int]],
    conn: BaseDBAsyncClient | None = None,
) -> NamingFacts:
    """Branches for the people ``persons`` name (each a subquery or a list of ids, each a
    branch of its own: an ``OR`` of two subqueries would scan every user)."""
    return NamingFacts(
        people=tuple(
            statement.add(
                User.filter(id__in=ids)
                .using_db(conn)
                .annotate(active=flag("is_active"))
                .values_list("id", "department_id", "active")
            )
            for ids in persons
        ),
        headed=tuple(
            statement.add(
                DepartmentHead.filter(user_id__in=ids)
                .using_db(conn)
                .values_list("id", "user_id", "department_id")
            )
            for ids in persons
        ),
    )


@dataclass(frozen=True)
class HeadFacts:
    """The kinds of the head facts' branches in a statement."""

    headships: int  # id, department, head: the head active
    delegations: int  # id, head, delegate: running at the moment, the delegate active
    naming: NamingFacts  # of the heads and delegates of those delegations
    #: the ids of everyone who may act: the heads, and the delegates of running delegations
    acting_ids: tuple[ValuesListQuery[Any], ...] = field(default=(), compare=False)

    def acting(self, rows: FactRows) -> dict[int, list[int]]:
        """Each department's acting people, as ``policy.heads_and_delegates`` answers."""
        headships = [(dept, head) for _, dept, head in rows.columns(self.headships, 3)]
        delegations = [(head, delegate) for _, head, delegate in rows.columns(self.delegations, 3)]
        return acting(headships, delegations, self.naming.allowed(rows, set(delegations)))


def add_head_facts(
    statement: FactStatement,
    departments: Q | None,
    at: datetime,
    conn: BaseDBAsyncClient | None = None,
) -> HeadFacts:
    """Branches of ``statement`` for the heads of the departments ``departments`` selects
    (a condition on ``DepartmentHead``), or of every department (``None``: a head per
    department, so a few rows, and a statement that plans in no time, where a condition
    on the caller's own rows would repeat their subqueries in every branch)."""
    heads = DepartmentHead.filter(departments or Q(), user__is_active=True).using_db(conn)
    running = Delegation.filter(
        head_id__in=Subquery(heads.values("user_id")),
        revoked_at=None,
        starts_at__lte=at,
        ends_at__gt=at,
        delegate__is_active=True,
    ).using_db(conn)
    named = [Subquery(running.values("head_id")), Subquery(running.values("delegate_id"))]
    return HeadFacts(
        headships=statement.add(heads.values_list("id", "department_id", "user_id")),
        delegations=statement.add(running.values_list("id", "head_id", "delegate_id")),
        naming=add_naming_facts(statement, named, conn),
        acting_ids=(
            heads.distinct().values_list("user_id"),
            running.distinct().values_list("delegate_id"),
        ),
    )
