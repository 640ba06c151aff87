"""Mutations writing the follow-up fields of the source's forms: the admin's handling result
(处理结果) on feedback and the remarks (备注) on tasks (``resolvers/feedback/handling.py``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import strawberry

from resolvers.feedback import handling as feedback_handling
from schema.access.permissions import CanWrite
from schema.base import Info
from schema.ids import decode_id

if TYPE_CHECKING:
    from schema.feedback.forms import FeedbackType
    from schema.feedback.items import FeedbackItemType
    from schema.tasks.task import TaskType

FeedbackRef = Annotated["FeedbackType", strawberry.lazy("schema.feedback.forms")]
FeedbackItemRef = Annotated["FeedbackItemType", strawberry.lazy("schema.feedback.items")]
TaskRef = Annotated["TaskType", strawberry.lazy("schema.tasks.task")]


@strawberry.input(description="The admin's handling result (处理结果) of a feedback")
class RecordFeedbackResultInput:
    id: strawberry.ID = strawberry.field(description="The feedback's global id (one item only)")
    result: str = strawberry.field(
        description="What was done about it; required, replaces an earlier result"
    )


@strawberry.input(description="The admin's handling result (处理结果) of one feedback item")
class RecordFeedbackItemResultInput:
    item_id: strawberry.ID = strawberry.field(description="The feedback item's global id")
    result: str = strawberry.field(
        description="What was done about it; required, replaces an earlier result"
    )


@strawberry.input(description="A task's remarks (备注)")
class SetTaskRemarksInput:
    task_id: strawberry.ID = strawberry.field(description="The task (global id)")
    remarks: str = strawberry.field(description="The remarks, replacing the old; empty clears")


@strawberry.type
class FollowUpMutations:
    @strawberry.mutation(
        description="Write the handling result (处理结果) of a feedback of one item, ADMIN "
        "only (several items: recordFeedbackItemResult). Errors: UNAUTHENTICATED; FORBIDDEN "
        "(not ADMIN); NOT_FOUND; BAD_USER_INPUT (empty result; id of a feedback of several "
        "items)",
        permission_classes=[CanWrite],
    )
    async def record_feedback_result(
        self,
        info: Info,
        input: Annotated[RecordFeedbackResultInput, strawberry.argument(description="The result")],
    ) -> FeedbackRef:
        viewer = info.context.require_viewer()
        feedback_id = decode_id(input.id, "Feedback", "id")
        return await feedback_handling.record_feedback_result(  # type: ignore[return-value]
            viewer, feedback_id, input.result
        )

    @strawberry.mutation(
        description="Write the handling result (处理结果) of one feedback item, ADMIN only. "
        "Errors: UNAUTHENTICATED; FORBIDDEN (not ADMIN); NOT_FOUND; BAD_USER_INPUT (empty "
        "result)",
        permission_classes=[CanWrite],
    )
    async def record_feedback_item_result(
        self,
        info: Info,
        input: Annotated[
            RecordFeedbackItemResultInput, strawberry.argument(description="The result")
        ],
    ) -> FeedbackItemRef:
        viewer = info.context.require_viewer()
        item_id = decode_id(input.item_id, "FeedbackItem", "itemId")
        return await feedback_handling.record_feedback_item_result(  # type: ignore[return-value]
            viewer, item_id, input.result
        )

    @strawberry.mutation(
        description="Write a task's remarks (备注): its responsible person, the executing "
        "department's head (or their delegate), the initiator or ADMIN. Errors: "
        "UNAUTHENTICATED; FORBIDDEN (anyone else, read-only token, archived); NOT_FOUND; "
        "BAD_USER_INPUT (too long)",
        permission_classes=[CanWrite],
    )
    async def set_task_remarks(
        self,
        info: Info,
        input: Annotated[SetTaskRemarksInput, strawberry.argument(description="The remarks")],
    ) -> TaskRef:
        viewer = info.context.require_viewer()
        task_id = decode_id(input.task_id, "Task", "taskId")
        return await feedback_handling.set_task_remarks(  # type: ignore[return-value]
            viewer, task_id, input.remarks
        )
