"""Users, delegations (代理审批) and API tokens."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry
from strawberry import relay
from tortoise.queryset import QuerySet

import models
from core import clock
from resolvers import listing
from resolvers.access.auth import Viewer
from resolvers.keyset import Ordering
from schema.access.permissions import SignedIn
from schema.base import Info, ModelNode, load_one
from schema.enums import Role
from schema.filters import UserFilter, UserOrder
from schema.pagination import After, Connection, First, ordering, paginate

if TYPE_CHECKING:
    from schema.people.departments import DepartmentType


@strawberry.type(name="User", description="A person who signs in")
class UserType(ModelNode):
    model = models.User

    id: relay.NodeID[int]
    username: str = strawberry.field(description="The sign-in name, unique; @mentions use it")
    display_name: str = strawberry.field(description="The name people see, e.g. 张伟")
    role: Role = strawberry.field(description="What the person may do")
    is_active: bool = strawberry.field(description="False once the account is deactivated")
    language: str = strawberry.field(
        description="Language of their messages and e-mails: zh (default) or en"
    )
    updated_at: datetime = strawberry.field(
        description="When this record last changed (UTC); filter or sort by it to load changes"
    )

    @strawberry.field(description="The department the person belongs to")
    async def department(
        self, root: models.User, info: Info
    ) -> Annotated[DepartmentType, strawberry.lazy("schema.people.departments")] | None:
        return await load_one(info, models.Department, root.department_id)


@strawberry.type(name="Delegation", description="A head's delegate for a period (代理审批)")
class DelegationType(ModelNode):
    model = models.Delegation

    id: relay.NodeID[int]
    starts_at: datetime = strawberry.field(description="Start of the period, UTC")
    ends_at: datetime = strawberry.field(description="End of the period (excluded), UTC")
    revoked_at: datetime | None = strawberry.field(description="When it was revoked, UTC")
    note: str = strawberry.field(description="Why, e.g. 出差")

    @strawberry.field(description="The department head who named the delegate")
    async def head(self, root: models.Delegation, info: Info) -> UserType | None:
        return await load_one(info, models.User, root.head_id)

    @strawberry.field(description="Who acts with the head's review and acceptance rights")
    async def delegate(self, root: models.Delegation, info: Info) -> UserType | None:
        return await load_one(info, models.User, root.delegate_id)

    @strawberry.field(description="Whether the delegation is in force now")
    def is_active(self, root: models.Delegation) -> bool:
        now = clock.now()
        return root.revoked_at is None and root.starts_at <= now < root.ends_at


@strawberry.type(name="ApiToken", description="A token for BI tools; the secret is shown once")
class ApiTokenType(ModelNode):
    model = models.ApiToken

    id: relay.NodeID[int]
    name: str = strawberry.field(description="What the token is for, e.g. the BI tool's name")
    prefix: str = strawberry.field(
        description="The secret's first characters, to recognise it (the rest is not stored)"
    )
    role: Role = strawberry.field(description="The role it acts with (BI: read-only)")
    created_at: datetime = strawberry.field(description="When it was issued, UTC")
    expires_at: datetime | None = strawberry.field(
        description="When it stops working, UTC; null: never"
    )
    revoked_at: datetime | None = strawberry.field(description="When it was revoked, UTC")
    last_used_at: datetime | None = strawberry.field(description="When it was last used, UTC")


BY_USERNAME = Ordering(listing.USER_SORTS["USERNAME"])


def user_list(
    viewer: Viewer, filter: UserFilter | None, order_by: UserOrder | None
) -> tuple[QuerySet[models.User], Ordering]:
    """The directory's rows and order for ``users``: the resolver's and the compiled path's."""
    criteria = filter.criteria() if filter else listing.UserCriteria()
    return listing.users(viewer, criteria), ordering(
        order_by, listing.USER_SORTS, default=BY_USERNAME
    )


@strawberry.type
class UserQueries:
    @strawberry.field(
        description="The people directory (active people unless includeInactive), by username",
        permission_classes=[SignedIn],
    )
    async def users(
        self,
        info: Info,
        filter: Annotated[
            UserFilter | None, strawberry.argument(description="Only people matching it")
        ] = None,
        order_by: Annotated[
            UserOrder | None, strawberry.argument(description="Sort order; default by username")
        ] = None,
        first: First = None,
        after: After = None,
    ) -> Connection[UserType]:
        rows, order = user_list(info.context.require_viewer(), filter, order_by)
        return await paginate(rows, first, after, order=order)
