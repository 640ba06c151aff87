"""The demo's building blocks: requirements, review rounds and tasks in a given state.

``crossflow/demo.py`` tells the stories with these; here is only how one row of each
kind is written (codes allocated like the real use cases, timestamps settled to the
story's dates), so a new story is a method calling them.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient

from core import clock
from crossflow.demo_history import last_of, settle
from models import Department, Requirement, RequirementDepartment, Review, ReviewRound, Task, User
from models.enums import Priority, RequirementStatus, ReviewDecision, RoundOutcome, TaskStatus
from resolvers import codes
from resolvers.requirements.signoff import content_hash


class DemoStory:
    """Builds requirements in given states, with codes allocated like the real use cases.

    Each row is dated to when the story has it happen (:func:`settle`), so the demo's
    figures fall into the months the reports show them in.
    """

    def __init__(
        self, conn: BaseDBAsyncClient, users: dict[str, User], depts: dict[str, Department]
    ) -> None:
        self.conn = conn
        self.users = users
        self.depts = depts
        self.now = clock.now()

    def days(self, n: float) -> datetime:
        return self.now + timedelta(days=n)

    async def requirement(
        self, initiator: str, involved: list[str], status: RequirementStatus, **fields: Any
    ) -> Requirement:
        user = self.users[initiator]
        created = fields.pop("created_at", self.days(-10))
        req = await Requirement.create(
            code=await codes.next_monthly_code(codes.REQUIREMENT, self.conn, created),
            initiator=user,
            initiating_department_id=user.department_id,
            contact=f"{user.display_name} 分机8{user.id:03d}",
            status=status,
            using_db=self.conn,
            **fields,
        )
        for index, code in enumerate(involved):
            await RequirementDepartment.create(
                requirement=req, department=self.depts[code], is_lead=index == 0, using_db=self.conn
            )
        stamps = ("submitted_at", "approved_at", "initiated_at", "completed_at", "archived_at")
        changed = last_of(created, *(fields.get(stamp) for stamp in stamps))
        await settle(self.conn, Requirement, created, changed, id=req.id)
        await settle(self.conn, RequirementDepartment, created, requirement_id=req.id)
        return req

    async def review_round(
        self,
        req: Requirement,
        number: int,
        decisions: dict[str, tuple[ReviewDecision, str, list[str]]],
        outcome: RoundOutcome,
        opened: datetime,
    ) -> None:
        round_ = await ReviewRound.create(
            requirement=req,
            number=number,
            outcome=outcome,
            opened_at=opened,
            closed_at=None if outcome is RoundOutcome.OPEN else opened + timedelta(hours=20),
            using_db=self.conn,
        )
        involved = [
            link.department_id
            for link in await RequirementDepartment.filter(requirement=req).using_db(self.conn)
        ]
        signed = opened + timedelta(hours=4)
        for dept_code, (decision, comment, claims) in decisions.items():
            await Review.create(
                round=round_,
                requirement=req,
                department=self.depts[dept_code],
                decision=decision,
                comment=comment,
                claimed_tasks=claims,
                signed_by=self.users[f"{dept_code}_head"],
                signed_at=signed,
                content_hash=content_hash(req, involved),
                using_db=self.conn,
            )
        await settle(self.conn, ReviewRound, opened, round_.closed_at, id=round_.id)
        await settle(self.conn, Review, signed, round_id=round_.id)
        req.current_round = number
        await req.save(using_db=self.conn, update_fields=["current_round"])

    async def task(
        self,
        req: Requirement,
        dept: str,
        assignee: str,
        title: str,
        deadline: datetime,
        status: TaskStatus,
        progress: int = 0,
        priority: Priority = Priority.NORMAL,
        **fields: Any,
    ) -> Task:
        """A task split off when ``req`` was initiated, in the order of the calls."""
        assert req.initiated_at is not None
        earlier = await Task.filter(requirement_id=req.id).using_db(self.conn).count()
        created = req.initiated_at + timedelta(minutes=10 * (earlier + 1))
        code, seq = await codes.next_task_code(req.code, self.conn)
        task = await Task.create(
            code=code,
            seq=seq,
            requirement=req,
            title=title,
            executing_department=self.depts[dept],
            assignee=self.users[assignee],
            start_date=created.astimezone(clock.BUSINESS_TZ).date(),
            deadline=deadline,
            status=status,
            progress=progress,
            priority=priority,
            using_db=self.conn,
            **fields,
        )
        stamps = ("started_at", "last_progress_at", "completed_at")
        changed = last_of(created, *(fields.get(stamp) for stamp in stamps))
        await settle(self.conn, Task, created, changed, id=task.id)
        return task
