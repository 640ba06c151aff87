"""API tokens (API 令牌): issued from the panel, shown once on the page that issues them.

The secret travels in the body of that one response (``no-store``), never in a cookie,
a flash message or the database; lists show the prefix. Issuing and revoking are the
use cases of ``resolvers/access/api_tokens.py``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette_admin import BaseField, action, row_action
from starlette_admin.actions import ActionSelection
from starlette_admin.exceptions import ActionFailed
from starlette_admin.flash import flash

from admin_ui.auth import admin_viewer
from admin_ui.i18n import enum_label, pick, t
from admin_ui.views.base import ReadOnlyView, enum_field
from admin_ui.views.forms import dialog_form, group, select, text_input
from core import clock
from models import ApiToken, User
from models.enums import Role
from resolvers.access.api_tokens import TOKEN_ROLES, issue_api_token, revoke_api_token
from resolvers.errors import BadUserInput, DomainError


def _issue_form(request: Request) -> str:
    """The fields of a new token, in the language of the page."""
    roles = [(role.value, enum_label(Role, role.value)) for role in TOKEN_ROLES]
    return dialog_form(
        group(
            "token-name",
            "名称",
            "Name",
            text_input(
                "token-name",
                "name",
                ("例如：BI 月报", "e.g. BI monthly report"),
                required="required",
                maxlength="128",
            ),
        ),
        group("token-role", "角色", "Role", select("token-role", "role", roles)),
        group(
            "token-user",
            "绑定用户名（可选，令牌仍只读）",
            "Bound username (optional; the token stays read-only)",
            text_input("token-user", "username"),
        ),
        group(
            "token-days",
            "有效天数（留空为长期）",
            "Valid for days (empty: no expiry)",
            text_input("token-days", "days", type="number", min="1", max="3650"),
        ),
    )


class ApiTokenView(ReadOnlyView):
    """Tokens for BI tools and service accounts; the hash is never shown."""

    model = ApiToken
    label = ("API 令牌", "API tokens")
    icon_name = "fa fa-key"

    def build_fields(self) -> Sequence[str | BaseField]:
        return [
            "id",
            "name",
            "prefix",
            enum_field("role", Role),
            "user",
            "created_by",
            "created_at",
            "expires_at",
            "revoked_at",
            "last_used_at",
        ]

    @action(
        name="issue",
        text=t("签发新令牌", "Issue a token"),
        header=t("签发 API 令牌", "Issue an API token"),
        confirmation=t(
            "API 令牌只读：可查询，不能执行任何修改，无论其角色或绑定的用户。"
            "令牌只在签发后显示一次，请立即复制保存；平台只保存它的哈希值。",
            "API tokens are read-only: they query and never change anything, whatever their "
            "role or bound user. The token is shown once, right after it is issued: copy it "
            "then. The platform keeps only its hash.",
        ),
        submit_btn_text=t("签发", "Issue"),
        form=_issue_form,
        custom_response=True,
        allow_empty_selection=True,
        dedicated_button=True,
        icon_class="fa fa-key",
        modal_size="md",
    )
    async def issue_action(self, request: Request, selection: ActionSelection) -> Response:
        form = await request.form()
        context: dict[str, Any] = {"title": self.title(request), "view": self}
        try:
            kwargs = await self._issue_arguments(form)
            issued = await issue_api_token(admin_viewer(request), via="admin", **kwargs)
        except DomainError as exc:
            context["error"] = exc.message
            status = 400
        else:
            context.update(
                secret=issued.secret,
                record=issued.record,
                role=enum_label(Role, issued.record.role),
            )
            status = 200
        assert self._admin is not None
        response = self._admin._template_response(
            request, "crossflow/token_issued.html", context, status_code=status
        )
        response.headers["cache-control"] = "no-store"
        return response

    async def _issue_arguments(self, form: Any) -> dict[str, Any]:
        role = str(form.get("role") or Role.BI.value)
        if role not in {r.value for r in TOKEN_ROLES}:
            raise BadUserInput(pick("令牌只能是只读角色", "A token may only read"), field="role")
        username = str(form.get("username") or "").strip()
        user_id = None
        if username:
            user = await User.get_or_none(username=username, is_active=True)
            if user is None:
                raise BadUserInput(pick("用户不存在", "No such user"), field="userId")
            user_id = user.id
        days = str(form.get("days") or "").strip()
        expires_at = None
        if days:
            if not days.isdigit() or not 1 <= int(days) <= 3650:
                raise BadUserInput(pick("有效天数须为1到3650", "Days must be 1-3650"), field="days")
            expires_at = clock.now() + timedelta(days=int(days))
        return {
            "name": str(form.get("name") or ""),
            "role": Role(role),
            "user_id": user_id,
            "expires_at": expires_at,
        }

    @row_action(
        name="revoke",
        text=t("撤销", "Revoke"),
        confirmation=t("撤销后该令牌立即失效，确定吗？", "The token stops working now. Revoke it?"),
        icon_class="fa fa-ban",
        submit_btn_text=t("撤销", "Revoke"),
        action_btn_class="btn btn-outline-danger",
    )
    async def revoke_row_action(self, request: Request, pk: Any) -> None:
        await self._revoke(request, [pk])

    @action(
        name="revoke",
        text=t("撤销所选令牌", "Revoke selected tokens"),
        confirmation=t(
            "撤销后这些令牌立即失效，确定吗？", "These tokens stop working now. Revoke?"
        ),
        submit_btn_text=t("撤销", "Revoke"),
    )
    async def revoke_action(self, request: Request, selection: ActionSelection) -> None:
        await self._revoke(request, await selection.pks())

    async def _revoke(self, request: Request, pks: list[Any]) -> None:
        viewer = admin_viewer(request)
        for pk in pks:
            try:
                await revoke_api_token(viewer, int(pk), via="admin")
            except (DomainError, ValueError) as exc:
                raise ActionFailed(getattr(exc, "message", str(exc))) from exc
        flash(request, pick("令牌已撤销", "Token revoked"), "success")
