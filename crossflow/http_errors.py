"""Errors outside GraphQL execution (signing in a request, a download) as coded JSON.

Inside GraphQL, schema/errors.py gives every error its code. A database or broker error can
also strike before execution starts (reading the viewer of a bearer token) or in a plain
route: it is classified the same way (``core/db_errors.py``) and answered with the same
GraphQL-shaped body, never a stack trace: an outage is a 503 to retry, a value the database
refused a 400, anything else a 500 logged with its traceback.
"""

from __future__ import annotations

import logging

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from core.db_errors import SERVICE_ERRORS, Kind, classify

log = logging.getLogger("crossflow.errors")

MESSAGES = {
    Kind.UNAVAILABLE: "服务暂时不可用，请稍后重试 (service temporarily unavailable, retry)",
    Kind.BAD_INPUT: "请求中的值无法处理 (a value in the request cannot be processed)",
    Kind.INTERNAL: "服务器内部错误 (internal server error)",
}
STATUS = {Kind.UNAVAILABLE: 503, Kind.BAD_INPUT: 400, Kind.INTERNAL: 500}


def body(kind: Kind) -> dict[str, object]:
    """The GraphQL-shaped answer for an error of this kind."""
    error = {"message": MESSAGES[kind], "extensions": {"code": kind.value}}
    return {"data": None, "errors": [error]}


async def service_error(request: Request, exc: Exception) -> Response:
    kind = classify(exc)
    where = f"{request.method} {request.url.path}"
    if kind is Kind.UNAVAILABLE:
        log.warning("%s: backing service unavailable (%s)", where, type(exc).__name__)
        return JSONResponse(body(kind), status_code=503, headers={"Retry-After": "5"})
    if kind is Kind.BAD_INPUT:
        log.info("%s: a value refused by the database (%s)", where, exc)
    else:
        log.error("%s: unexpected error", where, exc_info=exc)
    return JSONResponse(body(kind), status_code=STATUS[kind])


def exception_handlers() -> dict[type[BaseException], object]:
    """Handlers per exception class (so Starlette answers them without re-raising)."""
    return dict.fromkeys(SERVICE_ERRORS, service_error)
