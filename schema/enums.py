"""The model enums, registered with strawberry under the same UPPER_SNAKE values.

``strawberry.enum`` marks the model's own enum classes, so a model attribute resolves
without conversion and the schema modules annotate fields with the very same classes.
The models' ``StrEnum`` values must stay plain strings (the ORM stores them), so the
value descriptions cannot be ``strawberry.enum_value`` there: they are written here and
put on the value definitions strawberry builds.
"""

from __future__ import annotations

from enum import Enum

import strawberry

from core.channels import WebhookFormat
from models.enums import (
    AnalysisReportStatus,
    Channel,
    CollaborationStatus,
    FeedbackKind,
    FormFieldType,
    NotificationKind,
    Priority,
    Recipient,
    RequirementStatus,
    RescheduleRequestStatus,
    ResultDecision,
    ReviewDecision,
    Role,
    RoundOutcome,
    SignOffMode,
    SuggestionStatus,
    TaskStatus,
    ThresholdUnit,
    WarningRuleKind,
)

_ALERT = "A warning (预警) of the rule "

#: Each enum's description, then one description per value name.
DESCRIPTIONS: dict[type[Enum], tuple[str, dict[str, str]]] = {
    AnalysisReportStatus: (
        "QUEUED, READY or FAILED (the latest build)",
        {
            "QUEUED": "A build was asked for and waits for the worker",
            "READY": "Built; the HTML page and the workbook can be downloaded",
            "FAILED": "The latest build failed (see error); an earlier build stays downloadable",
        },
    ),
    Role: (
        "A person's or token's role; it decides what they may do (DESIGN.md, permissions)",
        {
            "EMPLOYEE": "Any employee: creates requirements, works on their tasks",
            "DEPT_HEAD": "Head of a department (部门负责人): reviews, accepts, reads its reports",
            "ADMIN": "Platform admin (平台管理员): confirms initiation, archives, configures",
            "EXECUTIVE": "Management (管理层): reads every requirement and every report",
            "BI": "A read-only service token for BI tools: reports and queries, no mutations",
        },
    ),
    Priority: (
        "How urgent a requirement is; urgent ones are warned about earlier",
        {
            "NORMAL": "Normal priority (普通)",
            "URGENT": "Urgent (紧急): warning rules use their urgent threshold (due soon: 3 days)",
        },
    ),
    RequirementStatus: (
        "Where a requirement (需求) stands in its workflow",
        {
            "DRAFT": "Saved by the initiator, not yet submitted (草稿)",
            "PENDING_REVIEW": "Submitted; the involved departments review it (待评审)",
            "PENDING_MODIFICATION": "A department rejected it; the initiator revises (待修改)",
            "APPROVED": "Every involved department approved; awaits the admin's 确认立项",
            "INITIATED": "Initiation confirmed by the admin (已立项); tasks may be created",
            "IN_PROGRESS": "A task has been started (进行中)",
            "COMPLETED": "Every task accepted and the result report written (已完成)",
            "ARCHIVED": "Archived by the admin (已归档); read-only for everyone",
            "CANCELLED": "Cancelled before initiation (已取消)",
        },
    ),
    TaskStatus: (
        "Where a task stands; overdue is derived (deadline passed, not COMPLETED)",
        {
            "PENDING": "Assigned, not started yet (待开始)",
            "IN_PROGRESS": "Started by its assignee, or its results were rejected (进行中)",
            "SUBMITTED": "Results submitted, awaiting acceptance (待验收)",
            "COMPLETED": "Results accepted (已完成)",
        },
    ),
    ReviewDecision: (
        "A department's decision in a review round (评审)",
        {
            "APPROVE": "Approve, claiming the department's tasks",
            "REJECT": "Reject with comments; the requirement goes back for modification",
        },
    ),
    RoundOutcome: (
        "The outcome of one review round over all involved departments",
        {
            "OPEN": "Some involved departments have not decided yet",
            "APPROVED": "Every involved department approved",
            "REJECTED": "At least one department rejected",
        },
    ),
    SignOffMode: (
        "How a group of signers decides: the reviewing heads, or the acceptance group",
        {
            "ALL": "会签: every member must approve; any rejection sends it back",
            "ANY": "或签: the first decision of any member decides, approval or rejection",
        },
    ),
    ResultDecision: (
        "The acceptance decision (验收) on submitted task results",
        {
            "PENDING": "Not decided yet",
            "ACCEPTED": "Accepted by the acceptance group; the task is COMPLETED",
            "REJECTED": "Rejected; the task goes back to IN_PROGRESS",
        },
    ),
    RescheduleRequestStatus: (
        "Where a reschedule request (延期申请) stands",
        {
            "PENDING": "Waiting for the initiator's decision",
            "APPROVED": "Approved: the deadline moved (see the task's reschedules)",
            "DECLINED": "Declined: the deadline stays; the note says why",
        },
    ),
    CollaborationStatus: (
        "Whether a collaboration request (协作请求) was answered",
        {
            "OPEN": "Waiting for the addressed department's answer",
            "ANSWERED": "Answered by the addressed department",
            "PARTLY_ANSWERED": "Answered in part; `reason` says what is still open, and the "
            "expected response time still warns",
            "DECLINED": "Declined by the addressed department; `reason` says why",
        },
    ),
    FeedbackKind: (
        "What a feedback form (协作反馈表) is about",
        {
            "PRAISE": "Praise for departments (表扬)",
            "PROBLEM": "A problem that arose (问题)",
            "SUGGESTION": "A suggestion (建议)",
        },
    ),
    SuggestionStatus: (
        "The admin's evaluation of a process-improvement suggestion (流程优化建议)",
        {
            "SUBMITTED": "Submitted, not evaluated yet",
            "ADOPTED": "Adopted (已采纳)",
            "PLANNED": "Planned for later (计划中)",
            "REJECTED": "Not adopted (不采纳)",
        },
    ),
    WarningRuleKind: (
        "The kind of a warning rule (预警规则); thresholds are edited by the admin",
        {
            "DUE_SOON": "A task not completed within the threshold before its deadline",
            "STALE": "A task without a progress update for the threshold",
            "ESCALATION": "Nothing submitted within the threshold before the deadline (to heads)",
            "OVERDUE": "A task's deadline passed and it is not completed",
            "REVIEW_SLA": "A department has not reviewed within the threshold (working days)",
            "ACCEPTANCE_SLA": "Submitted results not decided within the threshold",
            "COLLABORATION_SLA": "A collaboration request unanswered within the threshold",
            "COLLABORATION_DUE": "A collaboration request not fully answered within the "
            "threshold before its expected response time (expectedBy)",
        },
    ),
    ThresholdUnit: (
        "The unit of a warning threshold",
        {
            "HOURS": "Clock hours",
            "DAYS": "Calendar days",
            "WORKING_DAYS": "Working days of the Chinese statutory calendar (with 调休 weekends)",
        },
    ),
    Recipient: (
        "Who a warning goes to, relative to what it is about",
        {
            "ASSIGNEE": "The task's assignee (for collaboration requests: who asked)",
            "DEPARTMENT_HEAD": "The head of the department concerned and their active delegates",
            "INITIATOR": "The requirement's initiator",
            "ACCEPTANCE_GROUP": "The initiator and the involved departments' heads",
        },
    ),
    Channel: (
        "How a warning or notification is delivered",
        {
            "IN_APP": "An in-app notification (and a live subscription push)",
            "EMAIL": "An email over SMTP to the person's address",
            "WEBHOOK": "A post to the enabled webhook channels (group chat bots) serving the "
            "person's department (or every department)",
        },
    ),
    WebhookFormat: (
        "The message format a webhook channel posts",
        {
            "GENERIC": "JSON: event `crossflow.alert`, title, body and the alert's details",
            "FEISHU": "A Feishu (飞书) bot message, signed when a secret is set",
            "DINGTALK": "A DingTalk (钉钉) bot message, signed when a secret is set",
            "WECOM": "A WeCom (企业微信) bot message",
        },
    ),
    NotificationKind: (
        "What a notification is about",
        {
            "REVIEW_REQUESTED": "A requirement awaits your department's review",
            "REVIEW_REJECTED": "A department rejected your requirement",
            "REVIEW_REMINDER": "The initiator nudges you to review (催办)",
            "REQUIREMENT_SUBMITTED": "A requirement of your department was submitted for "
            "review (you lead it and do not review it)",
            "REQUIREMENT_APPROVED": "Every involved department approved the requirement",
            "REQUIREMENT_INITIATED": "The admin confirmed the initiation (确认立项)",
            "TASK_ASSIGNED": "A task was assigned to you",
            "MENTION": "You were @mentioned in a comment",
            "COLLABORATION_REQUEST": "Your department was asked for help (协作请求)",
            "COLLABORATION_ANSWERED": "Your collaboration request was answered",
            "MEETING_SCHEDULED": "A meeting you take part in was booked",
            "TASK_RESCHEDULED": "A task's deadline was changed",
            "RESULT_SUBMITTED": "Task results await your acceptance (验收)",
            "RESULT_ACCEPTED": "Your task results were accepted",
            "RESULT_REJECTED": "Your task results were rejected",
            "FEEDBACK_REQUESTED": "A completed requirement asks for your feedback (协作反馈表)",
            "PROGRESS_ISSUE": "A progress update reports problems or asks for support",
            "RESCHEDULE_REQUESTED": "An assignee asks to move a task's deadline (you decide)",
            "RESCHEDULE_DECIDED": "Your request to move a task's deadline was approved or declined",
            "ALERT_DUE_SOON": _ALERT + "DUE_SOON",
            "ALERT_STALE": _ALERT + "STALE",
            "ALERT_ESCALATION": _ALERT + "ESCALATION",
            "ALERT_OVERDUE": _ALERT + "OVERDUE",
            "ALERT_REVIEW_SLA": _ALERT + "REVIEW_SLA",
            "ALERT_ACCEPTANCE_SLA": _ALERT + "ACCEPTANCE_SLA",
            "ALERT_COLLABORATION_SLA": _ALERT + "COLLABORATION_SLA",
            "ALERT_COLLABORATION_DUE": _ALERT + "COLLABORATION_DUE",
            "COLLABORATION_DECLINED": "Your collaboration request was declined (with the reason)",
            "RESULT_REPORT_WRITTEN": "A result report (协作成果报告) was written: time to "
            "archive (admins)",
            "ANALYSIS_REPORT_READY": "The monthly analysis report (协作分析报告) is ready "
            "(executives)",
            "ALERT_DIGEST": "The warnings held during quiet hours, in one message",
            "SYSTEM": "A message from the platform to the admins (e.g. missing calendar data)",
        },
    ),
    FormFieldType: (
        "The type of an admin-defined form field (自定义表单字段) and of its value",
        {
            "TEXT": "Text, at most 2,000 characters",
            "NUMBER": "A decimal number (up to 6 places), stored as a decimal string",
            "MONEY": "An amount with 2 decimal places, stored as a decimal string",
            "DATE": "A calendar date, ISO 8601 (YYYY-MM-DD)",
            "CHOICE": "One of the field's options (its value)",
            "MULTI_CHOICE": "A list of the field's option values",
            "USER": "A user, by global id",
            "DEPARTMENT": "A department, by global id",
            "FILE": "An attachment, by global id",
        },
    ),
}


def _register(enum: type[Enum], description: str, values: dict[str, str]) -> None:
    """A value added to a model enum without a description here still serves (undescribed);
    ``tests/schema/test_descriptions.py`` names it."""
    strawberry.enum(enum, description=description)
    for value in enum.__strawberry_definition__.values:  # type: ignore[attr-defined]
        value.description = values.get(value.name)


for _enum, (_description, _values) in DESCRIPTIONS.items():
    _register(_enum, _description, _values)

__all__ = [
    "AnalysisReportStatus",
    "Channel",
    "CollaborationStatus",
    "FeedbackKind",
    "FormFieldType",
    "NotificationKind",
    "Priority",
    "Recipient",
    "RequirementStatus",
    "RescheduleRequestStatus",
    "ResultDecision",
    "ReviewDecision",
    "Role",
    "RoundOutcome",
    "SignOffMode",
    "SuggestionStatus",
    "TaskStatus",
    "ThresholdUnit",
    "WarningRuleKind",
    "WebhookFormat",
]
