"""The panel's warning preview says what the scan will then send, for every rule, in two
statements (issue 19): the rule's measures, then its own read with the warnings already
sent and the recipients."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
import time_machine

from core.settings import Settings
from models import (
    Alert,
    CollaborationRequest,
    Delegation,
    Department,
    Requirement,
    RequirementDepartment,
    ResultHandover,
    ResultSigner,
    ReviewHandover,
    ReviewRound,
    RoundSigner,
    TaskResult,
    User,
)
from models.enums import Priority, RequirementStatus, TaskStatus, WarningRuleKind
from resolvers.alerts.scan import scan
from tests.conftest import GraphQLClient
from tests.resolvers.test_alert_scan import bj, make_task
from tests.security.test_api2_cached_viewer import listening
from tests.support.sql_log import counted_statements

pytestmark = [pytest.mark.redis]

PREVIEW = """query($input: WarningRuleInput!) { previewWarningRule(input: $input) {
  count items { subjectType subjectCode title alreadyNotified
    recipients { username displayName department { name } } } } }"""
#: A make-up working Saturday (调休), 16:05 in Beijing: every rule has something due.
MOMENT = bj(10, 10, 16, 5)

Seen = set[tuple[str, frozenset[str]]]


async def _something_for_every_rule() -> None:
    """Tasks due soon, near escalation, overdue and stale; a review and an acceptance gone
    past three working days, each with a department added (加签) and one handed over
    (转交); a collaboration request unanswered for a day and one expected within two hours;
    and design's head away, with R&D's head standing in (代理审批)."""
    people = {u.username: u for u in await User.all()}
    design = await Department.get(code="design")
    finance = await Department.get(code="finance")
    rnd = await Department.get(code="rnd")
    # finance's head hands its review and its acceptance seat to a member of staff (转交)
    finance_to_staff = {
        "department": finance,
        "from_user": people["finance_head"],
        "to_user": people["finance_staff"],
        "head": people["finance_head"],
    }
    await Delegation.create(
        head=people["design_head"],
        delegate=people["rnd_head"],
        starts_at=MOMENT - timedelta(days=1),
        ends_at=MOMENT + timedelta(days=5),
    )
    await make_task(Priority.NORMAL, bj(10, 11, 10), title="即将到期")
    await make_task(Priority.NORMAL, bj(10, 10, 20), title="即将升级")
    await make_task(Priority.URGENT, bj(10, 10, 9), title="已经逾期")
    await make_task(Priority.NORMAL, bj(10, 30, 18), title="三天未更新", progress_at=bj(10, 5, 10))
    # a review nobody gave since 30 September
    with time_machine.travel(bj(9, 30, 10), tick=False):
        requirement = await Requirement.create(
            code="XQ202609901",
            title="国庆前提交的需求",
            initiator=people["market_staff"],
            initiating_department_id=people["market_staff"].department_id,
            status=RequirementStatus.PENDING_REVIEW,
            current_round=1,
        )
        for department in (design, finance):
            await RequirementDepartment.create(requirement=requirement, department=department)
        round_ = await ReviewRound.create(
            requirement=requirement, number=1, opened_at=bj(9, 30, 10)
        )
        await RoundSigner.create(round=round_, department=rnd, added_by=people["market_staff"])
        await ReviewHandover.create(round=round_, **finance_to_staff)
    # a result awaiting acceptance since 30 September
    task = await make_task(
        Priority.NORMAL, bj(10, 20, 18), title="待验收", status=TaskStatus.SUBMITTED
    )
    await type(task).filter(id=task.id).update(submitted_at=bj(9, 30, 16))
    for department in (finance, design):
        await RequirementDepartment.create(
            requirement_id=task.requirement_id, department=department
        )
    result = await TaskResult.create(
        task=task, submitted_by=people["design_staff"], note="", attachment_ids=[]
    )
    await ResultSigner.create(result=result, department=rnd, added_by=people["market_staff"])
    await ResultHandover.create(result=result, **finance_to_staff)
    # asked of R&D a day ago, and of finance for within two hours
    for to, created, expected in ((rnd, bj(10, 9, 9), None), (finance, MOMENT, bj(10, 10, 17))):
        request = await CollaborationRequest.create(
            task=task,
            requirement_id=task.requirement_id,
            from_user=people["design_staff"],
            to_department=to,
            content="请提供3D渲染图",
            expected_by=expected,
        )
        await CollaborationRequest.filter(id=request.id).update(created_at=created)


async def _previews(client: GraphQLClient) -> tuple[dict[str, Any], dict[str, int]]:
    """Every rule's preview at the moment as sent, and the statements each one cost."""
    previews: dict[str, Any] = {}
    statements: dict[str, int] = {}
    with time_machine.travel(MOMENT, tick=False):
        admin = await client.sign_in("admin")
        for kind in WarningRuleKind:
            variables = {"input": {"kind": kind.value}}
            await admin.data(PREVIEW, variables)  # the per-process caches warmed
            with counted_statements() as sent:
                previews[kind.value] = (await admin.data(PREVIEW, variables))["previewWarningRule"]
            statements[kind.value] = len(sent)
    return previews, statements


def _seen(preview: dict[str, Any]) -> Seen:
    return {
        (item["subjectCode"], frozenset(r["username"] for r in item["recipients"]))
        for item in preview["items"]
    }


async def _sent(kind: str) -> Seen:
    """What the scan recorded at the moment for ``kind``, as (subject, recipients)."""
    names = dict(await User.all().values_list("id", "username"))
    return {
        (alert.subject_code, frozenset(names[u] for u in alert.details["recipients"]))
        for alert in await Alert.filter(rule__kind=kind, fired_at=MOMENT)
    }


async def test_every_rules_preview_names_what_the_scan_then_sends_in_two_statements(
    client: GraphQLClient, demo: None, settings: Settings, redis_url: str
) -> None:
    # given something due for every rule, a delegation, added departments and hand-overs
    await _something_for_every_rule()
    async with listening(redis_url):
        # when the admin previews every rule, then the scan runs at the same moment
        before, statements = await _previews(client)
        await scan(settings, MOMENT)
        after, _ = await _previews(client)
    # then each preview read in two statements, recipients and departments included
    assert statements == {kind.value: 2 for kind in WarningRuleKind}
    # and named what the scan then sent, to the same people, for every rule
    for kind in WarningRuleKind:
        assert _seen(before[kind.value]), kind
        assert _seen(before[kind.value]) == await _sent(kind.value), kind
        assert not any(item["alreadyNotified"] for item in before[kind.value]["items"]), kind
        # and, once sent, says so
        assert _seen(after[kind.value]) == _seen(before[kind.value]), kind
        assert all(item["alreadyNotified"] for item in after[kind.value]["items"]), kind
    # the stand-in is told with the head, a hand-over's receiver instead of the head
    due = {item["title"]: item for item in before["DUE_SOON"]["items"]}
    told = {r["username"]: r["department"]["name"] for r in due["即将到期"]["recipients"]}
    assert told == {
        "design_staff": "设计部",
        "design_head": "设计部",
        "rnd_head": "研发部",
        "market_staff": "市场部",
    }
    review = {
        frozenset(r["username"] for r in item["recipients"])
        for item in before["REVIEW_SLA"]["items"]
    }
    assert review == {
        frozenset({"design_head", "rnd_head"}),  # design, its head away
        frozenset({"finance_staff"}),  # finance, handed over
        frozenset({"rnd_head"}),  # R&D, added
    }
