"""A month of collaboration with known figures, for the report tests (March 2025, Beijing).

Built on the demo organisation (its departments and people), far from the demo's own
requirements, which all happen around "now": a report filtered to 2025-03 sees only what
is built here. The expected figures are written next to the rows that make them.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from core.clock import BUSINESS_TZ
from models import (
    CollaborationRequest,
    Department,
    Feedback,
    FeedbackDepartment,
    FeedbackItem,
    FeedbackItemDepartment,
    Requirement,
    Review,
    ReviewRound,
    Suggestion,
    Task,
    TaskResult,
    User,
)
from models.enums import (
    CollaborationStatus,
    FeedbackKind,
    RequirementStatus,
    ResultDecision,
    ReviewDecision,
    RoundOutcome,
    SuggestionStatus,
    TaskStatus,
)

MONTH = "2025-03"


def at(month: int, day: int, hour: int = 9, year: int = 2025) -> datetime:
    """A Beijing wall-clock time as the UTC instant the database stores."""
    return datetime(year, month, day, hour, tzinfo=BUSINESS_TZ).astimezone(UTC)


class MonthBuilder:
    """Creates rows with the instants the reports look at (created, started, decided …)."""

    def __init__(self, users: dict[str, User], depts: dict[str, Department]) -> None:
        self.users = users
        self.depts = depts
        self.serial = 900

    @classmethod
    async def create(cls) -> MonthBuilder:
        users = {u.username: u for u in await User.all()}
        depts = {d.code: d for d in await Department.all()}
        return cls(users, depts)

    def _code(self, prefix: str) -> str:
        self.serial += 1
        return f"{prefix}202503{self.serial}"

    async def requirement(
        self,
        initiator: str,
        status: RequirementStatus,
        raised: datetime | None,
        completed: datetime | None = None,
    ) -> Requirement:
        user = self.users[initiator]
        req = await Requirement.create(
            code=self._code("XQ"),
            title=f"报表测试需求{self.serial}",
            initiator=user,
            initiating_department_id=user.department_id,
            status=status,
            submitted_at=raised,
            completed_at=completed,
            current_round=1 if raised else 0,
        )
        return req

    async def review_round(self, req: Requirement, opened: datetime) -> ReviewRound:
        return await ReviewRound.create(
            requirement=req, number=1, outcome=RoundOutcome.APPROVED, opened_at=opened
        )

    async def review(self, round_: ReviewRound, dept: str, hours: float) -> Review:
        return await Review.create(
            round=round_,
            requirement_id=round_.requirement_id,
            department=self.depts[dept],
            decision=ReviewDecision.APPROVE,
            signed_by=self.users[f"{dept}_head"],
            signed_at=round_.opened_at + timedelta(hours=hours),
            content_hash="0" * 64,
        )

    async def task(
        self,
        req: Requirement,
        dept: str,
        status: TaskStatus,
        created: datetime,
        deadline: datetime | None,
        started: datetime | None = None,
        completed: datetime | None = None,
    ) -> Task:
        self.serial += 1
        task = await Task.create(
            code=f"{req.code}-{self.serial}",
            seq=self.serial,
            requirement=req,
            title=f"报表测试任务{self.serial}",
            executing_department=self.depts[dept],
            assignee=self.users[f"{dept}_staff"],
            deadline=deadline,
            status=status,
            started_at=started,
            completed_at=completed,
        )
        await Task.filter(id=task.id).update(created_at=created)
        return task

    async def result(self, task: Task, submitted: datetime, decided: datetime | None) -> TaskResult:
        result = await TaskResult.create(
            task=task,
            submitted_by_id=task.assignee_id,
            note="成果",
            decision=ResultDecision.ACCEPTED if decided else ResultDecision.PENDING,
            decided_by=self.users["admin"] if decided else None,
            decided_at=decided,
        )
        await TaskResult.filter(id=result.id).update(created_at=submitted)
        return result

    async def collaboration(
        self, task: Task, source: str | None, target: str, created: datetime, hours: float | None
    ) -> CollaborationRequest:
        request = await CollaborationRequest.create(
            task=task,
            requirement_id=task.requirement_id,
            from_user=self.users[f"{source or 'market'}_staff"],
            from_department=self.depts[source] if source else None,
            to_department=self.depts[target],
            content="请协助",
            status=CollaborationStatus.ANSWERED if hours is not None else CollaborationStatus.OPEN,
            answer="好的" if hours is not None else "",
            answered_at=created + timedelta(hours=hours) if hours is not None else None,
        )
        await CollaborationRequest.filter(id=request.id).update(created_at=created)
        return request

    async def feedback(
        self, req: Requirement, author: str, kind: FeedbackKind, about: list[str], day: int
    ) -> Feedback:
        user = self.users[author]
        item = await Feedback.create(
            code=self._code("FK"),
            requirement=req,
            author=user,
            author_department_id=user.department_id,
            kind=kind,
            content=f"{kind.value}：{author}的反馈",
            proposal="建议每周同步一次" if kind is FeedbackKind.SUGGESTION else "",
        )
        row = await FeedbackItem.create(
            feedback=item, position=0, kind=kind, content=item.content, proposal=item.proposal
        )
        for code in about:
            await FeedbackDepartment.create(feedback=item, department=self.depts[code])
            await FeedbackItemDepartment.create(item=row, department=self.depts[code])
        await Feedback.filter(id=item.id).update(created_at=at(3, day))
        return item

    async def suggestion(
        self, created: datetime, status: SuggestionStatus, evaluated: datetime | None
    ) -> Suggestion:
        item = await Suggestion.create(
            code=self._code("YJ"),
            department=self.depts["office"],
            proposer=self.users["office_staff"],
            pain_point="审批环节过多",
            proposal="合并重复审批",
            status=status,
            evaluation_note="下月起执行" if evaluated else "",
            evaluated_by=self.users["admin"] if evaluated else None,
            evaluated_at=evaluated,
        )
        await Suggestion.filter(id=item.id).update(created_at=created)
        return item


async def build_march() -> dict[str, Any]:
    """The month; returns a few rows the tests refer to."""
    b = await MonthBuilder.create()
    RS, TS = RequirementStatus, TaskStatus
    # Requirements: market raises R1 (completed after 432 h) and completes R3 (raised in
    # February, 312 h); sales raises R2; a market draft is not raised.
    r1 = await b.requirement("market_staff", RS.COMPLETED, at(3, 2), at(3, 20))
    r2 = await b.requirement("sales_staff", RS.PENDING_REVIEW, at(3, 5, 10))
    r3 = await b.requirement("market_staff", RS.COMPLETED, at(2, 25), at(3, 10))
    await b.requirement("market_staff", RS.DRAFT, None)
    round1 = await b.review_round(r1, at(3, 2))
    round2 = await b.review_round(r2, at(3, 5, 10))
    await b.review_round(r3, at(2, 25))
    # Reviews: design 4 h and 6 h, finance 24 h.
    await b.review(round1, "design", 4)
    await b.review(round1, "finance", 24)
    await b.review(round2, "design", 6)
    # Tasks of R1.
    t1 = await b.task(r1, "design", TS.COMPLETED, at(3, 2), at(3, 7), at(3, 3), at(3, 6))
    t2 = await b.task(r1, "design", TS.COMPLETED, at(3, 2), at(3, 8), at(3, 3), at(3, 9, 21))
    t3 = await b.task(r1, "design", TS.IN_PROGRESS, at(3, 3), at(3, 15), at(3, 4))
    await b.task(r1, "sales", TS.PENDING, at(3, 3), at(3, 20))
    t5 = await b.task(r1, "sales", TS.SUBMITTED, at(3, 4), at(4, 5), at(3, 5))
    await b.task(r1, "design", TS.COMPLETED, at(2, 20), at(3, 1, 12), at(2, 21), at(3, 2))
    await b.task(r1, "sales", TS.IN_PROGRESS, at(3, 6), at(1, 1, year=2099), at(3, 6))
    # Acceptance: 24 h and 36 h for design; one result still undecided.
    await b.result(t1, at(3, 5), at(3, 6))
    await b.result(t2, at(3, 8), at(3, 9, 21))
    await b.result(t5, at(3, 20), None)
    # Collaboration: design → rnd three times (6 h, 24 h, open), sales → finance (2 h),
    # and one request without a sending department, open.
    await b.collaboration(t3, "design", "rnd", at(3, 4), 6)
    await b.collaboration(t3, "design", "rnd", at(3, 5), 24)
    await b.collaboration(t3, "design", "rnd", at(3, 6), None)
    await b.collaboration(t5, "sales", "finance", at(3, 7), 2)
    await b.collaboration(t5, None, "rnd", at(3, 8), None)
    # Feedback on R1.
    await b.feedback(r1, "design_staff", FeedbackKind.PRAISE, ["rnd", "sales"], 21)
    await b.feedback(r1, "sales_staff", FeedbackKind.PRAISE, ["rnd"], 22)
    await b.feedback(r1, "finance_staff", FeedbackKind.PROBLEM, ["design"], 22)
    await b.feedback(r1, "market_staff", FeedbackKind.SUGGESTION, [], 23)
    # Suggestions: raised and adopted in March; raised in February and planned in March;
    # one from January never evaluated (not in March's report).
    await b.suggestion(at(3, 10), SuggestionStatus.ADOPTED, at(3, 12))
    await b.suggestion(at(2, 10), SuggestionStatus.PLANNED, at(3, 3))
    await b.suggestion(at(1, 10), SuggestionStatus.SUBMITTED, None)
    return {"r1": r1, "t3": t3, "t5": t5, "builder": b}
