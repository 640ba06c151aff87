"""The vocabulary of ``schema/compiled/fields.py``: what a declared GraphQL field can be.

Kept apart from the declarations themselves so that ``fields.py`` reads as the list of
types and the reasoning about their scope (and stays short as types are added). The
planner (``plan.py``) admits a field by its kind and the SQL (``sql.py``) renders each.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from tortoise.models import Model

#: ``json``: a JSON column embedded as it is stored (a list of strings such as
#: ``Review.claimedTasks``, which the schema serializes item by item as the same strings; a
#: document such as ``Archive.snapshot``, which the ``JSON`` scalar returns as Tortoise
#: decoded it from the same text: keys in the stored order, each number the same value)
ScalarKind = Literal["text", "int", "bool", "datetime", "date", "id", "json"]


@dataclass(frozen=True)
class Column:
    """A column of the type's table, returned as the GraphQL scalar ``kind``."""

    column: str
    kind: ScalarKind


@dataclass(frozen=True)
class ToOne:
    """A to-one relation: ``fk`` on this table points at ``target``'s primary key.

    ``implied``: the target's scope follows from this row's (see ``fields.py``'s note);
    otherwise the target's scope is joined in and an unseen target reads as null.
    ``prefix``: ``fk`` is a text column holding ``prefix`` and the key (an acceptance
    seat, ``dept:<id>``); any other value reads as null.
    """

    target: str
    fk: str
    implied: bool = False
    prefix: str | None = None


@dataclass(frozen=True)
class ToOneVia:
    """A to-one relation through a link table: the ``target`` row named by ``to`` of the
    first ``link`` row (by id, in scope) whose ``fk`` is this row's id, as the generic
    resolver reads the first of the links and then its target (``Department.head``: the
    first headship's person). Both scopes are joined in; an unseen one reads as null."""

    target: str
    link: type[Model]
    fk: str
    to: str


@dataclass(frozen=True)
class Newest:
    """The newest ``target`` row (the highest id) whose ``fk`` is this row's id, then its
    scope: null when that row is not the viewer's to read (an older one is not shown in its
    place), as the generic loader chooses it (``Task.latestProgress``)."""

    target: str
    fk: str


@dataclass(frozen=True)
class JsonItems:
    """A list read from the JSON array ``column`` of this row: each item, in order, as the
    type ``target``, whose fields are :class:`ItemKey` and :class:`ItemRef` (a meeting's
    ``decisionItems``)."""

    target: str
    column: str


@dataclass(frozen=True)
class ItemKey:
    """A field of an item of a :class:`JsonItems` list: the item's ``key``, as text."""

    key: str


@dataclass(frozen=True)
class ItemRef:
    """A to-one relation of an item of a :class:`JsonItems` list: the ``target`` row whose
    id is the item's ``key``, in scope (an unseen one reads as null)."""

    target: str
    key: str


@dataclass(frozen=True)
class ChildCount:
    """The number of ``model`` rows in scope whose ``fk`` is this row's id."""

    model: type[Model]
    fk: str
    implied: bool = False


@dataclass(frozen=True)
class ToMany:
    """The ``target`` rows in scope whose ``fk`` is this row's id, as a list in ``order``
    (columns, ``-`` before one for descending: the generic resolver's ``order_by``).

    ``unset``: columns that must be null on the rows listed, the resolver's own filter of
    the field without arguments (a requirement's ``attachments`` are its own files, those
    of its tasks only with ``includeTasks``). ``widened_by``: the field's Boolean argument
    that, written ``true`` in the document, lists those rows too (the planner's one kind
    of field argument; given by a variable, the field is the generic executor's, since a
    plan serves a document whatever its variables).

    ``model``: the table of the listed rows when ``target`` is a type two tables share,
    with the same columns (an ``AddedSigner`` of a round or of a submission); by default
    the type's own.
    """

    target: str
    fk: str
    order: tuple[str, ...] = ("id",)
    implied: bool = False
    unset: tuple[str, ...] = ()
    model: type[Model] | None = None
    widened_by: str | None = None


@dataclass(frozen=True)
class ToManyVia:
    """A list through a link table: the ``target`` rows (in scope) named by ``to`` of each
    ``link`` row (in scope, by id) whose ``fk`` is this row's id, one missing from scope
    left out, as ``load_through`` reads them (a meeting's attendees)."""

    target: str
    link: type[Model]
    fk: str
    to: str


@dataclass(frozen=True)
class PinnedFiles:
    """``TaskResult.files``: each pinned version (``result_version``, by id) whose version
    and file the viewer may read, as a ``ResultFile`` (the file's name, whether a newer
    version superseded it, the version), as ``result_files`` builds them in Python."""


@dataclass(frozen=True)
class PinnedFileName:
    """``ResultFile.fileName``: the pinned version's file's name."""


@dataclass(frozen=True)
class Superseded:
    """``ResultFile.superseded``: the file's current version is past the pinned one."""


@dataclass(frozen=True)
class Overdue:
    """``Task.isOverdue``: a deadline before now on a task that is not COMPLETED."""


@dataclass(frozen=True)
class Lagging:
    """``Task.lagging``: the share of the planned time gone by now trails the progress by
    the configured margin or more (``resolvers/tasks/lagging.py``, the same arithmetic in
    double precision on whole microseconds, so the boundary falls where Python's does)."""


@dataclass(frozen=True)
class ContentChanged:
    """``Review.contentChangedSinceApproval``: the statement reads the hash that was signed,
    the requirement's signed content and its involved departments (all in scope whenever the
    review is: the three are read through the review's own ``requirement_id``), and Python
    compares them with ``resolvers/requirements/signoff.content_hash``, the one definition
    of the fingerprint (``schema/compiled/finish.py``)."""


@dataclass(frozen=True)
class IdPath:
    """A path naming the row by its global id: ``prefix`` + id + ``suffix`` (what
    ``AttachmentVersion.downloadUrl`` writes in Python, ``/files/<global id>``)."""

    prefix: str
    suffix: str = ""


@dataclass(frozen=True)
class ColumnPath:
    """A path naming the row by one of its text columns: ``prefix`` + column + ``suffix``,
    null while ``unless_null`` is null (``SavedReport.jsonUrl``, ``/reports/saved/<name>.json``;
    ``AnalysisReport.htmlUrl``, once the month's report is generated)."""

    prefix: str
    column: str
    suffix: str = ""
    unless_null: str | None = None


@dataclass(frozen=True)
class CustomFields:
    """``Requirement.customFields``: the statement reads what the values are read with (the
    values as stored, the form and template versions the requirement was written against,
    the live fields, and the rows the values name, each in scope), and Python finishes the
    list with the generic resolver's own reading (``custom_fields.py``): labels, retired
    flags and order come from merging snapshots, which SQL would have to say twice."""


@dataclass(frozen=True)
class Finished:
    """A member of a custom field value, written in Python when :class:`CustomFields` is
    finished; ``target``: the object type it is (the ``User``, ``Department`` or
    ``Attachment`` a value names, read in scope by the statement, or a ``FormFieldOption``),
    none for a scalar."""

    target: str | None = None


FieldSource = (
    Column
    | ToOne
    | ToOneVia
    | Newest
    | JsonItems
    | ItemKey
    | ItemRef
    | ChildCount
    | ToMany
    | ToManyVia
    | PinnedFiles
    | PinnedFileName
    | Superseded
    | Overdue
    | Lagging
    | IdPath
    | ColumnPath
    | CustomFields
    | ContentChanged
    | Finished
)


#: The kinds of field that are a value, not an object (a :class:`Finished` member is one
#: when it has no target, see :func:`object_type`).
VALUES = (
    Finished,
    ContentChanged,
    Column,
    ItemKey,
    ChildCount,
    Overdue,
    Lagging,
    IdPath,
    ColumnPath,
    PinnedFileName,
    Superseded,
)


def object_type(source: FieldSource) -> str | None:
    """The object type a field of this kind is, none for a value (a :class:`Finished`
    member without a target is one too)."""
    if isinstance(
        source, (ToOne, ToOneVia, Newest, ToMany, ToManyVia, Finished, JsonItems, ItemRef)
    ):
        return source.target
    if isinstance(source, PinnedFiles):
        return "ResultFile"
    if isinstance(source, CustomFields):
        return "CustomFieldValue"
    return None


@dataclass(frozen=True)
class ObjectSource:
    """A GraphQL object type backed by one table (the ``model``'s)."""

    model: type[Model]
    fields: dict[str, FieldSource] = field(default_factory=dict)

    @property
    def table(self) -> str:
        return str(self.model._meta.db_table)


def columns(**kinds: ScalarKind) -> dict[str, FieldSource]:
    """GraphQL camelCase names mapped to their snake_case columns."""

    def snake(name: str) -> str:
        return "".join(f"_{c.lower()}" if c.isupper() else c for c in name)

    return {name: Column(snake(name), kind) for name, kind in kinds.items()}
