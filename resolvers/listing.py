"""The lists clients page through: which rows, filtered how, sortable by what.

Every list starts from the viewer's scope (``resolvers.access.scope``), so a filter can only narrow
what the viewer may read; filters on related things (a requirement's involved departments,
a task's initiator) are subqueries, so a page stays one statement whatever is combined.
The schema turns its filter inputs into the criteria below and pages the result with
``resolvers.keyset``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Generic, TypeVar

from tortoise.expressions import Q, Subquery
from tortoise.queryset import QuerySet

from core import clock
from models import (
    Archive,
    Notification,
    Requirement,
    RequirementDepartment,
    RequirementFieldValue,
    Suggestion,
    Task,
    User,
)
from models.enums import (
    NotificationKind,
    Priority,
    RequirementStatus,
    Role,
    SuggestionStatus,
    TaskStatus,
)
from resolvers.access import policy
from resolvers.access.auth import Viewer
from resolvers.access.scope import scoped
from resolvers.archives.archiving import search_archives
from resolvers.errors import BadUserInput
from resolvers.forms.reading import FieldCondition
from resolvers.keyset import SortKey

V = TypeVar("V", datetime, date)


def _by_name(*keys: SortKey) -> dict[str, SortKey]:
    """A list's sort keys by the name its ``orderBy`` field gives them."""
    return {key.name: key for key in keys}


#: Longest text a list filter searches for.
MAX_TEXT = 100

TASK_SORTS = _by_name(
    SortKey("CREATED_AT", "created_at", "datetime"),
    SortKey("UPDATED_AT", "updated_at", "datetime"),
    SortKey("DEADLINE", "deadline", "datetime", nullable=True),
    SortKey("PRIORITY", "priority", "str"),
    SortKey("CODE", "code", "str"),
    SortKey("PROGRESS", "progress", "int"),
)
REQUIREMENT_SORTS = _by_name(
    SortKey("CREATED_AT", "created_at", "datetime"),
    SortKey("UPDATED_AT", "updated_at", "datetime"),
    SortKey("EXPECTED_BY", "expected_by", "date", nullable=True),
    SortKey("PRIORITY", "priority", "str"),
    SortKey("CODE", "code", "str"),
)
USER_SORTS = _by_name(
    SortKey("USERNAME", "username", "str"),
    SortKey("DISPLAY_NAME", "display_name", "str"),
    SortKey("CREATED_AT", "created_at", "datetime"),
)
NOTIFICATION_SORTS = _by_name(SortKey("CREATED_AT", "created_at", "datetime"))
ARCHIVE_SORTS = _by_name(
    SortKey("ARCHIVED_AT", "created_at", "datetime"),
    SortKey("UPDATED_AT", "updated_at", "datetime"),
)
SUGGESTION_SORTS = _by_name(
    SortKey("CREATED_AT", "created_at", "datetime"),
    SortKey("CODE", "code", "str"),
)


@dataclass
class Range(Generic[V]):
    """``start <= value <= end``; either end may be open. ``field`` names it in refusals."""

    field: str
    start: V | None = None
    end: V | None = None

    def check(self) -> None:
        if self.start is not None and self.end is not None and self.start > self.end:
            raise BadUserInput(
                f"{self.field}: from须不晚于to (from must not be after to)", field=self.field
            )

    def apply(self, queryset: QuerySet[Any], column: str) -> QuerySet[Any]:
        self.check()
        if self.start is not None:
            queryset = queryset.filter(**{f"{column}__gte": self.start})
        if self.end is not None:
            queryset = queryset.filter(**{f"{column}__lte": self.end})
        return queryset


@dataclass
class TaskCriteria:
    statuses: list[TaskStatus] = field(default_factory=list)
    requirement_id: int | None = None
    assignee_id: int | None = None
    #: Executing departments (执行部门): any of them.
    department_ids: list[int] = field(default_factory=list)
    #: The initiator of the task's requirement.
    initiator_id: int | None = None
    priority: Priority | None = None
    deadline: Range[datetime] | None = None
    created: Range[datetime] | None = None
    #: Last change (incremental loads): see ``workflow.touch_task`` for what counts.
    updated: Range[datetime] | None = None
    #: True: deadline passed and not COMPLETED (延迟); False: everything else.
    overdue: bool | None = None
    text: str | None = None


@dataclass
class RequirementCriteria:
    statuses: list[RequirementStatus] = field(default_factory=list)
    #: Involved departments (涉及部门, the lead included): any of them.
    department_ids: list[int] = field(default_factory=list)
    initiator_id: int | None = None
    priority: Priority | None = None
    expected_by: Range[date] | None = None
    created: Range[datetime] | None = None
    #: Last change of the requirement's own fields or status (incremental loads).
    updated: Range[datetime] | None = None
    text: str | None = None
    #: Admin-defined field conditions, resolved by ``form_reading.field_conditions``.
    custom_fields: list[FieldCondition] = field(default_factory=list)


@dataclass
class UserCriteria:
    department_ids: list[int] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    text: str | None = None
    include_inactive: bool = False


def _text(value: str | None, field: str) -> str | None:
    """A search text, trimmed; too long is refused, blank means no filter."""
    if value is None or not value.strip():
        return None
    if len(value) > MAX_TEXT:
        raise BadUserInput(f"搜索词过长 (at most {MAX_TEXT} characters)", field=field)
    return value.strip()


def _range(queryset: QuerySet[Any], bounds: Range[Any] | None, column: str) -> QuerySet[Any]:
    return queryset if bounds is None else bounds.apply(queryset, column)


def overdue_condition() -> Q:
    """Deadline passed and not COMPLETED: the derived 延迟 (DELAYED) of the boards."""
    return Q(deadline__lt=clock.now()) & ~Q(status=TaskStatus.COMPLETED)


def tasks(viewer: Viewer, criteria: TaskCriteria, *, mine: bool = False) -> QuerySet[Task]:
    """Tasks in the viewer's scope matching every given criterion (``mine``: assigned to them)."""
    if mine:
        policy.require_person(viewer)
        # Within the scope by definition: an assignee takes part in the task's requirement
        # (resolvers/access/scope.py), so the scope's subqueries would only cost time.
        queryset = Task.filter(assignee_id=viewer.user_id)
    else:
        queryset = scoped(Task, viewer)
    if criteria.statuses:
        queryset = queryset.filter(status__in=criteria.statuses)
    if criteria.requirement_id is not None:
        queryset = queryset.filter(requirement_id=criteria.requirement_id)
    if criteria.assignee_id is not None:
        queryset = queryset.filter(assignee_id=criteria.assignee_id)
    if criteria.department_ids:
        queryset = queryset.filter(executing_department_id__in=criteria.department_ids)
    if criteria.initiator_id is not None:
        initiated = Requirement.filter(initiator_id=criteria.initiator_id).values("id")
        queryset = queryset.filter(requirement_id__in=Subquery(initiated))
    if criteria.priority is not None:
        queryset = queryset.filter(priority=criteria.priority)
    queryset = _range(queryset, criteria.deadline, "deadline")
    queryset = _range(queryset, criteria.created, "created_at")
    queryset = _range(queryset, criteria.updated, "updated_at")
    if criteria.overdue is not None:
        late = overdue_condition()
        queryset = queryset.filter(late if criteria.overdue else ~late | Q(deadline=None))
    text = _text(criteria.text, "text")
    if text is not None:
        queryset = queryset.filter(Q(title__icontains=text) | Q(code__icontains=text))
    return queryset


def requirements(viewer: Viewer, criteria: RequirementCriteria) -> QuerySet[Requirement]:
    """Requirements in the viewer's scope matching every given criterion."""
    queryset = scoped(Requirement, viewer)
    if criteria.statuses:
        queryset = queryset.filter(status__in=criteria.statuses)
    if criteria.department_ids:
        involved = RequirementDepartment.filter(department_id__in=criteria.department_ids)
        queryset = queryset.filter(id__in=Subquery(involved.values("requirement_id")))
    if criteria.initiator_id is not None:
        queryset = queryset.filter(initiator_id=criteria.initiator_id)
    if criteria.priority is not None:
        queryset = queryset.filter(priority=criteria.priority)
    queryset = _range(queryset, criteria.expected_by, "expected_by")
    queryset = _range(queryset, criteria.created, "created_at")
    queryset = _range(queryset, criteria.updated, "updated_at")
    text = _text(criteria.text, "text")
    if text is not None:
        queryset = queryset.filter(Q(title__icontains=text) | Q(code__icontains=text))
    for condition in criteria.custom_fields:  # through the indexed value rows
        matching = RequirementFieldValue.filter(**condition.lookups())
        queryset = queryset.filter(id__in=Subquery(matching.values("requirement_id")))
    return queryset


def users(viewer: Viewer, criteria: UserCriteria) -> QuerySet[User]:
    """The people directory: active users unless asked otherwise (who can be assigned work)."""
    queryset = scoped(User, viewer)
    if not criteria.include_inactive:
        queryset = queryset.filter(is_active=True)
    if criteria.department_ids:
        queryset = queryset.filter(department_id__in=criteria.department_ids)
    if criteria.roles:
        queryset = queryset.filter(role__in=criteria.roles)
    text = _text(criteria.text, "text")
    if text is not None:
        queryset = queryset.filter(Q(username__icontains=text) | Q(display_name__icontains=text))
    return queryset


def notifications(
    viewer: Viewer, *, unread_only: bool, kinds: list[NotificationKind]
) -> QuerySet[Notification]:
    """The viewer's own inbox (FORBIDDEN for BI tokens: ``policy.require_inbox_owner``)."""
    policy.require_inbox_owner(viewer)
    queryset = scoped(Notification, viewer)
    if unread_only:
        queryset = queryset.filter(read_at=None)
    if kinds:
        queryset = queryset.filter(kind__in=kinds)
    return queryset


def archives(
    viewer: Viewer, search: str | None, updated: Range[datetime] | None
) -> QuerySet[Archive]:
    """Archived records the viewer may read with every word of ``search``, changed within
    ``updated`` (the knowledge base's incremental load)."""
    return _range(search_archives(viewer, search), updated, "updated_at")


def suggestions(viewer: Viewer, statuses: list[SuggestionStatus]) -> QuerySet[Suggestion]:
    queryset = scoped(Suggestion, viewer)
    return queryset.filter(status__in=statuses) if statuses else queryset
