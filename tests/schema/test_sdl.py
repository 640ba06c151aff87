"""The committed SDL (schema.graphql) is the schema the code serves."""

from __future__ import annotations

from pathlib import Path

from schema import schema

SDL_FILE = Path(__file__).resolve().parents[2] / "schema.graphql"


def test_schema_graphql_matches_the_code() -> None:
    # when this fails: run `crossflow export-schema > schema.graphql` and review the diff
    assert SDL_FILE.read_text(encoding="utf-8") == schema.as_str() + "\n"


def test_every_entity_of_the_domain_is_a_node_type() -> None:
    sdl = SDL_FILE.read_text(encoding="utf-8")
    for name in (
        "Department",
        "User",
        "Delegation",
        "ApiToken",
        "Requirement",
        "ReviewRound",
        "Review",
        "Task",
        "ProgressUpdate",
        "TaskReschedule",
        "TaskResult",
        "Comment",
        "CollaborationRequest",
        "Attachment",
        "AttachmentVersion",
        "Meeting",
        "ResultReport",
        "Archive",
        "Feedback",
        "Suggestion",
        "WarningRule",
        "Alert",
        "WebhookChannel",
        "CalendarOverride",
        "Notification",
        "AuditEntry",
    ):
        assert f"type {name} implements Node" in sdl, name
