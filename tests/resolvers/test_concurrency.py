"""Concurrent writers: nothing lost, nothing duplicated, no lock error reaches a client."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from strawberry.relay import to_base64

from core import clock
from models import (
    AuditEntry,
    Department,
    NotificationPreference,
    QuietHours,
    Requirement,
    Review,
    User,
)
from models.enums import RequirementStatus
from tests.conftest import GraphQLClient

CREATE = (
    """mutation($input: CreateRequirementInput!) { createRequirement(input: $input) { code } }"""
)
#: The form's key points, which a submission needs.
KEY_POINTS = {
    "background": "并发测试",
    "goals": "两位部门负责人同时审核",
    "deliverables": "审核记录",
    "acceptanceCriteria": "每个审核只记一次",
}
SUBMIT = "mutation($id: ID!) { submitRequirement(id: $id) { status } }"
REVIEW = """mutation($input: ReviewRequirementInput!) { reviewRequirement(input: $input) {
  status } }"""


async def test_forty_requirements_created_at_once_get_forty_distinct_codes(
    client: GraphQLClient, demo: None
) -> None:
    staff = await client.sign_in("market_staff")
    design = to_base64("Department", (await Department.get(code="design")).id)

    async def create(n: int) -> dict[str, object]:
        return await staff.post(
            CREATE,
            {
                "input": {
                    "title": f"并发需求第{n}号",
                    "involvedDepartmentIds": [design],
                    "expectedBy": str(clock.today() + timedelta(days=9)),
                }
            },
        )

    bodies = await asyncio.gather(*(create(n) for n in range(40)))
    assert all("errors" not in body for body in bodies), [b for b in bodies if "errors" in b][:1]
    codes = [body["data"]["createRequirement"]["code"] for body in bodies]  # type: ignore[index]
    assert len(set(codes)) == 40
    assert await Requirement.filter(title__startswith="并发需求").count() == 40


async def test_two_heads_approving_at_the_same_moment_both_count(
    client: GraphQLClient, demo: None
) -> None:
    # given a requirement waiting for exactly two reviews
    staff = await client.sign_in("market_staff")
    ids = [to_base64("Department", (await Department.get(code=c)).id) for c in ("design", "sales")]
    code = (
        await staff.data(
            CREATE,
            {"input": {"title": "双部门并发审核", "involvedDepartmentIds": ids, **KEY_POINTS}},
        )
    )["createRequirement"]["code"]
    requirement = await Requirement.get(code=code)
    global_id = to_base64("Requirement", requirement.id)
    await staff.data(SUBMIT, {"id": global_id})
    design, sales = await client.sign_in("design_head"), await client.sign_in("sales_head")
    # when both approve at once
    results = await asyncio.gather(
        *(
            head.post(REVIEW, {"input": {"requirementId": global_id, "approve": True}})
            for head in (design, sales)
        )
    )
    # then both sign-offs are kept and the requirement is approved
    assert all("errors" not in body for body in results), results
    assert await Review.filter(requirement_id=requirement.id).count() == 2
    assert (await Requirement.get(id=requirement.id)).status == RequirementStatus.APPROVED


async def test_the_same_head_clicking_approve_twice_at_once_signs_once(
    client: GraphQLClient, demo: None
) -> None:
    staff = await client.sign_in("market_staff")
    ids = [to_base64("Department", (await Department.get(code=c)).id) for c in ("design", "sales")]
    code = (
        await staff.data(
            CREATE, {"input": {"title": "重复点击审核", "involvedDepartmentIds": ids, **KEY_POINTS}}
        )
    )["createRequirement"]["code"]
    requirement = await Requirement.get(code=code)
    global_id = to_base64("Requirement", requirement.id)
    await staff.data(SUBMIT, {"id": global_id})
    design = await client.sign_in("design_head")
    results = await asyncio.gather(
        *(
            design.post(REVIEW, {"input": {"requirementId": global_id, "approve": True}})
            for _ in range(2)
        )
    )
    codes = sorted(
        body["errors"][0]["extensions"]["code"] if "errors" in body else "OK" for body in results
    )
    assert codes == ["INVALID_TRANSITION", "OK"]
    assert await Review.filter(requirement_id=requirement.id).count() == 1


PREFERENCES = """mutation($input: SetNotificationPreferencesInput!) {
  setNotificationPreferences(input: $input) { quietHours { start end } } }"""


async def test_two_first_preference_saves_at_once_both_succeed_and_one_is_kept(
    client: GraphQLClient, demo: None
) -> None:
    # given a person who has never saved preferences, saving twice at once (two tabs)
    head = await client.sign_in("design_head")
    user_id = (await User.get(username="design_head")).id
    saves = [
        {"kinds": [{"kind": "MENTION", "channels": ["EMAIL"]}], "quietHours": quiet}
        for quiet in ({"start": "22:00", "end": "07:00"}, {"start": "23:00", "end": "08:00"})
    ]
    # when both first saves race on the same (person, kind) row and the same quiet hours row
    results = await asyncio.gather(*(head.post(PREFERENCES, {"input": s}) for s in saves))
    # then neither request fails, and one row each holds one of the two choices
    assert all("errors" not in body for body in results), results
    assert await NotificationPreference.filter(user_id=user_id).count() == 1
    quiet = await QuietHours.get(user_id=user_id)
    assert (quiet.start_minute, quiet.end_minute) in {(22 * 60, 7 * 60), (23 * 60, 8 * 60)}
    assert await AuditEntry.filter(action="notification.preferences").count() == 2
