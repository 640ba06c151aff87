"""The rows of a person's feedback form (协作反馈表): each a praise, a problem or a
suggestion with the departments and people it names and the admin's handling result, and
the input a client sends for one (``submitFeedback(input: {items: [...]})``)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry
from strawberry import relay

import models
from resolvers.errors import BadUserInput
from resolvers.feedback import forms as feedback
from schema.base import Info, ModelNode, load_one, load_through
from schema.enums import FeedbackKind
from schema.ids import decode_ids

if TYPE_CHECKING:
    from schema.feedback.forms import FeedbackType, SubmitFeedbackInput
    from schema.people.departments import DepartmentType
    from schema.people.users import UserType

UserRef = Annotated["UserType", strawberry.lazy("schema.people.users")]
DepartmentRef = Annotated["DepartmentType", strawberry.lazy("schema.people.departments")]
FeedbackRef = Annotated["FeedbackType", strawberry.lazy("schema.feedback.forms")]


@strawberry.type(
    name="FeedbackItem",
    description="One row of a feedback form: a praise, a problem or a suggestion (反馈项)",
)
class FeedbackItemType(ModelNode):
    model = models.FeedbackItem

    id: relay.NodeID[int]
    position: int = strawberry.field(description="Its place on the form, from 0")
    kind: FeedbackKind = strawberry.field(description="Praise, problem or suggestion")
    content: str = strawberry.field(description="What happened (反馈内容)")
    proposal: str = strawberry.field(description="What the author proposes (建议处理方式)")
    handling_result: str = strawberry.field(
        description="How this item was handled (处理结果), written by the admin; empty until then"
    )
    handled_at: datetime | None = strawberry.field(
        description="When its handling result was last written, UTC"
    )

    @strawberry.field(description="The feedback form it is a row of")
    async def feedback(self, root: models.FeedbackItem, info: Info) -> FeedbackRef | None:
        return await load_one(info, models.Feedback, root.feedback_id)

    @strawberry.field(description="The admin who wrote its handling result")
    async def handled_by(self, root: models.FeedbackItem, info: Info) -> UserRef | None:
        return await load_one(info, models.User, root.handled_by_id)

    @strawberry.field(description="People this item names (praised, or involved in a problem)")
    async def people(self, root: models.FeedbackItem, info: Info) -> list[UserRef]:
        return await load_through(
            info, models.FeedbackItemPerson, "item_id", root.id, models.User, "user_id"
        )

    @strawberry.field(description="Departments this item is about")
    async def departments(self, root: models.FeedbackItem, info: Info) -> list[DepartmentRef]:
        return await load_through(
            info,
            models.FeedbackItemDepartment,
            "item_id",
            root.id,
            models.Department,
            "department_id",
        )


@strawberry.input(description="One row of the feedback form: a praise, a problem or a suggestion")
class FeedbackItemInput:
    kind: FeedbackKind = strawberry.field(description="Praise, problem or suggestion")
    content: str = strawberry.field(description="What happened; required")
    department_ids: list[strawberry.ID] = strawberry.field(
        default_factory=list, description="Departments it is about (global ids)"
    )
    person_ids: list[strawberry.ID] = strawberry.field(
        default_factory=list,
        description="People it names (global User ids), e.g. praised for what they did",
    )
    proposal: str = strawberry.field(default="", description="How you propose to handle it")


def _item(value: FeedbackItemInput, prefix: str) -> feedback.FeedbackItemInput:
    return feedback.FeedbackItemInput(
        kind=value.kind,
        content=value.content,
        department_ids=decode_ids(value.department_ids, "Department", prefix + "departmentIds"),
        person_ids=decode_ids(value.person_ids, "User", prefix + "personIds"),
        proposal=value.proposal,
    )


def feedback_items(input: SubmitFeedbackInput) -> list[feedback.FeedbackItemInput]:
    """The form's items: ``items``, or the single item of the older single-kind fields
    (``kind``, ``content``, ...), which cannot be mixed with ``items``."""
    single = input.kind is not None or input.content is not None
    if input.items:
        if single or input.proposal or input.department_ids or input.person_ids:
            raise BadUserInput(
                "请只填写items (give items, or the single-kind fields, not both)", field="kind"
            )
        return [_item(value, f"items.{index}.") for index, value in enumerate(input.items)]
    if not single:
        return []
    if input.kind is None:
        raise BadUserInput("请选择反馈类型 (kind is required with content)", field="kind")
    return [
        _item(
            FeedbackItemInput(
                kind=input.kind,
                content=input.content or "",
                department_ids=input.department_ids,
                person_ids=input.person_ids,
                proposal=input.proposal,
            ),
            "",
        )
    ]
