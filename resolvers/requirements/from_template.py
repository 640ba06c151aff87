"""A requirement made from a scenario template (createRequirementFromTemplate).

It lives with the requirements, not with the templates: it reads a template's recorded
version (``resolvers/templates/definitions.py``) and runs the ``createRequirement`` use
case, so the template definitions never import the requirement lifecycle (which imports
the form fields, which raise a template's version).
"""

from __future__ import annotations

from dataclasses import replace

from tortoise.transactions import in_transaction

from core import outbox
from models import Requirement, RequirementTemplate
from models.enums import Priority
from resolvers import audit
from resolvers.access import policy
from resolvers.access.auth import Viewer
from resolvers.errors import BadUserInput, NotFound
from resolvers.requirements.fast_track import is_fast_track, start_urgent_intake
from resolvers.requirements.lifecycle import RequirementForm, create_requirement
from resolvers.templates.definitions import recorded_version


async def create_requirement_from_template(
    viewer: Viewer, template_id: int, form: RequirementForm
) -> Requirement:
    """A draft requirement pre-filled from a scenario template (createRequirementFromTemplate).

    What the form leaves out comes from the template version current now, which the
    requirement records: the involved departments (the initiator's own department leads,
    as for every requirement; the template's lead is involved like the others), the
    priority, and the description as the background. The form's values win. Everything
    else is the plain ``createRequirement`` use case, in the same transaction. A template
    marked for urgent intake initiates it at once (``resolvers/requirements/fast_track.py``).
    """
    policy.require_writer(viewer)
    template = await RequirementTemplate.get_or_none(id=template_id)
    if template is None:
        raise NotFound("模板不存在 (no such template)")
    if not template.enabled:
        raise BadUserInput("该模板已停用 (this template is disabled)", field="templateId")
    version, snapshot = await recorded_version(template)
    departments = snapshot.get("departments", [])
    contributions = {
        int(row["departmentId"]): str(row.get("contribution", ""))[:255]
        for row in departments
        if row.get("contribution")
    }
    involved = form.involved_department_ids or [int(row["departmentId"]) for row in departments]
    # the template's contributions of the departments involved, the form's over them
    kept = {
        key: value
        for key, value in contributions.items()
        if key in {*involved, viewer.department_id}
    }
    filled = replace(
        form,
        background=form.background or snapshot.get("description") or None,
        priority=form.priority or Priority(snapshot.get("priority", Priority.NORMAL)),
        involved_department_ids=involved,
        template_id=template.id,
        template_version=version,
        contributions={**kept, **(form.contributions or {})},
    )
    async with in_transaction() as conn:
        requirement = await create_requirement(viewer, filled)
        if is_fast_track(snapshot):
            await start_urgent_intake(viewer, requirement, snapshot, conn)
        await audit.record(
            viewer,
            "requirement.from_template",
            "Requirement",
            requirement.id,
            subject_code=requirement.code,
            note=f"{template.key} v{version}",
            after={"template_id": template.id, "template_version": version},
            using_db=conn,
        )
    outbox.kick()
    return requirement
