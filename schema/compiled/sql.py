"""The SQL that builds a response's JSON in PostgreSQL, one statement per request.

The root's rows (scope, filters, keyset condition, order, limit) are the very queryset the
generic resolver runs, rendered by Tortoise; ``schema/compiled/statements.py`` wraps it in
a statement whose select list is the node expression built here: each node's JSON with
correlated subqueries (to-one relations, counts, and to-many lists as ``json_agg`` in the
generic resolver's order). The node expression depends only on the document, so it is
built once per plan; where a nested level's scope is not implied by its parent's, it
carries a marker that ``schema/compiled/scope.py`` fills in for each viewer.
"""

from __future__ import annotations

from functools import partial
from itertools import count

from tortoise.models import Model

from core import clock
from models import Attachment, AttachmentVersion, Requirement, ResultVersion
from resolvers.access.scope import participant_column
from schema.compiled.custom_fields import custom_fields_sql
from schema.compiled.fields import SOURCES
from schema.compiled.kinds import (
    ChildCount,
    Column,
    ColumnPath,
    ContentChanged,
    CustomFields,
    IdPath,
    ItemKey,
    ItemRef,
    JsonItems,
    Lagging,
    Newest,
    Overdue,
    PinnedFileName,
    PinnedFiles,
    Superseded,
    ToMany,
    ToManyVia,
    ToOne,
    ToOneVia,
)
from schema.compiled.plan import TYPENAME, ObjectPlan
from schema.compiled.scope import besides_marker, marker, member
from schema.compiled.signed_content import signed_content_sql

#: Replaced by the request's "now" (a literal built from a datetime, never user input).
NOW = ":crossflow_now:"
#: Replaced with :data:`NOW` by the lagging margin in points (an integer setting).
MARGIN = ":crossflow_lagging_margin:"
#: PostgreSQL functions take at most 100 arguments: 50 key/value pairs per object.
MAX_FIELDS_PER_OBJECT = 50


class TooWide(Exception):
    """An object selects more fields than one ``json_build_object`` call can hold."""


def node_sql(plan: ObjectPlan, alias: str = "t") -> str:
    """The ``json_build_object`` expression of ``plan`` over the row aliased ``alias``."""
    return _object(plan, alias, count(1))


def _object(plan: ObjectPlan, alias: str, aliases: count[int]) -> str:
    if len(plan.fields) > MAX_FIELDS_PER_OBJECT:
        raise TooWide(plan.type_name)
    pairs: list[str] = []
    for key, name, source, sub in plan.fields:
        pairs.append(f"'{key}'")
        if name == TYPENAME:
            pairs.append(f"'{plan.type_name}'")
        elif isinstance(source, Column):
            pairs.append(_scalar(plan.type_name, f'{alias}."{source.column}"', source.kind))
        elif isinstance(source, ToOne) and sub is not None:
            inner = f"r{next(aliases)}"
            pairs.append(
                f"(SELECT {_object(sub, inner, aliases)} {_from(source.target, inner, source)}"
                f' AND {inner}."id" = {_key(source, alias)})'
            )
        elif isinstance(source, ToOneVia) and sub is not None:
            link = f"l{next(aliases)}"
            first = (
                f'(SELECT {link}."{source.to}" FROM "{source.link._meta.db_table}" AS {link}'
                f" WHERE {marker(source.link, link)}"
                f' AND {link}."{source.fk}" = {alias}."id" ORDER BY {link}."id" LIMIT 1)'
            )
            pairs.append(_by_id(sub, source.target, first, aliases))
        elif isinstance(source, Newest) and sub is not None:
            newest, table = f"n{next(aliases)}", SOURCES[source.target].table
            latest = (
                f'(SELECT max({newest}."id") FROM "{table}" AS {newest}'
                f' WHERE {newest}."{source.fk}" = {alias}."id")'
            )
            pairs.append(_by_id(sub, source.target, latest, aliases))
        elif isinstance(source, ToMany) and sub is not None:
            inner = f"m{next(aliases)}"
            order = ", ".join(
                f'{inner}."{column.lstrip("-")}"{" DESC" if column[0] == "-" else ""}'
                for column in source.order
            )
            unset = "".join(f' AND {inner}."{column}" IS NULL' for column in source.unset)
            rows = f'{_from(source.target, inner, source)} AND {inner}."{source.fk}" = {alias}."id"'
            pairs.append(_json_list(_object(sub, inner, aliases), order, rows + unset))
        elif isinstance(source, ToManyVia) and sub is not None:
            pairs.append(_through(source, sub, alias, aliases))
        elif isinstance(source, PinnedFiles) and sub is not None:
            pairs.append(_pinned_files(sub, alias, aliases))
        elif isinstance(source, PinnedFileName):
            pairs.append(f'{alias}a."file_name"')
        elif isinstance(source, Superseded):
            pairs.append(f'({alias}a."current_version" > {alias}v."number")')
        elif isinstance(source, ChildCount):
            inner = f"c{next(aliases)}"
            scope = "TRUE" if source.implied else marker(source.model, inner)
            counted = (
                f'(SELECT count(*) FROM "{source.model._meta.db_table}" AS {inner}'
                f' WHERE {{scope}} AND {inner}."{source.fk}" = {alias}."id")'
            )
            if not source.implied and _admitted_with(plan.type_name, source.model, source.fk):
                # a requirement of the viewer's: every row under it is theirs, counted
                # from the index alone (no row of the child's table read for its scope)
                # (else the requirement is not theirs: only the rule's other rows count)
                besides = besides_marker(source.model, inner)
                pairs.append(
                    f"CASE WHEN {member(alias)} THEN {counted.format(scope='TRUE')}"
                    f" ELSE {counted.format(scope=besides)} END"
                )
            else:
                pairs.append(counted.format(scope=scope))
        elif isinstance(source, IdPath):
            global_id = _scalar(plan.type_name, f'{alias}."id"', "id")
            pairs.append(f"('{source.prefix}' || {global_id} || '{source.suffix}')")
        elif isinstance(source, ColumnPath):
            path = f"('{source.prefix}' || {alias}.\"{source.column}\" || '{source.suffix}')"
            if source.unless_null is not None:
                path = f'CASE WHEN {alias}."{source.unless_null}" IS NULL THEN NULL ELSE {path} END'
            pairs.append(path)
        elif isinstance(source, CustomFields) and sub is not None:
            render = partial(_object, aliases=aliases)
            pairs.append(custom_fields_sql(sub, alias, aliases, render))
        elif isinstance(source, JsonItems) and sub is not None:
            item = f"e{next(aliases)}"
            items = (
                f'FROM jsonb_array_elements({alias}."{source.column}")'
                f" WITH ORDINALITY AS {item}(item, n)"
            )
            pairs.append(_json_list(_object(sub, f"{item}.item", aliases), f"{item}.n", items))
        elif isinstance(source, ItemKey):
            pairs.append(f"({alias} ->> '{source.key}')")
        elif isinstance(source, ItemRef) and sub is not None:
            key = f"({alias} ->> '{source.key}')::integer"
            pairs.append(_by_id(sub, source.target, key, aliases))
        elif isinstance(source, ContentChanged):
            pairs.append(signed_content_sql(alias, aliases))
        elif isinstance(source, Lagging):
            pairs.append(_lagging(alias))
        elif isinstance(source, Overdue):
            pairs.append(
                f'({alias}."deadline" IS NOT NULL AND {alias}."status" <> \'COMPLETED\''
                f' AND {alias}."deadline" < {NOW})'
            )
        else:  # pragma: no cover - the planner admits nothing else
            raise TypeError(source)
    return f"json_build_object({', '.join(pairs)})"


def _admitted_with(parent_type: str, child: type[Model], fk: str) -> bool:
    """Whether every ``child`` row under a parent requirement the viewer takes part in is in
    their scope: the child's rule admits the rows of their requirements by ``fk`` itself."""
    shortcut = participant_column(child)
    return (
        SOURCES[parent_type].model is Requirement and shortcut is not None and (shortcut[0] == fk)
    )


def _from(type_name: str, alias: str, relation: ToOne | ToMany) -> str:
    """``FROM`` the type's table (or the relation's, for a type two tables share) ``WHERE``
    its scope holds (unless the relation implies it)."""
    model = SOURCES[type_name].model
    if isinstance(relation, ToMany) and relation.model is not None:
        model = relation.model
    scope = "TRUE" if relation.implied else marker(model, alias)
    return f'FROM "{model._meta.db_table}" AS {alias} WHERE {scope}'


def _key(relation: ToOne, alias: str) -> str:
    """The key of the row ``relation`` names from the row ``alias``: its column, or the
    integer after ``prefix`` in it (null when it does not start so)."""
    column = f'{alias}."{relation.fk}"'
    if relation.prefix is None:
        return column
    assert "'" not in relation.prefix and "%" not in relation.prefix and "_" not in relation.prefix
    start = len(relation.prefix) + 1
    return (
        f"CASE WHEN {column} LIKE '{relation.prefix}%'"
        f" THEN CAST(substr({column}, {start}) AS integer) END"
    )


def _by_id(plan: ObjectPlan, type_name: str, key: str, aliases: count[int]) -> str:
    """The ``type_name`` row whose id is the SQL expression ``key``, as ``plan``; null when
    there is none or it is not in the viewer's scope."""
    inner, target = f"r{next(aliases)}", SOURCES[type_name]
    return (
        f"(SELECT {_object(plan, inner, aliases)}"
        f' FROM "{target.table}" AS {inner} WHERE {marker(target.model, inner)}'
        f' AND {inner}."id" = {key})'
    )


def _json_list(element: str, order: str, rows: str) -> str:
    """A JSON array of ``element`` over ``rows`` (``FROM … WHERE …``) in ``order``; an empty
    array, never null, when there are none (every list field of the schema is non-null)."""
    return f"(SELECT coalesce(json_agg({element} ORDER BY {order}), '[]'::json) {rows})"


def _through(source: ToManyVia, plan: ObjectPlan, alias: str, aliases: count[int]) -> str:
    """A :class:`ToManyVia` list: the targets of the links of the row ``alias``, in the
    links' order, each link and target in scope (an unseen target is left out)."""
    link, inner = f"l{next(aliases)}", f"m{next(aliases)}"
    target = SOURCES[source.target]
    rows = (
        f'FROM "{source.link._meta.db_table}" AS {link} JOIN "{target.table}" AS {inner}'
        f' ON {inner}."id" = {link}."{source.to}" AND {marker(target.model, inner)}'
        f' WHERE {marker(source.link, link)} AND {link}."{source.fk}" = {alias}."id"'
    )
    return _json_list(_object(plan, inner, aliases), f'{link}."id"', rows)


def _pinned_files(plan: ObjectPlan, alias: str, aliases: count[int]) -> str:
    """``TaskResult.files``: the pinned versions (``result_version`` rows, by id) whose
    version and file are in the viewer's scope, each as ``plan`` (a ``ResultFile``) over
    the pin ``p``, its version ``pv`` and its file ``pa``."""
    pin = f"p{next(aliases)}"
    version, attachment = f"{pin}v", f"{pin}a"
    rows = (
        f'FROM "{ResultVersion._meta.db_table}" AS {pin}'
        f' JOIN "{AttachmentVersion._meta.db_table}" AS {version}'
        f' ON {version}."id" = {pin}."version_id" AND {marker(AttachmentVersion, version)}'
        f' JOIN "{Attachment._meta.db_table}" AS {attachment}'
        f' ON {attachment}."id" = {version}."attachment_id" AND {marker(Attachment, attachment)}'
        f' WHERE {marker(ResultVersion, pin)} AND {pin}."result_id" = {alias}."id"'
    )
    return _json_list(_object(plan, pin, aliases), f'{pin}."id"', rows)


def _scalar(type_name: str, column: str, kind: str) -> str:
    if kind == "id":
        return f"encode(convert_to('{type_name}:' || {column}, 'UTF8'), 'base64')"
    if kind == "datetime":
        utc = f"({column} AT TIME ZONE 'UTC')"
        return (
            f"CASE WHEN {column} IS NULL THEN NULL ELSE"
            f" to_char({utc}, 'YYYY-MM-DD\"T\"HH24:MI:SS')"
            f" || CASE WHEN extract(microseconds FROM {column})::bigint % 1000000 = 0"
            f" THEN '' ELSE to_char({utc}, '.US') END || '+00:00' END"
        )
    if kind == "date":
        return f"to_char({column}, 'YYYY-MM-DD')"
    return column


def _lagging(alias: str) -> str:
    """``Task.lagging`` of the task row ``alias``, as ``resolvers/tasks/lagging.py`` decides:
    the planned start is the start date's Beijing midnight, else when work started; the
    elapsed share is a ratio of whole microseconds in double precision, capped at 100."""
    start = (
        f'CASE WHEN {alias}."start_date" IS NOT NULL'
        f" THEN ({alias}.\"start_date\"::timestamp AT TIME ZONE '{clock.BUSINESS_TZ.key}')"
        f' ELSE {alias}."started_at" END'
    )
    deadline = f'{alias}."deadline"'

    def micros(later: str, earlier: str) -> str:
        return f"(EXTRACT(EPOCH FROM ({later} - {earlier})) * 1000000)::bigint::float8"

    elapsed = f"LEAST(100.0::float8, {micros(NOW, start)} / {micros(deadline, start)} * 100.0)"
    return (
        f"(CASE WHEN {alias}.\"status\" = 'COMPLETED' OR ({start}) IS NULL OR {deadline} IS NULL"
        f" OR {deadline} <= ({start}) OR {NOW} <= ({start}) THEN FALSE"
        f' ELSE {elapsed} - {alias}."progress"::float8 >= {MARGIN} END)'
    )
