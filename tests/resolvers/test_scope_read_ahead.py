"""Reading a viewer's requirement ids ahead gives exactly the requirements the scope allows."""

from __future__ import annotations

import pytest

from models import Requirement, User
from models.enums import Role
from resolvers.access.auth import Viewer
from resolvers.access.participation import with_participation
from resolvers.access.scope import scoped


async def test_the_ids_read_ahead_are_the_scoped_requirements_of_every_demo_user(
    demo: None,
) -> None:
    # given every person of the demo organisation
    for user in await User.all().order_by("id"):
        viewer = Viewer.of_user(user)
        # when their requirement ids are read ahead
        ahead = await with_participation(viewer)
        # then they are the requirements the scope's subquery lets them read
        allowed = set(await scoped(Requirement, viewer).values_list("id", flat=True))
        if viewer.reads_everything:
            assert ahead is viewer and ahead.requirement_ids is None
        else:
            assert ahead.requirement_ids is not None
            assert set(ahead.requirement_ids) == allowed, user.username
            # and the scope built from them reads the same rows
            again = set(await scoped(Requirement, ahead).values_list("id", flat=True))
            assert again == allowed, user.username


async def test_a_bi_token_without_person_reads_every_requirement(demo: None) -> None:
    # a BI principal reads what reports are built from, like EXECUTIVE: nothing to read ahead
    viewer = Viewer(user_id=None, role=Role.BI, department_id=None, username="bi")
    ahead = await with_participation(viewer)
    assert ahead is viewer and ahead.requirement_ids is None
    assert await scoped(Requirement, ahead).count() == await Requirement.all().count() > 0


async def test_a_participant_role_without_person_or_department_reads_nothing(demo: None) -> None:
    viewer = Viewer(user_id=None, role=Role.EMPLOYEE, department_id=None, username="nobody")
    ahead = await with_participation(viewer)
    assert ahead.requirement_ids == ()
    assert await scoped(Requirement, ahead).count() == 0


async def test_too_many_ids_keep_the_subquery(demo: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("resolvers.access.participation.READ_AHEAD_LIMIT", 0)
    user = await User.get(username="market_head")
    viewer = Viewer.of_user(user)
    assert (await with_participation(viewer)).requirement_ids is None
