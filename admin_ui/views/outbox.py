"""Parked background messages (搁置的后台消息): what the outbox relay gave up on.

A message the relay failed to send ``outbox_max_attempts`` times is parked so that it holds
nothing else up (``core/outbox.py``, docs/decisions.md "Outbox retries"). This page lists
them with their last error; once the cause is fixed, the admin puts one back in line with
the retry action, which is the use case ``resolvers/notifications/parked.py`` (audited).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from typing import Any

from starlette.requests import Request
from starlette_admin import (
    BaseField,
    DateTimeField,
    IntegerField,
    JSONField,
    StringField,
    TextAreaField,
    action,
    row_action,
)
from starlette_admin.actions import ActionSelection
from starlette_admin.exceptions import ActionFailed
from starlette_admin.flash import flash
from tortoise.queryset import QuerySet

from admin_ui.i18n import pick, t
from admin_ui.views.base import ReadOnlyView, perform
from core.outbox_message import OutboxMessage, OutboxStatus
from resolvers.access.auth import Viewer
from resolvers.notifications.parked import retry_parked


def _retrying(message_id: int) -> Callable[[Viewer], Awaitable[OutboxMessage]]:
    async def call(viewer: Viewer) -> OutboxMessage:
        return await retry_parked(viewer, message_id, via="admin")

    return call


class ParkedMessageView(ReadOnlyView):
    """Only the parked rows of the outbox: pending and sent ones are the relay's business."""

    model = OutboxMessage
    label = ("搁置的后台消息", "Parked messages")
    icon_name = "fa fa-triangle-exclamation"
    key = "parked-message"

    def build_fields(self) -> Sequence[str | BaseField]:
        return [
            IntegerField("id", label="ID"),
            StringField("actor", label=t("处理程序", "Actor")),
            JSONField("args", label=t("参数", "Arguments")),
            IntegerField("attempts", label=t("尝试次数", "Attempts")),
            TextAreaField("last_error", label=t("最后的错误", "Last error")),
            StringField("request_id", label=t("请求编号", "Request ID")),
            DateTimeField("created_at", label=t("创建时间", "Created")),
            DateTimeField("updated_at", label=t("搁置时间", "Parked at")),
        ]

    def get_list_query(self, request: Request) -> QuerySet[OutboxMessage]:
        return OutboxMessage.filter(status=OutboxStatus.PARKED)

    def get_count_query(self, request: Request) -> QuerySet[OutboxMessage]:
        return self.get_list_query(request)

    def get_detail_query(self, request: Request) -> QuerySet[OutboxMessage]:
        return self.get_list_query(request)

    @row_action(
        name="retry",
        text=t("重新发送", "Retry"),
        confirmation=t(
            "把这条消息放回发送队列，重新计算尝试次数。请先排除失败原因。确定吗？",
            "Put this message back in line with a fresh count of attempts. "
            "Fix the cause of the failures first. Retry it?",
        ),
        icon_class="fa fa-rotate-right",
        submit_btn_text=t("重新发送", "Retry"),
        action_btn_class="btn btn-outline-primary",
    )
    async def retry_row_action(self, request: Request, pk: Any) -> None:
        await self._retry(request, [pk])

    @action(
        name="retry",
        text=t("重新发送所选消息", "Retry selected messages"),
        confirmation=t(
            "把所选消息放回发送队列，确定吗？", "Put the selected messages back in line?"
        ),
        submit_btn_text=t("重新发送", "Retry"),
    )
    async def retry_action(self, request: Request, selection: ActionSelection) -> None:
        await self._retry(request, await selection.pks())

    async def _retry(self, request: Request, pks: list[Any]) -> None:
        for pk in pks:
            message = await self.find_by_pk(request, pk)
            if message is None:
                raise ActionFailed(pick("这条消息已不在搁置列表中", "No longer parked"))
            await perform(request, _retrying(int(message.id)))
        flash(request, pick("已放回发送队列", "Back in line"), "success")
