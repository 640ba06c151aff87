"""Scenario templates (需求模板): listing them and their versioned definitions.

Using a template (a requirement made from it) is a requirements use case and lives in
``resolvers/requirements/from_template.py``; this module stays below the requirement
lifecycle, so the form fields can raise a template's version without a circle.

A template's definition (its fields, default departments, task list, response limits,
warning thresholds and form fields) is snapshotted on every change as a
:class:`RequirementTemplateVersion`; a requirement made from a template records the
version, and everything later derived from the template (the tasks added on confirmation)
reads that snapshot, never the live rows, so editing a template leaves running work alone.
"""

from __future__ import annotations

from contextlib import nullcontext
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from models import (
    FormField,
    RequirementTemplate,
    RequirementTemplateVersion,
    TemplateDepartment,
    TemplateResponseLimit,
    TemplateTask,
    TemplateWarningThreshold,
    User,
)
from resolvers import audit
from resolvers.access import policy
from resolvers.access.auth import Viewer
from resolvers.errors import NotFound

#: The version the snapshot format has; readers tolerate missing keys of older formats.
SNAPSHOT_FORMAT = 1


async def template_snapshot(
    template_id: int, conn: BaseDBAsyncClient | None = None
) -> dict[str, Any]:
    """The full definition of a template as it is now, as plain JSON.

    Includes the template's active form fields, so a requirement made from a version
    knows which fields it was asked for.
    """
    template = await RequirementTemplate.filter(id=template_id).using_db(conn).first()
    if template is None:
        raise NotFound("模板不存在 (no such template)")
    departments = (
        await TemplateDepartment.filter(template_id=template_id)
        .using_db(conn)
        .order_by("-is_lead", "id")
        .values("department_id", "is_lead", "contribution", "on_duty_id")
    )
    tasks = (
        await TemplateTask.filter(template_id=template_id)
        .using_db(conn)
        .order_by("position", "id")
        .values("department_id", "title", "description", "offset_days", "position")
    )
    limits = (
        await TemplateResponseLimit.filter(template_id=template_id)
        .using_db(conn)
        .order_by("id")
        .values("department_id", "hours", "standard")
    )
    thresholds = (
        await TemplateWarningThreshold.filter(template_id=template_id)
        .using_db(conn)
        .order_by("kind")
        .values("kind", "threshold_normal", "threshold_urgent", "unit")
    )
    form_fields = (
        await FormField.filter(template_id=template_id, active=True)
        .using_db(conn)
        .order_by("position", "id")
        .values(
            "key", "label", "label_en", "field_type", "required", "options", "help_text", "position"
        )
    )
    return {
        "format": SNAPSHOT_FORMAT,
        "key": template.key,
        "name": template.name,
        "nameEn": template.name_en,
        "description": template.description,
        "priority": str(template.priority),
        "signoffMode": str(template.signoff_mode),
        "acceptanceMode": str(template.acceptance_mode),
        "enabled": template.enabled,
        "urgentIntake": template.urgent_intake,
        "departments": [
            {
                "departmentId": int(row["department_id"]),
                "isLead": bool(row["is_lead"]),
                "contribution": row["contribution"],
                "onDutyId": row["on_duty_id"],
            }
            for row in departments
        ],
        "tasks": [
            {
                "departmentId": int(row["department_id"]),
                "title": row["title"],
                "description": row["description"],
                "offsetDays": int(row["offset_days"]),
                "position": int(row["position"]),
            }
            for row in tasks
        ],
        "responseLimits": [
            {
                "departmentId": int(row["department_id"]),
                "hours": int(row["hours"]),
                "standard": row["standard"],
            }
            for row in limits
        ],
        "thresholds": [
            {
                "kind": str(row["kind"]),
                "thresholdNormal": int(row["threshold_normal"]),
                "thresholdUrgent": int(row["threshold_urgent"]),
                "unit": str(row["unit"]),
            }
            for row in thresholds
        ],
        "formFields": [
            {
                "key": row["key"],
                "label": row["label"],
                "labelEn": row["label_en"],
                "fieldType": str(row["field_type"]),
                "required": bool(row["required"]),
                "options": row["options"] or [],
                "helpText": row["help_text"],
                "position": int(row["position"]),
            }
            for row in form_fields
        ],
    }


async def _actor(actor_id: int | None, conn: BaseDBAsyncClient) -> Viewer | None:
    if actor_id is None:
        return None
    user = await User.filter(id=actor_id).using_db(conn).first()
    if user is None:
        return None
    return Viewer.of_user(user)


async def bump_template_version(
    template_id: int,
    actor_id: int | None,
    change: str,
    *,
    via: str = "admin",
    conn: BaseDBAsyncClient | None = None,
) -> int:
    """Record one change of a template: raise its version, snapshot it, audit it.

    Call it after the change is written (inside the same transaction when there is one:
    a nested ``in_transaction`` becomes a savepoint of the caller's). ``change`` is a short
    human description ("task added: 主视觉图初稿"). Returns the new version. The first call
    for a new template records it at the version it was created with (1) instead of
    raising it, so "create the template, then its rows, then bump" yields version 1.
    The row lock serialises concurrent editors of one template on PostgreSQL.
    """
    async with in_transaction() if conn is None else nullcontext(conn) as tx:
        template = (
            await RequirementTemplate.filter(id=template_id)
            .using_db(tx)
            .select_for_update()
            .first()
        )
        if template is None:
            raise NotFound("模板不存在 (no such template)")
        recorded = (
            await RequirementTemplateVersion.filter(template_id=template_id).using_db(tx).exists()
        )
        # The first record of a new template is its version as created (1), not a raise.
        version = template.version + 1 if recorded else template.version
        await (
            RequirementTemplate.filter(id=template_id)
            .using_db(tx)
            .update(version=version, updated_by_id=actor_id)
        )
        previous = await (
            RequirementTemplateVersion.filter(template_id=template_id, version=version - 1)
            .using_db(tx)
            .first()
            .values_list("snapshot", flat=True)
        )
        current = await template_snapshot(template_id, tx)
        await RequirementTemplateVersion.create(
            template_id=template_id,
            version=version,
            snapshot=current,
            changed_by_id=actor_id,
            using_db=tx,
        )
        await audit.record(
            await _actor(actor_id, tx),
            "template.change",
            "RequirementTemplate",
            template_id,
            subject_code=template.key[:40],
            from_state=f"v{version - 1}",
            to_state=f"v{version}",
            note=change,
            before=previous if isinstance(previous, dict) else None,
            after=current,
            via=via,
            using_db=tx,
        )
    return version


def requirement_templates(viewer: Viewer) -> QuerySet[RequirementTemplate]:
    """The templates a new requirement can start from (the ADMIN also sees disabled ones),
    by id."""
    query = RequirementTemplate.all()
    if not policy.lists_disabled_templates(viewer):
        query = query.filter(enabled=True)
    return query.order_by("id")


async def recorded_version(template: RequirementTemplate) -> tuple[int, dict[str, Any]]:
    """The template's current version and its snapshot (written now if it was never taken)."""
    snapshot = await (
        RequirementTemplateVersion.filter(template_id=template.id, version=template.version)
        .first()
        .values_list("snapshot", flat=True)
    )
    if isinstance(snapshot, dict):
        return template.version, snapshot
    # a template written around the use cases (a fixture, an import): record it first
    version = await bump_template_version(template.id, None, "snapshot on first use", via="api")
    row = await RequirementTemplateVersion.get(template_id=template.id, version=version)
    return version, row.snapshot
