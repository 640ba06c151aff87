"""Importing people and departments from a CSV or XLSX file (panel and ``import-people``).

A dry run records what would be created, changed and deactivated and changes nothing.
A real run applies everything in one transaction, or nothing: any bad row refuses the
whole file, each bad row reported with its row number. Re-running the same file changes
nothing (people are matched by their employee number, or username). Only people of
earlier imports can be deactivated, and only when asked (``deactivate_missing``).
"""

from __future__ import annotations

from collections.abc import Callable

from models import PeopleSyncRun
from models.directory import AccountSource
from resolvers.access import policy
from resolvers.access.auth import Viewer
from resolvers.errors import BadUserInput
from resolvers.people import changes as people
from resolvers.people import runs as people_runs
from resolvers.people.file import PeopleFileError, read_people_file


async def import_people(
    viewer: Viewer | None,
    data: bytes,
    file_name: str,
    *,
    dry_run: bool,
    deactivate_missing: bool = False,
    started_by: str = "",
    progress: Callable[[int], Callable[[], None]] | None = None,
) -> PeopleSyncRun:
    """Check the file and apply it (unless ``dry_run``); the run is the report.

    ``viewer`` is the panel's administrator, ``None`` for the command line, whose
    ``progress`` is given the number of people to change and returns a per-person tick.
    """
    if viewer is not None:
        policy.require_writer(viewer)
        policy.require_admin(viewer)
    try:
        snapshot = read_people_file(data, file_name, deactivate_missing=deactivate_missing)
    except PeopleFileError as exc:
        raise BadUserInput(
            f"无法读取人员文件 (cannot read the people file): {exc}", field="file"
        ) from exc
    label = started_by or (viewer.username if viewer else "cli")
    run = await people_runs.start(AccountSource.IMPORT, label, dry_run=dry_run, file_name=file_name)
    plan = await people.plan(AccountSource.IMPORT, snapshot)
    total = len(plan.new_people) + len(plan.changed_people) + len(plan.deactivated)
    tick = progress(total) if progress is not None and not dry_run else None
    return await people_runs.finish(
        run, plan, viewer, apply=not dry_run, refuse_all=True, tick=tick
    )
