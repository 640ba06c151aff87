"""The workbench's meetings card reads on the compiled path (issue 19): a requirement's
meetings (会议预约) with their organizer, attendees (through ``meeting_attendee``), task
and invite link.

The document is the workbench's own (``web/src/meetings/MeetingsCard.tsx``), run through
both servers of ``tests/schema/conftest.py`` for six kinds of viewer, with two meetings
(one of them with an attendee who left, deactivated, and minutes recorded): the answers
must be the same JSON, and the compiled path must give every answer without errors.
"""

from __future__ import annotations

import pytest

from core import clock
from models import Meeting, Requirement, User
from tests.conftest import GraphQLClient
from tests.resolvers.test_acceptance_group import Q3
from tests.resolvers.test_meetings import gid, schedule
from tests.schema.test_compiled_lists import Requests, answered_alike
from tests.schema.test_compiled_roots import MENTIONED, _mention
from tests.support.workbench_documents import as_apollo_sends, workbench_document

pytestmark = pytest.mark.postgres

MEETINGS = as_apollo_sends(workbench_document("RequirementMeetings"))
NODE = """query($id: ID!) { node(id: $id) { __typename id ... on Meeting { title minutes
  minutesRecordedAt decisions icsUrl requirement { code } attendees { username }
  decisionItems { __typename decision owner { username isActive } } } } }"""


async def _meetings(client: GraphQLClient) -> list[str]:
    """Two meetings on the Q3 launch, one with minutes and a deactivated attendee; their ids."""
    initiator = await client.sign_in("market_staff")
    first = await schedule(initiator)
    second = await schedule(
        initiator,
        title="上市复盘会",
        attendeeIds=[await gid(User, username="finance_head")],
    )
    recorded = await Meeting.get(title=first["title"])
    owner = await User.get(username="design_staff")
    finance = await User.get(username="finance_head")  # deactivated below
    decisions = [
        {"ownerId": owner.id, "decision": "主视觉延期三天"},
        {"decision": "预算上调 12.50%", "ownerId": finance.id, "weight": 0.1},
    ]
    await Meeting.filter(id=recorded.id).update(
        minutes="延期三天", minutes_recorded_at=clock.now(), decisions=decisions
    )
    await User.filter(username="finance_head").update(is_active=False)
    return [first["id"], second["id"]]


@pytest.mark.parametrize("backend", ["postgres"], indirect=True)
async def test_the_meetings_card_answers_as_the_generic_executor(
    apps: tuple[GraphQLClient, GraphQLClient],
) -> None:
    # given two meetings on the Q3 launch, and a person who sees one requirement only
    # through a mention
    compiled, _ = apps
    ids = await _meetings(compiled)
    await _mention(MENTIONED)
    codes = await Requirement.all().order_by("id").values_list("code", flat=True)
    requests: Requests = [(MEETINGS, {"code": c}) for c in codes]
    requests += [(NODE, {"id": meeting_id}) for meeting_id in ids]
    # when both servers answer for every kind of viewer, then alike, the compiled path itself
    answers = await answered_alike(apps, requests)
    # and the initiator's card listed both meetings, earliest first, with their people
    q3 = await Requirement.get(title=Q3)
    card = answers["market_staff", list(codes).index(q3.code)]["data"]["requirement"]["meetings"]
    assert [m["id"] for m in card] == ids and card[0]["minutes"] == "延期三天"
    assert len(card[0]["attendees"]) == 3 and card[1]["icsUrl"].endswith(".ics")
    # and the minutes' decisions read as written, the compiled path embedding the document
    recorded = answers["admin", len(codes)]["data"]["node"]["decisions"]
    assert [d["decision"] for d in recorded] == ["主视觉延期三天", "预算上调 12.50%"]
    items = answers["admin", len(codes)]["data"]["node"]["decisionItems"]
    assert [(i["decision"], i["owner"]["username"]) for i in items] == [
        ("主视觉延期三天", "design_staff"),
        ("预算上调 12.50%", "finance_head"),
    ]
