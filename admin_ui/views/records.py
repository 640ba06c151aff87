"""The collaboration records the API owns, read-only in the panel, with their actions.

Requirements (需求), tasks (任务), progress updates, comments, collaboration requests,
the knowledge base (知识库), feedback and the audit log (审计日志) are listed, filtered and
searched here but changed only by the use cases: confirming initiation (确认立项),
archiving (归档) and rescheduling (调整节点) call the functions the GraphQL mutations call,
so the panel can do nothing the API would refuse.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from starlette.requests import Request
from starlette_admin import BaseField, ComputedField, JSONField, row_action
from starlette_admin.exceptions import ActionFailed
from starlette_admin.flash import flash
from starlette_admin.i18n import get_tzinfo

from admin_ui.i18n import pick, t
from admin_ui.views.base import ReadOnlyView, enum_field, perform
from admin_ui.views.form_fields import custom_values_field
from admin_ui.views.forms import dialog_form, group, text_area, text_input
from core import clock
from models import (
    Archive,
    AuditEntry,
    CollaborationRequest,
    Comment,
    Feedback,
    ProgressUpdate,
    Requirement,
    Task,
)
from models.enums import CollaborationStatus, FeedbackKind, Priority, RequirementStatus, TaskStatus
from resolvers.archives.archiving import archive_requirement
from resolvers.requirements import form as standard_form
from resolvers.requirements.lifecycle import confirm_requirement
from resolvers.tasks.reschedule import RescheduleInput, reschedule_task

LONG_TEXT = standard_form.LONG_TEXTS  # the form's long texts: on the detail page only


async def _found(view: ReadOnlyView, request: Request, pk: Any) -> Any:
    obj = await view.find_by_pk(request, pk)
    if obj is None:
        raise ActionFailed(pick("对象不存在", "No such object"))
    return obj


class RequirementView(ReadOnlyView):
    """Requirements (需求) in every state; confirm initiation and archive from here."""

    model = Requirement
    label = ("需求", "Requirements")
    icon_name = "fa fa-file-signature"
    exclude_fields_from_list = LONG_TEXT

    def build_fields(self) -> Sequence[str | BaseField]:
        return [
            "id",
            "code",
            "title",
            enum_field("status", RequirementStatus),
            enum_field("priority", Priority),
            "initiator",
            "initiating_department",
            "template",
            "template_version",
            "expected_by",
            *LONG_TEXT,
            custom_values_field(),
            "current_round",
            "submitted_at",
            "initiated_at",
            "completed_at",
            "archived_at",
            "created_at",
        ]

    @row_action(
        name="confirm",
        text=t("确认立项", "Confirm initiation"),
        confirmation=t(
            "所有相关部门均已同意后方可立项。确认立项吗？",
            "Initiation needs every involved department's approval. Confirm?",
        ),
        icon_class="fa fa-circle-check",
        submit_btn_text=t("确认立项", "Confirm"),
        action_btn_class="btn btn-success",
    )
    async def confirm_row_action(self, request: Request, pk: Any) -> None:
        requirement = await _found(self, request, pk)
        await perform(request, lambda viewer: confirm_requirement(viewer, requirement.id))
        flash(
            request, pick(f"{requirement.code} 已立项", f"{requirement.code} initiated"), "success"
        )

    @row_action(
        name="archive",
        text=t("归档到知识库", "Archive"),
        confirmation=t(
            "归档后记录只读。仅已完成且已提交成果报告的需求可归档。确定归档吗？",
            "Archived records are read-only. Only a completed requirement with its result "
            "report can be archived. Archive it?",
        ),
        icon_class="fa fa-box-archive",
        submit_btn_text=t("归档", "Archive"),
        action_btn_class="btn btn-outline-primary",
    )
    async def archive_row_action(self, request: Request, pk: Any) -> None:
        requirement = await _found(self, request, pk)
        await perform(request, lambda viewer: archive_requirement(viewer, requirement.id))
        flash(
            request, pick(f"{requirement.code} 已归档", f"{requirement.code} archived"), "success"
        )


def _reschedule_form(request: Request, task: Task) -> str:
    """Reason (原因), solution (解决方案) and new deadline (新节点), in Beijing time."""
    zone = get_tzinfo()
    base = task.deadline if task.deadline and task.deadline > clock.now() else clock.now()
    proposed = (base.astimezone(zone) + timedelta(days=2)).strftime("%Y-%m-%dT%H:%M")
    return dialog_form(
        group(
            "reschedule-reason",
            "原因",
            "Reason",
            text_area("reschedule-reason", "reason", ("例如：缺少产品渲染图", "e.g. no renders")),
        ),
        group(
            "reschedule-solution",
            "解决方案",
            "Solution",
            text_area(
                "reschedule-solution", "solution", ("例如：设计部增派1人支持", "e.g. one more")
            ),
        ),
        group(
            "reschedule-deadline",
            "新节点（北京时间）",
            "New deadline (Beijing time)",
            text_input(
                "reschedule-deadline", "new_deadline", type="datetime-local", value=proposed
            ),
        ),
    )


def _overdue(request: Request, task: Task) -> str:
    late = task.deadline is not None and task.deadline < clock.now()
    return pick("延迟", "Delayed") if late and task.status != TaskStatus.COMPLETED else ""


class TaskView(ReadOnlyView):
    """Tasks (任务) with their one responsible person; reschedule a delayed task here."""

    model = Task
    label = ("任务", "Tasks")
    icon_name = "fa fa-list-check"
    exclude_fields_from_list = ("description", "acceptance_criteria", "remarks")

    def build_fields(self) -> Sequence[str | BaseField]:
        return [
            "id",
            "code",
            "title",
            "requirement",
            "executing_department",
            "assignee",
            enum_field("status", TaskStatus),
            ComputedField("is_overdue", getter=_overdue),
            enum_field("priority", Priority),
            "progress",
            "start_date",
            "deadline",
            "last_progress_at",
            "description",
            "acceptance_criteria",
            "remarks",
        ]

    @row_action(
        name="reschedule",
        text=t("调整节点", "Reschedule"),
        header=t(
            "延迟处理：原因、解决方案、新节点", "Handle a delay: reason, solution, new deadline"
        ),
        confirmation=t(
            "记录延迟原因与解决方案，并设置新的截止时间。",
            "Record why the task is late, what is done about it, and its new deadline.",
        ),
        form=_reschedule_form,
        icon_class="fa fa-calendar-plus",
        submit_btn_text=t("保存", "Save"),
        action_btn_class="btn btn-outline-primary",
        modal_size="md",
    )
    async def reschedule_row_action(self, request: Request, pk: Any) -> None:
        task = await _found(self, request, pk)
        form = await request.form()
        new_deadline: datetime | None = None
        raw = str(form.get("new_deadline") or "")
        if raw:
            try:
                local = datetime.fromisoformat(raw)
            except ValueError as exc:
                raise ActionFailed(pick("新节点格式不正确", "Invalid new deadline")) from exc
            if local.tzinfo is None:
                local = local.replace(tzinfo=get_tzinfo())
            new_deadline = local.astimezone(UTC)
        data = RescheduleInput(
            task_id=task.id,
            reason=str(form.get("reason") or ""),
            solution=str(form.get("solution") or ""),
            new_deadline=new_deadline,
        )
        await perform(request, lambda viewer: reschedule_task(viewer, data))
        flash(request, pick(f"{task.code} 已调整节点", f"{task.code} rescheduled"), "success")


class ProgressUpdateView(ReadOnlyView):
    model = ProgressUpdate
    label = ("进度更新", "Progress updates")
    icon_name = "fa fa-bars-progress"

    def build_fields(self) -> Sequence[str | BaseField]:
        return [
            "id",
            "task",
            "author",
            "percent",
            "summary",
            "problems",
            "support_needed",
            "created_at",
        ]


class CommentView(ReadOnlyView):
    model = Comment
    label = ("评论", "Comments")
    icon_name = "fa fa-comments"

    def build_fields(self) -> Sequence[str | BaseField]:
        return ["id", "task", "author", "body", "created_at"]


class CollaborationRequestView(ReadOnlyView):
    model = CollaborationRequest
    label = ("协作请求", "Collaboration requests")
    icon_name = "fa fa-handshake"

    def build_fields(self) -> Sequence[str | BaseField]:
        return [
            "id",
            "task",
            "requirement",
            "from_user",
            "from_department",
            "to_department",
            "content",
            "expected_by",
            enum_field("status", CollaborationStatus),
            "answer",
            "answered_by",
            "answered_at",
            "created_at",
        ]


class ArchiveView(ReadOnlyView):
    """The knowledge base (知识库): archived records, read-only for everyone."""

    model = Archive
    label = ("知识库", "Knowledge base")
    icon_name = "fa fa-book"

    def build_fields(self) -> Sequence[str | BaseField]:
        return [
            "id",
            "requirement",
            "title",
            "summary",
            "archived_by",
            "created_at",
            JSONField("snapshot", read_only=True, exclude_from_list=True),
        ]


class FeedbackView(ReadOnlyView):
    model = Feedback
    label = ("协作反馈", "Feedback")
    icon_name = "fa fa-comment-dots"

    def build_fields(self) -> Sequence[str | BaseField]:
        return [
            "id",
            "code",
            "requirement",
            "author",
            "author_department",
            enum_field("kind", FeedbackKind),
            "content",
            "proposal",
            "handling_result",
            "created_at",
        ]


class AuditEntryView(ReadOnlyView):
    """The audit log (审计日志): who did what, when, before and after, and through what."""

    model = AuditEntry
    label = ("审计日志", "Audit log")
    icon_name = "fa fa-clipboard-list"
    page_size = 50

    def build_fields(self) -> Sequence[str | BaseField]:
        return [
            "id",
            "created_at",
            "actor_label",
            "action",
            "subject_type",
            "subject_id",
            "subject_code",
            "from_state",
            "to_state",
            "note",
            JSONField("before", read_only=True, exclude_from_list=True),
            JSONField("after", read_only=True, exclude_from_list=True),
            "via",
        ]
