"""Requirements, users, notifications, archives and suggestions: filters and orderBy.

Task lists, cursors and the page cap are in ``test_task_lists.py``; the machinery is shared.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from graphql import GraphQLObjectType
from strawberry.relay import to_base64

from core import clock
from models import Department, Notification, Requirement, Suggestion, Task, User
from models.enums import NotificationKind, Priority
from schema import schema
from tests.conftest import GraphQLClient

REQUIREMENTS = """query($filter: RequirementFilter, $orderBy: RequirementOrder, $first: Int,
  $after: String) {
  requirements(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { code taskCount initiator { username } } } } }"""
USERS = """query($filter: UserFilter, $orderBy: UserOrder, $first: Int, $after: String) {
  users(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { username } } } }"""
NOTIFICATIONS = """query($unreadOnly: Boolean! = false, $filter: NotificationFilter,
  $orderBy: NotificationOrder) {
  notifications(unreadOnly: $unreadOnly, filter: $filter, orderBy: $orderBy) {
    totalCount edges { node { title kind } } } }"""
ARCHIVES = """query($search: String, $filter: ArchiveFilter, $orderBy: ArchiveOrder) {
  archives(search: $search, filter: $filter, orderBy: $orderBy) {
    totalCount edges { node { title } } } }"""
SUGGESTIONS = """query($filter: SuggestionFilter, $orderBy: SuggestionOrder) {
  suggestions(filter: $filter, orderBy: $orderBy) { totalCount edges { node { code status } } } }"""


def gid(type_name: str, pk: int) -> str:
    return to_base64(type_name, pk)


async def all_pages(client: GraphQLClient, query: str, name: str, **variables: Any) -> list[Any]:
    nodes: list[Any] = []
    after = None
    while True:
        data = (await client.data(query, {**variables, "first": 2, "after": after}))[name]
        nodes += [edge["node"] for edge in data["edges"]]
        if not data["pageInfo"]["hasNextPage"]:
            return nodes
        after = data["pageInfo"]["endCursor"]


async def requirement_codes(client: GraphQLClient, requirement_filter: dict[str, Any]) -> list[str]:
    order = {"field": "CODE", "direction": "ASC"}
    data = await client.data(REQUIREMENTS, {"filter": requirement_filter, "orderBy": order})
    codes = [edge["node"]["code"] for edge in data["requirements"]["edges"]]
    assert data["requirements"]["totalCount"] == len(codes)
    return codes


async def test_requirement_filters(client: GraphQLClient, demo: None) -> None:
    admin = await client.sign_in("admin")

    async def codes(**where: Any) -> list[str]:
        return sorted(r.code for r in await Requirement.filter(**where))

    every = await codes()
    assert await requirement_codes(admin, {}) == every
    statuses = ["DRAFT", "ARCHIVED"]
    assert await requirement_codes(admin, {"statuses": statuses}) == await codes(
        status__in=statuses
    )
    finance = await Department.get(code="finance")
    involved = await codes(involvements__department_id=finance.id)
    assert involved and involved != every
    assert await requirement_codes(admin, {"departmentIds": [gid("Department", finance.id)]}) == (
        involved
    )
    market_head = await User.get(username="market_head")
    by_initiator = {"initiatorId": gid("User", market_head.id)}
    assert await requirement_codes(admin, by_initiator) == await codes(initiator_id=market_head.id)
    assert await requirement_codes(admin, {"priority": "URGENT"}) == await codes(
        priority=Priority.URGENT
    )
    assert await requirement_codes(admin, {"text": "Q3"}) == await codes(title__contains="Q3")
    dated = sorted((r for r in await Requirement.all() if r.expected_by), key=lambda r: r.id)
    day = dated[0].expected_by
    assert day is not None
    window = {"expectedBy": {"from": day.isoformat(), "to": day.isoformat()}}
    assert await requirement_codes(admin, window) == await codes(expected_by=day)
    future = {"createdAt": {"from": (clock.now() + timedelta(days=1)).isoformat()}}
    assert await requirement_codes(admin, future) == []


async def test_requirement_filters_stay_in_scope(client: GraphQLClient, demo: None) -> None:
    staff = await client.sign_in("legal_staff")
    legal = await Department.get(code="legal")
    visible = await requirement_codes(staff, {})
    assert set(await requirement_codes(staff, {"text": "X"})) <= set(visible)
    assert set(
        await requirement_codes(staff, {"departmentIds": [gid("Department", legal.id)]})
    ) <= (set(visible))


async def test_requirements_ordered_by_expected_date_with_task_counts(
    client: GraphQLClient, demo: None
) -> None:
    await Requirement.filter(title="费用报销流程线上化推行").update(expected_by=None)
    ceo = await client.sign_in("ceo")
    order = {"field": "EXPECTED_BY", "direction": "DESC"}
    nodes = await all_pages(ceo, REQUIREMENTS, "requirements", orderBy=order)
    rows = await Requirement.all()
    dated = sorted((r for r in rows if r.expected_by), key=lambda r: (r.expected_by, r.id))
    undated = [r for r in rows if r.expected_by is None]
    assert [n["code"] for n in nodes] == [r.code for r in dated[::-1] + undated]
    for node in nodes:
        assert node["taskCount"] == await Task.filter(requirement__code=node["code"]).count()


@pytest.mark.parametrize(
    ("requirement_filter", "field"),
    [
        ({"expectedBy": {"from": "2027-02-01", "to": "2027-01-01"}}, "expectedBy"),
        ({"departmentIds": ["nope"]}, "departmentIds"),
        ({"initiatorId": to_base64("Department", 1)}, "initiatorId"),
    ],
)
async def test_an_invalid_requirement_filter_names_its_field(
    client: GraphQLClient, demo: None, requirement_filter: dict[str, Any], field: str
) -> None:
    admin = await client.sign_in("admin")
    body = await admin.post(REQUIREMENTS, {"filter": requirement_filter})
    assert body["errors"][0]["extensions"]["field"] == field
    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


async def test_the_user_directory(client: GraphQLClient, demo: None) -> None:
    await User.filter(username="legal_staff").update(is_active=False)
    staff = await client.sign_in("sales_staff")
    everyone = await all_pages(staff, USERS, "users")
    active = await User.filter(is_active=True).order_by("username")
    assert [n["username"] for n in everyone] == [u.username for u in active]
    with_inactive = await staff.data(USERS, {"filter": {"includeInactive": True}, "first": 100})
    assert with_inactive["users"]["totalCount"] == await User.all().count()
    sales = await Department.get(code="sales")
    in_sales = {"departmentIds": [gid("Department", sales.id)]}
    heads = {"roles": ["DEPT_HEAD"], "text": "sales"}
    data = await staff.data(USERS, {"filter": in_sales, "first": 100})
    assert {e["node"]["username"] for e in data["users"]["edges"]} == {"sales_head", "sales_staff"}
    data = await staff.data(USERS, {"filter": heads})
    assert [e["node"]["username"] for e in data["users"]["edges"]] == ["sales_head"]
    by_name = {"field": "DISPLAY_NAME", "direction": "DESC"}
    nodes = await all_pages(staff, USERS, "users", orderBy=by_name)
    expected = sorted(active, key=lambda u: (u.display_name, u.id), reverse=True)
    assert [n["username"] for n in nodes] == [u.username for u in expected]


async def test_the_user_directory_needs_a_sign_in(client: GraphQLClient, demo: None) -> None:
    assert await client.error_code(USERS) == "UNAUTHENTICATED"


async def test_notifications_filter_by_kind_and_unread(client: GraphQLClient, demo: None) -> None:
    staff = await User.get(username="market_staff")
    kinds = [NotificationKind.MENTION, NotificationKind.SYSTEM, NotificationKind.MENTION]
    for n, kind in enumerate(kinds):
        await Notification.create(
            recipient=staff,
            kind=kind,
            title=f"通知{n}",
            read_at=clock.now() if n == 0 else None,
        )
    await Notification.create(
        recipient=await User.get(username="sales_staff"), kind=NotificationKind.MENTION, title="x"
    )
    client = await client.sign_in("market_staff")

    async def titles(**variables: Any) -> list[str]:
        data = (await client.data(NOTIFICATIONS, variables))["notifications"]
        assert data["totalCount"] == len(data["edges"])
        return [edge["node"]["title"] for edge in data["edges"]]

    assert await titles() == ["通知2", "通知1", "通知0"]
    assert await titles(unreadOnly=True) == ["通知2", "通知1"]
    assert await titles(filter={"unreadOnly": True}) == ["通知2", "通知1"]
    assert await titles(filter={"kinds": ["MENTION"]}) == ["通知2", "通知0"]
    both = {"kinds": ["MENTION"], "unreadOnly": True}
    assert await titles(filter=both) == ["通知2"]
    oldest = {"field": "CREATED_AT", "direction": "ASC"}
    assert await titles(orderBy=oldest) == ["通知0", "通知1", "通知2"]


async def test_archives_search_in_filter_or_argument(client: GraphQLClient, demo: None) -> None:
    ceo = await client.sign_in("ceo")
    total = (await ceo.data(ARCHIVES))["archives"]["totalCount"]
    assert total == 1
    for variables in ({"search": "温控器"}, {"filter": {"search": "温控器"}}):
        assert (await ceo.data(ARCHIVES, variables))["archives"]["totalCount"] == 1
    both = {"search": "温控器", "filter": {"search": "报销流程"}}
    assert (await ceo.data(ARCHIVES, both))["archives"]["totalCount"] == 0
    newest = {"field": "ARCHIVED_AT", "direction": "DESC"}
    assert (await ceo.data(ARCHIVES, {"orderBy": newest}))["archives"]["totalCount"] == 1


async def test_suggestions_filter_by_status_and_order_by_code(
    client: GraphQLClient, demo: None
) -> None:
    proposer = await User.get(username="sales_staff")
    for n, status in enumerate(["SUBMITTED", "ADOPTED", "SUBMITTED"]):
        await Suggestion.create(
            code=f"YJ20261100{3 - n}",
            proposer=proposer,
            pain_point="慢",
            proposal="快",
            status=status,
        )
    staff = await client.sign_in("rnd_staff")
    by_code = {"field": "CODE", "direction": "ASC"}
    data = await staff.data(SUGGESTIONS, {"orderBy": by_code})
    assert [e["node"]["code"] for e in data["suggestions"]["edges"]] == [
        "YJ202611001",
        "YJ202611002",
        "YJ202611003",
    ]
    submitted = await staff.data(SUGGESTIONS, {"filter": {"statuses": ["SUBMITTED"]}})
    assert submitted["suggestions"]["totalCount"] == 2


def test_every_list_is_a_connection_with_filter_and_order_by() -> None:
    query = schema._schema.query_type
    assert query is not None
    for name in ("requirements", "tasks", "myTasks", "users", "notifications", "archives",
                 "suggestions"):  # fmt: skip
        field = query.fields[name]
        assert {"filter", "orderBy", "first", "after"} <= set(field.args), name
        connection = field.type.of_type
        assert {"edges", "pageInfo", "totalCount"} <= set(connection.fields), name


def test_every_object_with_an_id_implements_node() -> None:
    """Every entity is reachable through ``node(id)``; values without ids are not entities."""
    for graphql_type in schema._schema.type_map.values():
        if not isinstance(graphql_type, GraphQLObjectType) or graphql_type.name.startswith("__"):
            continue
        if "id" in graphql_type.fields:
            interfaces = {i.name for i in graphql_type.interfaces}
            assert "Node" in interfaces, graphql_type.name
