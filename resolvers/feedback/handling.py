"""Writers of the forms' follow-up fields the source lists but nobody could fill in.

- 处理结果 (handling result) on each feedback item: the admin records what was done about it;
- 备注 (remarks) and the planned date on an improvement suggestion (e.g. 已采纳, 计划8月上线):
  the admin, when evaluating it;
- 备注 (remarks) on a task: the people who run it (its responsible person, the executing
  department's head or their delegate, the initiator, the admin).
"""

from __future__ import annotations

from datetime import date

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from core import clock
from models import Feedback, FeedbackItem, Requirement, Task
from models.enums import SuggestionStatus
from resolvers import audit
from resolvers.access import policy
from resolvers.access.auth import Viewer
from resolvers.errors import BadUserInput, Forbidden
from resolvers.workflow import ensure_writable, load_visible

TEXT_LIMIT = 5_000


def _text(value: str, field: str, *, required: bool) -> str:
    text = value.strip()
    if required and not text:
        raise BadUserInput(f"请填写{field} ({field} is required)", field=field)
    if len(text) > TEXT_LIMIT:
        raise BadUserInput(f"{field}过长 (at most {TEXT_LIMIT})", field=field)
    return text


async def _write_result(
    viewer: Viewer, feedback: Feedback, item: FeedbackItem, text: str, conn: BaseDBAsyncClient
) -> None:
    """Write one item's result; the first item's is mirrored on the feedback itself, which
    clients of the single-kind form read."""
    before = item.handling_result
    now = clock.now()
    item.handling_result = text
    item.handled_by_id = viewer.user_id
    item.handled_at = now
    updated = ["handling_result", "handled_by_id", "handled_at", "updated_at"]
    await item.save(using_db=conn, update_fields=updated)
    if item.position == 0:
        feedback.handling_result = text
        feedback.handled_by_id = viewer.user_id
        feedback.handled_at = now
        await feedback.save(using_db=conn, update_fields=updated)
    await audit.record(
        viewer,
        "feedback.result",
        "Feedback",
        feedback.id,
        subject_code=feedback.code,
        note=f"item {item.position}",
        before={"handling_result": before},
        after={"handling_result": text},
        using_db=conn,
    )


async def record_feedback_result(viewer: Viewer, feedback_id: int, result: str) -> Feedback:
    """The admin writes what was done about a single-item feedback (处理结果); a later write
    replaces it. A feedback of several items takes a result per item
    (``record_feedback_item_result``): one text for a praise and a problem together would
    say nothing about either."""
    policy.require_writer(viewer)
    policy.require_admin(viewer)
    text = _text(result, "result", required=True)
    async with in_transaction() as conn:
        feedback = await load_visible(Feedback, viewer, feedback_id, conn, lock=True)
        items = await FeedbackItem.filter(feedback_id=feedback.id).using_db(conn).limit(2)
        if len(items) != 1:
            raise BadUserInput(
                "该反馈有多项，请逐项填写处理结果 (several items: use recordFeedbackItemResult)",
                field="id",
            )
        await _write_result(viewer, feedback, items[0], text, conn)
    return feedback


async def record_feedback_item_result(viewer: Viewer, item_id: int, result: str) -> FeedbackItem:
    """The admin writes what was done about one item of a feedback (处理结果)."""
    policy.require_writer(viewer)
    policy.require_admin(viewer)
    text = _text(result, "result", required=True)
    async with in_transaction() as conn:
        item = await load_visible(FeedbackItem, viewer, item_id, conn, lock=True)
        feedback = await Feedback.get(id=item.feedback_id, using_db=conn)
        await _write_result(viewer, feedback, item, text, conn)
    return item


def check_suggestion_plan(
    status: SuggestionStatus, remarks: str | None, planned_for: date | None
) -> tuple[str | None, date | None]:
    """A planned suggestion needs the date it is planned for, not in the past; remarks are
    free text (``None`` keeps them)."""
    if status is SuggestionStatus.PLANNED and planned_for is None:
        raise BadUserInput(
            "计划中的建议需填写计划日期 (a planned suggestion needs plannedFor)",
            field="plannedFor",
        )
    if planned_for is not None and planned_for < clock.today():
        raise BadUserInput("计划日期不能早于今天 (plannedFor is in the past)", field="plannedFor")
    checked = None if remarks is None else _text(remarks, "remarks", required=False)
    return checked, planned_for


async def _may_remark(viewer: Viewer, task: Task, requirement: Requirement) -> bool:
    if viewer.is_admin or viewer.user_id in (task.assignee_id, requirement.initiator_id):
        return True
    return await policy.head_authority(viewer, task.executing_department_id) is not None


async def set_task_remarks(viewer: Viewer, task_id: int, remarks: str) -> Task:
    """Write a task's remarks (备注), replacing them; empty clears them."""
    policy.require_writer(viewer)
    text = _text(remarks, "remarks", required=False)
    async with in_transaction() as conn:
        task = await load_visible(Task, viewer, task_id, conn, lock=True)
        requirement = await Requirement.get(id=task.requirement_id, using_db=conn)
        if not await _may_remark(viewer, task, requirement):
            raise Forbidden(
                "只有责任人、执行部门负责人、发起人或管理员可填写备注 (the assignee, the "
                "executing head, the initiator or the admin)"
            )
        ensure_writable(requirement)
        before = task.remarks
        task.remarks = text
        task.version += 1
        await task.save(using_db=conn, update_fields=["remarks", "version", "updated_at"])
        await audit.record(
            viewer,
            "task.remarks",
            "Task",
            task.id,
            subject_code=task.code,
            before={"remarks": before},
            after={"remarks": text},
            using_db=conn,
        )
    return task
