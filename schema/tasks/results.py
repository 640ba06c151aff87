"""Task results (提交成果) and their acceptance (验收), as GraphQL mutations.

The use cases are ``resolvers/tasks/results.py`` (hand in),
``resolvers/tasks/acceptance.py`` (the acceptance group's decision) and
``resolvers/tasks/acceptance_acts.py`` (加签, 转交 and 催办, as the review's).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import strawberry

from resolvers.tasks import acceptance, acceptance_acts, results
from schema.access.permissions import CanWrite
from schema.base import Info
from schema.ids import decode_id, decode_ids, decode_optional_id

if TYPE_CHECKING:
    from schema.tasks.task import TaskType

TaskRef = Annotated["TaskType", strawberry.lazy("schema.tasks.task")]
TASK_ID = strawberry.argument(description="The task (global id), SUBMITTED")


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

    @strawberry.mutation(
        description="加签 in acceptance: as a member of the acceptance group who has not "
        "decided on these results yet, add another department head; the results then also "
        "wait for that head's department's acceptance (in either mode), who is asked to "
        "accept (RESULT_SUBMITTED). Errors: UNAUTHENTICATED; FORBIDDEN (read-only token, not "
        "a pending member, archived); NOT_FOUND; INVALID_TRANSITION (task not SUBMITTED); "
        "BAD_USER_INPUT (userId: not the head of a department not yet asked)",
        permission_classes=[CanWrite],
    )
    async def add_acceptance_signer(
        self,
        info: Info,
        task_id: Annotated[strawberry.ID, TASK_ID],
        user_id: Annotated[
            strawberry.ID, strawberry.argument(description="The head to add (global User id)")
        ],
    ) -> TaskRef:
        viewer = info.context.require_viewer()
        task = decode_id(task_id, "Task", "taskId")
        user = decode_id(user_id, "User", "userId")
        return await acceptance_acts.add_acceptance_signer(viewer, task, user)  # type: ignore[return-value]

    @strawberry.mutation(
        description="转交 in acceptance: hand my pending acceptance of these results, for a "
        "department, to another active member of the same department (not the initiator, "
        "not the assignee), who then decides on the head's behalf, and nobody else does. "
        "The initiator's own seat is not handed over. Errors: UNAUTHENTICATED; FORBIDDEN "
        "(read-only token, not a pending member for a department, archived); NOT_FOUND; "
        "INVALID_TRANSITION (task not SUBMITTED); BAD_USER_INPUT (toUserId)",
        permission_classes=[CanWrite],
    )
    async def hand_over_acceptance(
        self,
        info: Info,
        task_id: Annotated[strawberry.ID, TASK_ID],
        to_user_id: Annotated[
            strawberry.ID, strawberry.argument(description="Who takes the acceptance over")
        ],
        department_id: Annotated[
            strawberry.ID | None,
            strawberry.argument(
                description="The department whose acceptance, when I decide for several"
            ),
        ] = None,
    ) -> TaskRef:
        viewer = info.context.require_viewer()
        task = decode_id(task_id, "Task", "taskId")
        target = decode_id(to_user_id, "User", "toUserId")
        department = decode_optional_id(department_id, "Department", "departmentId")
        return await acceptance_acts.hand_over_acceptance(viewer, task, target, department)  # type: ignore[return-value]

    @strawberry.mutation(
        description="催办 in acceptance: the initiator nudges a department whose acceptance "
        "of these results is pending; its head and their active delegates (or whoever it "
        "was handed to) are asked again (RESULT_SUBMITTED). At most once per working day "
        "per department, as remindReviewer. Errors: UNAUTHENTICATED; FORBIDDEN (read-only "
        "token, not the initiator, archived); NOT_FOUND; INVALID_TRANSITION (task not "
        "SUBMITTED: nothing awaits acceptance); BAD_USER_INPUT (departmentId: nothing "
        "pending); RATE_LIMITED (already today, with retryAfterSeconds)",
        permission_classes=[CanWrite],
    )
    async def remind_acceptor(
        self,
        info: Info,
        task_id: Annotated[strawberry.ID, TASK_ID],
        department_id: Annotated[
            strawberry.ID, strawberry.argument(description="The department to nudge")
        ],
    ) -> TaskRef:
        viewer = info.context.require_viewer()
        task = decode_id(task_id, "Task", "taskId")
        department = decode_id(department_id, "Department", "departmentId")
        return await acceptance_acts.remind_acceptor(viewer, task, department)  # type: ignore[return-value]
