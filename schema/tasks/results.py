"""Task results (提交成果) and their acceptance (验收), as GraphQL mutations.

The use cases are ``resolvers/tasks/results.py`` (hand in) and
``resolvers/tasks/acceptance.py`` (the acceptance group's decision).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import strawberry

from resolvers.tasks import acceptance, results
from schema.access.permissions import CanWrite
from schema.base import Info
from schema.ids import decode_id, decode_ids

if TYPE_CHECKING:
    from schema.tasks.task import TaskType

TaskRef = Annotated["TaskType", strawberry.lazy("schema.tasks.task")]


@strawberry.input(description="Deliverables and a completion note (提交成果)")
class SubmitTaskResultInput:
    task_id: strawberry.ID = strawberry.field(description="The task (global id), IN_PROGRESS")
    note: str = strawberry.field(description="What is delivered (完成说明); required")
    attachment_ids: list[strawberry.ID] = strawberry.field(
        default_factory=list, description="Deliverable files already uploaded to the requirement"
    )


@strawberry.input(description="The acceptance group's decision: accept, or reject with changes")
class ReviewTaskResultInput:
    task_id: strawberry.ID = strawberry.field(description="The task (global id), SUBMITTED")
    accept: bool = strawberry.field(description="true: accept (验收通过); false: reject")
    comment: str = strawberry.field(
        default="", description="Your comment; required when rejecting (what to change)"
    )


@strawberry.type
class TaskResultMutations:
    @strawberry.mutation(
        description="Hand in results (提交成果), the assignee; the task becomes SUBMITTED and "
        "the acceptance group is notified. Errors: UNAUTHENTICATED; FORBIDDEN (read-only "
        "token, not the assignee, archived); NOT_FOUND; INVALID_TRANSITION (task not "
        "IN_PROGRESS); BAD_USER_INPUT (the field named)",
        permission_classes=[CanWrite],
    )
    async def submit_task_result(
        self,
        info: Info,
        input: Annotated[SubmitTaskResultInput, strawberry.argument(description="The results")],
    ) -> TaskRef:
        viewer = info.context.require_viewer()
        data = results.ResultSubmission(
            task_id=decode_id(input.task_id, "Task", "taskId"),
            note=input.note,
            attachment_ids=decode_ids(input.attachment_ids, "Attachment", "attachmentIds"),
        )
        return await results.submit_task_result(viewer, data)  # type: ignore[return-value]

    @strawberry.mutation(
        description="Accept or reject submitted results (验收) as a member of the acceptance "
        "group: the initiator and the reviewing departments' heads (or their active delegates). "
        "Under the requirement's acceptanceMode ALL (会签) the task is COMPLETED once every "
        "member accepted, under ANY (或签) by the first acceptance; any rejection sends it back "
        "IN_PROGRESS; until then it stays SUBMITTED. The submitted file versions are what is "
        "accepted. Errors: UNAUTHENTICATED; FORBIDDEN (read-only token, not in the group, "
        "archived); NOT_FOUND; INVALID_TRANSITION (task not SUBMITTED, you already decided "
        "on these results); BAD_USER_INPUT (a rejection without a comment)",
        permission_classes=[CanWrite],
    )
    async def review_task_result(
        self,
        info: Info,
        input: Annotated[ReviewTaskResultInput, strawberry.argument(description="The decision")],
    ) -> TaskRef:
        viewer = info.context.require_viewer()
        task_id = decode_id(input.task_id, "Task", "taskId")
        return await acceptance.review_task_result(viewer, task_id, input.accept, input.comment)  # type: ignore[return-value]
