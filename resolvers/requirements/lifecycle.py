"""Step 1 and 2 of the process: raise a requirement, have it reviewed, confirm initiation."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from core import clock, outbox
from models import (
    Department,
    Requirement,
    RequirementDepartment,
    RequirementTemplate,
    ReviewRound,
)
from models.enums import (
    NotificationKind,
    Priority,
    RequirementStatus,
    RoundOutcome,
)
from resolvers import audit, codes
from resolvers.access import policy
from resolvers.access.auth import Viewer
from resolvers.access.policy import head_ids
from resolvers.errors import BadUserInput
from resolvers.forms import fields as form_fields
from resolvers.notifications.notify import notify_about
from resolvers.requirements.form import NAMES as FORM_FIELDS
from resolvers.requirements.form import TEXT_LIMITS
from resolvers.requirements.key_points import (
    checked_contributions,
    require_key_points,
    store_contributions,
)
from resolvers.tasks.task_list import generate_draft_tasks
from resolvers.workflow import check_version, ensure_state, load_visible, snapshot, transition

S = RequirementStatus
EDITABLE = (S.DRAFT, S.PENDING_MODIFICATION)
CANCELLABLE = (S.DRAFT, S.PENDING_REVIEW, S.PENDING_MODIFICATION, S.APPROVED)


@dataclass
class RequirementForm:
    """The Requirement Form's fields; ``None`` leaves a field unchanged on update."""

    title: str | None = None
    background: str | None = None
    goals: str | None = None
    deliverables: str | None = None
    acceptance_criteria: str | None = None
    data_needs: str | None = None
    contact: str | None = None
    expected_by: date | None = None
    priority: Priority | None = None
    involved_department_ids: list[int] | None = None
    #: The version the client edited (optimistic concurrency), if it sends one.
    version: int | None = None
    #: Admin-defined field values by key (on update: merged over the stored ones).
    custom_fields: dict[str, Any] | None = None
    #: Set by ``createRequirementFromTemplate`` (``resolvers/templates/definitions.py``), never by
    #: clients: the scenario template and the version of it the requirement is made with.
    template_id: int | None = None
    template_version: int | None = None
    #: What each involved department provides, by department id (销售部（提供客户数据）);
    #: on update only the departments named change.
    contributions: dict[int, str] | None = None


def _validate(form: RequirementForm, *, creating: bool) -> None:
    if creating or form.title is not None:
        title = (form.title or "").strip()
        if not 4 <= len(title) <= 200:
            raise BadUserInput(
                "需求名称需具体明确，4到200个字 (a concrete title of 4 to 200 characters)",
                field="title",
            )
        form.title = title
    for name, limit in TEXT_LIMITS.items():
        value = getattr(form, name)
        if value is not None and len(value) > limit:
            raise BadUserInput(f"{name}过长 (too long, at most {limit})", field=_camel(name))
    if form.expected_by is not None and form.expected_by < clock.today():
        raise BadUserInput(
            "期望完成日期不能早于今天 (expectedBy is in the past)", field="expectedBy"
        )
    if creating and not form.involved_department_ids:
        raise BadUserInput(
            "请勾选涉及部门 (tick at least one involved department)", field="involvedDepartmentIds"
        )
    form.contributions = checked_contributions(form.contributions)


def _audited(requirement: Requirement) -> dict[str, Any]:
    """The audit log's view of the form: its fields and the custom field values."""
    return {
        **snapshot(requirement, FORM_FIELDS),
        "custom_fields": dict(requirement.custom_fields or {}),
    }


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


async def _set_involved(
    requirement: Requirement, department_ids: list[int], conn: BaseDBAsyncClient
) -> list[int]:
    """Replace the involved departments; the initiator's department leads and is kept, as
    is what a department that stays involved provides."""
    wanted = list(dict.fromkeys(department_ids))
    found = await Department.filter(id__in=wanted, is_active=True).using_db(conn).count()
    if found != len(wanted):
        raise BadUserInput("涉及部门不存在 (unknown department)", field="involvedDepartmentIds")
    lead = requirement.initiating_department_id
    reviewers = [d for d in wanted if d != lead]
    if not reviewers:
        raise BadUserInput(
            "至少涉及一个其他部门 (involve at least one other department)",
            field="involvedDepartmentIds",
        )
    kept = dict(
        await RequirementDepartment.filter(requirement_id=requirement.id)
        .using_db(conn)
        .values_list("department_id", "contribution")
    )
    await RequirementDepartment.filter(requirement_id=requirement.id).using_db(conn).delete()
    rows = ([lead] if lead else []) + reviewers
    for department_id in rows:
        await RequirementDepartment.create(
            requirement_id=requirement.id,
            department_id=department_id,
            is_lead=department_id == lead,
            contribution=kept.get(department_id, ""),
            using_db=conn,
        )
    return rows


async def _template_modes(template_id: int | None, conn: BaseDBAsyncClient) -> dict[str, Any]:
    """A requirement made from a template starts with the template's sign-off and
    acceptance modes (会签/或签); the initiator may change them while it is a draft."""
    if template_id is None:
        return {}
    template = await RequirementTemplate.get(id=template_id, using_db=conn)
    return {"signoff_mode": template.signoff_mode, "acceptance_mode": template.acceptance_mode}


async def create_requirement(viewer: Viewer, form: RequirementForm) -> Requirement:
    """Raise a requirement as a draft (草稿); its code is allocated now."""
    policy.require_writer(viewer)
    _validate(form, creating=True)
    assert viewer.user_id is not None and form.involved_department_ids is not None
    custom = await form_fields.validate_custom_fields(
        form.template_id, form.custom_fields, viewer=viewer
    )
    async with in_transaction() as conn:
        requirement = await Requirement.create(
            code=await codes.next_monthly_code(codes.REQUIREMENT, conn),
            initiator_id=viewer.user_id,
            initiating_department_id=viewer.department_id,
            status=S.DRAFT,
            template_id=form.template_id,
            template_version=form.template_version,
            **await _template_modes(form.template_id, conn),
            using_db=conn,
            **{
                name: getattr(form, name) for name in FORM_FIELDS if getattr(form, name) is not None
            },
        )
        await _set_involved(requirement, form.involved_department_ids, conn)
        if form.contributions:
            await store_contributions(requirement.id, form.contributions, conn)
        await form_fields.store_custom_fields(requirement, custom, conn)
        await audit.record(
            viewer,
            "requirement.create",
            "Requirement",
            requirement.id,
            subject_code=requirement.code,
            to_state=S.DRAFT,
            after=_audited(requirement),
            using_db=conn,
        )
    return requirement


async def update_requirement(
    viewer: Viewer, requirement_id: int, form: RequirementForm
) -> Requirement:
    """Edit the form: the initiator, while it is a draft or sent back for changes."""
    policy.require_writer(viewer)
    async with in_transaction() as conn:
        requirement = await load_visible(Requirement, viewer, requirement_id, conn, lock=True)
        policy.require_initiator(viewer, requirement)
        ensure_state(requirement, EDITABLE, "updateRequirement")
        check_version(requirement, form.version)
        _validate(form, creating=False)
        custom = None
        if form.custom_fields is not None:
            custom = await form_fields.merged_values_for_update(
                requirement, form.custom_fields, viewer
            )
        before = _audited(requirement)
        changed = [name for name in FORM_FIELDS if getattr(form, name) is not None]
        for name in changed:
            setattr(requirement, name, getattr(form, name))
        requirement.version += 1
        await requirement.save(using_db=conn, update_fields=[*changed, "version", "updated_at"])
        if form.involved_department_ids is not None:
            await _set_involved(requirement, form.involved_department_ids, conn)
        if form.contributions:
            await store_contributions(requirement.id, form.contributions, conn)
        if custom is not None:
            await form_fields.store_custom_fields(requirement, custom, conn)
        await audit.record(
            viewer,
            "requirement.update",
            "Requirement",
            requirement.id,
            subject_code=requirement.code,
            before=before,
            after=_audited(requirement),
            using_db=conn,
        )
    return requirement


async def submit_requirement(viewer: Viewer, requirement_id: int) -> Requirement:
    """Send the form for review (待审核): opens a review round, notifies the heads.

    The form's key points and required fields must be filled in
    (``resolvers/requirements/key_points.py``).
    """
    policy.require_writer(viewer)
    async with in_transaction() as conn:
        requirement = await load_visible(Requirement, viewer, requirement_id, conn, lock=True)
        policy.require_initiator(viewer, requirement)
        ensure_state(requirement, EDITABLE, "submitRequirement")
        await require_key_points(requirement)
        requirement.current_round += 1
        await transition(
            viewer,
            requirement,
            S.PENDING_REVIEW,
            "requirement.submit",
            conn,
            stamp="submitted_at",
            fields=["current_round"],
            note=f"round {requirement.current_round}",
        )
        await ReviewRound.create(
            requirement_id=requirement.id,
            number=requirement.current_round,
            opened_at=requirement.submitted_at,
            using_db=conn,
        )
        reviewing = await policy.reviewing_department_ids(requirement.id, conn)
        reviewers = await head_ids(reviewing, conn)
        await notify_about(requirement, reviewers, NotificationKind.REVIEW_REQUESTED, conn)
        if requirement.initiating_department_id is not None:
            # The lead's head does not review (decisions.md) but hears of it, as do delegates.
            lead_heads = await head_ids([requirement.initiating_department_id], conn)
            await notify_about(
                requirement,
                [user for user in lead_heads if user not in reviewers],
                NotificationKind.REQUIREMENT_SUBMITTED,
                conn,
                exclude=viewer.user_id,
            )
    outbox.kick()
    return requirement


async def cancel_requirement(viewer: Viewer, requirement_id: int) -> Requirement:
    """Withdraw a requirement before initiation (the initiator or the admin)."""
    policy.require_writer(viewer)
    async with in_transaction() as conn:
        requirement = await load_visible(Requirement, viewer, requirement_id, conn, lock=True)
        policy.require_initiator_or_admin(viewer, requirement)
        ensure_state(requirement, CANCELLABLE, "cancelRequirement")
        await transition(
            viewer, requirement, S.CANCELLED, "requirement.cancel", conn, stamp="cancelled_at"
        )
        await (
            ReviewRound.filter(requirement_id=requirement.id, outcome=RoundOutcome.OPEN)
            .using_db(conn)
            .update(closed_at=requirement.cancelled_at)
        )
    return requirement


async def confirm_requirement(viewer: Viewer, requirement_id: int) -> Requirement:
    """The admin confirms initiation (确认立项) once every involved department approved.

    The tasks the departments claimed become the draft task list (协作任务清单).
    """
    policy.require_writer(viewer)
    policy.require_admin(viewer)
    async with in_transaction() as conn:
        requirement = await load_visible(Requirement, viewer, requirement_id, conn, lock=True)
        ensure_state(requirement, (S.APPROVED,), "confirmRequirement")
        await transition(
            viewer, requirement, S.INITIATED, "requirement.confirm", conn, stamp="initiated_at"
        )
        await generate_draft_tasks(viewer, requirement, conn)
        await notify_about(
            requirement, [requirement.initiator_id], NotificationKind.REQUIREMENT_INITIATED, conn
        )
    outbox.kick()
    return requirement
