"""What every schema module shares: the typed ``Info``, model-backed nodes, relation loading.

Schema types are backed directly by Tortoise model instances: a type's plain fields are read
from the model's attributes by strawberry's default resolver, and relation fields load
through the request's dataloaders. No copying, no business logic here.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, ClassVar

from strawberry import relay
from strawberry.types import Info as StrawberryInfo
from strawberry.types.nodes import SelectedField
from tortoise.models import Model

from resolvers.context import RequestContext
from resolvers.loaders import ChildList

Info = StrawberryInfo[RequestContext, None]


class ModelNode(relay.Node):
    """A ``Node`` whose instances are rows of ``model``; ``node(id)`` loads them in scope."""

    model: ClassVar[type[Model]]

    @classmethod
    def is_type_of(cls, obj: Any, info: Any) -> bool:
        return isinstance(obj, cls.model)

    @classmethod
    async def resolve_nodes(
        cls, *, info: Info, node_ids: Iterable[str], required: bool = False
    ) -> list[Any]:
        ids = [int(node_id) for node_id in node_ids]
        return await info.context.loaders.by_id(cls.model).load_many(ids)


async def load_one(info: Info, model: type[Model], pk: int | None) -> Any:
    """The ``model`` row with this key if the viewer may see it, else ``None``.

    Typed ``Any`` on purpose: the row is the root of the schema type the field declares.
    """
    if pk is None:
        return None
    return await info.context.loaders.by_id(model).load(pk)


async def load_children(
    info: Info, model: type[Model], parent_field: str, parent_id: int, *order_by: str
) -> Any:
    """The ``model`` rows whose ``parent_field`` is ``parent_id``, in scope and in order."""
    loader = info.context.loaders.children(model, parent_field, order_by or ("id",))
    return await loader.load(parent_id)


async def load_list(info: Info, child: ChildList, parent_id: int) -> Any:
    """A list field's rows (a :class:`ChildList`) of one parent, in scope and in order."""
    return await load_children(info, child.model, child.parent_field, parent_id, *child.order_by)


async def load_through(
    info: Info, link: type[Model], parent_field: str, parent_id: int, target: type[Model], attr: str
) -> Any:
    """Targets reached through a link table (e.g. a task's assisting departments)."""
    links = await load_children(info, link, parent_field, parent_id)
    rows = await info.context.loaders.by_id(target).load_many([getattr(x, attr) for x in links])
    return [row for row in rows if row is not None]


async def count_children(info: Info, model: type[Model], parent_field: str, parent_id: int) -> int:
    """How many ``model`` rows in scope have ``parent_field`` = ``parent_id`` (one GROUP BY)."""
    return await info.context.loaders.counts(model, parent_field).load(parent_id)


async def load_latest(info: Info, model: type[Model], parent_field: str, parent_id: int) -> Any:
    """The newest ``model`` row (highest id) in scope whose ``parent_field`` is ``parent_id``."""
    return await info.context.loaders.latest(model, parent_field).load(parent_id)


def selected_names(info: Info) -> set[str]:
    """The GraphQL names of the fields selected directly under this field, through
    fragments (a field under ``@skip`` counts too: it can only make a read wider)."""
    names: set[str] = set()
    pending: list[Any] = [s for field in info.selected_fields for s in field.selections]
    while pending:
        selection = pending.pop()
        if isinstance(selection, SelectedField):
            names.add(selection.name)
        else:  # a fragment spread or an inline fragment
            pending += selection.selections
    return names
