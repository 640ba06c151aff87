"""The workbench's own GraphQL documents (``web/src``), read from its sources.

The workbench writes each document once, in a ``graphql(`…`)`` call that codegen types;
fragments are global by name. A test that runs "the task page's query" runs exactly what
the browser sends, with the fragments it spreads, so the two cannot drift apart.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    NameNode,
    OperationDefinitionNode,
    SelectionSetNode,
    Visitor,
    parse,
    print_ast,
    visit,
)

WEB_SOURCES = Path(__file__).resolve().parents[2] / "web" / "src"
_DOCUMENT = re.compile(r"graphql\(`(.*?)`\)", re.S)
_SPREAD = re.compile(r"\.\.\.\s*([A-Za-z_]\w*)")


@cache
def _definitions() -> tuple[dict[str, str], dict[str, str]]:
    """(operations, fragments) of the workbench by name, printed."""
    operations: dict[str, str] = {}
    fragments: dict[str, str] = {}
    for path in sorted(WEB_SOURCES.rglob("*.ts*")):
        if "gql" in path.parts:
            continue  # codegen's output
        for match in _DOCUMENT.finditer(path.read_text(encoding="utf-8")):
            for definition in parse(match.group(1)).definitions:
                printed = print_ast(definition)
                if isinstance(definition, FragmentDefinitionNode):
                    fragments[definition.name.value] = printed
                elif isinstance(definition, OperationDefinitionNode) and definition.name:
                    operations[definition.name.value] = printed
    return operations, fragments


def workbench_document(operation: str) -> str:
    """The document the workbench sends for ``operation``, with every fragment it spreads."""
    operations, fragments = _definitions()
    text, needed, pending = operations[operation], [], [operations[operation]]
    while pending:
        for name in _SPREAD.findall(pending.pop()):
            if name in fragments and name not in needed:
                needed.append(name)
                pending.append(fragments[name])
    return "\n".join([text, *(fragments[name] for name in needed)])


class _AddTypename(Visitor):
    """Apollo Client's ``addTypename``: ``__typename`` in every selection set but the
    operation's own, fragments' included, unless already there."""

    def leave_selection_set(
        self, node: SelectionSetNode, _key: object, parent: object, *_: object
    ) -> SelectionSetNode:
        asked = any(
            isinstance(s, FieldNode) and s.name.value == "__typename" for s in node.selections
        )
        if isinstance(parent, OperationDefinitionNode) or asked:
            return node
        typename = FieldNode(name=NameNode(value="__typename"))
        return SelectionSetNode(selections=(*node.selections, typename))


def as_apollo_sends(document: str) -> str:
    """``document`` as the workbench's Apollo Client puts it on the wire (its cache adds
    ``__typename`` to every object's selection, so a fragment's fields meet the field's)."""
    return print_ast(visit(parse(document), _AddTypename()))
