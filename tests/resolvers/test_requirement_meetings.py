"""``Requirement.meetings``: a requirement's page lists its meetings, in the requirement's scope.

The workbench shows them on the requirement page (title, time, attendees, the .ics invite);
they load per page with a constant number of statements, and someone who reads the
requirement only because they were @mentioned on a task sees no meetings, as they see no
attachments.
"""

from __future__ import annotations

from datetime import timedelta

from core import clock
from core.settings import Settings
from models import Meeting, MeetingAttendee, Requirement, User
from tests.conftest import GraphQLClient
from tests.resolvers.test_meetings import Q3, schedule
from tests.resolvers.test_tasks import gid, q3_task
from tests.support.sql_log import counted_statements

MEETINGS = """query($code: String!) { requirement(code: $code) {
  meetings { title startsAt durationMinutes icsUrl organizer { username }
             attendees { username } task { code } }
  attachments { id } } }"""
PAGE = """query($first: Int) { requirements(first: $first) { edges { node {
  code meetings { title attendees { username } } } } } }"""
COMMENT = """mutation($input: AddCommentInput!) { addComment(input: $input) { id } }"""


def _later(days: int) -> str:
    return (clock.now() + timedelta(days=days)).replace(microsecond=0).isoformat()


async def test_participants_see_the_meetings_earliest_first_with_attendees_and_invite(
    client: GraphQLClient, demo: None
) -> None:
    # given two meetings booked on the Q3 launch, the later one first
    initiator = await client.sign_in("market_staff")
    later = await schedule(initiator, title="推广复盘会", startsAt=_later(3), taskId=None)
    earlier = await schedule(initiator, title="主视觉延期协调会", startsAt=_later(1))
    code = (await Requirement.get(title=Q3)).code
    # when an attendee reads the requirement
    designer = await client.sign_in("design_staff")
    meetings = (await designer.data(MEETINGS, {"code": code}))["requirement"]["meetings"]
    # then both are listed, the earliest first, with what the page shows
    assert [m["title"] for m in meetings] == ["主视觉延期协调会", "推广复盘会"]
    first = meetings[0]
    assert first["icsUrl"] == earlier["icsUrl"] and meetings[1]["icsUrl"] == later["icsUrl"]
    assert first["organizer"] == {"username": "market_staff"}
    assert {a["username"] for a in first["attendees"]} == {
        "design_staff",
        "design_head",
        "market_staff",
    }
    assert first["durationMinutes"] == 45 and first["task"] is not None
    assert meetings[1]["task"] is None


async def test_a_requirement_without_meetings_lists_none(client: GraphQLClient, demo: None) -> None:
    code = (await Requirement.get(title=Q3)).code
    reader = await client.sign_in("market_staff")
    assert (await reader.data(MEETINGS, {"code": code}))["requirement"]["meetings"] == []


async def test_a_person_only_mentioned_on_a_task_sees_no_meetings(
    client: GraphQLClient, demo: None, settings: Settings
) -> None:
    # given a meeting on the Q3 launch, and an outsider mentioned on one of its tasks
    settings.mentions_scope = "company"
    initiator = await client.sign_in("market_staff")
    await schedule(initiator)
    visual = await q3_task("完成主视觉图初稿")
    body = "@legal_staff 请审核推广文案"
    await initiator.data(COMMENT, {"input": {"taskId": gid("Task", visual.id), "body": body}})
    # when the outsider reads the requirement they were pulled into
    outsider = await client.sign_in("legal_staff")
    code = (await Requirement.get(title=Q3)).code
    seen = (await outsider.data(MEETINGS, {"code": code}))["requirement"]
    # then, like its files, its meetings are not theirs to see
    assert seen == {"meetings": [], "attachments": []}


async def test_meetings_of_a_page_of_requirements_cost_the_same_sql_whatever_the_page_size(
    client: GraphQLClient, demo: None
) -> None:
    # given every requirement with a meeting and an attendee
    organizer = await User.get(username="admin")
    for number, requirement in enumerate(await Requirement.all()):
        meeting = await Meeting.create(
            requirement=requirement,
            organizer=organizer,
            title="周会",
            starts_at=clock.now() + timedelta(days=1),
            uid=f"page-{number}@crossflow",
        )
        await MeetingAttendee.create(meeting=meeting, user=organizer)
    admin = await client.sign_in("admin")
    await admin.data(PAGE, {"first": 1})  # warm the per-process caches
    with counted_statements() as small:
        one = await admin.data(PAGE, {"first": 1})
    with counted_statements() as large:
        every = await admin.data(PAGE, {"first": 20})
    edges = every["requirements"]["edges"]
    assert len(one["requirements"]["edges"]) == 1 and len(edges) >= 4
    assert all(edge["node"]["meetings"] for edge in edges)
    assert len(small) > 0 and len(large) == len(small)
