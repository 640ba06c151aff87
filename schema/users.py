"""Users, delegations (代理审批) and API tokens."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry
from strawberry import relay

import models
from crossflow import clock
from resolvers import listing
from resolvers.keyset import Ordering
from schema.base import Info, ModelNode, load_one
from schema.enums import Role
from schema.filters import UserFilter, UserOrder
from schema.pagination import Connection, ordering, paginate
from schema.permissions import SignedIn

if TYPE_CHECKING:
    from schema.departments import DepartmentType


@strawberry.type(name="User", description="A person who signs in")
class UserType(ModelNode):
    model = models.User

    id: relay.NodeID[int]
    username: str
    display_name: str
    role: Role
    is_active: bool
    language: str
    updated_at: datetime = strawberry.field(
        description="When this record last changed (UTC); filter or sort by it to load changes"
    )

    @strawberry.field
    async def department(
        self, root: models.User, info: Info
    ) -> Annotated[DepartmentType, strawberry.lazy("schema.departments")] | None:
        return await load_one(info, models.Department, root.department_id)


@strawberry.type(name="Delegation", description="A head's delegate for a period (代理审批)")
class DelegationType(ModelNode):
    model = models.Delegation

    id: relay.NodeID[int]
    starts_at: datetime
    ends_at: datetime
    revoked_at: datetime | None
    note: str

    @strawberry.field
    async def head(self, root: models.Delegation, info: Info) -> UserType | None:
        return await load_one(info, models.User, root.head_id)

    @strawberry.field
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
    name: str
    prefix: str
    role: Role
    created_at: datetime
    expires_at: datetime | None
    revoked_at: datetime | None
    last_used_at: datetime | None


BY_USERNAME = Ordering(listing.USER_SORTS["USERNAME"])


@strawberry.type
class UserQueries:
    @strawberry.field(
        description="The people directory (active people unless includeInactive), by username",
        permission_classes=[SignedIn],
    )
    async def users(
        self,
        info: Info,
        filter: UserFilter | None = None,
        order_by: UserOrder | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> Connection[UserType]:
        viewer = info.context.require_viewer()
        criteria = filter.criteria() if filter else listing.UserCriteria()
        order = ordering(order_by, listing.USER_SORTS, default=BY_USERNAME)
        return await paginate(listing.users(viewer, criteria), first, after, order=order)
