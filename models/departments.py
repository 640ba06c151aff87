"""Departments (部门): the units that raise, review and carry out work."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tortoise import fields

from models.base import TimestampedModel
from models.directory import AccountSource

if TYPE_CHECKING:
    from models.users import User


class Department(TimestampedModel):
    """A department, known by a short code (``market``) and its Chinese name (市场部)."""

    code = fields.CharField(max_length=32, unique=True)
    name = fields.CharField(max_length=64)
    name_en = fields.CharField(max_length=64, default="")
    is_active = fields.BooleanField(default=True)
    sort_order = fields.IntField(default=0)
    #: The department above this one (the tree an import or a directory brings).
    parent: fields.ForeignKeyNullableRelation[Department] = fields.ForeignKeyField(
        "models.Department", related_name="children", null=True, on_delete=fields.SET_NULL
    )
    #: Who owns the record: an import or a sync changes only departments of its own source.
    source = fields.CharEnumField(
        AccountSource, max_length=16, default=AccountSource.LOCAL, db_default="LOCAL"
    )
    #: The stable key in that source (the OU's ``entryUUID`` for LDAP).
    external_id = fields.CharField(max_length=128, null=True)

    parent_id: int | None

    class Meta:
        table = "department"
        ordering = ["sort_order", "id"]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"

    def __admin_repr__(self, request: object) -> str:
        return str(self)


class DepartmentHead(TimestampedModel):
    """Who heads a department (部门负责人): one head per department.

    A table of its own rather than a column on the department: users already point at
    their department, and a foreign key back would make the two tables a cycle that
    Tortoise cannot order when it creates them.
    """

    department: fields.OneToOneRelation[Department] = fields.OneToOneField(
        "models.Department", related_name="headship", on_delete=fields.CASCADE
    )
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="headships", on_delete=fields.RESTRICT
    )

    department_id: int
    user_id: int

    class Meta:
        table = "department_head"
