"""Organisation sync from a collaboration suite (Feishu, …): the directory sync's twin.

The suite's snapshot goes through the same reconciliation as an import file or an LDAP
directory (``resolvers/people/changes.py``): departments and heads follow the suite, a person who
left (or is frozen) is deactivated, never deleted, and each change is audited with the
suite's name as ``via``. Suite accounts are identity-provider accounts (source ``OIDC``,
keyed by the suite's user id): CrossFlow holds no password for them, and a suite sync
owns every OIDC account, so connect one identity provider per installation.
"""

from __future__ import annotations

from models import PeopleSyncRun
from models.directory import AccountSource
from resolvers.access import policy
from resolvers.access.auth import Viewer
from resolvers.people import changes as people
from resolvers.people import runs as people_runs
from resolvers.people.suites import SuiteError, SuiteProvider

SOURCE = AccountSource.OIDC


async def sync_suite(
    provider: SuiteProvider, viewer: Viewer | None = None, *, started_by: str = ""
) -> PeopleSyncRun:
    """Run one sync; the run is its report (FAILED with the suite's error if it failed)."""
    if viewer is not None:
        policy.require_writer(viewer)
        policy.require_admin(viewer)
    run = await people_runs.start(
        SOURCE, started_by or (viewer.username if viewer else provider.name)
    )
    run.full = True
    try:
        snapshot = await provider.organisation()
        plan = await people.plan(SOURCE, snapshot)
    except SuiteError as exc:
        return await people_runs.fail(run, f"{provider.name} {exc}")
    except BaseException as exc:
        await people_runs.fail(run, f"{type(exc).__name__}: {exc}")
        raise
    plan.via = provider.name
    return await people_runs.finish(run, plan, viewer, apply=True, refuse_all=False)
