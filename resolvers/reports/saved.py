"""Saved reports (persisted queries): named GraphQL documents that BI tools run by name.

The admin saves a document under a slug; a BI tool then pulls
``GET /reports/saved/<name>.json`` (or ``.csv``, ``.xlsx``), which runs that document, and
only documents saved here, with the caller's own rights. A document must be one query
operation (fragments allowed) valid against the schema when it is saved; mutations and
subscriptions are refused, so a saved report can never change anything.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from graphql import (
    GraphQLError,
    GraphQLSchema,
    OperationDefinitionNode,
    OperationType,
    parse,
    validate,
)
from tortoise.exceptions import IntegrityError
from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from models import SavedReport
from resolvers import audit
from resolvers.access import policy
from resolvers.access.auth import Viewer
from resolvers.access.scope import scope_of, scoped
from resolvers.access.scope_rules import NOTHING
from resolvers.errors import BadUserInput, Conflict, Forbidden, NotFound
from resolvers.workflow import NOT_FOUND_MESSAGE

NAME_PATTERN = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$")
DOCUMENT_LIMIT = 20_000


@dataclass
class SavedReportInput:
    name: str
    title: str
    document: str
    description: str = ""


def check_name(name: str, field: str = "name") -> str:
    """A slug: lower-case letters, digits and inner hyphens, at most 64 characters."""
    slug = name.strip()
    if not NAME_PATTERN.match(slug):
        raise BadUserInput(
            "名称只能包含小写字母、数字和连字符 (name: a-z, 0-9 and inner hyphens, ≤ 64)",
            field=field,
        )
    return slug


def check_document(graphql_schema: GraphQLSchema, document: str) -> str:
    """The document, if it is one query operation valid against the schema.

    Refusals are BAD_USER_INPUT on ``document`` with GraphQL's own messages.
    """
    text = document.strip()
    if not text or len(text) > DOCUMENT_LIMIT:
        raise BadUserInput(
            f"查询文档为空或过长 (document is empty or over {DOCUMENT_LIMIT})", field="document"
        )
    try:
        parsed = parse(text)
    except GraphQLError as exc:
        raise BadUserInput(f"查询文档无法解析 ({exc.message})", field="document") from exc
    operations = [d for d in parsed.definitions if isinstance(d, OperationDefinitionNode)]
    if len(operations) != 1:
        raise BadUserInput("查询文档须只含一个操作 (exactly one operation)", field="document")
    if operations[0].operation is not OperationType.QUERY:
        raise BadUserInput(
            "只能保存查询，不能保存变更或订阅 (only a query can be saved)",
            field="document",
            operation=operations[0].operation.value,
        )
    errors = validate(graphql_schema, parsed)
    if errors:
        raise BadUserInput(
            f"查询文档不符合接口定义 ({'; '.join(e.message for e in errors[:5])})",
            field="document",
        )
    return text


async def save_report(
    viewer: Viewer, graphql_schema: GraphQLSchema, data: SavedReportInput
) -> SavedReport:
    """Create a saved report, or replace the one of the same name (ADMIN)."""
    policy.require_writer(viewer)
    policy.require_admin(viewer)
    name = check_name(data.name)
    title = data.title.strip()
    if not title or len(title) > 200:
        raise BadUserInput("请填写标题 (title: 1-200 characters)", field="title")
    document = check_document(graphql_schema, data.document)
    try:
        async with in_transaction() as conn:
            report = await SavedReport.filter(name=name).using_db(conn).select_for_update().first()
            before = {"document": report.document, "title": report.title} if report else None
            if report is None:
                report = SavedReport(name=name, created_by_id=viewer.user_id)
            report.title = title
            report.description = data.description.strip()
            report.document = document
            await report.save(using_db=conn)
            await audit.record(
                viewer,
                "saved_report.save",
                "SavedReport",
                report.id,
                subject_code=name,
                before=before,
                after={"document": document, "title": title},
                using_db=conn,
            )
    except IntegrityError as exc:  # saved under the same name at the same moment
        raise Conflict("同名报表刚被保存，请重试 (saved meanwhile: retry)") from exc
    return report


async def delete_report(viewer: Viewer, report_id: int) -> SavedReport:
    """Remove a saved report (ADMIN); its address answers 404 from then on."""
    policy.require_writer(viewer)
    policy.require_admin(viewer)
    async with in_transaction() as conn:
        report = await SavedReport.filter(id=report_id).using_db(conn).first()
        if report is None:
            raise NotFound(NOT_FOUND_MESSAGE)
        await audit.record(
            viewer,
            "saved_report.delete",
            "SavedReport",
            report.id,
            subject_code=report.name,
            before={"document": report.document, "title": report.title},
            using_db=conn,
        )
        await report.delete(using_db=conn)
    return report


#: The refusal of the list to anyone outside ``report_readers``: the words of
#: ``policy.report_departments``, which refuses the same people.
READERS_ONLY = "仅管理层、BI和部门负责人可查看报表 (reports are for management, BI and heads)"


def saved_reports(viewer: Viewer) -> QuerySet[SavedReport]:
    """The saved reports in the viewer's scope (``report_readers``), FORBIDDEN to others.

    Decided by the table's scope rule, which admits whoever ``policy.report_departments``
    admits (ADMIN, EXECUTIVE, BI and heads; a token is BI or EXECUTIVE, so every head is a
    person), without reading a head's departments, which a list of definitions does not
    need: a head's page is one statement on the compiled path (``schema/compiled``) too.
    """
    if scope_of(SavedReport, viewer) is NOTHING:
        raise Forbidden(READERS_ONLY)
    return scoped(SavedReport, viewer)


async def runnable(viewer: Viewer, name: str) -> SavedReport:
    """The saved report called ``name``, for a caller with report rights; else NOT_FOUND.

    The allow-list: a name that was never saved is a 404, whatever document it might be.
    """
    await policy.report_departments(viewer)
    report = await SavedReport.get_or_none(name=name)
    if report is None:
        raise NotFound(NOT_FOUND_MESSAGE)
    return report
