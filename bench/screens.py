"""The four screens of issue 19 as equivalent documents for CrossFlow and PostGraphile v5.

Each screen has a CrossFlow document, the PostGraphile document that selects the same
data, and a function per server that flattens a response into rows (tuples of ids, codes
and values, in the server's order), so ``bench/compare.py`` can require identical rows
before it times anything.

How the PostGraphile documents match CrossFlow's:
- CrossFlow lists newest first (``id`` descending) by default; PostGraphile is told
  ``orderBy: PRIMARY_KEY_DESC``. A requirement's tasks come in ``seq`` order in both.
- CrossFlow's counts (``commentCount``, ``taskCount``) are PostGraphile's ``totalCount`` of
  the backward relation; CrossFlow's to-many list ``tasks`` is PostGraphile's connection
  ``nodes``; ``requirement(code:)`` is ``requirementByCode(code:)`` (a unique column).
- PostGraphile has no viewer: the staff member's own tasks (CrossFlow's ``myTasks``, the
  signed-in person's) are ``tasks(condition: {assigneeId: …})`` there, the same rows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

Row = tuple[Any, ...]


@dataclass(frozen=True)
class Screen:
    """One screen: both servers' documents and how each response becomes rows."""

    name: str
    title: str
    crossflow: str
    postgraphile: str
    crossflow_rows: Callable[[dict[str, Any]], list[Row]]
    postgraphile_rows: Callable[[dict[str, Any]], list[Row]]


def _get(value: dict[str, Any] | None, *path: str) -> Any:
    """``value[path[0]][path[1]]…``, None as soon as a step is null (an optional relation)."""
    for key in path:
        if value is None:
            return None
        value = value[key]
    return value


def _instant(text: str | None) -> datetime | None:
    """A timestamp as a comparable instant: the servers write time zones differently."""
    return None if text is None else datetime.fromisoformat(text)


def _task_page_row(node: dict[str, Any], comments: int) -> Row:
    return (
        node["code"],
        node["title"],
        _get(node, "requirement", "title"),
        _get(node, "assignee", "displayName"),
        _get(node, "assignee", "department", "name"),
        comments,
    )


def _requirement_page_row(node: dict[str, Any], tasks: int) -> Row:
    return (
        node["code"],
        node["title"],
        _get(node, "initiator", "displayName"),
        _get(node, "initiatingDepartment", "name"),
        tasks,
    )


def _requirement_rows(requirement: dict[str, Any], tasks: list[dict[str, Any]]) -> list[Row]:
    head: Row = (requirement["code"], requirement["title"])
    return [head] + [
        (task["code"], task["title"], task["status"], _get(task, "assignee", "displayName"))
        for task in tasks
    ]


def _own_task_row(node: dict[str, Any]) -> Row:
    return (
        node["code"],
        node["title"],
        node["status"],
        node["progress"],
        _instant(node["deadline"]),
        _get(node, "requirement", "code"),
        _get(node, "requirement", "title"),
    )


def _nodes(connection: dict[str, Any]) -> list[dict[str, Any]]:
    return [edge["node"] for edge in connection["edges"]]


SCREENS = {
    screen.name: screen
    for screen in (
        Screen(
            name="tasks",
            title="task list, page of 50",
            crossflow="""query TaskPage($first: Int!) { tasks(first: $first) { edges { node {
  code title requirement { title } assignee { displayName department { name } } commentCount
} } } }""",
            postgraphile="""query TaskPage($first: Int!) {
  tasks(first: $first, orderBy: PRIMARY_KEY_DESC) { edges { node {
  code title requirement { title } assignee { displayName department { name } }
  comments { totalCount } } } } }""",
            crossflow_rows=lambda data: [
                _task_page_row(node, node["commentCount"]) for node in _nodes(data["tasks"])
            ],
            postgraphile_rows=lambda data: [
                _task_page_row(node, node["comments"]["totalCount"])
                for node in _nodes(data["tasks"])
            ],
        ),
        Screen(
            name="requirements",
            title="requirement list, page of 20 with initiator, department, task count",
            crossflow="""query RequirementPage($first: Int!) { requirements(first: $first) {
  edges { node { code title initiator { displayName } initiatingDepartment { name }
  taskCount } } } }""",
            postgraphile="""query RequirementPage($first: Int!) {
  requirements(first: $first, orderBy: PRIMARY_KEY_DESC) {
  edges { node { code title initiator { displayName } initiatingDepartment { name }
  tasks { totalCount } } } } }""",
            crossflow_rows=lambda data: [
                _requirement_page_row(node, node["taskCount"])
                for node in _nodes(data["requirements"])
            ],
            postgraphile_rows=lambda data: [
                _requirement_page_row(node, node["tasks"]["totalCount"])
                for node in _nodes(data["requirements"])
            ],
        ),
        Screen(
            name="requirement",
            title="one requirement with its tasks and assignees",
            crossflow="""query RequirementTasks($code: String!) { requirement(code: $code) {
  code title tasks { code title status assignee { displayName } } } }""",
            postgraphile="""query RequirementTasks($code: String!) {
  requirementByCode(code: $code) { code title
  tasks(orderBy: SEQ_ASC) { nodes { code title status assignee { displayName } } } } }""",
            crossflow_rows=lambda data: _requirement_rows(
                data["requirement"], data["requirement"]["tasks"]
            ),
            postgraphile_rows=lambda data: _requirement_rows(
                data["requirementByCode"], data["requirementByCode"]["tasks"]["nodes"]
            ),
        ),
        Screen(
            name="myTasks",
            title="a staff member's own tasks, page of 20",
            crossflow="""query MyTasks($first: Int!) { myTasks(first: $first) { edges { node {
  code title status progress deadline requirement { code title } } } } }""",
            postgraphile="""query MyTasks($first: Int!, $assignee: Int!) {
  tasks(first: $first, orderBy: PRIMARY_KEY_DESC, condition: {assigneeId: $assignee}) {
  edges { node { code title status progress deadline requirement { code title } } } } }""",
            crossflow_rows=lambda data: [_own_task_row(node) for node in _nodes(data["myTasks"])],
            postgraphile_rows=lambda data: [_own_task_row(node) for node in _nodes(data["tasks"])],
        ),
    )
}
