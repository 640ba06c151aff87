"""Who acts as a department's head (代理审批), read as facts of a caller's statement.

``policy.heads_and_delegates`` and the warning detector both need, for some departments,
the head and the delegates in force. Read as branches of the caller's one statement
(``core/union_rows.FactStatement``), with the departments given as a condition that may be
a subquery of the caller's own rows, the answer costs no round trip of its own: the
headships, the delegations of those heads running at the moment, and what naming a
delegate asks of both (their departments, whether active, what they head). The rules
that decide are ``acting.may_name`` and ``acting.acting``, whoever reads the rows.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.expressions import Q, Subquery

from core.union_rows import FactRows, FactStatement, flag
from models import Delegation, DepartmentHead, User
from resolvers.access.acting import Person, acting, may_name


@dataclass(frozen=True)
class HeadFacts:
    """The kinds of the head facts' branches in a statement."""

    headships: int  # id, department, head: the head active
    delegations: int  # id, head, delegate: running at the moment, the delegate active
    people: int  # id, department, active: each head and delegate of those delegations
    headed: int  # id, person, department: the headships of those people
    #: subqueries of everyone who may act: the heads, and the delegates of running delegations
    acting_ids: tuple[Subquery, ...] = field(default=(), compare=False)

    def acting(self, rows: FactRows) -> dict[int, list[int]]:
        """Each department's acting people, as ``policy.heads_and_delegates`` answers."""
        headships = [(dept, head) for _, dept, head in rows.columns(self.headships, 3)]
        delegations = [(head, delegate) for _, head, delegate in rows.columns(self.delegations, 3)]
        people = {
            pk: Person(department, bool(active))
            for pk, department, active in rows.columns(self.people, 3)
            if pk is not None
        }
        headed: dict[int, set[int]] = defaultdict(set)
        for _, person, department in rows.columns(self.headed, 3):
            if person is not None and department is not None:
                headed[person].add(department)
        return acting(headships, delegations, may_name(set(delegations), people, headed))


def add_head_facts(
    statement: FactStatement,
    departments: Q,
    at: datetime,
    conn: BaseDBAsyncClient | None = None,
) -> HeadFacts:
    """Branches of ``statement`` for the heads of the departments ``departments`` selects
    (a condition on ``DepartmentHead``, e.g. ``department_id__in`` a subquery)."""
    heads = DepartmentHead.filter(departments, user__is_active=True).using_db(conn)
    running = Delegation.filter(
        head_id__in=Subquery(heads.values("user_id")),
        revoked_at=None,
        starts_at__lte=at,
        ends_at__gt=at,
        delegate__is_active=True,
    ).using_db(conn)
    named = Subquery(running.values("head_id")), Subquery(running.values("delegate_id"))
    return HeadFacts(
        headships=statement.add(heads.values_list("id", "department_id", "user_id")),
        delegations=statement.add(running.values_list("id", "head_id", "delegate_id")),
        people=statement.add(
            User.filter(Q(id__in=named[0]) | Q(id__in=named[1]))
            .using_db(conn)
            .annotate(active=flag("is_active"))
            .values_list("id", "department_id", "active")
        ),
        headed=statement.add(
            DepartmentHead.filter(Q(user_id__in=named[0]) | Q(user_id__in=named[1]))
            .using_db(conn)
            .values_list("id", "user_id", "department_id")
        ),
        acting_ids=(Subquery(heads.values("user_id")), named[1]),
    )
