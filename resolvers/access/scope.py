"""Object-level scope (OWASP API1): which rows of each table a viewer may read.

One function per kind of object, declared in this module (those that need no participation
are in ``scope_rules.py``), applied by list resolvers and by the dataloaders inside their
batch query. An object outside the scope behaves as if it did
not exist (``NOT_FOUND``), so its existence is not leaked either.

The scope fails closed: every table is declared in :data:`_SCOPES`, directory data
explicitly as readable by everyone, and a table missing there is the ADMIN's alone
(``tests/schema/test_scope_declarations.py`` walks every model Tortoise knows).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from tortoise.expressions import Q, Subquery
from tortoise.models import Model
from tortoise.queryset import QuerySet, ValuesQuery

from core import clock
from core.outbox_message import OutboxMessage
from core.queries import IdList
from models import (
    Alert,
    AnalysisReport,
    ApiToken,
    Archive,
    Attachment,
    AttachmentVersion,
    AuditEntry,
    CalendarOverride,
    CodeCounter,
    CollaborationRequest,
    Comment,
    Delegation,
    Delivery,
    Department,
    DepartmentHead,
    DirectorySettings,
    Feedback,
    FeedbackDepartment,
    FeedbackItem,
    FeedbackItemDepartment,
    FeedbackItemPerson,
    FeedbackPerson,
    FormField,
    Meeting,
    MeetingAttendee,
    Mention,
    Notification,
    NotificationDefault,
    NotificationPreference,
    PeopleSyncRun,
    ProgressUpdate,
    QuietHours,
    ReportCell,
    ReportSnapshot,
    Requirement,
    RequirementDepartment,
    RequirementFieldValue,
    RequirementFormVersion,
    RequirementTemplate,
    RequirementTemplateVersion,
    RescheduleRequest,
    ResultHandover,
    ResultReminder,
    ResultReport,
    ResultSigner,
    ResultSignoff,
    ResultVersion,
    Review,
    ReviewHandover,
    ReviewReminder,
    ReviewRound,
    RoundSigner,
    SavedReport,
    Suggestion,
    Task,
    TaskAssistingDepartment,
    TaskReschedule,
    TaskResult,
    TemplateDepartment,
    TemplateResponseLimit,
    TemplateTask,
    TemplateWarningThreshold,
    User,
    WarningRule,
    WebhookChannel,
)
from resolvers.access import scope_rules as rules
from resolvers.access.auth import Viewer
from resolvers.access.scope_rules import NOTHING, Scope

M = TypeVar("M", bound=Model)

#: A scope is a filter on a table, ``None`` meaning "every row".


def participant_requirement_ids(viewer: Viewer) -> Subquery | IdList | list[int] | None:
    """Ids of requirements the viewer takes part in; ``None`` when they read everything.

    Participants: the initiator, members of an involved department, task assignees,
    members of a task's assisting department, members of a department a collaboration
    request was addressed to and people invited to one of its meetings (asking someone for
    help is what lets them see what it is for). An @mention is narrower: see
    :func:`_or_mentioned`.
    A subquery, unless ``resolvers/access/participation.py`` read the ids ahead for this
    request.
    """
    if viewer.reads_everything:
        return None
    if viewer.requirement_ids is not None:
        return IdList(viewer.requirement_ids) if viewer.requirement_ids else []
    return Subquery(Requirement.filter(participation(viewer)).values("id"))


def participation(viewer: Viewer) -> Q:
    """The condition on requirements that makes the viewer a participant (who may act)."""
    conditions: list[Q] = []
    if viewer.user_id is not None:
        conditions.append(Q(initiator_id=viewer.user_id))
    conditions += [Q(id__in=Subquery(source)) for source in _joined_sources(viewer)]
    return Q(*conditions, join_type=Q.OR) if conditions else NOTHING


def participation_sources(viewer: Viewer) -> list[ValuesQuery[Any]]:
    """The ids of the viewer's requirements, one single-column queryset per way in."""
    initiated = []
    if viewer.user_id is not None:
        initiated = [Requirement.filter(initiator_id=viewer.user_id).values("id")]
    return initiated + _joined_sources(viewer)


def _joined_sources(viewer: Viewer) -> list[ValuesQuery[Any]]:
    """Requirement ids reached through other tables (see participant_requirement_ids)."""
    sources: list[ValuesQuery[Any]] = []
    if viewer.user_id is not None:
        user = viewer.user_id
        sources.append(Task.filter(assignee_id=user).values("requirement_id"))
        sources.append(MeetingAttendee.filter(user_id=user).values("meeting__requirement_id"))
        # A head added to a review round (加签) and a head's active delegate (代理审批), who
        # may belong to another department, act on the requirement and so take part in it.
        sources.append(
            RoundSigner.filter(department__headship__user_id=user).values("round__requirement_id")
        )
        # So do a head added to an acceptance (加签) and whoever an acceptance was handed to.
        added = ResultSigner.filter(department__headship__user_id=user)
        sources.append(added.values("result__task__requirement_id"))
        sources.append(
            ResultHandover.filter(to_user_id=user).values("result__task__requirement_id")
        )
        now = clock.now()
        sources.append(
            RequirementDepartment.filter(
                department__headship__user__delegations_given__delegate_id=user,
                department__headship__user__delegations_given__revoked_at__isnull=True,
                department__headship__user__delegations_given__starts_at__lte=now,
                department__headship__user__delegations_given__ends_at__gt=now,
            ).values("requirement_id")
        )
    if viewer.department_id is not None:
        dept = viewer.department_id
        sources.append(RequirementDepartment.filter(department_id=dept).values("requirement_id"))
        sources.append(
            TaskAssistingDepartment.filter(department_id=dept).values("task__requirement_id")
        )
        sources.append(CollaborationRequest.filter(to_department_id=dept).values("requirement_id"))
    return sources


#: Rules that admit every row of the viewer's requirements, with the path to the row's
#: requirement id and whether they admit more rows besides (mentions).
_PARTICIPANT_COLUMNS: dict[Callable[[Viewer], Scope], tuple[str, bool]] = {}


def participant_column(model: type[Model], viewer: Viewer | None = None) -> tuple[str, bool] | None:
    """The column of ``model`` holding its requirement's id when the model's scope admits
    every row of the viewer's requirements (``None`` otherwise or when the path crosses a
    table), and whether the scope admits other rows too: for ``viewer``, not when they are
    read ahead as mentioned nowhere (``_or_mentioned`` leaves its branch out).

    A compiled statement checks that column against the read-ahead ids before it asks the
    whole scope (``schema/compiled/scope.py``): PostgreSQL does not remove the self-join of
    an ``EXISTS`` over the row's own table, which cost a probe per nested row.
    """
    found = _PARTICIPANT_COLUMNS.get(_SCOPES.get(model, rules.admin_only))
    if found is None or "__" in found[0]:
        return None
    column, widened = found
    return column, widened and not (viewer is not None and viewer.mentioned is False)


def _through_requirement(path: str) -> Callable[[Viewer], Scope]:
    """Scope of objects that belong to a requirement reached through ``path``."""

    def scope(viewer: Viewer) -> Scope:
        ids = participant_requirement_ids(viewer)
        lookup: dict[str, Any] = {f"{path}__in": ids}
        return None if ids is None else Q(**lookup)

    _PARTICIPANT_COLUMNS[scope] = (path, False)
    return scope


def _or_mentioned(path: str, lookup: str, mentioned: str) -> Callable[[Viewer], Scope]:
    """Scope through the requirement (``path``), widened by the viewer's @mentions.

    A mention lets its person read what they were asked about and no more: the task
    commented on, that task's comments and mentions, and the requirement's summary (the
    requirement's node; its other children keep the participants' scope, so attachments,
    reviews, other tasks and their comments and collaboration requests stay hidden).
    ``lookup`` on this table matches ``mentioned``, read from the viewer's mentions. A viewer
    read ahead as mentioned nowhere (``Viewer.mentioned``) has no such rows: the branch is
    left out, so PostgreSQL can walk an index by the ids alone.
    """
    participating = _through_requirement(path)

    def scope(viewer: Viewer) -> Scope:
        base = participating(viewer)
        if base is None or viewer.user_id is None or viewer.mentioned is False:
            return base
        own = Mention.filter(user_id=viewer.user_id).values(mentioned)
        condition: dict[str, Any] = {f"{lookup}__in": Subquery(own)}
        return base | Q(**condition)

    _PARTICIPANT_COLUMNS[scope] = (path, True)
    return scope


def _archives(viewer: Viewer) -> Scope:
    """The knowledge base: every signed-in person reads what is not confidential; a
    confidential record only its participants (and those who read everything)."""
    participants = _through_requirement("requirement_id")(viewer)
    if participants is None or viewer.user_id is None:
        return participants
    return Q(confidential=False) | participants


def _alerts(viewer: Viewer) -> Scope:
    if viewer.reads_everything:
        return None
    ids = participant_requirement_ids(viewer)
    return Q(task__requirement_id__in=ids)


_SCOPES: dict[type[Model], Callable[[Viewer], Scope]] = {
    Requirement: _or_mentioned("id", "id", "comment__task__requirement_id"),
    RequirementDepartment: _through_requirement("requirement_id"),
    ReviewRound: _through_requirement("requirement_id"),
    Review: _through_requirement("requirement_id"),
    Task: _or_mentioned("requirement_id", "id", "comment__task_id"),
    TaskAssistingDepartment: _through_requirement("task__requirement_id"),
    ProgressUpdate: _through_requirement("task__requirement_id"),
    TaskReschedule: _through_requirement("task__requirement_id"),
    RescheduleRequest: _through_requirement("task__requirement_id"),
    TaskResult: _through_requirement("task__requirement_id"),
    ResultSignoff: _through_requirement("result__task__requirement_id"),
    ResultVersion: _through_requirement("result__task__requirement_id"),
    ResultSigner: _through_requirement("result__task__requirement_id"),
    ResultHandover: _through_requirement("result__task__requirement_id"),
    ResultReminder: _through_requirement("result__task__requirement_id"),
    RoundSigner: _through_requirement("round__requirement_id"),
    ReviewHandover: _through_requirement("round__requirement_id"),
    ReviewReminder: _through_requirement("round__requirement_id"),
    Comment: _or_mentioned("task__requirement_id", "task_id", "comment__task_id"),
    Mention: _or_mentioned("comment__task__requirement_id", "comment__task_id", "comment__task_id"),
    CollaborationRequest: _through_requirement("requirement_id"),
    Attachment: _through_requirement("requirement_id"),
    AttachmentVersion: _through_requirement("attachment__requirement_id"),
    Meeting: _through_requirement("requirement_id"),
    MeetingAttendee: _through_requirement("meeting__requirement_id"),
    ResultReport: _through_requirement("requirement_id"),
    Archive: _archives,
    Feedback: _through_requirement("requirement_id"),
    FeedbackDepartment: _through_requirement("feedback__requirement_id"),
    FeedbackPerson: _through_requirement("feedback__requirement_id"),
    FeedbackItem: _through_requirement("feedback__requirement_id"),
    FeedbackItemDepartment: _through_requirement("item__feedback__requirement_id"),
    FeedbackItemPerson: _through_requirement("item__feedback__requirement_id"),
    Alert: _alerts,
    RequirementTemplate: rules.templates,
    FormField: rules.form_fields,
    Notification: rules.own("recipient_id"),
    ApiToken: rules.own("user_id"),
    Delegation: rules.delegations,
    AuditEntry: rules.admin_and_executive,
    AnalysisReport: rules.admin_and_executive,
    SavedReport: rules.report_readers,
    RequirementFieldValue: _through_requirement("requirement_id"),
    NotificationPreference: rules.own("user_id"),
    QuietHours: rules.own("user_id"),
    Department: rules.everyone,
    DepartmentHead: rules.everyone,
    User: rules.everyone,
    WarningRule: rules.everyone,
    CalendarOverride: rules.everyone,
    Suggestion: rules.everyone,
    TemplateDepartment: rules.everyone,
    TemplateTask: rules.everyone,
    TemplateWarningThreshold: rules.everyone,
    TemplateResponseLimit: rules.everyone,
    WebhookChannel: rules.admin_only,
    Delivery: rules.admin_only,
    OutboxMessage: rules.admin_only,
    CodeCounter: rules.admin_only,
    DirectorySettings: rules.admin_only,
    PeopleSyncRun: rules.admin_only,
    NotificationDefault: rules.admin_only,
    RequirementFormVersion: rules.admin_only,
    RequirementTemplateVersion: rules.admin_only,
    # Pre-summed report figures: read only by the reports, whose own rule decides which
    # departments' cells a viewer sums (resolvers/reports/scope.py), never row by row.
    ReportSnapshot: rules.admin_only,
    ReportCell: rules.admin_only,
}


def declared(model: type[Model]) -> bool:
    """Whether ``model`` has a scope of its own (every table should: see the module's note)."""
    return model in _SCOPES


def scope_of(model: type[Model], viewer: Viewer) -> Scope:
    """The filter for ``model`` rows visible to ``viewer``; an undeclared table: ADMIN only."""
    rule = _SCOPES.get(model, rules.admin_only)
    return rule(viewer)


def scoped(model: type[M], viewer: Viewer, **filters: Any) -> QuerySet[M]:
    """``model`` rows visible to the viewer, further filtered by ``filters``."""
    queryset = model.filter(**filters)
    scope = scope_of(model, viewer)
    return queryset if scope is None else queryset.filter(scope)
