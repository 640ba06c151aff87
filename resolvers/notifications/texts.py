"""Notification texts in Chinese (the default) and English, by the recipient's preference."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from core import clock
from models.enums import NotificationKind as K

#: kind -> language -> (title template, body template); fields come from ``params``.
TEXTS: dict[K, dict[str, tuple[str, str]]] = {
    K.REVIEW_REQUESTED: {
        "zh": ("待审核：{title}", "需求{code}「{title}」已提交，请在3个工作日内审核。"),
        "en": ("Review requested: {title}", "Requirement {code} awaits your review."),
    },
    K.REVIEW_REJECTED: {
        "zh": ("需求被驳回：{title}", "{department}驳回了需求{code}：{comment}"),
        "en": ("Requirement rejected: {title}", "{department} rejected {code}: {comment}"),
    },
    K.REVIEW_REMINDER: {
        "zh": ("催办：{title}", "{sender}催办需求{code}「{title}」的审核，请尽快处理。"),
        "en": ("Reminder to review: {title}", "{sender} asks you to review {code} soon."),
    },
    K.REQUIREMENT_SUBMITTED: {
        "zh": ("本部门需求已提交审核：{title}", "本部门发起的需求{code}「{title}」已提交审核。"),
        "en": ("Your department's requirement submitted: {title}", "{code} was submitted."),
    },
    K.REQUIREMENT_APPROVED: {
        "zh": ("需求已通过审核：{title}", "需求{code}已获全部涉及部门同意，待管理员确认立项。"),
        "en": ("Requirement approved: {title}", "Every department approved {code}."),
    },
    K.REQUIREMENT_INITIATED: {
        "zh": ("需求已立项：{title}", "需求{code}已确认立项，请拆解并分配任务。"),
        "en": ("Requirement initiated: {title}", "{code} is initiated: split it into tasks."),
    },
    K.TASK_ASSIGNED: {
        "zh": ("新任务：{title}", "您是任务{code}「{title}」的责任人，截止时间{deadline}。"),
        "en": ("New task: {title}", "You are responsible for {code}, due {deadline}."),
    },
    K.MENTION: {
        "zh": ("{author}在任务中提到了您", "{author}在任务{code}「{title}」中提到了您：{body}"),
        "en": ("{author} mentioned you", "{author} mentioned you on {code}: {body}"),
    },
    K.COLLABORATION_REQUEST: {
        "zh": ("协作请求：{title}", "{department}请求协助（任务{code}）：{content}"),
        "en": ("Collaboration request: {title}", "{department} asks for help on {code}."),
    },
    K.COLLABORATION_ANSWERED: {
        "zh": ("协作请求已答复：{title}", "任务{code}的协作请求已答复：{answer}"),
        "en": ("Collaboration answered: {title}", "Your request on {code} was answered."),
    },
    K.COLLABORATION_DECLINED: {
        "zh": ("协作请求被拒绝：{title}", "任务{code}的协作请求被拒绝，原因：{reason}"),
        "en": ("Collaboration declined: {title}", "Your request on {code} was declined: {reason}"),
    },
    K.RESULT_REPORT_WRITTEN: {
        "zh": ("协作成果报告已提交：{title}", "需求{code}「{title}」的成果报告已提交，可归档。"),
        "en": ("Result report written: {title}", "{code} has its result report: archive it."),
    },
    K.ANALYSIS_REPORT_READY: {
        "zh": ("协作分析报告已生成：{month}", "{month}的协作分析报告已生成，请查阅。"),
        "en": ("Analysis report ready: {month}", "The analysis report of {month} is ready."),
    },
    K.MEETING_SCHEDULED: {
        "zh": ("会议邀请：{title}", "会议「{title}」将于{starts_at}召开。"),
        "en": ("Meeting: {title}", "Meeting '{title}' starts at {starts_at}."),
    },
    K.TASK_RESCHEDULED: {
        "zh": ("任务已调整节点：{title}", "任务{code}新截止时间{deadline}。原因：{reason}"),
        "en": ("Task rescheduled: {title}", "{code} is now due {deadline}. Reason: {reason}"),
    },
    K.RESULT_SUBMITTED: {
        "zh": ("待验收：{title}", "任务{code}「{title}」已提交成果，请在3个工作日内验收。"),
        "en": ("Results to accept: {title}", "Results of {code} await your decision."),
    },
    K.RESULT_ACCEPTED: {
        "zh": ("成果已确认完成：{title}", "任务{code}已通过验收。"),
        "en": ("Results accepted: {title}", "The results of {code} were accepted."),
    },
    K.RESULT_REJECTED: {
        "zh": ("成果被驳回：{title}", "任务{code}的成果被驳回：{comment}"),
        "en": ("Results rejected: {title}", "The results of {code} were rejected: {comment}"),
    },
    K.FEEDBACK_REQUESTED: {
        "zh": ("请填写协作反馈：{title}", "需求{code}已完成，请填写跨部门协作反馈表。"),
        "en": ("Feedback requested: {title}", "{code} is completed: please give feedback."),
    },
    K.PROGRESS_ISSUE: {
        "zh": ("进度问题：{title}", "{code}进度{percent}%，问题：{problems}；需支持：{support}"),
        "en": ("Progress issue: {title}", "{code} at {percent}%: {problems} / {support}"),
    },
    K.RESCHEDULE_REQUESTED: {
        "zh": ("延期申请：{title}", "{requester}申请将任务{code}延至{deadline}{late}：{reason}"),
        "en": ("Reschedule asked: {title}", "{requester}: {code} to {deadline}{late}; {reason}"),
    },
    K.RESCHEDULE_DECIDED: {
        "zh": ("延期申请{decision}：{title}", "任务{code}的延期申请{decision}。{note}"),
        "en": ("Reschedule {decision_en}: {title}", "{code}: {decision_en}. {note}"),
    },
}


def render(kind: K, language: str, params: dict[str, Any]) -> tuple[str, str]:
    """The title and body of a notification in ``language`` (Chinese when unknown)."""
    texts = TEXTS[kind]
    title, body = texts.get(language) or texts["zh"]
    return title.format(**params)[:255], body.format(**params)


def beijing_time(moment: datetime | None) -> str:
    """An instant as people in the business read it: Beijing time, ``07月15日 18:00``.

    Built from pieces rather than one ``strftime`` pattern, whose non-ASCII characters
    depend on the process locale.
    """
    if moment is None:
        return "待定 (TBD)"
    local = moment.astimezone(clock.BUSINESS_TZ)
    return f"{local:%m}月{local:%d}日 {local:%H:%M}"


def business_date(instant: datetime, *, today_year: int | None = None) -> str:
    """A deadline's Beijing date the way the source writes it: 7月17日 (with the year only
    when it is not the current one)."""
    local = instant.astimezone(clock.BUSINESS_TZ)
    day = f"{local.month}月{local.day}日"
    return day if today_year in (None, local.year) else f"{local.year}年{day}"
