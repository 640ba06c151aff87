"""Step 4 meetings: booking with an iCalendar invite, minutes pre-filled from the delay record."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from icalendar import Calendar
from strawberry.relay import to_base64

from core import clock
from models import AuditEntry, Meeting, Notification, Requirement, Task, TaskReschedule, User
from models.enums import NotificationKind
from tests.conftest import GraphQLClient

Q3 = "2024年Q3新品上市推广方案"
SCHEDULE = """mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) {
  id title startsAt durationMinutes icsUrl organizer { username } attendees { username }
  task { code } requirement { code }
} }"""
MINUTES = """mutation($input: RecordMeetingMinutesInput!) { recordMeetingMinutes(input: $input) {
  minutes minutesRecordedAt decisions decisionItems { decision owner { username } }
} }"""
DRAFT = """query($id: ID!) { meetingMinutesDraft(meetingId: $id) {
  text taskCode taskTitle progress reason solution newDeadline task { code }
  meeting { id } reschedule { reason }
} }"""


async def gid(model: Any, **filters: Any) -> str:
    return to_base64(model.__name__, (await model.get(**filters)).id)


async def meeting_input(**overrides: Any) -> dict[str, Any]:
    # in Beijing time, as a browser in China sends it; the invite converts it to UTC
    starts = (clock.now() + timedelta(days=1)).replace(microsecond=0).astimezone(clock.BUSINESS_TZ)
    return {
        "requirementId": await gid(Requirement, title=Q3),
        "taskId": await gid(Task, title="完成主视觉图初稿"),
        "title": "主视觉延期协调会",
        "startsAt": starts.isoformat(),
        "durationMinutes": 45,
        "attendeeIds": [
            await gid(User, username="design_staff"),
            await gid(User, username="design_head"),
            await gid(User, username="market_staff"),
        ],
        **overrides,
    }


async def schedule(client: GraphQLClient, **overrides: Any) -> dict[str, Any]:
    data = await client.data(SCHEDULE, {"input": await meeting_input(**overrides)})
    return dict(data["scheduleMeeting"])


async def test_the_initiator_books_a_meeting_and_the_attendees_are_notified(
    client: GraphQLClient, demo: None
) -> None:
    initiator = await client.sign_in("market_staff")
    meeting = await schedule(initiator)
    assert meeting["organizer"] == {"username": "market_staff"}
    assert {a["username"] for a in meeting["attendees"]} == {
        "design_staff",
        "design_head",
        "market_staff",
    }
    assert meeting["durationMinutes"] == 45 and meeting["icsUrl"].endswith(".ics")
    # the attendees (not the organizer) get an invitation in Beijing time
    notes = await Notification.filter(kind=NotificationKind.MEETING_SCHEDULED).prefetch_related(
        "recipient"
    )
    assert sorted(n.recipient.username for n in notes) == ["design_head", "design_staff"]
    starts = datetime.fromisoformat(meeting["startsAt"]).astimezone(clock.BUSINESS_TZ)
    assert all(f"{starts:%H:%M}" in n.body and "主视觉延期协调会" in n.body for n in notes)
    assert await AuditEntry.filter(action="meeting.schedule").count() == 1
    row = await Meeting.get(id=int((await Meeting.all().values_list("id", flat=True))[0]))
    assert row.uid.endswith("@crossflow")


async def test_the_invite_is_an_icalendar_event_only_participants_download(
    client: GraphQLClient, demo: None
) -> None:
    initiator = await client.sign_in("market_staff")
    meeting = await schedule(initiator, durationMinutes=90)
    design = await client.sign_in("design_staff")
    response = await client.http.get(
        meeting["icsUrl"], headers={"authorization": f"Bearer {design.token}"}
    )
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/calendar")
    event = Calendar.from_ical(response.content).walk("VEVENT")[0]
    row = await Meeting.get(title="主视觉延期协调会")
    starts = datetime.fromisoformat(meeting["startsAt"])
    assert str(event["UID"]) == row.uid
    assert event.decoded("DTSTART") == starts
    assert event.decoded("DTEND") == starts + timedelta(minutes=90)
    # written in UTC ("Z"), whatever zone the request used
    assert f"DTSTART:{starts.astimezone(UTC):%Y%m%dT%H%M%S}Z\r\n" in response.text
    assert f"DTEND:{starts.astimezone(UTC) + timedelta(minutes=90):%Y%m%dT%H%M%S}Z" in response.text
    assert str(event["SUMMARY"]) == "主视觉延期协调会"
    description = str(event["DESCRIPTION"])
    assert meeting["requirement"]["code"] in description and meeting["task"]["code"] in description
    assert str(event["ORGANIZER"]) == "mailto:market_staff@crossflow.example"
    attendees = event["ATTENDEE"] if isinstance(event["ATTENDEE"], list) else [event["ATTENDEE"]]
    assert sorted(str(a) for a in attendees) == [
        f"mailto:{name}@crossflow.example"
        for name in ("design_head", "design_staff", "market_staff")
    ]
    # an outsider gets 404, an anonymous caller 401
    legal = await client.sign_in("legal_staff")
    outsider = await client.http.get(
        meeting["icsUrl"], headers={"authorization": f"Bearer {legal.token}"}
    )
    assert outsider.status_code == 404
    assert (await client.http.get(meeting["icsUrl"])).status_code == 401


async def test_only_the_initiator_or_the_admin_books_and_outsiders_see_nothing(
    client: GraphQLClient, demo: None
) -> None:
    head = await client.sign_in("design_head")  # a participant, not the initiator
    assert await head.error_code(SCHEDULE, {"input": await meeting_input()}) == "FORBIDDEN"
    legal = await client.sign_in("legal_staff")
    assert await legal.error_code(SCHEDULE, {"input": await meeting_input()}) == "NOT_FOUND"
    admin = await client.sign_in("admin")
    assert (await schedule(admin))["organizer"] == {"username": "admin"}
    assert await Meeting.all().count() == 1


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"startsAt": "2020-01-01T10:00:00+08:00"}, "startsAt"),
        ({"startsAt": "2099-01-01T10:00:00+08:00"}, "startsAt"),
        ({"durationMinutes": 4}, "durationMinutes"),
        ({"durationMinutes": 481}, "durationMinutes"),
        ({"attendeeIds": []}, "attendeeIds"),
        ({"attendeeIds": [to_base64("User", 99999)]}, "attendeeIds"),
        ({"attendeeIds": [to_base64("Task", 1)]}, "attendeeIds"),
        ({"title": " "}, "title"),
    ],
)
async def test_bad_meeting_input_is_refused_naming_the_field(
    client: GraphQLClient, demo: None, overrides: dict[str, Any], field: str
) -> None:
    initiator = await client.sign_in("market_staff")
    body = await initiator.post(SCHEDULE, {"input": await meeting_input(**overrides)})
    extensions = body["errors"][0]["extensions"]
    assert (extensions["code"], extensions["field"]) == ("BAD_USER_INPUT", field)
    assert await Meeting.all().count() == 0


async def test_a_start_without_a_time_zone_is_refused(client: GraphQLClient, demo: None) -> None:
    initiator = await client.sign_in("market_staff")
    naive = (clock.now() + timedelta(days=1)).replace(tzinfo=None).isoformat()
    body = await initiator.post(SCHEDULE, {"input": await meeting_input(startsAt=naive)})
    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert await Meeting.all().count() == 0


async def test_a_task_of_another_requirement_and_an_inactive_attendee_are_refused(
    client: GraphQLClient, demo: None
) -> None:
    initiator = await client.sign_in("market_staff")
    other_task = await gid(Task, title="竞品与用户调研")
    body = await initiator.post(SCHEDULE, {"input": await meeting_input(taskId=other_task)})
    assert body["errors"][0]["extensions"]["field"] == "taskId"
    await User.filter(username="design_head").update(is_active=False)
    body = await initiator.post(SCHEDULE, {"input": await meeting_input()})
    assert body["errors"][0]["extensions"]["field"] == "attendeeIds"


async def test_archived_requirements_take_no_meetings_nor_minutes(
    client: GraphQLClient, demo: None
) -> None:
    archived = await Requirement.get(title="智能温控器新品立项调研")
    admin = await client.sign_in("admin")
    code = await admin.error_code(
        SCHEDULE,
        {"input": await meeting_input(requirementId=to_base64("Requirement", archived.id))},
    )
    assert code == "FORBIDDEN"
    # a meeting held before the archive: its minutes are read-only too
    held = await Meeting.create(
        requirement_id=archived.id,
        organizer_id=archived.initiator_id,
        title="立项评审会",
        starts_at=clock.now() - timedelta(days=25),
        uid="archived-meeting@crossflow",
    )
    minutes = {
        "meetingId": to_base64("Meeting", held.id),
        "minutes": "补记",
        "decisions": [{"decision": "建议立项", "ownerId": await gid(User, username="rnd_staff")}],
    }
    assert await admin.error_code(MINUTES, {"input": minutes}) == "FORBIDDEN"


async def test_the_minutes_draft_is_filled_from_the_latest_delay_record(
    client: GraphQLClient, demo: None
) -> None:
    initiator = await client.sign_in("market_staff")
    meeting = await schedule(initiator)
    task = await Task.get(title="完成主视觉图初稿")
    # given the delay was handled twice (rows as rescheduleTask writes them), the latest wins
    new_deadline = datetime(clock.today().year, 7, 17, 18, 0, tzinfo=clock.BUSINESS_TZ)
    await TaskReschedule.create(
        task=task,
        requested_by_id=task.assignee_id,
        reason="旧的原因",
        solution="旧的方案",
        new_deadline=new_deadline - timedelta(days=1),
    )
    latest = await TaskReschedule.create(
        task=task,
        requested_by_id=task.assignee_id,
        reason="研发部3D渲染图延迟提供",
        solution="设计部增派1人支持",
        new_deadline=new_deadline,
    )
    design = await client.sign_in("design_staff")
    draft = (await design.data(DRAFT, {"id": meeting["id"]}))["meetingMinutesDraft"]
    assert (draft["taskCode"], draft["taskTitle"], draft["progress"]) == (
        task.code,
        "完成主视觉图初稿",
        50,
    )
    assert (draft["reason"], draft["solution"]) == (latest.reason, latest.solution)
    assert datetime.fromisoformat(draft["newDeadline"]) == new_deadline
    assert draft["reschedule"] == {"reason": "研发部3D渲染图延迟提供"}
    assert draft["text"] == (
        f"任务：完成主视觉图初稿（{task.code}）\n"
        "当前进度：50%\n"
        "延迟原因：研发部3D渲染图延迟提供\n"
        "解决方案：设计部增派1人支持\n"
        "新节点：7月17日"
    )
    # an outsider cannot read it
    legal = await client.sign_in("legal_staff")
    assert await legal.error_code(DRAFT, {"id": meeting["id"]}) == "NOT_FOUND"


async def test_a_draft_without_a_delay_record_leaves_the_blanks_to_fill(
    client: GraphQLClient, demo: None
) -> None:
    initiator = await client.sign_in("market_staff")
    meeting = await schedule(initiator)
    draft = (await initiator.data(DRAFT, {"id": meeting["id"]}))["meetingMinutesDraft"]
    assert draft["reason"] is None and draft["reschedule"] is None
    assert draft["text"].endswith("延迟原因：\n解决方案：\n新节点：")


async def test_minutes_are_recorded_by_the_organizer_once_the_meeting_began(
    client: GraphQLClient, demo: None
) -> None:
    initiator = await client.sign_in("market_staff")
    meeting = await schedule(initiator)
    owner = await gid(User, username="design_head")
    data = {
        "meetingId": meeting["id"],
        "minutes": "确认延期2天，设计部增派1人支持。",
        "decisions": [{"decision": "设计部增派1人支持主视觉", "ownerId": owner}],
    }
    # not before it starts
    assert await initiator.error_code(MINUTES, {"input": data}) == "INVALID_TRANSITION"
    await Meeting.filter(title="主视觉延期协调会").update(
        starts_at=clock.now() - timedelta(minutes=30)
    )
    # an attendee who is neither organizer, initiator nor admin may not record them
    design = await client.sign_in("design_staff")
    assert await design.error_code(MINUTES, {"input": data}) == "FORBIDDEN"
    # input is checked, naming the field
    for bad, field in (
        ({"decisions": []}, "decisions"),
        ({"decisions": [{"decision": "x", "ownerId": to_base64("User", 99999)}]}, "decisions"),
        ({"decisions": [{"decision": " ", "ownerId": owner}]}, "decisions"),
        ({"minutes": "  "}, "minutes"),
    ):
        body = await initiator.post(MINUTES, {"input": {**data, **bad}})
        assert body["errors"][0]["extensions"]["field"] == field, bad
    recorded = (await initiator.data(MINUTES, {"input": data}))["recordMeetingMinutes"]
    assert recorded["minutes"] == data["minutes"] and recorded["minutesRecordedAt"]
    assert recorded["decisionItems"] == [
        {"decision": "设计部增派1人支持主视觉", "owner": {"username": "design_head"}}
    ]
    head_id = (await User.get(username="design_head")).id
    assert recorded["decisions"] == [{"decision": "设计部增派1人支持主视觉", "ownerId": head_id}]
    # the admin may correct them; the audit keeps what was there before
    admin = await client.sign_in("admin")
    await admin.data(MINUTES, {"input": {**data, "minutes": "更正：延期2天"}})
    entries = await AuditEntry.filter(action="meeting.minutes").order_by("id")
    assert len(entries) == 2
    assert entries[1].before is not None and entries[1].before["minutes"] == data["minutes"]
