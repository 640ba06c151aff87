"""User management as use cases (resolvers/people/accounts.py): the panel, the console and
the API share the password rule, the audit entry and the end of old sessions."""

from __future__ import annotations

import pytest
from tortoise.context import TortoiseContext

from core.settings import Settings
from models import AuditEntry, User
from models.directory import AccountSource
from models.enums import Role
from resolvers.access.auth import Viewer, tokens_for, viewer_from_token
from resolvers.errors import BadUserInput, Forbidden
from resolvers.people import accounts


async def _viewer(username: str) -> Viewer:
    return Viewer.of_user(await User.get(username=username))


@pytest.mark.parametrize("weak", ["", "short", "1234567", "demo", "x" * 129])
def test_the_password_rule_refuses_weak_passwords_naming_the_field(weak: str) -> None:
    # when a password breaks the rule, then it is refused with the field named
    with pytest.raises(BadUserInput) as refused:
        accounts.check_password(weak, field="newPassword")
    assert refused.value.field == "newPassword"


def test_the_password_rule_refuses_the_current_password_again() -> None:
    with pytest.raises(BadUserInput):
        accounts.check_password("same-pass-1", current="same-pass-1")
    accounts.check_password("other-pass-1", current="same-pass-1")  # a new one passes


async def test_an_admin_creates_a_user_audited_and_the_user_signs_in(
    db: TortoiseContext, demo: None
) -> None:
    admin = await _viewer("admin")
    # when the admin creates an account
    user = await accounts.create_user(
        admin, username="newcomer", display_name="新同事", password="long-enough-1"
    )
    # then it exists with the role asked for and the audit log names the admin
    assert (user.role, user.is_active) == (Role.EMPLOYEE, True)
    entry = await AuditEntry.get(action="user.create", subject_id=user.id)
    assert (entry.actor_id, entry.via) == (admin.user_id, "api")
    # and a taken username or a weak password is refused
    with pytest.raises(BadUserInput) as taken:
        await accounts.create_user(
            admin, username="newcomer", display_name="x", password="abcdefgh1"
        )
    assert taken.value.field == "username"
    with pytest.raises(BadUserInput):
        await accounts.create_user(admin, username="weak", display_name="x", password="short")
    assert not await User.filter(username="weak").exists()


async def test_only_an_admin_manages_accounts(db: TortoiseContext, demo: None) -> None:
    staff = await _viewer("market_staff")
    target = await User.get(username="sales_staff")
    # when an employee tries each use case, then each is refused and nothing changes
    with pytest.raises(Forbidden):
        await accounts.create_user(staff, username="x1", display_name="x", password="long-pass-1")
    with pytest.raises(Forbidden):
        await accounts.set_password(staff, target.id, "long-pass-1")
    with pytest.raises(Forbidden):
        await accounts.deactivate_user(staff, target.id)
    assert await User.get(id=target.id) == target
    assert (await User.get(id=target.id)).token_epoch == target.token_epoch
    assert not await AuditEntry.filter(subject_type="User").exists()


async def test_a_new_password_ends_the_users_sessions(
    db: TortoiseContext, demo: None, settings: Settings
) -> None:
    # given a user signed in with a bearer token
    target = await User.get(username="sales_staff")
    token = tokens_for(settings).issue(target.id, target.token_epoch)
    assert await viewer_from_token(settings, token) is not None
    # when the admin sets a new password
    admin = await _viewer("admin")
    await accounts.set_password(admin, target.id, "fresh-pass-1", via="admin")
    # then the old token is refused and the change is audited without the password
    assert await viewer_from_token(settings, token) is None
    entry = await AuditEntry.get(action="user.set_password", subject_id=target.id)
    assert entry.via == "admin" and "fresh-pass-1" not in str(entry.after) + entry.note


async def test_deactivating_ends_sessions_and_keeps_the_record(
    db: TortoiseContext, demo: None, settings: Settings
) -> None:
    target = await User.get(username="sales_staff")
    token = tokens_for(settings).issue(target.id, target.token_epoch)
    admin = await _viewer("admin")
    # when the admin deactivates the account
    await accounts.deactivate_user(admin, target.id)
    # then it is inactive, its token is refused, and the audit log has before and after
    assert not (await User.get(id=target.id)).is_active
    assert await viewer_from_token(settings, token) is None
    entry = await AuditEntry.get(action="user.deactivate", subject_id=target.id)
    assert (entry.before, entry.after) == ({"is_active": True}, {"is_active": False})
    # and an admin cannot lock themselves out
    with pytest.raises(BadUserInput):
        assert admin.user_id is not None
        await accounts.deactivate_user(admin, admin.user_id)


async def test_a_directory_account_has_no_password_to_set(db: TortoiseContext, demo: None) -> None:
    target = await User.get(username="sales_staff")
    await User.filter(id=target.id).update(source=AccountSource.LDAP, external_id="uuid-1")
    # when the admin sets its password, then it is refused and the hash stays
    with pytest.raises(BadUserInput):
        await accounts.set_password(await _viewer("admin"), target.id, "fresh-pass-1")
    assert (await User.get(id=target.id)).password_hash == target.password_hash
