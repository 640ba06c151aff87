"""Object-level sweep: an outsider sees nothing of a requirement they take no part in —
by global id, by code, or through any list."""

from __future__ import annotations

from datetime import timedelta

from strawberry.relay import to_base64
from tortoise.models import Model

import models
from core import clock
from models.enums import NotificationKind
from schema import NODE_TYPES
from tests.conftest import GraphQLClient

Q3 = "2024年Q3新品上市推广方案"
#: Directory data every signed-in person reads (not tied to a requirement); disabled
#: templates and retired form fields are the admin's (tests/schema/test_templates.py).
PUBLIC = {
    "Department",
    "User",
    "WarningRule",
    "CalendarOverride",
    "Suggestion",
    "RequirementTemplate",
    "FormField",
}


async def _one_of_each() -> dict[str, Model]:
    """An instance of every private node type, all belonging to the Q3 case or to others."""
    q3 = await models.Requirement.get(title=Q3)
    task = await models.Task.filter(requirement=q3).first()
    staff = await models.User.get(username="design_staff")
    head = await models.User.get(username="design_head")
    assert task is not None
    attachment = await models.Attachment.create(
        requirement=q3, task=task, file_name="方案.pdf", uploaded_by=staff
    )
    meeting = await models.Meeting.create(
        requirement=q3,
        task=task,
        organizer=staff,
        title="会",
        starts_at=clock.now(),
        uid="sweep@test",
    )
    rule = await models.WarningRule.first()
    assert rule is not None
    rows: dict[str, Model | None] = {
        "Requirement": q3,
        "Task": task,
        "ReviewRound": await models.ReviewRound.filter(requirement=q3).first(),
        "Review": await models.Review.filter(requirement=q3).first(),
        "ProgressUpdate": await models.ProgressUpdate.filter(task__requirement=q3).first(),
        "TaskReschedule": await models.TaskReschedule.create(
            task=task,
            requested_by=staff,
            reason="r",
            solution="s",
            new_deadline=clock.now() + timedelta(days=1),
        ),
        "TaskResult": await models.TaskResult.create(task=task, submitted_by=staff, note="n"),
        "Comment": await models.Comment.filter(task__requirement=q3).first(),
        "CollaborationRequest": await models.CollaborationRequest.filter(requirement=q3).first(),
        "Attachment": attachment,
        "AttachmentVersion": await models.AttachmentVersion.create(
            attachment=attachment,
            number=1,
            sha256="0" * 64,
            size=1,
            content_type="application/pdf",
            storage_path="x",
            uploaded_by=staff,
        ),
        "Meeting": meeting,
        "ResultReport": await models.ResultReport.create(
            requirement_id=q3.id, author=staff, goal_achievement="g"
        ),
        # archived as confidential: the knowledge base's other records are for every
        # employee (tests/resolvers/test_knowledge_base_visibility.py)
        "Archive": await _confidential_archive(),
        "Feedback": await models.Feedback.first(),
        "FeedbackItem": await models.FeedbackItem.first(),
        "Alert": await models.Alert.create(
            rule=rule,
            subject_type="Task",
            subject_id=task.id,
            dedup_key="sweep",
            task=task,
            fired_at=clock.now(),
        ),
        "Notification": await models.Notification.create(
            recipient=staff, kind=NotificationKind.SYSTEM, title="私信"
        ),
        "AuditEntry": await models.AuditEntry.create(actor_label="x", action="x", subject_type="x"),
        "WebhookChannel": await models.WebhookChannel.create(name="bot", url="http://x"),
        "Delegation": await models.Delegation.create(
            head=head,
            delegate=staff,
            starts_at=clock.now(),
            ends_at=clock.now() + timedelta(days=1),
        ),
        "ApiToken": await models.ApiToken.create(
            name="t", token_hash="h" * 64, prefix="cft_x", user=staff
        ),
        # report rights: ADMIN, EXECUTIVE, BI (and heads for their departments), not employees
        "AnalysisReport": await models.AnalysisReport.create(month="2026-10"),
        "SavedReport": await models.SavedReport.create(
            name="weekly", title="周报", document="{ viewer { id } }"
        ),
    }
    missing = [name for name, row in rows.items() if row is None]
    assert not missing, missing
    return {name: row for name, row in rows.items() if row is not None}


async def _confidential_archive() -> models.Archive | None:
    await models.Archive.all().update(confidential=True)
    return await models.Archive.filter(requirement__status="ARCHIVED").first()


async def test_every_private_node_type_is_not_found_for_an_outsider(
    client: GraphQLClient, demo: None
) -> None:
    rows = await _one_of_each()
    private = {t.__strawberry_definition__.name for t in NODE_TYPES} - PUBLIC
    assert set(rows) >= private, private - set(rows)  # a new type needs a row here
    outsider = await client.sign_in("legal_staff")
    query = "query($id: ID!) { node(id: $id) { id } }"
    for name in sorted(private):
        code = await outsider.error_code(query, {"id": to_base64(name, rows[name].pk)})
        assert code == "NOT_FOUND", name


async def test_nothing_of_it_appears_by_code_or_in_any_list(
    client: GraphQLClient, demo: None
) -> None:
    q3 = await models.Requirement.get(title=Q3)
    task = await models.Task.filter(requirement=q3).first()
    assert task is not None
    await _confidential_archive()  # the demo's archive, kept to its participants
    outsider = await client.sign_in("legal_staff")
    assert (
        await outsider.error_code(
            "query($c: String!) { requirement(code: $c) { id } }", {"c": q3.code}
        )
        == "NOT_FOUND"
    )
    assert (
        await outsider.error_code("query($c: String!) { task(code: $c) { id } }", {"c": task.code})
        == "NOT_FOUND"
    )
    lists = await outsider.data("""{
      requirements(first: 100) { totalCount edges { node { code } } }
      tasks(first: 100) { totalCount edges { node { code } } }
      myTasks(first: 100) { totalCount }
      archives(first: 100) { totalCount }
      notifications(first: 100) { totalCount }
    }""")
    assert lists["requirements"]["totalCount"] == 0 and lists["tasks"]["totalCount"] == 0
    assert lists["myTasks"]["totalCount"] == 0 and lists["archives"]["totalCount"] == 0
    assert lists["notifications"]["totalCount"] == 0
    searched = await outsider.data('{ archives(search: "温控器") { totalCount } }')
    assert searched["archives"]["totalCount"] == 0
