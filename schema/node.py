"""``node(id)``: any object by its global id, within the viewer's scope."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry import relay

from resolvers.errors import BadUserInput, NotFound
from schema.base import Info, ModelNode, load_one
from schema.ids import in_range


@strawberry.type
class NodeQueries:
    @strawberry.field(description="Any object by its global id; NOT_FOUND outside your scope")
    async def node(
        self,
        info: Info,
        id: Annotated[
            strawberry.ID,
            strawberry.argument(description="A global id, as every `id` field gives it"),
        ],
    ) -> relay.Node:
        info.context.require_viewer()
        try:
            global_id = relay.GlobalID.from_id(id)
            pk = int(global_id.node_id)
        except Exception as exc:
            raise BadUserInput("不是有效的全局ID (not a valid global id)", field="id") from exc
        type_definition = info.schema.get_type_by_name(global_id.type_name)
        origin = getattr(type_definition, "origin", None)
        if not (isinstance(origin, type) and issubclass(origin, ModelNode)):
            raise NotFound("对象不存在 (no such object)")
        if not in_range(pk, origin.model):
            raise NotFound("对象不存在 (no such object)")
        row = await load_one(info, origin.model, pk)
        if row is None:
            raise NotFound("对象不存在 (no such object)")
        return row
