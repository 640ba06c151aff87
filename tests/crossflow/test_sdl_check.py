"""The CI schema check: a breaking change passes only with schema.graphql updated with it."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from crossflow.sdl_check import breaking_changes, check, evaluate
from schema import schema
from tests.crossflow.test_cli import crossflow

OLD = """type Query {
  task(code: String!): Task!
  tasks(first: Int = null): [Task!]!
}

type Task {
  code: String!
  title: String!
  status: TaskStatus!
}

enum TaskStatus {
  PENDING
  COMPLETED
}
"""
#: Removes a field, retypes an argument: breaking. Adds a field: not breaking.
BREAKING = """type Query {
  task(code: ID!): Task!
  tasks(first: Int = null): [Task!]!
}

type Task {
  code: String!
  status: TaskStatus!
  deadline: String
}

enum TaskStatus {
  PENDING
  COMPLETED
}
"""
#: Adds a field and an enum value: not breaking, but the new value is "dangerous".
ADDITIVE = OLD.replace("  status: TaskStatus!\n", "  status: TaskStatus!\n  deadline: String\n")
ADDITIVE = ADDITIVE.replace("  PENDING\n", "  PENDING\n  IN_PROGRESS\n")


def test_breaking_changes_between_two_sdls() -> None:
    found = breaking_changes(OLD, BREAKING)
    assert any("FIELD_REMOVED" in line and "Task.title" in line for line in found)
    assert any("ARG_CHANGED_KIND" in line and "code" in line for line in found)
    assert breaking_changes(OLD, ADDITIVE) == []
    assert breaking_changes(OLD, OLD) == []


def test_a_breaking_change_with_the_sdl_updated_in_the_same_commit_passes() -> None:
    verdict = evaluate(previous=OLD, committed=BREAKING, code=BREAKING)
    assert verdict.ok
    text = "\n".join(verdict.lines)
    assert "Breaking changes, accepted" in text and "Task.title" in text


def test_a_breaking_change_without_the_sdl_fails_and_names_the_breaks() -> None:
    verdict = evaluate(previous=OLD, committed=OLD, code=BREAKING)
    assert not verdict.ok
    text = "\n".join(verdict.lines)
    assert "export-schema" in text and "Task.title" in text


def test_any_difference_from_the_committed_sdl_fails() -> None:
    verdict = evaluate(previous=OLD, committed=OLD, code=ADDITIVE)
    assert not verdict.ok
    assert "Breaking" not in "\n".join(verdict.lines)


def test_an_additive_change_committed_passes_and_dangerous_ones_are_shown() -> None:
    verdict = evaluate(previous=OLD, committed=ADDITIVE, code=ADDITIVE)
    assert verdict.ok
    assert any("VALUE_ADDED_TO_ENUM" in line for line in verdict.lines)
    quiet = evaluate(previous=OLD, committed=OLD, code=OLD)
    assert quiet.ok and "no breaking or dangerous changes" in quiet.lines[-1]


def test_without_a_previous_commit_only_the_committed_file_is_compared() -> None:
    assert evaluate(previous=None, committed=OLD, code=OLD).ok
    assert not evaluate(previous=None, committed=OLD, code=BREAKING).ok
    assert not evaluate(previous=None, committed=None, code=OLD).ok


def git(repository: Path, *args: str) -> None:
    identity = ["-c", "user.name=CI", "-c", "user.email=ci@crossflow.example"]
    subprocess.run(["git", *identity, *args], cwd=repository, check=True, capture_output=True)


def commit_sdl(repository: Path, sdl: str, message: str) -> None:
    (repository / "schema.graphql").write_text(sdl, encoding="utf-8")
    git(repository, "add", "schema.graphql")
    git(repository, "commit", "-q", "-m", message)


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    """A throwaway git repository (never this project's own)."""
    git(tmp_path, "init", "-q")
    return tmp_path


def test_the_check_reads_the_last_two_commits(repository: Path) -> None:
    assert check(repository, OLD).ok  # no commit yet: skipped
    commit_sdl(repository, OLD, "first")
    assert check(repository, OLD).ok
    assert not check(repository, BREAKING).ok
    commit_sdl(repository, BREAKING, "break it, with the SDL")
    verdict = check(repository, BREAKING)
    assert verdict.ok and any("Task.title" in line for line in verdict.lines)


def test_the_command_fails_ci_on_a_stale_schema_graphql(repository: Path) -> None:
    code_sdl = schema.as_str() + "\n"
    commit_sdl(repository, code_sdl.replace("  myTasks(", "  myTasksRenamed("), "old name")
    stale = crossflow("check-schema", "--repository", str(repository), cwd=repository)
    assert stale.returncode == 1, stale.stdout
    assert "myTasks" in stale.stdout
    commit_sdl(repository, code_sdl, "rename, with the SDL")
    updated = crossflow("check-schema", "--repository", str(repository), cwd=repository)
    assert updated.returncode == 0, updated.stdout
    assert "Breaking changes, accepted" in updated.stdout and "myTasksRenamed" in updated.stdout
