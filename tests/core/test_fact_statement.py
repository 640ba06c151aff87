"""Rows of several tables, each chosen by its own queryset, in one statement (the warning
rules' reads): branches of integer facts, the columns a reader names, whole rows."""

from __future__ import annotations

from tortoise.context import TortoiseContext
from tortoise.expressions import Subquery

from core.fact_statement import FactStatement
from models import Department, Task, User
from models.enums import Priority, TaskStatus
from tests.support.sql_log import counted_statements


async def test_dependent_reads_are_one_statement_converted_as_tortoise_converts_them(
    db: TortoiseContext, demo: None
) -> None:
    # given urgent tasks, and readers of them: their columns, their requirement's code,
    # their assignees' rows whole, and a plain fact about their departments
    urgent = Task.filter(priority=Priority.URGENT)
    expected = await urgent.order_by("id").values(
        "id", "code", "deadline", "status", "requirement__code", "executing_department__name"
    )
    assert expected
    statement = FactStatement()
    # listed path-first: the branch's own row is joined all the same
    tasks = statement.add_rows(
        urgent, ("executing_department__name", "requirement__code", "id", "code", "deadline")
    )
    statuses = statement.add_rows(urgent, ("status",))
    people = statement.add_ids(
        [
            urgent.distinct().values_list("assignee_id"),
            User.filter(username="admin").values_list("id"),
        ],
        User,
        "department",
    )
    departments = statement.add(
        Department.filter(id__in=Subquery(urgent.values("executing_department_id"))).values_list(
            "id", "id"
        )
    )
    # when it is read
    with counted_statements() as sent:
        rows = await statement.read()
    # then it took one statement
    assert len(sent) == 1
    # and each branch gives what Tortoise's values() gives, in id order
    assert rows.values(tasks) == [
        {
            key: row[key]
            for key in ("executing_department__name", "requirement__code", "id", "code", "deadline")
        }
        for row in expected
    ]
    assert [row["status"] for row in rows.values(statuses)] == [
        TaskStatus(row["status"]) for row in expected
    ]
    # and the rows read whole are the models' own, their departments with them
    assigned = {
        user_id for user_id in await urgent.values_list("assignee_id", flat=True) if user_id
    }
    found = {
        rows.id_of(kind, row): rows.instance(kind, row) for kind in people for row in rows.of(kind)
    }
    assert set(found) == assigned | {(await User.get(username="admin")).id}
    for user in found.values():
        stored = await User.get(id=user.id).prefetch_related("department")
        assert (user.username, user.display_name) == (stored.username, stored.display_name)
    for kind in people:
        for row in rows.of(kind):
            department = rows.instance(kind, row, "department")
            owner = found[rows.id_of(kind, row)]
            assert (department.id if department else None) == owner.department_id
    # and a plain fact is its integer columns
    assert {c for c, _ in rows.columns(departments, 2)} == {
        d for d in await urgent.values_list("executing_department_id", flat=True)
    }
