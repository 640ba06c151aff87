"""After the work: result reports, the archive (知识库), feedback and suggestions."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry
from strawberry import relay

import models
from schema.base import Info, ModelNode, load_one, load_through
from schema.enums import FeedbackKind, SuggestionStatus

if TYPE_CHECKING:
    from schema.departments import DepartmentType
    from schema.requirements import RequirementType
    from schema.users import UserType

UserRef = Annotated["UserType", strawberry.lazy("schema.users")]
DepartmentRef = Annotated["DepartmentType", strawberry.lazy("schema.departments")]
RequirementRef = Annotated["RequirementType", strawberry.lazy("schema.requirements")]


@strawberry.type(name="ResultReport", description="The Collaboration Result Report (协作成果报告)")
class ResultReportType(ModelNode):
    model = models.ResultReport

    id: relay.NodeID[int]
    goal_achievement: str
    contributions: str
    problems: str
    created_at: datetime

    @strawberry.field
    async def requirement(self, root: models.ResultReport, info: Info) -> RequirementRef | None:
        return await load_one(info, models.Requirement, root.requirement_id)

    @strawberry.field
    async def author(self, root: models.ResultReport, info: Info) -> UserRef | None:
        return await load_one(info, models.User, root.author_id)


@strawberry.type(name="Archive", description="A read-only record in the knowledge base (知识库)")
class ArchiveType(ModelNode):
    model = models.Archive

    id: relay.NodeID[int]
    title: str
    summary: str
    created_at: datetime

    @strawberry.field
    async def requirement(self, root: models.Archive, info: Info) -> RequirementRef | None:
        return await load_one(info, models.Requirement, root.requirement_id)

    @strawberry.field
    async def archived_by(self, root: models.Archive, info: Info) -> UserRef | None:
        return await load_one(info, models.User, root.archived_by_id)


@strawberry.type(name="Feedback", description="The Collaboration Feedback Form (协作反馈表)")
class FeedbackType(ModelNode):
    model = models.Feedback

    id: relay.NodeID[int]
    code: str = strawberry.field(description="Human code, e.g. FK202407001")
    kind: FeedbackKind
    content: str
    proposal: str
    handling_result: str
    created_at: datetime

    @strawberry.field
    async def requirement(self, root: models.Feedback, info: Info) -> RequirementRef | None:
        return await load_one(info, models.Requirement, root.requirement_id)

    @strawberry.field
    async def author(self, root: models.Feedback, info: Info) -> UserRef | None:
        return await load_one(info, models.User, root.author_id)

    @strawberry.field
    async def author_department(self, root: models.Feedback, info: Info) -> DepartmentRef | None:
        return await load_one(info, models.Department, root.author_department_id)

    @strawberry.field(description="Departments the feedback is about")
    async def departments(self, root: models.Feedback, info: Info) -> list[DepartmentRef]:
        return await load_through(
            info,
            models.FeedbackDepartment,
            "feedback_id",
            root.id,
            models.Department,
            "department_id",
        )


@strawberry.type(name="Suggestion", description="A process improvement suggestion (流程优化建议表)")
class SuggestionType(ModelNode):
    model = models.Suggestion

    id: relay.NodeID[int]
    code: str = strawberry.field(description="Human code, e.g. YJ202407001")
    contact: str
    pain_point: str
    proposal: str
    expected_effect: str
    status: SuggestionStatus
    evaluation_note: str
    evaluated_at: datetime | None
    remarks: str
    created_at: datetime

    @strawberry.field
    async def department(self, root: models.Suggestion, info: Info) -> DepartmentRef | None:
        return await load_one(info, models.Department, root.department_id)

    @strawberry.field
    async def proposer(self, root: models.Suggestion, info: Info) -> UserRef | None:
        return await load_one(info, models.User, root.proposer_id)

    @strawberry.field
    async def evaluated_by(self, root: models.Suggestion, info: Info) -> UserRef | None:
        return await load_one(info, models.User, root.evaluated_by_id)
