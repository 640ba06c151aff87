"""The Requirement Form's key points (明确需求背景、目标、交付物、验收标准) and what each
involved department provides (销售部（提供客户数据）).

A draft may stay incomplete while the initiator works on it; sending it to the heads is what
needs the key points, because a head cannot judge "做个推广" without its background, goals,
deliverables and acceptance criteria. The same holds for the required admin-defined fields of
the form (and of its template): a field made required after the draft was written is asked
for at submission, not silently skipped.
"""

from __future__ import annotations

from tortoise.backends.base.client import BaseDBAsyncClient

from models import Requirement, RequirementDepartment
from resolvers.errors import BadUserInput
from resolvers.forms.fields import active_fields
from resolvers.requirements.form import KEY_POINTS

CONTRIBUTION_LIMIT = 255


async def missing_key_points(requirement: Requirement) -> list[tuple[str, str]]:
    """The (API field, label) pairs a submission still lacks: blank key points, then the
    required custom fields without a value (``customFields.<key>``)."""
    missing = [
        (point.api_name, point.label)
        for point in KEY_POINTS
        if not str(getattr(requirement, point.name) or "").strip()
    ]
    values = requirement.custom_fields or {}
    for definition in await active_fields(requirement.template_id):
        if definition.required and values.get(definition.key) in (None, "", []):
            missing.append((f"customFields.{definition.key}", definition.label))
    return missing


async def require_key_points(requirement: Requirement) -> None:
    """Refuse a submission without the key points: ``BAD_USER_INPUT`` whose ``field`` is
    the first one missing and ``fields`` lists every one."""
    missing = await missing_key_points(requirement)
    if missing:
        labels = "、".join(label for _, label in missing)
        names = [field for field, _ in missing]
        raise BadUserInput(
            f"提交前请填写{labels} (required before submission: {', '.join(names)})",
            field=names[0],
            fields=names,
        )


def checked_contributions(contributions: dict[int, str] | None) -> dict[int, str] | None:
    """Trimmed contributions by department id, refused when one is too long."""
    if contributions is None:
        return None
    checked: dict[int, str] = {}
    for department_id, text in contributions.items():
        value = text.strip()
        if len(value) > CONTRIBUTION_LIMIT:
            raise BadUserInput(
                f"部门职责说明过长 (a contribution is at most {CONTRIBUTION_LIMIT} characters)",
                field="contributions",
            )
        checked[department_id] = value
    return checked


async def store_contributions(
    requirement_id: int, contributions: dict[int, str], conn: BaseDBAsyncClient
) -> None:
    """Write what each named department provides; a department not involved is refused."""
    involved = set(
        await RequirementDepartment.filter(requirement_id=requirement_id)
        .using_db(conn)
        .values_list("department_id", flat=True)
    )
    strangers = [department_id for department_id in contributions if department_id not in involved]
    if strangers:
        raise BadUserInput(
            "只能为涉及部门填写职责 (a contribution names a department that is not involved)",
            field="contributions",
        )
    for department_id, text in contributions.items():
        await (
            RequirementDepartment.filter(requirement_id=requirement_id, department_id=department_id)
            .using_db(conn)
            .update(contribution=text)
        )
