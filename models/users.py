"""People and machine identities: users, delegations (代理审批) and API tokens."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tortoise import fields

from models.base import TimestampedModel
from models.directory import AccountSource
from models.enums import Role

if TYPE_CHECKING:
    from models.departments import Department


class User(TimestampedModel):
    """A person who signs in, the role decides what they may do platform-wide."""

    username = fields.CharField(max_length=64, unique=True)
    display_name = fields.CharField(max_length=64)
    email = fields.CharField(max_length=254, default="")
    phone = fields.CharField(max_length=32, default="")
    role = fields.CharEnumField(Role, max_length=16, default=Role.EMPLOYEE)
    department: fields.ForeignKeyNullableRelation[Department] = fields.ForeignKeyField(
        "models.Department", related_name="members", null=True, on_delete=fields.SET_NULL
    )
    password_hash = fields.CharField(max_length=255)
    is_active = fields.BooleanField(default=True)
    language = fields.CharField(max_length=8, default="zh")
    #: Raised to revoke every bearer token issued before (sign out everywhere).
    token_epoch = fields.IntField(default=0)
    last_login_at = fields.DatetimeField(null=True)
    #: Who owns the identity; decides how the person signs in (a directory account by an
    #: LDAP bind, never by ``password_hash``) and which import or sync may change it.
    source = fields.CharEnumField(
        AccountSource, max_length=16, default=AccountSource.LOCAL, db_default="LOCAL"
    )
    #: The stable key in the source: employee number (or username) for an import, the
    #: entry's ``entryUUID`` for LDAP, so a rename or a move keeps the same account.
    external_id = fields.CharField(max_length=128, null=True)

    department_id: int | None

    class Meta:
        table = "user"
        ordering = ["id"]
        unique_together = (("source", "external_id"),)

    def __str__(self) -> str:
        return f"{self.display_name} ({self.username})"

    def __admin_repr__(self, request: object) -> str:
        return str(self)


class Delegation(TimestampedModel):
    """A head names a delegate who reviews and accepts in their place for a period."""

    head: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="delegations_given", on_delete=fields.CASCADE
    )
    delegate: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="delegations_received", on_delete=fields.CASCADE
    )
    starts_at = fields.DatetimeField()
    ends_at = fields.DatetimeField()
    revoked_at = fields.DatetimeField(null=True)
    note = fields.CharField(max_length=255, default="")

    head_id: int
    delegate_id: int

    class Meta:
        table = "delegation"
        indexes = (("delegate_id", "starts_at"), ("head_id", "starts_at"))


class ApiToken(TimestampedModel):
    """A long-lived token for BI tools and service accounts, only its hash is stored."""

    name = fields.CharField(max_length=128)
    token_hash = fields.CharField(max_length=64, unique=True)
    #: The first characters of the token, to recognise it in lists without revealing it.
    prefix = fields.CharField(max_length=16)
    role = fields.CharEnumField(Role, max_length=16, default=Role.BI)
    user: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="api_tokens", null=True, on_delete=fields.CASCADE
    )
    created_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="api_tokens_created", null=True, on_delete=fields.SET_NULL
    )
    expires_at = fields.DatetimeField(null=True)
    revoked_at = fields.DatetimeField(null=True)
    last_used_at = fields.DatetimeField(null=True)

    user_id: int | None
    created_by_id: int | None

    class Meta:
        table = "api_token"
