"""Departments (部门) and their heads."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry
from strawberry import relay
from tortoise.queryset import QuerySet

import models
from schema.base import Info, ModelNode, load_children, load_one

if TYPE_CHECKING:
    from schema.people.users import UserType


@strawberry.type(name="Department", description="A department (部门), known by its code")
class DepartmentType(ModelNode):
    model = models.Department

    id: relay.NodeID[int]
    code: str = strawberry.field(
        description="Stable short code, e.g. market; reports name departments by it"
    )
    name: str = strawberry.field(description="The Chinese name, e.g. 市场部")
    name_en: str = strawberry.field(description="The English name, e.g. Marketing")
    is_active: bool = strawberry.field(description="False once the department is retired")
    updated_at: datetime = strawberry.field(
        description="When this record last changed (UTC); filter or sort by it to load changes"
    )

    @strawberry.field(description="The head of the department (部门负责人)")
    async def head(
        self, root: models.Department, info: Info
    ) -> Annotated[UserType, strawberry.lazy("schema.people.users")] | None:
        headships = await load_children(info, models.DepartmentHead, "department_id", root.id)
        return await load_one(info, models.User, headships[0].user_id) if headships else None


@strawberry.type
class DepartmentQueries:
    @strawberry.field(description="Every active department, in display order")
    async def departments(self, info: Info) -> list[DepartmentType]:
        info.context.require_viewer()
        return await department_list()  # type: ignore[return-value]


def department_list() -> QuerySet[models.Department]:
    """Every active department, in display order (the model's): also the compiled path's
    rows of ``departments`` (``schema/compiled/roots.py``)."""
    return models.Department.filter(is_active=True)
