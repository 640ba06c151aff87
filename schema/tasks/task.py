"""Tasks (任务), their lists and the requirement board; their records in ``task_records``."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Annotated

import strawberry
from strawberry import relay
from tortoise.queryset import QuerySet

import models
from core import clock
from models.enums import TaskStatus as TaskStatusEnum
from resolvers import listing
from resolvers.access.auth import Viewer
from resolvers.access.scope import scoped
from resolvers.errors import NotFound
from resolvers.keyset import Ordering
from resolvers.reports import board
from resolvers.tasks import lagging, reschedule, work
from resolvers.tasks import lifecycle as tasks
from resolvers.workflow import NOT_FOUND_MESSAGE
from schema.access.permissions import CanWrite, SignedIn
from schema.base import (
    Info,
    ModelNode,
    count_children,
    load_children,
    load_latest,
    load_one,
    load_through,
)
from schema.conversion import to_use_case
from schema.enums import Priority, TaskStatus
from schema.filters import TaskFilter, TaskOrder
from schema.ids import decode_id, decode_ids, decode_optional_id
from schema.pagination import After, Connection, First, ordering, paginate
from schema.tasks.board import RequirementBoardType
from schema.tasks.inputs import (
    CreateTaskInput,
    ReportProgressInput,
    RescheduleTaskInput,
    UpdateTaskInput,
)
from schema.tasks.records import ProgressUpdateType, TaskRescheduleType, TaskResultType
from schema.tasks.reschedule_requests import RescheduleRequestType

if TYPE_CHECKING:
    from schema.collaboration.conversation import CollaborationRequestType, CommentType
    from schema.files.attachments import AttachmentType
    from schema.people.departments import DepartmentType
    from schema.people.users import UserType
    from schema.requirements.requirement import RequirementType

UserRef = Annotated["UserType", strawberry.lazy("schema.people.users")]
DepartmentRef = Annotated["DepartmentType", strawberry.lazy("schema.people.departments")]
RequirementRef = Annotated["RequirementType", strawberry.lazy("schema.requirements.requirement")]
AttachmentRef = Annotated["AttachmentType", strawberry.lazy("schema.files.attachments")]
CommentRef = Annotated["CommentType", strawberry.lazy("schema.collaboration.conversation")]
CollaborationRequestRef = Annotated[
    "CollaborationRequestType", strawberry.lazy("schema.collaboration.conversation")
]

#: The arguments ``tasks`` and ``myTasks`` share.
TaskFilterArgument = Annotated[
    TaskFilter | None, strawberry.argument(description="Only tasks matching it")
]
TaskOrderArgument = Annotated[
    TaskOrder | None, strawberry.argument(description="Sort order; default newest first")
]


@strawberry.type(name="Task", description="A task with exactly one responsible person (责任人)")
class TaskType(ModelNode):
    model = models.Task

    id: relay.NodeID[int]
    code: str = strawberry.field(description="Human code, e.g. RW202407001-01")
    title: str = strawberry.field(description="What is to be done (SMART, with its date)")
    description: str = strawberry.field(description="Details of the task; may be empty")
    start_date: date | None = strawberry.field(description="Planned start day (YYYY-MM-DD)")
    deadline: datetime | None = strawberry.field(
        description="Deadline (截止时间), UTC ISO 8601; null while unplanned"
    )
    priority: Priority = strawberry.field(description="NORMAL or URGENT (紧急)")
    status: TaskStatus = strawberry.field(description="Where the task stands in its workflow")
    progress: int = strawberry.field(description="Latest reported progress, 0-100")
    acceptance_criteria: str = strawberry.field(
        description="How the results will be judged (验收标准)"
    )
    remarks: str = strawberry.field(description="Remarks (备注); may be empty")
    last_progress_at: datetime | None = strawberry.field(
        description="When progress was last reported, UTC; the STALE warning counts from it"
    )
    started_at: datetime | None = strawberry.field(description="When work started, UTC")
    submitted_at: datetime | None = strawberry.field(
        description="When results were last submitted (提交成果), UTC"
    )
    completed_at: datetime | None = strawberry.field(
        description="When the results were accepted (验收通过), UTC"
    )
    version: int = strawberry.field(
        description="Raised by every edit; send it back in updateTask to detect a CONFLICT"
    )
    created_at: datetime = strawberry.field(description="When the task was created, UTC")
    updated_at: datetime = strawberry.field(
        description=(
            "When the task, its progress, comments or collaboration requests last changed "
            "(UTC); filter (updatedAt) or sort (UPDATED_AT) by it to load changes"
        )
    )

    @strawberry.field(description="Deadline passed and not completed (shown as 延迟 DELAYED)")
    def is_overdue(self, root: models.Task) -> bool:
        return (
            root.deadline is not None
            and root.status != TaskStatusEnum.COMPLETED
            and root.deadline < clock.now()
        )

    @strawberry.field(
        description="Progress trails the share of the planned time already gone by the "
        "configured margin or more (进度滞后, 30 points by default); false when completed"
    )
    def lagging(self, root: models.Task) -> bool:
        return lagging.is_lagging(root)

    @strawberry.field(description="The requirement (需求) the task belongs to")
    async def requirement(self, root: models.Task, info: Info) -> RequirementRef | None:
        return await load_one(info, models.Requirement, root.requirement_id)

    @strawberry.field(description="The department that owns the task (执行部门)")
    async def executing_department(self, root: models.Task, info: Info) -> DepartmentRef | None:
        return await load_one(info, models.Department, root.executing_department_id)

    @strawberry.field(description="The one responsible person; empty only for a draft task")
    async def assignee(self, root: models.Task, info: Info) -> UserRef | None:
        return await load_one(info, models.User, root.assignee_id)

    @strawberry.field(description="Departments that help (协助部门)")
    async def assisting_departments(self, root: models.Task, info: Info) -> list[DepartmentRef]:
        return await load_through(
            info,
            models.TaskAssistingDepartment,
            "task_id",
            root.id,
            models.Department,
            "department_id",
        )

    @strawberry.field(description="Progress reports, newest first")
    async def progress_updates(self, root: models.Task, info: Info) -> list[ProgressUpdateType]:
        return await load_children(
            info, models.ProgressUpdate, "task_id", root.id, "-created_at", "-id"
        )

    @strawberry.field(description="Deadline changes with reason and solution, oldest first")
    async def reschedules(self, root: models.Task, info: Info) -> list[TaskRescheduleType]:
        return await load_children(info, models.TaskReschedule, "task_id", root.id, "id")

    @strawberry.field(description="The assignee's reschedule requests (延期申请), newest first")
    async def reschedule_requests(
        self, root: models.Task, info: Info
    ) -> list[RescheduleRequestType]:
        return await load_children(info, models.RescheduleRequest, "task_id", root.id, "-id")

    @strawberry.field(description="Files of this task (附件), each with its versions")
    async def attachments(self, root: models.Task, info: Info) -> list[AttachmentRef]:
        return await load_children(info, models.Attachment, "task_id", root.id, "id")

    @strawberry.field(description="Submitted results and their acceptance decisions")
    async def results(self, root: models.Task, info: Info) -> list[TaskResultType]:
        return await load_children(info, models.TaskResult, "task_id", root.id, "id")

    @strawberry.field(description="Comments with their @mentions, oldest first")
    async def comments(self, root: models.Task, info: Info) -> list[CommentRef]:
        return await load_children(info, models.Comment, "task_id", root.id, "created_at", "id")

    @strawberry.field(description="How many comments the task has (one GROUP BY per page)")
    async def comment_count(self, root: models.Task, info: Info) -> int:
        return await count_children(info, models.Comment, "task_id", root.id)

    @strawberry.field(description="The most recent progress report, if any")
    async def latest_progress(self, root: models.Task, info: Info) -> ProgressUpdateType | None:
        return await load_latest(info, models.ProgressUpdate, "task_id", root.id)

    @strawberry.field(description="Requests for help raised on this task (协作请求), oldest first")
    async def collaboration_requests(
        self, root: models.Task, info: Info
    ) -> list[CollaborationRequestRef]:
        return await load_children(info, models.CollaborationRequest, "task_id", root.id, "id")


def _task_id(value: strawberry.ID, field: str = "id") -> int:
    return decode_id(value, "Task", field)


def _form(data: CreateTaskInput | UpdateTaskInput) -> tasks.TaskForm:
    assisting = data.assisting_department_ids
    return to_use_case(
        data,
        tasks.TaskForm,
        executing_department_id=decode_optional_id(
            data.executing_department_id, "Department", "executingDepartmentId"
        ),
        assignee_id=decode_optional_id(data.assignee_id, "User", "assigneeId"),
        assisting_department_ids=None
        if assisting is None
        else decode_ids(assisting, "Department", "assistingDepartmentIds"),
        # the requirement of createTask and the task of updateTask go to the use case apart
        taken=("requirement_id", "id"),
    )


def task_list(
    viewer: Viewer,
    filter: TaskFilter | None,
    order_by: TaskOrder | None,
    *,
    mine: bool = False,
) -> tuple[QuerySet[models.Task], Ordering]:
    """The tasks a list shows and their order: ``tasks``, ``myTasks`` and the compiled path."""
    criteria = filter.criteria() if filter else listing.TaskCriteria()
    return listing.tasks(viewer, criteria, mine=mine), ordering(order_by, listing.TASK_SORTS)


@strawberry.type
class TaskQueries:
    @strawberry.field(
        description="A task by its code (RW202407001-01). Visible to its requirement's "
        "participants and to people @mentioned on it; ADMIN, EXECUTIVE and BI see all; "
        "otherwise NOT_FOUND",
        permission_classes=[SignedIn],
    )
    async def task(
        self,
        info: Info,
        code: Annotated[str, strawberry.argument(description="The task code, RW…-NN")],
    ) -> TaskType:
        viewer = info.context.require_viewer()
        row = await scoped(models.Task, viewer, code=code).first()
        if row is None:
            raise NotFound(NOT_FOUND_MESSAGE)
        return row  # type: ignore[return-value]

    @strawberry.field(
        description="Tasks you may see (as for `task`: participants; ADMIN, EXECUTIVE and BI "
        "all); newest first unless orderBy says otherwise",
        permission_classes=[SignedIn],
    )
    async def tasks(
        self,
        info: Info,
        filter: TaskFilterArgument = None,
        order_by: TaskOrderArgument = None,
        first: First = None,
        after: After = None,
    ) -> Connection[TaskType]:
        viewer = info.context.require_viewer()
        queryset, order = task_list(viewer, filter, order_by)
        return await paginate(queryset, first, after, order=order)

    @strawberry.field(
        description="Tasks you are responsible for (我的任务); newest first unless orderBy says",
        permission_classes=[SignedIn],
    )
    async def my_tasks(
        self,
        info: Info,
        filter: TaskFilterArgument = None,
        order_by: TaskOrderArgument = None,
        first: First = None,
        after: After = None,
    ) -> Connection[TaskType]:
        viewer = info.context.require_viewer()
        queryset, order = task_list(viewer, filter, order_by, mine=True)
        return await paginate(queryset, first, after, order=order)

    @strawberry.field(
        description="The requirement board (需求看板): counts by status, delayed, summary",
        permission_classes=[SignedIn],
    )
    async def requirement_board(
        self,
        info: Info,
        requirement_id: Annotated[
            strawberry.ID, strawberry.argument(description="The requirement's global id")
        ],
    ) -> RequirementBoardType:
        viewer = info.context.require_viewer()
        requirement = decode_id(requirement_id, "Requirement", "requirementId")
        return await board.requirement_board(viewer, requirement)  # type: ignore[return-value]


@strawberry.type
class TaskMutations:
    @strawberry.mutation(
        description="Split off a task (initiator or ADMIN, once initiated); the assignee is "
        "notified. Errors: UNAUTHENTICATED; FORBIDDEN (read-only token, not the initiator or "
        "ADMIN, archived); NOT_FOUND; INVALID_TRANSITION (requirement not INITIATED or "
        "IN_PROGRESS); BAD_USER_INPUT (the field named)",
        permission_classes=[CanWrite],
    )
    async def create_task(
        self,
        info: Info,
        input: Annotated[CreateTaskInput, strawberry.argument(description="The task form")],
    ) -> TaskType:
        viewer = info.context.require_viewer()
        requirement = decode_id(input.requirement_id, "Requirement", "requirementId")
        return await tasks.create_task(viewer, requirement, _form(input))  # type: ignore[return-value]

    @strawberry.mutation(
        description="Edit an unfinished task (initiator or ADMIN); a new assignee is notified. "
        "Errors: UNAUTHENTICATED; FORBIDDEN (read-only token, not the initiator or ADMIN, "
        "archived); NOT_FOUND; INVALID_TRANSITION (task COMPLETED, requirement not "
        "INITIATED or IN_PROGRESS); CONFLICT (stale version); "
        "BAD_USER_INPUT (the field named; a started task's deadline: use rescheduleTask)",
        permission_classes=[CanWrite],
    )
    async def update_task(
        self,
        info: Info,
        input: Annotated[UpdateTaskInput, strawberry.argument(description="The changes")],
    ) -> TaskType:
        viewer = info.context.require_viewer()
        return await tasks.update_task(viewer, _task_id(input.id), _form(input))  # type: ignore[return-value]

    @strawberry.mutation(
        description="Start work (进行中), the assignee; the first started task moves the "
        "requirement to IN_PROGRESS. Errors: UNAUTHENTICATED; FORBIDDEN (read-only token, "
        "not the assignee, archived); NOT_FOUND; INVALID_TRANSITION (task not PENDING, or a "
        "task of the requirement has no assignee); BAD_USER_INPUT (not a Task id)",
        permission_classes=[CanWrite],
    )
    async def start_task(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="The task's global id")],
    ) -> TaskType:
        viewer = info.context.require_viewer()
        return await work.start_task(viewer, _task_id(id))  # type: ignore[return-value]

    @strawberry.mutation(
        description="Report progress (进度更新), the assignee; every report is kept. "
        "Errors: UNAUTHENTICATED; FORBIDDEN (read-only token, not the assignee, archived); "
        "NOT_FOUND; INVALID_TRANSITION (task not IN_PROGRESS); BAD_USER_INPUT (the field named)",
        permission_classes=[CanWrite],
    )
    async def report_progress(
        self,
        info: Info,
        input: Annotated[ReportProgressInput, strawberry.argument(description="The report")],
    ) -> TaskType:
        viewer = info.context.require_viewer()
        report = to_use_case(input, work.ProgressReport, task_id=_task_id(input.task_id, "taskId"))
        return await work.report_progress(viewer, report)  # type: ignore[return-value]

    @strawberry.mutation(
        description="Move a deadline with reason and solution (initiator or ADMIN); opens a "
        "new warning instance. Errors: UNAUTHENTICATED; FORBIDDEN (read-only token, not the "
        "initiator or ADMIN, archived); NOT_FOUND; INVALID_TRANSITION (task COMPLETED); "
        "BAD_USER_INPUT (the field named)",
        permission_classes=[CanWrite],
    )
    async def reschedule_task(
        self,
        info: Info,
        input: Annotated[RescheduleTaskInput, strawberry.argument(description="The new deadline")],
    ) -> TaskType:
        viewer = info.context.require_viewer()
        data = to_use_case(
            input, reschedule.RescheduleInput, task_id=_task_id(input.task_id, "taskId")
        )
        return await reschedule.reschedule_task(viewer, data)  # type: ignore[return-value]
