"""Proxy approval (代理审批): a head names a delegate who reviews in their place for a period."""

from __future__ import annotations

from datetime import datetime, timedelta

from tortoise.transactions import in_transaction

from crossflow import clock
from models import Delegation, DepartmentHead, User
from resolvers import audit, policy
from resolvers.auth import Viewer
from resolvers.errors import BadUserInput, Forbidden

MAX_PERIOD = timedelta(days=180)


async def check_delegation(
    head_id: int, delegate_id: int, starts_at: datetime, ends_at: datetime
) -> None:
    """The rules of a delegation, whoever records it (the head, or the admin in the panel)."""
    if not await DepartmentHead.filter(user_id=head_id).exists():
        raise Forbidden("仅部门负责人可设置代理人 (only a department head names a delegate)")
    if delegate_id == head_id:
        raise BadUserInput(
            "不能指定自己为代理人 (you cannot delegate to yourself)", field="delegateId"
        )
    if starts_at.tzinfo is None or ends_at.tzinfo is None:
        raise BadUserInput("时间需带时区 (times need a time zone)", field="startsAt")
    if ends_at <= starts_at or ends_at <= clock.now():
        raise BadUserInput(
            "结束时间须晚于开始时间和当前时间 (endsAt must be later)", field="endsAt"
        )
    if ends_at - starts_at > MAX_PERIOD:
        raise BadUserInput("代理期限最长180天 (at most 180 days)", field="endsAt")
    if not await User.filter(id=delegate_id, is_active=True).exists():
        raise BadUserInput("代理人不存在 (no such user)", field="delegateId")
    if not await policy.may_stand_in_for(head_id, delegate_id):
        raise BadUserInput(
            "代理人须为本部门成员或其他部门负责人 (the delegate must belong to your department"
            " or head another department)",
            field="delegateId",
        )


async def set_delegate(
    viewer: Viewer, delegate_id: int, starts_at: datetime, ends_at: datetime, note: str = ""
) -> Delegation:
    """Name a delegate for a period; the record of each review shows "X on behalf of Y"."""
    policy.require_writer(viewer)
    assert viewer.user_id is not None
    await check_delegation(viewer.user_id, delegate_id, starts_at, ends_at)
    async with in_transaction() as conn:
        delegation = await Delegation.create(
            head_id=viewer.user_id,
            delegate_id=delegate_id,
            starts_at=starts_at,
            ends_at=ends_at,
            note=note[:255],
            using_db=conn,
        )
        await audit.record(
            viewer,
            "delegation.set",
            "Delegation",
            delegation.id,
            after={
                "delegateId": delegate_id,
                "startsAt": starts_at.isoformat(),
                "endsAt": ends_at.isoformat(),
            },
            using_db=conn,
        )
    return delegation
