"""What the compiled path may read: one declarative description per GraphQL object type.

Each type names its table and model and maps its GraphQL fields to a column, a to-one
relation, a count of children, a list of children (in the generic resolver's order) or a
pure expression. Anything not listed sends the request down the generic executor: the
fields computed in Python or with their own permission checks are exactly those missing
here (:data:`GENERIC_ONLY` names them, short).

Object-level scope (``resolvers/access/scope.py``) holds at every level. The root's rows
come from the generic resolver's own queryset. Below the root, a relation either declares
its scope *implied* by its parent's, or the planner joins the target model's scope in as
SQL rendered from the same ``scope_of`` definition (``schema/compiled/scope.py``); a model
whose scope is "every row" (users, departments) costs nothing there. Implied, and why:

- ``Task.requirement``: a task is visible when its requirement is one the viewer takes part
  in or when the viewer was @mentioned on that task, and the requirement's own scope admits
  the requirements of both (``_or_mentioned("id", "id", "comment__task__requirement_id")``).
- ``Task.commentCount`` and ``Task.comments``: a comment's scope is its task's, condition
  for condition (participation through ``task__requirement_id``, mentions through
  ``task_id``); so is a comment's ``task``.
- ``ProgressUpdate.task``: a progress update is visible to its requirement's participants,
  who see every task of it.

Not implied, so joined in: a requirement's ``tasks`` and ``taskCount`` (a viewer @mentioned
on one task sees the requirement but only that task), its ``involvedDepartments`` and a
task's ``progressUpdates`` (not visible through a mention at all).

Scalars are formatted by PostgreSQL exactly as the schema's serializers do: instants in
UTC as ``datetime.isoformat()`` writes them (microseconds only when there are some),
dates ISO, enums by value, ids as relay global ids (base64 of ``Type:pk``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from tortoise.models import Model

from models import (
    Archive,
    Comment,
    Department,
    Notification,
    ProgressUpdate,
    Requirement,
    RequirementDepartment,
    Suggestion,
    Task,
    User,
)
from resolvers.requirements import form as standard_form

ScalarKind = Literal["text", "int", "bool", "datetime", "date", "id"]


@dataclass(frozen=True)
class Column:
    """A column of the type's table, returned as the GraphQL scalar ``kind``."""

    column: str
    kind: ScalarKind


@dataclass(frozen=True)
class ToOne:
    """A to-one relation: ``fk`` on this table points at ``target``'s primary key.

    ``implied``: the target's scope follows from this row's (see the module's note);
    otherwise the target's scope is joined in and an unseen target reads as null.
    """

    target: str
    fk: str
    implied: bool = False


@dataclass(frozen=True)
class ChildCount:
    """The number of ``model`` rows in scope whose ``fk`` is this row's id."""

    model: type[Model]
    fk: str
    implied: bool = False


@dataclass(frozen=True)
class ToMany:
    """The ``target`` rows in scope whose ``fk`` is this row's id, as a list in ``order``
    (columns, ``-`` before one for descending: the generic resolver's ``order_by``)."""

    target: str
    fk: str
    order: tuple[str, ...] = ("id",)
    implied: bool = False


@dataclass(frozen=True)
class Overdue:
    """``Task.isOverdue``: a deadline before now on a task that is not COMPLETED."""


FieldSource = Column | ToOne | ChildCount | ToMany | Overdue


@dataclass(frozen=True)
class ObjectSource:
    """A GraphQL object type backed by one table (the ``model``'s)."""

    model: type[Model]
    fields: dict[str, FieldSource] = field(default_factory=dict)

    @property
    def table(self) -> str:
        return str(self.model._meta.db_table)


def _columns(**kinds: ScalarKind) -> dict[str, FieldSource]:
    """GraphQL camelCase names mapped to their snake_case columns."""

    def snake(name: str) -> str:
        return "".join(f"_{c.lower()}" if c.isupper() else c for c in name)

    return {name: Column(snake(name), kind) for name, kind in kinds.items()}


SOURCES: dict[str, ObjectSource] = {
    "Task": ObjectSource(
        Task,
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
            "requirement": ToOne("Requirement", "requirement_id", implied=True),
            "executingDepartment": ToOne("Department", "executing_department_id"),
            "assignee": ToOne("User", "assignee_id"),
            "commentCount": ChildCount(Comment, "task_id", implied=True),
            "comments": ToMany("Comment", "task_id", ("created_at", "id"), implied=True),
            "progressUpdates": ToMany("ProgressUpdate", "task_id", ("-created_at", "-id")),
        },
    ),
    "Requirement": ObjectSource(
        Requirement,
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
                formVersion="int",
                signoffMode="text",
                acceptanceMode="text",
                templateVersion="int",
            ),
            "initiator": ToOne("User", "initiator_id"),
            "initiatingDepartment": ToOne("Department", "initiating_department_id"),
            "tasks": ToMany("Task", "requirement_id", ("seq",)),
            "taskCount": ChildCount(Task, "requirement_id"),
            "involvedDepartments": ToMany("InvolvedDepartment", "requirement_id"),
        },
    ),
    "InvolvedDepartment": ObjectSource(
        RequirementDepartment,
        {
            **_columns(isLead="bool", contribution="text"),
            "department": ToOne("Department", "department_id"),
        },
    ),
    "Comment": ObjectSource(
        Comment,
        {
            **_columns(id="id", body="text", createdAt="datetime"),
            "author": ToOne("User", "author_id"),
            "task": ToOne("Task", "task_id", implied=True),
        },
    ),
    "ProgressUpdate": ObjectSource(
        ProgressUpdate,
        {
            **_columns(
                id="id",
                percent="int",
                summary="text",
                problems="text",
                supportNeeded="text",
                createdAt="datetime",
            ),
            "author": ToOne("User", "author_id"),
            "task": ToOne("Task", "task_id", implied=True),
        },
    ),
    "User": ObjectSource(
        User,
        {
            **_columns(
                id="id",
                username="text",
                displayName="text",
                role="text",
                isActive="bool",
                language="text",
                updatedAt="datetime",
            ),
            "department": ToOne("Department", "department_id"),
        },
    ),
    "Notification": ObjectSource(
        Notification,
        _columns(
            id="id",
            kind="text",
            title="text",
            body="text",
            subjectType="text",
            subjectCode="text",
            createdAt="datetime",
            updatedAt="datetime",
            readAt="datetime",
        ),
    ),
    "Archive": ObjectSource(
        Archive,
        {
            **_columns(
                id="id",
                title="text",
                summary="text",
                confidential="bool",
                createdAt="datetime",
                updatedAt="datetime",
            ),
            "requirement": ToOne("Requirement", "requirement_id"),
            "archivedBy": ToOne("User", "archived_by_id"),
        },
    ),
    "Suggestion": ObjectSource(
        Suggestion,
        {
            **_columns(
                id="id",
                code="text",
                contact="text",
                painPoint="text",
                proposal="text",
                expectedEffect="text",
                status="text",
                evaluationNote="text",
                evaluatedAt="datetime",
                remarks="text",
                plannedFor="date",
                createdAt="datetime",
                updatedAt="datetime",
            ),
            "department": ToOne("Department", "department_id"),
            "proposer": ToOne("User", "proposer_id"),
            "evaluatedBy": ToOne("User", "evaluated_by_id"),
        },
    ),
    "Department": ObjectSource(
        Department,
        _columns(id="id", code="text", name="text", nameEn="text", isActive="bool"),
    ),
}

#: Fields of the types above left to the generic executor: computed in Python, or lists
#: not described yet. A document selecting one is answered there.
GENERIC_ONLY = {
    "Task": "lagging (working days), latestProgress, results, attachments, reschedules, "
    "rescheduleRequests, assistingDepartments, collaborationRequests",
    "Comment": "mentions",
    "Archive": "snapshot (the record as archived, a JSON document kept as written)",
    "Requirement": "customFields (typed by their definitions), template, resultReport, "
    "feedback, meetings, attachments, reviewRounds",
}
