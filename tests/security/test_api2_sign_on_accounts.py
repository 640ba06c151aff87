"""API2 broken authentication: which CrossFlow account a single sign-on opens.

A provider's username claim is only a name: whoever runs (or registers at) the provider
can be called "admin". So an account is that provider person's only when it is linked to
their subject; an unlinked account is linked by username or by an e-mail the provider
verified only if it is a plain local, non-administrator account. Administrators,
break-glass names, directory accounts and accounts linked to another subject are refused
(``ACCOUNT_CONFLICT``) and left untouched. Both database halves run.
"""

from __future__ import annotations

import pytest
from tortoise.context import TortoiseContext

from core.settings import Settings
from models import AuditEntry, User
from models.directory import AccountSource
from models.enums import Role
from resolvers.access.sso_accounts import Claims, SignOnRefused, claims_from, sign_on


def claims(username: str, subject: str | None = None, **extra: str | bool) -> Claims:
    """What an OpenID provider says about ``username`` (subject: the username)."""
    raw = {
        "sub": subject or username,
        "preferred_username": username,
        "name": username,
        "department": "market",
        **extra,
    }
    return claims_from("oidc", raw, Settings())


async def refusal(settings: Settings, said: Claims) -> str:
    with pytest.raises(SignOnRefused) as refused:
        await sign_on(settings, said)
    return refused.value.reason


async def test_a_provider_account_called_admin_does_not_open_the_local_admin(
    db: TortoiseContext, demo: None, settings: Settings
) -> None:
    # given the demo's local administrator, and a provider account whose username is "admin"
    # when that provider account signs in, or one claiming the admin's (verified) e-mail
    by_name = await refusal(settings, claims("admin", subject="idp-42"))
    by_mail = await refusal(
        settings,
        claims("someone", email="admin@crossflow.example", email_verified=True),
    )
    # then both are refused, and the administrator's account is not linked to anyone
    assert by_name == by_mail == "ACCOUNT_CONFLICT"
    admin = await User.get(username="admin")
    assert (admin.source, admin.external_id, admin.role) == (
        AccountSource.LOCAL,
        None,
        Role.ADMIN,
    )
    assert await User.get_or_none(username="someone") is None


async def test_a_break_glass_name_is_never_linked(
    db: TortoiseContext, demo: None, settings: Settings
) -> None:
    # given market_staff kept as a break-glass account (not an administrator)
    kept = settings.model_copy(update={"break_glass_admins": ["market_staff"]})
    # when a provider account of that name signs in
    reason = await refusal(kept, claims("market_staff"))
    # then it is refused and the account stays local
    assert reason == "ACCOUNT_CONFLICT"
    assert (await User.get(username="market_staff")).source == AccountSource.LOCAL


async def test_an_account_another_source_or_subject_owns_is_not_taken_over(
    db: TortoiseContext, demo: None, settings: Settings
) -> None:
    # given a directory account and an account linked to another provider subject
    await User.create(
        username="dir_person", display_name="目录", password_hash="",
        source=AccountSource.LDAP, external_id="uuid-7",
    )  # fmt: skip
    await User.create(
        username="linked", display_name="已关联", password_hash="",
        source=AccountSource.OIDC, external_id="subject-a",
    )  # fmt: skip
    # when provider accounts of the same names (another subject) sign in
    directory = await refusal(settings, claims("dir_person"))
    other_subject = await refusal(settings, claims("linked", subject="subject-b"))
    # then both are refused, and both accounts keep their owner
    assert directory == other_subject == "ACCOUNT_CONFLICT"
    assert (await User.get(username="dir_person")).source == AccountSource.LDAP
    assert (await User.get(username="linked")).external_id == "subject-a"


async def test_a_plain_local_account_is_linked_once_and_then_matched_by_subject(
    db: TortoiseContext, demo: None, settings: Settings
) -> None:
    # given the demo's local employee market_staff
    staff = await User.get(username="market_staff")
    # when the provider signs them in for the first time
    signed_in = await sign_on(settings, claims("market_staff", subject="s-1"))
    # then it is their account, now linked to the subject, and the link is audited
    assert signed_in.id == staff.id
    linked = await User.get(id=staff.id)
    assert (linked.source, linked.external_id) == (AccountSource.OIDC, "s-1")
    assert await AuditEntry.filter(
        action="user.update", subject_id=staff.id, via="oidc", note__contains="linked"
    ).exists()
    # when another provider person later claims the same username
    reason = await refusal(settings, claims("market_staff", subject="s-2"))
    # then they are refused; the linked subject still signs in, under a renamed claim too
    assert reason == "ACCOUNT_CONFLICT"
    assert (await sign_on(settings, claims("renamed", subject="s-1"))).id == staff.id


async def test_only_a_verified_e_mail_picks_an_existing_account(
    db: TortoiseContext, demo: None, settings: Settings
) -> None:
    # given market_staff's address claimed by a provider account under another name
    address = "market_staff@crossflow.example"
    # when the provider does not say it verified it
    unverified = await sign_on(settings, claims("ms_unverified", email=address))
    # then a new account is made for it; when it says it did, market_staff is linked
    verified = await sign_on(settings, claims("ms_verified", email=address, email_verified=True))
    staff = await User.get(username="market_staff")
    assert unverified.id != staff.id and unverified.username == "ms_unverified"
    assert verified.id == staff.id and staff.external_id == "ms_verified"


async def test_an_administrator_linked_to_the_subject_signs_in(
    db: TortoiseContext, demo: None, settings: Settings
) -> None:
    # given an administrator whose account is linked to their provider subject
    await User.filter(username="admin").update(source=AccountSource.OIDC, external_id="it-9")
    # when that subject signs in
    user = await sign_on(settings, claims("admin", subject="it-9"))
    # then it is the administrator
    assert (user.username, user.role) == ("admin", Role.ADMIN)


async def test_a_username_taken_from_an_unverified_address_links_nothing(
    db: TortoiseContext, demo: None, settings: Settings
) -> None:
    # given a provider that sends no username, only an address it does not say it verified
    raw = {"sub": "x-1", "email": "market_staff@anywhere.test", "department": "market"}
    said = claims_from("oidc", raw, Settings())
    # when it signs in (its username falls back to the address's local part)
    reason = await refusal(settings, said)
    # then market_staff is not linked to it
    assert (said.username, reason) == ("market_staff", "ACCOUNT_CONFLICT")
    assert (await User.get(username="market_staff")).source == AccountSource.LOCAL
