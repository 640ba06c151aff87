"""What the compiled path may read: one declarative description per GraphQL object type.

Each type names its table and model and maps its GraphQL fields to a column, a to-one
relation, a count of children, a list of children (in the generic resolver's order) or a
pure expression. Anything not listed sends the request down the generic executor: the
fields computed in Python or with their own permission checks are exactly those missing
here (:data:`GENERIC_ONLY` names them, short).

Object-level scope (``resolvers/access/scope.py``) holds at every level. The root's rows
come from the generic resolver's own queryset. Below the root, a relation either declares
its scope *implied* by its parent's, or the planner joins the target model's scope in as
SQL rendered from the same ``scope_of`` definition (``schema/compiled/scope.py``); a model
whose scope is "every row" (users, departments) costs nothing there. Implied, and why:

- ``Task.requirement``: a task is visible when its requirement is one the viewer takes part
  in or when the viewer was @mentioned on that task, and the requirement's own scope admits
  the requirements of both (``_or_mentioned("id", "id", "comment__task__requirement_id")``).
- ``Task.commentCount`` and ``Task.comments``: a comment's scope is its task's, condition
  for condition (participation through ``task__requirement_id``, mentions through
  ``task_id``); so is a comment's ``task``.
- ``ProgressUpdate.task``: a progress update is visible to its requirement's participants,
  who see every task of it.
- ``Attachment.requirement``: a file is visible to the participants of its requirement
  (``requirement_id``), and the requirement's scope admits every participant.
- ``Attachment.versions``: a version's scope is its file's, condition for condition
  (participation through ``attachment__requirement_id``).

Not implied, so joined in: a requirement's ``tasks`` and ``taskCount`` (a viewer @mentioned
on one task sees the requirement but only that task), its ``involvedDepartments``,
``reviewRounds`` and ``attachments``, and a task's ``progressUpdates`` and ``attachments``
(the latter none of them visible through a mention), and a department's ``head`` (the
first headship in scope, then its person in scope, as the generic resolver reads them: a
``ToOneVia``). Also joined, though the data makes them
equal today: a round's ``reviews`` and a file's ``task``. A review's scope is read through
its own ``requirement_id``, a task's through the task's ``requirement_id``; the use cases
write these as the round's and the file's requirement, but no constraint holds them equal,
so the compiled path asks the same question as the generic loader instead of relying on it.

Scalars are formatted by PostgreSQL exactly as the schema's serializers do: instants in
UTC as ``datetime.isoformat()`` writes them (microseconds only when there are some),
dates ISO, enums by value, ids as relay global ids (base64 of ``Type:pk``), a JSON list
of strings as stored (``Review.claimedTasks``: the writer stores strings, which the schema
serializes unchanged), ``AttachmentVersion.downloadUrl`` as ``/files/`` and the global id
(a plain path that the bearer token opens, not a signed link: nothing of it is computed).
An analysis report's ``summary`` (a JSON object of counts and
rounded ratios, a ``jsonb`` column) is embedded as stored: the generic executor returns the
dict Tortoise decoded from the same ``jsonb`` text, so keys come in the same order and each
number parses to the same value (the text may differ in spacing only).
An attachment's ``size`` is a 64-bit column shown as a GraphQL Int: a file above 2 GiB
(possible only with ``upload_max_bytes`` raised that far from its 20 MB) would be an error
on the generic path and a number here.
"""

from __future__ import annotations

from models import (
    AnalysisReport,
    Archive,
    Attachment,
    AttachmentVersion,
    Comment,
    Department,
    DepartmentHead,
    Mention,
    Notification,
    ProgressUpdate,
    Requirement,
    RequirementDepartment,
    ResultReport,
    Review,
    ReviewHandover,
    ReviewRound,
    RoundSigner,
    SavedReport,
    Suggestion,
    Task,
    User,
)
from resolvers.requirements import form as standard_form
from schema.compiled.fields_feedback import FEEDBACK_SOURCES
from schema.compiled.fields_forms import FORM_SOURCES
from schema.compiled.fields_signoff import SIGNOFF_SOURCES
from schema.compiled.fields_tasks import TASK_LISTS, TASK_SOURCES
from schema.compiled.fields_templates import TEMPLATE_SOURCES
from schema.compiled.kinds import (
    ChildCount,
    Column,
    ColumnPath,
    ContentChanged,
    CustomFields,
    IdPath,
    Lagging,
    Newest,
    ObjectSource,
    Overdue,
    ToMany,
    ToManyVia,
    ToOne,
    ToOneVia,
)
from schema.compiled.kinds import columns as _columns

SOURCES: dict[str, ObjectSource] = {
    "Task": ObjectSource(
        Task,
        {
            **_columns(
                id="id",
                code="text",
                title="text",
                description="text",
                startDate="date",
                deadline="datetime",
                priority="text",
                status="text",
                progress="int",
                acceptanceCriteria="text",
                remarks="text",
                lastProgressAt="datetime",
                startedAt="datetime",
                submittedAt="datetime",
                completedAt="datetime",
                version="int",
                createdAt="datetime",
                updatedAt="datetime",
            ),
            "isOverdue": Overdue(),
            "lagging": Lagging(),
            "requirement": ToOne("Requirement", "requirement_id", implied=True),
            "executingDepartment": ToOne("Department", "executing_department_id"),
            "assignee": ToOne("User", "assignee_id"),
            "commentCount": ChildCount(Comment, "task_id", implied=True),
            "comments": ToMany("Comment", "task_id", ("created_at", "id"), implied=True),
            "latestProgress": Newest("ProgressUpdate", "task_id"),
            "progressUpdates": ToMany("ProgressUpdate", "task_id", ("-created_at", "-id")),
            "attachments": ToMany("Attachment", "task_id"),
            "results": ToMany("TaskResult", "task_id"),
            **TASK_LISTS,
        },
    ),
    "Requirement": ObjectSource(
        Requirement,
        {
            **_columns(id="id", code="text"),
            # the standard fields of the form, from their one declaration
            **{f.api_name: Column(f.name, f.column_type) for f in standard_form.FIELDS},
            **_columns(
                status="text",
                currentRound="int",
                version="int",
                createdAt="datetime",
                updatedAt="datetime",
                submittedAt="datetime",
                approvedAt="datetime",
                initiatedAt="datetime",
                completedAt="datetime",
                archivedAt="datetime",
                cancelledAt="datetime",
                formVersion="int",
                signoffMode="text",
                acceptanceMode="text",
                templateVersion="int",
            ),
            "initiator": ToOne("User", "initiator_id"),
            "initiatingDepartment": ToOne("Department", "initiating_department_id"),
            "template": ToOne("RequirementTemplate", "template_id"),
            "meetings": ToMany("Meeting", "requirement_id", ("starts_at", "id")),
            "feedback": ToMany("Feedback", "requirement_id"),
            "customFields": CustomFields(),
            "resultReport": ToOneVia("ResultReport", ResultReport, "requirement_id", "id"),
            "tasks": ToMany("Task", "requirement_id", ("seq",)),
            "taskCount": ChildCount(Task, "requirement_id"),
            "involvedDepartments": ToMany("InvolvedDepartment", "requirement_id"),
            "reviewRounds": ToMany("ReviewRound", "requirement_id", ("number",)),
            # without includeTasks (an argument: the generic executor's) its own files only
            "attachments": ToMany(
                "Attachment", "requirement_id", unset=("task_id",), widened_by="includeTasks"
            ),
        },
    ),
    "InvolvedDepartment": ObjectSource(
        RequirementDepartment,
        {
            **_columns(isLead="bool", contribution="text"),
            "department": ToOne("Department", "department_id"),
        },
    ),
    "ReviewRound": ObjectSource(
        ReviewRound,
        {
            **_columns(
                id="id", number="int", outcome="text", openedAt="datetime", closedAt="datetime"
            ),
            "reviews": ToMany("Review", "round_id"),
            "addedSigners": ToMany("AddedSigner", "round_id", model=RoundSigner),
            "handovers": ToMany("ReviewHandover", "round_id", model=ReviewHandover),
        },
    ),
    "Review": ObjectSource(
        Review,
        {
            **_columns(
                id="id",
                decision="text",
                comment="text",
                claimedTasks="json",
                signedAt="datetime",
                contentHash="text",
            ),
            "department": ToOne("Department", "department_id"),
            "signedBy": ToOne("User", "signed_by_id"),
            "onBehalfOf": ToOne("User", "on_behalf_of_id"),
            "contentChangedSinceApproval": ContentChanged(),
        },
    ),
    "Attachment": ObjectSource(
        Attachment,
        {
            **_columns(id="id", fileName="text", currentVersion="int", createdAt="datetime"),
            "requirement": ToOne("Requirement", "requirement_id", implied=True),
            "task": ToOne("Task", "task_id"),
            "uploadedBy": ToOne("User", "uploaded_by_id"),
            "versions": ToMany("AttachmentVersion", "attachment_id", ("number",), implied=True),
        },
    ),
    "AttachmentVersion": ObjectSource(
        AttachmentVersion,
        {
            **_columns(
                id="id",
                number="int",
                sha256="text",
                size="int",
                contentType="text",
                changeNote="text",
                createdAt="datetime",
            ),
            "uploadedBy": ToOne("User", "uploaded_by_id"),
            "downloadUrl": IdPath("/files/"),
        },
    ),
    "Comment": ObjectSource(
        Comment,
        {
            **_columns(id="id", body="text", createdAt="datetime"),
            "author": ToOne("User", "author_id"),
            "task": ToOne("Task", "task_id", implied=True),
            "mentions": ToManyVia("User", Mention, "comment_id", "user_id"),
        },
    ),
    "ProgressUpdate": ObjectSource(
        ProgressUpdate,
        {
            **_columns(
                id="id",
                percent="int",
                summary="text",
                problems="text",
                supportNeeded="text",
                createdAt="datetime",
            ),
            "author": ToOne("User", "author_id"),
            "task": ToOne("Task", "task_id", implied=True),
        },
    ),
    "User": ObjectSource(
        User,
        {
            **_columns(
                id="id",
                username="text",
                displayName="text",
                role="text",
                isActive="bool",
                language="text",
                updatedAt="datetime",
            ),
            "department": ToOne("Department", "department_id"),
        },
    ),
    "Notification": ObjectSource(
        Notification,
        _columns(
            id="id",
            kind="text",
            title="text",
            body="text",
            subjectType="text",
            subjectCode="text",
            createdAt="datetime",
            updatedAt="datetime",
            readAt="datetime",
        ),
    ),
    "Archive": ObjectSource(
        Archive,
        {
            **_columns(
                id="id",
                title="text",
                summary="text",
                confidential="bool",
                createdAt="datetime",
                updatedAt="datetime",
                snapshot="json",
            ),
            "requirement": ToOne("Requirement", "requirement_id"),
            "archivedBy": ToOne("User", "archived_by_id"),
        },
    ),
    "Suggestion": ObjectSource(
        Suggestion,
        {
            **_columns(
                id="id",
                code="text",
                contact="text",
                painPoint="text",
                proposal="text",
                expectedEffect="text",
                status="text",
                evaluationNote="text",
                evaluatedAt="datetime",
                remarks="text",
                plannedFor="date",
                createdAt="datetime",
                updatedAt="datetime",
            ),
            "department": ToOne("Department", "department_id"),
            "proposer": ToOne("User", "proposer_id"),
            "evaluatedBy": ToOne("User", "evaluated_by_id"),
        },
    ),
    # the report roots' rows: every row for the viewers their scopes admit (others are
    # refused by the list function, and node(id) finds nothing for them)
    "SavedReport": ObjectSource(
        SavedReport,
        {
            **_columns(
                id="id",
                name="text",
                title="text",
                description="text",
                document="text",
                createdAt="datetime",
                updatedAt="datetime",
            ),
            "createdBy": ToOne("User", "created_by_id"),
            "jsonUrl": ColumnPath("/reports/saved/", "name", ".json"),
        },
    ),
    "AnalysisReport": ObjectSource(
        AnalysisReport,
        {
            **_columns(
                id="id",
                month="text",
                status="text",
                requestedAt="datetime",
                generatedAt="datetime",
                error="text",
                createdAt="datetime",
                updatedAt="datetime",
                summary="json",
            ),
            "requestedBy": ToOne("User", "requested_by_id"),
            "htmlUrl": ColumnPath("/reports/analysis/", "month", ".html", "generated_at"),
            "xlsxUrl": ColumnPath("/reports/analysis/", "month", ".xlsx", "generated_at"),
        },
    ),
    "Department": ObjectSource(
        Department,
        {
            **_columns(
                id="id",
                code="text",
                name="text",
                nameEn="text",
                isActive="bool",
                updatedAt="datetime",
            ),
            "head": ToOneVia("User", DepartmentHead, "department_id", "user_id"),
        },
    ),
    **SIGNOFF_SOURCES,
    **TEMPLATE_SOURCES,
    **FEEDBACK_SOURCES,
    **FORM_SOURCES,
    **TASK_SOURCES,
}

#: Fields of the types above left to the generic executor, by type: a field computed in
#: Python that the statement cannot read the parts of (none now: those that are read are
#: finished in Python, ``finish.py``). A document selecting one is answered there. Every
#: field of a type above is either described or named here
#: (``tests/schema/test_compiled_lists.py``).
GENERIC_ONLY: dict[str, str] = {}
