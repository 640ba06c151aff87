"""Progress that reaches people: a report naming problems or asking for support is sent to
the executing department's head (and the head's active delegates) and the initiator.

Without this the fields were stored and read by nobody; the source asks that blockers be
raised where someone can act on them (the head assigns help, the initiator adjusts plans).
"""

from __future__ import annotations

from tortoise.backends.base.client import BaseDBAsyncClient

from models import Requirement, Task
from models.enums import NotificationKind
from resolvers.access.auth import Viewer
from resolvers.access.policy import head_ids
from resolvers.notifications.notify import notify_about

NONE_GIVEN = "无"


async def escalate_progress(
    viewer: Viewer,
    task: Task,
    requirement: Requirement,
    percent: int,
    problems: str,
    support_needed: str,
    conn: BaseDBAsyncClient,
) -> bool:
    """Notify the head(s) and the initiator when the report has problems or asks for help;
    returns whether anyone was told (the reporter is never told of their own report)."""
    if not problems and not support_needed:
        return False
    recipients = [*await head_ids([task.executing_department_id], conn), requirement.initiator_id]
    sent = await notify_about(
        task,
        recipients,
        NotificationKind.PROGRESS_ISSUE,
        conn,
        exclude=viewer.user_id,
        percent=percent,
        problems=problems or NONE_GIVEN,
        support=support_needed or NONE_GIVEN,
    )
    return bool(sent)
