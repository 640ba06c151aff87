"""The panel's user view runs the account use cases (resolvers/people/accounts.py): the
same password rule, audit entry and end of sessions as the console and the API."""

from __future__ import annotations

from core.settings import Settings
from models import AuditEntry, User
from resolvers.access.auth import tokens_for, viewer_from_token
from tests.admin_ui.conftest import Panel


async def test_deactivating_from_the_panel_ends_the_users_sessions(
    admin_panel: Panel, settings: Settings
) -> None:
    # given a user holding a bearer token
    target = await User.get(username="sales_staff")
    token = tokens_for(settings).issue(target.id, target.token_epoch)
    # when the admin deactivates the account with the row action
    response = await admin_panel.action("user", "deactivate", [target.id], row=True)
    # then it is inactive, its token is refused, and the audit log says so once
    assert response.status_code == 200, response.text
    assert not (await User.get(id=target.id)).is_active
    assert await viewer_from_token(settings, token) is None
    entry = await AuditEntry.get(subject_type="User", subject_id=target.id)  # once
    assert (entry.action, entry.via) == ("user.deactivate", "admin")


async def test_the_admin_cannot_deactivate_their_own_account(admin_panel: Panel) -> None:
    admin = await User.get(username="admin")
    # when the admin deactivates themselves, then the use case's refusal is shown
    response = await admin_panel.action("user", "deactivate", [admin.id], row=True)
    assert response.status_code == 400
    assert "deactivate yourself" in response.json()["msg"]
    assert (await User.get(id=admin.id)).is_active


async def test_the_panel_refuses_the_demo_password_as_every_door_does(admin_panel: Panel) -> None:
    # when the admin creates a user whose password is the published demo password
    response = await admin_panel.post_form(
        "/admin/user/create",
        {"username": "demoer", "display_name": "演示", "role": "EMPLOYEE", "password": "demo"},
    )
    # then the form is refused and no account is made
    assert response.status_code == 422
    assert not await User.filter(username="demoer").exists()
