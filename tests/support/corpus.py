"""Documents drawn from the schema with hypothesis, for the compiled path's corpus test.

:func:`documents` walks graphql-core's types of the app's SDL from a root field the compiled
path serves (``schema.compiled.plan.ROOTS``; one document in four has a second root beside
it): selection sets with nesting, aliases, ``__typename``, inline and named fragments,
``@include``/``@skip`` with literals and variables; the root's arguments as literals or
variables, drawn from their input types (page sizes, filters, orders), codes and global ids
of real rows (:class:`Pools`), and ``after`` as the last cursor of a page before
(:class:`Document` carries that page's document). Most fields are drawn from those the
compiled path declares (``schema.compiled.fields.SOURCES``) so that it answers much of the
corpus itself; one document in six draws from every field of the SDL ("wild"), so the
fall-back is drawn too.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from graphql import (
    GraphQLArgument,
    GraphQLBoolean,
    GraphQLEnumType,
    GraphQLField,
    GraphQLInputObjectType,
    GraphQLInputType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLScalarType,
    get_named_type,
    is_abstract_type,
    is_composite_type,
)
from hypothesis import strategies as st

from schema import schema as app_schema
from schema.compiled.fields import SOURCES
from schema.compiled.plan import ROOTS

#: Levels of objects below the root field (connection, edges, node, and three relations).
MAX_DEPTH = 5
WILD_DEPTH = 3
GRAPHQL = app_schema._schema
QUERY = GRAPHQL.query_type
INSTANTS = ["2020-01-01T00:00:00+08:00", "2026-12-01T00:00:00Z", "2031-06-30T12:30:00+00:00"]
DATES = ["2020-01-01", "2026-12-31", "2031-06-30"]
#: Fields never drawn twice under two aliases: the compiled path answers every alias of a
#: connection's ``edges`` or ``pageInfo``, or of an edge's ``node``, with the selection of
#: the last one (``{ myTasks { pageInfo { __typename } p: pageInfo { endCursor } } }``
#: gives ``pageInfo: {endCursor: null}``; the generic executor ``{__typename: "PageInfo"}``)
ONCE = frozenset({"edges", "pageInfo", "node"})
#: The arguments of a root field (drawn more often than a filter's fields)
ROOT_ARGUMENTS = frozenset({"first", "filter", "orderBy", "search"})
#: The type of the rows a global id input names, by the input's name (less Id/Ids)
ID_TYPES = {
    "requirement": "Requirement",
    "task": "Task",
    "assignee": "User",
    "initiator": "User",
    "department": "Department",
}
TEXTS = ["需求", "市场", "a", "XQ", ""]


@dataclass(frozen=True)
class Pools:
    """Values of real rows the arguments are drawn from (and one that names nothing)."""

    codes: dict[str, list[str]]
    #: Global ids by type name, and "any": all of them and two that name nothing
    ids: dict[str, list[str]]


@dataclass
class Document:
    """One drawn request; ``prior`` is the page whose last cursor fills ``$after``."""

    root: str
    text: str
    variables: dict[str, Any]
    prior: tuple[str, dict[str, Any]] | None = None
    operation: str | None = None
    after: str = ""


class _Drawer:
    """Draws one document's selections and arguments from the schema's types."""

    def __init__(self, draw: st.DrawFn, pools: Pools, wild: bool) -> None:
        self.draw, self.pools, self.wild = draw, pools, wild
        self.fragments: list[str] = []
        self.variables: list[str] = []
        self.values: dict[str, Any] = {}
        self.counter = 0

    def name(self, prefix: str) -> str:
        self.counter += 1
        return f"{prefix}{self.counter}"

    def selection(self, output: GraphQLOutputType, depth: int) -> str:
        named = get_named_type(output)
        if is_abstract_type(named):
            possible = sorted(GRAPHQL.get_possible_types(named), key=lambda t: t.name)
            chosen = self.draw(st.sampled_from(possible))
            return f"{{ __typename ... on {chosen.name} {self.selection(chosen, depth)} }}"
        assert isinstance(named, GraphQLObjectType)
        candidates = ["__typename"] + [
            name
            for name, child in named.fields.items()
            if self._selectable(named.name, name, child, depth)
        ]
        # each field with a chance of one in two (objects) or three (scalars), less when
        # drawing from all of the SDL (its types are wide); every draw here shrinks towards
        # leaving things out, so a failing document shrinks to a minimal one
        odds = (2, 1) if self.wild else (3, 2)
        chosen = [
            name
            for name in candidates
            if self.draw(st.integers(0, 5)) >= 6 - odds[0 if self._composite(named, name) else 1]
        ] or ["__typename"]
        pieces: list[str] = []
        for name in chosen:
            alias = f"{self.name('a')}: " if self.draw(st.integers(0, 3)) == 3 else ""
            sub = ""
            if self._composite(named, name):
                sub = " " + self.selection(named.fields[name].type, depth + 1)
            pieces.append(f"{alias}{name}{self._condition()}{sub}")
            if name not in ONCE and self.draw(st.integers(0, 7)) == 7:  # again, aliased
                again = self.selection(named.fields[name].type, depth + 1) if sub else ""
                pieces.append(f"{self.name('a')}: {name} {again}".rstrip())
        return "{ " + self._grouped(named.name, pieces) + " }"

    def _condition(self) -> str:
        """Mostly nothing; one field in eight under ``@include``/``@skip``, its condition a
        literal or a Boolean variable."""
        if self.draw(st.integers(0, 7)) != 7:
            return ""
        directive = self.draw(st.sampled_from(["include", "skip"]))
        value = self.draw(st.booleans())
        if self.draw(st.booleans()):
            return f" @{directive}(if: {'true' if value else 'false'})"
        return f" @{directive}(if: {self.variable(GraphQLNonNull(GraphQLBoolean), value)})"

    @staticmethod
    def _composite(named: GraphQLObjectType, name: str) -> bool:
        child = named.fields.get(name)
        return child is not None and is_composite_type(get_named_type(child.type))

    def _selectable(self, type_name: str, name: str, child: GraphQLField, depth: int) -> bool:
        if any(isinstance(a.type, GraphQLNonNull) for a in child.args.values()):
            return False
        if depth >= (WILD_DEPTH if self.wild else MAX_DEPTH) and is_composite_type(
            get_named_type(child.type)
        ):
            return False
        return self.wild or type_name not in SOURCES or name in SOURCES[type_name].fields

    def _grouped(self, type_name: str, pieces: list[str]) -> str:
        """The pieces directly, in inline fragments (with or without a type) or named ones."""
        direct: list[str] = []
        for piece in pieces:
            where = self.draw(st.sampled_from(["direct", "direct", "inline", "bare", "named"]))
            if where == "direct":
                direct.append(piece)
            elif where == "inline":
                direct.append(f"... on {type_name} {{ {piece} }}")
            elif where == "bare":
                direct.append(f"... {{ {piece} }}")
            else:
                fragment = self.name("F")
                self.fragments.append(f"fragment {fragment} on {type_name} {{ {piece} }}")
                direct.append(f"...{fragment}")
        return " ".join(direct)

    def argument(self, root: str, argument: GraphQLArgument, name: str) -> str | None:
        """``name: value`` (a literal or a variable), or ``None`` when it is left out."""
        value = self.value(root, name, argument.type)
        if value is None:
            return None
        if self.draw(st.booleans()):
            return f"{name}: {_literal(value, argument.type)}"
        return f"{name}: {self.variable(argument.type, value)}"

    def variable(self, of_type: GraphQLInputType, value: Any, default: bool = True) -> str:
        """A new variable of ``value``, sent or (sometimes) its declaration's default."""
        variable = self.name("v")
        if default and self.draw(st.integers(0, 3)) == 3:
            self.variables.append(f"${variable}: {of_type} = {_literal(value, of_type)}")
        else:
            self.variables.append(f"${variable}: {of_type}")
            self.values[variable] = value
        return f"${variable}"

    def value(self, root: str, name: str, of_type: GraphQLInputType, left_out: bool = True) -> Any:
        """A value of ``of_type``; ``None`` for an optional one left out."""
        if isinstance(of_type, GraphQLNonNull):
            return self.value(root, name, of_type.of_type, left_out=False)
        # a root argument is given one time in two, a filter's field one time in four
        if left_out and self.draw(st.integers(0, 3)) < (2 if name in ROOT_ARGUMENTS else 3):
            return None
        if isinstance(of_type, GraphQLList):
            items = [
                self.value(root, name, of_type.of_type) for _ in range(self.draw(st.integers(0, 3)))
            ]
            return [item for item in items if item is not None]
        if isinstance(of_type, GraphQLEnumType):
            return self.draw(st.sampled_from(sorted(of_type.values)))
        if isinstance(of_type, GraphQLInputObjectType):
            drawn = {key: self.value(root, key, f.type) for key, f in of_type.fields.items()}
            return {key: value for key, value in drawn.items() if value is not None}
        assert isinstance(of_type, GraphQLScalarType)
        return self.draw(self._scalar(root, name, of_type.name))

    def _scalar(self, root: str, name: str, scalar: str) -> st.SearchStrategy[Any]:
        if name == "first":
            return st.sampled_from([0, 1, 3, 10, 50, 100, 101])
        if scalar == "Int":
            return st.integers(-1, 100)
        if scalar == "Boolean":
            return st.booleans()
        if scalar == "ID":  # mostly of the type the name says, sometimes any (a refusal)
            named = ID_TYPES.get(name.removesuffix("Ids").removesuffix("Id"), "")
            fitting = self.pools.ids.get(named) or self.pools.ids["any"]
            return st.one_of(st.sampled_from(fitting), st.sampled_from(self.pools.ids["any"]))
        if scalar == "DateTime":
            return st.sampled_from(INSTANTS)
        if scalar == "Date":
            return st.sampled_from(DATES)
        if name == "code":
            return st.sampled_from(self.pools.codes[ROOTS[root].node])
        return st.sampled_from(TEXTS)


def _literal(value: Any, of_type: GraphQLInputType) -> str:
    """``value`` written into the document as a GraphQL literal of ``of_type``."""
    named = of_type.of_type if isinstance(of_type, GraphQLNonNull) else of_type
    if isinstance(named, GraphQLList):
        return "[" + ", ".join(_literal(item, named.of_type) for item in value) + "]"
    if isinstance(named, GraphQLInputObjectType):
        fields = (f"{key}: {_literal(item, named.fields[key].type)}" for key, item in value.items())
        return "{" + ", ".join(fields) + "}"
    if isinstance(named, GraphQLEnumType):
        return str(value)
    return json.dumps(value, ensure_ascii=False)


def _second_root(draw: st.DrawFn, drawer: _Drawer, root: str) -> str:
    """A root's call and selection, its arguments and fragments drawn into ``drawer``."""
    assert QUERY is not None
    definition = QUERY.fields[root]
    listed = [
        rendered
        for name, argument in definition.args.items()
        if name != "after" and (rendered := drawer.argument(root, argument, name)) is not None
    ]
    call = f"{root}({', '.join(listed)})" if listed else root
    return f"{call} {drawer.selection(definition.type, 0)}"


@st.composite
def documents(draw: st.DrawFn, pools: Pools, root: str | None = None) -> Document:
    """A query of ``root`` (or of any root the compiled path serves), drawn from the schema."""
    assert QUERY is not None
    root = root or draw(st.sampled_from(sorted(ROOTS)))
    drawer = _Drawer(draw, pools, wild=draw(st.integers(0, 5)) == 5)
    definition = QUERY.fields[root]
    arguments: dict[str, tuple[str, list[str]]] = {}  # name: (rendered, its declarations)
    prior, after_variable = None, ""
    for name, argument in definition.args.items():
        declared = len(drawer.variables)
        if name == "after":
            after = draw(st.sampled_from([None, None, 0, 2, "nonsense"]))
            if isinstance(after, int):
                prior, after_variable = (
                    after + 1,
                    drawer.variable(argument.type, None, default=False),
                )
                arguments[name] = (f"after: {after_variable}", [])
            elif after is not None:
                arguments[name] = (f'after: "{after}"', [])
        elif (rendered := drawer.argument(root, argument, name)) is not None:
            arguments[name] = (rendered, drawer.variables[declared:])
    selection = drawer.selection(definition.type, 0)
    alias = "r: " if draw(st.booleans()) else ""
    listed = ", ".join(rendered for rendered, _ in arguments.values())
    call = f"{root}({listed})" if listed else root
    roots = f"{alias}{call} {selection}"
    if draw(st.integers(0, 3)) == 3:  # a second root beside it (no cursor of a page before)
        roots += f" second: {_second_root(draw, drawer, draw(st.sampled_from(sorted(ROOTS))))}"
    head = f"query Q({', '.join(drawer.variables)})" if drawer.variables else "query Q"
    text = "\n".join([f"{head} {{ {roots} }}", *drawer.fragments])
    document = Document(root, text, drawer.values)
    if draw(st.integers(0, 5)) == 5:  # a second operation, Q chosen by operationName
        document.text, document.operation = f"{text}\nquery Other {{ __typename }}", "Q"
    if prior is not None:  # the page before: same root, filter and order, ``prior`` rows
        kept = [arguments[name] for name in ("filter", "orderBy") if name in arguments]
        declared_prior = [declaration for _, declarations in kept for declaration in declarations]
        names = {declaration.split(":")[0][1:] for declaration in declared_prior}
        head = f"query P({', '.join(declared_prior)})" if declared_prior else "query P"
        listed = ", ".join([f"first: {prior}", *(rendered for rendered, _ in kept)])
        document.prior = (
            f"{head} {{ {root}({listed}) {{ edges {{ cursor }} }} }}",
            {name: value for name, value in drawer.values.items() if name in names},
        )
        document.after = after_variable[1:]
    return document
