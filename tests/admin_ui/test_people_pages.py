"""The panel's people pages: import preview then apply, the directory page, where accounts
come from."""

from __future__ import annotations

from models import AuditEntry, User
from models.directory import AccountSource
from tests.admin_ui.conftest import Panel
from tests.support.people_files import company, csv_bytes


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
