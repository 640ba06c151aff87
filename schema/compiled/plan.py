"""From a GraphQL document to a plan the compiled path can run, or ``None``.

A document qualifies when it is one query operation whose root fields are all listed in
:data:`ROOTS` (a connection such as ``tasks``, or one object such as ``requirement(code)``),
each planned on its own, and whose whole selection is made of fields listed in
``schema/compiled/fields.py`` (fragments are inlined, a leaf asked twice under one key is
answered once; ``@include``/``@skip`` are resolved for the request's values,
``schema/compiled/conditions.py``; other directives, a key asked twice with selections and
anything unlisted disqualify it). The plan is computed once per document text and kept by
the caller (``schema/compiled/run.py``), so a request whose document was seen before costs
a dictionary lookup.

The document is validated here exactly as the generic path validates it (the schema's
rules plus the depth and alias limits, parsing under the token limit), and its worst-case
cost at the largest page is checked against the cost limit, so a planned document can be
run for any variables the page-size rule admits; a document over the limit at that size is
kept too, and each of its requests is costed with its own variables, as the generic
executor costs it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from graphql import (
    ArgumentNode,
    BooleanValueNode,
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLObjectType,
    InlineFragmentNode,
    OperationDefinitionNode,
    OperationType,
    SelectionSetNode,
    parse,
    specified_rules,
    validate,
)

from schema.compiled.conditions import NONE, Conditions, resolved
from schema.compiled.fields import SOURCES
from schema.compiled.kinds import VALUES, FieldSource, ToMany, object_type
from schema.cost import estimate_cost
from schema.limits import Limits, validation_rules
from schema.pagination import MAX_PAGE

NODE = "Node"


@dataclass(frozen=True)
class Root:
    """A Query field the compiled path serves: a connection of ``node`` or one ``node``.

    ``scoped``: its rows are filtered by a scope that names the viewer's requirements (so
    their ids are read ahead); the viewer's own tasks are in scope by definition, people
    are every viewer's and notifications the recipient's. ``many``: a plain list of every
    row (no page), answered as one object whose JSON is the array. ``nullable``: no row is
    the answer null (``viewer`` for a token of no person), not the generic path's error.
    """

    node: str
    connection: bool
    arguments: frozenset[str]
    scoped: bool = True
    many: bool = False
    nullable: bool = False


_PAGE = frozenset({"first", "after"})
_LIST = _PAGE | {"orderBy", "filter"}
_BY_CODE = frozenset({"code"})
#: The Query fields the compiled path serves (``schema/compiled/roots.py`` reads their rows).
ROOTS = {
    "tasks": Root("Task", True, _LIST),
    "myTasks": Root("Task", True, _LIST, scoped=False),
    "requirements": Root("Requirement", True, _LIST),
    "task": Root("Task", False, _BY_CODE),
    "requirement": Root("Requirement", False, _BY_CODE),
    # directory data and the viewer's own inbox: no requirement ids needed for their rows
    "viewer": Root("User", False, frozenset(), scoped=False, nullable=True),
    "departments": Root("Department", False, frozenset(), scoped=False, many=True),
    "requirementTemplates": Root("RequirementTemplate", False, frozenset(), False, many=True),
    "users": Root("User", True, _LIST, scoped=False),
    "notifications": Root("Notification", True, _LIST | {"unreadOnly"}, scoped=False),
    "archives": Root("Archive", True, _LIST | {"search"}),
    "suggestions": Root("Suggestion", True, _LIST, scoped=False),
    # the reports' lists: every row for a viewer their scope admits, refused to the others
    "savedReports": Root("SavedReport", True, _PAGE, scoped=False),
    "analysisReports": Root("AnalysisReport", True, _PAGE, scoped=False),
    # any declared type with an ``id``, planned once per type (the id names it per request);
    # the row's own scope is joined in by ``schema/compiled/run.py``
    "node": Root(NODE, False, frozenset({"id"}), scoped=False),
}
PAGE_INFO_FIELDS = frozenset({"hasNextPage", "hasPreviousPage", "startCursor", "endCursor"})
TYPENAME = "__typename"


@dataclass(frozen=True)
class ObjectPlan:
    """The selected fields of one object, in response order: (key, field name, source, sub)."""

    type_name: str
    fields: tuple[tuple[str, str, FieldSource | None, ObjectPlan | None], ...]


@dataclass(frozen=True)
class EdgePlan:
    #: (key, "cursor" | "node" | "__typename")
    parts: tuple[tuple[str, str], ...]
    node: ObjectPlan | None


@dataclass(frozen=True)
class Plan:
    """One root field of a compiled query: a connection's parts or one object's fields."""

    operation: OperationDefinitionNode
    document: DocumentNode
    root_key: str
    root_field: FieldNode
    root: Root
    #: A single object's selection (``root.connection`` false)
    single: ObjectPlan | None
    #: ``node(id)``: the selection for each declared type it can serve, by type name
    by_type: dict[str, ObjectPlan]
    #: (key, "edges" | "pageInfo" | "totalCount" | "__typename")
    parts: tuple[tuple[str, str], ...]
    edges: EdgePlan | None
    #: (key, pageInfo field name)
    page_info: tuple[tuple[str, str], ...]
    #: Whether its cost stays under the limit at the largest page every variable admits;
    #: otherwise each request's variables are costed as the generic executor costs them.
    within_cost: bool = True


class _Unsupported(Exception):
    """The document is valid GraphQL the compiled path does not serve."""


class Planner:
    """Plans documents for one schema and its limits."""

    def __init__(self, graphql_schema: Any, limits: Limits) -> None:
        self.schema = graphql_schema
        self.limits = limits
        self.rules = [*specified_rules, *validation_rules(limits)]
        self.object_types = frozenset(
            name for name, t in graphql_schema.type_map.items() if isinstance(t, GraphQLObjectType)
        )

    def plan(
        self,
        query: str,
        operation_name: str | None,
        conditions: Conditions = NONE,
        values: tuple[bool, ...] = (),
    ) -> tuple[Plan, ...] | None:
        """The plan of each of the document's root fields, in response order, for these
        values of its ``@include``/``@skip`` conditions; ``None`` when any of them is not one
        the compiled path serves."""
        try:
            document = parse(query, max_tokens=self.limits.max_tokens)
        except GraphQLError:
            return None
        if validate(self.schema, document, self.rules):
            return None
        planned = resolved(document, conditions, values) if "@" in query else document
        try:
            plans = _plan(planned, operation_name, self.object_types)
        except _Unsupported:
            return None
        if not plans:
            return None  # every root left out: the generic executor answers
        # costed as the generic executor costs a request: the document as written
        plans = tuple(replace(plan, document=document) for plan in plans)
        operation = plans[0].operation
        worst = {d.variable.name.value: MAX_PAGE for d in operation.variable_definitions or ()}
        if estimate_cost(self.schema, document, operation_name, worst) > self.limits.max_cost:
            return tuple(replace(plan, within_cost=False) for plan in plans)
        return plans

    def within_cost(self, plan: Plan, variables: dict[str, Any] | None) -> bool:
        """Whether a request of ``plan`` with ``variables`` stays under the cost limit,
        counted as the generic executor counts it (``schema/limits.py``)."""
        if plan.within_cost:
            return True
        name = plan.operation.name.value if plan.operation.name else None
        cost = estimate_cost(self.schema, plan.document, name, variables)
        return cost <= self.limits.max_cost


def _plan(
    document: DocumentNode, operation_name: str | None, object_types: frozenset[str]
) -> tuple[Plan, ...]:
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if operation_name is not None:
        operations = [o for o in operations if o.name and o.name.value == operation_name]
    if len(operations) != 1 or operations[0].operation is not OperationType.QUERY:
        raise _Unsupported
    operation = operations[0]
    if operation.directives:
        raise _Unsupported
    fragments = {
        d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
    }
    roots = _fields(operation.selection_set, "Query", fragments)
    return tuple(_root_plan(operation, document, root, fragments, object_types) for root in roots)


def _root_plan(
    operation: OperationDefinitionNode,
    document: DocumentNode,
    root: FieldNode,
    fragments: dict[str, FragmentDefinitionNode],
    object_types: frozenset[str],
) -> Plan:
    spec = ROOTS.get(root.name.value)
    if spec is None or root.selection_set is None:
        raise _Unsupported
    if any(argument.name.value not in spec.arguments for argument in root.arguments or ()):
        raise _Unsupported
    parts: list[tuple[str, str]] = []
    edges: EdgePlan | None = None
    page_info: tuple[tuple[str, str], ...] = ()
    single: ObjectPlan | None = None
    by_type: dict[str, ObjectPlan] = {}
    if spec.node == NODE:
        by_type = _node_plans(root.selection_set, fragments, object_types)
        if not by_type:
            raise _Unsupported
    elif not spec.connection:
        single = _object(spec.node, root.selection_set, fragments)
    else:
        for node in _fields(root.selection_set, f"{spec.node}Connection", fragments):
            name = node.name.value
            if name in (part for _, part in parts) and name in ("edges", "pageInfo"):
                raise _Unsupported  # one selection each: a second alias is the generic path's
            if name == "edges":
                edges = _edges(node, spec.node, fragments)
            elif name == "pageInfo":
                page_info = _page_info(node, fragments)
            elif name not in ("totalCount", TYPENAME):
                raise _Unsupported
            parts.append((_key(node), name))
    return Plan(
        operation=operation,
        document=document,
        root_key=_key(root),
        root_field=root,
        root=spec,
        single=single,
        by_type=by_type,
        parts=tuple(parts),
        edges=edges,
        page_info=page_info,
    )


def _edges(
    node: FieldNode, type_name: str, fragments: dict[str, FragmentDefinitionNode]
) -> EdgePlan:
    if node.selection_set is None:
        raise _Unsupported
    parts: list[tuple[str, str]] = []
    plan: ObjectPlan | None = None
    for child in _fields(node.selection_set, f"{type_name}Edge", fragments):
        name = child.name.value
        if name == "node":
            if child.selection_set is None or plan is not None:
                raise _Unsupported
            plan = _object(type_name, child.selection_set, fragments)
        elif name not in ("cursor", TYPENAME):
            raise _Unsupported
        parts.append((_key(child), name))
    return EdgePlan(parts=tuple(parts), node=plan)


def _page_info(
    node: FieldNode, fragments: dict[str, FragmentDefinitionNode]
) -> tuple[tuple[str, str], ...]:
    if node.selection_set is None:
        raise _Unsupported
    selected = []
    for child in _fields(node.selection_set, "PageInfo", fragments):
        if child.name.value not in PAGE_INFO_FIELDS | {TYPENAME}:
            raise _Unsupported
        selected.append((_key(child), child.name.value))
    return tuple(selected)


def _node_plans(
    selection: SelectionSetNode,
    fragments: dict[str, FragmentDefinitionNode],
    object_types: frozenset[str],
) -> dict[str, ObjectPlan]:
    """``node(id)``'s selection as each declared type with an id would answer it: fragments
    on ``Node`` or on that type apply, those on another object type do not; a type whose
    selection is not served is left out (its ids go to the generic executor)."""
    plans = {}
    for type_name, source in SOURCES.items():
        if "id" not in source.fields:
            continue
        skipped = object_types - {type_name}
        try:
            plans[type_name] = _object(type_name, selection, fragments, skipped)
        except _Unsupported:
            continue
    return plans


def _object(
    type_name: str,
    selection: SelectionSetNode,
    fragments: dict[str, FragmentDefinitionNode],
    skipped: frozenset[str] = frozenset(),
) -> ObjectPlan:
    source = SOURCES[type_name]
    planned: list[tuple[str, str, FieldSource | None, ObjectPlan | None]] = []
    for node in _fields(selection, type_name, fragments, skipped):
        name = node.name.value
        if name == TYPENAME:
            planned.append((_key(node), name, None, None))
            continue
        field_source = source.fields.get(name)
        if field_source is None:
            raise _Unsupported
        if node.arguments:
            field_source = _given(field_source, node.arguments)
        sub: ObjectPlan | None = None
        target = object_type(field_source)
        if target is not None:
            if node.selection_set is None:
                raise _Unsupported
            sub = _object(target, node.selection_set, fragments)
        elif not isinstance(field_source, VALUES):
            raise _Unsupported
        planned.append((_key(node), name, field_source, sub))
    return ObjectPlan(type_name=type_name, fields=tuple(planned))


def _given(source: FieldSource, arguments: tuple[ArgumentNode, ...]) -> FieldSource:
    """A list field as its literal Boolean argument asks for it (:class:`ToMany`'s
    ``widened_by``); any other argument, or one given by a variable, is not planned."""
    if not isinstance(source, ToMany) or source.widened_by is None or len(arguments) != 1:
        raise _Unsupported
    (argument,) = arguments
    if argument.name.value != source.widened_by or not isinstance(argument.value, BooleanValueNode):
        raise _Unsupported
    return replace(source, unset=()) if argument.value.value else source


def _fields(
    selection: SelectionSetNode,
    type_name: str,
    fragments: dict[str, FragmentDefinitionNode],
    skipped: frozenset[str] = frozenset(),
) -> list[FieldNode]:
    """The fields of a selection with fragments on ``type_name`` inlined, keys unique.

    Under ``node(id)`` (``skipped`` given: the other object types) a fragment on ``Node``
    applies too and one on another object type is left out, as the executor does."""
    found: list[FieldNode] = []
    for item in selection.selections:
        if item.directives:
            raise _Unsupported
        if isinstance(item, FieldNode):
            found.append(item)
            continue
        if isinstance(item, FragmentSpreadNode):
            fragment = fragments.get(item.name.value)
            if fragment is None or fragment.directives:
                raise _Unsupported
            condition, inner = fragment.type_condition.name.value, fragment.selection_set
        elif isinstance(item, InlineFragmentNode):
            condition = item.type_condition.name.value if item.type_condition else type_name
            inner = item.selection_set
        else:  # pragma: no cover - graphql-core has no other selection kind
            raise _Unsupported
        if skipped and condition in skipped:
            continue
        if condition != type_name and not (skipped and condition == NODE):
            raise _Unsupported
        found.extend(_fields(inner, type_name, fragments, skipped))
    unique: dict[str, FieldNode] = {}
    for node in found:
        first = unique.setdefault(_key(node), node)
        if first is not node and (first.selection_set or node.selection_set):
            raise _Unsupported  # merging two selections of one key: the generic executor's
    # the same leaf twice (validation checked they agree, e.g. the __typename Apollo adds
    # to a fragment and to the field spreading it) is answered once, where it came first
    return list(unique.values())


def _key(node: FieldNode) -> str:
    return node.alias.value if node.alias else node.name.value
