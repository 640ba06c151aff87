"""The compiled path's description of a requirement's custom field values (自定义字段):
part of ``SOURCES`` (``fields.py``).

A ``CustomFieldValue`` is no row of a table: it is one entry of ``requirement.custom_fields``
read with its definition. Its members are :class:`Finished`, written in Python by
``custom_fields.py`` from what the requirement's statement reads (the people, departments
and files the values name come from the statement, each in the viewer's scope, as the
generic loaders read them). ``FormField`` stands as its model: the table that defines it.
"""

from __future__ import annotations

from models import FormField
from schema.compiled.kinds import Finished, ObjectSource

#: Every member of a ``CustomFieldValue`` and what it is.
VALUE_MEMBERS = {
    "key": Finished(),
    "label": Finished(),
    "labelEn": Finished(),
    "type": Finished(),
    "retired": Finished(),
    "textValue": Finished(),
    "numberValue": Finished(),
    "moneyValue": Finished(),
    "dateValue": Finished(),
    "choices": Finished("FormFieldOption"),
    "user": Finished("User"),
    "department": Finished("Department"),
    "file": Finished("Attachment"),
}

FORM_SOURCES: dict[str, ObjectSource] = {
    "CustomFieldValue": ObjectSource(FormField, dict(VALUE_MEMBERS)),
    "FormFieldOption": ObjectSource(
        FormField, {"value": Finished(), "label": Finished(), "labelEn": Finished()}
    ),
}
