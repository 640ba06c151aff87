"""The parts of an archived record (知识库) beyond the form and the task list.

The source asks the archive to hold "the whole record" so later collaborations can learn
from it: besides the form, tasks, progress and the result report, that is how the work was
accepted (each result submitted, each acceptance member's decision, the file versions the
acceptance pinned), which files the results were (name, version, size, change note — not
the bytes, which stay in the file store under the requirement's own permissions), which
deadlines moved and why, and the meetings held with their minutes and decisions.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from datetime import datetime
from enum import Enum
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.queryset import QuerySet

from models import (
    Attachment,
    AttachmentVersion,
    Meeting,
    ResultSignoff,
    ResultVersion,
    TaskReschedule,
    TaskResult,
)

#: Each part of the record as the snapshot's keys and the columns they are read from: one
#: column is named once, for the query and for the entry alike.
Shape = Mapping[str, str]

_RESULT: Shape = {
    "task": "task__code",
    "note": "note",
    "submittedById": "submitted_by_id",
    "submittedAt": "created_at",
    "decision": "decision",
    "decidedById": "decided_by_id",
    "decidedAt": "decided_at",
    "comment": "decision_comment",
    "attachmentIds": "attachment_ids",
}
_SIGNOFF: Shape = {
    "seat": "seat",
    "decision": "decision",
    "comment": "comment",
    "signedById": "signed_by_id",
    "onBehalfOfId": "on_behalf_of_id",
    "signedAt": "signed_at",
}
_PINNED: Shape = {"attachmentId": "version__attachment_id", "version": "version__number"}
_FILE: Shape = {
    "id": "id",
    "fileName": "file_name",
    "task": "task__code",
    "currentVersion": "current_version",
}
_VERSION: Shape = {
    "number": "number",
    "sha256": "sha256",
    "size": "size",
    "contentType": "content_type",
    "changeNote": "change_note",
    "at": "created_at",
}
_RESCHEDULE: Shape = {
    "task": "task__code",
    "requestedById": "requested_by_id",
    "reason": "reason",
    "solution": "solution",
    "oldDeadline": "old_deadline",
    "newDeadline": "new_deadline",
    "at": "created_at",
}
_MEETING: Shape = {
    "title": "title",
    "task": "task__code",
    "startsAt": "starts_at",
    "durationMinutes": "duration_minutes",
    "minutes": "minutes",
    "decisions": "decisions",
}


def _plain(value: Any) -> Any:
    """A column's value as JSON holds it: instants as ISO text, enums by value, lists copied."""
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, Enum):
        return str(value)
    if isinstance(value, list):
        return list(value)
    return value


async def _rows(
    query: QuerySet[Any], conn: BaseDBAsyncClient, order: tuple[str, ...], shape: Shape, *extra: str
) -> list[dict[str, Any]]:
    """The rows of ``query`` in ``order`` with the shape's columns (and ``extra`` ones)."""
    columns = list(dict.fromkeys([*shape.values(), *extra]))
    return await query.using_db(conn).order_by(*order).values(*columns)


def _entry(row: dict[str, Any], shape: Shape) -> dict[str, Any]:
    return {key: _plain(row[column]) for key, column in shape.items()}


def _entries_by(
    rows: list[dict[str, Any]], parent: str, shape: Shape
) -> defaultdict[int, list[dict[str, Any]]]:
    """Child rows as entries, under the id of the row they belong to (in their order)."""
    grouped: defaultdict[int, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        grouped[row[parent]].append(_entry(row, shape))
    return grouped


async def acceptance_record(requirement_id: int, conn: BaseDBAsyncClient) -> list[dict[str, Any]]:
    """Every result submitted, with its decision, the members' sign-offs and pinned files."""
    query = TaskResult.filter(task__requirement_id=requirement_id)
    results = await _rows(query, conn, ("id",), _RESULT, "id")
    ids = [row["id"] for row in results]
    signoffs = await _rows(
        ResultSignoff.filter(result_id__in=ids), conn, ("id",), _SIGNOFF, "result_id"
    )
    pinned = await _rows(
        ResultVersion.filter(result_id__in=ids), conn, ("id",), _PINNED, "result_id"
    )
    by_result = _entries_by(signoffs, "result_id", _SIGNOFF)
    pinned_by_result = _entries_by(pinned, "result_id", _PINNED)
    return [
        _entry(row, _RESULT)
        | {"signoffs": by_result[row["id"]], "pinnedVersions": pinned_by_result[row["id"]]}
        for row in results
    ]


async def files_record(requirement_id: int, conn: BaseDBAsyncClient) -> list[dict[str, Any]]:
    """The requirement's files with every version's name, size and change note."""
    files = await _rows(Attachment.filter(requirement_id=requirement_id), conn, ("id",), _FILE)
    query = AttachmentVersion.filter(attachment_id__in=[f["id"] for f in files])
    versions = await _rows(query, conn, ("attachment_id", "number"), _VERSION, "attachment_id")
    by_file = _entries_by(versions, "attachment_id", _VERSION)
    return [_entry(f, _FILE) | {"versions": by_file[f["id"]]} for f in files]


async def reschedules_record(requirement_id: int, conn: BaseDBAsyncClient) -> list[dict[str, Any]]:
    """Every moved deadline: reason (原因), solution (解决方案), old and new (新节点)."""
    query = TaskReschedule.filter(task__requirement_id=requirement_id)
    return [_entry(row, _RESCHEDULE) for row in await _rows(query, conn, ("id",), _RESCHEDULE)]


async def meetings_record(requirement_id: int, conn: BaseDBAsyncClient) -> list[dict[str, Any]]:
    """The meetings held about the requirement, with their minutes (纪要) and decisions."""
    query = Meeting.filter(requirement_id=requirement_id)
    rows = await _rows(query, conn, ("starts_at", "id"), _MEETING)
    return [_entry(row, _MEETING) for row in rows]


async def full_record(requirement_id: int, conn: BaseDBAsyncClient) -> dict[str, Any]:
    """The snapshot keys this module adds to an archive."""
    return {
        "acceptance": await acceptance_record(requirement_id, conn),
        "files": await files_record(requirement_id, conn),
        "reschedules": await reschedules_record(requirement_id, conn),
        "meetings": await meetings_record(requirement_id, conn),
    }
