"""The rows of each root the compiled path serves, read by the generic resolvers' own code.

A connection's rows and order come from the function its resolver calls (``task_list``,
``requirement_list``, ``user_list``, ``notification_list``, ``archive_list``,
``suggestion_list``), one object's from the same
``scoped(model, viewer, code=…)`` as ``task(code)`` and ``requirement(code)``: scope and
filters are defined once for both paths.
"""

from __future__ import annotations

from typing import Any

from tortoise.queryset import QuerySet

from models import Requirement, Task
from resolvers.access.auth import Viewer
from resolvers.access.scope import scoped
from resolvers.keyset import Ordering
from schema.archives.outcomes import archive_list
from schema.feedback.forms import suggestion_list
from schema.filters import requirement_list
from schema.notifications.inbox import notification_list
from schema.people.users import user_list
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
    return task_list(viewer, filter, order_by, mine=root == "myTasks")


def object_rows(root: str, viewer: Viewer, arguments: dict[str, Any]) -> QuerySet[Any]:
    """The (at most one) row of the single-object root ``root``."""
    model = Requirement if root == "requirement" else Task
    return scoped(model, viewer, code=arguments["code"]).limit(1)
