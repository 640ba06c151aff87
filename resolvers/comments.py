"""Task comments with ``@username`` mentions: the source's way of pulling someone in.

A mention notifies the person and (see docs/decisions.md) makes them a participant of the
requirement, so they can read what they were asked about.
"""

from __future__ import annotations

import re

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from crossflow import outbox
from models import Comment, Mention, Task, User
from models.enums import NotificationKind
from resolvers import audit, policy
from resolvers.auth import Viewer
from resolvers.errors import BadUserInput
from resolvers.notify import notify_about
from resolvers.tasks import task_in_context
from resolvers.workflow import ensure_writable, touch_task

BODY_LIMIT = 5_000
#: How much of the comment a mention notification quotes.
QUOTE_LIMIT = 200
#: ``@name`` where the ``@`` does not continue a word (``someone@example.com`` is no mention).
MENTION = re.compile(r"(?<![A-Za-z0-9_.@-])@([A-Za-z0-9_.-]+)")


def mentioned_usernames(body: str) -> list[str]:
    """The usernames ``@``-mentioned in ``body``, in order, each once.

    Both ``@name.`` and ``@name`` are offered for a mention that ends a sentence, since a
    username may itself contain dots; only names of existing users are kept later.
    """
    names: dict[str, None] = {}
    for match in MENTION.finditer(body):
        name = match.group(1)
        names[name] = None
        trimmed = name.rstrip(".-")
        if trimmed:
            names[trimmed] = None
    return list(names)


async def _mentioned_users(body: str, conn: BaseDBAsyncClient) -> list[User]:
    names = mentioned_usernames(body)
    if not names:
        return []
    return await User.filter(username__in=names, is_active=True).using_db(conn).order_by("id")


async def add_comment(viewer: Viewer, task_id: int, body: str) -> Comment:
    """A participant comments on a task; mentioned active users are notified.

    Unknown usernames are ignored (an ``@`` in prose is not an error); the author is never
    notified of their own mention.
    """
    policy.require_writer(viewer)
    async with in_transaction() as conn:
        task, requirement = await task_in_context(viewer, task_id, conn)
        await policy.require_participant(viewer, requirement.id)
        ensure_writable(requirement)
        text = body.strip()
        if not 1 <= len(text) <= BODY_LIMIT:
            raise BadUserInput(
                f"评论须为1到{BODY_LIMIT}个字 (a comment of 1 to {BODY_LIMIT} characters)",
                field="body",
            )
        assert viewer.user_id is not None
        comment = await Comment.create(
            task_id=task.id, author_id=viewer.user_id, body=text, using_db=conn
        )
        await touch_task(task.id, conn)
        mentioned = await _mentioned_users(text, conn)
        for user in mentioned:
            await Mention.create(comment_id=comment.id, user_id=user.id, using_db=conn)
        await audit.record(
            viewer,
            "comment.add",
            "Comment",
            comment.id,
            subject_code=task.code,
            note=" ".join(f"@{user.username}" for user in mentioned),
            using_db=conn,
        )
        await _notify_mentioned(viewer, task, text, mentioned, conn)
    outbox.kick()
    return comment


async def _notify_mentioned(
    viewer: Viewer, task: Task, text: str, mentioned: list[User], conn: BaseDBAsyncClient
) -> None:
    author = await User.get(id=viewer.user_id, using_db=conn)
    quote = text if len(text) <= QUOTE_LIMIT else text[: QUOTE_LIMIT - 1] + "…"
    await notify_about(
        task,
        [user.id for user in mentioned],
        NotificationKind.MENTION,
        conn,
        exclude=viewer.user_id,
        author=author.display_name,
        body=quote,
    )
