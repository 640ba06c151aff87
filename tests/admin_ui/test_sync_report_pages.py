"""The panel's sync report (counts and refusals with their reasons), each account's source,
and who may run a directory sync from the panel: server-rendered pages through the app."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from admin_ui.i18n import ENUM_LABELS
from models import PeopleSyncRun, User
from models.directory import AccountSource, SyncStatus
from models.enums import Role
from resolvers.people.directory_settings import EDITABLE
from tests.admin_ui.conftest import Panel
from tests.support.slapd import (
    ROOT_DN,
    ROOT_PASSWORD,
    SUFFIX,
    Directory,
    require_slapd,
    running_directory,
)

#: The value shown in a user list row's source column.
SOURCE_CELL = re.compile(r'data-column="source"\s*>\s*<span[^>]*title="([^"]+)"')
#: A detail page's rows: the field's label and its shown value.
DETAIL_ROW = re.compile(r"<strong>(.*?)</strong>.*?data-label=\"Value\">(.*?)</td>", re.DOTALL)
#: The reason a directory entry is refused when its username is a local account's.
TAKEN = "belongs to another LOCAL account"


def _word(source: AccountSource) -> str:
    """The panel's (Chinese) word for an account's source, e.g. 企业目录 (LDAP)."""
    return ENUM_LABELS[AccountSource][source.value][0]


@pytest.fixture
def small_directory(tmp_path: Path) -> Iterator[Directory]:
    require_slapd()
    with running_directory(tmp_path / "ldap", 10, 2) as directory:
        yield directory


async def _connect(admin: Panel, directory: Directory) -> None:
    """The admin saves the directory's connection on the directory page."""
    page = (await admin.get("/admin/directory-sync")).text
    form = {"action": "save"}
    for name in EDITABLE:
        form[name] = page.split(f'name="{name}" value="')[1].split('"')[0]
    form.update(
        ldap_url=directory.url,
        ldap_bind_dn=ROOT_DN,
        ldap_bind_password=ROOT_PASSWORD,
        ldap_people_base=SUFFIX,
        ldap_departments_base=SUFFIX,
    )
    saved = await admin.post_form("/admin/directory-sync", form)
    assert 'data-testid="settings-saved"' in saved.text, saved.text


def _cell(page: str, testid: str) -> str:
    return page.split(f'data-testid="{testid}">')[1].split("<")[0]


async def test_the_sync_report_shows_the_counts_and_each_refusal_with_its_reason(
    admin_panel: Panel, small_directory: Directory
) -> None:
    # given a local account that holds the username of one of the directory's 10 people
    await User.create(
        username="p00004", display_name="本地四", role=Role.EMPLOYEE, password_hash="x"
    )
    await _connect(admin_panel, small_directory)
    # when the admin syncs now
    page = (await admin_panel.post_form("/admin/directory-sync", {})).text
    # then the page reports 9 created and 1 refused, naming the entry and the reason
    counts = {k: _cell(page, f"run-{k}") for k in ("created", "updated", "deactivated", "refused")}
    assert counts == {"created": "9", "updated": "0", "deactivated": "0", "refused": "1"}
    refusals = page.split('data-testid="run-refusals"')[1].split("</table>")[0]
    assert "uid=p00004" in refusals and TAKEN in refusals
    # and the local account is untouched
    local = await User.get(username="p00004")
    assert (local.source, local.display_name) == (AccountSource.LOCAL, "本地四")

    # when someone leaves the directory and the admin syncs again
    small_directory.remove("p00007", "d01")
    page = (await admin_panel.post_form("/admin/directory-sync", {})).text
    # then that run reports the deactivation, the refusal still with its reason
    assert (_cell(page, "run-deactivated"), _cell(page, "run-refused")) == ("1", "1")
    # and the directory page lists both runs with their counts
    listed = (await admin_panel.get("/admin/directory-sync")).text
    assert "+9 ~0 -0 !1" in listed and "+0 ~0 -1 !1" in listed

    # when the admin opens the first run in the sync report
    first = await PeopleSyncRun.filter(source=AccountSource.LDAP).order_by("id").first()
    assert first is not None and first.status is SyncStatus.SUCCEEDED
    detail = await admin_panel.get(f"/admin/people-sync-run/detail?pk={first.id}")
    # then it shows the run's counts, who started it, and the refusal with its reason
    assert detail.status_code == 200
    shown = {k: " ".join(v.split()) for k, v in DETAIL_ROW.findall(detail.text)}
    # (in the panel's words: 新建, 更新, 停用, 拒绝; the status as 成功)
    assert {k: shown[k] for k in ("新建", "更新", "停用", "拒绝")} == {
        "新建": "9",
        "更新": "0",
        "停用": "0",
        "拒绝": "1",
    }
    assert shown["发起方"] == "admin" and shown["状态"] == "成功"
    assert TAKEN in shown["拒绝原因"] and "p00004" in shown["拒绝原因"]


async def test_each_accounts_source_shows_on_its_page_and_in_the_list(
    admin_panel: Panel, small_directory: Directory
) -> None:
    # given local demo accounts, a directory's people and people from an import and an IdP
    await _connect(admin_panel, small_directory)
    await admin_panel.post_form("/admin/directory-sync", {})
    imported = await User.create(
        username="imp_1",
        display_name="导入一",
        role=Role.EMPLOYEE,
        password_hash="",
        source=AccountSource.IMPORT,
    )
    signed_on = await User.create(
        username="sso_1",
        display_name="单点一",
        role=Role.EMPLOYEE,
        password_hash="",
        source=AccountSource.OIDC,
    )
    people = {
        "admin": AccountSource.LOCAL,
        "p00002": AccountSource.LDAP,
        imported.username: AccountSource.IMPORT,
        signed_on.username: AccountSource.OIDC,
    }
    for username, source in people.items():
        user = await User.get(username=username)
        # when the admin opens the person's page
        page = await admin_panel.get(f"/admin/user/detail?pk={user.id}")
        # then it shows where the account comes from
        assert page.status_code == 200
        shown = {s for s in AccountSource if _word(s) in page.text}
        assert shown == {source}, (username, shown)
        # and so does the user list, searched for them, in the person's row
        listed = await admin_panel.get("/admin/user/list", params={"q": username})
        assert listed.status_code == 200
        assert set(SOURCE_CELL.findall(listed.text)) == {_word(source)}, username


async def test_only_a_signed_in_administrator_may_run_a_sync_from_the_panel(
    admin_panel: Panel, small_directory: Directory
) -> None:
    # given a connected directory
    await _connect(admin_panel, small_directory)
    # when the administrator loses the ADMIN role while signed in, and posts "sync now"
    await User.filter(username="admin").update(role=Role.EMPLOYEE)
    demoted = await admin_panel.post_form("/admin/directory-sync", {})
    # then the panel refuses, and no sync ran
    assert demoted.status_code in (302, 303, 401, 403)
    assert not await PeopleSyncRun.exists()
    # and nobody signed in reaches the sync report either
    admin_panel.http.cookies.clear()
    report = await admin_panel.get("/admin/people-sync-run/list")
    anonymous = await admin_panel.post_form("/admin/directory-sync", {})
    assert report.status_code in (302, 303, 401, 403)
    assert anonymous.status_code in (302, 303, 401, 403)
    assert not await PeopleSyncRun.exists()
    assert await User.filter(source=AccountSource.LDAP).count() == 0
