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

from resolvers import listing
from schema.enums import (
    NotificationKind,
    Priority,
    RequirementStatus,
    Role,
    SuggestionStatus,
    TaskStatus,
)
from schema.forms import CustomFieldFilter
from schema.ids import decode_id, decode_ids
from schema.pagination import OrderDirection


@strawberry.input(description="Dates from `from` to `to`, both included; either may be open")
class DateRange:
    from_: date | None = strawberry.field(default=None, name="from")
    to: date | None = None


@strawberry.input(description="Instants from `from` to `to`, both included; with a time zone")
class DateTimeRange:
    from_: datetime | None = strawberry.field(default=None, name="from")
    to: datetime | None = None


def _range(bounds: DateRange | DateTimeRange | None, field: str) -> listing.Range[Any] | None:
    if bounds is None:
        return None
    return listing.Range(field=field, start=bounds.from_, end=bounds.to)


def _id(value: strawberry.ID | None, type_name: str, field: str) -> int | None:
    return None if value is None else decode_id(value, type_name, field)


def _ids(values: list[strawberry.ID] | None, type_name: str, field: str) -> list[int]:
    return decode_ids(values or [], type_name, field)


@strawberry.enum(description="What a task list can be sorted by")
class TaskOrderField(Enum):
    CREATED_AT = "CREATED_AT"
    UPDATED_AT = "UPDATED_AT"
    DEADLINE = "DEADLINE"
    PRIORITY = "PRIORITY"
    CODE = "CODE"
    PROGRESS = "PROGRESS"


@strawberry.input(description="Sort order of a task list (tasks without a deadline come last)")
class TaskOrder:
    field: TaskOrderField
    direction: OrderDirection = OrderDirection.ASC


@strawberry.input(description="Tasks matching every given field")
class TaskFilter:
    statuses: list[TaskStatus] | None = None
    requirement_id: strawberry.ID | None = None
    assignee_id: strawberry.ID | None = strawberry.field(
        default=None, description="The responsible person (责任人)"
    )
    department_ids: list[strawberry.ID] | None = strawberry.field(
        default=None, description="Executing departments (执行部门), any of them"
    )
    initiator_id: strawberry.ID | None = strawberry.field(
        default=None, description="Who raised the task's requirement"
    )
    priority: Priority | None = None
    deadline: DateTimeRange | None = None
    created_at: DateTimeRange | None = None
    overdue: bool | None = strawberry.field(
        default=None, description="true: deadline passed and not COMPLETED (延迟); false: others"
    )
    text: str | None = strawberry.field(default=None, description="Part of the title or code")

    def criteria(self) -> listing.TaskCriteria:
        return listing.TaskCriteria(
            statuses=list(self.statuses or []),
            requirement_id=_id(self.requirement_id, "Requirement", "requirementId"),
            assignee_id=_id(self.assignee_id, "User", "assigneeId"),
            department_ids=_ids(self.department_ids, "Department", "departmentIds"),
            initiator_id=_id(self.initiator_id, "User", "initiatorId"),
            priority=self.priority,
            deadline=_range(self.deadline, "deadline"),
            created=_range(self.created_at, "createdAt"),
            overdue=self.overdue,
            text=self.text,
        )


@strawberry.enum(description="What a requirement list can be sorted by")
class RequirementOrderField(Enum):
    CREATED_AT = "CREATED_AT"
    UPDATED_AT = "UPDATED_AT"
    EXPECTED_BY = "EXPECTED_BY"
    PRIORITY = "PRIORITY"
    CODE = "CODE"


@strawberry.input(description="Sort order of a requirement list (no expectedBy comes last)")
class RequirementOrder:
    field: RequirementOrderField
    direction: OrderDirection = OrderDirection.ASC


@strawberry.input(description="Requirements matching every given field")
class RequirementFilter:
    statuses: list[RequirementStatus] | None = None
    department_ids: list[strawberry.ID] | None = strawberry.field(
        default=None, description="Involved departments (涉及部门, the lead included), any"
    )
    initiator_id: strawberry.ID | None = None
    priority: Priority | None = None
    expected_by: DateRange | None = None
    created_at: DateTimeRange | None = None
    text: str | None = strawberry.field(default=None, description="Part of the title or code")
    custom_fields: list[CustomFieldFilter] | None = strawberry.field(
        default=None, description="Conditions on admin-defined fields (自定义字段), all must hold"
    )

    def criteria(self) -> listing.RequirementCriteria:
        return listing.RequirementCriteria(
            statuses=list(self.statuses or []),
            department_ids=_ids(self.department_ids, "Department", "departmentIds"),
            initiator_id=_id(self.initiator_id, "User", "initiatorId"),
            priority=self.priority,
            expected_by=_range(self.expected_by, "expectedBy"),
            created=_range(self.created_at, "createdAt"),
            text=self.text,
        )


@strawberry.enum(description="What the user directory can be sorted by")
class UserOrderField(Enum):
    USERNAME = "USERNAME"
    DISPLAY_NAME = "DISPLAY_NAME"
    CREATED_AT = "CREATED_AT"


@strawberry.input
class UserOrder:
    field: UserOrderField
    direction: OrderDirection = OrderDirection.ASC


@strawberry.input(description="People matching every given field (active people by default)")
class UserFilter:
    department_ids: list[strawberry.ID] | None = None
    roles: list[Role] | None = None
    text: str | None = strawberry.field(
        default=None, description="Part of the username or display name"
    )
    include_inactive: bool = False

    def criteria(self) -> listing.UserCriteria:
        return listing.UserCriteria(
            department_ids=_ids(self.department_ids, "Department", "departmentIds"),
            roles=list(self.roles or []),
            text=self.text,
            include_inactive=self.include_inactive,
        )


@strawberry.enum
class NotificationOrderField(Enum):
    CREATED_AT = "CREATED_AT"


@strawberry.input
class NotificationOrder:
    field: NotificationOrderField
    direction: OrderDirection = OrderDirection.ASC


@strawberry.input(description="Your notifications matching every given field")
class NotificationFilter:
    unread_only: bool = False
    kinds: list[NotificationKind] | None = None


@strawberry.enum
class ArchiveOrderField(Enum):
    ARCHIVED_AT = "ARCHIVED_AT"


@strawberry.input
class ArchiveOrder:
    field: ArchiveOrderField
    direction: OrderDirection = OrderDirection.ASC


@strawberry.input
class ArchiveFilter:
    search: str | None = strawberry.field(
        default=None, description="Every word must occur (Chinese is split into words)"
    )


@strawberry.enum
class SuggestionOrderField(Enum):
    CREATED_AT = "CREATED_AT"
    CODE = "CODE"


@strawberry.input
class SuggestionOrder:
    field: SuggestionOrderField
    direction: OrderDirection = OrderDirection.ASC


@strawberry.input
class SuggestionFilter:
    statuses: list[SuggestionStatus] | None = None
