"""``myWork`` (待办事项): what awaits the signed-in person, in one query."""

from __future__ import annotations

import strawberry

from resolvers.tasks import my_work
from schema.access.permissions import SignedIn
from schema.base import Info
from schema.collaboration.conversation import CollaborationRequestType
from schema.requirements.requirement import RequirementType
from schema.tasks.task import TaskType


@strawberry.type(
    name="MyWork",
    description=f"What awaits you (待办事项); each list newest first, at most {my_work.LIMIT}",
)
class MyWorkType:
    reviews: list[RequirementType] = strawberry.field(
        description="Requirements a department you head (or stand in for) has yet to review"
    )
    acceptances: list[TaskType] = strawberry.field(
        description="Submitted task results awaiting the acceptance group you belong to"
    )
    collaboration_requests: list[CollaborationRequestType] = strawberry.field(
        description="Open collaboration requests addressed to your department"
    )
    tasks: list[TaskType] = strawberry.field(
        description="Tasks you are responsible for that are not completed, earliest deadline first"
    )
    feedback: list[RequirementType] = strawberry.field(
        description="Finished requirements you took part in and have not given feedback on"
    )

    @strawberry.field(description="How many items the lists hold together")
    def total(self) -> int:
        return (
            len(self.reviews)
            + len(self.acceptances)
            + len(self.collaboration_requests)
            + len(self.tasks)
            + len(self.feedback)
        )


@strawberry.type
class MyWorkQueries:
    @strawberry.field(
        description="What awaits you (待办事项): reviews, acceptances, requests, tasks, feedback",
        permission_classes=[SignedIn],
    )
    async def my_work(self, info: Info) -> MyWorkType:
        work = await my_work.my_work(info.context.require_viewer())
        loaders = info.context.loaders
        for row in work.related:  # read with the lists: their nested fields cost nothing
            loaders.by_id(type(row)).prime(row.pk, row)
        return MyWorkType(
            reviews=work.reviews,  # type: ignore[arg-type]  # model-backed types
            acceptances=work.acceptances,  # type: ignore[arg-type]
            collaboration_requests=work.collaboration_requests,  # type: ignore[arg-type]
            tasks=work.tasks,  # type: ignore[arg-type]
            feedback=work.feedback,  # type: ignore[arg-type]
        )
