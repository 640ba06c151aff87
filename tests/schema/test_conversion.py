"""Every requirement and task input becomes its use case's dataclass by field name
(schema/conversion.py): each one is converted here, so a field added to an input without
a place in the use case fails this test instead of every call of the mutation."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime
from typing import Any

import pytest
import strawberry
from strawberry import relay

from resolvers.requirements.lifecycle import RequirementForm
from resolvers.requirements.reviews import ReviewInput
from resolvers.tasks.lifecycle import TaskForm
from resolvers.tasks.reschedule import RescheduleInput
from resolvers.tasks.work import ProgressReport
from schema.conversion import to_use_case
from schema.enums import Priority
from schema.requirements.inputs import (
    CreateRequirementInput,
    ReviewRequirementInput,
    UpdateRequirementInput,
)
from schema.requirements.requirement import requirement_form
from schema.tasks.inputs import (
    CreateTaskInput,
    ReportProgressInput,
    RescheduleTaskInput,
    UpdateTaskInput,
)
from schema.tasks.task import _form as task_form
from schema.templates.scenarios import CreateRequirementFromTemplateInput


def gid(type_name: str, pk: int) -> strawberry.ID:
    return strawberry.ID(relay.to_base64(type_name, pk))


def standard(**values: Any) -> dict[str, Any]:
    return values


def test_the_three_requirement_inputs_become_the_requirement_form() -> None:
    # given a create, an update and a from-template input
    created = CreateRequirementInput(
        title="2024年Q3新品上市推广方案",
        involved_department_ids=[gid("Department", 2)],
        # the standard fields are added to the class from their one declaration, so a
        # type checker does not see them as keywords
        **standard(goals="提升销量", priority=Priority.URGENT),
    )
    updated = UpdateRequirementInput(
        id=gid("Requirement", 7), version=3, **standard(contact="分机 8001")
    )
    templated = CreateRequirementFromTemplateInput(
        template_id=gid("RequirementTemplate", 1), title="客户投诉：外壳开裂"
    )
    # when each becomes the use case's form
    forms = [requirement_form(data) for data in (created, updated, templated)]
    # then the values arrive under the same names, ids decoded, nothing else set
    assert (forms[0].title, forms[0].goals, forms[0].involved_department_ids) == (
        "2024年Q3新品上市推广方案",
        "提升销量",
        [2],
    )
    assert forms[0].priority == Priority.URGENT
    assert (forms[1].contact, forms[1].version, forms[1].title) == ("分机 8001", 3, None)
    assert forms[2].title == "客户投诉：外壳开裂" and forms[2].template_id is None
    assert all(isinstance(form, RequirementForm) for form in forms)


def test_the_task_inputs_become_the_task_form() -> None:
    deadline = datetime(2026, 7, 15, 10, tzinfo=UTC)
    created = CreateTaskInput(
        requirement_id=gid("Requirement", 1),
        title="设计部：完成主视觉图初稿",
        executing_department_id=gid("Department", 3),
        assignee_id=gid("User", 5),
        deadline=deadline,
        start_date=date(2026, 7, 1),
    )
    updated = UpdateTaskInput(id=gid("Task", 9), description="更多细节", version=2)
    created_form, updated_form = task_form(created), task_form(updated)
    assert isinstance(created_form, TaskForm)
    assert (created_form.executing_department_id, created_form.assignee_id) == (3, 5)
    assert (created_form.deadline, created_form.start_date) == (deadline, date(2026, 7, 1))
    assert (updated_form.description, updated_form.version, updated_form.title) == (
        "更多细节",
        2,
        None,
    )


def test_progress_reschedule_and_review_inputs_become_their_dataclasses() -> None:
    report = to_use_case(
        ReportProgressInput(task_id=gid("Task", 1), percent=40, summary="完成初稿三版"),
        ProgressReport,
        task_id=1,
    )
    moved = to_use_case(
        RescheduleTaskInput(task_id=gid("Task", 1), reason="供应商延迟", solution="换供应商"),
        RescheduleInput,
        task_id=1,
    )
    review = to_use_case(
        ReviewRequirementInput(requirement_id=gid("Requirement", 1), approve=True),
        ReviewInput,
        requirement_id=1,
        department_id=None,
    )
    assert (report.percent, report.summary, report.problems) == (40, "完成初稿三版", "")
    assert (moved.reason, moved.solution, moved.new_deadline) == ("供应商延迟", "换供应商", None)
    assert (review.approve, review.claimed_tasks) == (True, [])


def test_an_input_field_without_a_place_in_the_use_case_is_refused() -> None:
    # given an input with a field the use case's dataclass lacks
    @strawberry.input(description="A test input")
    class WithExtra:
        task_id: int = strawberry.field(description="The task")
        extra: str = strawberry.field(default="", description="Nowhere to go")

    @dataclasses.dataclass
    class Target:
        task_id: int

    # when it is converted, then the stray field is named; taken by the caller, it passes
    with pytest.raises(TypeError, match="extra"):
        to_use_case(WithExtra(task_id=1), Target)
    assert to_use_case(WithExtra(task_id=1), Target, taken=("extra",)) == Target(task_id=1)
