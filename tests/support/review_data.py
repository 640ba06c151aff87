"""Requirements waiting for the sign-off of chosen departments, for the security tests.

Built directly in the tables (the workflow up to PENDING_REVIEW is tested elsewhere), so a
test states in one line whose requirement it is and which heads must sign.
"""

from __future__ import annotations

from strawberry.relay import to_base64
from tortoise.transactions import in_transaction

from core import clock
from models import Department, Requirement, RequirementDepartment, ReviewRound, User
from models.enums import RequirementStatus
from resolvers import codes


async def pending_review(initiator: str, reviewers: tuple[str, ...]) -> Requirement:
    """A requirement raised by ``initiator`` (their department leads), awaiting ``reviewers``."""
    person = await User.get(username=initiator)
    async with in_transaction() as conn:
        code = await codes.next_monthly_code(codes.REQUIREMENT, conn)
    row = await Requirement.create(
        code=code,
        title="安全测试需求",
        status=RequirementStatus.PENDING_REVIEW,
        initiator=person,
        initiating_department_id=person.department_id,
        current_round=1,
    )
    await RequirementDepartment.create(
        requirement=row, department_id=person.department_id, is_lead=True
    )
    for department in reviewers:
        await RequirementDepartment.create(
            requirement=row, department=await Department.get(code=department)
        )
    await ReviewRound.create(requirement=row, number=1, opened_at=clock.now())
    return row


REVIEW = "mutation($input: ReviewRequirementInput!) { reviewRequirement(input: $input) { status } }"


def review_input(requirement: Requirement, *, approve: bool = True) -> dict[str, object]:
    """The variables of :data:`REVIEW` for ``requirement``."""
    return {
        "input": {
            "requirementId": to_base64("Requirement", requirement.id),
            "approve": approve,
            "comment": "" if approve else "请补充预算",
        }
    }
