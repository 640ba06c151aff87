"""The model enums, registered with strawberry under the same UPPER_SNAKE values.

``strawberry.enum`` marks the model's own enum classes, so a model attribute resolves
without conversion and the schema modules annotate fields with the very same classes.
"""

from __future__ import annotations

import strawberry

from models.enums import (
    Channel,
    CollaborationStatus,
    FeedbackKind,
    FormFieldType,
    NotificationKind,
    Priority,
    Recipient,
    RequirementStatus,
    ResultDecision,
    ReviewDecision,
    Role,
    RoundOutcome,
    SuggestionStatus,
    TaskStatus,
    ThresholdUnit,
    WarningRuleKind,
    WebhookFormat,
)

for _enum in (
    Channel,
    CollaborationStatus,
    FeedbackKind,
    FormFieldType,
    NotificationKind,
    Priority,
    Recipient,
    RequirementStatus,
    ResultDecision,
    ReviewDecision,
    Role,
    RoundOutcome,
    SuggestionStatus,
    TaskStatus,
    ThresholdUnit,
    WarningRuleKind,
    WebhookFormat,
):
    strawberry.enum(_enum)

__all__ = [
    "Channel",
    "CollaborationStatus",
    "FeedbackKind",
    "FormFieldType",
    "NotificationKind",
    "Priority",
    "Recipient",
    "RequirementStatus",
    "ResultDecision",
    "ReviewDecision",
    "Role",
    "RoundOutcome",
    "SuggestionStatus",
    "TaskStatus",
    "ThresholdUnit",
    "WarningRuleKind",
    "WebhookFormat",
]
