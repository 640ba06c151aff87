"""Step 6: participants' feedback (协作反馈表) and improvement suggestions (流程优化建议表)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from core import clock
from models import (
    Department,
    Feedback,
    FeedbackDepartment,
    FeedbackItem,
    FeedbackItemDepartment,
    FeedbackItemPerson,
    FeedbackPerson,
    Requirement,
    Suggestion,
    User,
)
from models.enums import FeedbackKind, RequirementStatus, SuggestionStatus
from resolvers import audit, codes
from resolvers.access import policy
from resolvers.access.auth import Viewer
from resolvers.errors import BadUserInput, InvalidTransition
from resolvers.feedback.handling import check_suggestion_plan
from resolvers.workflow import ensure_state, load_visible

TEXT_LIMIT = 5_000


def _text(value: str, field_name: str, *, required: bool = True) -> str:
    text = value.strip()
    if required and not text:
        raise BadUserInput(f"请填写{field_name} ({field_name} is required)", field=field_name)
    if len(text) > TEXT_LIMIT:
        raise BadUserInput(f"{field_name}过长 (too long)", field=field_name)
    return text


#: Items on one person's form; the source's form has a handful of rows, not hundreds.
MAX_ITEMS = 20


@dataclass
class FeedbackItemInput:
    """One row of the form: a praise, a problem or a suggestion, and whom it names."""

    kind: FeedbackKind
    content: str
    department_ids: list[int] = field(default_factory=list)
    person_ids: list[int] = field(default_factory=list)
    proposal: str = ""


@dataclass
class FeedbackInput:
    requirement_id: int
    items: list[FeedbackItemInput]
    #: Given through the single-kind fields: errors name ``personIds``, not ``items.0.personIds``.
    single: bool = False


@dataclass
class _CheckedItem:
    kind: FeedbackKind
    content: str
    proposal: str
    departments: list[int]
    people: list[int]


async def _check_items(
    items: list[FeedbackItemInput], conn: BaseDBAsyncClient, *, single: bool
) -> list[_CheckedItem]:
    """Each item's texts and the departments and people it names, errors naming the item's
    field (``items.2.personIds``)."""
    if not items:
        raise BadUserInput("请至少填写一项反馈 (give at least one item)", field="items")
    if len(items) > MAX_ITEMS:
        raise BadUserInput(f"反馈最多{MAX_ITEMS}项 (at most {MAX_ITEMS} items)", field="items")
    checked = []
    for index, item in enumerate(items):
        prefix = "" if single else f"items.{index}."
        departments = list(dict.fromkeys(item.department_ids))
        if await Department.filter(id__in=departments).using_db(conn).count() != len(departments):
            raise BadUserInput("部门不存在 (unknown department)", field=prefix + "departmentIds")
        people = list(dict.fromkeys(item.person_ids))
        if await User.filter(id__in=people, is_active=True).using_db(conn).count() != len(people):
            raise BadUserInput("人员不存在 (unknown person)", field=prefix + "personIds")
        checked.append(
            _CheckedItem(
                kind=item.kind,
                content=_text(item.content, prefix + "content"),
                proposal=_text(item.proposal, prefix + "proposal", required=False),
                departments=departments,
                people=people,
            )
        )
    return checked


async def _write_items(
    feedback: Feedback, items: list[_CheckedItem], conn: BaseDBAsyncClient
) -> None:
    """The items with whom each names; the feedback's own people and departments are their
    union, which the reports and the scope read."""
    for position, item in enumerate(items):
        row = await FeedbackItem.create(
            feedback_id=feedback.id,
            position=position,
            kind=item.kind,
            content=item.content,
            proposal=item.proposal,
            using_db=conn,
        )
        for department_id in item.departments:
            await FeedbackItemDepartment.create(
                item_id=row.id, department_id=department_id, using_db=conn
            )
        for person_id in item.people:
            await FeedbackItemPerson.create(item_id=row.id, user_id=person_id, using_db=conn)
    for department_id in dict.fromkeys(d for item in items for d in item.departments):
        await FeedbackDepartment.create(
            feedback_id=feedback.id, department_id=department_id, using_db=conn
        )
    for person_id in dict.fromkeys(p for item in items for p in item.people):
        await FeedbackPerson.create(feedback_id=feedback.id, user_id=person_id, using_db=conn)


async def submit_feedback(viewer: Viewer, data: FeedbackInput) -> Feedback:
    """A participant's feedback on a completed requirement, once per participant, with one
    or more items (praise, problems, suggestions together, as on the source's form).

    Feedback is accepted after archiving too: it is about the collaboration, not an edit
    of the archived record, and the monthly analysis needs it.
    """
    policy.require_writer(viewer)
    async with in_transaction() as conn:
        requirement = await load_visible(Requirement, viewer, data.requirement_id, conn, lock=True)
        await policy.require_participant(viewer, requirement.id)
        ensure_state(
            requirement, (RequirementStatus.COMPLETED, RequirementStatus.ARCHIVED), "submitFeedback"
        )
        items = await _check_items(data.items, conn, single=data.single)
        if (
            await Feedback.filter(requirement_id=requirement.id, author_id=viewer.user_id)
            .using_db(conn)
            .exists()
        ):
            raise InvalidTransition(
                "您已提交过反馈 (you already gave feedback on this requirement)",
                status=str(requirement.status),
                action="submitFeedback",
            )
        assert viewer.user_id is not None
        first = items[0]
        try:
            feedback = await Feedback.create(
                code=await codes.next_monthly_code(codes.FEEDBACK, conn),
                requirement_id=requirement.id,
                author_id=viewer.user_id,
                author_department_id=viewer.department_id,
                kind=first.kind,
                content=first.content,
                proposal=first.proposal,
                using_db=conn,
            )
        except IntegrityError as exc:
            raise InvalidTransition(
                "您已提交过反馈 (you already gave feedback on this requirement)",
                status=str(requirement.status),
                action="submitFeedback",
            ) from exc
        await _write_items(feedback, items, conn)
        await audit.record(
            viewer,
            "feedback.submit",
            "Feedback",
            feedback.id,
            subject_code=feedback.code,
            note=f"{requirement.code} " + ",".join(str(item.kind) for item in items),
            using_db=conn,
        )
    return feedback


@dataclass
class SuggestionInput:
    pain_point: str
    proposal: str
    expected_effect: str = ""
    contact: str = ""
    department_id: int | None = None


async def create_suggestion(viewer: Viewer, data: SuggestionInput) -> Suggestion:
    """Any employee proposes a process improvement."""
    policy.require_writer(viewer)
    pain_point = _text(data.pain_point, "painPoint")
    proposal = _text(data.proposal, "proposal")
    department_id = data.department_id or viewer.department_id
    if data.department_id is not None and not await Department.exists(id=data.department_id):
        raise BadUserInput("部门不存在 (unknown department)", field="departmentId")
    assert viewer.user_id is not None
    async with in_transaction() as conn:
        suggestion = await Suggestion.create(
            code=await codes.next_monthly_code(codes.SUGGESTION, conn),
            department_id=department_id,
            proposer_id=viewer.user_id,
            contact=data.contact.strip()[:64],
            pain_point=pain_point,
            proposal=proposal,
            expected_effect=_text(data.expected_effect, "expectedEffect", required=False),
            using_db=conn,
        )
        await audit.record(
            viewer,
            "suggestion.create",
            "Suggestion",
            suggestion.id,
            subject_code=suggestion.code,
            to_state=SuggestionStatus.SUBMITTED,
            using_db=conn,
        )
    return suggestion


async def evaluate_suggestion(
    viewer: Viewer,
    suggestion_id: int,
    status: SuggestionStatus,
    note: str,
    *,
    remarks: str | None = None,
    planned_for: date | None = None,
) -> Suggestion:
    """The admin evaluates a suggestion: adopted (已采纳), planned (计划中, with the date it
    is planned for) or rejected; ``remarks`` (备注) replace the old ones when given."""
    policy.require_writer(viewer)
    policy.require_admin(viewer)
    if status is SuggestionStatus.SUBMITTED:
        raise BadUserInput("评估结果不能是待评估 (choose an evaluation)", field="status")
    remarks, planned_for = check_suggestion_plan(status, remarks, planned_for)
    async with in_transaction() as conn:
        suggestion = await load_visible(Suggestion, viewer, suggestion_id, conn, lock=True)
        previous = suggestion.status
        suggestion.status = status
        suggestion.evaluation_note = _text(note, "note", required=False)
        suggestion.evaluated_by_id = viewer.user_id
        suggestion.evaluated_at = clock.now()
        if remarks is not None:
            suggestion.remarks = remarks
        if planned_for is not None:
            suggestion.planned_for = planned_for
        await suggestion.save(using_db=conn)
        await audit.record(
            viewer,
            "suggestion.evaluate",
            "Suggestion",
            suggestion.id,
            subject_code=suggestion.code,
            from_state=previous,
            to_state=status,
            note=suggestion.evaluation_note,
            using_db=conn,
        )
    return suggestion
