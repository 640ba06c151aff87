"""The typed ``filter`` and ``orderBy`` inputs of every list, and their translation.

Each list has a ``<Thing>Filter`` (every given field must match; lists inside a field mean
"any of") and a ``<Thing>Order`` (one field and a direction). Global ids are decoded here,
with a ``BAD_USER_INPUT`` naming the input field; what the criteria mean lives in
``resolvers/listing.py``.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import Enum
from typing import Any

import strawberry
from tortoise.queryset import QuerySet

import models
from resolvers import listing
from resolvers.access.auth import Viewer
from resolvers.forms import reading as form_reading
from resolvers.keyset import Ordering
from schema.enums import (
    NotificationKind,
    Priority,
    RequirementStatus,
    Role,
    SuggestionStatus,
    TaskStatus,
)
from schema.forms.fields import CustomFieldFilter
from schema.ids import decode_ids, decode_optional_id
from schema.pagination import OrderDirection, ordering

#: The ``updatedAt`` filter's description, the same on every list that has one.
_UPDATED_WITHIN = (
    "Changed within this range (incremental loads: from = the start of your last pull)"
)


def _optional(description: str) -> Any:
    """A filter field that may be left out: null (the default) does not narrow the list."""
    return strawberry.field(default=None, description=description)


def _sort_by() -> Any:
    """The ``field`` of every ``<Thing>Order`` input."""
    return strawberry.field(description="What to sort by")


def _direction() -> Any:
    """The ``direction`` of every ``<Thing>Order`` input, ascending unless asked otherwise."""
    return strawberry.field(default=OrderDirection.ASC, description="Ascending by default")


@strawberry.input(description="Dates from `from` to `to`, both included; either may be open")
class DateRange:
    from_: date | None = strawberry.field(
        default=None, name="from", description="First day (YYYY-MM-DD), included; null: open"
    )
    to: date | None = _optional("Last day (YYYY-MM-DD), included; null: open")


@strawberry.input(description="Instants from `from` to `to`, both included; with a time zone")
class DateTimeRange:
    from_: datetime | None = strawberry.field(
        default=None, name="from", description="Earliest instant, included; null: open"
    )
    to: datetime | None = _optional("Latest instant, included; null: open")


def _range(bounds: DateRange | DateTimeRange | None, field: str) -> listing.Range[Any] | None:
    if bounds is None:
        return None
    return listing.Range(field=field, start=bounds.from_, end=bounds.to)


def _ids(values: list[strawberry.ID] | None, type_name: str, field: str) -> list[int]:
    return decode_ids(values or [], type_name, field)


@strawberry.enum(description="What a task list can be sorted by")
class TaskOrderField(Enum):
    CREATED_AT = strawberry.enum_value("CREATED_AT", description="When the task was created")
    UPDATED_AT = strawberry.enum_value("UPDATED_AT", description="When the task last changed")
    DEADLINE = strawberry.enum_value("DEADLINE", description="The deadline (截止时间)")
    PRIORITY = strawberry.enum_value(
        "PRIORITY", description="Priority by name: NORMAL before URGENT ascending"
    )
    CODE = strawberry.enum_value("CODE", description="The task code, e.g. RW202611001-01")
    PROGRESS = strawberry.enum_value("PROGRESS", description="The reported progress percent")


@strawberry.input(description="Sort order of a task list (tasks without a deadline come last)")
class TaskOrder:
    field: TaskOrderField = _sort_by()
    direction: OrderDirection = _direction()


@strawberry.input(description="Tasks matching every given field")
class TaskFilter:
    statuses: list[TaskStatus] | None = _optional("Any of these statuses")
    requirement_id: strawberry.ID | None = _optional("Tasks of this requirement (global id)")
    assignee_id: strawberry.ID | None = _optional("The responsible person (责任人)")
    department_ids: list[strawberry.ID] | None = _optional(
        "Executing departments (执行部门), any of them"
    )
    initiator_id: strawberry.ID | None = _optional("Who raised the task's requirement")
    priority: Priority | None = _optional("This priority")
    deadline: DateTimeRange | None = _optional("Deadline within this range")
    created_at: DateTimeRange | None = _optional("Created within this range")
    updated_at: DateTimeRange | None = _optional(_UPDATED_WITHIN)
    overdue: bool | None = _optional(
        "true: deadline passed and not COMPLETED (延迟); false: others"
    )
    text: str | None = _optional("Part of the title or code")

    def criteria(self) -> listing.TaskCriteria:
        return listing.TaskCriteria(
            statuses=list(self.statuses or []),
            requirement_id=decode_optional_id(self.requirement_id, "Requirement", "requirementId"),
            assignee_id=decode_optional_id(self.assignee_id, "User", "assigneeId"),
            department_ids=_ids(self.department_ids, "Department", "departmentIds"),
            initiator_id=decode_optional_id(self.initiator_id, "User", "initiatorId"),
            priority=self.priority,
            deadline=_range(self.deadline, "deadline"),
            created=_range(self.created_at, "createdAt"),
            updated=_range(self.updated_at, "updatedAt"),
            overdue=self.overdue,
            text=self.text,
        )


@strawberry.enum(description="What a requirement list can be sorted by")
class RequirementOrderField(Enum):
    CREATED_AT = strawberry.enum_value("CREATED_AT", description="When it was created")
    UPDATED_AT = strawberry.enum_value("UPDATED_AT", description="When it last changed")
    EXPECTED_BY = strawberry.enum_value(
        "EXPECTED_BY", description="The expected completion date (期望完成时间)"
    )
    PRIORITY = strawberry.enum_value(
        "PRIORITY", description="Priority by name: NORMAL before URGENT ascending"
    )
    CODE = strawberry.enum_value("CODE", description="The requirement code, e.g. XQ202611001")


@strawberry.input(description="Sort order of a requirement list (no expectedBy comes last)")
class RequirementOrder:
    field: RequirementOrderField = _sort_by()
    direction: OrderDirection = _direction()


@strawberry.input(description="Requirements matching every given field")
class RequirementFilter:
    statuses: list[RequirementStatus] | None = _optional("Any of these statuses")
    department_ids: list[strawberry.ID] | None = _optional(
        "Involved departments (涉及部门, the lead included), any"
    )
    initiator_id: strawberry.ID | None = _optional("Raised by this person (发起人, global id)")
    priority: Priority | None = _optional("This priority")
    expected_by: DateRange | None = _optional("Expected completion date within this range")
    created_at: DateTimeRange | None = _optional("Created within this range")
    updated_at: DateTimeRange | None = _optional(_UPDATED_WITHIN)
    text: str | None = _optional("Part of the title or code")
    custom_fields: list[CustomFieldFilter] | None = _optional(
        "Conditions on admin-defined fields (自定义字段), all must hold"
    )

    def criteria(self) -> listing.RequirementCriteria:
        return listing.RequirementCriteria(
            statuses=list(self.statuses or []),
            department_ids=_ids(self.department_ids, "Department", "departmentIds"),
            initiator_id=decode_optional_id(self.initiator_id, "User", "initiatorId"),
            priority=self.priority,
            expected_by=_range(self.expected_by, "expectedBy"),
            created=_range(self.created_at, "createdAt"),
            updated=_range(self.updated_at, "updatedAt"),
            text=self.text,
        )


@strawberry.enum(description="What the user directory can be sorted by")
class UserOrderField(Enum):
    USERNAME = strawberry.enum_value("USERNAME", description="The sign-in name")
    DISPLAY_NAME = strawberry.enum_value("DISPLAY_NAME", description="The name people see")
    CREATED_AT = strawberry.enum_value("CREATED_AT", description="When the account was created")


@strawberry.input(description="Sort order of the user directory")
class UserOrder:
    field: UserOrderField = _sort_by()
    direction: OrderDirection = _direction()


@strawberry.input(description="People matching every given field (active people by default)")
class UserFilter:
    department_ids: list[strawberry.ID] | None = _optional("Members of any of these departments")
    roles: list[Role] | None = _optional("Any of these roles")
    text: str | None = _optional("Part of the username or display name")
    include_inactive: bool = strawberry.field(
        default=False, description="Also people whose account is deactivated"
    )

    def criteria(self) -> listing.UserCriteria:
        return listing.UserCriteria(
            department_ids=_ids(self.department_ids, "Department", "departmentIds"),
            roles=list(self.roles or []),
            text=self.text,
            include_inactive=self.include_inactive,
        )


@strawberry.enum(description="What your notification list can be sorted by")
class NotificationOrderField(Enum):
    CREATED_AT = strawberry.enum_value("CREATED_AT", description="When it was sent")


@strawberry.input(description="Sort order of your notifications")
class NotificationOrder:
    field: NotificationOrderField = _sort_by()
    direction: OrderDirection = _direction()


@strawberry.input(description="Your notifications matching every given field")
class NotificationFilter:
    unread_only: bool = strawberry.field(default=False, description="Only the unread ones")
    kinds: list[NotificationKind] | None = _optional("Any of these kinds")


@strawberry.enum(description="What the archive (知识库) can be sorted by")
class ArchiveOrderField(Enum):
    ARCHIVED_AT = strawberry.enum_value("ARCHIVED_AT", description="When it was archived")
    UPDATED_AT = strawberry.enum_value(
        "UPDATED_AT", description="When the archive record last changed (incremental loads)"
    )


@strawberry.input(description="Sort order of the archive")
class ArchiveOrder:
    field: ArchiveOrderField = _sort_by()
    direction: OrderDirection = _direction()


@strawberry.input(description="Archived requirements (知识库) matching every given field")
class ArchiveFilter:
    search: str | None = _optional("Every word must occur (Chinese is split into words)")
    updated_at: DateTimeRange | None = _optional(_UPDATED_WITHIN)

    def updated(self) -> listing.Range[datetime] | None:
        """The ``updatedAt`` bounds for ``listing.archives``."""
        return _range(self.updated_at, "updatedAt")


@strawberry.enum(description="What the suggestion list can be sorted by")
class SuggestionOrderField(Enum):
    CREATED_AT = strawberry.enum_value("CREATED_AT", description="When it was submitted")
    CODE = strawberry.enum_value("CODE", description="The suggestion code, e.g. YJ202611001")


@strawberry.input(description="Sort order of the suggestion list")
class SuggestionOrder:
    field: SuggestionOrderField = _sort_by()
    direction: OrderDirection = _direction()


@strawberry.input(description="Suggestions (流程优化建议) matching every given field")
class SuggestionFilter:
    statuses: list[SuggestionStatus] | None = _optional("Any of these evaluation statuses")


async def requirement_list(
    viewer: Viewer, filter: RequirementFilter | None, order_by: RequirementOrder | None
) -> tuple[QuerySet[models.Requirement], Ordering]:
    """The requirements a list shows and their order: ``requirements`` and the compiled path."""
    criteria = filter.criteria() if filter else listing.RequirementCriteria()
    if filter and filter.custom_fields:
        raw = [condition.raw() for condition in filter.custom_fields]
        criteria.custom_fields = await form_reading.field_conditions(raw)
    return listing.requirements(viewer, criteria), ordering(order_by, listing.REQUIREMENT_SORTS)
