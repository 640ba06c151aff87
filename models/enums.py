"""Enumerations shared by the models, the GraphQL schema and the admin panel.

Values are the stable API names (UPPER_SNAKE); the Chinese labels are the words users of
the source document already know, used by the admin panel and message texts.
"""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    EMPLOYEE = "EMPLOYEE"
    DEPT_HEAD = "DEPT_HEAD"
    ADMIN = "ADMIN"
    EXECUTIVE = "EXECUTIVE"
    BI = "BI"


class Priority(StrEnum):
    NORMAL = "NORMAL"
    URGENT = "URGENT"


class RequirementStatus(StrEnum):
    DRAFT = "DRAFT"
    PENDING_REVIEW = "PENDING_REVIEW"
    PENDING_MODIFICATION = "PENDING_MODIFICATION"
    APPROVED = "APPROVED"
    INITIATED = "INITIATED"
    IN_PROGRESS = "IN_PROGRESS"
    COMPLETED = "COMPLETED"
    ARCHIVED = "ARCHIVED"
    CANCELLED = "CANCELLED"


class TaskStatus(StrEnum):
    PENDING = "PENDING"
    IN_PROGRESS = "IN_PROGRESS"
    SUBMITTED = "SUBMITTED"
    COMPLETED = "COMPLETED"


class ReviewDecision(StrEnum):
    APPROVE = "APPROVE"
    REJECT = "REJECT"


class SignOffMode(StrEnum):
    """How a group of signers decides: 会签 every one of them, 或签 the first of them."""

    ALL = "ALL"
    ANY = "ANY"


class RoundOutcome(StrEnum):
    OPEN = "OPEN"
    APPROVED = "APPROVED"
    REJECTED = "REJECTED"


class ResultDecision(StrEnum):
    PENDING = "PENDING"
    ACCEPTED = "ACCEPTED"
    REJECTED = "REJECTED"


class CollaborationStatus(StrEnum):
    OPEN = "OPEN"
    ANSWERED = "ANSWERED"
    #: Answered in part; the reason says what is still missing, and it stays on the clock.
    PARTLY_ANSWERED = "PARTLY_ANSWERED"
    #: The addressed department cannot help; the reason says why.
    DECLINED = "DECLINED"


class FeedbackKind(StrEnum):
    PRAISE = "PRAISE"
    PROBLEM = "PROBLEM"
    SUGGESTION = "SUGGESTION"


class SuggestionStatus(StrEnum):
    SUBMITTED = "SUBMITTED"
    ADOPTED = "ADOPTED"
    PLANNED = "PLANNED"
    REJECTED = "REJECTED"


class WarningRuleKind(StrEnum):
    DUE_SOON = "DUE_SOON"
    STALE = "STALE"
    ESCALATION = "ESCALATION"
    OVERDUE = "OVERDUE"
    REVIEW_SLA = "REVIEW_SLA"
    ACCEPTANCE_SLA = "ACCEPTANCE_SLA"
    COLLABORATION_SLA = "COLLABORATION_SLA"
    #: A collaboration request not fully answered near its expected response time.
    COLLABORATION_DUE = "COLLABORATION_DUE"


class ThresholdUnit(StrEnum):
    HOURS = "HOURS"
    DAYS = "DAYS"
    WORKING_DAYS = "WORKING_DAYS"


class Recipient(StrEnum):
    ASSIGNEE = "ASSIGNEE"
    DEPARTMENT_HEAD = "DEPARTMENT_HEAD"
    INITIATOR = "INITIATOR"
    ACCEPTANCE_GROUP = "ACCEPTANCE_GROUP"


class Channel(StrEnum):
    IN_APP = "IN_APP"
    EMAIL = "EMAIL"
    WEBHOOK = "WEBHOOK"


class NotificationKind(StrEnum):
    REVIEW_REQUESTED = "REVIEW_REQUESTED"
    REVIEW_REJECTED = "REVIEW_REJECTED"
    REVIEW_REMINDER = "REVIEW_REMINDER"
    REQUIREMENT_SUBMITTED = "REQUIREMENT_SUBMITTED"
    REQUIREMENT_APPROVED = "REQUIREMENT_APPROVED"
    REQUIREMENT_INITIATED = "REQUIREMENT_INITIATED"
    TASK_ASSIGNED = "TASK_ASSIGNED"
    MENTION = "MENTION"
    COLLABORATION_REQUEST = "COLLABORATION_REQUEST"
    COLLABORATION_ANSWERED = "COLLABORATION_ANSWERED"
    MEETING_SCHEDULED = "MEETING_SCHEDULED"
    TASK_RESCHEDULED = "TASK_RESCHEDULED"
    RESULT_SUBMITTED = "RESULT_SUBMITTED"
    RESULT_ACCEPTED = "RESULT_ACCEPTED"
    RESULT_REJECTED = "RESULT_REJECTED"
    FEEDBACK_REQUESTED = "FEEDBACK_REQUESTED"
    PROGRESS_ISSUE = "PROGRESS_ISSUE"
    RESCHEDULE_REQUESTED = "RESCHEDULE_REQUESTED"
    RESCHEDULE_DECIDED = "RESCHEDULE_DECIDED"
    ALERT_DUE_SOON = "ALERT_DUE_SOON"
    ALERT_STALE = "ALERT_STALE"
    ALERT_ESCALATION = "ALERT_ESCALATION"
    ALERT_OVERDUE = "ALERT_OVERDUE"
    ALERT_REVIEW_SLA = "ALERT_REVIEW_SLA"
    ALERT_ACCEPTANCE_SLA = "ALERT_ACCEPTANCE_SLA"
    ALERT_COLLABORATION_SLA = "ALERT_COLLABORATION_SLA"
    ALERT_COLLABORATION_DUE = "ALERT_COLLABORATION_DUE"
    COLLABORATION_DECLINED = "COLLABORATION_DECLINED"
    RESULT_REPORT_WRITTEN = "RESULT_REPORT_WRITTEN"
    ANALYSIS_REPORT_READY = "ANALYSIS_REPORT_READY"
    ALERT_DIGEST = "ALERT_DIGEST"
    SYSTEM = "SYSTEM"


class RescheduleRequestStatus(StrEnum):
    PENDING = "PENDING"
    APPROVED = "APPROVED"
    DECLINED = "DECLINED"


class DeliveryStatus(StrEnum):
    PENDING = "PENDING"
    SENDING = "SENDING"
    SENT = "SENT"
    FAILED = "FAILED"


class AnalysisReportStatus(StrEnum):
    QUEUED = "QUEUED"
    READY = "READY"
    FAILED = "FAILED"


class FormFieldType(StrEnum):
    TEXT = "TEXT"
    NUMBER = "NUMBER"
    MONEY = "MONEY"
    DATE = "DATE"
    CHOICE = "CHOICE"
    MULTI_CHOICE = "MULTI_CHOICE"
    USER = "USER"
    DEPARTMENT = "DEPARTMENT"
    FILE = "FILE"
