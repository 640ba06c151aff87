"""Panel writes are audited (who, when, before, after, via the panel); secrets are never shown."""

from __future__ import annotations

import hashlib

from argon2 import PasswordHasher

from models import ApiToken, AuditEntry, Department, User
from tests.admin_ui.conftest import Panel

VIEWER = "{ viewer { username } warningRules { kind } }"


async def _department_form(department: Department, **changes: str) -> dict[str, str]:
    form = {
        "code": department.code,
        "name": department.name,
        "name_en": department.name_en,
        "is_active": "on",
        "sort_order": str(department.sort_order),
    }
    form.update(changes)
    return form


async def test_editing_a_department_is_audited_with_before_and_after(admin_panel: Panel) -> None:
    market = await Department.get(code="market")
    # when the admin renames a department in the panel
    response = await admin_panel.post_form(
        f"/admin/department/edit?pk={market.id}", await _department_form(market, name="市场营销部")
    )
    assert response.status_code == 303, response.text
    # then the change is made, and the audit log says who made it, through the panel
    assert (await Department.get(id=market.id)).name == "市场营销部"
    entry = await AuditEntry.get(action="admin.department.update")
    assert (entry.actor_label, entry.via, entry.subject_type, entry.subject_id) == (
        "admin",
        "admin",
        "Department",
        market.id,
    )
    assert entry.before is not None and entry.after is not None
    assert (entry.before["name"], entry.after["name"]) == ("市场部", "市场营销部")
    # and the audit log is readable in the panel
    log = await admin_panel.get("/admin/audit-entry/list")
    assert "admin.department.update" in log.text


async def test_a_refused_write_changes_nothing_and_is_not_audited(admin_panel: Panel) -> None:
    market = await Department.get(code="market")
    # when the admin gives a department a code another department has
    response = await admin_panel.post_form(
        f"/admin/department/edit?pk={market.id}", await _department_form(market, code="sales")
    )
    # then the form comes back with the error, and nothing changed or was logged
    assert response.status_code == 422
    assert "该值已被使用" in response.text
    assert (await Department.get(id=market.id)).code == "market"
    assert not await AuditEntry.filter(via="admin").exists()


async def test_a_new_users_password_is_hashed_and_never_shown(admin_panel: Panel) -> None:
    market = await Department.get(code="market")
    password = "Xq7-very-secret"
    # when the admin creates a user with an initial password
    response = await admin_panel.post_form(
        "/admin/user/create",
        {
            "username": "market_intern",
            "display_name": "实习生小王",
            "role": "EMPLOYEE",
            "department": str(market.id),
            "is_active": "on",
            "language": "zh",
            "password": password,
        },
    )
    assert response.status_code == 303, response.text
    # then only an argon2 hash of it is stored
    user = await User.get(username="market_intern")
    assert user.password_hash.startswith("$argon2id$")
    assert PasswordHasher().verify(user.password_hash, password)
    # and neither the password nor its hash appears on any page or in the audit log
    pages = [
        await admin_panel.get("/admin/user/list"),
        await admin_panel.get(f"/admin/user/detail?pk={user.id}"),
        await admin_panel.get(f"/admin/user/edit?pk={user.id}"),
        await admin_panel.get("/admin/audit-entry/list"),
    ]
    for page in pages:
        assert page.status_code == 200
        assert password not in page.text and user.password_hash not in page.text
    entry = await AuditEntry.get(action="admin.user.create")
    assert entry.after is not None and "password" not in entry.after
    assert "password_hash" not in entry.after and entry.via == "admin"


async def test_a_short_password_is_refused_and_not_echoed(admin_panel: Panel) -> None:
    response = await admin_panel.post_form(
        "/admin/user/create",
        {"username": "shorty", "display_name": "短", "role": "EMPLOYEE", "password": "abc12"},
    )
    assert response.status_code == 422
    assert "密码至少8位" in response.text
    assert 'value="abc12"' not in response.text
    assert not await User.filter(username="shorty").exists()


async def test_a_new_password_signs_the_user_out_everywhere(admin_panel: Panel) -> None:
    staff = await User.get(username="market_staff")
    form = {
        "username": staff.username,
        "display_name": staff.display_name,
        "role": "EMPLOYEE",
        "department": str(staff.department_id),
        "email": staff.email,
        "is_active": "on",
        "language": "zh",
        "password": "a-brand-new-password",
    }
    response = await admin_panel.post_form(f"/admin/user/edit?pk={staff.id}", form)
    assert response.status_code == 303, response.text
    changed = await User.get(id=staff.id)
    assert changed.token_epoch == staff.token_epoch + 1
    assert changed.password_hash != staff.password_hash
    # an edit that leaves the password empty keeps it
    form["password"] = ""
    form["display_name"] = "市场部员工"
    await admin_panel.post_form(f"/admin/user/edit?pk={staff.id}", form)
    kept = await User.get(id=staff.id)
    assert kept.password_hash == changed.password_hash and kept.token_epoch == changed.token_epoch


async def test_an_api_token_is_shown_once_and_stored_hashed(admin_panel: Panel) -> None:
    # when the admin issues a BI token in the panel
    response = await admin_panel.action(
        "api-token", "issue", data={"name": "BI 月报", "role": "BI", "days": "30"}
    )
    assert response.status_code == 200, response.text
    assert response.headers["cache-control"] == "no-store"
    secret = response.text.split('data-testid="token-secret" id="token-secret">')[1].split("<")[0]
    assert secret.startswith("cft_")
    # then the table keeps its hash and a prefix, never the token
    record = await ApiToken.get(name="BI 月报")
    assert record.token_hash == hashlib.sha256(secret.encode()).hexdigest()
    assert secret.startswith(record.prefix) and len(record.prefix) < len(secret)
    # and the token is not shown again: not in the list, the detail page or the audit log
    for path in ("/admin/api-token/list", f"/admin/api-token/detail?pk={record.id}"):
        page = await admin_panel.get(path)
        assert record.prefix in page.text
        assert secret not in page.text and record.token_hash not in page.text
    entry = await AuditEntry.get(action="api_token.issue")
    assert entry.via == "admin" and secret not in str(entry.after)
    # and it reads the API as a BI tool
    api = await admin_panel.http.post(
        "/graphql", json={"query": VIEWER}, headers={"authorization": f"Bearer {secret}"}
    )
    assert api.json()["data"]["warningRules"]
    # until the admin revokes it
    revoked = await admin_panel.action("api-token", "revoke", [record.id], row=True)
    assert revoked.status_code == 200, revoked.text
    assert (await ApiToken.get(id=record.id)).revoked_at is not None
    api = await admin_panel.http.post(
        "/graphql", json={"query": VIEWER}, headers={"authorization": f"Bearer {secret}"}
    )
    assert api.json().get("data") is None or api.json()["data"].get("warningRules") is None


async def test_a_token_may_only_read(admin_panel: Panel) -> None:
    response = await admin_panel.action(
        "api-token", "issue", data={"name": "想要管理员权限", "role": "ADMIN"}
    )
    assert response.status_code == 400
    assert "只读" in response.text
    assert not await ApiToken.exists()
