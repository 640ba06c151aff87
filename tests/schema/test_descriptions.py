"""Every element of the served schema carries a description: GraphiQL's docs are the manual.

A frontend team reads the docs explorer, not the Python source: a type, field, argument,
input field or enum value without a description is a blank page there. GraphQL's own
introspection types (``__Type`` …) and built-in scalars are the spec's, not ours.
"""

from __future__ import annotations

from graphql import (
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLInterfaceType,
    GraphQLNamedType,
    GraphQLObjectType,
    GraphQLSchema,
    build_schema,
)

from schema import schema

BUILT_IN_SCALARS = frozenset({"String", "Int", "Float", "Boolean", "ID"})


def _described(description: str | None) -> bool:
    return bool(description and description.strip())


def _undescribed_parts(named: GraphQLNamedType) -> list[str]:
    """The paths (``Type.field(arg)``) under one named type that have no description."""
    missing: list[str] = []
    if isinstance(named, GraphQLObjectType | GraphQLInterfaceType):
        for field_name, field in named.fields.items():
            if not _described(field.description):
                missing.append(f"{named.name}.{field_name}")
            missing += [
                f"{named.name}.{field_name}({arg_name})"
                for arg_name, arg in field.args.items()
                if not _described(arg.description)
            ]
    elif isinstance(named, GraphQLInputObjectType):
        missing += [
            f"{named.name}.{field_name}"
            for field_name, field in named.fields.items()
            if not _described(field.description)
        ]
    elif isinstance(named, GraphQLEnumType):
        missing += [
            f"{named.name}.{value_name}"
            for value_name, value in named.values.items()
            if not _described(value.description)
        ]
    return missing


def undescribed(graphql_schema: GraphQLSchema) -> list[str]:
    """Every type, field, argument, input field and enum value of ours without a description."""
    missing: list[str] = []
    for name, named in sorted(graphql_schema.type_map.items()):
        if name.startswith("__") or name in BUILT_IN_SCALARS:
            continue
        if not _described(named.description):
            missing.append(name)
        missing += _undescribed_parts(named)
    return missing


def test_every_element_of_the_served_schema_is_described() -> None:
    # given the schema the server serves
    # when every element is looked at
    missing = undescribed(schema._schema)
    # then none is without a description
    assert missing == [], f"{len(missing)} elements without a description:\n" + "\n".join(missing)


def test_the_walk_finds_each_kind_of_undescribed_element() -> None:
    # given a schema with one undescribed element of each kind, and described built-ins
    sdl = """
        "A described query root" type Query {
          "described" items("described" first: Int, after: String): [Item]
          bare: Kind
        }
        type Item { "described" id: ID }
        "An input" input Filter { "described" a: Int, b: Int }
        "An enum" enum Kind { "described" A, B }
        scalar Money
    """
    # when it is walked
    missing = undescribed(build_schema(sdl))
    # then exactly the undescribed elements are named, each with its path
    assert missing == [
        "Filter.b",
        "Item",
        "Kind.B",
        "Money",
        "Query.items(after)",
        "Query.bare",
    ]
