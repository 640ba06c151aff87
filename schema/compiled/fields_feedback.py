"""The compiled path's descriptions of feedback forms (协作反馈表) and their rows (反馈项):
part of ``SOURCES`` (``fields.py``, whose note on scope holds here).

A form and each of its rows, links and the people and departments they name are read
with their own scope (every one of them is visible through the requirement's), as the
generic loaders read them: the rows by their place on the form, the people and departments
of a form or a row by link id, one missing from the viewer's scope left out.
"""

from __future__ import annotations

from models import (
    Feedback,
    FeedbackDepartment,
    FeedbackItem,
    FeedbackItemDepartment,
    FeedbackItemPerson,
    FeedbackPerson,
)
from schema.compiled.kinds import ObjectSource, ToMany, ToManyVia, ToOne
from schema.compiled.kinds import columns as _columns

#: The columns a form shares with each of its rows (the form's are its first row's).
_HANDLING = _columns(
    id="id",
    kind="text",
    content="text",
    proposal="text",
    handlingResult="text",
    handledAt="datetime",
)

FEEDBACK_SOURCES: dict[str, ObjectSource] = {
    "Feedback": ObjectSource(
        Feedback,
        {
            **_HANDLING,
            **_columns(code="text", createdAt="datetime", updatedAt="datetime"),
            "requirement": ToOne("Requirement", "requirement_id"),
            "author": ToOne("User", "author_id"),
            "authorDepartment": ToOne("Department", "author_department_id"),
            "handledBy": ToOne("User", "handled_by_id"),
            "items": ToMany("FeedbackItem", "feedback_id", ("position",)),
            "people": ToManyVia("User", FeedbackPerson, "feedback_id", "user_id"),
            "departments": ToManyVia(
                "Department", FeedbackDepartment, "feedback_id", "department_id"
            ),
        },
    ),
    "FeedbackItem": ObjectSource(
        FeedbackItem,
        {
            **_HANDLING,
            **_columns(position="int"),
            "feedback": ToOne("Feedback", "feedback_id"),
            "handledBy": ToOne("User", "handled_by_id"),
            "people": ToManyVia("User", FeedbackItemPerson, "item_id", "user_id"),
            "departments": ToManyVia(
                "Department", FeedbackItemDepartment, "item_id", "department_id"
            ),
        },
    ),
}
