"""Hand-offs between roles at the end of the process (DOMAIN.md steps 5 and 6).

The admin archives a requirement once its result report is written, and management reads
the monthly analysis report once it is built; neither used to hear of it, so the record
waited unarchived and the report unread. These notices close those two gaps.
"""

from __future__ import annotations

from tortoise.backends.base.client import BaseDBAsyncClient

from core.queries import int_column
from models import AnalysisReport, Requirement, User
from models.enums import NotificationKind, Role
from resolvers.notifications.notify import notify, notify_about


async def active_ids(role: Role, conn: BaseDBAsyncClient) -> list[int]:
    """The active people holding ``role``."""
    return await int_column(User.filter(role=role, is_active=True).using_db(conn), "id")


async def tell_admins_of_result_report(
    requirement: Requirement, author_id: int | None, conn: BaseDBAsyncClient
) -> None:
    """A result report was written: the admins may archive the requirement now."""
    await notify_about(
        requirement,
        await active_ids(Role.ADMIN, conn),
        NotificationKind.RESULT_REPORT_WRITTEN,
        conn,
        exclude=author_id,
    )


async def tell_executives_report_ready(report: AnalysisReport, conn: BaseDBAsyncClient) -> None:
    """The monthly analysis report (协作分析报告) is ready for management."""
    await notify(
        await active_ids(Role.EXECUTIVE, conn),
        NotificationKind.ANALYSIS_REPORT_READY,
        {"month": report.month},
        subject_type="AnalysisReport",
        subject_id=report.id,
        subject_code=report.month,
        conn=conn,
    )
