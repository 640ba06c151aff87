"""The inputs of the requirement mutations: the requirement form, sign-offs, delegates."""

from __future__ import annotations

from datetime import datetime

import strawberry
from strawberry.scalars import JSON

from schema.forms.fields import CUSTOM_FIELDS_DESCRIPTION
from schema.requirements.standard_fields import standard_fields

CONTRIBUTIONS_DESCRIPTION = (
    "What involved departments provide, e.g. 销售部（提供客户数据）; each must be involved"
)


@strawberry.input(description="What one involved department provides (its part of the work)")
class DepartmentContributionInput:
    department_id: strawberry.ID = strawberry.field(
        description="An involved department (global id)"
    )
    contribution: str = strawberry.field(
        description="What it provides, e.g. 提供客户数据; at most 255 characters"
    )


@strawberry.input(description="The Requirement Form (需求申请表)")
@standard_fields(role="asked", after="involved_department_ids")
class CreateRequirementInput:
    title: str = strawberry.field(description="Concrete: 2024年Q3新品上市推广方案, not 做个推广")
    involved_department_ids: list[strawberry.ID] = strawberry.field(
        description="Departments asked to take part and review (the initiator's own leads)"
    )
    # the other standard fields of the form: resolvers/requirements/form.py
    custom_fields: JSON | None = strawberry.field(
        default=None, description=CUSTOM_FIELDS_DESCRIPTION
    )
    contributions: list[DepartmentContributionInput] | None = strawberry.field(
        default=None, description=CONTRIBUTIONS_DESCRIPTION
    )


@strawberry.input(description="Changes to a draft or returned requirement; omitted = unchanged")
@standard_fields(role="changed", after="id")
class UpdateRequirementInput:
    id: strawberry.ID = strawberry.field(description="The requirement's global id")
    # the standard fields of the form: resolvers/requirements/form.py
    involved_department_ids: list[strawberry.ID] | None = strawberry.field(
        default=None, description="The involved departments, replacing the old list"
    )
    version: int | None = strawberry.field(
        default=None, description="The version you edited; a newer one is a CONFLICT"
    )
    custom_fields: JSON | None = strawberry.field(
        default=None,
        description="Custom field values to change, merged over the stored ones (null clears "
        "a field); checked against the current form",
    )
    contributions: list[DepartmentContributionInput] | None = strawberry.field(
        default=None,
        description=CONTRIBUTIONS_DESCRIPTION + "; departments not named keep theirs",
    )


@strawberry.input(description="A sign-off: approve with the tasks you take on, or reject")
class ReviewRequirementInput:
    requirement_id: strawberry.ID = strawberry.field(
        description="The requirement (global id), PENDING_REVIEW"
    )
    approve: bool = strawberry.field(description="true: approve; false: reject")
    comment: str = strawberry.field(
        default="", description="Your comment (审核意见); required when rejecting"
    )
    claimed_tasks: list[str] = strawberry.field(
        default_factory=list, description="Tasks your department takes on (认领任务)"
    )
    department_id: strawberry.ID | None = strawberry.field(
        default=None, description="The department you sign for, if you may sign for several"
    )


@strawberry.input(description="Name a delegate (代理人) for a period")
class SetDelegateInput:
    delegate_id: strawberry.ID = strawberry.field(description="The delegate (global User id)")
    starts_at: datetime = strawberry.field(description="Start of the period, with a time zone")
    ends_at: datetime = strawberry.field(
        description="End of the period, with a time zone; at most 180 days after the start"
    )
    note: str = strawberry.field(default="", description="Why, e.g. 出差 (on a business trip)")
