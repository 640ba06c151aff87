"""Sign-off modes and acts (会签/或签, 加签, 转交, 催办), the acceptance group's decisions
and pinned files, and a person's delegations (代理审批)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry

import models
from resolvers.access import delegations
from resolvers.access.auth import Viewer
from resolvers.requirements import review_acts
from schema.access.permissions import CanWrite, SignedIn
from schema.base import Info, load_children, load_one
from schema.enums import ResultDecision, SignOffMode
from schema.ids import decode_id, decode_optional_id

if TYPE_CHECKING:
    from schema.files.attachments import AttachmentVersionType
    from schema.people.departments import DepartmentType
    from schema.people.users import DelegationType, UserType
    from schema.requirements.requirement import RequirementType

UserRef = Annotated["UserType", strawberry.lazy("schema.people.users")]
DepartmentRef = Annotated["DepartmentType", strawberry.lazy("schema.people.departments")]
DelegationRef = Annotated["DelegationType", strawberry.lazy("schema.people.users")]
RequirementRef = Annotated["RequirementType", strawberry.lazy("schema.requirements.requirement")]
VersionRef = Annotated["AttachmentVersionType", strawberry.lazy("schema.files.attachments")]

REQUIREMENT_ID = strawberry.argument(description="The requirement (global id)")


def _acting_on(info: Info, requirement_id: strawberry.ID) -> tuple[Viewer, int]:
    """Who acts and on which requirement: every sign-off act starts with these two."""
    return info.context.require_viewer(), decode_id(requirement_id, "Requirement", "requirementId")


@strawberry.type(
    name="AddedSigner",
    description="加签: a department added to a review round or to a submission's acceptance",
)
class AddedSignerType:
    created_at: datetime = strawberry.field(description="When it was added, UTC")

    @strawberry.field(description="The department whose head must now sign too")
    async def department(
        self, root: models.RoundSigner | models.ResultSigner, info: Info
    ) -> DepartmentRef | None:
        return await load_one(info, models.Department, root.department_id)

    @strawberry.field(description="The reviewer (or group member) who added it")
    async def added_by(
        self, root: models.RoundSigner | models.ResultSigner, info: Info
    ) -> UserRef | None:
        return await load_one(info, models.User, root.added_by_id)


@strawberry.type(
    name="ReviewHandover",
    description="转交: a department's review (or acceptance of submitted results) handed over",
)
class ReviewHandoverType:
    created_at: datetime = strawberry.field(description="When it was handed over, UTC")

    @strawberry.field(description="The department whose review it is")
    async def department(
        self, root: models.ReviewHandover | models.ResultHandover, info: Info
    ) -> DepartmentRef | None:
        return await load_one(info, models.Department, root.department_id)

    @strawberry.field(description="Who handed it over")
    async def from_user(
        self, root: models.ReviewHandover | models.ResultHandover, info: Info
    ) -> UserRef | None:
        return await load_one(info, models.User, root.from_user_id)

    @strawberry.field(description="Who signs it now, on the head's behalf")
    async def to_user(
        self, root: models.ReviewHandover | models.ResultHandover, info: Info
    ) -> UserRef | None:
        return await load_one(info, models.User, root.to_user_id)

    @strawberry.field(description="The head the review belongs to")
    async def head(
        self, root: models.ReviewHandover | models.ResultHandover, info: Info
    ) -> UserRef | None:
        return await load_one(info, models.User, root.head_id)


@strawberry.type(
    name="ResultSignoff",
    description="One acceptance group member's decision on submitted results (验收)",
)
class ResultSignoffType:
    decision: ResultDecision = strawberry.field(description="ACCEPTED or REJECTED")
    comment: str = strawberry.field(description="The member's comment")
    signed_at: datetime = strawberry.field(description="When it was decided, UTC")

    @strawberry.field(
        description="The group seat decided for: null for the initiator's, else the "
        "reviewing department whose head (or delegate) decided"
    )
    async def department(self, root: models.ResultSignoff, info: Info) -> DepartmentRef | None:
        if not root.seat.startswith("dept:"):
            return None
        return await load_one(info, models.Department, int(root.seat.removeprefix("dept:")))

    @strawberry.field(description="Who decided")
    async def signed_by(self, root: models.ResultSignoff, info: Info) -> UserRef | None:
        return await load_one(info, models.User, root.signed_by_id)

    @strawberry.field(description="The head a delegate decided for (X on behalf of Y)")
    async def on_behalf_of(self, root: models.ResultSignoff, info: Info) -> UserRef | None:
        return await load_one(info, models.User, root.on_behalf_of_id)


@strawberry.type(
    name="ResultFile",
    description="A file exactly as submitted with the results: the version accepted (pinned)",
)
class ResultFileType:
    file_name: str = strawberry.field(description="The file's name")
    superseded: bool = strawberry.field(
        description="A newer version was uploaded under the same name after submission; it "
        "is not covered by this result's acceptance"
    )
    version: VersionRef = strawberry.field(description="The pinned version (download it)")


async def result_files(info: Info, result: models.TaskResult) -> list[ResultFileType]:
    """The pinned versions of a result, each with its file's name."""
    files = []
    for pin in await load_children(info, models.ResultVersion, "result_id", result.id):
        version = await load_one(info, models.AttachmentVersion, pin.version_id)
        attachment = version and await load_one(info, models.Attachment, version.attachment_id)
        if attachment is None:
            continue
        files.append(
            ResultFileType(
                file_name=attachment.file_name,
                superseded=attachment.current_version > version.number,
                version=version,
            )
        )
    return files


@strawberry.type
class SignOffQueries:
    @strawberry.field(
        description="My delegations (代理审批): those I gave as head and those I received as "
        "delegate, newest first; ended and revoked ones with includeEnded. A token acting for "
        "nobody has none. Errors: UNAUTHENTICATED",
        permission_classes=[SignedIn],
    )
    async def delegations(
        self,
        info: Info,
        include_ended: Annotated[
            bool, strawberry.argument(description="Also ended and revoked delegations")
        ] = False,
    ) -> list[DelegationRef]:
        viewer = info.context.require_viewer()
        return await delegations.my_delegations(viewer, include_ended=include_ended)  # type: ignore[return-value]


@strawberry.type
class SignOffMutations:
    @strawberry.mutation(
        description="End a delegation now (its head or ADMIN). Revoking a revoked one returns "
        "it unchanged. Errors: UNAUTHENTICATED; FORBIDDEN (read-only token); NOT_FOUND "
        "(no such delegation, or not yours: the delegate cannot revoke it either)",
        permission_classes=[CanWrite],
    )
    async def revoke_delegation(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="The delegation")],
    ) -> DelegationRef:
        viewer = info.context.require_viewer()
        pk = decode_id(id, "Delegation", "id")
        return await delegations.revoke_delegation(viewer, pk)  # type: ignore[return-value]

    @strawberry.mutation(
        description="Choose how the requirement is signed off and accepted: ALL (会签) or ANY "
        "(或签); a null leaves one unchanged. The initiator, while it is a DRAFT (a template's "
        "modes are copied when it is made from one). Errors: UNAUTHENTICATED; FORBIDDEN "
        "(read-only token, not the initiator); NOT_FOUND; INVALID_TRANSITION (not DRAFT)",
        permission_classes=[CanWrite],
    )
    async def set_sign_off_modes(
        self,
        info: Info,
        requirement_id: Annotated[strawberry.ID, REQUIREMENT_ID],
        signoff_mode: Annotated[
            SignOffMode | None, strawberry.argument(description="How the heads sign off")
        ] = None,
        acceptance_mode: Annotated[
            SignOffMode | None,
            strawberry.argument(description="How the acceptance group decides results"),
        ] = None,
    ) -> RequirementRef:
        viewer, pk = _acting_on(info, requirement_id)
        return await review_acts.set_signoff_modes(viewer, pk, signoff_mode, acceptance_mode)  # type: ignore[return-value]

    @strawberry.mutation(
        description="加签: as a reviewer who has not signed this round yet, add another "
        "department head; the round then also waits for that head's department (in either "
        "mode), who is asked to review. Errors: UNAUTHENTICATED; FORBIDDEN (read-only token, "
        "not a pending reviewer); NOT_FOUND; INVALID_TRANSITION (not PENDING_REVIEW); "
        "BAD_USER_INPUT (userId: not the head of a department not yet asked)",
        permission_classes=[CanWrite],
    )
    async def add_signer(
        self,
        info: Info,
        requirement_id: Annotated[strawberry.ID, REQUIREMENT_ID],
        user_id: Annotated[
            strawberry.ID, strawberry.argument(description="The head to add (global User id)")
        ],
    ) -> RequirementRef:
        viewer, pk = _acting_on(info, requirement_id)
        user = decode_id(user_id, "User", "userId")
        return await review_acts.add_signer(viewer, pk, user)  # type: ignore[return-value]

    @strawberry.mutation(
        description="转交: hand my pending review in this round to another active member of "
        "the same department (not the initiator), who then signs it on the head's behalf, "
        "and nobody else does. Errors: UNAUTHENTICATED; FORBIDDEN (read-only token, not a "
        "pending reviewer); NOT_FOUND; INVALID_TRANSITION (not PENDING_REVIEW); "
        "BAD_USER_INPUT (toUserId)",
        permission_classes=[CanWrite],
    )
    async def hand_over_review(
        self,
        info: Info,
        requirement_id: Annotated[strawberry.ID, REQUIREMENT_ID],
        to_user_id: Annotated[
            strawberry.ID, strawberry.argument(description="Who takes the review over")
        ],
        department_id: Annotated[
            strawberry.ID | None,
            strawberry.argument(description="The department whose review, when I sign for several"),
        ] = None,
    ) -> RequirementRef:
        viewer, pk = _acting_on(info, requirement_id)
        target = decode_id(to_user_id, "User", "toUserId")
        department = decode_optional_id(department_id, "Department", "departmentId")
        return await review_acts.hand_over_review(viewer, pk, target, department)  # type: ignore[return-value]

    @strawberry.mutation(
        description="催办: the initiator nudges a department whose sign-off is pending; its "
        "head and their active delegates (or whoever the review was handed to) are notified "
        "(REVIEW_REMINDER). At most once per working day per department. Errors: "
        "UNAUTHENTICATED; FORBIDDEN (read-only token, not the initiator); NOT_FOUND; "
        "INVALID_TRANSITION (not PENDING_REVIEW); BAD_USER_INPUT (departmentId: nothing "
        "pending); RATE_LIMITED (already today, with retryAfterSeconds)",
        permission_classes=[CanWrite],
    )
    async def remind_reviewer(
        self,
        info: Info,
        requirement_id: Annotated[strawberry.ID, REQUIREMENT_ID],
        department_id: Annotated[
            strawberry.ID, strawberry.argument(description="The department to nudge")
        ],
    ) -> RequirementRef:
        viewer, pk = _acting_on(info, requirement_id)
        department = decode_id(department_id, "Department", "departmentId")
        return await review_acts.remind_reviewer(viewer, pk, department)  # type: ignore[return-value]
