"""Reading an LDAP directory (OpenLDAP, Active Directory) with ldap3, and LDAP sign-in.

ldap3's calls block: every function here is synchronous and is called through a thread
(``asyncio.to_thread``) by ``resolvers/people/directory_sync.py`` and
``resolvers/access/credentials.py``.
Multi-valued attributes (``mail``, ``manager``) come back as lists: :func:`first` takes the
first value. Searches are paged (slapd's default size limit is 500 entries).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from ldap3 import SUBTREE, Connection, Server
from ldap3.core.exceptions import LDAPBindError, LDAPException, LDAPInvalidCredentialsResult
from ldap3.utils.conv import escape_filter_chars

from core.settings import Settings

PAGE_SIZE = 500
#: Entries fetched by key in one search (an OR filter of this many terms).
KEYS_PER_SEARCH = 100


class DirectoryError(RuntimeError):
    """The directory cannot be reached, refused the service bind, or a search failed."""


@dataclass(frozen=True)
class Entry:
    """One directory entry: its DN and the attributes asked for, as plain values."""

    dn: str
    attributes: dict[str, Any]

    def text(self, name: str) -> str:
        """An attribute as text ('' when absent), the first value of a multi-valued one."""
        if not name:
            return ""
        value = first(self.attributes.get(name))
        return "" if value is None else str(value).strip()


@dataclass
class Listing:
    """What one sync reads: every department, every person's light entry, changed people."""

    departments: list[Entry] = field(default_factory=list)
    #: Every person with only the key, modifyTimestamp and the head-deciding attributes.
    people: list[Entry] = field(default_factory=list)
    #: Full entries of people changed since the watermark (or every person on a full run).
    changed: list[Entry] = field(default_factory=list)


def first(value: Any) -> Any:
    """ldap3 returns multi-valued attributes as lists; the first value, or ``None``."""
    if isinstance(value, list | tuple):
        return value[0] if value else None
    return value


def normal_dn(dn: str) -> str:
    """A DN for comparison: lower case, no blanks around the separators."""
    return ",".join(part.strip() for part in dn.split(",")).lower()


def parent_dn(dn: str) -> str:
    return normal_dn(dn).split(",", 1)[1] if "," in dn else ""


class BindRefused(DirectoryError):
    """The directory answered, and refused these credentials."""


def connect(
    settings: Settings, bind_dn: str | None = None, password: str | None = None
) -> Connection:
    """A bound connection (the service account unless told otherwise), or DirectoryError."""
    if not settings.ldap_url:
        raise DirectoryError("CROSSFLOW_LDAP_URL is not set")
    server = Server(settings.ldap_url, connect_timeout=settings.ldap_timeout_seconds)
    try:
        return Connection(
            server,
            settings.ldap_bind_dn if bind_dn is None else bind_dn,
            settings.ldap_bind_password if password is None else password,
            auto_bind=True,
            read_only=True,
            receive_timeout=int(settings.ldap_timeout_seconds),  # ldap3 packs it as an int
            raise_exceptions=True,
        )
    except (LDAPBindError, LDAPInvalidCredentialsResult) as exc:  # as raise_exceptions has it
        raise BindRefused(f"the directory refused the bind as {bind_dn or 'the service'}") from exc
    except LDAPException as exc:
        raise DirectoryError(f"cannot bind to the directory: {type(exc).__name__}: {exc}") from exc


def read(settings: Settings, since: datetime | None) -> Listing:
    """Departments, the people's light listing, and full entries changed since ``since``."""
    conn = connect(settings)
    try:
        listing = Listing()
        listing.departments = list(
            _search(
                conn,
                settings.ldap_departments_base or settings.ldap_people_base,
                settings.ldap_departments_filter,
                [
                    settings.ldap_attr_key,
                    settings.ldap_attr_department_code,
                    settings.ldap_attr_department_name,
                    settings.ldap_attr_department_head,
                ],
            )
        )
        light = [settings.ldap_attr_key, "modifyTimestamp", settings.ldap_attr_department]
        if not settings.ldap_attr_department_head:
            light.append(settings.ldap_attr_manager)
        people_filter = settings.ldap_people_filter
        listing.people = list(_search(conn, settings.ldap_people_base, people_filter, light))
        if since is not None:
            stamp = since.strftime("%Y%m%d%H%M%SZ")
            people_filter = f"(&{people_filter}(modifyTimestamp>={stamp}))"
        listing.changed = list(
            _search(conn, settings.ldap_people_base, people_filter, person_attributes(settings))
        )
        return listing
    except LDAPException as exc:
        raise DirectoryError(f"directory search failed: {type(exc).__name__}: {exc}") from exc
    finally:
        conn.unbind()


def read_by_keys(settings: Settings, keys: Iterable[str]) -> list[Entry]:
    """Full entries of these people (those CrossFlow does not know yet, though unchanged)."""
    wanted = sorted(keys)
    if not wanted:
        return []
    conn = connect(settings)
    try:
        found: list[Entry] = []
        key = settings.ldap_attr_key
        for start in range(0, len(wanted), KEYS_PER_SEARCH):
            terms = "".join(
                f"({key}={escape_filter_chars(k)})" for k in wanted[start : start + KEYS_PER_SEARCH]
            )
            query = f"(&{settings.ldap_people_filter}(|{terms}))"
            found += _search(conn, settings.ldap_people_base, query, person_attributes(settings))
        return found
    except LDAPException as exc:
        raise DirectoryError(f"directory search failed: {type(exc).__name__}: {exc}") from exc
    finally:
        conn.unbind()


def authenticate(settings: Settings, username: str, password: str) -> str | None:
    """The key of the person ``username`` if ``password`` binds as them, else ``None``.

    The DN is looked up with the service account (the username escaped, so ``*)(uid=*``
    matches nobody), then a second connection binds as that DN. An empty password is
    refused here: LDAP treats it as an "unauthenticated bind" that succeeds.
    """
    if not password or not username:
        return None
    conn = connect(settings)
    try:
        query = (
            f"(&{settings.ldap_people_filter}"
            f"({settings.ldap_attr_username}={escape_filter_chars(username)}))"
        )
        entries = list(_search(conn, settings.ldap_people_base, query, [settings.ldap_attr_key]))
    except LDAPException as exc:
        raise DirectoryError(f"directory search failed: {type(exc).__name__}: {exc}") from exc
    finally:
        conn.unbind()
    if len(entries) != 1:
        return None
    try:
        connect(settings, entries[0].dn, password).unbind()
    except BindRefused:
        return None
    return entries[0].text(settings.ldap_attr_key)


def person_attributes(settings: Settings) -> list[str]:
    names = [
        settings.ldap_attr_key,
        "modifyTimestamp",
        settings.ldap_attr_username,
        settings.ldap_attr_display_name,
        settings.ldap_attr_email,
        settings.ldap_attr_department,
        settings.ldap_attr_manager,
    ]
    return [name for name in dict.fromkeys(names) if name]


def _search(conn: Connection, base: str, query: str, attributes: list[str]) -> Iterator[Entry]:
    wanted = [name for name in dict.fromkeys(attributes) if name]
    for item in conn.extend.standard.paged_search(
        base, query, SUBTREE, attributes=wanted, paged_size=PAGE_SIZE, generator=True
    ):
        if item.get("type") == "searchResEntry":
            yield Entry(item["dn"], dict(item["attributes"]))
