"""The scopes that need no participation: directory data, the platform's own tables, and
rows that belong to the viewer or their role. Part of ``scope.py``, which declares every
table's scope (:data:`scope._SCOPES`) and holds the participation rules."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tortoise.expressions import Q

from models.enums import Role
from resolvers.access.auth import Viewer
from resolvers.access.gates import REPORTS_ON_EVERY_DEPARTMENT

Scope = Q | None
NOTHING = Q(id__in=[])


def everyone(viewer: Viewer) -> Scope:
    """Directory data: departments, people, warning rules, the calendar, templates' rows."""
    return None


def admin_only(viewer: Viewer) -> Scope:
    """Tables of the platform's running (counters, outbox, directory settings): the ADMIN's,
    and the answer for any table nobody declared."""
    return None if viewer.is_admin else NOTHING


def admin_and_executive(viewer: Viewer) -> Scope:
    """The audit trail and the analysis reports: ADMIN and EXECUTIVE, not BI tokens."""
    return None if viewer.role in (Role.ADMIN, Role.EXECUTIVE) else NOTHING


def own(field: str) -> Callable[[Viewer], Scope]:
    """Rows that belong to the viewer (their notifications, their tokens); admins see all."""

    def scope(viewer: Viewer) -> Scope:
        if viewer.is_admin and field != "recipient_id":
            return None
        lookup: dict[str, Any] = {field: viewer.user_id}
        return NOTHING if viewer.user_id is None else Q(**lookup)

    return scope


def report_readers(viewer: Viewer) -> Scope:
    """Saved report definitions: whoever may read reports (gates.report_departments)."""
    return None if viewer.role in (*REPORTS_ON_EVERY_DEPARTMENT, Role.DEPT_HEAD) else NOTHING


def templates(viewer: Viewer) -> Scope:
    """Everyone may start from an enabled template; disabled ones are the admin's."""
    return None if viewer.is_admin else Q(enabled=True)


def form_fields(viewer: Viewer) -> Scope:
    """Active fields of the requirement form and of enabled templates; the rest: ADMIN."""
    if viewer.is_admin:
        return None
    return Q(active=True) & (Q(template_id=None) | Q(template__enabled=True))


def delegations(viewer: Viewer) -> Scope:
    if viewer.is_admin:
        return None
    if viewer.user_id is None:
        return NOTHING
    return Q(head_id=viewer.user_id) | Q(delegate_id=viewer.user_id)
