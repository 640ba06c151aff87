"""The compiled path's descriptions of what happens around a task: its deadline changes
(延期), the assignee's reschedule requests, the departments that help (协助部门) and the
requests for help (协作请求). Part of ``SOURCES`` (``fields.py``, whose note on scope holds
here): no level's scope is implied, each is joined in from ``scope_of``.

Each list is read in its field's order (``schema/tasks/task.py``): deadline changes and
requests for help oldest first, reschedule requests newest first, helping departments
through ``task_assisting_department`` in the links' order (``ToManyVia``).
"""

from __future__ import annotations

from models import CollaborationRequest, RescheduleRequest, TaskAssistingDepartment, TaskReschedule
from schema.compiled.kinds import FieldSource, ObjectSource, ToMany, ToManyVia, ToOne
from schema.compiled.kinds import columns as _columns

#: The fields of ``Task`` described here, merged into its own (``fields.py``)
TASK_LISTS: dict[str, FieldSource] = {
    "reschedules": ToMany("TaskReschedule", "task_id"),
    "rescheduleRequests": ToMany("RescheduleRequest", "task_id", ("-id",)),
    "assistingDepartments": ToManyVia(
        "Department", TaskAssistingDepartment, "task_id", "department_id"
    ),
    "collaborationRequests": ToMany("CollaborationRequest", "task_id"),
}

TASK_SOURCES: dict[str, ObjectSource] = {
    "TaskReschedule": ObjectSource(
        TaskReschedule,
        {
            **_columns(
                id="id",
                reason="text",
                solution="text",
                oldDeadline="datetime",
                newDeadline="datetime",
                createdAt="datetime",
            ),
            "requestedBy": ToOne("User", "requested_by_id"),
            "task": ToOne("Task", "task_id"),
        },
    ),
    "RescheduleRequest": ObjectSource(
        RescheduleRequest,
        {
            **_columns(
                id="id",
                reason="text",
                deadlineBefore="datetime",
                newDeadline="datetime",
                late="bool",
                status="text",
                decidedAt="datetime",
                decisionNote="text",
                createdAt="datetime",
            ),
            "requestedBy": ToOne("User", "requested_by_id"),
            "decidedBy": ToOne("User", "decided_by_id"),
            "task": ToOne("Task", "task_id"),
        },
    ),
    "CollaborationRequest": ObjectSource(
        CollaborationRequest,
        {
            **_columns(
                id="id",
                content="text",
                expectedBy="datetime",
                status="text",
                answer="text",
                reason="text",
                answeredAt="datetime",
                createdAt="datetime",
                updatedAt="datetime",
            ),
            "task": ToOne("Task", "task_id"),
            "fromUser": ToOne("User", "from_user_id"),
            "fromDepartment": ToOne("Department", "from_department_id"),
            "toDepartment": ToOne("Department", "to_department_id"),
            "answeredBy": ToOne("User", "answered_by_id"),
        },
    ),
}
