"""Whole answers of repeated report reads, kept in the process until the snapshot changes.

A report read from a refreshed snapshot (``resolvers/reports/snapshots.py``) depends on the
request (document, operation, variables), on what the viewer may read (their role and
report departments), on the snapshot and on where reads go (primary or replica), nothing
else: a snapshot never changes. With its sums kept, such a request still cost ~1 ms of
strawberry executing a dashboard's fields, again and again for a BI tool or a wall screen.
So the response of a query whose only root field is ``reports`` is kept under exactly that
key and sent again, before any executor runs, while the newest snapshot is the same.

What makes it safe:
- Only documents whose every field is a report's (figures, ``asOf``, ``live``) or a
  department's own column (not its ``head``: people are read live and scoped), fragments
  and aliases included, checked on the parsed document.
- An answer is only ever one the generic executor gave: kept from a response with status
  200, data and no errors, whose reports read exactly the key's snapshot and departments
  (``snapshots.Reading``). Validation, limits and refusals stay the executor's (an
  employee's FORBIDDEN is never kept: they have no report departments, so no key at all).
- No snapshot (before the first refresh, SQLite): nothing is kept or served, reports live.
- Read from a replica: the key names the database, and ``extensions.readFrom`` and its
  headers are stated afresh at each answer.
Department columns in a kept answer are as of its first request after the refresh, as the
reports' ``departmentName`` already is.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

import orjson
from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    OperationDefinitionNode,
    OperationType,
    SelectionSetNode,
    get_named_type,
    is_leaf_type,
    parse,
)
from starlette.responses import Response
from starlette.types import Message, Scope, Send

from core.replica import ReadSource, replica_reads
from core.settings import Settings
from crossflow.bearer import request_viewer
from models.enums import Role
from resolvers.access import policy
from resolvers.access.auth import Viewer
from resolvers.errors import DomainError
from resolvers.reports import snapshots
from schema.limits import Limits

#: The root field whose answers are kept, its type, and the type of its rows' departments.
ROOT = "reports"
REPORTS_TYPE = "Reports"
DEPARTMENT_TYPE = "Department"
#: Bounds: the documents judged, the bytes of answers kept, the largest answer kept.
DOCUMENTS = 256
KEPT_BYTES = 8 * 1024 * 1024
LARGEST_BYTES = 1024 * 1024
#: Heads whose report departments are remembered at once (past that, expired ones go).
HEADS = 4096


@dataclass(frozen=True)
class _Key:
    query: str
    operation_name: str | None
    variables: bytes
    role: str
    departments: frozenset[int] | None
    database: str | None
    snapshot_id: int


#: What answers the request, after the key: where the reports read (replica) or ``None``.
_Source = ReadSource | None


class ReportAnswers:
    """The kept answers of one app (one per process and app)."""

    def __init__(self, schema: GraphQLSchema, settings: Settings) -> None:
        self.schema = schema
        self.settings = settings
        self.max_tokens = Limits.of(settings).max_tokens
        #: Where the view keeps the request's viewer, so it is signed in once.
        self._documents: OrderedDict[tuple[str, str | None], bool] = OrderedDict()
        self._answers: OrderedDict[_Key, bytes] = OrderedDict()
        self._bytes = 0
        #: A head's report departments, by (user, own department), and until when (monotonic).
        self._rights: dict[tuple[int, int | None], tuple[float, frozenset[int] | None]] = {}
        row_types = [get_named_type(f.type) for f in self._type(REPORTS_TYPE).fields.values()]
        self._rows = frozenset(t.name for t in row_types if isinstance(t, GraphQLObjectType))

    async def respond(
        self,
        scope: Scope,
        body: bytes | None,
        generic: Callable[[Send], Awaitable[None]],
        send: Send,
    ) -> None:
        """Send the kept answer of this request, or let ``generic`` answer (and keep it)."""
        request = self._request(body)
        if request is None:
            await generic(send)
            return
        async with self._key(scope, *request) as (key, source):
            kept = self._answers.get(key) if key is not None else None
        if key is None:
            await generic(send)
        elif kept is not None:
            self._answers.move_to_end(key)
            await _answer(kept, source)(scope, _no_body, send)
        else:
            with snapshots.watching() as reading:
                answer = await _captured(generic, send)
            if reading.only(key.snapshot_id, key.departments):
                self._keep(key, answer)

    def _request(self, body: bytes | None) -> tuple[str, str | None, bytes] | None:
        """The document, operation name and variables of a report read, else ``None``."""
        if body is None or ROOT.encode() not in body:
            return None
        try:
            request = orjson.loads(body)
        except orjson.JSONDecodeError:
            return None
        if not isinstance(request, dict):
            return None
        query, name, variables = (request.get(k) for k in ("query", "operationName", "variables"))
        if not isinstance(query, str) or not (name is None or isinstance(name, str)):
            return None
        if not (variables is None or isinstance(variables, dict)):
            return None
        if not self._reports_only(query, name):
            return None
        return query, name, orjson.dumps(variables)

    @asynccontextmanager
    async def _key(
        self, scope: Scope, query: str, name: str | None, variables: bytes
    ) -> AsyncIterator[tuple[_Key | None, _Source]]:
        """The key of this viewer's answer, and where it reads; ``None`` when none is kept."""
        viewer = await request_viewer(scope, self.settings)
        if viewer is None:
            yield None, None
            return
        async with self._reads() as source:
            try:
                departments = await self._departments(viewer)
            except DomainError:  # refused: the executor says so
                yield None, source
                return
            snapshot = await snapshots.latest()
            if snapshot is None:  # live figures: computed for each request
                yield None, source
                return
            database = source.connection if source is not None else None
            role = str(viewer.role.value)
            yield _Key(query, name, variables, role, departments, database, snapshot.id), source

    @asynccontextmanager
    async def _reads(self) -> AsyncIterator[_Source]:
        """Where the generic executor would read this report: the replica's block if any."""
        if not self.settings.database_replica_url:
            yield None
            return
        async with replica_reads(self.settings) as source:
            yield source

    async def _departments(self, viewer: Viewer) -> frozenset[int] | None:
        """The departments whose figures the viewer may read; a head's reused for a second.

        Only the departments a DEPT_HEAD heads are read from the database (their role and
        own department come with the viewer, current at each request). Reusing them for as
        long as the newest snapshot is reused keeps a dashboard's request free of
        statements; a headship given or taken counts within that second (with a replica,
        the executor itself reads it up to the replica's lag bound late).
        """
        if viewer.role is not Role.DEPT_HEAD or viewer.user_id is None:
            return await policy.report_departments(viewer)
        who = (viewer.user_id, viewer.department_id)
        known = self._rights.get(who)
        if known is not None and known[0] > time.monotonic():
            return known[1]
        departments = await policy.report_departments(viewer)
        self._rights[who] = (time.monotonic() + snapshots.LOOKUP_SECONDS, departments)
        if len(self._rights) > HEADS:
            now = time.monotonic()
            self._rights = {k: v for k, v in self._rights.items() if v[0] > now}
        return departments

    def _keep(self, key: _Key, answer: tuple[int, bytes]) -> None:
        status, body = answer
        data = _data_of(body) if status == 200 and len(body) <= LARGEST_BYTES else None
        if data is None:
            return
        old = self._answers.pop(key, None)
        self._bytes += len(data) - (len(old) if old is not None else 0)
        self._answers[key] = data
        while self._bytes > KEPT_BYTES:
            _, dropped = self._answers.popitem(last=False)
            self._bytes -= len(dropped)

    def _reports_only(self, query: str, name: str | None) -> bool:
        """Whether the operation that runs reads report fields only (judged once)."""
        judged = self._documents.get((query, name))
        if judged is None:
            judged = self._judge(query, name)
            self._documents[(query, name)] = judged
            while len(self._documents) > DOCUMENTS:
                self._documents.popitem(last=False)
        return judged

    def _judge(self, query: str, name: str | None) -> bool:
        try:
            document = parse(query, max_tokens=self.max_tokens)
        except GraphQLError:
            return False
        operations = [
            d
            for d in document.definitions
            if isinstance(d, OperationDefinitionNode)
            and (name is None or (d.name is not None and d.name.value == name))
        ]
        if len(operations) != 1 or operations[0].operation is not OperationType.QUERY:
            return False
        fragments = {
            d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
        }
        query_type = self.schema.query_type
        assert query_type is not None
        return _Selection(self, fragments).allowed(operations[0].selection_set, query_type)

    def _type(self, name: str) -> GraphQLObjectType:
        found = self.schema.get_type(name)
        assert isinstance(found, GraphQLObjectType), name
        return found

    def allows(self, parent: GraphQLObjectType, field: str, leaf: bool, target: str) -> bool:
        """Whether ``parent.field`` (of type ``target``) is a report's or a department's."""
        if parent is self.schema.query_type:
            return field == ROOT
        if parent.name == REPORTS_TYPE:
            return True
        if parent.name in self._rows:
            return leaf or target == DEPARTMENT_TYPE
        return parent.name == DEPARTMENT_TYPE and leaf


class _Selection:
    """Walks an operation's selections (fragments followed) through the schema's types."""

    def __init__(self, answers: ReportAnswers, fragments: dict[str, FragmentDefinitionNode]):
        self.answers = answers
        self.fragments = fragments
        #: The named fragments being walked (a cycle is the executor's to refuse).
        self.entered: set[str] = set()

    def allowed(self, selection_set: SelectionSetNode, parent: GraphQLObjectType) -> bool:
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                if not self._field(selection, parent):
                    return False
                continue
            if isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                fragment = self.fragments.get(name)
                if fragment is None or name in self.entered:
                    return False  # unknown or cyclic: the executor refuses it
                self.entered.add(name)
                allowed = self._fragment(fragment.type_condition.name.value, fragment, parent)
                self.entered.discard(name)
            else:
                assert isinstance(selection, InlineFragmentNode)
                condition = selection.type_condition
                named = condition.name.value if condition is not None else None
                allowed = self._fragment(named, selection, parent)
            if not allowed:
                return False
        return True

    def _fragment(
        self,
        condition: str | None,
        fragment: FragmentDefinitionNode | InlineFragmentNode,
        parent: GraphQLObjectType,
    ) -> bool:
        """A fragment on the parent's own type (one on an interface is not judged)."""
        return condition in (None, parent.name) and self.allowed(fragment.selection_set, parent)

    def _field(self, node: FieldNode, parent: GraphQLObjectType) -> bool:
        name = node.name.value
        if name == "__typename":
            return True
        field = parent.fields.get(name)
        if field is None:
            return False
        target = get_named_type(field.type)
        leaf = is_leaf_type(target)
        if not self.answers.allows(parent, name, leaf, target.name):
            return False
        if leaf or node.selection_set is None:
            return leaf and node.selection_set is None
        return isinstance(target, GraphQLObjectType) and self.allowed(node.selection_set, target)


def _data_of(body: bytes) -> bytes | None:
    """``{"data": …}`` of a complete answer (no errors, no other extension than readFrom)."""
    try:
        response: Any = orjson.loads(body)
    except orjson.JSONDecodeError:
        return None
    if not isinstance(response, dict) or not isinstance(response.get("data"), dict):
        return None
    extensions = response.get("extensions") or {}
    if set(response) - {"data", "extensions"} or set(extensions) - {"readFrom"}:
        return None
    return body if "extensions" not in response else orjson.dumps({"data": response["data"]})


def _answer(data: bytes, source: _Source) -> Response:
    """A kept answer as the executor sends it: with where it read, stated now."""
    if source is None:
        return Response(data, media_type="application/json")
    read_from = orjson.dumps(source.describe())
    body = data[:-1] + b',"extensions":{"readFrom":' + read_from + b"}}"
    return Response(body, media_type="application/json", headers=source.headers())


async def _captured(generic: Callable[[Send], Awaitable[None]], send: Send) -> tuple[int, bytes]:
    """Run ``generic`` with its response passed on, and return its status and body."""
    status = 0
    chunks: list[bytes] = []

    async def keep(message: Message) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]
        elif message["type"] == "http.response.body":
            chunks.append(message.get("body", b""))
        await send(message)

    await generic(keep)
    return status, b"".join(chunks)


async def _no_body() -> Message:
    return {"type": "http.disconnect"}
