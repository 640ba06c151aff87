"""The knowledge base (知识库): archiving a finished requirement, and finding it again.

Archived text is segmented into words with jieba when it is archived, and a search query
is segmented the same way; a record matches when it contains every word of the query.
This behaves the same on SQLite and PostgreSQL and needs no database extension.

The knowledge base is there "供后续协作参考": every employee reads an archived record, unless
the admin marked it confidential when archiving it, and then only its participants do
(``resolvers/access/scope.py``). The snapshot is the whole record
(``resolvers/archives/record.py``).
"""

from __future__ import annotations

import logging
from datetime import date
from functools import cache
from types import ModuleType
from typing import Any

from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from models import (
    Archive,
    ProgressUpdate,
    Requirement,
    ResultReport,
    Review,
    Task,
)
from models.enums import RequirementStatus
from resolvers.access import policy
from resolvers.access.auth import Viewer
from resolvers.access.scope import scoped
from resolvers.archives.record import full_record
from resolvers.errors import BadUserInput, InvalidTransition
from resolvers.forms import reading as form_reading
from resolvers.requirements import form as standard_form
from resolvers.workflow import ensure_state, load_visible, transition

MAX_QUERY_WORDS = 12


@cache
def _jieba() -> ModuleType:
    """jieba, imported on the first archive or search rather than at every start: with the
    ``pkg_resources`` it pulls in, ~9 MB of a server's memory that most processes never use
    (docs/decisions.md, "A server's memory")."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    return jieba


def segment(text: str) -> list[str]:
    """Search words of a text: jieba's search-mode cut, lower-cased, without punctuation."""
    words = (word.strip().lower() for word in _jieba().cut_for_search(text))
    return [word for word in words if word and any(ch.isalnum() for ch in word)]


async def archive_requirement(
    viewer: Viewer, requirement_id: int, *, confidential: bool = False
) -> Requirement:
    """The admin freezes a completed requirement (its report written) into the archive;
    ``confidential`` keeps it to the requirement's participants."""
    policy.require_writer(viewer)
    policy.require_admin(viewer)
    async with in_transaction() as conn:
        requirement = await load_visible(Requirement, viewer, requirement_id, conn, lock=True)
        ensure_state(requirement, (RequirementStatus.COMPLETED,), "archiveRequirement")
        report = await ResultReport.get_or_none(requirement_id=requirement.id, using_db=conn)
        if report is None:
            raise InvalidTransition(
                "成果报告提交后才能归档 (archive after the result report)",
                status=str(requirement.status),
                action="archiveRequirement",
            )
        tasks = await Task.filter(requirement_id=requirement.id).using_db(conn).order_by("seq")
        updates = (
            await ProgressUpdate.filter(task__requirement_id=requirement.id)
            .using_db(conn)
            .order_by("id")
        )
        reviews = await Review.filter(requirement_id=requirement.id).using_db(conn).order_by("id")
        snapshot = _snapshot(requirement, tasks, updates, reviews, report)
        # the admin-defined fields, with the labels they were filled in under
        custom = await form_reading.archive_entries(requirement)
        snapshot["customFields"] = custom
        snapshot.update(await full_record(requirement.id, conn))
        text = " ".join(
            [
                requirement.title,
                *(getattr(requirement, point.name) for point in standard_form.KEY_POINTS),
                report.goal_achievement,
                report.contributions,
                report.problems,
                *(task.title for task in tasks),
                *(entry["display"] for entry in custom),
            ]
        )
        assert viewer.user_id is not None
        await Archive.create(
            requirement_id=requirement.id,
            archived_by_id=viewer.user_id,
            title=requirement.title,
            summary=report.goal_achievement[:2000],
            search_text=" ".join(segment(text)),
            snapshot=snapshot,
            confidential=confidential,
            using_db=conn,
        )
        await transition(
            viewer,
            requirement,
            RequirementStatus.ARCHIVED,
            "requirement.archive",
            conn,
            stamp="archived_at",
            note="confidential" if confidential else "",
        )
    return requirement


def _archived(value: Any) -> Any:
    """A form value as the archive's JSON keeps it (a day as ``YYYY-MM-DD``)."""
    return value.isoformat() if isinstance(value, date) else value


def _snapshot(
    requirement: Requirement,
    tasks: list[Task],
    updates: list[ProgressUpdate],
    reviews: list[Review],
    report: ResultReport,
) -> dict[str, Any]:
    """The whole record as it was archived (form, task list, progress, acceptance, report)."""
    return {
        "code": requirement.code,
        "title": requirement.title,
        "form": {
            field.api_name: _archived(getattr(requirement, field.name))
            for field in standard_form.FIELDS
            if field.archived
        },
        "reviews": [
            {
                "departmentId": r.department_id,
                "decision": r.decision,
                "comment": r.comment,
                "signedById": r.signed_by_id,
                "onBehalfOfId": r.on_behalf_of_id,
                "signedAt": r.signed_at.isoformat(),
                "contentHash": r.content_hash,
            }
            for r in reviews
        ],
        "tasks": [
            {
                "code": t.code,
                "title": t.title,
                "assigneeId": t.assignee_id,
                "status": t.status,
                "progress": t.progress,
                "deadline": t.deadline.isoformat() if t.deadline else None,
                "progressUpdates": [
                    {
                        "percent": u.percent,
                        "summary": u.summary,
                        "problems": u.problems,
                        "at": u.created_at.isoformat(),
                    }
                    for u in updates
                    if u.task_id == t.id
                ],
            }
            for t in tasks
        ],
        "report": {
            "goalAchievement": report.goal_achievement,
            "contributions": report.contributions,
            "problems": report.problems,
        },
    }


def search_archives(viewer: Viewer, search: str | None) -> QuerySet[Archive]:
    """Archived records the viewer may read that contain every word of ``search``."""
    queryset = scoped(Archive, viewer)
    if not search or not search.strip():
        return queryset
    if len(search) > 200:
        raise BadUserInput("搜索词过长 (search too long)", field="search")
    for word in segment(search)[:MAX_QUERY_WORDS]:
        queryset = queryset.filter(search_text__icontains=word)
    return queryset
