"""Proxy approval (代理审批): a head names a delegate who reviews in their place for a period."""

from __future__ import annotations

from datetime import datetime, timedelta

from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from core import clock
from models import Delegation, DepartmentHead, User
from models.enums import Role
from resolvers import audit
from resolvers.access import policy
from resolvers.access.auth import Viewer
from resolvers.errors import BadUserInput, Forbidden, NotFound
from resolvers.workflow import NOT_FOUND_MESSAGE

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


async def my_delegations(viewer: Viewer, *, include_ended: bool = False) -> list[Delegation]:
    """The delegations I gave (as head) and received (as delegate), newest first; ended and
    revoked ones only when asked. A token acting for nobody has none."""
    if viewer.user_id is None:
        return []
    query = Delegation.filter(Q(head_id=viewer.user_id) | Q(delegate_id=viewer.user_id))
    if not include_ended:
        query = query.filter(revoked_at=None, ends_at__gt=clock.now())
    return await query.order_by("-starts_at", "-id")


async def revoke_delegation(viewer: Viewer, delegation_id: int) -> Delegation:
    """End a delegation now: its head or the ADMIN. Anyone else is told it does not exist
    (NOT_FOUND), the delegate included: a stand-in does not end their own mandate."""
    policy.require_writer(viewer)
    async with in_transaction() as conn:
        delegation = await Delegation.get_or_none(id=delegation_id, using_db=conn)
        if delegation is None or (
            viewer.role is not Role.ADMIN and delegation.head_id != viewer.user_id
        ):
            raise NotFound(NOT_FOUND_MESSAGE)
        if delegation.revoked_at is not None:
            return delegation
        delegation.revoked_at = clock.now()
        await delegation.save(using_db=conn, update_fields=["revoked_at", "updated_at"])
        await audit.record(
            viewer,
            "delegation.revoke",
            "Delegation",
            delegation.id,
            after={"revokedAt": delegation.revoked_at.isoformat()},
            using_db=conn,
        )
    return delegation
