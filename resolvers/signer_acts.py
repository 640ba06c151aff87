"""The rules that 加签, 转交 and 催办 share between a review round and the acceptance group.

Both sign-offs have "pending signers" (a department's head, their delegate, or whoever a
signing was handed to); what may be done to one is written once here and used by
``resolvers/requirements/review_acts.py`` (review rounds) and
``resolvers/tasks/acceptance_acts.py`` (a submission's acceptance). Who may act is the
policy's answer (``resolvers/access/policy.py``).
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, datetime, time, timedelta

from tortoise.backends.base.client import BaseDBAsyncClient

from core import clock
from core.queries import int_column
from models import DepartmentHead, User
from resolvers.access.auth import Viewer
from resolvers.errors import BadUserInput, RateLimited
from resolvers.workdays import WorkCalendar


async def added_department(
    user_id: int, taken: Collection[int | None], conn: BaseDBAsyncClient
) -> int:
    """加签: the department the added head signs for, one they head that is not yet asked
    (``taken``: the departments already signing, and the lead). BAD_USER_INPUT otherwise."""
    headed = await int_column(
        DepartmentHead.filter(user_id=user_id, user__is_active=True).using_db(conn),
        "department_id",
    )
    free = [d for d in sorted(headed) if d not in taken]
    if not free:
        raise BadUserInput(
            "加签人须为尚未参与签批的其他部门负责人 (the added signer must head a department"
            " not yet asked)",
            field="userId",
        )
    return free[0]


async def check_handover_target(
    viewer: Viewer,
    to_user_id: int,
    department_id: int,
    excluded: Collection[int | None],
    conn: BaseDBAsyncClient,
) -> None:
    """转交: a signing is handed only to another active member (or head) of the same
    department, never to oneself nor to a person in ``excluded`` (the initiator, and for an
    acceptance the assignee, who would accept their own work). BAD_USER_INPUT otherwise."""
    target = await User.get_or_none(id=to_user_id, is_active=True, using_db=conn)
    heads_it = (
        await DepartmentHead.filter(user_id=to_user_id, department_id=department_id)
        .using_db(conn)
        .exists()
    )
    if (
        target is None
        or to_user_id == viewer.user_id
        or to_user_id in excluded
        or not (target.department_id == department_id or heads_it)
    ):
        raise BadUserInput(
            "只能转交给本部门的其他在职成员，且不能是发起人 (hand over only to another"
            " active member of the same department, not the initiator)",
            field="toUserId",
        )


def nudge_day(calendar: WorkCalendar, moment: datetime) -> date:
    """The working day a nudge counts for: its own date, or the next working day."""
    day = moment.astimezone(clock.BUSINESS_TZ).date()
    while not calendar.is_workday(day):
        day += timedelta(days=1)
    return day


def nudged_already(calendar: WorkCalendar, day: date, now: datetime) -> RateLimited:
    """催办 at most once a working day: the refusal, with the wait until the next one."""
    following = nudge_day(
        calendar, datetime.combine(day + timedelta(days=1), time(), clock.BUSINESS_TZ)
    )
    wait = datetime.combine(following, time(), clock.BUSINESS_TZ) - now
    return RateLimited(
        "今天已催办过，请下个工作日再催 (already reminded today; try the next working day)",
        retryAfterSeconds=max(1, int(wait.total_seconds())),
    )
