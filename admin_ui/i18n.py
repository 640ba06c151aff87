"""The panel's words: Simplified Chinese first (the words of DOMAIN.md), English selectable.

starlette-admin translates its own chrome (buttons, filters, pagination) from its zh and
en catalogues; the labels of CrossFlow's models, fields and enum values are ours. Rather
than compile a gettext catalogue for a few hundred pairs, every label is a lazy pair
resolved at render time against starlette-admin's current locale, so the language switch
(a cookie read by its ``LocaleMiddleware``) changes both at once.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from typing import Any, cast

from babel.support import LazyProxy
from starlette_admin import I18nConfig
from starlette_admin.i18n import get_locale

from core.channels import WebhookFormat
from models.directory import AccountSource, SyncStatus
from models.enums import (
    Channel,
    CollaborationStatus,
    FeedbackKind,
    FormFieldType,
    Priority,
    Recipient,
    RequirementStatus,
    Role,
    SignOffMode,
    TaskStatus,
    ThresholdUnit,
    WarningRuleKind,
)
from resolvers.requirements import form as standard_form

#: Chinese unless the admin switched to English; a browser's ``en-US`` does not switch it.
I18N = I18nConfig(default_locale="zh", language_switcher=["zh", "en"], language_header_name=None)


def is_english() -> bool:
    return get_locale() == "en"


def pick(zh: str, en: str) -> str:
    """The word for the current request's language, now."""
    return en if is_english() else zh


def t(zh: str, en: str) -> str:
    """A label that renders in the language of the request showing it (a lazy string)."""
    return cast(str, LazyProxy(pick, zh, en, enable_cache=False))


#: Labels of model fields, by field name (the same name means the same thing everywhere).
FIELD_LABELS: dict[str, tuple[str, str]] = {
    # the requirement form's fields as the form names them; the general words below
    # ("title", "priority") win for the names other records share
    **{field.name: (field.label, field.label_en) for field in standard_form.FIELDS},
    "id": ("ID", "ID"),
    "code": ("编号", "Code"),
    "name": ("名称", "Name"),
    "name_en": ("英文名称", "English name"),
    "title": ("标题", "Title"),
    "status": ("状态", "Status"),
    "priority": ("优先级", "Priority"),
    "is_active": ("启用", "Active"),
    "sort_order": ("排序", "Sort order"),
    "username": ("用户名", "Username"),
    "display_name": ("姓名", "Display name"),
    "email": ("邮箱", "E-mail"),
    "phone": ("电话", "Phone"),
    "role": ("角色", "Role"),
    "department": ("部门", "Department"),
    "language": ("语言", "Language"),
    "password": ("新密码", "New password"),
    "last_login_at": ("最近登录", "Last sign-in"),
    "created_at": ("创建时间", "Created at"),
    "updated_at": ("更新时间", "Updated at"),
    "user": ("用户", "User"),
    "head": ("部门负责人", "Head"),
    "delegate": ("代理人", "Delegate"),
    "starts_at": ("开始时间", "Starts at"),
    "ends_at": ("结束时间", "Ends at"),
    "revoked_at": ("撤销时间", "Revoked at"),
    "note": ("备注", "Note"),
    "kind": ("类型", "Kind"),
    "enabled": ("启用", "Enabled"),
    "threshold_normal": ("普通任务阈值", "Threshold (normal)"),
    "threshold_urgent": ("紧急任务阈值", "Threshold (urgent)"),
    "unit": ("单位", "Unit"),
    "recipients": ("接收人", "Recipients"),
    "channels": ("通知渠道", "Channels"),
    "version": ("版本", "Version"),
    "updated_by": ("最后修改人", "Last changed by"),
    "day": ("日期", "Day"),
    "is_workday": ("工作日", "Working day"),
    "created_by": ("创建人", "Created by"),
    "format": ("格式", "Format"),
    "url": ("地址", "URL"),
    "secret": ("签名密钥", "Signing secret"),
    "prefix": ("令牌前缀", "Token prefix"),
    "expires_at": ("过期时间", "Expires at"),
    "last_used_at": ("最近使用", "Last used"),
    "initiator": ("发起人", "Initiator"),
    "initiating_department": ("发起部门", "Initiating department"),
    "current_round": ("审核轮次", "Review round"),
    "submitted_at": ("提交时间", "Submitted at"),
    "approved_at": ("通过时间", "Approved at"),
    "initiated_at": ("立项时间", "Initiated at"),
    "completed_at": ("完成时间", "Completed at"),
    "archived_at": ("归档时间", "Archived at"),
    "requirement": ("需求", "Requirement"),
    "task": ("任务", "Task"),
    "executing_department": ("执行部门", "Executing department"),
    "assignee": ("责任人", "Responsible person"),
    "start_date": ("开始日期", "Start date"),
    "deadline": ("截止时间", "Deadline"),
    "progress": ("进度(%)", "Progress (%)"),
    "is_overdue": ("延迟", "Delayed"),
    "last_progress_at": ("最近进度更新", "Last progress update"),
    "author": ("填写人", "Author"),
    "percent": ("进度(%)", "Percent"),
    "summary": ("进展", "Summary"),
    "problems": ("遇到的问题", "Problems"),
    "support_needed": ("需要的支持", "Support needed"),
    "body": ("内容", "Text"),
    "from_user": ("发起人", "From"),
    "from_department": ("发起部门", "From department"),
    "to_department": ("被请求部门", "To department"),
    "content": ("内容", "Content"),
    "answer": ("答复", "Answer"),
    "answered_by": ("答复人", "Answered by"),
    "answered_at": ("答复时间", "Answered at"),
    "archived_by": ("归档人", "Archived by"),
    "snapshot": ("归档内容", "Archived record"),
    "author_department": ("反馈部门", "Department"),
    "proposal": ("处理建议", "Suggested handling"),
    "handling_result": ("处理结果", "Handling result"),
    "actor_label": ("操作人", "Actor"),
    "action": ("操作", "Action"),
    "subject_type": ("对象类型", "Subject type"),
    "subject_id": ("对象ID", "Subject ID"),
    "subject_code": ("对象编号", "Subject code"),
    "from_state": ("原状态", "From"),
    "to_state": ("新状态", "To"),
    "before": ("修改前", "Before"),
    "after": ("修改后", "After"),
    "via": ("来源", "Via"),
    "field_type": ("字段类型", "Field type"),
    "required": ("必填", "Required"),
    "options_text": ("选项", "Options"),
    "help_text": ("填写说明", "Help text"),
    "position": ("排序", "Position"),
    "active": ("启用", "Active"),
    "template": ("需求模板", "Template"),
    "template_version": ("模板版本", "Template version"),
    "custom_values": ("自定义字段", "Custom fields"),
    # the sync report (同步记录) of imports and directory syncs
    "source": ("来源", "Source"),
    "dry_run": ("试运行", "Dry run"),
    "full": ("全量同步", "Full sync"),
    "started_at": ("开始时间", "Started at"),
    "finished_at": ("结束时间", "Finished at"),
    "started_by": ("发起方", "Started by"),
    "file_name": ("文件名", "File name"),
    "created": ("新建", "Created"),
    "updated": ("更新", "Updated"),
    "deactivated": ("停用", "Deactivated"),
    "unchanged": ("未变化", "Unchanged"),
    "refused": ("拒绝", "Refused"),
    "refusals": ("拒绝原因", "Refusals"),
    "changes": ("变更明细", "Changes"),
    "error": ("错误", "Error"),
}

#: The words of the source document for enum values (待审核, 已立项, 待执行 …).
ENUM_LABELS: dict[type[Enum], dict[str, tuple[str, str]]] = {
    RequirementStatus: {
        "DRAFT": ("草稿", "Draft"),
        "PENDING_REVIEW": ("待审核", "Pending review"),
        "PENDING_MODIFICATION": ("待修改", "Pending modification"),
        "APPROVED": ("已通过", "Approved"),
        "INITIATED": ("已立项", "Initiated"),
        "IN_PROGRESS": ("进行中", "In progress"),
        "COMPLETED": ("已完成", "Completed"),
        "ARCHIVED": ("已归档", "Archived"),
        "CANCELLED": ("已取消", "Cancelled"),
    },
    TaskStatus: {
        "PENDING": ("待执行", "Pending"),
        "IN_PROGRESS": ("进行中", "In progress"),
        "SUBMITTED": ("待验收", "Submitted"),
        "COMPLETED": ("已完成", "Completed"),
    },
    Priority: {"NORMAL": ("普通", "Normal"), "URGENT": ("紧急", "Urgent")},
    SignOffMode: {
        "ALL": ("会签（全部同意）", "All must approve"),
        "ANY": ("或签（任一同意）", "Any one decides"),
    },
    Role: {
        "EMPLOYEE": ("员工", "Employee"),
        "DEPT_HEAD": ("部门负责人", "Department head"),
        "ADMIN": ("平台管理员", "Administrator"),
        "EXECUTIVE": ("企业管理者", "Executive"),
        "BI": ("BI 只读", "BI (read-only)"),
    },
    CollaborationStatus: {"OPEN": ("待答复", "Open"), "ANSWERED": ("已答复", "Answered")},
    FeedbackKind: {
        "PRAISE": ("表扬", "Praise"),
        "PROBLEM": ("问题", "Problem"),
        "SUGGESTION": ("建议", "Suggestion"),
    },
    WarningRuleKind: {
        "DUE_SOON": ("即将到期", "Due soon"),
        "STALE": ("进度停滞", "No progress"),
        "ESCALATION": ("升级预警", "Escalation"),
        "OVERDUE": ("逾期", "Overdue"),
        "REVIEW_SLA": ("审核超时", "Review SLA"),
        "ACCEPTANCE_SLA": ("验收超时", "Acceptance SLA"),
        "COLLABORATION_SLA": ("协作请求超时", "Collaboration SLA"),
    },
    ThresholdUnit: {
        "HOURS": ("小时", "Hours"),
        "DAYS": ("天", "Days"),
        "WORKING_DAYS": ("工作日", "Working days"),
    },
    Recipient: {
        "ASSIGNEE": ("责任人", "Assignee"),
        "DEPARTMENT_HEAD": ("部门负责人", "Department head"),
        "INITIATOR": ("发起人", "Initiator"),
        "ACCEPTANCE_GROUP": ("验收小组", "Acceptance group"),
    },
    Channel: {
        "IN_APP": ("站内通知", "In-app"),
        "EMAIL": ("邮件", "E-mail"),
        "WEBHOOK": ("群机器人", "Webhook"),
    },
    FormFieldType: {
        "TEXT": ("文本", "Text"),
        "NUMBER": ("数字", "Number"),
        "MONEY": ("金额", "Money"),
        "DATE": ("日期", "Date"),
        "CHOICE": ("单选", "Choice"),
        "MULTI_CHOICE": ("多选", "Multiple choice"),
        "USER": ("人员", "Person"),
        "DEPARTMENT": ("部门", "Department"),
        "FILE": ("附件", "File"),
    },
    AccountSource: {
        "LOCAL": ("本地账号", "Local"),
        "IMPORT": ("文件导入", "Imported"),
        "LDAP": ("企业目录 (LDAP)", "Directory (LDAP)"),
        "OIDC": ("企业登录 (OIDC)", "Company sign-on (OIDC)"),
    },
    SyncStatus: {
        "RUNNING": ("进行中", "Running"),
        "SUCCEEDED": ("成功", "Succeeded"),
        "REFUSED": ("有拒绝", "Refused"),
        "FAILED": ("失败", "Failed"),
    },
    WebhookFormat: {
        "GENERIC": ("通用 JSON", "Generic JSON"),
        "FEISHU": ("飞书", "Feishu"),
        "DINGTALK": ("钉钉", "DingTalk"),
        "WECOM": ("企业微信", "WeCom"),
    },
}

LANGUAGES: dict[str, tuple[str, str]] = {"zh": ("简体中文", "Chinese"), "en": ("英文", "English")}


def field_label(name: str) -> str | None:
    pair = FIELD_LABELS.get(name)
    return t(*pair) if pair else None


def enum_choices(enum: type[Enum]) -> Callable[[Any], list[tuple[str, str]]]:
    """A choices loader: ``(value, label)`` pairs labelled in the request's language.

    Plain strings per request rather than lazy labels: a multi-valued field renders its
    list of labels with ``str()``, which would show a lazy label's repr.
    """
    labels = ENUM_LABELS.get(enum, {})

    def load(request: Any) -> list[tuple[str, str]]:
        return [(str(m.value), pick(*labels.get(str(m.value), (m.name, m.name)))) for m in enum]

    return load


def language_choices(request: Any) -> list[tuple[str, str]]:
    return [(code, pick(*words)) for code, words in LANGUAGES.items()]


def enum_label(enum: type[Enum], value: str) -> str:
    """The current language's word for one enum value (plain text, for messages)."""
    zh, en = ENUM_LABELS.get(enum, {}).get(value, (value, value))
    return pick(zh, en)
