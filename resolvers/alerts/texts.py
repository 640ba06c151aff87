"""Warning texts, in the source's words (Chinese) with an English variant."""

from __future__ import annotations

from typing import Any

from models.enums import NotificationKind as K
from models.enums import WarningRuleKind as R

#: rule -> (notification kind, {language: (title, body)})
TEXTS: dict[R, tuple[K, dict[str, tuple[str, str]]]] = {
    R.DUE_SOON: (
        K.ALERT_DUE_SOON,
        {
            "zh": (
                "即将到期：{title}",
                "任务'{title}'将于{deadline}截止，当前进度{progress}%，请及时跟进",
            ),
            "en": ("Due soon: {title}", "Task '{title}' is due {deadline}, progress {progress}%."),
        },
    ),
    R.STALE: (
        K.ALERT_STALE,
        {
            "zh": (
                "进度停滞：{title}",
                "任务'{title}'已连续{days}天未更新进度，当前进度{progress}%，请及时更新",
            ),
            "en": ("No progress: {title}", "Task '{title}' has had no update for {days} days."),
        },
    ),
    R.ESCALATION: (
        K.ALERT_ESCALATION,
        {
            "zh": (
                "升级预警：{title}",
                "任务'{title}'距截止（{deadline}）不足{hours}小时仍未提交成果，当前进度{progress}%，请部门负责人介入",
            ),
            "en": (
                "Escalation: {title}",
                "Task '{title}' is due {deadline} and nothing is submitted.",
            ),
        },
    ),
    R.OVERDUE: (
        K.ALERT_OVERDUE,
        {
            "zh": (
                "已逾期：{title}",
                "任务'{title}'已于{deadline}逾期，当前进度{progress}%，请尽快处理",
            ),
            "en": ("Overdue: {title}", "Task '{title}' was due {deadline}, progress {progress}%."),
        },
    ),
    R.REVIEW_SLA: (
        K.ALERT_REVIEW_SLA,
        {
            "zh": (
                "审核超时：{title}",
                "需求{code}「{title}」已提交{days}个工作日，{department}尚未审核",
            ),
            "en": (
                "Review overdue: {title}",
                "{department} has not reviewed {code} in {days} working days.",
            ),
        },
    ),
    R.ACCEPTANCE_SLA: (
        K.ALERT_ACCEPTANCE_SLA,
        {
            "zh": ("验收超时：{title}", "任务'{title}'的成果已提交{days}个工作日仍未验收"),
            "en": (
                "Acceptance overdue: {title}",
                "Results of '{title}' await a decision for {days} working days.",
            ),
        },
    ),
    R.COLLABORATION_SLA: (
        K.ALERT_COLLABORATION_SLA,
        {
            "zh": (
                "协作请求未响应：{title}",
                "任务'{title}'向{department}发出的协作请求已超过{hours}小时未答复",
            ),
            "en": (
                "Unanswered request: {title}",
                "{department} has not answered for {hours} hours.",
            ),
        },
    ),
    R.COLLABORATION_DUE: (
        K.ALERT_COLLABORATION_DUE,
        {
            "zh": (
                "协作请求即将超时：{title}",
                "任务'{title}'向{department}发出的协作请求期望{expected}前答复，尚未完成",
            ),
            "en": (
                "Collaboration request due: {title}",
                "{department} has not fully answered; expected by {expected}.",
            ),
        },
    ),
}

DIGEST = {
    "zh": ("预警汇总：{count}条", "非工作时间产生的预警：\n{lines}"),
    "en": ("Warnings digest: {count}", "Warnings found outside working hours:\n{lines}"),
}


def notification_kind(rule: R) -> K:
    return TEXTS[rule][0]


def render(rule: R, language: str, params: dict[str, Any]) -> tuple[str, str]:
    """Title and body of a warning in ``language`` (Chinese when unknown)."""
    texts = TEXTS[rule][1]
    title, body = texts.get(language) or texts["zh"]
    return title.format(**params)[:255], body.format(**params)


def render_digest(language: str, bodies: list[str]) -> tuple[str, str]:
    title, body = DIGEST.get(language) or DIGEST["zh"]
    lines = "\n".join(f"· {line}" for line in bodies)
    return title.format(count=len(bodies)), body.format(lines=lines)
