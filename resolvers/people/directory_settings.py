"""The directory connection and attribute mapping in force: the environment, overridden by
what an administrator saved in the panel (``models.directory.DirectorySettings``).

Read at each sync and each directory sign-in, so a change applies at once on every replica
and in the worker; only the scheduler's interval is read when the scheduler starts.
"""

from __future__ import annotations

import re

from tortoise.transactions import in_transaction

from core.sealed import seal
from core.settings import Settings
from models import DirectorySettings
from resolvers import audit
from resolvers.access import policy
from resolvers.access.auth import Viewer
from resolvers.errors import BadUserInput
from resolvers.people.directory_values import EDITABLE as EDITABLE
from resolvers.people.directory_values import effective as effective

#: Attributes that may be left empty (a different way of finding the same thing).
OPTIONAL_ATTRIBUTES = ("ldap_attr_department", "ldap_attr_department_head")
ATTRIBUTE = re.compile(r"^[A-Za-z][A-Za-z0-9-]{0,63}$")
URL = re.compile(r"^ldaps?://[A-Za-z0-9.\-\[\]:]+(:\d{1,5})?/?$")
MAX_VALUE = 512
#: Sealed, a password of this length still fits the column (255 characters).
MAX_PASSWORD = 100


def check(values: dict[str, str]) -> dict[str, str]:
    """The values cleaned, or BAD_USER_INPUT naming the first wrong one."""
    clean: dict[str, str] = {}
    for name in EDITABLE:
        value = str(values.get(name, "")).strip()
        if len(value) > MAX_VALUE or any(ord(c) < 32 for c in value):
            raise BadUserInput(f"{name} is too long or has control characters", field=name)
        if name == "ldap_url":
            if value and not URL.match(value):
                raise BadUserInput("the URL must be ldap://host[:port] or ldaps://…", field=name)
        elif name.endswith("_filter"):
            if not (value.startswith("(") and value.endswith(")")):
                raise BadUserInput(f"{name} must be an LDAP filter in parentheses", field=name)
        elif name.startswith("ldap_attr_"):
            empty_ok = name in OPTIONAL_ATTRIBUTES
            if not (ATTRIBUTE.match(value) or (empty_ok and not value)):
                raise BadUserInput(f"{name} must be an attribute name", field=name)
        clean[name] = value
    return clean


async def save(
    settings: Settings, viewer: Viewer, values: dict[str, str], new_password: str | None
) -> DirectorySettings:
    """Save the panel's values (all of :data:`EDITABLE`); audited, the password only as set
    and stored sealed (``core/sealed.py``)."""
    policy.require_writer(viewer)
    policy.require_admin(viewer)
    clean = check(values)
    if new_password is not None and len(new_password) > MAX_PASSWORD:
        raise BadUserInput(
            f"the bind password is longer than {MAX_PASSWORD} characters",
            field="ldap_bind_password",
        )
    async with in_transaction() as conn:
        row = await DirectorySettings.get_or_none(id=1, using_db=conn)
        if row is None:
            row = DirectorySettings(id=1)
        before = dict(row.values)
        row.values = clean
        if new_password:
            row.bind_password = seal(settings, new_password)
        row.updated_by = viewer.username
        await row.save(using_db=conn)
        await audit.record(
            viewer,
            "directory_settings.update",
            "DirectorySettings",
            row.id,
            before=before,
            after={**clean, "bind_password_changed": bool(new_password)},
            via="admin",
            using_db=conn,
        )
    return row
