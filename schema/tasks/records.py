"""What happens on a task: progress reports, reschedules and submitted results."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry
from strawberry import relay

import models
from schema.base import Info, ModelNode, load_children, load_one
from schema.enums import ResultDecision
from schema.requirements.signoff import result_files

if TYPE_CHECKING:
    from schema.people.users import UserType
    from schema.requirements.signoff import (
        AddedSignerType,
        ResultFileType,
        ResultSignoffType,
        ReviewHandoverType,
    )
    from schema.tasks.task import TaskType

UserRef = Annotated["UserType", strawberry.lazy("schema.people.users")]
TaskRef = Annotated["TaskType", strawberry.lazy("schema.tasks.task")]
ResultFileRef = Annotated["ResultFileType", strawberry.lazy("schema.requirements.signoff")]
ResultSignoffRef = Annotated["ResultSignoffType", strawberry.lazy("schema.requirements.signoff")]
AddedSignerRef = Annotated["AddedSignerType", strawberry.lazy("schema.requirements.signoff")]
HandoverRef = Annotated["ReviewHandoverType", strawberry.lazy("schema.requirements.signoff")]


@strawberry.type(name="ProgressUpdate", description="A progress report (进度更新)")
class ProgressUpdateType(ModelNode):
    model = models.ProgressUpdate

    id: relay.NodeID[int]
    percent: int = strawberry.field(description="Progress, 0-100 percent")
    summary: str = strawberry.field(description="What was done, concretely")
    problems: str = strawberry.field(description="Problems met (遇到的问题); may be empty")
    support_needed: str = strawberry.field(description="Support needed (需要的支持); may be empty")
    created_at: datetime = strawberry.field(description="When it was reported, UTC")

    @strawberry.field(description="Who reported it (the task's assignee)")
    async def author(self, root: models.ProgressUpdate, info: Info) -> UserRef | None:
        return await load_one(info, models.User, root.author_id)

    @strawberry.field(description="The task reported on")
    async def task(self, root: models.ProgressUpdate, info: Info) -> TaskRef | None:
        return await load_one(info, models.Task, root.task_id)


@strawberry.type(
    name="TaskReschedule", description="A handled delay: reason, solution, new deadline"
)
class TaskRescheduleType(ModelNode):
    model = models.TaskReschedule

    id: relay.NodeID[int]
    reason: str = strawberry.field(description="Why the deadline moved (原因)")
    solution: str = strawberry.field(description="How the delay is handled (解决方案)")
    old_deadline: datetime | None = strawberry.field(description="The deadline before, UTC")
    new_deadline: datetime = strawberry.field(description="The new deadline (新节点), UTC")
    created_at: datetime = strawberry.field(description="When it was rescheduled, UTC")

    @strawberry.field(
        description="Who asked for the new deadline: the initiator or ADMIN who moved it, or "
        "the assignee whose reschedule request was approved (the approver: decidedBy there)"
    )
    async def requested_by(self, root: models.TaskReschedule, info: Info) -> UserRef | None:
        return await load_one(info, models.User, root.requested_by_id)

    @strawberry.field(description="The rescheduled task")
    async def task(self, root: models.TaskReschedule, info: Info) -> TaskRef | None:
        return await load_one(info, models.Task, root.task_id)


@strawberry.type(name="TaskResult", description="Submitted results (提交成果) and their acceptance")
class TaskResultType(ModelNode):
    model = models.TaskResult

    id: relay.NodeID[int]
    note: str = strawberry.field(description="The assignee's note on the results")
    decision: ResultDecision = strawberry.field(description="The acceptance decision (验收)")
    decided_at: datetime | None = strawberry.field(description="When it was decided, UTC")
    decision_comment: str = strawberry.field(description="The deciding person's comment")
    created_at: datetime = strawberry.field(description="When the results were submitted, UTC")

    @strawberry.field(description="Who submitted the results (the assignee)")
    async def submitted_by(self, root: models.TaskResult, info: Info) -> UserRef | None:
        return await load_one(info, models.User, root.submitted_by_id)

    @strawberry.field(description="Who accepted or rejected them; null while PENDING")
    async def decided_by(self, root: models.TaskResult, info: Info) -> UserRef | None:
        return await load_one(info, models.User, root.decided_by_id)

    @strawberry.field(description="The task the results are for")
    async def task(self, root: models.TaskResult, info: Info) -> TaskRef | None:
        return await load_one(info, models.Task, root.task_id)

    @strawberry.field(
        description="The deliverables exactly as submitted: each file's version at submission "
        "(what an acceptance accepts), for the acceptance group to open"
    )
    async def files(self, root: models.TaskResult, info: Info) -> list[ResultFileRef]:
        return await result_files(info, root)

    @strawberry.field(
        description="Each acceptance group member's decision so far (会签: all must accept)"
    )
    async def signoffs(self, root: models.TaskResult, info: Info) -> list[ResultSignoffRef]:
        return await load_children(info, models.ResultSignoff, "result_id", root.id)

    @strawberry.field(
        description="Departments a group member added to this submission's acceptance (加签); "
        "each must accept too"
    )
    async def added_signers(self, root: models.TaskResult, info: Info) -> list[AddedSignerRef]:
        return await load_children(info, models.ResultSigner, "result_id", root.id)

    @strawberry.field(description="Acceptances of this submission handed over (转交), oldest first")
    async def handovers(self, root: models.TaskResult, info: Info) -> list[HandoverRef]:
        return await load_children(info, models.ResultHandover, "result_id", root.id)
