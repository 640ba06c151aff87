"""The knowledge base (知识库): read by every employee unless confidential, the whole record.

Done when an archived requirement is found by an employee who took no part in it (供后续协作
参考) while the requirement itself stays with its participants, one archived as confidential
is found by its participants only, and the snapshot holds the review and acceptance
decisions, the result files, the reschedules and the meetings (both backends).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from strawberry.relay import to_base64

from core import clock
from models import (
    Attachment,
    AttachmentVersion,
    Meeting,
    Requirement,
    ResultSignoff,
    ResultVersion,
    Task,
    TaskReschedule,
    TaskResult,
    User,
)
from models.enums import ResultDecision, TaskStatus
from tests.conftest import GraphQLClient

Q3 = "2024年Q3新品上市推广方案"
REPORT = """mutation($input: SubmitResultReportInput!) { submitResultReport(input: $input) {
  status } }"""
ARCHIVE = """mutation($id: ID!, $c: Boolean) { archiveRequirement(id: $id, confidential: $c) {
  status } }"""
SEARCH = """query($q: String) { archives(search: $q) { totalCount
  edges { node { title confidential requirement { code } snapshot } } } }"""


async def record_the_work(requirement: Requirement) -> None:
    """Given the Q3 work done: an accepted result with a pinned file, a moved deadline and
    a meeting with minutes; every task completed."""
    visual = await Task.get(requirement=requirement, title="完成主视觉图初稿")
    designer = await User.get(username="design_staff")
    initiator = await User.get(username="market_staff")
    now = clock.now()
    file = await Attachment.create(
        requirement=requirement, task=visual, file_name="主视觉.psd", uploaded_by=designer
    )
    version = await AttachmentVersion.create(
        attachment=file,
        number=1,
        sha256="a" * 64,
        size=2048,
        content_type="image/vnd.adobe.photoshop",
        storage_path="aa/aaaa",
        change_note="三版主视觉",
        uploaded_by=designer,
    )
    result = await TaskResult.create(
        task=visual,
        submitted_by=designer,
        note="三套主视觉方案",
        attachment_ids=[file.id],
        decision=ResultDecision.ACCEPTED,
        decided_by=initiator,
        decided_at=now,
    )
    await ResultVersion.create(result=result, version=version)
    await ResultSignoff.create(
        result=result,
        seat="initiator",
        decision=ResultDecision.ACCEPTED,
        comment="符合要求",
        signed_by=initiator,
        signed_at=now,
    )
    await TaskReschedule.create(
        task=visual,
        requested_by=initiator,
        reason="渲染图提供较晚",
        solution="设计部增派1人支持",
        old_deadline=now,
        new_deadline=now + timedelta(days=2),
    )
    await Meeting.create(
        requirement=requirement,
        task=visual,
        organizer=initiator,
        title="主视觉延期协调会",
        starts_at=now,
        uid="kb-test-meeting@crossflow",
        minutes="确认延期2天",
        decisions=[{"reason": "渲染图晚到", "solution": "增派1人", "newDeadline": "07-17"}],
    )
    await Task.filter(requirement=requirement).update(status=TaskStatus.COMPLETED, progress=100)


async def archived_q3(client: GraphQLClient, *, confidential: bool) -> str:
    """The Q3 requirement reported by its initiator and archived by the admin."""
    requirement = await Requirement.get(title=Q3)
    await record_the_work(requirement)
    gid = to_base64("Requirement", requirement.id)
    initiator = await client.sign_in("market_staff")
    report = {"requirementId": gid, "goalAchievement": "推广方案按期交付，首月销量5200台"}
    await initiator.data(REPORT, {"input": report})
    admin = await client.sign_in("admin")
    await admin.data(ARCHIVE, {"id": gid, "c": confidential})
    return requirement.code


async def found(client: GraphQLClient, username: str) -> list[dict[str, Any]]:
    reader = await client.sign_in(username)
    result = (await reader.data(SEARCH, {"q": "推广"}))["archives"]
    return [edge["node"] for edge in result["edges"]]


async def test_every_employee_reads_an_archive_but_not_the_live_requirement(
    client: GraphQLClient, demo: None
) -> None:
    # given the Q3 launch archived without marking it confidential
    code = await archived_q3(client, confidential=False)
    # when an employee of a department that took no part searches the knowledge base
    nodes = await found(client, "legal_staff")
    # then the record is there, with its snapshot, but not the requirement behind it
    assert [(n["title"], n["confidential"], n["requirement"]) for n in nodes] == [(Q3, False, None)]
    assert nodes[0]["snapshot"]["code"] == code
    # and a participant sees the requirement too
    assert [n["requirement"] for n in await found(client, "design_staff")] == [{"code": code}]


async def test_a_confidential_archive_is_read_by_its_participants_only(
    client: GraphQLClient, demo: None
) -> None:
    # given the Q3 launch archived as confidential
    code = await archived_q3(client, confidential=True)
    # when an outsider searches: nothing; a participant: the record
    assert await found(client, "legal_staff") == []
    nodes = await found(client, "sales_staff")
    assert [(n["confidential"], n["requirement"]) for n in nodes] == [(True, {"code": code})]
    # and the executive, who reads everything, finds it too
    assert len(await found(client, "ceo")) == 1


async def test_the_snapshot_holds_the_whole_record(client: GraphQLClient, demo: None) -> None:
    # given the Q3 launch archived
    await archived_q3(client, confidential=False)
    snapshot = (await found(client, "market_staff"))[0]["snapshot"]
    # then the review decisions of both rounds are there (the demo story has a rejection)
    assert {review["decision"] for review in snapshot["reviews"]} == {"APPROVE", "REJECT"}
    # and the acceptance: the result, its decision, the member's sign-off, the pinned file
    accepted = snapshot["acceptance"][-1]
    assert (accepted["note"], accepted["decision"]) == ("三套主视觉方案", "ACCEPTED")
    assert [(s["seat"], s["decision"], s["comment"]) for s in accepted["signoffs"]] == [
        ("initiator", "ACCEPTED", "符合要求")
    ]
    file = next(f for f in snapshot["files"] if f["fileName"] == "主视觉.psd")
    assert accepted["pinnedVersions"] == [{"attachmentId": file["id"], "version": 1}]
    assert file["versions"][0]["changeNote"] == "三版主视觉"
    # and the reschedule with its reason, solution and new deadline
    moved = snapshot["reschedules"][-1]
    assert (moved["reason"], moved["solution"]) == ("渲染图提供较晚", "设计部增派1人支持")
    assert moved["newDeadline"] is not None
    # and the meeting with its minutes and decisions
    meeting = next(m for m in snapshot["meetings"] if m["title"] == "主视觉延期协调会")
    assert meeting["minutes"] == "确认延期2天" and meeting["decisions"][0]["solution"] == "增派1人"


async def test_only_the_admin_archives_and_confidentiality_is_fixed_at_archiving(
    client: GraphQLClient, demo: None
) -> None:
    # given the Q3 launch completed
    requirement = await Requirement.get(title=Q3)
    await record_the_work(requirement)
    gid = to_base64("Requirement", requirement.id)
    initiator = await client.sign_in("market_staff")
    await initiator.data(
        REPORT, {"input": {"requirementId": gid, "goalAchievement": "推广方案按期交付"}}
    )
    # when the initiator tries to archive it as confidential: refused
    assert await initiator.error_code(ARCHIVE, {"id": gid, "c": True}) == "FORBIDDEN"
    # and once archived, archiving again (to change it) is refused
    admin = await client.sign_in("admin")
    await admin.data(ARCHIVE, {"id": gid, "c": False})
    assert await admin.error_code(ARCHIVE, {"id": gid, "c": True}) == "INVALID_TRANSITION"
