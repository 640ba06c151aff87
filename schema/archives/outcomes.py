"""The record of an outcome: the result report (协作成果报告) and the archive (知识库).

The initiator's report completes a requirement and an ADMIN then archives it; the
archive's summary is the report's goal achievement, which is why the two live together.
Task results and their acceptance are in ``schema/tasks/results.py``; feedback and
suggestions in ``schema/feedback/forms.py``.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry
from strawberry import relay
from strawberry.scalars import JSON
from tortoise.queryset import QuerySet

import models
from resolvers import listing
from resolvers.access.auth import Viewer
from resolvers.archives import archiving as archives
from resolvers.keyset import Ordering
from resolvers.tasks import results
from schema.access.permissions import CanWrite, SignedIn
from schema.base import Info, ModelNode, load_one
from schema.feedback.forms import FeedbackType
from schema.filters import ArchiveFilter, ArchiveOrder
from schema.ids import decode_id
from schema.pagination import After, Connection, First, ordering, paginate

if TYPE_CHECKING:
    from schema.people.users import UserType
    from schema.requirements.requirement import RequirementType

#: ``FeedbackType`` lives in ``schema/feedback/forms.py``; it is named here as well because
#: ``schema/requirements/requirement.py`` still refers to it lazily through this module.
__all__ = ["ArchiveMutations", "ArchiveQueries", "ArchiveType", "FeedbackType", "ResultReportType"]

UserRef = Annotated["UserType", strawberry.lazy("schema.people.users")]
RequirementRef = Annotated["RequirementType", strawberry.lazy("schema.requirements.requirement")]


@strawberry.type(name="ResultReport", description="The Collaboration Result Report (协作成果报告)")
class ResultReportType(ModelNode):
    model = models.ResultReport

    id: relay.NodeID[int]
    goal_achievement: str = strawberry.field(description="How far the goals were met (目标达成)")
    contributions: str = strawberry.field(description="Each department's contribution (贡献)")
    problems: str = strawberry.field(description="Problems and lessons (问题与改进)")
    created_at: datetime = strawberry.field(description="When it was written, UTC")

    @strawberry.field(description="The requirement it reports on")
    async def requirement(self, root: models.ResultReport, info: Info) -> RequirementRef | None:
        return await load_one(info, models.Requirement, root.requirement_id)

    @strawberry.field(description="Who wrote it (the initiator)")
    async def author(self, root: models.ResultReport, info: Info) -> UserRef | None:
        return await load_one(info, models.User, root.author_id)


@strawberry.type(name="Archive", description="A read-only record in the knowledge base (知识库)")
class ArchiveType(ModelNode):
    model = models.Archive

    id: relay.NodeID[int]
    title: str = strawberry.field(description="The requirement's title when archived")
    summary: str = strawberry.field(description="The result report's goal achievement, shortened")
    confidential: bool = strawberry.field(
        description="true: readable by the requirement's participants only; false: by every "
        "employee"
    )
    created_at: datetime = strawberry.field(description="When it was archived, UTC")
    updated_at: datetime = strawberry.field(
        description="When this record last changed (UTC); filter or sort by it to load changes"
    )

    @strawberry.field(
        description="The archived requirement (read-only); null for readers who are not its "
        "participants (the snapshot holds the record)"
    )
    async def requirement(self, root: models.Archive, info: Info) -> RequirementRef | None:
        return await load_one(info, models.Requirement, root.requirement_id)

    @strawberry.field(description="Who archived it (ADMIN)")
    async def archived_by(self, root: models.Archive, info: Info) -> UserRef | None:
        return await load_one(info, models.User, root.archived_by_id)

    @strawberry.field(
        description="The whole record as archived: form, reviews, tasks with progress, "
        "acceptance (results, each member's decision, pinned file versions), files and their "
        "versions, reschedules, meetings with minutes, the result report"
    )
    def snapshot(self, root: models.Archive) -> JSON:
        return root.snapshot  # type: ignore[return-value]


@strawberry.input(description="The Collaboration Result Report (协作成果报告)")
class SubmitResultReportInput:
    requirement_id: strawberry.ID = strawberry.field(
        description="The requirement (global id), IN_PROGRESS with every task accepted"
    )
    goal_achievement: str = strawberry.field(description="How far the goals were met; required")
    contributions: str = strawberry.field(default="", description="Departments' contributions")
    problems: str = strawberry.field(default="", description="Problems and lessons")


def archive_list(
    viewer: Viewer, search: str | None, filter: ArchiveFilter | None, order_by: ArchiveOrder | None
) -> tuple[QuerySet[models.Archive], Ordering]:
    """The knowledge base's rows and order for ``archives``: the resolver's and the compiled
    path's (a search too long is BAD_USER_INPUT, raised here)."""
    words = " ".join(text for text in (search, filter and filter.search) if text)
    queryset = listing.archives(viewer, words or None, filter.updated() if filter else None)
    return queryset, ordering(order_by, listing.ARCHIVE_SORTS)


@strawberry.type
class ArchiveQueries:
    @strawberry.field(
        description="Archived records (知识库) containing every word of `search`, newest "
        "first; every employee reads those not confidential, a confidential one its "
        "requirement's participants (ADMIN, EXECUTIVE and BI all)",
        permission_classes=[SignedIn],
    )
    async def archives(
        self,
        info: Info,
        search: Annotated[
            str | None, strawberry.argument(description="Words that must all occur")
        ] = None,
        filter: Annotated[
            ArchiveFilter | None, strawberry.argument(description="Only records matching it")
        ] = None,
        order_by: Annotated[
            ArchiveOrder | None, strawberry.argument(description="Sort order; default newest first")
        ] = None,
        first: First = None,
        after: After = None,
    ) -> Connection[ArchiveType]:
        queryset, order = archive_list(info.context.require_viewer(), search, filter, order_by)
        return await paginate(queryset, first, after, order=order)


@strawberry.type
class ArchiveMutations:
    @strawberry.mutation(
        description="Write the result report (协作成果报告), the initiator, once every task is "
        "accepted; the requirement becomes COMPLETED and participants are asked for feedback. "
        "Errors: UNAUTHENTICATED; FORBIDDEN (read-only token, not the initiator, archived); "
        "NOT_FOUND; INVALID_TRANSITION (not IN_PROGRESS, a task not accepted); BAD_USER_INPUT",
        permission_classes=[CanWrite],
    )
    async def submit_result_report(
        self,
        info: Info,
        input: Annotated[SubmitResultReportInput, strawberry.argument(description="The report")],
    ) -> RequirementRef:
        viewer = info.context.require_viewer()
        data = results.ReportInput(
            requirement_id=decode_id(input.requirement_id, "Requirement", "requirementId"),
            goal_achievement=input.goal_achievement,
            contributions=input.contributions,
            problems=input.problems,
        )
        return await results.submit_result_report(viewer, data)  # type: ignore[return-value]

    @strawberry.mutation(
        description="Archive a COMPLETED requirement into the knowledge base (知识库), ADMIN "
        "only; it is read-only afterwards and every employee reads it unless confidential. "
        "Errors: UNAUTHENTICATED; FORBIDDEN (not ADMIN); "
        "NOT_FOUND; INVALID_TRANSITION (not COMPLETED, or no result report); BAD_USER_INPUT",
        permission_classes=[CanWrite],
    )
    async def archive_requirement(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="The requirement's id")],
        confidential: Annotated[
            bool,
            strawberry.argument(
                description="true: only the requirement's participants may read the archive"
            ),
        ] = False,
    ) -> RequirementRef:
        viewer = info.context.require_viewer()
        return await archives.archive_requirement(  # type: ignore[return-value]
            viewer, decode_id(id, "Requirement", "id"), confidential=confidential
        )
