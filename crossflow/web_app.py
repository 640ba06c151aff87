"""The workbench (协作工作台): the built single-page app served at ``/``.

The bundle is built from ``web/`` into ``crossflow/web_dist`` and shipped inside the
package, so a server needs no Node. Hashed files under ``/assets/`` never change their
content, so they are cached for a year; ``index.html`` is revalidated on every visit so a
new release is picked up at once. Any other GET that looks like a client route (no file
extension, not under a server prefix) answers with ``index.html``: React Router resolves
it in the browser.
"""

from __future__ import annotations

from pathlib import Path

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse, Response
from starlette.routing import BaseRoute, Match, Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import Scope

WEB_DIST = Path(__file__).with_name("web_dist")
#: Paths the server answers itself; a miss under them is a 404, never the app.
SERVER_PREFIXES = ("graphql", "admin", "auth", "files", "meetings", "reports", "healthz", "readyz")
IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"


class HashedAssets(StaticFiles):
    """Static files whose names carry a content hash: cached for a year."""

    async def get_response(self, path: str, scope: Scope) -> Response:
        response = await super().get_response(path, scope)
        if response.status_code == 200:
            response.headers["cache-control"] = IMMUTABLE
        return response


def _is_client_route(path: str) -> bool:
    first = path.split("/", 1)[0]
    last = path.rsplit("/", 1)[-1]
    return first not in SERVER_PREFIXES and "." not in last


class ClientRoute(Route):
    """Matches only client routes, so the server's own misses (``/admin`` without its
    slash, ``/files/…``) keep their usual answers (redirect, 404)."""

    def matches(self, scope: Scope) -> tuple[Match, Scope]:
        match, child = super().matches(scope)
        if match is not Match.NONE and not _is_client_route(child["path_params"]["path"]):
            return Match.NONE, {}
        return match, child


def routes(folder: Path = WEB_DIST) -> list[BaseRoute]:
    """``/assets`` and the single-page fallback; add them after every other route."""

    async def page(request: Request) -> Response:
        index = folder / "index.html"
        if not index.is_file():
            raise HTTPException(404, "workbench not built (run `npm run build` in web/)")
        return FileResponse(index, headers={"cache-control": REVALIDATE})

    assets = folder / "assets"
    mounted: list[BaseRoute] = []
    if assets.is_dir():
        mounted.append(Mount("/assets", HashedAssets(directory=assets), name="web-assets"))
    return [*mounted, ClientRoute("/{path:path}", page, methods=["GET", "HEAD"])]
