"""The GraphQL schema: the domains' queries, mutations and types composed into one.

Fields here are thin: they check who asks and delegate to the use cases in ``resolvers/``.
"""

from __future__ import annotations

import functools
from datetime import datetime

import strawberry
from graphql import GraphQLError
from strawberry.extensions import ParserCache, ValidationCache
from strawberry.schema.config import StrawberryConfig
from strawberry.tools import merge_types
from strawberry.types import ExecutionContext

from core.db_errors import Kind, classify
from core.settings import Settings
from resolvers.errors import DomainError
from schema.access.account import AccountMutations
from schema.access.auth import AuthMutations, AuthQueries
from schema.access.read_only_tokens import ReadOnlyTokens
from schema.alerts.rules import (
    AlertMutations,
    AlertQueries,
    AlertType,
    CalendarOverrideType,
    WarningRuleType,
    WebhookChannelType,
)
from schema.archives.outcomes import (
    ArchiveMutations,
    ArchiveQueries,
    ArchiveType,
    ResultReportType,
)
from schema.collaboration.conversation import (
    CollaborationMutations,
    CollaborationRequestType,
    CommentType,
)
from schema.errors import ErrorCodes
from schema.feedback.follow_ups import FollowUpMutations
from schema.feedback.forms import (
    FeedbackMutations,
    FeedbackQueries,
    FeedbackType,
    SuggestionType,
)
from schema.feedback.items import FeedbackItemType
from schema.files.attachments import (
    AttachmentType,
    AttachmentVersionType,
    FileMutations,
    FileQueries,
    MeetingType,
)
from schema.files.download_links import DownloadLinkMutations
from schema.forms.fields import FormFieldNode, FormMutations, FormQueries
from schema.hygiene import InputHygiene
from schema.limits import Limits, limit_extensions
from schema.node import NodeQueries
from schema.notifications.inbox import (
    AuditEntryType,
    NotificationMutations,
    NotificationQueries,
    NotificationSubscriptions,
    NotificationType,
)
from schema.notifications.preferences import (
    NotificationPreferenceMutations,
    NotificationPreferenceQueries,
)
from schema.people.departments import DepartmentQueries, DepartmentType
from schema.people.users import ApiTokenType, DelegationType, UserQueries, UserType
from schema.reports.aggregates import (
    ReportQueries,
    SavedReportMutations,
    SavedReportQueries,
    SavedReportType,
)
from schema.reports.analysis import AnalysisMutations, AnalysisQueries, AnalysisReportType
from schema.requirements.requirement import (
    RequirementMutations,
    RequirementQueries,
    RequirementType,
)
from schema.requirements.review_types import ReviewRoundType, ReviewType
from schema.requirements.signoff import SignOffMutations, SignOffQueries
from schema.scalars import UTCDateTime
from schema.tasks.my_work import MyWorkQueries
from schema.tasks.reschedule_requests import RescheduleRequestMutations
from schema.tasks.results import TaskResultMutations
from schema.tasks.task import (
    ProgressUpdateType,
    TaskMutations,
    TaskQueries,
    TaskRescheduleType,
    TaskResultType,
    TaskType,
)
from schema.templates.scenarios import RequirementTemplateType, TemplateMutations, TemplateQueries

Query = merge_types(
    "Query",
    (
        AuthQueries,
        NodeQueries,
        DepartmentQueries,
        UserQueries,
        RequirementQueries,
        FormQueries,
        TemplateQueries,
        ArchiveQueries,
        FeedbackQueries,
        TaskQueries,
        FileQueries,
        AlertQueries,
        NotificationQueries,
        NotificationPreferenceQueries,
        ReportQueries,
        SavedReportQueries,
        AnalysisQueries,
        MyWorkQueries,
        SignOffQueries,
    ),
)
Mutation = merge_types(
    "Mutation",
    (
        AuthMutations,
        AccountMutations,
        RequirementMutations,
        FormMutations,
        TemplateMutations,
        TaskResultMutations,
        ArchiveMutations,
        FeedbackMutations,
        FollowUpMutations,
        TaskMutations,
        RescheduleRequestMutations,
        CollaborationMutations,
        FileMutations,
        DownloadLinkMutations,
        AlertMutations,
        NotificationMutations,
        NotificationPreferenceMutations,
        SavedReportMutations,
        AnalysisMutations,
        SignOffMutations,
    ),
)
Subscription = merge_types("Subscription", (NotificationSubscriptions,))
# merge_types takes no description: the merged root types get theirs here.
for _root, _description in (
    (Query, "Reads. Every list and object answers only within the viewer's scope (DESIGN.md)"),
    (Mutation, "Changes; BI tokens are read-only (FORBIDDEN). Failures carry extensions.code"),
    (Subscription, "Live pushes over the graphql-transport-ws websocket protocol"),
):
    _root.__strawberry_definition__.description = _description  # type: ignore[attr-defined]

#: Every object type, listed so that each is in the schema even before a field reaches it.
NODE_TYPES: tuple[type, ...] = (
    AlertType,
    AnalysisReportType,
    ApiTokenType,
    ArchiveType,
    AttachmentType,
    AttachmentVersionType,
    AuditEntryType,
    CalendarOverrideType,
    CollaborationRequestType,
    CommentType,
    DelegationType,
    DepartmentType,
    FeedbackItemType,
    FeedbackType,
    FormFieldNode,
    MeetingType,
    NotificationType,
    ProgressUpdateType,
    RequirementTemplateType,
    RequirementType,
    ResultReportType,
    ReviewRoundType,
    ReviewType,
    SavedReportType,
    SuggestionType,
    TaskRescheduleType,
    TaskResultType,
    TaskType,
    UserType,
    WarningRuleType,
    WebhookChannelType,
)


class CrossFlowSchema(strawberry.Schema):
    """Logs only the errors worth a look: refusals with a code are the API working.

    A value the database refused (out of range, malformed) is the client's mistake, not a
    bug: ``schema/errors.py`` answers it as BAD_USER_INPUT without a traceback in the log.
    """

    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        unexpected = [e for e in errors if not isinstance(e.original_error, DomainError)]
        unexpected = [e for e in unexpected if e.original_error is not None]
        unexpected = [e for e in unexpected if not _refused_value(e.original_error)]
        if unexpected:
            super().process_errors(unexpected, execution_context)


def _refused_value(error: BaseException | None) -> bool:
    return error is not None and classify(error) is Kind.BAD_INPUT


def build_schema(limits: Limits | None = None) -> strawberry.Schema:
    """The schema with its extensions (caches, read-only tokens, limits, error codes last)."""
    limits = limits or Limits()
    return CrossFlowSchema(
        query=Query,
        mutation=Mutation,
        subscription=Subscription,
        types=list(NODE_TYPES),
        config=StrawberryConfig(
            scalar_map={datetime: UTCDateTime}, disable_field_suggestions=limits.hardened
        ),
        extensions=[
            lambda: ParserCache(maxsize=512),
            lambda: ValidationCache(maxsize=512),
            ReadOnlyTokens,
            *limit_extensions(limits),
            InputHygiene,
            ErrorCodes,
        ],
    )


@functools.cache
def _schema_with(limits: Limits) -> strawberry.Schema:
    return build_schema(limits)


def schema_for(settings: Settings) -> strawberry.Schema:
    """The schema a server with these settings serves (built once per set of limits)."""
    return _schema_with(Limits.of(settings))


#: The schema with the default limits, introspection on: the SDL, tests, tools.
schema = _schema_with(Limits())
