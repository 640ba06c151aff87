"""The demo reads like real history: rows are dated to when its story has them happen.

Before, every task, review and comment was "created" when the demo loaded, so the monthly
report put the whole demo in the current month and a BI month filter for the months before
found nothing. Now the story spans the two months before "now", in the order it happened.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from core import clock
from models import (
    Archive,
    Comment,
    Feedback,
    ProgressUpdate,
    Requirement,
    Review,
    Task,
    User,
)
from resolvers.reports.scope import start_of_day
from tests.conftest import GraphQLClient

THERMOSTAT = "智能温控器新品立项调研"
Q3 = "2024年Q3新品上市推广方案"


def month_of(moment: datetime) -> str:
    return f"{moment.astimezone(clock.BUSINESS_TZ):%Y-%m}"


async def test_the_monthly_report_shows_each_story_in_its_month(
    client: GraphQLClient, demo: None
) -> None:
    # given the demo, whose archived study was split into tasks about two months ago
    thermostat = await Requirement.get(title=THERMOSTAT)
    q3 = await Requirement.get(title=Q3)
    assert thermostat.initiated_at is not None and q3.initiated_at is not None
    ceo = await client.sign_in("ceo")
    # when management reads the monthly task report for the study's month and for Q3's
    query = """query($month: String) { reports(filter: {month: $month}) {
      tasksByStatus { month departmentCode status count } } }"""
    earlier = await ceo.data(query, {"month": month_of(thermostat.initiated_at)})
    recent = await ceo.data(query, {"month": month_of(q3.initiated_at)})
    # then each month shows its own story's tasks, not an empty month
    assert {
        (r["departmentCode"], r["status"], r["count"]) for r in earlier["reports"]["tasksByStatus"]
    } == {("market", "COMPLETED", 1)}
    q3_rows = {
        (r["departmentCode"], r["status"], r["count"]) for r in recent["reports"]["tasksByStatus"]
    }
    assert {("design", "IN_PROGRESS", 1), ("sales", "IN_PROGRESS", 1)} <= q3_rows
    assert ("finance", "PENDING", 1) in q3_rows


async def test_a_bi_month_filter_finds_the_months_before_this_one(
    client: GraphQLClient, demo: None
) -> None:
    # given the month the archived study was worked on, in Beijing dates
    thermostat = await Requirement.get(title=THERMOSTAT)
    assert thermostat.initiated_at is not None
    local = thermostat.initiated_at.astimezone(clock.BUSINESS_TZ).date().replace(day=1)
    following = (local + timedelta(days=32)).replace(day=1)
    month = {"from": start_of_day(local).isoformat(), "to": start_of_day(following).isoformat()}
    ceo = await client.sign_in("ceo")
    # when a BI tool filters tasks and requirements on that month
    data = await ceo.data(
        """query($m: DateTimeRange) {
          tasks(filter: {createdAt: $m}) { edges { node { title status createdAt } } }
          requirements(filter: {createdAt: $m}) { edges { node { title } } } }""",
        {"m": month},
    )
    # then it finds the study and its task, created in that month
    assert [e["node"]["title"] for e in data["tasks"]["edges"]] == ["竞品与用户调研"]
    titles = [e["node"]["title"] for e in data["requirements"]["edges"]]
    assert THERMOSTAT in titles and Q3 not in titles


async def test_the_story_happens_in_order(demo: None) -> None:
    now = clock.now()
    # the organisation existed before any requirement
    first = await Requirement.all().order_by("created_at").first()
    assert first is not None and first.title == THERMOSTAT
    assert await User.filter(created_at__gte=first.created_at).count() == 0
    # requirements of one month got their codes in the order they were raised
    raised = await Requirement.all().order_by("created_at", "id")
    for month in {month_of(r.created_at) for r in raised}:
        codes = [r.code for r in raised if month_of(r.created_at) == month]
        assert codes == sorted(codes), month
    # every task was split off after its requirement was initiated, in code order, and
    # changed last no earlier than it was created and no later than now
    for requirement in raised:
        tasks = await Task.filter(requirement=requirement).order_by("created_at", "id")
        assert [t.code for t in tasks] == sorted(t.code for t in tasks)
        for task in tasks:
            assert requirement.initiated_at is not None
            assert requirement.initiated_at < task.created_at <= task.updated_at <= now
            started = task.started_at or task.updated_at
            assert task.created_at <= started
    # reviews, progress, comments, the archive and the feedback happened in the past too,
    # after what they are about
    for review in await Review.all().prefetch_related("round"):
        assert review.round.opened_at <= review.created_at < now
    for update in await ProgressUpdate.all().prefetch_related("task"):
        assert update.task.created_at < update.created_at < now
    for comment in await Comment.all().prefetch_related("task"):
        assert comment.task.created_at < comment.created_at < now
    archive = await Archive.get(title=THERMOSTAT)
    thermostat = await Requirement.get(title=THERMOSTAT)
    assert thermostat.completed_at is not None and thermostat.completed_at < archive.created_at
    feedback = await Feedback.get(requirement=thermostat)
    assert archive.created_at < feedback.created_at < now
    assert feedback.code.startswith(f"FK{month_of(feedback.created_at).replace('-', '')}")
