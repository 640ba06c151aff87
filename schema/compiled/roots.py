"""The rows of each root the compiled path serves, read by the generic resolvers' own code.

A connection's rows and order come from the function its resolver calls (``task_list``,
``requirement_list``, ``user_list``, ``notification_list``, ``archive_list``,
``suggestion_list``, ``saved_report_list``, ``analysis_report_list``), one object's from
the same ``scoped(model, viewer, code=…)`` as ``task(code)`` and ``requirement(code)``
(``node``'s and ``viewer``'s from ``scoped(model, viewer, id=…)``, the loader's question),
``departments``' from ``department_list``, ``requirementTemplates``' from
``requirement_templates``: scope and filters are defined once for both
paths. A list function's refusal (a viewer outside the reports' scope: FORBIDDEN) leaves
the request to the generic executor, which words it.
"""

from __future__ import annotations

from typing import Any

from strawberry import relay
from tortoise.queryset import QuerySet

from models import Requirement, Task, User
from resolvers.access.auth import Viewer
from resolvers.access.scope import scoped
from resolvers.keyset import Ordering
from resolvers.templates.definitions import requirement_templates
from schema.archives.outcomes import archive_list
from schema.compiled.fields import SOURCES
from schema.feedback.forms import suggestion_list
from schema.filters import requirement_list
from schema.ids import in_range
from schema.notifications.inbox import notification_list
from schema.people.departments import department_list
from schema.people.users import user_list
from schema.reports.aggregates import saved_report_list
from schema.reports.analysis import analysis_report_list
from schema.tasks.task import task_list


async def connection_rows(
    root: str, viewer: Viewer, arguments: dict[str, Any]
) -> tuple[QuerySet[Any], Ordering]:
    """The rows (before paging) and order of the connection ``root``."""
    filter, order_by = arguments.get("filter"), arguments.get("order_by")
    if root == "requirements":
        return await requirement_list(viewer, filter, order_by)
    if root == "users":
        return user_list(viewer, filter, order_by)
    if root == "archives":
        return archive_list(viewer, arguments.get("search"), filter, order_by)
    if root == "suggestions":
        return suggestion_list(viewer, filter, order_by)
    if root == "notifications":
        return notification_list(viewer, arguments.get("unread_only", False), filter, order_by)
    if root == "savedReports":
        return saved_report_list(viewer)
    if root == "analysisReports":
        return analysis_report_list(viewer)
    return task_list(viewer, filter, order_by, mine=root == "myTasks")


def object_rows(root: str, viewer: Viewer, arguments: dict[str, Any]) -> QuerySet[Any]:
    """The (at most one) row of the single-object root ``root``; every row of a list root."""
    if root == "departments":
        return department_list()
    if root == "requirementTemplates":
        return requirement_templates(viewer)
    if root == "viewer":
        if viewer.user_id is None:  # a token of no person: no row, and ``viewer`` is null
            return User.filter(id__in=[])
        return scoped(User, viewer, id=viewer.user_id).limit(1)
    if root == "node":
        target = node_target(arguments["id"])
        assert target is not None  # checked before the statement is built
        return scoped(SOURCES[target[0]].model, viewer, id=target[1]).limit(1)
    model = Requirement if root == "requirement" else Task
    return scoped(model, viewer, code=arguments["code"]).limit(1)


def node_target(global_id: str) -> tuple[str, int] | None:
    """(type name, key) of a global id of a declared type, ``None`` for anything the
    generic ``node`` resolver refuses or does not find (it words those errors)."""
    try:
        decoded = relay.GlobalID.from_id(global_id)
        pk = int(decoded.node_id)
    except Exception:  # not a global id: BAD_USER_INPUT is the generic executor's
        return None
    source = SOURCES.get(decoded.type_name)
    if source is None or not in_range(pk, source.model):
        return None
    return decoded.type_name, pk
