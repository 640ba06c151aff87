"""BI tokens read reports and nothing else: every mutation of the schema refuses them.

The structural test covers mutations added later too: a mutation without ``CanWrite`` fails
here before a BI token could ever run it.
"""

from __future__ import annotations

from typing import Any

import pytest
from strawberry.relay import to_base64

from core.security import hash_api_token, new_api_token
from models import AnalysisReport, ApiToken, Notification, Requirement, SavedReport, User
from models.enums import NotificationKind, Role
from schema import Mutation
from schema.access.permissions import CanWrite
from tests.conftest import GraphQLClient

#: Signing in with a password is how a person gets a token: a BI token gains nothing by it.
#: Mutations a caller without any token may run: signing in, by password or by the
#: one-time code of a single sign-on.
ANONYMOUS = {"login", "redeem_sign_on_code"}


def test_every_mutation_refuses_read_only_tokens() -> None:
    definition = Mutation.__strawberry_definition__  # type: ignore[attr-defined]
    unguarded = [
        field.name
        for field in definition.fields
        if field.name not in ANONYMOUS
        and not any(issubclass(p, CanWrite) for p in field.permission_classes)
    ]
    assert definition.fields and unguarded == []


async def token_for(role: Role, user: User | None = None) -> str:
    raw = new_api_token()
    await ApiToken.create(
        name="BI", token_hash=hash_api_token(raw), prefix=raw[:8], role=role, user=user
    )
    return raw


MUTATIONS: dict[str, tuple[str, dict[str, Any]]] = {
    "generateAnalysisReport": ('mutation { generateAnalysisReport(month: "2025-03") { id } }', {}),
    "saveReport": (
        "mutation($i: SaveReportInput!) { saveReport(input: $i) { id } }",
        {"i": {"name": "x", "title": "x", "document": "{ departments { code } }"}},
    ),
    "deleteReport": ("mutation($id: ID!) { deleteReport(id: $id) { id } }", {}),
    "signOutEverywhere": ("mutation { signOutEverywhere { username } }", {}),
    "markNotificationsRead": (
        "mutation($ids: [ID!]!) { markNotificationsRead(ids: $ids) { id readAt } }",
        {},
    ),
    "createRequirement": (
        "mutation($i: CreateRequirementInput!) { createRequirement(input: $i) { id } }",
        {"i": {"title": "BI不能提需求", "involvedDepartmentIds": []}},
    ),
}


@pytest.mark.parametrize("mutation", sorted(MUTATIONS))
async def test_a_bi_token_cannot_run_a_mutation_even_when_it_acts_for_a_person(
    client: GraphQLClient, demo: None, mutation: str
) -> None:
    # given a BI token tied to the admin (its role, not the person's, decides)
    admin = await User.get(username="admin")
    saved = await SavedReport.create(name="kept", title="保留", document="{ departments { code } }")
    notice = await Notification.create(recipient=admin, kind=NotificationKind.SYSTEM, title="hi")
    bi = GraphQLClient(client.http, await token_for(Role.BI, admin))
    document, variables = MUTATIONS[mutation]
    variables = variables or {
        "id": to_base64("SavedReport", saved.id),
        "ids": [to_base64("Notification", notice.id)],
    }
    used = {k: v for k, v in variables.items() if f"${k}" in document}
    requirements = await Requirement.all().count()
    # when it tries the mutation, it is refused and nothing changed
    assert await bi.error_code(document, used) == "FORBIDDEN"
    assert await SavedReport.filter(name="kept").exists()
    assert not await SavedReport.filter(name="x").exists()
    assert not await AnalysisReport.exists()
    assert (await Notification.get(id=notice.id)).read_at is None
    assert await Requirement.all().count() == requirements


async def test_a_bi_token_reads_reports_and_the_directory(
    client: GraphQLClient, demo: None
) -> None:
    bi = GraphQLClient(client.http, await token_for(Role.BI))
    data = await bi.data(
        "{ viewer { username } departments { code } reports { tasksByStatus { count } } }"
    )
    assert data["viewer"] is None  # a token without a person has no profile
    assert len(data["departments"]) == 12
    # and it reads the records reports are built from, like EXECUTIVE
    listed = await bi.data("{ requirements { totalCount } }")
    assert listed["requirements"]["totalCount"] == await Requirement.all().count() > 0
