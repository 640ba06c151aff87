"""Tortoise models, one module per aggregate, the app label is ``models``."""

from models.alerts import Alert, WarningRule, WebhookChannel
from models.archives import Archive, ResultReport
from models.attachments import Attachment, AttachmentVersion
from models.audit import AuditEntry
from models.calendar import CalendarOverride
from models.codes import CodeCounter
from models.collaboration import CollaborationRequest
from models.comments import Comment, Mention
from models.departments import Department, DepartmentHead
from models.directory import DirectorySettings, PeopleSyncRun
from models.feedback import (
    Feedback,
    FeedbackDepartment,
    FeedbackItem,
    FeedbackItemDepartment,
    FeedbackItemPerson,
    FeedbackPerson,
    Suggestion,
)
from models.forms import FormField, RequirementFieldValue, RequirementFormVersion
from models.meetings import Meeting, MeetingAttendee
from models.notifications import Delivery, Notification
from models.preferences import NotificationDefault, NotificationPreference, QuietHours
from models.report_cells import ReportCell, ReportSnapshot
from models.reports import AnalysisReport, SavedReport
from models.requirements import Requirement, RequirementDepartment, Review, ReviewRound
from models.reschedules import RescheduleRequest
from models.signoff import (
    ResultHandover,
    ResultReminder,
    ResultSigner,
    ResultSignoff,
    ResultVersion,
    ReviewHandover,
    ReviewReminder,
    RoundSigner,
)
from models.tasks import ProgressUpdate, Task, TaskAssistingDepartment, TaskReschedule, TaskResult
from models.templates import (
    RequirementTemplate,
    RequirementTemplateVersion,
    TemplateDepartment,
    TemplateResponseLimit,
    TemplateTask,
    TemplateWarningThreshold,
)
from models.users import ApiToken, Delegation, User

__all__ = [
    "Alert",
    "AnalysisReport",
    "ApiToken",
    "Archive",
    "Attachment",
    "AttachmentVersion",
    "AuditEntry",
    "CalendarOverride",
    "CodeCounter",
    "CollaborationRequest",
    "Comment",
    "Delegation",
    "Delivery",
    "Department",
    "DepartmentHead",
    "DirectorySettings",
    "Feedback",
    "FeedbackDepartment",
    "FeedbackItem",
    "FeedbackItemDepartment",
    "FeedbackItemPerson",
    "FeedbackPerson",
    "FormField",
    "Meeting",
    "MeetingAttendee",
    "Mention",
    "Notification",
    "NotificationDefault",
    "NotificationPreference",
    "PeopleSyncRun",
    "ProgressUpdate",
    "QuietHours",
    "ReportCell",
    "ReportSnapshot",
    "Requirement",
    "RequirementDepartment",
    "RequirementFieldValue",
    "RequirementFormVersion",
    "RequirementTemplate",
    "RequirementTemplateVersion",
    "RescheduleRequest",
    "ResultHandover",
    "ResultReminder",
    "ResultReport",
    "ResultSigner",
    "ResultSignoff",
    "ResultVersion",
    "Review",
    "ReviewHandover",
    "ReviewReminder",
    "ReviewRound",
    "RoundSigner",
    "SavedReport",
    "Suggestion",
    "Task",
    "TaskAssistingDepartment",
    "TaskReschedule",
    "TaskResult",
    "TemplateDepartment",
    "TemplateResponseLimit",
    "TemplateTask",
    "TemplateWarningThreshold",
    "User",
    "WarningRule",
    "WebhookChannel",
]
