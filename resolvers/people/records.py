"""What an import file or a directory says about people and departments, checked.

Both sources are read into the same records, so one reconciliation
(``resolvers/people/changes.py``) decides what to create, change and deactivate for either.
A ``None`` field means "the source says nothing about it: keep what CrossFlow has"
(an incremental directory run knows only the department of an unchanged entry).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from resolvers.access.account import LANGUAGES

USERNAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$")
CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$")
EMAIL = re.compile(r"^[^@\s]{1,64}@[^@\s]+\.[^@\s]+$")
DISPLAY_NAME_MAX = 64
DEPARTMENT_NAME_MAX = 64


@dataclass(frozen=True)
class DepartmentRecord:
    """A department as the source names it (its code is the key)."""

    code: str
    name: str
    #: The source's stable id (an OU's entryUUID); the code for an import.
    key: str
    parent_code: str | None = None
    where: str = ""


@dataclass(frozen=True)
class PersonRecord:
    """A person as the source describes them; ``key`` is the stable external id."""

    key: str
    username: str | None
    display_name: str | None = None
    email: str | None = None
    language: str | None = None
    department_code: str | None = None
    #: Where the source has them, for refusals: "row 12" or an entry's DN.
    where: str = ""


@dataclass
class Snapshot:
    """Everything one run read from its source: the reconciliation's whole input."""

    departments: list[DepartmentRecord] = field(default_factory=list)
    people: list[PersonRecord] = field(default_factory=list)
    #: Department code -> the key of its head (absent: the source says nothing of it).
    heads: dict[str, str | None] = field(default_factory=dict)
    #: Keys of every person the source still has; ``None``: deactivate nobody.
    present: set[str] | None = None
    #: Problems found while reading (bad rows, entries without a username).
    refusals: list[tuple[str, str]] = field(default_factory=list)


def person_problems(record: PersonRecord) -> list[str]:
    """Why a person record cannot be applied (empty: it can)."""
    problems: list[str] = []
    if not record.key.strip() or len(record.key) > 128:
        problems.append("no stable key (employee number or username)")
    if record.username is not None and not USERNAME.match(record.username):
        problems.append(f"username {record.username!r} is not 1-64 letters, digits or ._@-")
    if record.display_name is not None and not 0 < len(record.display_name) <= DISPLAY_NAME_MAX:
        problems.append(f"display name must be 1-{DISPLAY_NAME_MAX} characters")
    if record.email and (len(record.email) > 254 or not EMAIL.match(record.email)):
        problems.append(f"e-mail {record.email!r} is not an address")
    if record.language is not None and record.language not in LANGUAGES:
        problems.append(f"language must be one of {', '.join(LANGUAGES)}")
    return problems


def department_problems(record: DepartmentRecord) -> list[str]:
    """Why a department record cannot be applied (empty: it can)."""
    problems: list[str] = []
    if not CODE.match(record.code):
        problems.append(f"department code {record.code!r} is not 1-32 letters, digits or ._-")
    if not 0 < len(record.name) <= DEPARTMENT_NAME_MAX:
        problems.append(f"department name must be 1-{DEPARTMENT_NAME_MAX} characters")
    if record.parent_code == record.code:
        problems.append("a department cannot be its own parent")
    return problems
