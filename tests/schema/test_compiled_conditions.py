"""``@include`` and ``@skip`` on the compiled path (issue 19).

A frontend switches parts of one query on and off with a variable; the compiled path plans
the document once per value of its conditions (``schema/compiled/conditions.py``). Each
request runs through both servers of ``tests/schema/conftest.py`` (compiled path on and
off, one PostgreSQL database) for six kinds of viewer: the same JSON, and the compiled path
answers every one without errors itself, whichever values come first.
"""

from __future__ import annotations

import pytest

from tests.conftest import GraphQLClient
from tests.schema.test_compiled import _vary_the_tasks
from tests.schema.test_compiled_lists import _same, answered_alike
from tests.schema.test_compiled_roots import MENTIONED, _clients, _mention

pytestmark = pytest.mark.postgres

REQUIREMENT = """query($code: String!, $withTasks: Boolean!) { requirement(code: $code) {
  code title tasks @include(if: $withTasks) { code assignee { displayName } } } }"""
#: A default value, an inline fragment and a named one under conditions
BRIEF = """query($brief: Boolean = false) { tasks(first: 5) { totalCount edges { node {
  code ... on Task @skip(if: $brief) { title assignee { displayName } } ...Dates } } } }
fragment Dates on Task { deadline @include(if: true) createdAt @skip(if: true) }"""
#: A whole root under a condition beside another one
DASHBOARD = """query($mine: Boolean!) {
  myTasks(first: 3) @include(if: $mine) { totalCount edges { node { code } } }
  notifications(first: 2) { totalCount } }"""
NOTHING_LEFT = """query($n: Boolean!) { tasks(first: 1) @include(if: $n) { totalCount } }"""


@pytest.mark.parametrize("backend", ["postgres"], indirect=True)
async def test_conditions_answer_as_the_generic_executor_for_each_value(
    apps: tuple[GraphQLClient, GraphQLClient],
) -> None:
    # given the demo and a person @mentioned on one task
    await _vary_the_tasks()
    code, _ = await _mention(MENTIONED)
    # when documents with @include/@skip are sent with each value of their conditions,
    # one value and then the other (each planned on its own)
    requests = [
        (REQUIREMENT, {"code": code, "withTasks": True}),
        (REQUIREMENT, {"code": code, "withTasks": False}),
        (REQUIREMENT, {"code": code, "withTasks": True}),
        (BRIEF, {}),
        (BRIEF, {"brief": True}),
        (DASHBOARD, {"mine": True}),
        (DASHBOARD, {"mine": False}),
    ]
    answers = await answered_alike(apps, requests)
    # then each path answered the same, and the conditions took effect
    with_tasks = answers["admin", 0]["data"]["requirement"]
    without = answers["admin", 1]["data"]["requirement"]
    assert with_tasks["tasks"] and "tasks" not in without
    assert without == {key: with_tasks[key] for key in ("code", "title")}
    full, brief = (answers["admin", n]["data"]["tasks"]["edges"][0]["node"] for n in (3, 4))
    assert set(full) == {"code", "title", "assignee", "deadline"}
    assert set(brief) == {"code", "deadline"}
    assert set(answers["market_staff", 5]["data"]) == {"myTasks", "notifications"}
    assert set(answers["market_staff", 6]["data"]) == {"notifications"}


@pytest.mark.parametrize("backend", ["postgres"], indirect=True)
async def test_every_root_left_out_or_a_condition_missing_is_the_generic_executors(
    apps: tuple[GraphQLClient, GraphQLClient],
) -> None:
    # given an employee on both servers
    fast, slow = await _clients(apps, "market_staff", MENTIONED)
    # when the only root is left out, then both answer an empty data
    answered, compiled = await _same(fast, slow, NOTHING_LEFT, {"n": False})
    assert answered == {"data": {}} and not compiled
    # when a condition's variable is missing or not a Boolean, then both refuse it alike
    for variables in ({}, {"n": "yes"}, {"n": None}):
        answered, compiled = await _same(fast, slow, NOTHING_LEFT, variables)
        assert answered["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
        assert not compiled
