"""Who may do what: every permission rule of the platform, in this one module.

The schema declares on each mutation which rule applies (``schema/access/permissions.py``); the use
cases call the object-level checks below with the object at hand. A denial is ``FORBIDDEN``;
an object the viewer may not even read is ``NOT_FOUND`` (see ``resolvers/access/scope.py``).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from core import clock
from models import (
    CollaborationRequest,
    Delegation,
    DepartmentHead,
    Meeting,
    Mention,
    Requirement,
    RequirementDepartment,
    Task,
    User,
)
from models.enums import Role
from resolvers.access.auth import Viewer
from resolvers.access.scope import participation
from resolvers.errors import Forbidden
from resolvers.workflow import int_column


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


async def require_participant(viewer: Viewer, requirement_id: int) -> None:
    """Initiator, involved departments' members, assignees, assisting departments' members.

    ADMIN and EXECUTIVE read everything but take part only where they are participants;
    the admin may still act as admin where a rule says so.
    """
    if not await is_participant(viewer, requirement_id):
        raise Forbidden("仅需求参与人可执行此操作 (only participants may do this)")


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


async def is_participant(viewer: Viewer, requirement_id: int) -> bool:
    participant = Viewer(
        user_id=viewer.user_id,
        role=Role.EMPLOYEE,
        department_id=viewer.department_id,
        username=viewer.username,
    )
    return await Requirement.filter(participation(participant), id=requirement_id).exists()


@dataclass(frozen=True)
class HeadAuthority:
    """The right to act as a department's head: as the head, or as their active delegate."""

    department_id: int
    head_user_id: int
    on_behalf_of_id: int | None  # the head, when a delegate acts


async def may_stand_in_for(head_id: int, delegate_id: int) -> bool:
    """Whom a head may name as delegate: an active member of a department the head heads or
    belongs to, or another department's head.

    Anyone else would sign for a department they have no part in: issue #14 saw a head name
    an employee of another department, who then approved their own requirement for the head.
    """
    delegate = await User.get_or_none(id=delegate_id, is_active=True)
    if delegate is None:
        return False
    if await DepartmentHead.filter(user_id=delegate_id).exists():
        return True
    head = await User.get_or_none(id=head_id)
    own = set(await int_column(DepartmentHead.filter(user_id=head_id), "department_id"))
    if head is not None and head.department_id is not None:
        own.add(head.department_id)
    return delegate.department_id in own


async def head_authority(viewer: Viewer, department_id: int) -> HeadAuthority | None:
    """Whether the viewer heads ``department_id`` now, or stands in for its head (代理审批).

    Read at the moment of signing, not when the token was issued: the signer must still be
    active, the head still head (and active), the delegation still running, and the
    delegate still someone the head may name (:func:`may_stand_in_for`).
    """
    headship = await DepartmentHead.get_or_none(department_id=department_id)
    if headship is None or viewer.user_id is None:
        return None
    if not await User.filter(id=viewer.user_id, is_active=True).exists():
        return None
    if headship.user_id == viewer.user_id:
        return HeadAuthority(department_id, headship.user_id, None)
    now = clock.now()
    delegated = await Delegation.filter(
        head_id=headship.user_id,
        delegate_id=viewer.user_id,
        revoked_at=None,
        starts_at__lte=now,
        ends_at__gt=now,
    ).exists()
    if (
        not delegated
        or not await User.filter(id=headship.user_id, is_active=True).exists()
        or not await may_stand_in_for(headship.user_id, viewer.user_id)
    ):
        return None
    return HeadAuthority(department_id, headship.user_id, headship.user_id)


async def reviewer_authorities(
    viewer: Viewer, requirement: Requirement, departments: Collection[int] | None = None
) -> list[HeadAuthority]:
    """The involved departments (or those of ``departments``) the viewer may sign for, as
    head or delegate.

    Never as a delegate on a requirement the viewer raised: the initiator would approve
    their own requirement on the head's behalf. The refusal names that rule.
    """
    involved = departments
    if involved is None:
        involved = await int_column(
            RequirementDepartment.filter(requirement_id=requirement.id), "department_id"
        )
    found = [await head_authority(viewer, dept) for dept in involved]
    authorities = [authority for authority in found if authority is not None]
    if viewer.user_id != requirement.initiator_id:
        return authorities
    own = [authority for authority in authorities if authority.on_behalf_of_id is None]
    if authorities and not own:
        raise Forbidden(
            "发起人不能代理审核或验收自己的需求 (the initiator cannot sign their own"
            " requirement on a head's behalf)"
        )
    return own


INITIATOR_SEAT = "initiator"


def department_seat(department_id: int) -> str:
    """The acceptance group seat of a reviewing department (its head's, or a delegate's)."""
    return f"dept:{department_id}"


async def acceptance_group_department_ids(requirement: Requirement) -> list[int]:
    """The departments whose heads sit in the acceptance group (验收小组): those that
    reviewed the requirement, not the lead (the initiator sits for it).

    The one definition: the acceptance decision, the to-do list, the notifications and the
    acceptance warnings (``alert_detect``) all take the group from the reviewing departments.
    """
    return await int_column(
        RequirementDepartment.filter(requirement_id=requirement.id, is_lead=False),
        "department_id",
    )


async def acceptance_seats(
    viewer: Viewer, requirement: Requirement
) -> list[tuple[str, HeadAuthority]]:
    """The acceptance group seats the viewer holds: the initiator's, and each reviewing
    department's they head or stand in for (代理审批)."""
    seats: list[tuple[str, HeadAuthority]] = []
    if viewer.user_id == requirement.initiator_id:
        seats.append((INITIATOR_SEAT, HeadAuthority(0, requirement.initiator_id, None)))
    departments = await acceptance_group_department_ids(requirement)
    try:
        authorities = await reviewer_authorities(viewer, requirement, departments)
    except Forbidden:
        if seats:  # the initiator keeps their own seat; they never sit for a head
            return seats
        raise
    seats += [(department_seat(a.department_id), a) for a in authorities]
    return seats


async def require_commenter(viewer: Viewer, task_id: int, requirement_id: int) -> None:
    """Participants comment; so does a person @mentioned on this very task, to answer."""
    if await is_participant(viewer, requirement_id):
        return
    if (
        viewer.user_id is not None
        and await Mention.filter(user_id=viewer.user_id, comment__task_id=task_id).exists()
    ):
        return
    raise Forbidden("仅需求参与人或被提及者可评论 (only participants or those mentioned)")


async def may_be_mentioned(user: User, requirement_id: int, scope: str) -> bool:
    """Whether a comment on the requirement may @mention ``user`` (``CROSSFLOW_MENTIONS_SCOPE``).

    ``company``: anyone active. ``involved``: people who already take part in the
    requirement (members of its involved and assisting departments, its initiator and
    assignees, departments asked for help, meeting attendees) and those who read
    everything anyway; a mention then notifies without opening anything new.
    """
    if scope == "company" or Role(user.role) in (Role.ADMIN, Role.EXECUTIVE):
        return True
    return await is_participant(Viewer.of_user(user), requirement_id)
