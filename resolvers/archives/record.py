"""The parts of an archived record (知识库) beyond the form and the task list.

The source asks the archive to hold "the whole record" so later collaborations can learn
from it: besides the form, tasks, progress and the result report, that is how the work was
accepted (each result submitted, each acceptance member's decision, the file versions the
acceptance pinned), which files the results were (name, version, size, change note — not
the bytes, which stay in the file store under the requirement's own permissions), which
deadlines moved and why, and the meetings held with their minutes and decisions.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient

from models import (
    Attachment,
    AttachmentVersion,
    Meeting,
    ResultSignoff,
    ResultVersion,
    TaskReschedule,
    TaskResult,
)


def _at(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


async def acceptance_record(requirement_id: int, conn: BaseDBAsyncClient) -> list[dict[str, Any]]:
    """Every result submitted, with its decision, the members' sign-offs and pinned files."""
    results = (
        await TaskResult.filter(task__requirement_id=requirement_id)
        .using_db(conn)
        .order_by("id")
        .values(
            "id",
            "task__code",
            "note",
            "submitted_by_id",
            "created_at",
            "decision",
            "decided_by_id",
            "decided_at",
            "decision_comment",
            "attachment_ids",
        )
    )
    ids = [row["id"] for row in results]
    signoffs = (
        await ResultSignoff.filter(result_id__in=ids)
        .using_db(conn)
        .order_by("id")
        .values(
            "result_id",
            "seat",
            "decision",
            "comment",
            "signed_by_id",
            "on_behalf_of_id",
            "signed_at",
        )
    )
    pinned = (
        await ResultVersion.filter(result_id__in=ids)
        .using_db(conn)
        .order_by("id")
        .values("result_id", "version__attachment_id", "version__number")
    )
    return [
        {
            "task": row["task__code"],
            "note": row["note"],
            "submittedById": row["submitted_by_id"],
            "submittedAt": _at(row["created_at"]),
            "decision": str(row["decision"]),
            "decidedById": row["decided_by_id"],
            "decidedAt": _at(row["decided_at"]),
            "comment": row["decision_comment"],
            "attachmentIds": list(row["attachment_ids"] or []),
            "signoffs": [
                {
                    "seat": s["seat"],
                    "decision": str(s["decision"]),
                    "comment": s["comment"],
                    "signedById": s["signed_by_id"],
                    "onBehalfOfId": s["on_behalf_of_id"],
                    "signedAt": _at(s["signed_at"]),
                }
                for s in signoffs
                if s["result_id"] == row["id"]
            ],
            "pinnedVersions": [
                {"attachmentId": p["version__attachment_id"], "version": p["version__number"]}
                for p in pinned
                if p["result_id"] == row["id"]
            ],
        }
        for row in results
    ]


async def files_record(requirement_id: int, conn: BaseDBAsyncClient) -> list[dict[str, Any]]:
    """The requirement's files with every version's name, size and change note."""
    files = (
        await Attachment.filter(requirement_id=requirement_id)
        .using_db(conn)
        .order_by("id")
        .values("id", "file_name", "task__code", "current_version")
    )
    versions = (
        await AttachmentVersion.filter(attachment_id__in=[f["id"] for f in files])
        .using_db(conn)
        .order_by("attachment_id", "number")
        .values(
            "attachment_id", "number", "sha256", "size", "content_type", "change_note", "created_at"
        )
    )
    return [
        {
            "id": f["id"],
            "fileName": f["file_name"],
            "task": f["task__code"],
            "currentVersion": f["current_version"],
            "versions": [
                {
                    "number": v["number"],
                    "sha256": v["sha256"],
                    "size": v["size"],
                    "contentType": v["content_type"],
                    "changeNote": v["change_note"],
                    "at": _at(v["created_at"]),
                }
                for v in versions
                if v["attachment_id"] == f["id"]
            ],
        }
        for f in files
    ]


async def reschedules_record(requirement_id: int, conn: BaseDBAsyncClient) -> list[dict[str, Any]]:
    """Every moved deadline: reason (原因), solution (解决方案), old and new (新节点)."""
    rows = (
        await TaskReschedule.filter(task__requirement_id=requirement_id)
        .using_db(conn)
        .order_by("id")
        .values(
            "task__code",
            "requested_by_id",
            "reason",
            "solution",
            "old_deadline",
            "new_deadline",
            "created_at",
        )
    )
    return [
        {
            "task": row["task__code"],
            "requestedById": row["requested_by_id"],
            "reason": row["reason"],
            "solution": row["solution"],
            "oldDeadline": _at(row["old_deadline"]),
            "newDeadline": _at(row["new_deadline"]),
            "at": _at(row["created_at"]),
        }
        for row in rows
    ]


async def meetings_record(requirement_id: int, conn: BaseDBAsyncClient) -> list[dict[str, Any]]:
    """The meetings held about the requirement, with their minutes (纪要) and decisions."""
    rows = (
        await Meeting.filter(requirement_id=requirement_id)
        .using_db(conn)
        .order_by("starts_at", "id")
        .values("title", "task__code", "starts_at", "duration_minutes", "minutes", "decisions")
    )
    return [
        {
            "title": row["title"],
            "task": row["task__code"],
            "startsAt": _at(row["starts_at"]),
            "durationMinutes": row["duration_minutes"],
            "minutes": row["minutes"],
            "decisions": list(row["decisions"] or []),
        }
        for row in rows
    ]


async def full_record(requirement_id: int, conn: BaseDBAsyncClient) -> dict[str, Any]:
    """The snapshot keys this module adds to an archive."""
    return {
        "acceptance": await acceptance_record(requirement_id, conn),
        "files": await files_record(requirement_id, conn),
        "reschedules": await reschedules_record(requirement_id, conn),
        "meetings": await meetings_record(requirement_id, conn),
    }
