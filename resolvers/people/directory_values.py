"""The directory settings in force, read without any access rule: the environment's,
with what an administrator saved in the panel laid over them.

Apart from ``directory_settings.py`` (which checks and saves them under the policy)
because the sign-in reads them too: the password check of a directory account
(``resolvers/access/credentials.py``) sits below the policy, and importing the saving
module from there closed an import cycle through the policy and the sign-in.
"""

from __future__ import annotations

from typing import Any

from core.sealed import unseal
from core.settings import Settings
from models import DirectorySettings

#: The settings the panel shows and edits; the bind password is handled on its own.
EDITABLE = (
    "ldap_url",
    "ldap_bind_dn",
    "ldap_people_base",
    "ldap_people_filter",
    "ldap_departments_base",
    "ldap_departments_filter",
    "ldap_attr_key",
    "ldap_attr_username",
    "ldap_attr_display_name",
    "ldap_attr_email",
    "ldap_attr_department",
    "ldap_attr_department_code",
    "ldap_attr_department_name",
    "ldap_attr_department_head",
    "ldap_attr_manager",
)


async def effective(settings: Settings) -> Settings:
    """``settings`` with the panel's saved directory values laid over the environment's."""
    row = await DirectorySettings.get_or_none(id=1)
    if row is None:
        return settings
    update: dict[str, Any] = {k: v for k, v in row.values.items() if k in EDITABLE}
    if row.bind_password:
        password = unseal(settings, row.bind_password)
        if password is not None:
            update["ldap_bind_password"] = password
    return settings.model_copy(update=update)
