"""Report downloads for BI tools and management, beside ``/graphql``.

``GET /reports/<name>.csv|.json|.xlsx``           a built-in report
                                                  (``resolvers.reports.aggregates.BUILT_IN``)
``GET /reports/saved/<name>.json|.csv|.xlsx``     a saved report (persisted query), by name
``GET /reports/analysis/<YYYY-MM>.html|.xlsx``    the monthly Collaboration Analysis Report

All with ``Authorization: Bearer <token>`` (a person's token or a ``cft_…`` API token), or
a person's short-lived signed link (``signDownloadLink``,
``resolvers/files/download_links.py``), and
the same rights and department scope as the GraphQL ``reports`` field. Built-in reports
take ``from``/``to`` (Beijing dates), ``month`` (YYYY-MM) and repeated ``department``
(codes) query parameters; a saved report takes its declared variables as query
parameters (as strings). The figures are read from the read replica when one is
configured (``core/replica.py``; the caller's rights and a saved report's name from the
primary), and the ``X-CrossFlow-Read-From``/``X-CrossFlow-Staleness-Seconds`` headers say
which database answered and how stale it may be; a built-in report's
``X-CrossFlow-Report-As-Of``/``X-CrossFlow-Report-Live`` say when its figures were true
(the refreshed snapshot's time, or now when computed live), like ``reports { asOf live }``.
Refusals are GraphQL-shaped JSON errors with a code, as in ``crossflow/downloads.py``; each
caller is rate limited (``core/rate_limit.py``).
"""

from __future__ import annotations

import json
import math
from datetime import date

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from core.rate_limit import Limiter, build_limiter
from core.replica import ReadSource, replica_reads
from core.settings import Settings
from core.tabular import (
    CSV_MEDIA_TYPE,
    JSON_MEDIA_TYPE,
    XLSX_MEDIA_TYPE,
    Table,
    from_rows,
    to_csv,
    to_json,
    to_xlsx,
)
from crossflow.downloads import content_disposition, request_caller
from crossflow.graphql_view import coded_error
from crossflow.saved_tables import shape_of, table_of
from models import Department
from resolvers.access.auth import Viewer
from resolvers.context import RequestContext
from resolvers.errors import BadUserInput, DomainError
from resolvers.files import download_links
from resolvers.reports import aggregates as reports
from resolvers.reports import analysis
from resolvers.reports import saved as saved_reports
from resolvers.workflow import NOT_FOUND_MESSAGE
from schema import schema_for

TABLE_FORMATS = ("csv", "json", "xlsx")
_STATUS = {
    "UNAUTHENTICATED": 401,
    "FORBIDDEN": 403,
    "NOT_FOUND": 404,
    "SERVICE_UNAVAILABLE": 503,
    "INTERNAL_SERVER_ERROR": 500,
}
_HEADERS = {"X-Content-Type-Options": "nosniff", "Cache-Control": "private, no-store"}
#: The stored HTML report may show text users typed: no script, no outside resource.
_HTML_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox"


def _refusal(error: DomainError) -> Response:
    """A use case's refusal as an HTTP status with the GraphQL-shaped body."""
    status = _STATUS.get(error.code, 400)
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    return coded_error(status, error.message, error.code, headers)


def _limiter(request: Request) -> Limiter:
    """The app's limiter, made on first use (one per app, so tests get fresh buckets)."""
    limiter: Limiter | None = getattr(request.app.state, "report_limiter", None)
    if limiter is None:
        limiter = build_limiter(request.app.state.settings)
        request.app.state.report_limiter = limiter
    return limiter


async def _caller(request: Request) -> Viewer | Response:
    """The signed-in viewer with a token left in their bucket, or the refusal."""
    viewer = await request_caller(request)
    if isinstance(viewer, Response):
        return viewer
    key = f"token:{viewer.api_token_id}" if viewer.api_token_id else f"user:{viewer.user_id}"
    wait = await _limiter(request).take(key)
    if wait > 0:
        return coded_error(
            429,
            "请求过于频繁，请稍后再试 (too many report requests, retry later)",
            "RATE_LIMITED",
            {"Retry-After": str(max(1, math.ceil(wait)))},
        )
    return viewer


def _download(body: bytes, media_type: str, file_name: str, *, inline: bool = False) -> Response:
    disposition = content_disposition(file_name, "inline" if inline else "attachment")
    return Response(
        body, media_type=media_type, headers={**_HEADERS, "Content-Disposition": disposition}
    )


def _table_response(table: Table, fmt: str, name: str) -> Response:
    if fmt == "csv":
        return _download(to_csv(table), CSV_MEDIA_TYPE, f"{name}.csv")
    if fmt == "xlsx":
        return _download(to_xlsx(table, name), XLSX_MEDIA_TYPE, f"{name}.xlsx")
    return Response(to_json(table), media_type=JSON_MEDIA_TYPE, headers=_HEADERS)


def _stating(response: Response, source: ReadSource) -> Response:
    """The response with the database that answered and how stale it may be."""
    response.headers.update(source.headers())
    return response


def _date(value: str | None, field: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise BadUserInput(f"{field}应为YYYY-MM-DD (a date)", field=field) from exc


async def _filter(request: Request) -> reports.ReportFilter:
    """The report filter from the query string; departments by their codes."""
    params = request.query_params
    codes = params.getlist("department")
    department_ids: list[int] | None = None
    if codes:
        found = dict(await Department.filter(code__in=codes).values_list("code", "id"))
        unknown = sorted(set(codes) - set(found))
        if unknown:
            raise BadUserInput(f"部门不存在 (unknown department {unknown[0]})", field="department")
        department_ids = [int(found[code]) for code in codes]
    return reports.ReportFilter(
        start=_date(params.get("from"), "from"),
        end=_date(params.get("to"), "to"),
        month=params.get("month") or None,
        department_ids=department_ids,
    )


async def built_in_report(request: Request) -> Response:
    """``GET /reports/<name>.<csv|json|xlsx>``: one of the built-in reports."""
    name, fmt = request.path_params["name"], request.path_params["fmt"]
    report = reports.BUILT_IN.get(name)
    if report is None or fmt not in TABLE_FORMATS:
        return coded_error(404, NOT_FOUND_MESSAGE, "NOT_FOUND")
    caller = await _caller(request)
    if isinstance(caller, Response):
        return caller
    try:
        scope = await reports.scope_for(caller, await _filter(request))
        async with replica_reads(request.app.state.settings) as source:
            rows = await report.function(scope)
        as_of, live = await reports.freshness(scope)
    except DomainError as error:
        return _refusal(error)
    response = _table_response(from_rows(report.row_type, rows), fmt, name)
    response.headers["X-CrossFlow-Report-As-Of"] = as_of.isoformat()
    response.headers["X-CrossFlow-Report-Live"] = str(live).lower()
    return _stating(response, source)


def _variables(request: Request) -> dict[str, str]:
    """The saved query's variables: the query parameters but a signed link's signature."""
    return {k: v for k, v in request.query_params.items() if k != download_links.PARAM}


async def saved_report(request: Request) -> Response:
    """``GET /reports/saved/<name>.<json|csv|xlsx>``: run a saved query as the caller.

    It runs on the schema ``/graphql`` serves, with the same depth, cost and time limits.
    """
    name, fmt = request.path_params["name"], request.path_params["fmt"]
    if fmt not in TABLE_FORMATS:
        return coded_error(404, NOT_FOUND_MESSAGE, "NOT_FOUND")
    caller = await _caller(request)
    if isinstance(caller, Response):
        return caller
    try:
        saved = await saved_reports.runnable(caller, name)
    except DomainError as error:
        return _refusal(error)
    settings: Settings = request.app.state.settings
    context = RequestContext.build(settings, caller, request=request)
    graphql_schema = schema_for(settings)
    async with replica_reads(settings) as source:
        result = await graphql_schema.execute(
            saved.document, variable_values=_variables(request), context_value=context
        )
    if result.errors:
        first = result.errors[0]
        code = str((first.extensions or {}).get("code", "BAD_REQUEST"))
        return coded_error(_STATUS.get(code, 400), first.message, code)
    if fmt == "json":  # the GraphQL result as it is, like a POST to /graphql answers
        body = json.dumps({"data": result.data}, ensure_ascii=False).encode()
        return _stating(Response(body, media_type=JSON_MEDIA_TYPE, headers=_HEADERS), source)
    shape = shape_of(graphql_schema._schema, saved.document)
    return _stating(_table_response(table_of(shape, result.data), fmt, name), source)


async def analysis_report(request: Request) -> Response:
    """``GET /reports/analysis/<YYYY-MM>.<html|xlsx>``: a stored monthly report."""
    month, fmt = request.path_params["month"], request.path_params["fmt"]
    if fmt not in ("html", "xlsx"):
        return coded_error(404, NOT_FOUND_MESSAGE, "NOT_FOUND")
    caller = await _caller(request)
    if isinstance(caller, Response):
        return caller
    try:
        async with replica_reads(request.app.state.settings) as source:
            document = await analysis.stored_document(caller, month, fmt)
    except BadUserInput:  # not a month: no such address
        return coded_error(404, NOT_FOUND_MESSAGE, "NOT_FOUND")
    except DomainError as error:
        return _refusal(error)
    response = _download(
        document.content, document.media_type, document.file_name, inline=fmt == "html"
    )
    if fmt == "html":
        response.headers["Content-Security-Policy"] = _HTML_POLICY
    return _stating(response, source)


#: Mounted by ``crossflow/app.py``; the specific prefixes first.
routes = [
    Route("/reports/saved/{name}.{fmt}", saved_report, methods=["GET"]),
    Route("/reports/analysis/{month}.{fmt}", analysis_report, methods=["GET"]),
    Route("/reports/{name}.{fmt}", built_in_report, methods=["GET"]),
]
