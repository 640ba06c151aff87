"""The permission classes fields declare; the rules live in resolvers/access/policy.py."""

from __future__ import annotations

from typing import Any

from strawberry.permission import BasePermission

from resolvers.access import policy
from resolvers.context import RequestContext


class SignedIn(BasePermission):
    """Anyone signed in (a person or an API token)."""

    message = "请先登录 (sign in first)"

    def has_permission(self, source: Any, info: Any, **kwargs: Any) -> bool:
        context: RequestContext = info.context
        context.require_viewer()
        return True


class CanWrite(BasePermission):
    """A signed-in person; read-only BI tokens are refused every mutation."""

    message = "只读令牌不能修改数据 (read-only tokens cannot change anything)"

    def has_permission(self, source: Any, info: Any, **kwargs: Any) -> bool:
        context: RequestContext = info.context
        policy.require_writer(context.require_viewer())
        return True
