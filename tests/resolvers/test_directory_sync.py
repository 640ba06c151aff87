"""Directory sync against a real private slapd: 2,000 people in 40 departments.

The first sync fills an empty CrossFlow; then a person moves, a head changes and a person
leaves in the directory, and the next (incremental) sync reflects all three, the new head
receiving the next review request.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from tortoise.context import TortoiseContext

from core import ldap_directory
from core.settings import Settings, configure
from models import AuditEntry, Department, DepartmentHead, Notification, PeopleSyncRun, User
from models.directory import AccountSource, SyncStatus
from models.enums import NotificationKind, Role
from resolvers.access.auth import Viewer
from resolvers.errors import Conflict, Forbidden
from resolvers.people.directory_sync import sync_directory
from resolvers.requirements.lifecycle import RequirementForm, create_requirement, submit_requirement
from tests.support.slapd import (
    ROOT_DN,
    ROOT_PASSWORD,
    SUFFIX,
    Directory,
    person_dn,
    require_slapd,
    running_directory,
)

PEOPLE = 2_000
DEPARTMENTS = 40
#: The issue's bound for the first sync of 2,000 people on the 2-core machine.
FIRST_SYNC_SECONDS = 30.0


def ldap_settings(settings: Settings, url: str) -> Settings:
    """The test's settings connected to the private directory, as an operator sets them."""
    return configure(
        settings.model_copy(
            update={
                "ldap_url": url,
                "ldap_bind_dn": ROOT_DN,
                "ldap_bind_password": ROOT_PASSWORD,
                "ldap_people_base": SUFFIX,
                "ldap_departments_base": SUFFIX,
            }
        )
    )


@pytest.fixture
def company_directory(tmp_path: Path) -> Iterator[Directory]:
    require_slapd()
    with running_directory(tmp_path / "ldap", PEOPLE, DEPARTMENTS) as directory:
        yield directory


async def test_first_sync_then_a_move_a_new_head_and_a_leaver_follow_the_directory(
    db: TortoiseContext, settings: Settings, company_directory: Directory
) -> None:
    current = ldap_settings(settings, company_directory.url)
    # given an empty CrossFlow, when the directory is synced the first time
    started = time.perf_counter()
    first = await sync_directory(current, started_by="test")
    seconds = time.perf_counter() - started
    # then everyone, every department and every head is there, within the bound
    assert (first.status, first.full, first.created, first.refused) == (
        SyncStatus.SUCCEEDED,
        True,
        PEOPLE,
        0,
    )
    assert seconds < FIRST_SYNC_SECONDS, f"first sync took {seconds:.1f} s"
    assert await User.filter(source=AccountSource.LDAP, is_active=True).count() == PEOPLE
    assert await Department.filter(source=AccountSource.LDAP).count() == DEPARTMENTS
    assert await DepartmentHead.all().count() == DEPARTMENTS
    head = await DepartmentHead.get(department__code="d05").prefetch_related("user")
    assert (head.user.username, head.user.role) == ("p00005", Role.DEPT_HEAD)
    person = await User.get(username="p00100")
    assert (person.display_name, person.email) == ("员工00100", "p00100@crossflow.test")
    # when nothing changed in the directory, then the next sync changes nothing
    quiet = await sync_directory(current, started_by="test")
    assert (quiet.full, quiet.created, quiet.updated, quiet.deactivated) == (False, 0, 0, 0)
    audited = await AuditEntry.filter(via="ldap").count()
    assert audited == quiet.unchanged + 2 * DEPARTMENTS  # people, departments, heads

    # when p00100 moves from d20 to d21, p00045 becomes head of d05, p00200 leaves
    company_directory.move("p00100", "d20", "d21")
    members = [(f"p{n:05d}", "d05") for n in range(5, PEOPLE, DEPARTMENTS) if n != 45]
    company_directory.set_manager(members, person_dn("p00045", "d05"))
    company_directory.remove("p00200", "d00")
    then = await sync_directory(current, started_by="test")

    # then the next sync reflects all three, and only them
    assert (then.status, then.full, then.created, then.deactivated) == (
        SyncStatus.SUCCEEDED,
        False,
        0,
        1,
    )
    moved = await User.get(username="p00100").prefetch_related("department")
    assert moved.department is not None and moved.department.code == "d21"
    new_head = await User.get(username="p00045")
    old_head = await User.get(username="p00005")
    assert (new_head.role, old_head.role) == (Role.DEPT_HEAD, Role.EMPLOYEE)
    assert (await DepartmentHead.get(department__code="d05")).user_id == new_head.id
    leaver = await User.get(username="p00200")
    assert (leaver.is_active, leaver.token_epoch) == (False, 1)
    actions = set(
        await AuditEntry.filter(via="ldap", id__gt=0)
        .filter(action__in=["user.update", "user.deactivate", "department_head.set"])
        .values_list("action", flat=True)
    )
    assert actions == {"user.update", "user.deactivate", "department_head.set"}

    # when someone raises a requirement involving d05 and submits it
    raiser = await User.get(username="p00101")  # in d21
    viewer = Viewer.of_user(raiser)
    form = RequirementForm(
        title="目录同步后的需求",
        background="背景",
        goals="目标",
        deliverables="交付物",
        acceptance_criteria="验收标准",
        expected_by=date.today() + timedelta(days=30),
        involved_department_ids=[(await Department.get(code="d05")).id],
    )
    requirement = await create_requirement(viewer, form)
    await submit_requirement(viewer, requirement.id)
    # then the review request reaches the new head, not the old one
    asked = await Notification.filter(
        kind=NotificationKind.REVIEW_REQUESTED, subject_id=requirement.id
    ).values_list("recipient_id", flat=True)
    assert new_head.id in asked and old_head.id not in asked


async def test_an_incremental_sync_reads_only_entries_changed_since_its_watermark(
    db: TortoiseContext, settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    require_slapd()
    read = ldap_directory.read
    changed_counts: list[int] = []

    def counting(current: Settings, since: datetime | None) -> ldap_directory.Listing:
        listing = read(current, since)
        changed_counts.append(len(listing.changed))
        return listing

    monkeypatch.setattr(ldap_directory, "read", counting)
    with running_directory(tmp_path / "ldap", 10, 2) as directory:
        current = ldap_settings(settings, directory.url)
        # given a synced directory whose watermark has moved past the load (slapadd stamps
        # every entry in one second, and a watermark re-reads its own second)
        await sync_directory(current, started_by="test")
        await asyncio.sleep(1.1)
        directory.rename("p00003", "d01", "王三")
        await sync_directory(current, started_by="test")
        await asyncio.sleep(1.1)
        # when one more person changes and the directory is synced
        directory.rename("p00004", "d00", "李四")
        run = await sync_directory(current, started_by="test")
    # then only the entries of the watermark's second and after are read in full
    assert changed_counts[0] == 10 and changed_counts[-1] == 2
    assert (run.full, run.updated) == (False, 1)
    assert (await User.get(username="p00004")).display_name == "李四"
    assert (await User.get(username="p00003")).display_name == "王三"


async def test_an_unreachable_directory_fails_the_run_and_changes_nothing(
    db: TortoiseContext, settings: Settings
) -> None:
    # given a directory URL where nothing listens
    current = ldap_settings(settings, "ldap://127.0.0.1:9")
    # when a sync runs: then it is recorded as FAILED with the reason, and nothing changed
    run = await sync_directory(current, started_by="test")
    assert run.status is SyncStatus.FAILED and "bind" in run.error
    assert await User.all().count() == 0
    # and a running sync refuses a second one; an employee may not start one
    await PeopleSyncRun.create(source=AccountSource.LDAP, status=SyncStatus.RUNNING)
    with pytest.raises(Conflict):
        await sync_directory(current, started_by="test")
    staff = Viewer(user_id=1, role=Role.EMPLOYEE, department_id=None, username="staff")
    with pytest.raises(Forbidden):
        await sync_directory(current, staff)
