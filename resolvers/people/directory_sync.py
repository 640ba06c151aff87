"""Directory sync (LDAP / Active Directory): people, departments and heads follow the directory.

Each run (docs/decisions.md, "Directory sync: incremental attributes, full listing of
keys"):

1. reads every department, and every person's *light* entry (key, DN, modifyTimestamp and
   the manager): a person missing from it is deactivated, a changed DN moves them, and the
   heads are recomputed, on every run;
2. reads the full attributes only of people changed since the last successful run's
   watermark (``modifyTimestamp>=``), plus any person CrossFlow does not know yet;
3. reconciles through ``resolvers/people/changes.py`` (one transaction; a refused entry is
   skipped and reported, the rest applied), audited with ``via="ldap"``.

ldap3 blocks, so the directory is read in a thread. The scheduler enqueues
``workers.directory.sync_directory``; the panel and ``crossflow directory-sync`` call
:func:`sync_directory` directly.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import datetime, timedelta

from core import clock, ldap_directory
from core.ldap_directory import DirectoryError, Entry, Listing, normal_dn, parent_dn
from core.settings import Settings
from models import PeopleSyncRun, User
from models.directory import AccountSource, SyncStatus
from resolvers.access import policy
from resolvers.access.auth import Viewer
from resolvers.errors import BadUserInput, Conflict
from resolvers.people import changes as people
from resolvers.people import directory_settings
from resolvers.people import runs as people_runs
from resolvers.people.records import DepartmentRecord, PersonRecord, Snapshot

LDAP = AccountSource.LDAP
#: A run still RUNNING after this long is taken as dead (its process stopped) and ignored.
STALE_RUN = timedelta(hours=1)


async def sync_directory(
    settings: Settings,
    viewer: Viewer | None = None,
    *,
    started_by: str = "",
    full: bool = False,
) -> PeopleSyncRun:
    """Run one sync; the run is its report (FAILED with the reason if the directory failed)."""
    if viewer is not None:
        policy.require_writer(viewer)
        policy.require_admin(viewer)
    settings = await directory_settings.effective(settings)
    if not settings.ldap_url:
        raise BadUserInput(
            "未配置目录服务 (no directory is configured: CROSSFLOW_LDAP_URL or the panel)",
            field="ldap",
        )
    if await PeopleSyncRun.filter(
        source=LDAP, status=SyncStatus.RUNNING, started_at__gt=clock.now() - STALE_RUN
    ).exists():
        raise Conflict("目录同步正在进行 (a directory sync is already running)")
    last = (
        await PeopleSyncRun.filter(source=LDAP, status=SyncStatus.SUCCEEDED, dry_run=False)
        .order_by("-id")
        .first()
    )
    since = None if full or last is None else last.watermark
    run = await people_runs.start(LDAP, started_by or (viewer.username if viewer else "system"))
    run.full = since is None
    try:
        listing = await asyncio.to_thread(ldap_directory.read, settings, since)
        known = set(await User.filter(source=LDAP).values_list("external_id", flat=True))
        changed = {e.text(settings.ldap_attr_key) for e in listing.changed}
        unknown = {e.text(settings.ldap_attr_key) for e in listing.people} - known - changed
        listing.changed += await asyncio.to_thread(
            ldap_directory.read_by_keys, settings, unknown - {""}
        )
        plan = await people.plan(LDAP, snapshot_of(settings, listing))
    except DirectoryError as exc:
        return await people_runs.fail(run, str(exc))
    except BaseException as exc:
        await people_runs.fail(run, f"{type(exc).__name__}: {exc}")
        raise
    stamps = [stamp for stamp in map(_stamp, listing.people) if stamp is not None]
    watermark = max(stamps, default=since)
    return await people_runs.finish(
        run, plan, viewer, apply=True, refuse_all=False, watermark=watermark
    )


def snapshot_of(settings: Settings, listing: Listing) -> Snapshot:
    """The directory's departments, people and heads as reconciliation records."""
    snapshot = Snapshot(present=set())
    codes: dict[str, str] = {}
    for entry in listing.departments:
        if entry.text(settings.ldap_attr_department_code):
            codes[normal_dn(entry.dn)] = entry.text(settings.ldap_attr_department_code)
    for entry in listing.departments:
        code = codes.get(normal_dn(entry.dn), "")
        if not code:
            snapshot.refusals.append((entry.dn, "a department entry without a code"))
            continue
        snapshot.departments.append(
            DepartmentRecord(
                code=code,
                name=entry.text(settings.ldap_attr_department_name) or code,
                key=entry.text(settings.ldap_attr_key) or code,
                parent_code=codes.get(parent_dn(entry.dn)),
                where=entry.dn,
            )
        )
    full = {e.text(settings.ldap_attr_key): e for e in listing.changed}
    keys_by_dn: dict[str, str] = {}
    members: dict[str, list[Entry]] = {}
    for entry in listing.people:
        key = entry.text(settings.ldap_attr_key)
        if not key:
            snapshot.refusals.append((entry.dn, f"no {settings.ldap_attr_key}"))
            continue
        assert snapshot.present is not None
        snapshot.present.add(key)
        keys_by_dn[normal_dn(entry.dn)] = key
        department = _department_of(settings, entry, codes)
        if department:
            members.setdefault(department, []).append(entry)
        snapshot.people.append(_person(settings, key, full.get(key), department, entry.dn))
    snapshot.heads = _heads(settings, listing.departments, codes, members, keys_by_dn)
    return snapshot


def _department_of(settings: Settings, entry: Entry, codes: dict[str, str]) -> str | None:
    if settings.ldap_attr_department:
        return entry.text(settings.ldap_attr_department) or None
    return codes.get(parent_dn(entry.dn))


def _person(
    settings: Settings, key: str, entry: Entry | None, department: str | None, dn: str
) -> PersonRecord:
    """A full record for a changed entry; only the department for an unchanged one."""
    if entry is None:
        return PersonRecord(key=key, username=None, department_code=department, where=dn)
    username = entry.text(settings.ldap_attr_username)
    return PersonRecord(
        key=key,
        username=username or None,
        display_name=entry.text(settings.ldap_attr_display_name) or username,
        email=entry.text(settings.ldap_attr_email),
        department_code=department,
        where=dn,
    )


def _heads(
    settings: Settings,
    departments: list[Entry],
    codes: dict[str, str],
    members: dict[str, list[Entry]],
    keys_by_dn: dict[str, str],
) -> dict[str, str | None]:
    """Department code -> its head's key, from the department entry or the members' managers.

    With the managers, the head is the manager most of the department's members name,
    preferring one who is a member (the head's own manager is usually someone above).
    """
    heads: dict[str, str | None] = {}
    if settings.ldap_attr_department_head:
        for entry in departments:
            head = keys_by_dn.get(normal_dn(entry.text(settings.ldap_attr_department_head)))
            code = codes.get(normal_dn(entry.dn))
            if code and head:
                heads[code] = head
        return heads
    for code, entries in members.items():
        named = Counter(
            keys_by_dn.get(normal_dn(entry.text(settings.ldap_attr_manager))) for entry in entries
        )
        named.pop(None, None)
        inside = {keys_by_dn.get(normal_dn(e.dn)) for e in entries}
        ranked = sorted(named.items(), key=lambda kv: (kv[0] not in inside, -kv[1], kv[0]))
        if ranked:
            heads[code] = ranked[0][0]
    return heads


def _stamp(entry: Entry) -> datetime | None:
    value = ldap_directory.first(entry.attributes.get("modifyTimestamp"))
    return value if isinstance(value, datetime) else None
