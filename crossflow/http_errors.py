"""Errors outside GraphQL execution (signing in a request, a download) as coded JSON.

Inside GraphQL, schema/errors.py gives every error its code. A database outage can also
strike before execution starts (reading the viewer of a bearer token): then the client gets
a 503 with the same GraphQL-shaped body, never a stack trace.
"""

from __future__ import annotations

import logging

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from crossflow.db import UNAVAILABLE_ERRORS

log = logging.getLogger("crossflow.errors")

UNAVAILABLE_BODY = {
    "data": None,
    "errors": [
        {
            "message": "服务暂时不可用，请稍后重试 (service temporarily unavailable, retry)",
            "extensions": {"code": "SERVICE_UNAVAILABLE"},
        }
    ],
}


async def unavailable(request: Request, exc: Exception) -> Response:
    log.warning(
        "%s %s: backing service unavailable (%s)",
        request.method,
        request.url.path,
        type(exc).__name__,
    )
    return JSONResponse(UNAVAILABLE_BODY, status_code=503, headers={"Retry-After": "5"})


def exception_handlers() -> dict[type[BaseException], object]:
    """Handlers per exception class (so Starlette answers them without re-raising)."""
    return dict.fromkeys(UNAVAILABLE_ERRORS, unavailable)
