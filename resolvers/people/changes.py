"""Creating, changing and deactivating people and departments from an outside source.

One reconciliation for every source (an import file, an LDAP directory, later an IdP):
:func:`plan` compares what the source says (``resolvers.people.records.Snapshot``) with
the database and lists the changes, refusing anything it cannot apply; :func:`apply`
makes them in the caller's transaction, each audited with the source as ``via``.

A source only ever changes accounts of its own source: an entry whose username belongs
to a local (or another source's) account is refused, so a directory cannot take over the
break-glass administrator. People are deactivated, never deleted (their history stays);
deactivation raises the token epoch, so every session and bearer token ends, and
:func:`announce` (after the commit) makes open websockets re-check and close.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.expressions import F

from core import realtime
from models import Department, DepartmentHead, User
from models.directory import AccountSource
from models.enums import Role
from resolvers import audit
from resolvers.access.auth import Viewer
from resolvers.people.records import PersonRecord, Snapshot, department_problems, person_problems

#: Fields a source may set on a person (the role only follows headships).
PERSON_FIELDS = ("username", "display_name", "email", "language", "department_id")
#: Roles a source moves between when someone becomes or stops being a head; an admin's or
#: an executive's role is never changed by a source.
HEAD_ROLES = (Role.EMPLOYEE, Role.DEPT_HEAD)


@dataclass
class Plan:
    """The changes one run would make, and what it refuses."""

    source: AccountSource
    #: The audit log's ``via`` when it is not the source's name (a suite: ``feishu``).
    via: str = ""
    new_departments: list[tuple[str, str, str]] = field(default_factory=list)
    #: Department code -> fields to change (``parent_code`` among them).
    changed_departments: dict[str, dict[str, Any]] = field(default_factory=dict)
    new_people: list[PersonRecord] = field(default_factory=list)
    #: The record's fields as values; ``department_code`` stays a code until applied.
    new_people_fields: dict[str, dict[str, Any]] = field(default_factory=dict)
    changed_people: list[tuple[User, dict[str, Any]]] = field(default_factory=list)
    deactivated: list[User] = field(default_factory=list)
    #: Department code -> the key of its new head.
    new_heads: dict[str, str] = field(default_factory=dict)
    #: Department code -> parent code, for departments created or moved.
    parents: dict[str, str | None] = field(default_factory=dict)
    unchanged: int = 0
    refusals: list[tuple[str, str]] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not (
            self.new_departments
            or self.changed_departments
            or self.new_people
            or self.changed_people
            or self.deactivated
            or self.new_heads
        )

    def report(self) -> list[dict[str, Any]]:
        """The changes as the sync report shows them."""
        rows: list[dict[str, Any]] = [
            {"action": "create", "key": r.key, "username": r.username, "fields": {}}
            for r in self.new_people
        ]
        rows += [
            {"action": "update", "key": u.external_id, "username": u.username, "fields": f}
            for u, f in self.changed_people
        ]
        rows += [
            {"action": "deactivate", "key": u.external_id, "username": u.username, "fields": {}}
            for u in self.deactivated
        ]
        rows += [
            {"action": "head", "key": key, "username": "", "fields": {"department": code}}
            for code, key in self.new_heads.items()
        ]
        return rows


async def plan(source: AccountSource, snapshot: Snapshot) -> Plan:
    """Compare the source's snapshot with the database; nothing is written."""
    result = Plan(source, refusals=list(snapshot.refusals))
    departments = {d.code: d for d in await Department.all()}
    _plan_departments(result, snapshot, departments)
    known_codes = set(departments) | {code for code, _, _ in result.new_departments}
    by_key = {u.external_id: u for u in await User.filter(source=source)}
    by_name = {u.username: u for u in await User.all().only("id", "username", "source")}
    head_keys = {key for key in snapshot.heads.values() if key}
    seen_keys: set[str] = set()
    seen_names: set[str] = set()
    accepted: set[str] = set()
    for record in snapshot.people:
        problems = person_problems(record)
        if record.key in seen_keys:
            problems.append(f"key {record.key!r} appears twice")
        if record.username is not None and record.username in seen_names:
            problems.append(f"username {record.username!r} appears twice")
        if record.department_code is not None and record.department_code not in known_codes:
            problems.append(f"unknown department {record.department_code!r}")
        user = by_key.get(record.key)
        owner = by_name.get(record.username or "")
        if owner is not None and (user is None or owner.id != user.id):
            problems.append(
                f"username {record.username!r} belongs to another {owner.source} account"
            )
        seen_keys.add(record.key)
        if record.username is not None:
            seen_names.add(record.username)
        if problems:
            result.refusals.append((record.where, "; ".join(problems)))
            continue
        accepted.add(record.key)
        if user is None:
            if record.username is None:
                result.refusals.append((record.where, "a new person needs a username"))
                accepted.discard(record.key)
                continue
            result.new_people.append(record)
            if record.key in head_keys:
                result.new_people_fields[record.key] = {"role": Role.DEPT_HEAD}
            continue
        changes = _person_changes(user, record, departments, record.key in head_keys)
        if changes:
            result.changed_people.append((user, changes))
        else:
            result.unchanged += 1
    if snapshot.present is not None:
        result.deactivated = [
            u for u in by_key.values() if u.is_active and u.external_id not in snapshot.present
        ]
    await _plan_heads(result, snapshot, departments, by_key, accepted)
    return result


def _plan_departments(result: Plan, snapshot: Snapshot, existing: dict[str, Department]) -> None:
    codes = {d.code for d in snapshot.departments} | set(existing)
    ids: dict[str | None, int | None] = {code: d.id for code, d in existing.items()}
    for record in snapshot.departments:
        problems = department_problems(record)
        if record.parent_code and record.parent_code not in codes:
            problems.append(f"unknown parent department {record.parent_code!r}")
        if problems:
            result.refusals.append((record.where, "; ".join(problems)))
            continue
        current = existing.get(record.code)
        if current is None:
            result.new_departments.append((record.code, record.name, record.key))
            if record.parent_code:
                result.parents[record.code] = record.parent_code
            continue
        changes: dict[str, Any] = {}
        if current.name != record.name:
            changes["name"] = record.name
        if not current.is_active:
            changes["is_active"] = True
        if current.parent_id != (ids.get(record.parent_code) if record.parent_code else None):
            changes["parent_code"] = record.parent_code
            result.parents[record.code] = record.parent_code
        if changes:
            result.changed_departments[record.code] = changes


def _person_changes(
    user: User, record: PersonRecord, departments: dict[str, Department], heads: bool
) -> dict[str, Any]:
    wanted: dict[str, Any] = {
        "username": record.username,
        "display_name": record.display_name,
        "email": record.email,
        "language": record.language,
    }
    changes = {k: v for k, v in wanted.items() if v is not None and getattr(user, k) != v}
    if record.department_code is not None:
        department = departments.get(record.department_code)
        if department is None or department.id != user.department_id:
            changes["department_code"] = record.department_code
    if not user.is_active:
        changes["is_active"] = True
    role = Role(user.role)
    if role in HEAD_ROLES and (role is Role.DEPT_HEAD) != heads:
        changes["role"] = Role.DEPT_HEAD if heads else Role.EMPLOYEE
    return changes


async def _plan_heads(
    result: Plan,
    snapshot: Snapshot,
    departments: dict[str, Department],
    by_key: dict[str | None, User],
    present_keys: set[str],
) -> None:
    current = {row.department_id: row.user_id for row in await DepartmentHead.all()}
    by_id = {u.id: u for u in by_key.values()}
    for code, key in snapshot.heads.items():
        if key is None:
            continue
        if key not in present_keys:
            result.refusals.append(
                (f"department {code}", f"its head {key!r} is not an accepted person")
            )
            continue
        department = departments.get(code)
        head = by_id.get(current.get(department.id, -1)) if department else None
        if head is None or head.external_id != key:
            result.new_heads[code] = key


async def apply(
    plan_: Plan,
    viewer: Viewer | None,
    conn: BaseDBAsyncClient,
    tick: Callable[[], None] | None = None,
) -> list[int]:
    """Make the planned changes in ``conn``'s transaction; returns the users to announce.

    ``tick`` is called after each person (the command line's progress bar).
    """
    tick = tick or (lambda: None)
    via = plan_.via or plan_.source.value.lower()
    codes = {d.code: d for d in await Department.all().using_db(conn)}
    for code, name, key in plan_.new_departments:
        codes[code] = await Department.create(
            code=code, name=name, source=plan_.source, external_id=key, using_db=conn
        )
        await audit.record(
            viewer,
            "department.create",
            "Department",
            codes[code].id,
            subject_code=code,
            after={"name": name},
            via=via,
            using_db=conn,
        )
    for code, changes in plan_.changed_departments.items():
        plain = {k: v for k, v in changes.items() if k != "parent_code"}
        if plain:
            await Department.filter(id=codes[code].id).using_db(conn).update(**plain)
            await audit.record(
                viewer,
                "department.update",
                "Department",
                codes[code].id,
                subject_code=code,
                after=plain,
                via=via,
                using_db=conn,
            )
    for code, parent_code in plan_.parents.items():
        parent = codes.get(parent_code) if parent_code else None
        await (
            Department.filter(id=codes[code].id)
            .using_db(conn)
            .update(parent_id=parent.id if parent else None)
        )
    keys: dict[str, int] = {}
    for record in plan_.new_people:
        values: dict[str, Any] = {
            "username": record.username,
            "display_name": record.display_name or record.username,
            "email": record.email or "",
            "language": record.language or "zh",
            "department_id": codes[record.department_code].id if record.department_code else None,
            "role": plan_.new_people_fields.get(record.key, {}).get("role", Role.EMPLOYEE),
        }
        user = await User.create(
            **values,
            source=plan_.source,
            external_id=record.key,
            password_hash="",
            using_db=conn,
        )
        keys[record.key] = user.id
        tick()
        await audit.record(
            viewer,
            "user.create",
            "User",
            user.id,
            subject_code=str(record.username),
            after=_plain(values),
            via=via,
            using_db=conn,
        )
    announce: list[int] = []
    for user, changes in plan_.changed_people:
        updates = dict(changes)
        if "department_code" in updates:
            updates["department_id"] = codes[updates.pop("department_code")].id
        before = {k: getattr(user, k) for k in updates}
        await User.filter(id=user.id).using_db(conn).update(**updates)
        await audit.record(
            viewer,
            "user.update",
            "User",
            user.id,
            subject_code=user.username,
            before=_plain(before),
            after=_plain(updates),
            via=via,
            using_db=conn,
        )
        announce.append(user.id)
        tick()
    for user in plan_.deactivated:
        await deactivate(viewer, user, via, conn)
        announce.append(user.id)
        tick()
    await _apply_heads(plan_, viewer, codes, keys, conn)
    return announce


async def _apply_heads(
    plan_: Plan,
    viewer: Viewer | None,
    codes: dict[str, Department],
    keys: dict[str, int],
    conn: BaseDBAsyncClient,
) -> None:
    if not plan_.new_heads:
        return
    wanted = [k for k in plan_.new_heads.values() if k not in keys]
    rows = User.filter(source=plan_.source, external_id__in=wanted).using_db(conn)
    keys.update({str(u.external_id): u.id for u in await rows})
    for code, key in plan_.new_heads.items():
        department = codes[code]
        headship = await DepartmentHead.get_or_none(department_id=department.id, using_db=conn)
        before = {"user_id": headship.user_id} if headship else None
        if headship is None:
            await DepartmentHead.create(
                department_id=department.id, user_id=keys[key], using_db=conn
            )
        else:
            await DepartmentHead.filter(id=headship.id).using_db(conn).update(user_id=keys[key])
        await audit.record(
            viewer,
            "department_head.set",
            "Department",
            department.id,
            subject_code=code,
            before=before,
            after={"user_id": keys[key]},
            via=plan_.via or plan_.source.value.lower(),
            using_db=conn,
        )


async def deactivate(viewer: Viewer | None, user: User, via: str, conn: BaseDBAsyncClient) -> None:
    """Deactivate (never delete) and end every session: the token epoch goes up.

    Call :func:`announce` with the user's id once the transaction is committed, so open
    websockets close at once rather than at their next periodic re-check.
    """
    await (
        User.filter(id=user.id)
        .using_db(conn)
        .update(is_active=False, token_epoch=F("token_epoch") + 1)
    )
    await audit.record(
        viewer,
        "user.deactivate",
        "User",
        user.id,
        subject_code=user.username,
        before={"is_active": True},
        after={"is_active": False},
        via=via,
        using_db=conn,
    )


async def announce(user_ids: list[int]) -> None:
    """After the commit: every replica's open websockets of these users re-check now."""
    hub = realtime.hub()
    for user_id in user_ids:
        await hub.viewer_changed(user_id)


def _plain(values: dict[str, Any]) -> dict[str, Any]:
    """JSON-ready audit values (enums as their names)."""
    return {k: (v.value if isinstance(v, Role) else v) for k, v in values.items()}
