"""The panel's people pages: import preview then apply, the directory page, where accounts
come from."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from models import AuditEntry, DirectorySettings, User
from models.directory import AccountSource
from resolvers.people.directory_settings import EDITABLE
from tests.admin_ui.conftest import Panel
from tests.support.people_files import company, csv_bytes
from tests.support.slapd import (
    ROOT_DN,
    ROOT_PASSWORD,
    SUFFIX,
    Directory,
    require_slapd,
    running_directory,
)


@pytest.fixture
def small_directory(tmp_path: Path) -> Iterator[Directory]:
    require_slapd()
    with running_directory(tmp_path / "ldap", 10, 2) as directory:
        yield directory


async def _upload(admin: Panel, data: bytes, **extra: str) -> str:
    token = await admin.ensure_csrf()
    response = await admin.http.post(
        "/admin/people-import",
        data={"csrftoken": token, **extra},
        files={"file": ("people.csv", data, "text/csv")},
    )
    assert response.status_code == 200, response.text
    return response.text


async def test_an_import_is_previewed_then_applied_as_the_admin(admin_panel: Panel) -> None:
    # given a file of 12 people
    data = csv_bytes(company(12, 3))
    # when the admin uploads it
    page = await _upload(admin_panel, data)
    # then the preview shows 12 to create and nobody is created yet
    assert 'data-testid="run-created">12<' in page
    assert await User.filter(source=AccountSource.IMPORT).count() == 0
    pending = page.split('name="pending" value="')[1].split('"')[0]
    # when they apply it
    response = await admin_panel.post_form(
        "/admin/people-import", {"pending": pending, "file_name": "people.csv"}
    )
    # then the 12 exist, audited as the admin's through the import
    assert response.status_code == 200 and 'data-testid="run-status">SUCCEEDED<' in response.text
    assert await User.filter(source=AccountSource.IMPORT).count() == 12
    entry = await AuditEntry.filter(via="import", action="user.create").first()
    assert entry is not None and entry.actor_label == "admin"
    # and the same preview cannot be applied twice
    again = await admin_panel.post_form("/admin/people-import", {"pending": pending})
    assert 'data-testid="import-error"' in again.text


async def test_a_bad_file_shows_each_rows_reason_and_offers_no_apply(admin_panel: Panel) -> None:
    rows = company(4, 1)
    rows[2][3] = "nobody-at-all"
    page = await _upload(admin_panel, csv_bytes(rows))
    assert "row 4" in page and "is not an address" in page
    assert 'data-testid="apply-form"' not in page
    # a forged pending name reaches no file outside the pending folder
    forged = await admin_panel.post_form("/admin/people-import", {"pending": "../secret_key"})
    assert 'data-testid="import-error"' in forged.text


async def test_the_directory_page_shows_the_mapping_but_never_the_password(
    admin_panel: Panel,
) -> None:
    page = (await admin_panel.get("/admin/directory-sync")).text
    assert "CROSSFLOW_LDAP_ATTR_USERNAME" in page and "uid" in page
    # syncing without a configured directory is refused with a message, not a 500
    response = await admin_panel.post_form("/admin/directory-sync", {})
    assert response.status_code == 200 and 'data-testid="sync-error"' in response.text


async def test_an_employee_never_reaches_the_people_pages(panel: Panel, demo: None) -> None:
    assert (await panel.sign_in("sales_staff")).status_code != 303
    response = await panel.get("/admin/people-import")
    assert response.status_code in (302, 303, 401, 403)


def _settings_form(page: str, **changes: str) -> dict[str, str]:
    """The directory page's settings form as it is filled in, with ``changes``."""
    form = {"action": "save"}
    for name in EDITABLE:
        form[name] = page.split(f'name="{name}" value="')[1].split('"')[0]
    form.update(changes)
    return form


async def test_the_admin_connects_a_directory_in_the_panel_and_syncs_it(
    admin_panel: Panel, small_directory: Directory
) -> None:
    page = (await admin_panel.get("/admin/directory-sync")).text
    # when the admin saves a filter that is not one: then it is refused and nothing saved
    bad = _settings_form(page, ldap_url=small_directory.url, ldap_people_filter="uid=*")
    refused = await admin_panel.post_form("/admin/directory-sync", bad)
    assert 'data-testid="sync-error"' in refused.text and "ldap_people_filter" in refused.text
    # when they save the connection and the password, then sync now
    form = _settings_form(
        page,
        ldap_url=small_directory.url,
        ldap_bind_dn=ROOT_DN,
        ldap_bind_password=ROOT_PASSWORD,
        ldap_people_base=SUFFIX,
    )
    saved = await admin_panel.post_form("/admin/directory-sync", form)
    assert 'data-testid="settings-saved"' in saved.text
    synced = await admin_panel.post_form("/admin/directory-sync", {})
    # then the directory's people are in, and the password shows nowhere
    assert 'data-testid="run-status">SUCCEEDED<' in synced.text
    assert await User.filter(source=AccountSource.LDAP).count() == 10
    assert ROOT_PASSWORD not in synced.text and ROOT_PASSWORD not in saved.text
    entry = await AuditEntry.get(action="directory_settings.update")
    assert entry.after is not None and entry.after["bind_password_changed"] is True
    assert ROOT_PASSWORD not in str(entry.after)
    # and the database holds the password sealed, never as typed
    stored = (await DirectorySettings.get(id=1)).bind_password
    assert stored.startswith("sealed:v1:") and ROOT_PASSWORD not in stored
    sync_entry = await AuditEntry.filter(via="ldap", action="user.create").first()
    assert sync_entry is not None and sync_entry.actor_label == "admin"
