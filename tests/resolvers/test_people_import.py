"""Importing people from a CSV or XLSX file: dry run, apply, idempotence, refusals."""

from __future__ import annotations

import pytest
from tortoise.context import TortoiseContext

from models import AuditEntry, Department, DepartmentHead, PeopleSyncRun, User
from models.directory import AccountSource, SyncStatus
from models.enums import Role
from resolvers.access.auth import Viewer
from resolvers.errors import BadUserInput, Forbidden
from resolvers.people.importing import import_people
from tests.support.people_files import HEADER, company, csv_bytes, xlsx


async def test_500_people_import_dry_run_then_for_real_then_again_without_change(
    db: TortoiseContext,
) -> None:
    # given an XLSX of 500 people in 20 departments under a root, each with a head
    data = xlsx(company(500, 20))
    # when it is imported as a dry run
    preview = await import_people(None, data, "people.xlsx", dry_run=True)
    # then it reports 500 to create and creates nobody
    assert (preview.status, preview.created, preview.dry_run) == (SyncStatus.SUCCEEDED, 500, True)
    assert await User.all().count() == 0
    # when it is imported for real
    run = await import_people(None, data, "people.xlsx", dry_run=False)
    # then everyone, every department and every head is there, audited as the import's
    assert (run.status, run.created, run.refused) == (SyncStatus.SUCCEEDED, 500, 0)
    assert await User.filter(source=AccountSource.IMPORT, is_active=True).count() == 500
    assert await Department.filter(source=AccountSource.IMPORT).count() == 21
    assert await DepartmentHead.all().count() == 21
    head = await DepartmentHead.get(department__code="imp-d03").prefetch_related("user")
    assert (head.user.username, head.user.role) == ("imp_00003", Role.DEPT_HEAD)
    child = await Department.get(code="imp-d03").prefetch_related("parent")
    assert child.parent is not None and child.parent.code == "imp-root"
    assert await User.get(username="imp_00007").values_list("language", flat=True) == "en"
    audited = await AuditEntry.filter(via="import").count()
    assert audited == 500 + 21 + 21
    # when the same file is imported again
    again = await import_people(None, data, "people.xlsx", dry_run=False)
    # then nothing changes and nothing more is audited
    assert (again.created, again.updated, again.deactivated, again.unchanged) == (0, 0, 0, 500)
    assert await AuditEntry.filter(via="import").count() == audited


async def test_a_file_with_bad_rows_is_refused_as_a_whole_with_each_rows_reason(
    db: TortoiseContext,
) -> None:
    # given a file whose rows 3, 5 and 6 are bad and whose other rows are fine
    rows = company(6, 2)
    rows[1][1] = ""  # row 3: no username
    rows[3][3] = "not-an-address"  # row 5
    rows[4][4] = "fr"  # row 6: a language the platform does not speak
    data = csv_bytes(rows)
    # when it is imported for real
    run = await import_people(None, data, "people.csv", dry_run=False)
    # then nothing is applied, and each bad row is named with its reason
    assert run.status is SyncStatus.REFUSED
    assert await User.all().count() == 0 and await Department.all().count() == 0
    reasons = {r["where"]: r["reason"] for r in run.refusals}
    assert set(reasons) == {"row 3", "row 5", "row 6"}
    assert "username is empty" in reasons["row 3"]
    assert "is not an address" in reasons["row 5"]
    assert "language" in reasons["row 6"]


async def test_an_import_cannot_take_over_a_local_account_by_its_username(
    db: TortoiseContext,
) -> None:
    # given the break-glass administrator, a local account
    await User.create(username="admin", display_name="管理员", role=Role.ADMIN, password_hash="x")
    rows = company(3, 1)
    rows[2][1] = "admin"
    # when a file names a person "admin"
    run = await import_people(None, csv_bytes(rows), "people.csv", dry_run=False)
    # then the file is refused and the administrator is untouched
    assert run.status is SyncStatus.REFUSED
    assert "belongs to another LOCAL account" in run.refusals[0]["reason"]
    admin = await User.get(username="admin")
    assert (admin.source, admin.role, admin.display_name) == (
        AccountSource.LOCAL,
        Role.ADMIN,
        "管理员",
    )


async def test_people_missing_from_a_later_file_are_deactivated_only_when_asked(
    db: TortoiseContext,
) -> None:
    # given an imported company of 10
    await import_people(None, csv_bytes(company(10, 2)), "people.csv", dry_run=False)
    later = csv_bytes(company(9, 2))  # imp_00009 has left
    # when the next file lacks one person, without --deactivate-missing
    kept = await import_people(None, later, "people.csv", dry_run=False)
    # then nobody is deactivated
    assert kept.deactivated == 0
    assert await User.get(username="imp_00009").values_list("is_active", flat=True)
    # when it is imported with deactivate_missing
    gone = await import_people(None, later, "p.csv", dry_run=False, deactivate_missing=True)
    # then that person is deactivated (not deleted) and their tokens end
    assert (gone.deactivated, gone.changes[0]["username"]) == (1, "imp_00009")
    left = await User.get(username="imp_00009")
    assert (left.is_active, left.token_epoch) == (False, 1)


async def test_moving_a_person_and_changing_a_head_by_file(db: TortoiseContext) -> None:
    # given an imported company
    rows = company(10, 3)
    await import_people(None, csv_bytes(rows), "people.csv", dry_run=False)
    # when a later file moves imp_00004 to imp-d02 and makes them its head instead of imp_00002
    rows[4][5:9] = ["imp-d02", "部门02", "imp-root", "是"]
    rows[2][8] = ""
    run = await import_people(None, csv_bytes(rows), "people.csv", dry_run=False)
    # then the move, the new head and both roles follow the file
    assert run.status is SyncStatus.SUCCEEDED
    moved = await User.get(username="imp_00004").prefetch_related("department")
    assert moved.department is not None and moved.department.code == "imp-d02"
    assert moved.role is Role.DEPT_HEAD
    assert (await User.get(username="imp_00002")).role is Role.EMPLOYEE
    head = await DepartmentHead.get(department__code="imp-d02")
    assert head.user_id == moved.id


async def test_only_an_administrator_imports_and_an_unreadable_file_is_a_coded_error(
    db: TortoiseContext,
) -> None:
    staff = Viewer(user_id=1, role=Role.EMPLOYEE, department_id=None, username="staff")
    data = csv_bytes(company(3, 1))
    # when an employee imports: then it is forbidden and no run is recorded
    with pytest.raises(Forbidden):
        await import_people(staff, data, "people.csv", dry_run=True)
    assert await PeopleSyncRun.all().count() == 0
    # when the file lacks a required column, or is not a workbook: then BAD_USER_INPUT
    with pytest.raises(BadUserInput, match="department_code"):
        await import_people(None, csv_bytes([["a", "b"]], HEADER[:3]), "p.csv", dry_run=True)
    with pytest.raises(BadUserInput, match="XLSX"):
        await import_people(None, b"not a zip", "p.xlsx", dry_run=True)
