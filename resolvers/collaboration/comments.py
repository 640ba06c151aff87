"""Task comments with ``@username`` mentions: the source's way of pulling someone in.

A mention notifies the person and lets them read what they were asked about: the task, its
comments and the requirement's summary, nothing else of the requirement (``resolvers/scope``).
Who may be mentioned is ``CROSSFLOW_MENTIONS_SCOPE`` (docs/decisions.md); a comment
mentions at most ``CROSSFLOW_MENTIONS_PER_COMMENT`` people, and a person writes at most
``CROSSFLOW_COMMENTS_RATE_PER_MINUTE`` comments a minute: issue #14 saw one comment
mention 96 people, five times in a row.
"""

from __future__ import annotations

import math
import re

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from core import outbox
from core.rate_limit import Limiter
from core.settings import Settings
from models import Comment, Mention, Task, User
from models.enums import NotificationKind
from resolvers import audit
from resolvers.access import policy
from resolvers.access.auth import Viewer
from resolvers.errors import BadUserInput, RateLimited
from resolvers.notifications.notify import notify_about
from resolvers.tasks.lifecycle import task_in_context
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


async def add_comment(
    viewer: Viewer,
    task_id: int,
    body: str,
    *,
    settings: Settings,
    limiter: Limiter | None = None,
) -> Comment:
    """A participant (or someone mentioned on the task) comments; the mentioned are notified.

    Unknown usernames are ignored (an ``@`` in prose is not an error); the author is never
    notified of their own mention. Too many mentions, or a mention of someone outside the
    mentions scope, refuse the whole comment (BAD_USER_INPUT on ``body``); ``limiter``
    holds the author to their rate of comments (RATE_LIMITED).
    """
    policy.require_writer(viewer)
    assert viewer.user_id is not None
    if limiter is not None:
        wait = math.ceil(await limiter.take(f"comment:{viewer.user_id}"))
        if wait > 0:
            raise RateLimited(
                f"评论过于频繁，请{wait}秒后再试 (too many comments; retry in {wait} s)",
                retryAfterSeconds=wait,
            )
    async with in_transaction() as conn:
        task, requirement = await task_in_context(viewer, task_id, conn)
        await policy.require_commenter(viewer, task.id, requirement.id)
        ensure_writable(requirement)
        text = body.strip()
        if not 1 <= len(text) <= BODY_LIMIT:
            raise BadUserInput(
                f"评论须为1到{BODY_LIMIT}个字 (a comment of 1 to {BODY_LIMIT} characters)",
                field="body",
            )
        mentioned = await _mentioned_users(text, conn)
        await _check_mentions(viewer, requirement.id, mentioned, settings)
        comment = await Comment.create(
            task_id=task.id, author_id=viewer.user_id, body=text, using_db=conn
        )
        await touch_task(task.id, conn)
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


async def _check_mentions(
    viewer: Viewer, requirement_id: int, mentioned: list[User], settings: Settings
) -> None:
    """Refuse more mentions than allowed, and mentions of people outside the scope."""
    cap = settings.mentions_per_comment
    if len(mentioned) > cap:
        raise BadUserInput(
            f"一条评论最多提及{cap}人 (a comment mentions at most {cap} people)",
            field="body",
            mentioned=len(mentioned),
            limit=cap,
        )
    outside = [
        user.username
        for user in mentioned
        if user.id != viewer.user_id
        and not await policy.may_be_mentioned(user, requirement_id, settings.mentions_scope)
    ]
    if outside:
        names = " ".join(f"@{name}" for name in outside)
        raise BadUserInput(
            f"{names} 未参与该需求，不能提及 ({names}: mentions reach the requirement's "
            "participants only)",
            field="body",
            usernames=outside,
        )


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
