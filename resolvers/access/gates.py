"""Who may act, by role alone or by the person an object names: gates with no rule to look up.

Part of the access policy: ``resolvers/access/policy.py`` re-exports every gate here, so the
use cases call ``policy.require_writer`` and a newcomer reads the index at the top of
``policy.py``. The gates sit below the scope module (``scope.py`` reads
:data:`REPORTS_ON_EVERY_DEPARTMENT`), which the object-level rules in ``policy.py`` use.
"""

from __future__ import annotations

from core.queries import int_column
from models import CollaborationRequest, DepartmentHead, Meeting, Requirement, Task
from models.enums import Role
from resolvers.access.auth import Viewer
from resolvers.errors import Forbidden


def require_writer(viewer: Viewer) -> None:
    """Any signed-in person may write; BI tokens only read."""
    if viewer.is_read_only or viewer.user_id is None:
        raise Forbidden("只读令牌不能修改数据 (read-only tokens cannot change anything)")


def require_inbox_owner(viewer: Viewer) -> None:
    """Notifications are a person's inbox: BI tokens and tokens without a person read none.

    Refused rather than answered with an empty list, so a BI tool learns that the data is
    withheld on purpose, not that nobody was ever notified.
    """
    if viewer.role is Role.BI or viewer.user_id is None:
        raise Forbidden(
            "通知属于个人收件箱，BI令牌不可读取 (notifications are a person's inbox: "
            "not readable with a BI token or a token without a person)"
        )


def require_person(viewer: Viewer) -> None:
    """``myTasks`` needs a person: a token acting for nobody has no tasks of its own."""
    if viewer.user_id is None:
        raise Forbidden(
            "该令牌不代表任何人，没有“我的任务” (this token acts for no person: "
            "it has no tasks of its own; use tasks)"
        )


def require_file_reader(viewer: Viewer) -> None:
    """The bytes of attachments are for people: a BI token reads their names and sizes only.

    Files carry contracts, drawings and personal data that no report is built from.
    """
    if viewer.role is Role.BI:
        raise Forbidden(
            "BI令牌不能下载附件内容 (a BI token reads attachments' names and sizes, not files)"
        )


def require_admin(viewer: Viewer) -> None:
    if viewer.role is not Role.ADMIN:
        raise Forbidden("仅平台管理员可执行此操作 (only the platform admin may do this)")


def require_form_designer(viewer: Viewer) -> None:
    """Form fields (自定义表单字段) of the requirement form and of templates: ADMIN only."""
    require_writer(viewer)
    if viewer.role is not Role.ADMIN:
        raise Forbidden("仅平台管理员可定义表单字段 (only the platform admin defines form fields)")


def require_template_editor(viewer: Viewer) -> None:
    """Scenario templates (需求模板) and their rows are edited by the ADMIN only."""
    require_writer(viewer)
    if viewer.role is not Role.ADMIN:
        raise Forbidden("仅平台管理员可编辑需求模板 (only the platform admin edits templates)")


def lists_disabled_templates(viewer: Viewer) -> bool:
    """Everyone signed in lists the enabled templates; the ADMIN also the disabled ones.

    A disabled template stays readable where a requirement refers to it (directory data),
    but nobody, the ADMIN included, makes a new requirement from it.
    """
    return viewer.role is Role.ADMIN


#: Roles that read every department's figures in reports (DESIGN.md, "reports and aggregates").
REPORTS_ON_EVERY_DEPARTMENT = frozenset({Role.ADMIN, Role.EXECUTIVE, Role.BI})


async def report_departments(viewer: Viewer) -> frozenset[int] | None:
    """The departments whose figures the viewer may read in reports; ``None`` means all.

    ADMIN, EXECUTIVE and BI read every department. A DEPT_HEAD reads the departments they
    head and the one they belong to. Anyone else is refused with FORBIDDEN rather than
    given an empty report, so a missing right never looks like a quiet month.
    """
    if viewer.role in REPORTS_ON_EVERY_DEPARTMENT:
        return None
    if viewer.role is Role.DEPT_HEAD and viewer.user_id is not None:
        headed = await int_column(DepartmentHead.filter(user_id=viewer.user_id), "department_id")
        own = [viewer.department_id] if viewer.department_id is not None else []
        return frozenset([*headed, *own])
    raise Forbidden("仅管理层、BI和部门负责人可查看报表 (reports are for management, BI and heads)")


def require_analysis_reader(viewer: Viewer) -> None:
    """The monthly Collaboration Analysis Report (协作分析报告) is for ADMIN and EXECUTIVE."""
    if viewer.role not in (Role.ADMIN, Role.EXECUTIVE):
        raise Forbidden("仅管理员和管理层可查看协作分析报告 (ADMIN and EXECUTIVE only)")


def require_initiator(viewer: Viewer, requirement: Requirement) -> None:
    if viewer.user_id != requirement.initiator_id:
        raise Forbidden("仅需求发起人可执行此操作 (only the initiator may do this)")


def require_initiator_or_admin(viewer: Viewer, requirement: Requirement) -> None:
    if viewer.role is not Role.ADMIN and viewer.user_id != requirement.initiator_id:
        raise Forbidden("仅需求发起人或管理员可执行此操作 (only the initiator or the admin)")


def require_assignee(viewer: Viewer, task: Task) -> None:
    if task.assignee_id is None or viewer.user_id != task.assignee_id:
        raise Forbidden("仅任务责任人可执行此操作 (only the task's responsible person)")


def require_minutes_taker(viewer: Viewer, meeting: Meeting, requirement: Requirement) -> None:
    """Minutes (纪要) are recorded by whoever organised the meeting, the initiator or ADMIN."""
    if viewer.role is Role.ADMIN or viewer.user_id in (
        meeting.organizer_id,
        requirement.initiator_id,
    ):
        return
    raise Forbidden("仅会议组织者、需求发起人或管理员可记录纪要 (organizer, initiator or admin)")


async def require_addressed_department(viewer: Viewer, request: CollaborationRequest) -> None:
    """Only the department asked for help answers: its members, or its head.

    The head is named separately because a head need not be a member of the department
    they head (``DepartmentHead`` is its own table).
    """
    if viewer.department_id is not None and viewer.department_id == request.to_department_id:
        return
    if (
        viewer.user_id is not None
        and await DepartmentHead.filter(
            department_id=request.to_department_id, user_id=viewer.user_id
        ).exists()
    ):
        return
    raise Forbidden("仅被请求部门的成员可答复 (only the addressed department may answer)")
