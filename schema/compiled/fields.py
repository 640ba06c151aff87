"""What the compiled path may read: GraphQL fields that map to one SQL expression each.

Only fields whose value is a column, a to-one relation, a count or a pure expression are
listed; anything else (lists, fields with their own permission checks, computed Python)
sends the request down the generic executor. Each object type reachable here has the same
object-level scope as the task it hangs off (``resolvers/access/scope.py``: requirements, users
and departments of a visible task are visible, its comments too), so the scope of the
task page alone decides what a compiled request reads.

Scalars are formatted by PostgreSQL exactly as the schema's serializers do: instants in
UTC as ``datetime.isoformat()`` writes them (microseconds only when there are some),
dates ISO, enums by value, ids as relay global ids (base64 of ``Type:pk``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from resolvers.requirements import form as standard_form

ScalarKind = Literal["text", "int", "bool", "datetime", "date", "id"]


@dataclass(frozen=True)
class Column:
    """A column of the type's table, returned as the GraphQL scalar ``kind``."""

    column: str
    kind: ScalarKind


@dataclass(frozen=True)
class ToOne:
    """A nullable to-one relation: ``fk`` on this table points at ``target``'s primary key."""

    target: str
    fk: str


@dataclass(frozen=True)
class ChildCount:
    """The number of ``table`` rows whose ``fk`` is this row's id."""

    table: str
    fk: str


@dataclass(frozen=True)
class Overdue:
    """``Task.isOverdue``: a deadline before now on a task that is not COMPLETED."""


FieldSource = Column | ToOne | ChildCount | Overdue


@dataclass(frozen=True)
class ObjectSource:
    """A GraphQL object type backed by one table."""

    table: str
    fields: dict[str, FieldSource] = field(default_factory=dict)


def _columns(**kinds: ScalarKind) -> dict[str, FieldSource]:
    """GraphQL camelCase names mapped to their snake_case columns."""

    def snake(name: str) -> str:
        return "".join(f"_{c.lower()}" if c.isupper() else c for c in name)

    return {name: Column(snake(name), kind) for name, kind in kinds.items()}


SOURCES: dict[str, ObjectSource] = {
    "Task": ObjectSource(
        "task",
        {
            **_columns(
                id="id",
                code="text",
                title="text",
                description="text",
                startDate="date",
                deadline="datetime",
                priority="text",
                status="text",
                progress="int",
                acceptanceCriteria="text",
                remarks="text",
                lastProgressAt="datetime",
                startedAt="datetime",
                submittedAt="datetime",
                completedAt="datetime",
                version="int",
                createdAt="datetime",
                updatedAt="datetime",
            ),
            "isOverdue": Overdue(),
            "requirement": ToOne("Requirement", "requirement_id"),
            "executingDepartment": ToOne("Department", "executing_department_id"),
            "assignee": ToOne("User", "assignee_id"),
            "commentCount": ChildCount("comment", "task_id"),
        },
    ),
    "Requirement": ObjectSource(
        "requirement",
        {
            **_columns(id="id", code="text"),
            # the standard fields of the form, from their one declaration
            **{f.api_name: Column(f.name, f.column_type) for f in standard_form.FIELDS},
            **_columns(
                status="text",
                currentRound="int",
                version="int",
                createdAt="datetime",
                updatedAt="datetime",
                submittedAt="datetime",
                approvedAt="datetime",
                initiatedAt="datetime",
                completedAt="datetime",
                archivedAt="datetime",
                cancelledAt="datetime",
            ),
            "initiator": ToOne("User", "initiator_id"),
            "initiatingDepartment": ToOne("Department", "initiating_department_id"),
        },
    ),
    "User": ObjectSource(
        "user",
        {
            **_columns(
                id="id",
                username="text",
                displayName="text",
                role="text",
                isActive="bool",
                language="text",
            ),
            "department": ToOne("Department", "department_id"),
        },
    ),
    "Department": ObjectSource(
        "department",
        _columns(id="id", code="text", name="text", nameEn="text", isActive="bool"),
    ),
}
