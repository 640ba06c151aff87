"""Departments (部门) and their heads, users (用户) and roles, delegations (代理审批)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from starlette.requests import Request
from starlette_admin import BaseField, DateTimeField, EnumField, StringField, row_action
from starlette_admin.exceptions import ActionFailed
from starlette_admin.flash import flash

from admin_ui.auth import admin_viewer
from admin_ui.i18n import language_choices, pick, t
from admin_ui.views.base import API_FIELD_NAMES, AuditedView, aware, enum_field, perform
from admin_ui.views.fields import WriteOnlyField
from core import realtime
from core.settings import Settings
from models import Delegation, Department, DepartmentHead, User
from models.directory import AccountSource
from models.enums import Role
from resolvers.access.delegations import check_delegation
from resolvers.access.sign_in_guard import guard_for
from resolvers.access.sign_in_locks import unlock_sign_in
from resolvers.errors import DomainError
from resolvers.people import accounts


class DepartmentView(AuditedView):
    """Departments; a department in use is deactivated rather than deleted."""

    model = Department
    label = ("部门", "Departments")
    icon_name = "fa fa-sitemap"
    unique_fields = ("code",)
    fields_default_sort = ("sort_order", "id")

    def build_fields(self) -> Sequence[str | BaseField]:
        return ["id", "code", "name", "name_en", "is_active", "sort_order", "updated_at"]

    def can_delete(self, request: Request) -> bool:
        return False


class DepartmentHeadView(AuditedView):
    """Who heads each department (部门负责人): one row per department."""

    model = DepartmentHead
    label = ("部门负责人", "Department heads")
    icon_name = "fa fa-user-tie"
    unique_fields = ("department",)

    def build_fields(self) -> Sequence[str | BaseField]:
        return ["id", "department", "user", "updated_at"]


class UserView(AuditedView):
    """Users and roles; the password is write-only and only its argon2 hash is stored."""

    model = User
    label = ("用户", "Users")
    icon_name = "fa fa-users"
    unique_fields = ("username",)

    def __init__(self, settings: Settings) -> None:
        super().__init__()
        self.settings = settings  # whose sign-in counts the unlock action clears

    @row_action(
        name="unlock_sign_in",
        text=t("解除登录锁定", "Unlock sign-in"),
        confirmation=t(
            "清除该用户的登录失败次数并解除锁定，确定吗？",
            "Forget this user's failed sign-ins and lift the lock?",
        ),
        icon_class="fa fa-unlock",
        submit_btn_text=t("解锁", "Unlock"),
        action_btn_class="btn btn-outline-warning",
    )
    async def unlock_sign_in_row_action(self, request: Request, pk: Any) -> None:
        """The use case of ``crossflow unlock-sign-in``, audited as the admin's."""
        user = await User.get_or_none(id=int(pk))
        if user is None:
            raise ActionFailed(pick("用户不存在", "No such user"))
        try:
            had = await unlock_sign_in(
                admin_viewer(request),
                guard_for(self.settings),
                username=user.username,
                via="admin",
            )
        except DomainError as exc:
            raise ActionFailed(exc.message) from exc
        message = (
            pick("已解除登录锁定", "Sign-in unlocked")
            if had
            else pick("该用户没有登录失败记录", "This user had no failed sign-ins")
        )
        flash(request, message, "success")

    @row_action(
        name="deactivate",
        text=t("停用账号", "Deactivate"),
        confirmation=t(
            "停用后该用户无法登录，所有登录令牌立即失效，历史记录保留。确定吗？",
            "The user can no longer sign in and every session ends; the history stays. Sure?",
        ),
        icon_class="fa fa-user-slash",
        submit_btn_text=t("停用", "Deactivate"),
        action_btn_class="btn btn-outline-danger",
    )
    async def deactivate_row_action(self, request: Request, pk: Any) -> None:
        """The use case of ``crossflow deactivate-user`` (resolvers/people/accounts.py)."""
        user = await User.get_or_none(id=int(pk))
        if user is None:
            raise ActionFailed(pick("用户不存在", "No such user"))
        await perform(
            request, lambda viewer: accounts.deactivate_user(viewer, user.id, via="admin")
        )
        flash(request, pick("账号已停用", "Account deactivated"), "success")

    def build_fields(self) -> Sequence[str | BaseField]:
        return [
            "id",
            "username",
            "display_name",
            enum_field("role", Role, required=True),
            "department",
            "email",
            "phone",
            "is_active",
            EnumField("language", choices_loader=language_choices),
            WriteOnlyField(
                "password",
                help_text=t(
                    "只写：留空则保持原密码；修改后该用户的所有登录令牌失效",
                    "Write-only: leave empty to keep the password; a new one signs the "
                    "user out everywhere",
                ),
            ),
            DateTimeField("last_login_at", read_only=True, exclude_from_create=True),
            # Where the account comes from (local, import, ldap, oidc): a directory account
            # signs in by an LDAP bind, and only its own source changes or deactivates it.
            enum_field("source", AccountSource, read_only=True, exclude_from_create=True),
            StringField("external_id", read_only=True, exclude_from_create=True),
            "created_at",
        ]

    def can_delete(self, request: Request) -> bool:
        return False  # referenced by the whole history: deactivate instead

    def audit_columns(self) -> list[str]:
        return [name for name in super().audit_columns() if name != "password"]

    async def check(self, request: Request, data: dict[str, Any]) -> dict[str | int, Any]:
        password = data.get("password") or ""
        creating = request.state.action == "CREATE"
        if creating and not password:
            return {"password": pick("请设置初始密码", "Set an initial password")}
        if password:
            try:  # the password rule of every door (resolvers/people/accounts.py)
                accounts.check_password(password)
            except DomainError as refusal:
                return {"password": refusal.message}
        return {}

    async def before_create(self, request: Request, data: dict[str, Any], obj: Any) -> None:
        self._take_password(data, obj)

    async def edit(self, request: Request, pk: Any, data: dict[str, Any]) -> Any:
        """Save, then (committed) have the user's open websockets re-check them.

        A deactivated user's or a new password's sockets close with 4401, a new role's or
        department's with 4403 (``resolvers/access/live_sockets.py``), on every replica.
        """
        obj = await super().edit(request, pk, data)
        await realtime.hub().viewer_changed(obj.id)
        return obj

    async def before_edit(self, request: Request, data: dict[str, Any], obj: Any) -> None:
        self._take_password(data, obj)  # a new password ends every session and bearer token

    def _take_password(self, data: dict[str, Any], obj: Any) -> None:
        """Hash a new password onto the row as ``resolvers/people/accounts.py`` does for
        every door (a new password raises the token epoch); the clear text never stays on
        the object."""
        password = data.get("password") or ""
        if hasattr(obj, "password"):
            del obj.password
        if password:
            accounts.take_password(obj, password)

    def snapshot(self, obj: Any) -> dict[str, Any]:
        values = super().snapshot(obj)
        values["token_epoch"] = obj.token_epoch  # shows a password change without the hash
        return values


class DelegationView(AuditedView):
    """Proxy approval periods (代理审批), checked by the same rules as ``setDelegate``."""

    model = Delegation
    label = ("代理审批", "Delegations")
    icon_name = "fa fa-people-arrows"

    def build_fields(self) -> Sequence[str | BaseField]:
        return [
            "id",
            "head",
            "delegate",
            DateTimeField("starts_at", required=True),
            DateTimeField("ends_at", required=True),
            DateTimeField("revoked_at"),
            StringField("note", maxlength=255),
            "created_at",
        ]

    async def check(self, request: Request, data: dict[str, Any]) -> dict[str | int, Any]:
        for name in ("starts_at", "ends_at", "revoked_at"):
            data[name] = aware(data.get(name))
        head, delegate = data.get("head"), data.get("delegate")
        starts, ends = data.get("starts_at"), data.get("ends_at")
        if head is None or delegate is None or starts is None or ends is None:
            return {}  # the form's required fields say so
        try:
            await check_delegation(head.pk, delegate.pk, starts, ends)
        except DomainError as refusal:
            field = API_FIELD_NAMES.get(getattr(refusal, "field", ""), "head")
            return {field: refusal.message}
        return {}
