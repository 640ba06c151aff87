"""The compiled path's descriptions of a requirement's template (需求模板), result report
(结果报告) and meetings (会议预约): part of ``SOURCES`` (``fields.py``, whose note on scope
holds here).

A requirement's ``template`` is joined in with the template's scope (a disabled template
is the ADMIN's alone, so it reads as null for others, as the generic loader answers), and
its ``resultReport`` is the first of its reports in scope (``ToOneVia`` through the report
itself). A template's lists are read in the order the schema's fields read them
(``TEMPLATE_LISTS``, the one declaration of each list's order). A meeting's attendees are
its attendee links in scope, by id, each person in scope (``ToManyVia``); its decisions are
the JSON document as stored, and ``decisionItems`` its items in order, each owner in scope.
"""

from __future__ import annotations

from models import (
    Meeting,
    MeetingAttendee,
    RequirementTemplate,
    ResultReport,
    TemplateDepartment,
    TemplateResponseLimit,
    TemplateTask,
    TemplateWarningThreshold,
)
from schema.compiled.kinds import (
    IdPath,
    ItemKey,
    ItemRef,
    JsonItems,
    ObjectSource,
    ToMany,
    ToManyVia,
    ToOne,
)
from schema.compiled.kinds import columns as _columns
from schema.templates.scenarios import TEMPLATE_LISTS


def _list(name: str, target: str) -> ToMany:
    """The template's list field ``name`` as its field reads it (``TEMPLATE_LISTS``)."""
    child = TEMPLATE_LISTS[name]
    return ToMany(target, child.parent_field, child.order_by)


TEMPLATE_SOURCES: dict[str, ObjectSource] = {
    "RequirementTemplate": ObjectSource(
        RequirementTemplate,
        {
            **_columns(
                id="id",
                key="text",
                name="text",
                nameEn="text",
                description="text",
                priority="text",
                enabled="bool",
                urgentIntake="bool",
                signoffMode="text",
                acceptanceMode="text",
                version="int",
                updatedAt="datetime",
            ),
            "departments": _list("departments", "TemplateDepartment"),
            "tasks": _list("tasks", "TemplateTask"),
            "responseLimits": _list("responseLimits", "TemplateResponseLimit"),
            "thresholds": _list("thresholds", "TemplateThreshold"),
        },
    ),
    "TemplateDepartment": ObjectSource(
        TemplateDepartment,
        {
            **_columns(isLead="bool", contribution="text"),
            "department": ToOne("Department", "department_id"),
            "onDuty": ToOne("User", "on_duty_id"),
        },
    ),
    "TemplateTask": ObjectSource(
        TemplateTask,
        {
            **_columns(title="text", description="text", offsetDays="int", position="int"),
            "department": ToOne("Department", "department_id"),
        },
    ),
    "TemplateResponseLimit": ObjectSource(
        TemplateResponseLimit,
        {
            **_columns(hours="int", standard="text"),
            "department": ToOne("Department", "department_id"),
        },
    ),
    "TemplateThreshold": ObjectSource(
        TemplateWarningThreshold,
        _columns(kind="text", thresholdNormal="int", thresholdUrgent="int", unit="text"),
    ),
    "ResultReport": ObjectSource(
        ResultReport,
        {
            **_columns(
                id="id",
                goalAchievement="text",
                contributions="text",
                problems="text",
                createdAt="datetime",
            ),
            "requirement": ToOne("Requirement", "requirement_id"),
            "author": ToOne("User", "author_id"),
        },
    ),
    "Meeting": ObjectSource(
        Meeting,
        {
            **_columns(
                id="id",
                title="text",
                startsAt="datetime",
                durationMinutes="int",
                minutes="text",
                minutesRecordedAt="datetime",
                decisions="json",
            ),
            "decisionItems": JsonItems("MeetingDecision", "decisions"),
            "requirement": ToOne("Requirement", "requirement_id"),
            "task": ToOne("Task", "task_id"),
            "organizer": ToOne("User", "organizer_id"),
            "attendees": ToManyVia("User", MeetingAttendee, "meeting_id", "user_id"),
            "icsUrl": IdPath("/meetings/", ".ics"),
        },
    ),
    # an item of the meeting's decisions (its JSON array), as the schema types it
    "MeetingDecision": ObjectSource(
        Meeting, {"decision": ItemKey("decision"), "owner": ItemRef("User", "ownerId")}
    ),
}
