"""Plain HTTP routes for what GraphQL cannot carry: attachment bytes and meeting invites.

``GET /files/{attachment version id}`` and ``GET /meetings/{meeting id}.ics``, both with
the same bearer token as ``/graphql`` in the ``Authorization`` header (never in the URL,
where it would end up in logs and browser history), or with the ``sig`` of a short-lived
link from ``signDownloadLink`` (``resolvers/files/download_links.py``) so a plain browser link
opens them; a forged, altered or expired link is a 403 that says to open it again. An
object the viewer may not read is a 404, exactly like one that does not exist (the API's
NOT_FOUND rule); a BI token is refused the bytes of files with a 403 that says so.
"""

from __future__ import annotations

import logging
from urllib.parse import quote

from starlette.requests import Request
from starlette.responses import FileResponse, Response
from strawberry import relay

from core.settings import Settings
from crossflow.bearer import bearer_token
from crossflow.graphql_view import coded_error
from resolvers.access.auth import Viewer, viewer_from_token
from resolvers.collaboration import meetings
from resolvers.errors import Forbidden, NotFound
from resolvers.files import attachments, download_links
from resolvers.workflow import NOT_FOUND_MESSAGE
from schema.ids import in_range

log = logging.getLogger(__name__)

#: Stored files are only ever downloaded, never rendered by the browser as a page.
_SAFE_HEADERS = {"X-Content-Type-Options": "nosniff", "Cache-Control": "private, no-cache"}


def content_disposition(file_name: str, disposition: str = "attachment") -> str:
    """``attachment`` (or ``inline``) with an ASCII fallback name and the real one as UTF-8
    (RFC 6266)."""
    fallback = "".join(ch if ch.isascii() and ch.isprintable() else "_" for ch in file_name)
    fallback = fallback.replace('"', "_").replace("\\", "_")
    quoted = quote(file_name, safe="")
    return f"{disposition}; filename=\"{fallback}\"; filename*=UTF-8''{quoted}"


async def request_caller(request: Request) -> Viewer | Response:
    """The viewer of the bearer token, else of a signed link, else the refusal to send.

    The header wins when both are present: a program's token is never traded for a link.
    """
    settings: Settings = request.app.state.settings
    token = bearer_token(request.headers.get("authorization"))
    if token:
        viewer = await viewer_from_token(settings, token)
        return viewer if viewer is not None else unauthenticated()
    signature = request.query_params.get(download_links.PARAM)
    if signature is None:
        return unauthenticated()
    viewer = await download_links.viewer_for(
        settings, signature, request.url.path, request.query_params.multi_items()
    )
    if viewer is None:
        return coded_error(
            403,
            "下载链接无效或已过期，请回到页面重新打开 (the download link is not valid or has"
            " expired: open it again from the page)",
            "FORBIDDEN",
        )
    return viewer


def _pk(global_id: str, type_name: str) -> int | None:
    try:
        decoded = relay.GlobalID.from_id(global_id)
        pk = int(decoded.node_id)
    except Exception:
        return None
    return pk if decoded.type_name == type_name and in_range(pk) else None


def unauthenticated() -> Response:
    return coded_error(
        401, "请先登录 (sign in first)", "UNAUTHENTICATED", {"WWW-Authenticate": "Bearer"}
    )


def _not_found() -> Response:
    return coded_error(404, NOT_FOUND_MESSAGE, "NOT_FOUND")


async def download_file(request: Request) -> Response:
    """The bytes of one attachment version, as stored, with its name and type."""
    viewer = await request_caller(request)
    if isinstance(viewer, Response):
        return viewer
    pk = _pk(request.path_params["version_id"], "AttachmentVersion")
    if pk is None:
        return _not_found()
    try:
        stored = await attachments.stored_version(viewer, pk, request.app.state.settings)
    except NotFound:
        return _not_found()
    except Forbidden as refusal:  # a BI token: attachments' bytes are not for reports
        return coded_error(403, refusal.message, refusal.code)
    if not stored.path.is_file():
        log.error("stored file missing for attachment version %s: %s", pk, stored.path)
        return coded_error(500, "文件丢失 (the stored file is missing)", "INTERNAL_SERVER_ERROR")
    return FileResponse(
        stored.path,
        media_type=stored.version.content_type,
        headers={**_SAFE_HEADERS, "Content-Disposition": content_disposition(stored.file_name)},
    )


async def meeting_invite(request: Request) -> Response:
    """A meeting's iCalendar invite."""
    viewer = await request_caller(request)
    if isinstance(viewer, Response):
        return viewer
    pk = _pk(request.path_params["meeting_id"], "Meeting")
    if pk is None:
        return _not_found()
    try:
        body = await meetings.invite(viewer, pk)
    except NotFound:
        return _not_found()
    return Response(
        body,
        media_type="text/calendar; charset=utf-8; method=REQUEST",
        headers={**_SAFE_HEADERS, "Content-Disposition": content_disposition("meeting.ics")},
    )
