"""CI guard for the API contract: a breaking schema change must come with its schema.graphql.

Frontend teams and BI tools build on ``schema.graphql`` (the committed SDL). A change that
removes or retypes something they use must be visible in review, so:

- the code's SDL must equal the committed ``schema.graphql`` (``git show HEAD:…``);
  otherwise the check fails, naming the breaking changes if there are any;
- when it does, breaking changes against the previous commit's ``schema.graphql`` are
  allowed (the file was updated in this very commit, so the reviewers saw the diff) and
  printed, along with the dangerous ones (graphql-core's ``find_breaking_changes`` and
  ``find_dangerous_changes``).

Without a previous commit (a first commit, a shallow clone) there is nothing to compare
against and only the first rule applies; outside a git checkout the check is skipped.
``crossflow check-schema`` runs it; ``.ci/run`` runs that before the tests.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from graphql import build_schema, find_breaking_changes, find_dangerous_changes

SDL_PATH = "schema.graphql"
EXPORT_HINT = "crossflow export-schema > schema.graphql"


@dataclass
class Verdict:
    """Whether CI passes, and the lines to print."""

    ok: bool
    lines: list[str] = field(default_factory=list)


def breaking_changes(old_sdl: str, new_sdl: str) -> list[str]:
    """What a client of ``old_sdl`` would find broken in ``new_sdl``, one line each."""
    old, new = build_schema(old_sdl), build_schema(new_sdl)
    return [
        f"{change.type.name}: {change.description}" for change in find_breaking_changes(old, new)
    ]


def dangerous_changes(old_sdl: str, new_sdl: str) -> list[str]:
    """Changes that may alter what existing clients get (new enum values, new defaults)."""
    old, new = build_schema(old_sdl), build_schema(new_sdl)
    return [
        f"{change.type.name}: {change.description}" for change in find_dangerous_changes(old, new)
    ]


def evaluate(previous: str | None, committed: str | None, code: str) -> Verdict:
    """The verdict for the SDL of the previous commit, of this commit, and of the code."""
    against = previous if previous is not None else committed
    breaking = breaking_changes(against, code) if against is not None else []
    if committed is None:
        return Verdict(False, [f"{SDL_PATH} is not committed: run `{EXPORT_HINT}` and commit it"])
    if committed != code:
        lines = [f"{SDL_PATH} differs from the schema the code serves: run `{EXPORT_HINT}`,"]
        lines.append("review the diff and commit it with the change.")
        if breaking:
            lines.append("Breaking changes for existing clients:")
            lines += [f"  - {line}" for line in breaking]
        return Verdict(False, lines)
    if previous is None:
        return Verdict(True, [f"{SDL_PATH} matches the code (no previous {SDL_PATH} to compare)"])
    lines = [f"{SDL_PATH} matches the code"]
    if breaking:
        lines.append(f"Breaking changes, accepted because {SDL_PATH} was updated with them:")
        lines += [f"  - {line}" for line in breaking]
    dangerous = dangerous_changes(previous, code)
    if dangerous:
        lines.append("Dangerous changes (check the clients):")
        lines += [f"  - {line}" for line in dangerous]
    if not breaking and not dangerous:
        lines.append("no breaking or dangerous changes since the previous commit")
    return Verdict(True, lines)


def _git(repository: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["git", *args], cwd=repository, capture_output=True, text=True, check=False
    )


def git_file(repository: Path, revision: str, path: str = SDL_PATH) -> str | None:
    """The file at a revision, or ``None`` when the revision or the file does not exist."""
    result = _git(repository, "show", f"{revision}:{path}")
    return result.stdout if result.returncode == 0 else None


def check(repository: Path, code_sdl: str) -> Verdict:
    """The verdict for the repository's last two commits and the code's SDL."""
    head = _git(repository, "rev-parse", "--verify", "HEAD")
    if head.returncode != 0:
        reason = head.stderr.strip().splitlines()[-1:] or ["not a git checkout"]
        return Verdict(True, [f"schema check skipped: {reason[0]}"])
    return evaluate(git_file(repository, "HEAD~1"), git_file(repository, "HEAD"), code_sdl)
