"""The scope fails closed: every table Tortoise knows declares who reads its rows, and a
table without a declaration is read by the ADMIN alone (resolvers/access/scope.py)."""

from __future__ import annotations

import pytest
from strawberry.relay import to_base64
from tortoise.context import TortoiseContext

from core.outbox_message import OutboxMessage
from models import Department, User
from resolvers.access import scope
from resolvers.access.auth import Viewer
from tests.conftest import GraphQLClient

NODE = "query($id: ID!) { node(id: $id) { id } }"


async def test_every_model_tortoise_knows_has_a_declared_scope(db: TortoiseContext) -> None:
    # given every model in Tortoise's app registry, the kernel's outbox table included
    assert db.apps is not None
    registered = list(db.apps.get_models_iterable())
    assert OutboxMessage in registered and Department in registered
    # then each one declares its scope (directory data explicitly as everyone's)
    undeclared = sorted(model.__name__ for model in registered if not scope.declared(model))
    assert undeclared == []


async def test_an_undeclared_table_is_read_by_the_admin_alone(
    client: GraphQLClient, demo: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given the departments, whose declaration (readable by everyone) is taken away
    department = await Department.get(code="sales")
    monkeypatch.delitem(scope._SCOPES, Department)
    staff = Viewer.of_user(await User.get(username="sales_staff"))
    executive = Viewer.of_user(await User.get(username="ceo"))
    admin = Viewer.of_user(await User.get(username="admin"))
    # when each lists them, then only the admin reads any, even those who read everything
    # else (the executive) read none
    assert await scope.scoped(Department, staff).count() == 0
    assert await scope.scoped(Department, executive).count() == 0
    assert await scope.scoped(Department, admin).count() == await Department.all().count() > 0
    # and through the API a member of that very department gets NOT_FOUND for it
    member = await client.sign_in("sales_staff")
    variables = {"id": to_base64("Department", department.id)}
    assert await member.error_code(NODE, variables) == "NOT_FOUND"
    chief = await client.sign_in("admin")
    assert (await chief.data(NODE, variables))["node"] == {"id": variables["id"]}


async def test_a_declared_directory_table_stays_readable_by_everyone(
    client: GraphQLClient, demo: None
) -> None:
    # given the departments with their declaration in place
    department = await Department.get(code="sales")
    variables = {"id": to_base64("Department", department.id)}
    # when someone of another department reads it, then they get it
    outsider = await client.sign_in("market_staff")
    assert (await outsider.data(NODE, variables))["node"] == {"id": variables["id"]}
